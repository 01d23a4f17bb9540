"""Reading time (macros/reading.py): what counts as a word, and which pages get none."""

from __future__ import annotations

import pytest

from helpers import built_path
from macros.reading import WORDS_PER_MINUTE, count_words, reading_minutes


def test_words_are_what_a_reader_reads():
    markdown = (
        "# Glute bridge\n\nLie on your [back](../anatomy/iliopsoas.md#the-back) and lift. {#lift}\n\n"
        '<div class="card"><p>Two more&nbsp;words</p>'
        '<svg role="img"><title>Not counted</title><desc>A long description nobody reads aloud</desc></svg>'
        '<script type="application/json">{"not": "counted either"}</script></div>\n'
    )
    assert count_words(markdown) == 11  # Glute bridge / Lie on your back and lift / Two more words
    assert count_words("It's the hip-flexor, isn't it? (L1-L3.)") == 6


def test_minutes_round_up_and_skip_pages_that_are_not_read_through():
    text = "word " * (WORDS_PER_MINUTE * 2 + 1)
    assert reading_minutes(text, "anatomy/iliopsoas.md", set()) == 3
    assert reading_minutes("A few words.", "about.md", {"cite"}) == 1
    assert reading_minutes(text, "index.md", set()) is None
    assert reading_minutes(text, "exercises/index.md", {"exercise_list"}) is None
    tools = ("routine", "pain_map", "bibliography", "glossary", "claims_table", "symptom_guide", "quiz", "plan_builder")
    for tool in tools:
        assert reading_minutes(text, "page.md", {"cite", tool}) is None, tool


@pytest.mark.parametrize("rel", ["symptom-guide.md", "quiz.md", "plan.md", "es/symptom-guide.md"])
def test_tool_pages_show_no_reading_time(real_site, rel):
    """A guide that shows one question at a time holds every step in the page: its word count
    (31 minutes' worth) says nothing about the time it takes."""
    page = real_site / built_path(rel)
    assert page.exists(), rel
    assert 'class="reading-time"' not in page.read_text(encoding="utf-8"), rel


def test_articles_show_their_reading_time(real_site):
    assert 'class="reading-time"' in (real_site / built_path("anatomy/iliopsoas.md")).read_text(encoding="utf-8")
