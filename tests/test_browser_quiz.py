"""The quiz in Chromium: answering, feedback, stored progress, reset, the Anki export, keyboard
use, the page without JavaScript, and axe in light and dark."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from browser import ForcedStates, axe, open_page, to_dark, url_of

pytestmark = pytest.mark.slow

QUESTION = "roots-psoas-major"


@pytest.fixture
def quiz(tabs, base):
    """The quiz page in a fresh tab (with an empty localStorage), with its console watched."""
    page, watch = tabs.open(url_of(base, "quiz.md"))
    page.wait_for_selector("[data-quiz-bar]:not([hidden])")
    yield page, watch
    assert not watch.problems(), watch.problems()


def question(page, qid: str = QUESTION):
    return page.locator(f"[data-question='{qid}']")


def answer(page, qid: str, right: bool) -> None:
    item = question(page, qid)
    good = int(item.get_attribute("data-answer"))
    choice = good if right else (good + 1) % item.locator("input[type=radio]").count()
    item.locator("input[type=radio]").nth(choice).check()
    item.get_by_role("button", name="Check my answer").click()


def stored(page) -> dict:
    """Every localStorage key with 'quiz' in its name, parsed."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage).filter(k => k.includes('quiz'))
               .map(k => [k, JSON.parse(localStorage.getItem(k))]))"""
    )


def total(page) -> int:
    return page.locator("[data-question]").count()


def test_answer_shows_feedback_with_reason_and_link_and_progress_survives_reload(quiz):
    page, _ = quiz
    assert stored(page) == {}, "nothing is saved before the reader answers"
    item = question(page)
    reason = item.locator(".quiz-answer__reason").text_content().strip()
    link = item.locator("a.quiz-answer__link").evaluate("a => a.href")
    right_text = item.locator(".quiz-answer__text").text_content().strip()

    answer(page, QUESTION, right=False)
    feedback = item.locator(".quiz-feedback")
    assert feedback.get_attribute("role") == "status"
    assert feedback.locator(".quiz-feedback__verdict").inner_text() == f"Not quite. The answer is: {right_text}."
    assert feedback.locator(".quiz-feedback__reason").inner_text() == reason
    assert reason.startswith("Its nerve supply:")
    assert feedback.locator("a").evaluate("a => a.href") == link
    assert link.endswith("/anatomy/iliopsoas/#muscle-psoas-major")
    assert item.locator(".quiz-option--wrong").count() == 1 and item.locator(".quiz-option--right").count() == 1
    assert item.locator("input[type=radio]:disabled").count() == item.locator("input[type=radio]").count()

    answer(page, "claim-sitting-shortens-psoas", right=True)
    assert question(page, "claim-sitting-shortens-psoas").locator(".quiz-feedback__verdict").inner_text() == "Right."
    progress = page.locator("[data-quiz-progress]")
    assert progress.inner_text() == f"Answered: 2 of {total(page)}. Right the last time: 1. Due for review now: 1."

    saved = stored(page)
    assert len(saved) == 1, saved
    state = next(iter(saved.values()))
    assert state["version"] == 1
    assert state["cards"][QUESTION]["box"] == 1 and state["cards"][QUESTION]["last"] == "wrong"
    assert state["cards"]["claim-sitting-shortens-psoas"]["box"] == 2

    page.reload(wait_until="load")
    page.wait_for_selector("[data-quiz-bar]:not([hidden])")
    assert stored(page) == saved
    assert progress.inner_text() == f"Answered: 2 of {total(page)}. Right the last time: 1. Due for review now: 1."
    assert page.locator("[data-quiz-meter]").evaluate("m => m.value") == 2
    note = question(page, "claim-sitting-shortens-psoas").locator(".quiz-question__when")
    assert note.inner_text() == "You will see this question again tomorrow."
    again = question(page).locator(".quiz-question__when").inner_text()
    assert again == "You will see this question again later today."


def test_pick_an_answer_first(quiz):
    page, _ = quiz
    item = question(page)
    item.get_by_role("button", name="Check my answer").click()
    assert item.locator(".quiz-feedback").inner_text() == "Pick an answer first."
    assert stored(page) == {}


def test_reset_asks_first_then_clears_the_stored_progress(quiz):
    page, _ = quiz
    answer(page, QUESTION, right=True)
    reset = page.get_by_role("button", name="Reset progress")
    reset.click()
    confirm = page.locator("[data-quiz-confirm]")
    assert confirm.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear my progress"
    page.get_by_role("button", name="Keep it").click()
    assert not confirm.is_visible() and len(stored(page)) == 1, "Keep it keeps the progress"
    assert page.evaluate("document.activeElement.textContent") == "Reset progress"

    reset.click()
    page.get_by_role("button", name="Yes, clear my progress").click()
    assert stored(page) == {}
    assert page.locator("[data-quiz-status]").inner_text() == "Your progress is cleared."
    assert page.locator("[data-quiz-progress]").inner_text().startswith("Answered: 0 of")
    item = question(page)
    assert item.locator(".quiz-feedback").inner_text() == ""
    assert item.locator("input[type=radio]:checked").count() == 0
    assert item.get_by_role("button", name="Check my answer").is_visible()
    page.reload(wait_until="load")
    assert stored(page) == {}
    assert question(page).locator(".quiz-question__when").inner_text() == ""


def test_export_downloads_a_csv_that_parses(quiz):
    page, watch = quiz
    with page.expect_download() as info:
        page.get_by_role("link", name="Export for Anki").click()
    download = info.value
    assert download.suggested_filename == "iliopsoas-quiz.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("#separator:Comma\n")
    rows = [row for row in csv.reader(io.StringIO(text)) if not row[0].startswith("#")]
    drawings = page.locator("[data-quiz-set='exercises'] [data-question]").count()
    assert len(rows) == total(page) - drawings
    assert all(len(row) == 3 for row in rows)
    assert not watch.outside, "the export asks no other site for anything"


def test_answering_with_the_keyboard_alone(quiz):
    page, _ = quiz
    page.get_by_role("button", name="All questions").focus()  # the start of the quiz's controls
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # One at a time
    assert page.locator("[data-question]:visible").count() == 1
    first = page.locator("[data-question]:visible").get_attribute("data-question")
    for _ in range(5):  # on to the question's options
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    else:
        pytest.fail("the options are not reachable with Tab")
    page.keyboard.press("ArrowDown")  # moves to and picks the next option
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    feedback = question(page, first).locator(".quiz-feedback")
    assert feedback.inner_text().startswith(("Right.", "Not quite."))
    assert page.evaluate("document.activeElement.classList.contains('quiz-feedback')")
    page.keyboard.press("Tab")  # the "read more" link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Next question"
    page.keyboard.press("Enter")
    second = page.locator("[data-question]:visible").get_attribute("data-question")
    assert second != first
    assert page.evaluate("document.activeElement.type") == "radio", "focus moves to the new question"
    page.keyboard.press("Space")  # picks the focused option
    page.keyboard.press("Enter")  # Enter on an option checks it
    assert question(page, second).locator(".quiz-feedback__verdict").count() == 1
    assert len(next(iter(stored(page).values()))["cards"]) == 2


def test_topics_and_one_at_a_time(quiz):
    page, _ = quiz
    page.get_by_role("button", name="How fast to act").click()
    assert page.locator("[data-quiz-set]:visible").count() == 1
    assert page.locator("[data-quiz-set='red-flags']").is_visible()
    page.get_by_role("button", name="One at a time").click()
    shown = page.locator("[data-question]:visible")
    assert shown.count() == 1 and shown.get_attribute("data-question").startswith("flag-")
    first = shown.get_attribute("data-question")
    answer(page, first, right=True)
    page.get_by_role("button", name="Next question").click()
    assert shown.count() == 1 and shown.get_attribute("data-question") not in (first, None)
    assert shown.get_attribute("data-question").startswith("flag-")
    # The choice is remembered, and a link to a hidden section shows it.
    page.reload(wait_until="load")
    assert page.locator("[data-question]:visible").count() == 1
    assert page.get_by_role("button", name="How fast to act").get_attribute("aria-pressed") == "true"
    page.evaluate("location.hash = '#quiz-muscles'")
    page.wait_for_function("() => document.querySelector(\"[data-quiz-set='muscles']\").offsetParent !== null")
    assert page.get_by_role("button", name="All topics").get_attribute("aria-pressed") == "true"


def test_without_javascript_every_answer_is_behind_show_the_answer(browser, base):
    context, page, watch = open_page(browser, url_of(base, "quiz.md"), java_script_enabled=False)
    items = page.locator("[data-question]")
    assert items.count() >= 40
    assert page.locator("[data-question]:visible").count() == items.count()
    assert page.locator("[data-quiz-bar]").is_hidden() and page.locator("[data-quiz-reset]").is_hidden()
    assert page.get_by_role("button", name="Check my answer").count() == 0
    item = question(page)
    assert item.locator("input[type=radio]").count() == 4 and item.locator("legend").is_visible()
    answer_text = item.locator(".quiz-answer__text")
    assert not answer_text.is_visible()
    item.locator("summary", has_text="Show the answer").click()
    assert answer_text.is_visible() and answer_text.inner_text() == "L1–L3"
    assert item.locator(".quiz-answer__reason").is_visible() and item.locator("a.quiz-answer__link").is_visible()
    assert page.get_by_role("link", name="Export for Anki").is_visible()
    assert not watch.problems()
    context.close()


def test_axe_finds_nothing_in_light_and_dark_in_every_state(quiz):
    page, _ = quiz
    answer(page, QUESTION, right=False)
    answer(page, "claim-sitting-shortens-psoas", right=True)
    page.get_by_role("button", name="Reset progress").click()  # the confirm box shows
    problems = [f"light: {p}" for p in axe(page)]
    to_dark(page)
    problems += [f"dark: {p}" for p in axe(page)]
    page.get_by_role("button", name="One at a time").click()
    page.get_by_role("button", name="Exercises").click()
    problems += [f"dark, one at a time: {p}" for p in axe(page)]
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    problems += [f"light, one at a time: {p}" for p in axe(page)]
    # Buttons and options keep their contrast on hover and focus too.
    forced = ForcedStates(page, ".quiz .md-button, .quiz-option, .quiz a")
    assert forced.nodes
    for scheme in ("light", "dark"):
        if scheme == "dark":
            to_dark(page)
        for states in (["hover"], ["focus", "focus-visible"]):
            problems += forced.check(states, scheme)
    assert not problems, "\n  ".join(problems)


def test_local_storage_holds_one_versioned_key(quiz):
    page, _ = quiz
    answer(page, QUESTION, right=True)
    page.get_by_role("button", name="Muscles").click()
    keys = [k for k in page.evaluate("Object.keys(localStorage)") if "quiz" in k]
    assert keys == ["iliopsoas-quiz"], keys
    state = json.loads(page.evaluate("localStorage.getItem('iliopsoas-quiz')"))
    assert set(state) == {"version", "cards", "settings"} and state["settings"]["topic"] == "muscles"
