"""Calendars: which weekdays a dose repeats on, and a calendar file (.ics) for each routine.

A dose's `days_per_week` (data/exercises.yml) is the machine form of its `frequency` text.
WEEKDAYS turns it into fixed days, once, for everything that makes a calendar: the routine
files written here at build time, and the plan page (macros/templates/plan_builder.html puts
the days beside each card, where overrides/assets/plan.js reads them). A routine repeats on the days
of its least frequent exercise, so no exercise in it runs more often than its own dose says.

The routine files are byte-reproducible: fixed UID, DTSTAMP and first date, floating local time.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from urllib.parse import urlparse

from .i18n import translator
from .links import site_url_of
from .models import SECONDS_PER_REP

# Days a week -> the weekdays (RFC 5545 BYDAY codes) a reminder repeats on, spread out.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    1: ("MO",),
    2: ("MO", "TH"),
    3: ("MO", "WE", "FR"),
    4: ("MO", "TU", "TH", "FR"),
    5: ("MO", "TU", "WE", "TH", "FR"),
    6: ("MO", "TU", "WE", "TH", "FR", "SA"),
    7: ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
}
CODES = WEEKDAYS[7]
FOLDER = "calendars"  # under the site directory: calendars/<routine-id>.ics
# Fixed so two builds write the same bytes. The first Monday of 2026 starts every series.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
FIRST_DAY = datetime.date(2026, 1, 5)
DEFAULT_TIME = datetime.time(18, 0)


def weekdays(days_per_week: int) -> tuple[str, ...]:
    return WEEKDAYS[days_per_week]


def routine_days(routine, exercises) -> int:
    """A routine repeats as often as its least frequent exercise allows."""
    return min(exercises[step.exercise].dose.days_per_week for step in routine.steps)


def dose_minutes(dose) -> int:
    """A rough length for a calendar entry: holds or repetitions, sets and sides; at least 5 minutes."""
    each = dose.hold_seconds or SECONDS_PER_REP
    seconds = each * (dose.reps or 1) * (dose.sets or 1) * (2 if dose.per_side else 1)
    return max(5, math.ceil(seconds / 60))


def first_date(days: tuple[str, ...], start: datetime.date = FIRST_DAY) -> datetime.date:
    """The first date on or after `start` that falls on one of `days`."""
    for offset in range(7):
        date = start + datetime.timedelta(days=offset)
        if CODES[date.weekday()] in days:
            return date
    raise ValueError(f"no weekday in {days!r}")


def routine_calendar(routine, exercises, *, site_name: str, site_url: str, page_url: str, lang: str) -> bytes:
    """One weekly repeating event for a routine, with a reminder at its start."""
    from icalendar import Alarm, Calendar, Event, vRecur  # only when writing: pages do not need it

    gettext, _ = translator(lang)
    days = weekdays(routine_days(routine, exercises))
    lines = [routine.summary, gettext("About %(n)s minutes.") % {"n": routine.minutes}]
    for step in routine.steps:
        amount = (
            gettext("%(n)s seconds") % {"n": step.seconds}
            if step.seconds
            else gettext("%(n)s repetitions") % {"n": step.reps}
        )
        side = " " + gettext("on each side") if step.sides == "each" else ""
        lines.append(f"- {exercises[step.exercise].name}: {amount}{side}")
    lines.append(page_url)

    calendar = Calendar()
    calendar.add("prodid", f"-//{site_name}//Routines//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", f"routine-{routine.id}@{urlparse(site_url).hostname or 'localhost'}")
    event.add("dtstamp", STAMP)
    event.add("dtstart", datetime.datetime.combine(first_date(days), DEFAULT_TIME))  # floating: no time zone
    event.add("duration", datetime.timedelta(minutes=routine.minutes))
    event.add("rrule", vRecur(freq="WEEKLY", byday=list(days)))
    event.add("summary", routine.name)
    event.add("description", "\n".join(lines))
    event.add("url", page_url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", routine.name)
    alarm.add("trigger", datetime.timedelta(0))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


def calendar_href(routine_id: str) -> str:
    """Where a routine's calendar file sits, relative to the site root."""
    return f"{FOLDER}/{routine_id}.ics"


def write_routine_calendars(data, site_dir: Path, conf) -> list[Path]:
    """calendars/<routine-id>.ics for every routine (a writer for macros/outputs.py)."""
    site_url = (conf.get("site_url") or "/").rstrip("/") + "/"
    docs_dir = Path(conf["docs_dir"])
    lang = conf["theme"]["language"]
    written = []
    for routine in data.routines.values():
        page = f"routines/{routine.id}.md"
        page_url = site_url + (site_url_of(page, conf["use_directory_urls"]) if (docs_dir / page).exists() else "")
        path = site_dir / calendar_href(routine.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            routine_calendar(
                routine,
                data.exercises,
                site_name=conf["site_name"],
                site_url=site_url,
                page_url=page_url,
                lang=lang,
            )
        )
        written.append(path)
    return written
