"""Everything the package does only because of the tools that run it, in one place.

Each piece says which tool needs it and when it can go. Nothing else in the package
imports MkDocs or touches sys.modules.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

PACKAGE = __name__.rpartition(".")[0] or "macros"

# MkDocs prints a PluginError as a clean "Error: …" and exits 1. Zensical runs the macros
# without MkDocs installed, so a stand-in takes its place there.
# Can go when the site builds with Zensical only (then any Exception subclass will do).
try:
    from mkdocs.exceptions import PluginError
except ImportError:  # pragma: no cover - exercised by `make zensical`

    class PluginError(Exception):
        pass


def store(name: str) -> dict:
    """A dict that outlives re-imports of this package.

    Zensical executes the macros module again for every page, which would empty any
    module-level cache; a module registered in sys.modules survives that.
    Can go when Zensical keeps module state between pages (then a module global will do).
    """
    holder = sys.modules.setdefault("_iliopsoas_state", types.ModuleType("_iliopsoas_state"))
    return holder.__dict__.setdefault(name, {})


_stamps = store("source-stamps")


def forget_edited_code() -> None:
    """Drop this package's submodules from sys.modules when any of its .py files changed.

    A plain `mkdocs serve` imports the package once and keeps it, so edits to macros/*.py
    would only show after a restart. `make serve` builds in a fresh process each time and
    does not need this; it stays for anyone running `mkdocs serve` by hand.
    Can go with MkDocs 1.x (Zensical re-executes the module anyway).
    """
    here = Path(__file__).parent
    stamps = {str(p): p.stat().st_mtime_ns for p in here.rglob("*.py")}
    changed = bool(_stamps) and stamps != _stamps
    _stamps.clear()
    _stamps.update(stamps)
    if changed:
        for name in [n for n in sys.modules if n.startswith(PACKAGE + ".") and n != __name__]:
            del sys.modules[name]


def load_as_package(module_globals: dict, hooks: tuple[str, ...]) -> None:
    """Import the real package and copy its hooks into a module executed from its file path.

    Zensical's macros shim executes macros/__init__.py by path without registering a
    package, so relative imports fail there. Can go when Zensical imports the module by name.
    """
    sys.path.insert(0, str(Path(module_globals["__file__"]).resolve().parents[1]))
    package = importlib.import_module(module_globals["__name__"])
    for hook in hooks:
        module_globals[hook] = getattr(package, hook)
