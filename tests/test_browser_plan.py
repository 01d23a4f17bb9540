"""My plan (docs/plan.md, overrides/assets/plan.js) in Chromium: the link, the sheet, print, the
calendar file, the copy button, the private log, the keyboard, axe in light and dark."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from browser import ForcedStates, axe, to_dark, url_of
from macros.calendars import CODES, routine_days, weekdays

pytestmark = pytest.mark.slow


def plan_url(base: str, query: str = "") -> str:
    return url_of(base, "plan.md") + query


def shown(page, kind: str = "exercise") -> list[str]:
    """Ids of the sheet's visible cards (or routines), top to bottom."""
    return page.eval_on_selector_all(
        f".plan-sheet [data-plan-item='{kind}']",
        "els => els.filter(e => !e.hidden && e.offsetParent).map(e => e.dataset.id)",
    )


def query(page) -> str:
    return page.evaluate("decodeURIComponent(location.search)")


def test_a_link_opens_exactly_its_cards_and_ignores_unknown_ids_politely(tabs, base, data):
    page, watch = tabs.open(plan_url(base, "?ex=glute-bridge,clamshell"))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    assert shown(page) == ["glute-bridge", "clamshell"]
    assert shown(page, "routine") == []
    assert page.is_checked("#plan-ex-glute-bridge") and page.is_checked("#plan-ex-clamshell")
    assert page.is_checked("#plan-routine-none")
    checked = page.eval_on_selector_all("[data-plan-pick='exercise']:checked", "els => els.length")
    assert checked == 2
    assert page.locator(".plan-nojs").is_hidden() and page.locator("[data-plan-empty]").is_hidden()
    assert page.locator("[data-plan-notice]").is_hidden(), "no notice when every id is known"
    card = page.locator("#plan-card-clamshell")
    for step in data.exercises["clamshell"].steps:
        assert step in card.inner_text()
    assert data.exercises["clamshell"].stop_if[0] in card.inner_text()

    page.goto(plan_url(base, "?ex=side-plank,not-a-move,plank&routine=no-such-routine"), wait_until="load")
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    assert shown(page) == ["side-plank", "plank"]
    notice = page.locator("[data-plan-notice]")
    assert notice.is_visible() and "not-a-move" in notice.inner_text() and "no-such-routine" in notice.inner_text()
    assert notice.get_attribute("role") == "status"
    assert not watch.problems(), watch.problems()


def test_choices_change_the_address_and_the_order_of_the_sheet(tabs, base):
    page, watch = tabs.open(plan_url(base, "?ex=glute-bridge,clamshell"))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.click("label[for='plan-ex-plank']")
    assert query(page) == "?ex=glute-bridge,clamshell,plank"
    assert shown(page) == ["glute-bridge", "clamshell", "plank"]
    page.click("label[for='plan-ex-glute-bridge']")
    assert query(page) == "?ex=clamshell,plank"
    page.click("label[for='plan-ex-glute-bridge']")
    assert shown(page) == ["clamshell", "plank", "glute-bridge"], "a card joins at the end, in the order chosen"
    page.click("label[for='plan-routine-desk-break']")
    assert query(page) == "?ex=clamshell,plank,glute-bridge&routine=desk-break"
    assert shown(page, "routine") == ["desk-break"]
    address = page.locator("[data-plan-address]").inner_text()
    assert address == page.url, "the sheet names the address that reopens this plan"
    page.reload(wait_until="load")
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    assert shown(page) == ["clamshell", "plank", "glute-bridge"] and shown(page, "routine") == ["desk-break"]
    page.click("label[for='plan-routine-none']")
    for exercise in ("clamshell", "plank", "glute-bridge"):
        page.click(f"label[for='plan-ex-{exercise}']")
    assert query(page) == "" and page.locator("[data-plan-empty]").is_visible()
    assert not watch.problems(), watch.problems()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_shows_only_the_sheet_with_the_callout_address_and_date(tabs, base, paper):
    chosen = "?ex=half-kneeling-hip-flexor-stretch,glute-bridge,side-plank"
    page, watch = tabs.open(plan_url(base, chosen))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    pdf = page.pdf(format=paper)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"three exercises print on {pages} {paper} pages"
    page.emulate_media(media="print")
    visible = page.eval_on_selector_all(
        "article.md-content__inner > *, .plan-builder > *, .md-content__inner ~ *",
        "els => els.filter(e => e.getClientRects().length).map(e => e.className)",
    )
    assert visible == ["plan-builder", "plan-sheet"], visible
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "article h1", ".plan-picker", ".plan-log"):
        assert page.locator(selector).first.is_hidden(), f"{selector} prints"
    outside = page.locator("article > .callout--emergency, .md-typeset > .callout--emergency")
    assert outside.count() == 1 and outside.is_hidden(), "the page's own emergency box stays on screen"
    sheet = page.locator(".plan-sheet")
    assert sheet.locator(".callout--emergency").is_visible()
    assert sheet.locator("a[href='tel:999']").is_visible()
    assert shown(page) == ["half-kneeling-hip-flexor-stretch", "glute-bridge", "side-plank"]
    assert page.locator(".plan-sheet .plan-more").first.is_hidden(), "screen-only links stay off paper"
    text = sheet.inner_text()
    assert "Iliopsoas & low-back tightness" in text
    assert plan_url(base, chosen) in text, "the sheet names the link that reopens it"
    date = page.locator("[data-plan-date]")
    assert date.get_attribute("datetime") == datetime.date.today().isoformat()
    expected = page.evaluate(
        "new Date().toLocaleDateString(undefined, {year: 'numeric', month: 'long', day: 'numeric'})"
    )
    assert date.inner_text() == expected and date.is_visible()
    assert not watch.problems(), watch.problems()


def unfolded(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_calendar_download_is_a_valid_ics_with_a_weekly_rule_per_choice(tabs, base, data):
    chosen = ["glute-bridge", "movement-breaks"]
    page, watch = tabs.open(plan_url(base, f"?ex={','.join(chosen)}&routine=ten-minute-routine"))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.fill("#plan-time", "07:30")
    with page.expect_download() as info:
        page.click("[data-plan-action='calendar']")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    raw = Path(download.path()).read_bytes()
    assert download.url.startswith("blob:"), "made in the browser, not fetched"
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "folded at 75 octets"
    assert any(line.startswith(b" ") for line in raw.split(b"\r\n")), "long descriptions are folded"
    assert "\\," in raw.decode("utf-8") and "\\n" in raw.decode("utf-8"), "commas and line breaks are escaped"

    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert sum(1 for e in events if "RRULE" in e) == 3
    today = datetime.date.today()
    expected = {
        data.routines["ten-minute-routine"].name: weekdays(
            routine_days(data.routines["ten-minute-routine"], data.exercises)
        )
    }
    expected |= {data.exercises[e].name: weekdays(data.exercises[e].dose.days_per_week) for e in chosen}
    assert [str(e["SUMMARY"]) for e in events] == list(expected), "routine first, then exercises in order"
    for event in events:
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"] and tuple(rule["BYDAY"]) == expected[str(event["SUMMARY"])]
        start = event.decoded("DTSTART")
        assert start.tzinfo is None and (start.hour, start.minute) == (7, 30), "floating, at the chosen time"
        assert today <= start.date() < today + datetime.timedelta(days=7)
        assert CODES[start.weekday()] in rule["BYDAY"]
        assert event.walk("VALARM") and "UID" in event and "DTSTAMP" in event
    bridge = data.exercises["glute-bridge"].dose
    description = str(events[1]["DESCRIPTION"]).split("\n")
    assert description[0] == f"{bridge.summary}, {bridge.frequency}."
    assert description[-1] == page.url
    page.wait_for_function("() => document.querySelector('[data-plan-status]').textContent.length > 0")

    # Text with characters of two and three octets, and every character TEXT must escape.
    tricky = "Pause — café; été, back\\slash “quoted” " * 4
    page.evaluate(
        """text => { const card = document.querySelector('#plan-card-movement-breaks');
                     const info = JSON.parse(card.dataset.calendar); info.summary = text;
                     card.dataset.calendar = JSON.stringify(info); }""",
        tricky,
    )
    with page.expect_download() as info:
        page.click("[data-plan-action='calendar']")
    raw = Path(info.value.path()).read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character
    assert str(Calendar.from_ical(raw).walk("VEVENT")[2]["SUMMARY"]) == tricky
    assert not watch.problems(), watch.problems()


def test_copy_link_uses_the_clipboard_or_offers_the_link_to_select(tabs, base):
    page, watch = tabs.open(plan_url(base, "?ex=plank"), clipboard=True)
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.click("[data-plan-action='copy']")
    page.wait_for_function("() => document.querySelector('[data-plan-status]').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.locator("[data-plan-link]").is_hidden()

    page, _ = tabs.open(
        plan_url(base, "?ex=plank"), script="Object.defineProperty(navigator, 'clipboard', {value: undefined})"
    )
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.click("[data-plan-action='copy']")
    field = page.locator("#plan-link-text")
    assert field.is_visible() and field.input_value() == page.url
    assert page.evaluate("document.activeElement.id") == "plan-link-text"
    assert page.evaluate("[document.activeElement.selectionStart, document.activeElement.selectionEnd]") == [
        0,
        len(page.url),
    ], "the whole link is selected, ready to copy"
    assert not watch.problems(), watch.problems()


def test_keyboard_alone_builds_a_plan(tabs, base):
    page, watch = tabs.open(plan_url(base))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.keyboard.press("Tab")
    for _ in range(120):
        if page.evaluate("document.activeElement.id") == "plan-ex-glute-bridge":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "plan-ex-glute-bridge"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Space")
    assert shown(page) == ["glute-bridge"] and query(page) == "?ex=glute-bridge"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "plan-routine":
            break
    page.keyboard.press("ArrowDown")
    assert query(page) == "?ex=glute-bridge&routine=ten-minute-routine"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.planAction") == "copy":
            break
    tabs.allow_clipboard()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-plan-status]').textContent.length > 0")
    assert not watch.problems(), watch.problems()


def test_private_log_saves_exports_and_clears_on_this_device_only(tabs, base):
    page, watch = tabs.open(plan_url(base, "?ex=clamshell&routine=desk-break"))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    assert "never sent anywhere" in page.locator(".plan-log").inner_text()
    assert page.locator("[data-plan-log-table]").is_hidden()
    assert page.input_value("#plan-log-date") == datetime.date.today().isoformat()
    page.fill("#plan-log-feel", "3")
    page.click("[data-plan-action='log-add']")
    page.wait_for_function("() => document.querySelector('[data-plan-log-status]').textContent.length > 0")
    rows = page.locator("[data-plan-log-table] tbody tr")
    assert rows.count() == 1
    cells = rows.first.locator("td").all_inner_texts()
    assert cells == [datetime.date.today().isoformat(), "Two-minute desk break; Clamshell", "3"]
    page.reload(wait_until="load")
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    assert page.locator("[data-plan-log-table] tbody tr").count() == 1, "kept in this browser"
    with page.expect_download() as info:
        page.click("[data-plan-action='log-export']")
    csv = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert csv.splitlines() == [
        "Date,What you did,How your back felt (0 to 10)",
        f"{datetime.date.today().isoformat()},Two-minute desk break; Clamshell,3",
    ]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-plan-action='log-clear']")
    assert page.locator("[data-plan-log-table]").is_hidden()
    assert page.evaluate("localStorage.getItem('iliopsoas-plan-log')") is None
    assert not watch.problems(), watch.problems()


INTERACTIVE = ".plan-builder a, .plan-builder button, .plan-builder input, .plan-builder label"


def test_plan_page_passes_axe_in_light_and_dark_with_cards_log_and_notice(tabs, base):
    page, watch = tabs.open(plan_url(base, "?ex=glute-bridge,clamshell,nope&routine=desk-break"))
    page.wait_for_selector(".plan-builder[data-plan-ready]")
    page.click("[data-plan-action='log-add']")
    problems = [f"light: {p}" for p in axe(page)]
    to_dark(page)
    problems += [f"dark: {p}" for p in axe(page)]
    forced = ForcedStates(page, INTERACTIVE)
    assert forced.nodes
    for scheme in ("dark", "light"):
        if scheme == "light":
            page.emulate_media(color_scheme="light")
            page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
        for states in (["hover"], ["focus", "focus-visible"]):
            problems += forced.check(states, scheme)
    problems += watch.problems()
    assert not problems, "\n  ".join(problems)
