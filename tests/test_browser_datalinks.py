"""Links from data in a real browser: the share button (share sheet, or copy with a spoken
"Link copied"), by mouse and keyboard, after instant navigation; related pages and tags; axe in
light and dark."""

from __future__ import annotations

import pytest
import yaml

from browser import axe, start_material, to_dark, url_of
from helpers import ROOT

pytestmark = pytest.mark.slow


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
UI = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["extra"]["ui"]
CLIPBOARD = ["clipboard-read", "clipboard-write"]
NO_SHARE = "delete Navigator.prototype.share; delete navigator.share;"
# A share sheet that records what it was given (and can be told to fail).
FAKE_SHARE = """
window.__shared = [];
Navigator.prototype.share = function (data) {
  window.__shared.push(data);
  return window.__shareFails ? Promise.reject(new DOMException('no', window.__shareFails)) : Promise.resolve();
};
"""
BRIDGE = "exercises/glute-bridge.md"


def open_with(tabs, base, rel, script, clipboard=False):
    page, watch = tabs.open(url_of(base, rel), script=script, clipboard=clipboard)
    page.wait_for_selector(".share:not([hidden])")
    return page, watch


def status(page) -> str:
    page.wait_for_function("() => document.querySelector('.share__status').textContent !== ''")
    return page.text_content(".share__status")


def test_without_a_share_sheet_the_button_copies_the_link_and_says_so(tabs, base):
    page, watch = open_with(tabs, base, BRIDGE, NO_SHARE, clipboard=True)
    button = page.locator(".share__button")
    assert button.text_content() == UI["copy_link"]
    assert page.get_attribute(".share__status", "role") == "status"
    assert page.get_attribute(".share__status", "aria-live") == "polite"
    page.evaluate("navigator.clipboard.writeText('something else')")
    button.click()
    assert status(page) == UI["copied"]
    assert page.evaluate("navigator.clipboard.readText()") == url_of(base, BRIDGE)
    assert not watch.problems()


def test_copy_drops_the_fragment_and_reports_a_refused_clipboard(tabs, base):
    page, _ = open_with(tabs, base, BRIDGE, NO_SHARE, clipboard=True)
    page.evaluate("location.hash = '#glute-bridge-steps'")
    page.click(".share__button")
    assert status(page) == UI["copied"]
    assert page.evaluate("navigator.clipboard.readText()") == url_of(base, BRIDGE)
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }")
    page.click(".share__button")
    page.wait_for_function("t => document.querySelector('.share__status').textContent === t", arg=UI["copy_failed"])


def test_with_a_share_sheet_the_button_opens_it_with_the_page(tabs, base):
    page, watch = open_with(tabs, base, BRIDGE, FAKE_SHARE, clipboard=True)
    assert page.text_content(".share__button") == UI["share"]
    page.click(".share__button")
    page.wait_for_function("() => window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    assert shared["url"] == url_of(base, BRIDGE) and shared["title"] == page.title()
    # Closing the sheet is not an error: nothing is copied, nothing is said.
    page.evaluate("window.__shareFails = 'AbortError'; navigator.clipboard.writeText('untouched')")
    page.click(".share__button")
    page.wait_for_function("() => window.__shared.length === 2")
    page.wait_for_timeout(200)
    assert page.text_content(".share__status") == ""
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"
    # A sheet that fails for another reason falls back on copying.
    page.evaluate("window.__shareFails = 'NotAllowedError'")
    page.click(".share__button")
    assert status(page) == UI["copied"]
    assert page.evaluate("navigator.clipboard.readText()") == url_of(base, BRIDGE)
    assert not watch.problems()


def test_no_share_sheet_and_no_clipboard_leaves_the_button_hidden(tabs, base):
    no_clipboard = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
    page, _ = tabs.open(url_of(base, BRIDGE), script=NO_SHARE + no_clipboard)
    page.wait_for_timeout(300)
    assert page.get_attribute(".share", "data-ready") == "true"
    assert not page.is_visible(".share__button")


def test_share_button_works_by_keyboard(tabs, base):
    page, _ = open_with(tabs, base, BRIDGE, NO_SHARE, clipboard=True)
    page.focus(".related-pages li:last-child a")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('share__button')")
    page.keyboard.press("Enter")
    assert status(page) == UI["copied"]
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press("Space")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t !== '')")
    assert page.evaluate("navigator.clipboard.readText()") == url_of(base, BRIDGE)


def test_related_links_and_share_work_after_instant_navigation(tabs, base):
    page, watch = open_with(tabs, base, BRIDGE, NO_SHARE, clipboard=True)
    first = page.locator(".related-pages a").first
    target = page.evaluate("a => a.href", first.element_handle())
    start_material(page)
    page.evaluate("window.__samePage = true")
    first.click()
    page.wait_for_function("url => location.href === url", arg=target)
    assert page.evaluate("window.__samePage === true"), "expected instant navigation (no reload)"
    page.wait_for_selector(".share:not([hidden])")
    page.click(".share__button")
    assert status(page) == UI["copied"]
    assert page.evaluate("navigator.clipboard.readText()") == target
    assert not watch.problems()


def test_a_tag_leads_to_its_list_of_pages(tabs, base):
    page, watch = tabs.open(url_of(base, BRIDGE))
    tag = page.locator("nav.md-tags a").first
    name = tag.text_content().strip()
    tag.click()
    page.wait_for_function("() => location.pathname.endsWith('/tags/')")
    heading = page.locator("h2[id^='tag:']", has_text=name)
    heading.wait_for()
    assert page.evaluate("location.hash") == "#" + heading.get_attribute("id")
    links = heading.locator("xpath=following-sibling::ul[1]//a")
    assert url_of(base, BRIDGE) in [page.evaluate("a => a.href", a) for a in links.element_handles()]
    assert not watch.problems()


# The parts this file's features add; the rest of each page is checked at rest, in light and dark,
# by test_browser.test_page_is_clean.
NEW_PARTS = "'.share, .related-pages, nav.md-tags'"


@pytest.mark.parametrize("rel", ["anatomy/iliopsoas.md", BRIDGE, "tags.md"])
def test_axe_finds_nothing_with_the_new_parts_in_light_and_dark(tabs, base, rel):
    page, watch = open_with(tabs, base, rel, NO_SHARE, clipboard=True)
    page.click(".share__button")
    assert status(page) == UI["copied"]
    problems = [f"light: {p}" for p in axe(page, context=NEW_PARTS)]
    page.focus(".share__button")
    problems += [f"light, focused: {p}" for p in axe(page, context="'.share'")]
    to_dark(page)
    problems += [f"dark: {p}" for p in axe(page, context=NEW_PARTS)]
    page.hover(".share__button")
    problems += [f"dark, hovered: {p}" for p in axe(page, context="'.share'")]
    problems += watch.problems()
    assert not problems, f"{rel}:\n  " + "\n  ".join(problems)
