"""mkdocs-macros entry point: load the data once per build and register the page-facing macros.

Kept tiny on purpose: `mkdocs serve` keeps this package imported between rebuilds, so
define_env first drops any submodule whose file changed, and the real work lives in them.
"""

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
