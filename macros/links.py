"""Links from the page being rendered to other pages of the site (references, red flags, …).

Card markup is raw HTML, which MkDocs does not rewrite, so hrefs are computed here. Every
target is written relative to the site root, so a link depends only on how deep the current
page sits: that lets the renderer reuse a card across pages at the same depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

# The pages the macros link to from every card, by role. Where each lives is set once, in
# mkdocs.yml `extra.site_pages` (the theme's disclaimer reads it there too).
ROLES = ("references", "red_flags", "glossary", "myths")


def condition_role(group: str) -> str:
    """The site_pages role of the page that holds a group of conditions: conditions_other_groin."""
    return "conditions_" + group.replace("-", "_")


@cache
def site_url_of(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs (and Zensical) give docs/<src>, relative to the site root ('red-flags/').

    Written out rather than borrowed from MkDocs so the macros also run under Zensical.
    """
    stem = src.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass(frozen=True)
class Links:
    page_url: str = ""
    use_directory_urls: bool = True
    pages: dict = field(default_factory=dict)  # role -> docs path, from extra.site_pages

    @property
    def root(self) -> str:
        """The way back to the site root from the current page: '', '../', '../../' …"""
        return "../" * self.page_url.count("/")

    def to(self, role: str, anchor: str = "") -> str:
        return self.page(self.pages[role] + (f"#{anchor}" if anchor else ""))

    def page(self, src: str) -> str:
        """href from the current page to docs/<src> (which may end in #anchor)."""
        path, _, anchor = src.partition("#")
        href = self.root + site_url_of(path, self.use_directory_urls) or "./"
        return f"{href}#{anchor}" if anchor else href
