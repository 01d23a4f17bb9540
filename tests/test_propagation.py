"""A fact changed once in data/ changes on every page that shows it, and nowhere is it retyped."""

from __future__ import annotations


def test_one_value_changes_on_every_page_that_shows_it(mini):
    mini.build()
    before = {page: mini.html(page) for page in ("index.html", "muscles/psoas/index.html")}
    for html in before.values():
        assert "L1–L3" in html and "L1–L4" not in html

    mini.replace("data/muscles.yml", "roots: L1–L3", "roots: L1–L4")
    mini.build()
    for page in before:
        html = mini.html(page)
        assert "L1–L4" in html and "L1–L3" not in html, page
    # The card, the inline fact in prose and the fact of one field all moved together.
    assert mini.html("muscles/psoas/index.html").count("L1–L4") == 2
    assert mini.html("index.html").count("L1–L4") == 1
