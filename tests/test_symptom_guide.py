"""The symptom guide: every path through the real data, and the macro's plain-HTML output.

The walk here is written independently of macros/guide.py (which stops the build on a bad
guide), so a mistake in those checks cannot hide a mistake in the data.
"""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from helpers import MINI_PAGES, mini_renderer
from macros.problems import MacroError

PAGES = MINI_PAGES
ORDER = ["emergency", "same-day", "soon", "self-care"]
NO_DOCTOR = re.compile(r"\b(?:do not|don't|dont|no) need (?:to see )?(?:a |any )?(?:doctor|gp|physio)", re.I)


def walk(steps: dict) -> list[list]:
    """Every path from the first step to an end, as lists of steps."""
    start = next(iter(steps.values()))
    found, stack = [], [[start]]
    while stack:
        path = stack.pop()
        step = path[-1]
        if step.end is not None:
            found.append(path)
            continue
        assert len(path) < 40, f"a path runs on without ending: {[s.id for s in path]}"
        for answer in step.answers:
            assert answer.next in steps, f"{step.id}: answer {answer.label!r} leads to unknown step {answer.next!r}"
            following = steps[answer.next]
            assert following not in path, f"loop: {[s.id for s in path]} -> {following.id}"
            stack.append([*path, following])
    return found


def level(question, flags) -> str:
    tiers = {flags[f].tier for f in question.red_flags}
    assert len(tiers) <= 1, f"{question.id} asks about signs of several tiers: {tiers}"
    return tiers.pop() if tiers else "self-care"


@pytest.fixture(scope="module")
def paths(data):
    return walk(data.symptom_path)


def test_every_path_ends_at_a_valid_end_and_every_end_is_reached(data, paths):
    steps = data.symptom_path
    assert len(paths) >= 10
    ends = {path[-1].id for path in paths}
    assert ends == {s.id for s in steps.values() if s.end is not None}, "an end no path reaches"
    reached = {s.id for path in paths for s in path}
    assert reached == set(steps), f"steps no path reaches: {set(steps) - reached}"
    for path in paths:
        end = path[-1]
        assert end.title and end.end in ORDER
        if end.end == "self-care":
            assert end.advice and end.page and not end.red_flags, end.id
            assert end.sources or end.claims, f"{end.id}: self-care advice needs its evidence"
        else:
            assert end.red_flags or end.conditions, end.id
            last_question = path[-2]
            for flag_id in end.red_flags:
                assert data.red_flags[flag_id].tier == end.end, (end.id, flag_id)
                assert flag_id in last_question.red_flags, (
                    f"{end.id} names {flag_id}, which {last_question.id} did not ask"
                )
        for condition_id in end.conditions:
            assert data.conditions[condition_id].urgency == end.end, (end.id, condition_id)
        for exercise_id in end.exercises:
            assert data.exercises[exercise_id].stop_if, exercise_id


def test_emergency_questions_come_first_then_same_day_then_soon(data, paths):
    flags = data.red_flags
    start = next(iter(data.symptom_path.values()))
    callout = {f.id for f in flags.values() if f.callout}
    assert callout and callout <= set(start.red_flags), "the first question asks about the emergency box"
    assert level(start, flags) == "emergency"
    for path in paths:
        questions = path[:-1]
        levels = [level(q, flags) for q in questions]
        assert levels == sorted(levels, key=ORDER.index), [(q.id, lv) for q, lv in zip(questions, levels, strict=True)]
        asked: set[str] = set()
        for question in path:  # before each step, every more urgent sign has been asked
            here = question.end or level(question, flags)
            more_urgent = {f.id for f in flags.values() if ORDER.index(f.tier) < ORDER.index(here)}
            assert more_urgent <= asked, f"{question.id} comes before {sorted(more_urgent - asked)} were asked"
            asked |= set(question.red_flags)


def test_every_red_flag_is_asked_and_self_care_comes_after_all_of_them(data, paths):
    asked = {f for s in data.symptom_path.values() for f in s.red_flags if s.end is None}
    assert asked == set(data.red_flags)
    for path in paths:
        if path[-1].end == "self-care":
            on_path = {f for s in path[:-1] for f in s.red_flags}
            assert on_path == set(data.red_flags), path[-1].id


def test_regions_and_groups_at_more_risk_are_asked_about(data):
    """Back and hip-groin signs, and those for pregnancy and for the young, are all in the guide."""
    asked = {f for s in data.symptom_path.values() for f in s.red_flags if s.end is None}
    for region in ("back", "hip-groin", "any"):
        assert {f.id for f in data.red_flags.values() if f.region == region} <= asked, region
    for needed in ("pregnancy-heavy-bleeding", "pregnancy-back-pain-warning", "first-back-pain-under-20"):
        assert needed in asked


def test_the_guide_never_says_you_do_not_need_a_doctor(data):
    for step in data.symptom_path.values():
        for text in (step.question, step.help, step.title, step.advice, *(a.label for a in step.answers)):
            assert not NO_DOCTOR.search(text or ""), (step.id, text)


# ---------------------------------------------------------------- the macro, on the mini-site


@pytest.fixture(scope="module")
def render():
    return mini_renderer("symptom-guide/", titles={"muscles/psoas.md": "Psoas"})


def parse(markup) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(str(markup), create_parent="div")


def test_guide_is_a_list_of_linked_steps_without_javascript(render):
    root = parse(render.symptom_guide())
    guide = root.xpath(".//*[@data-symptom-path]")[0]
    assert guide.get("data-symptom-path") == "emergency"
    assert guide.get("data-max-steps") == "4"
    labels = json.loads(guide.get("data-labels"))
    assert {"question", "result", "trail", "back", "restart", "controls"} <= set(labels)
    sections = guide.xpath("./section[@data-step]")
    assert [s.get("id") for s in sections][:4] == ["sg-emergency", "sg-same-day", "sg-soon", "sg-where"]
    ids = {s.get("id") for s in sections}
    for link in guide.xpath(".//a[@data-next]"):
        assert link.get("href") == "#sg-" + link.get("data-next") and link.get("href")[1:] in ids
    for section in sections:  # every step is labelled by its heading, which can take focus
        heading = section.xpath("./h2")[0]
        assert section.get("aria-labelledby") == heading.get("id") and heading.get("tabindex") == "-1"
        assert heading.text_content().strip()


def test_ends_name_their_signs_level_and_next_steps(render):
    root = parse(render.symptom_guide())
    emergency = root.xpath(".//section[@id='sg-end-emergency']")[0]
    assert emergency.xpath(".//a[@href='tel:999']") and emergency.xpath(".//a[@href='tel:112']")
    flag = emergency.xpath(".//ul[@class='symptom-guide__flags']//a")[0]
    assert (
        flag.get("href") == "../red-flags/#flag-saddle-numbness"
        and flag.text_content() == "Numbness around the genitals."
    )
    assert "Emergency: get help now" in emergency.text_content()
    care = root.xpath(".//section[@id='sg-end-self-care']")[0]
    text = care.text_content()
    assert "Usually fine to look after yourself first" in text and "a few weeks" in text
    exercise = care.xpath(".//ul[@class='symptom-guide__exercises']/li")[0]
    assert exercise.xpath("./a/@href") == ["../exercises/kneeling-stretch/"]
    assert "Pain spreads down the leg." in exercise.text_content(), "the stop rule is shown"
    assert care.xpath(".//a[@href='../muscles/psoas/']")[0].text_content() == "Psoas"
    assert care.xpath(".//a[@href='../red-flags/#flag-not-improving']"), "watch_for links its sign"
    for end in root.xpath(".//section[@data-end]"):
        assert end.xpath(".//a[@href='../red-flags/']"), "every end links all the warning signs"
        assert end.xpath(".//a[@data-restart][@href='#sg-emergency']")


def test_guide_heading_level_is_checked(render):
    assert "<h3 " in str(render.symptom_guide(level=3))
    with pytest.raises(MacroError, match=r"docs/test.md:1: symptom_guide\(level=7\): level must be 2, 3 or 4"):
        render.symptom_guide(level=7)
