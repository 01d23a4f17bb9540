"""The built site in a real browser: Debian's Chromium, driven by Playwright, checked with axe-core."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from browser import AXE, launch, serve
from conftest import ROOT, built_path

pytestmark = pytest.mark.slow
PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


@pytest.fixture(scope="module")
def base(real_site) -> str:
    return serve(str(real_site))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


def url_of(base: str, rel: str) -> str:
    return base + built_path(rel).removesuffix("index.html")


class Watch:
    """Console errors, page errors and any request that leaves 127.0.0.1."""

    def __init__(self, page):
        self.errors, self.outside = [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme not in ("data", "blob", "about") and url.hostname != "127.0.0.1":
            self.outside.append(request.url)


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean(browser, base, scheme):
    """Loads with no console error, no outside request, and zero axe violations."""
    context = browser.new_context(color_scheme=scheme)
    problems = {}
    for rel in PAGES:
        page = context.new_page()
        watch = Watch(page)
        page.goto(url_of(base, rel), wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected, rel
        found = axe_violations(page) + [f"console: {e}" for e in watch.errors] + \
            [f"request left the site: {u}" for u in watch.outside]
        if found:
            problems[rel] = found
        page.close()
    cookies = context.cookies()
    context.close()
    assert not cookies, f"the site set cookies: {cookies}"
    assert not problems, "\n".join(f"{rel}:\n  " + "\n  ".join(v) for rel, v in problems.items())


def test_search_finds_the_thomas_test(browser, base):
    page = browser.new_page()
    page.goto(base, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Thomas test", delay=30)
    result = page.locator(".md-search-result__item a[href*='self-tests/thomas-test']").first
    result.wait_for(timeout=10_000)
    assert "Thomas test" in result.inner_text()
    page.close()


def test_palette_toggle_switches_and_persists(browser, base):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    # The first option follows the system; one click chooses light, the next dark.
    for _ in range(2):
        page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.reload(wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "the choice must survive a reload"
    context.close()


PRINTED = [p for p in PAGES if p.startswith(("exercises/", "routines/")) and not p.endswith("index.md")] + \
    ["action-plan.md"]


def test_cards_routines_and_action_plan_print_on_one_page(browser, base):
    page = browser.new_page()
    too_long = {}
    for rel in PRINTED:
        page.goto(url_of(base, rel), wait_until="networkidle")
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            if pages != 1:
                too_long[f"{rel} on {paper}"] = pages
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
    page.close()
    assert not too_long, f"print runs over one page: {too_long}"


def test_feedback_links_on_every_page(browser, base):
    page = browser.new_page()
    for rel in ("index.md", "exercises/glute-bridge.md"):
        page.goto(url_of(base, rel), wait_until="networkidle")
        report = page.locator(".page-feedback a", has_text="Report a problem").get_attribute("href")
        assert report.startswith("https://github.com/iliopsoas-guide/iliopsoas/issues/new?template=report-an-error.yml")
        edit = page.locator(".page-feedback a", has_text="Suggest an edit").get_attribute("href")
        assert edit == f"https://github.com/iliopsoas-guide/iliopsoas/edit/main/docs/{rel}"
    page.close()


def test_routine_player_runs_a_whole_routine_and_announces_each_step(browser, base):
    import yaml
    routine = next(r for r in yaml.safe_load((ROOT / "data/routines.yml").read_text())["routines"]
                   if r["id"] == "desk-break")
    names = {e["id"]: e["name"] for e in yaml.safe_load((ROOT / "data/exercises.yml").read_text())["exercises"]}
    page = browser.new_page()
    page.add_init_script("window.routinePlayerTickMs = 5;")
    page.goto(url_of(base, "routines/desk-break.md"), wait_until="networkidle")
    page.evaluate("""() => {
        window.heard = [];
        const live = document.querySelector('[data-routine=desk-break] [aria-live]');
        new MutationObserver(() => window.heard.push(live.textContent)).observe(live, {childList: true, characterData: true, subtree: true});
    }""")
    play = page.get_by_role("button", name="Start")
    play.focus()
    page.keyboard.press("Enter")  # keyboard alone
    page.wait_for_selector("[data-routine=desk-break][data-finished=true]", timeout=20_000)
    heard = page.evaluate("window.heard")
    steps = [h for h in heard if h.startswith("Step ")]
    expected = [names[s["exercise"]] for s in routine["steps"] for _ in range(2 if s.get("sides") == "each" else 1)]
    assert [h.split(": ")[1].split(",")[0] for h in steps] == expected, heard
    assert any("left side" in h for h in steps) and any("right side" in h for h in steps)
    assert heard[-1] == "Routine finished. Well done."
    assert page.locator("[data-routine=desk-break] progress").get_attribute("aria-label")
    page.close()


def test_routine_player_keys_and_no_script_fallback(browser, base):
    page = browser.new_page()
    page.goto(url_of(base, "routines/ten-minute-routine.md"), wait_until="networkidle")
    player = page.locator(".routine-player")
    player.focus()
    page.keyboard.press("ArrowRight")
    assert player.locator(".routine-player__now").inner_text().startswith("Step 1 of")
    assert "right side" in player.locator(".routine-player__now").inner_text()
    page.keyboard.press("ArrowLeft")
    assert "left side" in player.locator(".routine-player__now").inner_text()
    assert not page.get_by_label("Spoken cues").is_checked(), "speech is off until the reader turns it on"
    page.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_of(base, "routines/ten-minute-routine.md"))
    assert page.locator(".routine-player").count() == 0
    assert page.locator("[data-routine] ol li").count() >= 5
    context.close()


def test_pain_map_works_by_keyboard_alone(browser, base):
    import yaml
    regions = [r["id"] for r in yaml.safe_load((ROOT / "data/pain_regions.yml").read_text())["pain_regions"]]
    page = browser.new_page()
    page.goto(url_of(base, "pain-map.md"), wait_until="networkidle")
    for region in regions:
        assert page.locator(f"svg a[data-region='{region}']").count() >= 1, region
    assert page.locator("[data-region-panel]:visible").count() == 0, "no panel until a region is chosen"
    for _ in range(200):  # Tab through the page until the groin region has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset && document.activeElement.dataset.region") == "groin":
            break
    else:
        pytest.fail("the groin region is not reachable with Tab")
    page.keyboard.press("Enter")
    visible = page.locator("[data-region-panel]:visible")
    assert visible.count() == 1 and visible.get_attribute("data-region-panel") == "groin"
    assert page.evaluate("document.activeElement.dataset.regionPanel") == "groin"
    assert "hernia" in visible.inner_text().lower()
    page.close()


def test_pain_map_without_javascript_is_plain_links(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_of(base, "pain-map.md"))
    assert page.locator("svg a[data-region='lower-back']").get_attribute("xlink:href") == "#region-lower-back"
    assert page.locator("#region-lower-back").is_visible()
    context.close()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """`make offline`, the same steps: the offline plugin on, then tools/offline.py."""
    import os
    import subprocess
    import sys
    out = tmp_path_factory.mktemp("offline")
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(ROOT / ".venv/bin/mkdocs"), "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                   env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, str(ROOT / "tools/offline.py"), str(out)], check=True, capture_output=True)
    return out


def test_offline_copy_works_from_disk_with_search(browser, offline_site):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: not r.url.startswith(("file://", "data:", "blob:", "about:")) and outside.append(r.url))
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Thomas test", delay=30)
    page.locator(".md-search-result__item a[href*='thomas-test']").first.wait_for(timeout=15_000)
    page.keyboard.press("Escape")
    page.locator("article a[href$='red-flags.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("red-flags.html") and page.url.startswith("file://")
    assert not outside, outside
    page.close()
