"""Forget submodules whose source changed, so `mkdocs serve` rebuilds with edited code.

The macros plugin imports a package once and Python keeps it in sys.modules; without
this, an edit to macros/*.py would only show after restarting the server.
"""

from __future__ import annotations

import sys
from pathlib import Path

_seen: dict[str, int] = {}


def stale_submodules(package: str) -> list[str]:
    """Drop every `package.*` module when any .py file in the package changed; return them."""
    here = Path(__file__).parent
    stamps = {str(p): p.stat().st_mtime_ns for p in here.rglob("*.py")}
    changed = bool(_seen) and stamps != _seen
    _seen.clear()
    _seen.update(stamps)
    if not changed:
        return []
    dropped = [name for name in sys.modules if name.startswith(package + ".") and name != __name__]
    for name in dropped:
        del sys.modules[name]
    return dropped
