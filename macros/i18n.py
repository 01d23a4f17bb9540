"""The language a build renders in, and the words templates show around the data.

Templates mark their own words with Jinja's i18n extension: `{{ _("How to do it") }}`, with
`%(name)s` placeholders for values (`{{ _("%(n)s seconds", n=30) }}`). English is the key;
`macros/locales/<lang>.yml` maps each English string to its translation. A string missing
from it shows in English and is listed at the end of the build; tests/test_i18n.py fails on
any, so no English reaches another language's page on main.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

__all__ = ["DEFAULT", "LANGUAGES", "MISSING", "catalogue", "translator"]

DEFAULT = "en"
# Each language and the folder it lives in, under docs/, data/ and the built site. English is the root.
LANGUAGES = {"en": "", "es": "es"}
LOCALES = Path(__file__).parent / "locales"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """English string -> translation, for one language ({} for English)."""
    if lang == DEFAULT:
        return {}
    path = LOCALES / f"{lang}.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


MISSING: dict[str, set[str]] = {}  # lang -> strings a page needed that the catalogue lacks


def translator(lang: str):
    """gettext and ngettext for Jinja's i18n extension, in one language.

    A string missing from the catalogue shows in English and is listed after the build
    (`missing_notice`); tests/test_i18n.py fails on any, so none reaches main."""
    words = catalogue(lang)

    def gettext(message: str) -> str:
        if lang == DEFAULT:
            return message
        if message not in words:
            MISSING.setdefault(lang, set()).add(message)
            return message
        return words[message]

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    return gettext, ngettext
