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
    context.close()
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
