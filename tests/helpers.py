"""Shared test helpers: project copies that a test may edit and build, and page paths.

Nothing here reads data or builds at import time; fixtures in conftest.py do that once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.i18n import DEFAULT, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ROOT / "docs"
# The mini-site's emergency numbers (tests/fixtures/minisite/mkdocs.yml), for Renderers made in tests.
MINI_NUMBERS = [{"number": "999", "where": "UK"}, {"number": "112", "where": "EU"}]
MINI = FIXTURES / "minisite"
# Where the mini-site's special pages live, for Links in Renderers made in tests.
MINI_PAGES = {
    "references": "references.md",
    "red_flags": "red-flags.md",
    "glossary": "glossary.md",
    "myths": "myths.md",
}


def mini_renderer(page_url: str, **options):
    """A Renderer over the mini-site's data and drawings, as if rendering the page at page_url."""
    from macros.figures import Figures
    from macros.links import Links
    from macros.load import load
    from macros.render import Renderer

    return Renderer(
        load(MINI / "data", root=MINI),
        Figures(MINI / "figures"),
        links=lambda: Links(page_url, True, MINI_PAGES),
        where=lambda: "docs/test.md:1",
        emergency_numbers=MINI_NUMBERS,
        **options,
    )


class Project:
    """A throwaway copy of a site (the mini-site by default) that a test may edit and build."""

    def __init__(self, path: Path):
        self.path = path

    def file(self, rel: str) -> Path:
        return self.path / rel

    def read(self, rel: str) -> str:
        return self.file(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.file(rel).parent.mkdir(parents=True, exist_ok=True)
        self.file(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert old in text, f"fixture {rel} has no {old!r} to replace"
        self.write(rel, text.replace(old, new, count))

    def append(self, rel: str, text: str) -> None:
        self.write(rel, self.read(rel) + text)

    def build(self, **overrides) -> Path:
        out = self.path / "site"
        build(load_config(str(self.path / "mkdocs.yml"), site_dir=str(out), **overrides))
        return out

    def html(self, rel: str) -> str:
        return (self.path / "site" / rel).read_text(encoding="utf-8")


def copy_project(source: Path, dest: Path, *, with_macros: str = "link") -> Project:
    """A copy of a project; its macros package is linked to this one (or copied, for code edits)."""
    shutil.copytree(
        source,
        dest,
        ignore=shutil.ignore_patterns("site", "build", ".venv", ".git", "__pycache__", ".cache", ".pytest_cache"),
    )
    if not (dest / "macros").exists():
        if with_macros == "link":
            (dest / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
        else:
            shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    return Project(dest)


def built_path(rel: str) -> str:
    """Where MkDocs writes a page: a/b.md -> a/b/index.html, a/index.md -> a/index.html."""
    stem = rel.removesuffix(".md")
    if stem == "index":
        return "index.html"
    return (stem.removesuffix("index") if stem.endswith("/index") else stem + "/") + "index.html"


def page_paths(docs: Path = DOCS) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


# Pages in other languages sit under docs/<folder>/ with the English page's path ("es/symptoms.md").
FOLDERS = {folder: lang for lang, folder in LANGUAGES.items() if folder}


def lang_of(rel: str) -> str:
    """The language of a page path from page_paths(): 'es' for 'es/symptoms.md', else English."""
    return FOLDERS.get(rel.split("/", 1)[0], DEFAULT)


def english_rel(rel: str) -> str:
    """The English page a page translates (itself, for English): 'es/symptoms.md' -> 'symptoms.md'."""
    return rel.split("/", 1)[1] if lang_of(rel) != DEFAULT else rel
