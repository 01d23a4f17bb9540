"""The "Cite this page" box in Chromium: it copies, falls back to selecting, survives instant
navigation, and passes axe in light and dark (resting, hover and focus)."""

from __future__ import annotations

import pytest

from browser import CONTRAST, ForcedStates, axe, start_material, to_dark, url_of

pytestmark = pytest.mark.slow

ARTICLE = "anatomy/iliopsoas.md"
BOX = "article details.cite-page"


def citation(page) -> str:
    return page.locator(f"{BOX} .cite-page__text").inner_text().strip()


def test_copy_puts_the_citation_on_the_clipboard(tabs, base):
    page, watch = tabs.open(url_of(base, ARTICLE))
    tabs.allow_clipboard()
    box = page.locator(BOX)
    assert box.count() == 1
    button = box.locator(".cite-page__copy")
    assert not button.is_visible(), "closed box: nothing pushes the article down"
    box.locator("summary").click()
    button.wait_for(state="visible")
    expected = citation(page)
    assert expected.startswith("Iliopsoas & low-back tightness. (") and expected.endswith("/anatomy/iliopsoas/")
    button.click()
    status = box.locator(".cite-page__status")
    status.filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    problems = watch.problems()
    assert not problems, problems


def test_without_a_clipboard_the_citation_is_selected_to_copy_by_hand(tabs, base):
    no_clipboard = "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})"
    page, _ = tabs.open(url_of(base, ARTICLE), script=no_clipboard)
    page.locator(f"{BOX} summary").click()
    page.locator(f"{BOX} .cite-page__copy").click()
    page.locator(f"{BOX} .cite-page__status").filter(has_text="selected").wait_for()
    assert page.evaluate("window.getSelection().toString()").strip() == citation(page)


def test_the_box_works_after_instant_navigation(tabs, base):
    page, watch = tabs.open(url_of(base, "data.md"))
    tabs.allow_clipboard()
    start_material(page)
    page.evaluate("window.sameDocument = true")
    page.locator("article p a[href$='/references/']").click()
    page.wait_for_url("**/references/")
    page.locator(f"{BOX} summary").wait_for()
    assert page.evaluate("window.sameDocument === true"), "this was meant to be an instant navigation"
    page.locator(f"{BOX} summary").click()
    page.locator(f"{BOX} .cite-page__copy").click()
    page.locator(f"{BOX} .cite-page__status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == citation(page)
    assert page.locator(BOX).count() == 1
    problems = watch.problems()
    assert not problems, problems


@pytest.mark.parametrize("rel", [ARTICLE, "data.md"])
def test_open_box_is_accessible_in_light_and_dark_at_rest_hover_and_focus(tabs, base, rel):
    page, watch = tabs.open(url_of(base, rel))
    page.locator(f"{BOX} summary").click()
    page.locator(f"{BOX} .cite-page__copy").wait_for(state="visible")
    # The open box is what this adds to the page (the rest is checked by test_page_is_clean).
    problems = [f"light: {p}" for p in axe(page, context=f"'{BOX}'")]
    assert page.locator(f"{BOX} :is(summary, button, a)").count() == 3, (
        "summary, Copy and the link to the Data page (and no glossary links)"
    )
    forced = ForcedStates(page, f"{BOX} :is(summary, button, a)")
    for scheme in ("light", "dark"):
        if scheme == "dark":
            to_dark(page)
            problems += [f"dark: {p}" for p in axe(page, CONTRAST, f"'{BOX}'")]
        for states in (["hover"], ["focus", "focus-visible"]):
            problems += forced.check(states, scheme)
    problems += watch.problems()
    assert not problems, f"{rel}:\n  " + "\n  ".join(problems)
