"""Text from data/ placed into Markdown so that Markdown and HTML both show it literally.

mkdocs-macros pastes a macro's return value into the page's Markdown before Markdown runs,
so `[x](javascript:…)` or `![x](http://…)` in a data field would become a live link or an
outside image, and escaping `<` alone is not enough. Writing every ASCII punctuation
character as a numeric character reference leaves Markdown nothing to act on; the browser
(and the search index and table of contents) show the decoded text. Never put the result
inside an HTML attribute: the browser decodes it there, so use autoescaping instead.
"""

from __future__ import annotations

import string

from markupsafe import Markup

_REFS = {ord(c): f"&#{ord(c)};" for c in string.punctuation}


def inert_text(text: object) -> Markup:
    """`text` with every ASCII punctuation mark as a character reference, on one line."""
    flat = " ".join(str(text).split())  # a blank line would end the paragraph it sits in
    return Markup(flat.translate(_REFS))


def inert(text: object) -> Markup:
    """`text` as a <span class="fact"> that no Markdown or HTML syntax inside it can escape."""
    return Markup(f'<span class="fact">{inert_text(text)}</span>')
