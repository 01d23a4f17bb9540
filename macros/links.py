"""Links from the page being rendered to the site's fixed pages (references, red flags, glossary).

Card markup is raw HTML, which MkDocs does not rewrite, so hrefs are computed here,
relative to the current page, the way MkDocs would compute them for a Markdown link.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# The pages every site needs, by role; mkdocs.yml `extra.site_pages` may move them.
DEFAULT_PAGES = {
    "references": "references.md",
    "red_flags": "red-flags.md",
    "glossary": "glossary.md",
    "myths": "myths.md",
}


@dataclass(frozen=True)
class Links:
    page_url: str = ""
    use_directory_urls: bool = True
    pages: dict = field(default_factory=lambda: dict(DEFAULT_PAGES))

    def to(self, role: str, anchor: str = "") -> str:
        return self.page(self.pages[role] + (f"#{anchor}" if anchor else ""))

    def page(self, src: str) -> str:
        """href from the current page to docs/<src> (which may end in #anchor)."""
        path, _, anchor = src.partition("#")
        href = get_relative_url(File(path, "", "", self.use_directory_urls).url, self.page_url)
        return f"{href}#{anchor}" if anchor else href
