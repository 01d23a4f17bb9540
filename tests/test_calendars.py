"""Calendars: each dose's days a week as weekdays, and the routine calendar files the build writes."""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from helpers import ROOT
from macros.calendars import CODES, WEEKDAYS, first_date, routine_days, weekdays, write_routine_calendars


def conf():
    """The real site's configuration, as the build hands it to the writers."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def test_every_days_per_week_has_that_many_distinct_weekdays():
    assert sorted(WEEKDAYS) == list(range(1, 8))
    for n, days in WEEKDAYS.items():
        assert len(set(days)) == n and set(days) <= set(CODES), n
        assert list(days) == sorted(days, key=CODES.index), f"{n}: days in week order"
    assert first_date(("WE",)).isoformat() == "2026-01-07"


# The frequency words that fix a number; a dose whose text says one of them must agree.
WORDS = {"two or three days a week": 3, "working day": 5, "end of the day": 7}


def test_each_dose_days_per_week_matches_its_frequency_text(data):
    for exercise in data.exercises.values():
        dose = exercise.dose
        for words, days in WORDS.items():
            if words in dose.frequency:
                assert dose.days_per_week == days, f"{exercise.id}: {dose.frequency!r} but {dose.days_per_week} days"


@pytest.fixture(scope="module")
def calendars(real_site):
    return {path.stem: path.read_bytes() for path in (real_site / "calendars").glob("*.ics")}


def test_every_routine_has_a_calendar_that_parses_and_repeats_weekly(calendars, data):
    assert set(calendars) == set(data.routines)
    for routine_id, raw in calendars.items():
        routine = data.routines[routine_id]
        assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF"
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines fold at 75 octets"
        events = Calendar.from_ical(raw).walk("VEVENT")
        assert len(events) == 1, routine_id
        event = events[0]
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert tuple(rule["BYDAY"]) == weekdays(routine_days(routine, data.exercises))
        start = event.decoded("DTSTART")
        assert start.tzinfo is None and (start.hour, start.minute) == (18, 0), "floating local time"
        assert CODES[start.weekday()] in rule["BYDAY"], "the first event falls on one of its days"
        assert str(event["SUMMARY"]) == routine.name
        assert routine.summary in str(event["DESCRIPTION"])
        assert str(event["URL"]).endswith(f"/routines/{routine_id}/")
        assert event.walk("VALARM"), "a reminder, not only an event"


def test_routine_calendars_are_byte_identical_between_builds(calendars, data, tmp_path):
    """The build's files, and two more runs of the same writer, give the same bytes."""
    first = write_routine_calendars(data, tmp_path / "a", conf())
    second = write_routine_calendars(data, tmp_path / "b", conf())
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.stem: p.read_bytes() for p in first} == calendars


def test_desk_break_repeats_on_working_days_and_ten_minutes_three_days(calendars):
    assert re.search(rb"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n", calendars["desk-break"])
    assert re.search(rb"RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\n", calendars["ten-minute-routine"])


def test_routine_pages_link_their_calendar(real_site):
    for routine_id in ("desk-break", "ten-minute-routine"):
        html = (real_site / "routines" / routine_id / "index.html").read_text(encoding="utf-8")
        assert f'href="../../calendars/{routine_id}.ics" download' in html, routine_id
