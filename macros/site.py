"""Wire the data and the Renderer into mkdocs-macros: one load per build, macros per page."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

from .problems import PluginError

from .links import DEFAULT_PAGES, Links
from .load import load
from .render import Renderer
from .review import due
from .structured import page_graph

MACROS = ("muscle_card", "exercise_card", "red_flags", "cite", "bibliography", "claim", "claims",
          "fact", "glossary", "routine", "muscle_name", "pain_map", "figure", "verdicts")


def register(env) -> Renderer:
    root = Path(env.project_dir)
    conf = env.conf
    pages = {**DEFAULT_PAGES, **(conf["extra"].get("site_pages") or {})}
    _check_pages(Path(conf["docs_dir"]), pages)
    data = load(root / "data", root=root)
    _review_notice(root, data)
    renderer = Renderer(
        data,
        links=lambda: Links(_page_url(env), conf["use_directory_urls"], pages),
        where=lambda: call_site(env),
        titles=page_titles(Path(conf["docs_dir"])),
    )
    for name in MACROS:
        env.macro(getattr(renderer, name), name)
    _glossary_tooltips(conf, renderer)
    env.variables["_renderer"] = renderer
    return renderer


def before_page(env) -> None:
    env.variables["_renderer"].start_page()


def after_page(env) -> None:
    """Hand the theme this page's schema.org graph (printed by overrides/main.html).

    Structured data is an extra, not part of the page's content: a tool that skips this
    hook (Zensical does) still builds a correct site, only without JSON-LD.
    """
    renderer = env.variables["_renderer"]
    url = env.conf["site_url"].rstrip("/") + "/" + env.page.url
    env.page.meta["jsonld"] = page_graph(env.page.meta, url, env.conf["site_name"], renderer.shown, renderer.data)


def _review_notice(root: Path, data) -> None:
    """Say what is due for review. A notice, not a MkDocs warning: it must not fail --strict."""
    items = due(root, data, datetime.date.today())
    if items:
        lines = "\n".join(f"  {item}" for item in items)
        # Printed, not logged through MkDocs: a logged warning would fail `--strict`.
        print(f"WARNING -  {len(items)} due for review within 30 days (make review-due):\n{lines}",
              file=sys.stderr)


def _check_pages(docs_dir: Path, pages: dict) -> None:
    missing = [f"{role}: docs/{src}" for role, src in pages.items() if not (docs_dir / src).is_file()]
    if missing:
        raise PluginError("macros link to pages that do not exist (set extra.site_pages in mkdocs.yml "
                          "or add the pages): " + "; ".join(missing))


def _glossary_tooltips(conf, renderer: Renderer) -> None:
    """Feed data/glossary.yml to Markdown's abbr extension, so every page gets the tooltips.

    MkDocs builds a fresh Markdown instance for each page from `mdx_configs`, so setting
    the glossary here, once per build, reaches every page without touching page text.
    """
    if "abbr" not in conf["markdown_extensions"]:
        raise PluginError("mkdocs.yml must list the 'abbr' Markdown extension: the glossary tooltips use it")
    conf["mdx_configs"].setdefault("abbr", {})["glossary"] = renderer.glossary_abbreviations()


def page_titles(docs_dir: Path) -> dict[str, str]:
    """docs-relative path -> the title in its front matter (or its first heading)."""
    titles = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^title:\s*(.+)$", text.split("\n---", 1)[0], re.M) if text.startswith("---") else None
        heading = re.search(r"^# (.+)$", text, re.M)
        titles[path.relative_to(docs_dir).as_posix()] = (match or heading).group(1).strip().strip('"') \
            if (match or heading) else path.stem
    return titles


def _page_url(env) -> str:
    page = getattr(env, "page", None)
    return page.url if page is not None else ""


def call_site(env) -> str:
    """'docs/page.md:12' for the macro call being rendered, found from Jinja's frame."""
    page = getattr(env, "page", None)
    where = f"{Path(env.conf['docs_dir']).name}/{page.file.src_uri}" if page is not None else "a page"
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and frame.f_code.co_filename == "<template>":
            return f"{where}:{template.get_corresponding_lineno(frame.f_lineno)}"
        frame = frame.f_back
    return where
