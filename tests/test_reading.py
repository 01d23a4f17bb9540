"""Reading time (macros/reading.py): what counts as a word, and which pages get none."""

from __future__ import annotations

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
