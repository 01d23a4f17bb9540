"""mkdocs-macros entry point: load the data once per build and register the page-facing macros.

Kept tiny on purpose; the wiring is in site.py and what other tools need is in compat.py.
"""

import sys

HOOKS = ("on_post_page_macros", "define_env", "on_pre_page_macros", "on_post_build")

if __name__ not in sys.modules:  # executed from its file path (Zensical): see compat.load_as_package
    import importlib.util
    from pathlib import Path

    _spec = importlib.util.spec_from_file_location("_iliopsoas_compat", Path(__file__).with_name("compat.py"))
    _compat = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_compat)
    _compat.load_as_package(globals(), HOOKS)
else:
    from . import compat as _compat

    def define_env(env):
        _compat.forget_edited_code()
        from .site import register

        register(env)

    def on_pre_page_macros(env):
        from .site import before_page

        before_page(env)

    def on_post_page_macros(env):
        from .site import after_page

        after_page(env)

    def on_post_build(env):
        from .site import after_build

        after_build(env)
