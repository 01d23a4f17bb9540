"""Cheap HTML validity checks on a built page: what the W3C Nu checker would flag and a
forgiving parser (lxml, browsers) silently repairs.

    python tests/html_check.py site/      # list the problems on every built page

Read from the raw markup with the standard library's non-repairing tokenizer: duplicate ids,
duplicate attributes, attributes that may not be empty (id, tabindex, for, href, ...), label
`for`, ARIA id references that point nowhere, block elements opened inside a <p> (the browser
closes the paragraph early, and a stray </p> follows), and stray end tags of <p>.
"""

from __future__ import annotations

import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

# Opening any of these ends an open <p> (HTML's "close a p element" rule).
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "dialog",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "li",
        "dd",
        "dt",
    ]
)
NOT_EMPTY = ("id", "tabindex", "for", "href", "src", "name", "role", "aria-labelledby", "aria-describedby")
ID_LISTS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
FOREIGN = frozenset({"svg", "math"})


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.ids: Counter[str] = Counter()
        self.refs: list[tuple[str, str, int]] = []  # (attribute, id, line)
        self.open_p: list[int] = []  # lines of <p> elements still open
        self.foreign = 0  # depth inside <svg>/<math>, where <p>-closing rules do not apply

    def _where(self) -> int:
        return self.getpos()[0]

    def handle_starttag(self, tag, attrs):
        line = self._where()
        names = [name for name, _ in attrs]
        for name, n in Counter(names).items():
            if n > 1:
                self.problems.append(f"line {line}: <{tag}> has attribute {name!r} {n} times")
        values = dict(attrs)
        for name in NOT_EMPTY:
            if name in values and not (values[name] or "").strip():
                self.problems.append(f'line {line}: <{tag} {name}=""> (an empty {name} is invalid)')
        if values.get("id"):
            self.ids[values["id"]] += 1
        if tag == "label" and values.get("for"):
            self.refs.append(("for", values["for"], line))
        for name in ID_LISTS:
            for ref in (values.get(name) or "").split():
                self.refs.append((name, ref, line))
        if self.foreign:
            self.foreign += tag in FOREIGN
            return
        if tag in FOREIGN:
            self.foreign = 1
        if tag in BLOCKS and self.open_p:
            self.problems.append(
                f"line {line}: <{tag}> inside the <p> from line {self.open_p[-1]} (it ends the paragraph)"
            )
            self.open_p.pop()
        if tag == "p":
            self.open_p.append(line)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.foreign and tag in FOREIGN:
            self.foreign -= 1

    def handle_endtag(self, tag):
        if self.foreign:
            self.foreign -= tag in FOREIGN
            return
        if tag == "p":
            if self.open_p:
                self.open_p.pop()
            else:
                self.problems.append(f"line {self._where()}: stray </p> with no open <p>")
        elif tag in BLOCKS - {"p"} and self.open_p:
            # </div> or </li> ends any <p> left open inside it (implied end tags).
            self.open_p.pop()


def problems(html: str) -> list[str]:
    checker = Checker()
    checker.feed(html)
    checker.close()
    found = checker.problems
    found += [f"id {i!r} appears {n} times" for i, n in checker.ids.items() if n > 1]
    found += [
        f"line {line}: {name} names {ref!r}, which no element has"
        for name, ref, line in checker.refs
        if ref not in checker.ids
    ]
    return found


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for page in sorted(site.rglob("*.html")):
        for problem in problems(page.read_text(encoding="utf-8")):
            print(f"{page.relative_to(site)}: {problem}")
