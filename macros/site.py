"""Wire the data and the Renderer into mkdocs-macros: one load and one check per build, macros per page."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from jinja2 import TemplateSyntaxError

from .checks import check_site
from .figures import Figures
from .i18n import DEFAULT, MISSING
from .links import Links, site_url_of
from .load import load
from .outputs import write_all
from .pages import all_pages
from .problems import DataError, MacroError
from .quiz import card_homes
from .reading import reading_minutes
from .related import survey
from .render import MACROS, Renderer
from .review import due
from .structured import page_graph


def register(env) -> None:
    """Load and check everything, then give pages the macros (and nothing else)."""
    root, conf = Path(env.project_dir), env.conf
    docs_dir = Path(conf["docs_dir"])
    lang = conf["theme"]["language"]
    data = load(root / "data", root=root, lang=lang)
    site_pages = dict(conf["extra"].get("site_pages") or {})
    figures = Figures(root / "figures")
    problems = check_site(data, docs_dir, site_pages, figures, data.where)
    if problems:
        raise DataError(problems)
    _review_notice(root, data)
    if lang != DEFAULT:
        _translation_notice(root, lang)
    pages = all_pages(docs_dir)
    # The first pass: what every page shows, before any page renders (macros/related.py).
    env.site_survey = survey(pages, data, conf["nav"])
    renderer = Renderer(
        data,
        figures,
        links=lambda: Links(_page(env).url if _page(env) else "", conf["use_directory_urls"], site_pages),
        where=lambda: call_site(_page(env), docs_dir),
        titles={page.rel: page.title for page in pages},
        lang=lang,
        emergency_numbers=conf["extra"].get("emergency_numbers") or [],
        site={"name": conf["site_name"], "url": conf["site_url"] or ""},
        homes=env.site_survey.homes,
        card_pages=card_homes(pages),
    )
    for name in MACROS:
        env.macro(_bound(renderer, name), name)
    # Glossary terms for overrides/assets/glossary.js, printed as JSON by overrides/main.html.
    conf["extra"]["glossary"] = {
        "page": site_url_of(site_pages["glossary"], conf["use_directory_urls"]),
        "terms": [{"id": t.id, "words": [t.term, *t.also], "definition": t.definition} for t in data.glossary.values()],
    }
    env.site_renderer = renderer  # for the page hooks below; not a page variable


def _page(env):
    return getattr(env, "page", None)


def _bound(renderer: Renderer, name: str):
    """A plain function calling one Renderer method: pages get the macro, not the Renderer."""
    method = getattr(renderer, name)

    def macro(*args, **kwargs):
        renderer.called.add(name)
        return method(*args, **kwargs)

    macro.__name__ = macro.__qualname__ = name
    macro.__doc__ = method.__doc__
    return macro


def before_page(env) -> None:
    env.site_renderer.start_page()
    check_template_syntax(env)


def after_page(env) -> None:
    """Hand the theme this page's schema.org graph (printed by overrides/main.html) and its
    reading time in minutes (overrides/partials/content.html; None where it means nothing).

    Both are extras, not part of the page's content: a tool that skips this hook (Zensical
    does) still builds a correct site, only without JSON-LD and reading times.
    """
    renderer = env.site_renderer
    env.page.meta["reading_minutes"] = reading_minutes(env.markdown, env.page.file.src_uri, renderer.called)
    site_url = env.conf["site_url"] or "/"
    url = site_url.rstrip("/") + "/" + env.page.url
    env.page.meta["jsonld"] = page_graph(
        env.page.meta, url, site_url, env.conf["site_name"], renderer.shown, renderer.data, renderer.lang
    )
    set_related_and_tags(env)


def set_related_and_tags(env) -> None:
    """Related pages (printed by overrides/partials/related.html) and tags (read by Material's
    tags plugin, which collects them after this hook) from what the pages show (macros/related.py)."""
    renderer, found = env.site_renderer, env.site_survey
    rel = env.page.file.src_uri
    links = renderer.links
    env.page.meta["related"] = [
        {"title": renderer.titles[other], "url": links.page(other)} for other in found.related.get(rel, [])
    ]
    themes = found.themes.get(rel, [])
    if themes:
        env.page.meta["tags"] = [renderer.theme_name(theme) for theme in themes]


def after_build(env) -> None:
    """Write the files that sit beside the pages (macros/outputs.py)."""
    write_all(env.site_renderer.data, Path(env.conf["site_dir"]), env.conf)
    missing = sorted(MISSING.get(env.site_renderer.lang, ()))
    if missing:
        lines = "\n".join(f"  {text!r}" for text in missing)
        print(f"WARNING -  {len(missing)} interface string(s) not in macros/locales/:\n{lines}", file=sys.stderr)


def check_template_syntax(env) -> None:
    """A Jinja syntax error in a page, reported with the page's own line number.

    mkdocs-macros would report it too, but counted from the end of the front matter."""
    try:
        env.env.parse(env.markdown)
    except TemplateSyntaxError as error:
        page = env.page
        line = (error.lineno or 1) + body_offset(page)
        raise MacroError(
            f"{Path(env.conf['docs_dir']).name}/{page.file.src_uri}:{line}: template syntax error: {error.message}"
        ) from None


def body_offset(page) -> int:
    """How many lines of the file come before the Markdown body (the front matter)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    return source.count("\n") - page.markdown.count("\n") if page.markdown is not None else 0


def _review_notice(root: Path, data) -> None:
    """Say what is due for review. A notice, not a MkDocs warning: it must not fail --strict."""
    items = due(root, data, datetime.date.today())
    if items:
        lines = "\n".join(f"  {item}" for item in items)
        print(f"WARNING -  {len(items)} due for review within 30 days (make review-due):\n{lines}", file=sys.stderr)


def _translation_notice(root: Path, lang: str) -> None:
    """Translations whose English changed: a notice, like reviews, not a failure of the build."""
    from .translations import due as translations_due

    items = translations_due(root, lang)
    if items:
        lines = "\n".join(f"  {item}" for item in items)
        print(f"WARNING -  {len(items)} translation(s) due (make translations-due):\n{lines}", file=sys.stderr)


def call_site(page, docs_dir: Path) -> str:
    """'docs/page.md:12' for the macro call being rendered, found from Jinja's frame."""
    if page is None:
        return "a page"
    where = f"{docs_dir.name}/{page.file.src_uri}"
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and frame.f_code.co_filename == "<template>":
            return f"{where}:{template.get_corresponding_lineno(frame.f_lineno) + body_offset(page)}"
        frame = frame.f_back
    return where
