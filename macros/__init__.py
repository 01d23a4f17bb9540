"""mkdocs-macros entry point: load the data once per build and register the page-facing macros.

Kept tiny on purpose: `mkdocs serve` keeps this package imported between rebuilds, so
define_env first drops any submodule whose file changed, and the real work lives in them.
"""

import sys

if __name__ not in sys.modules:
    # Executed from its file path without being registered as a package (Zensical's macros
    # load it this way), so relative imports cannot work: import the package properly from
    # the project root and hand over its hooks.
    import importlib
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    _package = importlib.import_module(__name__)
    for _hook in ("on_post_page_macros", "define_env", "on_pre_page_macros"):
        globals()[_hook] = getattr(_package, _hook)
else:
    from . import reload as _reload

    def define_env(env):
        _reload.stale_submodules(__name__)
        from .site import register

        register(env)

    def on_pre_page_macros(env):
        from .site import before_page

        before_page(env)

    def on_post_page_macros(env):
        from .site import after_page

        after_page(env)
