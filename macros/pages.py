"""The pages in docs/: the one way this project reads a page's front matter.

MkDocs splits a page with the regular expression below (mkdocs.utils.meta.YAML_RE) but
silently ignores front matter it cannot parse; here the same split is parsed with the
data files' YAML reader, so a broken or misspelt front matter stops the build with the
page and line. Review dates, titles and checks all read pages through `read_page`.
"""

from __future__ import annotations

import ast
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .explain import problems_for
from .i18n import LANGUAGES
from .problems import Problem
from .yamlread import decode, parse

# Identical to MkDocs 1.6's mkdocs.utils.meta.YAML_RE (a test holds them together).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
BOM = "\ufeff"
# A macro call on a page: {{ name(args) }}.
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}", re.S)


class PageMeta(BaseModel):
    """What a page's front matter may hold. Presence rules for the site's own pages are tests."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = Field(None, max_length=120)
    description: str | None = Field(None, max_length=400)
    last_reviewed: datetime.date | None = None
    next_review: datetime.date | None = None
    author: str | None = Field(None, max_length=120)
    reviewed_by: str | None = Field(None, max_length=200)
    # Keys MkDocs, Material and mkdocs-macros read.
    hide: list[Literal["navigation", "toc", "path", "footer", "feedback", "tags"]] = []
    template: str | None = None
    search: dict | None = None
    render_macros: bool | None = None
    # A translated page: the hash of the English page it was made from (macros/translations.py).
    source_hash: str | None = Field(None, pattern=r"^[0-9a-f]{10}$")


@dataclass
class Page:
    """One page of docs/: its path, its front matter, its body and where the body starts."""

    rel: str  # path under docs/, e.g. exercises/plank.md
    meta: PageMeta = field(default_factory=PageMeta)
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    problems: list[Problem] = field(default_factory=list)

    @property
    def title(self) -> str:
        if self.meta.title:
            return self.meta.title
        heading = re.search(r"^# (.+)$", self.body, re.M)
        return heading.group(1).strip() if heading else Path(self.rel).stem


def read_page(path: Path, docs_dir: Path) -> Page:
    """A page with its front matter validated; problems name the file (under the project) and line."""
    rel = path.relative_to(docs_dir).as_posix()
    shown = f"{docs_dir.name}/{rel}"
    text, problem = decode(path.read_bytes(), shown)
    if problem:
        return Page(rel, problems=[problem])
    if text.startswith(BOM):
        return Page(
            rel,
            problems=[
                Problem(shown, 1, 1, None, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
            ],
        )
    return split(text, rel, shown)


def split(text: str, rel: str, shown: str) -> Page:
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(rel, body=text)
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_line = text[: match.end()].count("\n") + (len(rest) - len(body)) + 1
    doc = parse("\n" + match.group(1), shown)  # the blank line stands for the opening ---
    if doc.problems:
        return Page(rel, body=body, body_line=body_line, problems=doc.problems)
    if not isinstance(doc.value, dict):
        return Page(
            rel,
            body=body,
            body_line=body_line,
            problems=[Problem(shown, 2, 1, None, "front matter must be 'key: value' lines between the '---' lines")],
        )
    try:
        meta = PageMeta.model_validate(doc.value)
    except ValidationError as error:
        prefix_tree = _wrap(doc.tree)
        return Page(
            rel,
            body=body,
            body_line=body_line,
            problems=problems_for(error.errors(), PageMeta, prefix_tree, ("page",), shown, None),
        )
    return Page(rel, meta, body, body_line)


def _wrap(tree):
    """A mapping node {page: tree}, so explain.py can walk the front matter like an entry."""
    import yaml

    return yaml.MappingNode("tag:yaml.org,2002:map", [(yaml.ScalarNode("tag:yaml.org,2002:str", "page"), tree)])


def markdown_files(docs_dir: Path) -> list[Path]:
    """The pages of one language: docs/es/ holds the Spanish pages, not English ones."""
    others = {folder for folder in LANGUAGES.values() if folder}
    return sorted(p for p in docs_dir.rglob("*.md") if p.is_file() and p.relative_to(docs_dir).parts[0] not in others)


@lru_cache(maxsize=8)
def _read_all(docs_dir: str, stamp: tuple) -> tuple[Page, ...]:
    base = Path(docs_dir)
    return tuple(read_page(path, base) for path in markdown_files(base))


def all_pages(docs_dir: Path) -> list[Page]:
    """Every page under docs_dir, read once per change of any page."""
    files = markdown_files(docs_dir)
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return list(_read_all(str(docs_dir), stamp))


def macro_calls(body: str) -> Iterator[tuple[str, list, dict]]:
    """The macro calls in a page's body whose arguments are plain values: (name, args, kwargs).

    A call that is not literal is skipped: the build itself reports a broken one, with its line."""
    for name, args in MACRO_CALL.findall(body):
        try:
            call = ast.parse(f"f({args})", mode="eval").body
            values = [ast.literal_eval(a) for a in call.args]
            options = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        except (SyntaxError, ValueError):
            continue
        yield name, values, options
