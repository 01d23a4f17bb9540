"""No text in data/ can put live markup, a link or a request on any page.

Hostile strings (tags with event handlers, attribute break-outs, javascript: and data: links
in Markdown and HTML, outside images, template syntax, </script>, <style>) are appended to
every prose field of every data file; the real site is built and every page is parsed.
"""

from __future__ import annotations

import json

import lxml.html
import pytest

from hostile import MARK, PAYLOADS, live_markup

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]


def test_the_payloads_reach_the_pages(hostile):
    """Otherwise the next test could pass by accident."""
    text = "".join(p.read_text(encoding="utf-8") for p in hostile.site.rglob("*.html"))
    for number in range(1, len(PAYLOADS) + 1):
        assert f"{MARK}{number}" in text or f"{MARK}em" in text, f"payload {number} never reached a page"


def test_nothing_from_data_is_live_on_any_page(hostile):
    problems = {}
    for page in sorted(hostile.site.rglob("*.html")):
        found = live_markup(lxml.html.parse(str(page)).getroot())
        if found:
            problems[str(page.relative_to(hostile.site))] = sorted(set(found))
    assert not problems, "\n".join(f"{rel}: {found}" for rel, found in problems.items())


def test_structured_data_keeps_hostile_text_as_text(hostile):
    root = lxml.html.parse(str(hostile.site / "anatomy/iliopsoas/index.html")).getroot()
    block = root.xpath("//script[@type='application/ld+json']")[0]
    assert "</script>" not in block.text
    graph = json.loads(block.text)["@graph"]
    assert any(MARK in json.dumps(thing) for thing in graph)


def test_the_checker_catches_live_markup():
    """The checker itself: each kind of live markup it must find."""
    bad = [
        '<p><img src="x" onerror="alert(1)"></p>',
        '<p><a href="javascript:alert(1)">x</a></p>',
        '<p><a href="data:text/html,x">x</a></p>',
        '<p><img src="http://example.invalid/zq.png"></p>',
        "<p><script>alert(1)</script></p>",
        "<p><style>zq</style></p>",
        '<p><script type="application/json">{"a": </script></p>',
        "<p><em>zqem</em></p>",
    ]
    for html in bad:
        assert live_markup(lxml.html.fromstring(f"<html><body>{html}</body></html>")), html
