"""The symptom guide in Chromium: clicking and keyboard walks, Back and Start again, the
no-JavaScript list, axe in light and dark, and a phone-width screen."""

from __future__ import annotations

import re

import pytest

from browser import PHONE, ForcedStates, axe, open_page, to_dark, url_of

pytestmark = pytest.mark.slow
PAGE = "symptom-guide.md"
GUIDE = "[data-symptom-path]"


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(
        f"{GUIDE} [data-step]", "els => els.filter(e => !e.hidden && e.offsetParent).map(e => e.dataset.step)"
    )


def answer(page, text: str) -> None:
    """Click the answer that starts with `text` in the step on screen."""
    step = visible_steps(page)
    assert len(step) == 1, step
    choice = page.locator(f"#sg-{step[0]} a[data-next]", has_text=re.compile("^" + re.escape(text)))
    assert choice.count() == 1, (step, text)
    choice.click()


def focused_step(page) -> str:
    return page.evaluate("document.activeElement.closest('[data-step]')?.dataset.step || ''")


def test_walk_to_an_emergency_end_go_back_and_reach_self_care(tabs, base, data):
    page, watch = tabs.open(url_of(base, PAGE))
    start = next(iter(data.symptom_path))
    assert visible_steps(page) == [start], "one question at a time, starting at the first"
    status = page.locator(".symptom-guide__status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("Question 1 of at most")
    assert page.locator(".symptom-guide__back").is_hidden()

    answer(page, "Yes")
    end = data.symptom_path["end-emergency-box"]
    assert visible_steps(page) == [end.id]
    assert focused_step(page) == end.id and page.evaluate("document.activeElement.tagName") == "H2"
    shown = page.locator(f"#sg-{end.id}")
    for flag_id in end.red_flags:  # each sign named, and linked to its place on the red-flags page
        link = shown.locator(f"a[href$='red-flags/#flag-{flag_id}']")
        assert link.count() == 1 and link.inner_text() == data.red_flags[flag_id].sign
    assert shown.locator("a[href='tel:999']").is_visible() and shown.locator("a[href='tel:112']").is_visible()
    assert status.inner_text() == "Your result"
    trail = page.locator(".symptom-guide__trail li")
    assert trail.count() == 1 and "Yes, one or more" in trail.first.inner_text()

    page.locator(".symptom-guide__back").click()
    assert visible_steps(page) == [start] and focused_step(page) == start
    assert page.locator(".symptom-guide__trail").is_hidden()

    steps = 0
    while not page.locator(f"{GUIDE} [data-step][data-end]:visible").count():
        here = visible_steps(page)[0]
        if here == "where":
            answer(page, "Low in my back")
        elif here == "back-feel":
            answer(page, "It is stiff or achy after I sit")
        else:
            answer(page, "No")
        steps += 1
        assert steps < 20
        assert focused_step(page) == visible_steps(page)[0], "focus follows the new question"
    assert visible_steps(page) == ["end-sitting-stiffness"]
    assert page.locator(".symptom-guide__trail li").count() == steps
    shown = page.locator("#sg-end-sitting-stiffness")
    assert "Usually fine to look after yourself first" in shown.inner_text()
    for exercise_id in data.symptom_path["end-sitting-stiffness"].exercises:
        item = shown.locator(".symptom-guide__exercises > li", has=page.locator(f"a[href$='exercises/{exercise_id}/']"))
        for rule in data.exercises[exercise_id].stop_if:
            assert rule in item.inner_text(), (exercise_id, rule)
    assert shown.locator("a[href$='red-flags/#flag-not-improving']").is_visible()
    assert shown.locator("a[href$='red-flags/']").is_visible(), "self-care ends link every warning sign"

    page.locator(".symptom-guide__restart").click()
    assert visible_steps(page) == [start] and page.locator(".symptom-guide__trail").is_hidden()
    assert not watch.problems(), watch.problems()


def test_keyboard_alone_walks_the_guide_and_focus_lands_on_each_question(tabs, base, data):
    page, watch = tabs.open(url_of(base, PAGE))
    start = next(iter(data.symptom_path))
    for _ in range(300):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[data-next]')"):
            break
    else:
        pytest.fail("no answer is reachable with Tab")
    assert focused_step(page) == start
    page.keyboard.press("Tab")  # the second answer: "No"
    assert page.evaluate("document.activeElement.textContent").startswith("No")
    page.keyboard.press("Enter")
    second = data.symptom_path[start].answers[1].next
    assert visible_steps(page) == [second]
    assert page.evaluate("document.activeElement.id") == f"sg-{second}-title", "focus is on the new question"
    page.keyboard.press("Tab")  # from the heading to its first answer, then Enter
    page.keyboard.press("Enter")
    first_end = data.symptom_path[second].answers[0].next
    assert visible_steps(page) == [first_end]
    assert page.evaluate("document.activeElement.id") == f"sg-{first_end}-title"
    for _ in range(60):  # on to Back, by Tab alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('symptom-guide__back')"):
            break
    else:
        pytest.fail("Back is not reachable with Tab")
    page.keyboard.press("Enter")
    assert visible_steps(page) == [second]
    assert page.evaluate("document.activeElement.id") == f"sg-{second}-title"
    assert not watch.problems(), watch.problems()


def test_without_javascript_every_question_shows_as_linked_sections(browser, base, data):
    context, page, _ = open_page(browser, url_of(base, PAGE), java_script_enabled=False)
    for step in data.symptom_path.values():
        section = page.locator(f"#sg-{step.id}")
        assert section.is_visible(), step.id
        for index, choice in enumerate(step.answers):
            link = section.locator("a[data-next]").nth(index)
            assert link.get_attribute("href") == f"#sg-{choice.next}"
    assert page.locator(".symptom-guide__status").count() == 0 and page.locator(".symptom-guide__back").count() == 0
    page.locator("#sg-emergency-box a[data-next]").first.click()  # a plain anchor link
    assert page.evaluate("location.hash") == "#sg-end-emergency-box"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_guide_passes_axe_in_light_and_dark_with_no_console_errors(tabs, base, scheme):
    page, watch = tabs.open(url_of(base, PAGE))
    if scheme == "dark":
        to_dark(page)
    problems = axe(page)
    answer(page, "Yes")  # an end, with its badge and phone buttons
    problems += axe(page)
    page.locator(".symptom-guide__back").click()
    answer(page, "No")
    answer(page, "No")
    problems += axe(page)
    assert not problems, "\n".join(problems)
    assert not watch.problems(), watch.problems()


def test_guide_fits_a_phone_screen(tabs, base):
    page, watch = tabs.open(url_of(base, PAGE), viewport=PHONE)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways on a phone: {widths}"
    answer(page, "No")
    heading = page.locator("#sg-emergency-back-title").evaluate("el => el.getBoundingClientRect().top")
    header = page.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert header <= heading < 844, f"the new question ({heading}px) is on screen below the header ({header}px)"
    taps = [
        *page.locator("#sg-emergency-back a[data-next]").all(),
        *page.locator(".symptom-guide__controls button").all(),
    ]
    assert all(t.evaluate("el => el.getBoundingClientRect().height") >= 44 for t in taps), "tap targets"
    assert not watch.problems(), watch.problems()


def test_answers_and_buttons_keep_contrast_on_hover_and_focus(tabs, base):
    """axe checks resting colours; here the guide's links and buttons are forced into :hover and
    :focus (through the DevTools protocol) on a question and on an end, in light and dark."""
    page, _ = tabs.open(url_of(base, PAGE))
    answer(page, "No")
    answer(page, "Yes")  # an end, so Back, Start again and the end's links are on screen
    assert page.locator(f"{GUIDE} a, {GUIDE} button").count() > 20
    forced = ForcedStates(page, f"{GUIDE} a, {GUIDE} button")
    problems = []
    for scheme in ("light", "dark"):
        if scheme == "dark":
            to_dark(page)
        for states in (["hover"], ["focus", "focus-visible"]):
            problems += forced.check(states, scheme)
    assert not problems, "\n".join(problems)
