"""Numbers typed into reader prose that neither a macro produced nor a citation backs.

    python tests/prose_numbers.py site/      # list them for every built page

A percentage, a kappa, a time in seconds, an angle in degrees or a count of studies or people
in running text must come from data (a `fact()` quote or a card, which pages cannot retype) or
be followed by a citation in the same sentence. Cards, tables built from data, red-flag boxes,
claim blocks, the bibliography and the glossary are data already and are not read here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.html

DATA_BLOCKS = (
    "contains(@class, 'card')",
    "contains(@class, 'red-flags')",
    "contains(@class, 'claims')",
    "contains(@class, 'bibliography')",
    "contains(@class, 'glossary')",
    "contains(@class, 'routine')",
    "contains(@class, 'exercise-list')",
    "contains(@class, 'pain-map')",
    "contains(@class, 'verdict-key')",
    "contains(@class, 'page-review')",
    "contains(@class, 'site-disclaimer')",
    "contains(@class, 'page-feedback')",
    "contains(@class, 'callout')",
    "contains(@class, 'quiz')",
    "self::figure",
    "self::pre",
    "self::code",
    "self::script",
)
NUMBER = re.compile(
    r"\d[\d,.]*\s?(?:%|per ?cent\b|por ?ciento\b)"  # percentages
    r"|(?:\bkappa\b|κ|\bICC\b)\D{0,20}\d"  # agreement statistics with a value
    r"|(?<![\d,.])\d{1,3}(?:[.,]\d+)?(?:\s|-)?(?:seconds?|secs?|s|segundos?)\b"  # times in seconds (not "1800s")
    r"|\d[\d,.]*\s?(?:°|degrees?\b|grados?\b)"  # angles
    r"|\b\d[\d,]*\s(?:\w+\s)?(?:studies|trials|reviews|papers|cadavers|people|adults|patients|volunteers|"
    r"participants|workers|men|women|estudios|ensayos|revisiones|personas|adultos|pacientes|voluntarios|"
    r"participantes|trabajadores|hombres|mujeres)\b",  # counts of studies or people
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡«“\"(])")
FACT, CITE = "\u27e6fact\u27e7", "\u27e6cite\u27e7"


def sentences(article) -> list[str]:
    """The article's running text as sentences, with data quotes and citations marked."""
    for block in article.xpath(".//*[" + " or ".join(DATA_BLOCKS) + "]"):
        if block.getparent() is not None:
            block.drop_tree()
    for quote in article.xpath(".//span[contains(@class, 'fact')]"):
        quote.tail = FACT + (quote.tail or "")
        quote.drop_tree()
    for cite in article.xpath(".//span[contains(@class, 'cite')]"):
        cite.tail = CITE + (cite.tail or "")
        cite.drop_tree()
    found = []
    for el in article.xpath(".//p|.//li[not(.//p)]|.//dd|.//td|.//th"):
        text = " ".join(el.text_content().split())
        found += [s for s in SENTENCE_END.split(text) if s]
    return found


def unbacked(html_file: Path) -> list[str]:
    """Sentences on a built page with a number that needs a source and has none."""
    root = lxml.html.parse(str(html_file)).getroot()
    articles = root.xpath("//article")
    if not articles:
        return []
    return [s for s in sentences(articles[0]) if NUMBER.search(s.replace(FACT, "")) and CITE not in s]


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for page in sorted(site.rglob("index.html")):
        for sentence in unbacked(page):
            print(f"{page.relative_to(site)}: {sentence}")
