"""Material's bundle on the reader's first action (overrides/assets/theme-loader.js), in Chromium:
what a first visit requests, that nothing the bundle does is lost by starting it late, and
that the page looks right before it starts. No timings: `make lighthouse` measures speed."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import Watch, url_of
from budget import KEY_PAGES, first_load

pytestmark = pytest.mark.slow

PHONE_DEVICE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}


def test_first_visit_requests_only_the_budgeted_files_and_runs_no_bundle(browser, base, real_site):
    for rel in KEY_PAGES:
        context = browser.new_context(**PHONE_DEVICE)
        page = context.new_page()
        watch = Watch(page)
        asked: list[str] = []
        page.on("request", lambda r, asked=asked: r.url.startswith(base) and asked.append(r.url))
        with page.expect_request(lambda r: "/javascripts/bundle." in r.url):  # fetched ahead, once loaded
            page.goto(url_of(base, rel), wait_until="load")
        page.wait_for_timeout(300)
        expected = first_load(real_site, rel)
        paths = [urlparse(a).path for a in asked]
        assert set(paths) <= set(expected), f"{rel}: unbudgeted requests {sorted(set(paths) - set(expected))}"
        assert page.evaluate("typeof window.component$") == "undefined", f"{rel}: the bundle ran before any action"
        assert page.get_attribute("html", "data-bundle") is None
        assert page.get_attribute("html", "class") == "js", "script mode from the start (search button shown)"
        assert page.locator("form[data-md-component='palette'] label:visible").count() == 1
        assert watch.problems() == []
        context.close()


def test_first_action_starts_material_and_instant_navigation_keeps_site_scripts(browser, base):
    context = browser.new_context(**PHONE_DEVICE)
    page = context.new_page()
    watch = Watch(page)
    page.goto(url_of(base, "anatomy/iliopsoas.md"), wait_until="load")
    assert page.locator("article[data-glossary]").count() == 1, "site scripts run without the bundle"
    with page.expect_response(lambda r: r.url.endswith("/sitemap.xml")):  # instant navigation needs it
        page.mouse.wheel(0, 200)
    page.wait_for_function("() => document.documentElement.dataset.bundle === 'ready' && !!window.component$")
    page.wait_for_timeout(200)
    page.evaluate("window.stayed = true")
    target = url_of(base, "routines/ten-minute-routine.md")
    page.evaluate(
        "url => { const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }", target
    )
    page.wait_for_function("url => location.href === url", arg=target)
    page.wait_for_selector("article[data-glossary] [data-routine][data-player]")
    assert page.evaluate("window.stayed") is True, "instant navigation: no reload"
    assert watch.problems() == []
    context.close()


def holding_the_bundle(browser, base):
    """The home page with Material's bundle held back: a reader acting before it has arrived."""
    context = browser.new_context()
    page = context.new_page()
    held = []
    page.route("**/javascripts/bundle.*.js", lambda route: held.append(route))
    page.goto(base, wait_until="load")
    return context, page, held


def release(held, page) -> None:
    """Let the bundle arrive and wait until it has started."""
    while held:
        held.pop().continue_()
    page.wait_for_function("() => document.documentElement.dataset.bundle === 'ready'")


def test_a_palette_tap_before_the_bundle_is_ready_is_kept(browser, base):
    context, page, held = holding_the_bundle(browser, base)
    toggle = "form[data-md-component='palette'] label:visible"
    page.locator(toggle).first.click()
    page.locator(toggle).first.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default", "the bundle is held back"
    page.wait_for_function("() => document.documentElement.dataset.bundle === 'loading'")
    release(held, page)
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")  # two taps: light, then dark
    context.close()


def test_a_dark_system_gets_the_dark_scheme_before_any_action(browser, base):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(url_of(base, "red-flags.md"), wait_until="load")
    assert page.get_attribute("html", "data-bundle") is None
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    context.close()


def test_a_keyboard_shortcut_before_the_bundle_is_ready_is_kept(browser, base):
    context, page, held = holding_the_bundle(browser, base)
    page.keyboard.press("/")
    page.wait_for_function("() => document.documentElement.dataset.bundle === 'loading'")
    release(held, page)
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('input.md-search__input')")
    context.close()
