"""Flesch–Kincaid grade of a page's running text (the prose a reader reads, not the reference tables).

    python tests/readability.py site/            # every built page, worst first

Running text is the paragraphs and list items of the article, leaving out what data renders
(cards, tables, red-flag boxes, claim blocks, the bibliography and the glossary), code,
headings and the review line. Syllables come from Pyphen's English hyphenation dictionary.
"""

from __future__ import annotations

import itertools
import re
import sys
from functools import cache
from pathlib import Path

import lxml.html
import pyphen

EXCLUDED = (
    "contains(@class, 'card')",
    "self::table",
    "contains(@class, 'red-flags')",
    "contains(@class, 'claims')",
    "contains(@class, 'bibliography')",
    "contains(@class, 'glossary')",
    "self::pre",
    "self::code",
    "contains(@class, 'page-review')",
    "contains(@class, 'routine')",
    "contains(@class, 'headerlink')",
    "contains(@class, 'md-content__button')",
    "contains(@class, 'site-disclaimer')",
    "contains(@class, 'cite')",
    "self::figure",
    "contains(@class, 'admonition')",
    "contains(@class, 'quiz')",  # questions made from data (macros/templates/quiz.html)
)
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_dic = pyphen.Pyphen(lang="en_US")


@cache
def syllables(word: str) -> int:
    return max(1, len(_dic.positions(word.lower())) + 1)


def running_text(article) -> list[str]:
    """One string per paragraph or list item of prose."""
    for bad in article.xpath(".//*[" + " or ".join(EXCLUDED) + "]"):
        if bad.getparent() is not None:
            bad.drop_tree()
    chunks = []
    for el in article.xpath(".//p|.//li[not(.//p)]|.//dd"):
        text = " ".join(el.text_content().split())
        if text:
            chunks.append(text)
    return chunks


def counts(chunks: list[str], word: re.Pattern, syllables_of) -> tuple[int, int, int]:
    """(words, sentences, syllables) of the running text. Each chunk ends at least one sentence."""
    words = sentences = syl = 0
    for chunk in chunks:
        found = word.findall(chunk)
        if not found:
            continue
        words += len(found)
        syl += sum(syllables_of(w) for w in found)
        sentences += max(1, len(re.findall(r"[.!?](?:\s|$)", chunk)))
    return words, sentences, syl


def grade(chunks: list[str]) -> tuple[float, int]:
    """(Flesch–Kincaid grade, word count)."""
    words, sentences, syl = counts(chunks, WORD, syllables)
    if not words:
        return 0.0, 0
    return 0.39 * words / sentences + 11.8 * syl / words - 15.59, words


def page_grade(html_file: Path) -> tuple[float, int]:
    root = lxml.html.parse(str(html_file)).getroot()
    articles = root.xpath("//article")
    return grade(running_text(articles[0])) if articles else (0.0, 0)


SPANISH_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
STRONG = set("aeoáéóíú")  # a, e, o, and i/u when accented, each make a syllable of their own


def spanish_syllables(word: str) -> int:
    """Syllables by Spanish vowel rules: a run of vowels is one syllable (a diphthong) unless two
    strong vowels meet (a hiatus: "i-de-a", "a-or-ta", "o-í-do"). Pyphen's hyphenation points
    miss a lone vowel at either end of a word, which undercounts by a fifth on medical text."""
    count = 0
    for run in re.findall(r"[aeiouáéíóúü]+", word.lower()):
        count += 1 + sum(a in STRONG and b in STRONG for a, b in itertools.pairwise(run))
    return max(1, count)


def spanish_ease(html_file: Path) -> tuple[float, int]:
    """(Fernández-Huerta reading ease, word count) of a Spanish page: higher is easier; 60–70
    reads as 'normal', 70–80 'fairly easy'. FH = 206.84 − 60 × syllables per word − 1.02 × words
    per sentence, as textstat computes it (Fernández Huerta's 1959 adaptation of Flesch), with
    syllables counted by Spanish vowel rules (spanish_syllables)."""
    root = lxml.html.parse(str(html_file)).getroot()
    articles = root.xpath("//article")
    chunks = running_text(articles[0]) if articles else []
    words, sentences, syl = counts(chunks, SPANISH_WORD, spanish_syllables)
    if not words:
        return 0.0, 0
    return 206.84 - 60 * syl / words - 1.02 * words / sentences, words


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    english = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "es"]
    rows = sorted(((page_grade(p), p.relative_to(site)) for p in english), reverse=True)
    for (g, n), rel in rows:
        print(f"grade {g:5.1f}  {n:5d} words  {rel}")
    spanish = sorted((spanish_ease(p), p.relative_to(site)) for p in (site / "es").rglob("index.html"))
    for (e, n), rel in spanish:
        print(f"ease  {e:5.1f}  {n:5d} words  {rel}")
