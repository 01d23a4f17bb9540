"""Reading time: "6 min read" under an article's title, from the words on the page.

after_page (macros/site.py) puts the minutes in page.meta["reading_minutes"] and
overrides/partials/content.html shows them with the words in mkdocs.yml `extra.ui`.
"""

from __future__ import annotations

import html
import math
import re

# Adults read plain non-fiction silently at roughly 200 to 250 words a minute. We take the low
# end: readers here read health advice carefully, many on a phone, some in their second
# language, and an estimate that runs short would mislead more than one that runs long.
WORDS_PER_MINUTE = 200

# Pages built around a tool or a list to look things up in, not read through: a reading time
# means nothing there. Section indexes and the home page (index.md) get none either.
NOT_READ_THROUGH = frozenset(
    {"routine", "pain_map", "bibliography", "glossary", "claims_table", "symptom_guide", "quiz", "plan_builder"}
)

HIDDEN = re.compile(r"<(svg|script|style|template)\b.*?</\1>|<!--.*?-->", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[:#][^}]*\}")  # [text](target) keeps its text; {#anchor}, {: attrs}
WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def count_words(markdown: str) -> int:
    """The words a reader reads on a page: text, not drawings' descriptions, markup or link targets."""
    text = html.unescape(TAG.sub(" ", HIDDEN.sub(" ", LINK_TARGET.sub("]", markdown))))
    return len(WORD.findall(text))


def reading_minutes(markdown: str, src_uri: str, macros_called: set[str]) -> int | None:
    """Whole minutes to read the page (at least 1), or None where a reading time would mean nothing."""
    if src_uri == "index.md" or src_uri.endswith("/index.md") or macros_called & NOT_READ_THROUGH:
        return None
    return max(1, math.ceil(count_words(markdown) / WORDS_PER_MINUTE))
