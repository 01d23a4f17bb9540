"""The built site in a real browser: Debian's Chromium, driven by Playwright, checked with axe-core."""

from __future__ import annotations

import re

import pytest

from browser import (
    AXE_ALL,
    CONTRAST,
    PHONE,
    STATES,
    ForcedStates,
    Tabs,
    Watch,
    axe,
    open_page,
    start_material,
    to_dark,
    url_of,
)
from helpers import ROOT, page_paths
from hostile import MARK
from macros.i18n import LANGUAGES
from macros.translations import configured_languages

pytestmark = pytest.mark.slow
PAGES = page_paths()
SITE_LANGUAGES = configured_languages(ROOT)


@pytest.fixture(scope="module")
def tab(warm, base):
    """One tab for the page checks: a new tab per page costs a new renderer process each time."""
    opened = Tabs(warm, base)
    yield opened.open()
    opened.close()


@pytest.mark.parametrize("rel", PAGES)
def test_page_is_clean(warm, tab, base, rel):
    """Light: every axe rule. Dark: colour contrast. Both: no console error, no CSP violation,
    no request to another site, no cookie. The page is loaded in each scheme, as on a device set
    to it (switching while a page is open is checked on the key pages below)."""
    page, watch = tab
    watch.clear()
    problems = []
    for scheme, body, rules in (("light", "default", AXE_ALL), ("dark", "slate", CONTRAST)):
        page.emulate_media(color_scheme=scheme)
        page.goto(url_of(base, rel), wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == body, (rel, scheme)
        problems += [f"{scheme}: {p}" for p in axe(page, rules)] + [f"{scheme}: {p}" for p in watch.problems()]
        watch.clear()
    assert not warm.cookies(), f"{rel}: the site set cookies"
    assert not problems, f"{rel}:\n  " + "\n  ".join(problems)


def test_a_test_starts_with_none_of_the_storage_an_earlier_test_left(warm, base):
    """Tests share one browser context (Tabs): what one stores must not reach the next."""
    earlier = Tabs(warm, base)
    page, _ = earlier.open(base)
    page.evaluate("localStorage.setItem('left-behind', 'yes')")
    earlier.allow_clipboard()
    earlier.close()
    later = Tabs(warm, base)
    page, _ = later.open(base)
    stored = page.evaluate("localStorage.getItem('left-behind')")
    clipboard = page.evaluate("navigator.permissions.query({name: 'clipboard-read'}).then(p => p.state)")
    later.close()
    assert stored is None, "localStorage kept from an earlier test"
    assert clipboard != "granted", "a permission kept from an earlier test"


# Everything a reader can point at, tab to or press: links, buttons, summaries, the palette and
# search labels, the search field, tabs, menus, breadcrumbs, the edit and back-to-top buttons.
INTERACTIVE = "a[href], button, summary, label, input, select, textarea, [tabindex]:not([tabindex='-1'])"
# One page for each kind of control: home routes and tel: links, the routine player, an exercise
# card (details, md-buttons), the pain map, the claims filter, the exercises index rows, and
# glossary terms with "sources disagree" notes.
STATE_PAGES = [
    "index.md",
    "routines/desk-break.md",
    "exercises/glute-bridge.md",
    "pain-map.md",
    "myths.md",
    "exercises/index.md",
    "anatomy/iliopsoas.md",
]
# Where on the page the checked elements are, so the test knows it reaches every part.
REGIONS = """sel => [...new Set([...document.querySelectorAll(sel)].map(
    e => e.closest('.md-header, .md-tabs, .md-sidebar, .md-footer, article')?.classList[0]))]"""
READY = {"routines/desk-break.md": ".routine-player", "myths.md": ".claims-filter button"}


@pytest.mark.parametrize("rel", STATE_PAGES)
def test_links_and_buttons_keep_contrast_on_hover_and_focus(tabs, base, rel):
    """axe checks resting colours; here every interactive element (header, tabs, menus and
    footer included) is forced into :hover, :focus and :active in turn (through the DevTools
    protocol) and checked again, in light and dark."""
    # No transitions (Material drops them under reduced motion): check the state a control
    # settles in, not a fade halfway through (the skip link fades in on focus).
    page, _ = tabs.open(url_of(base, rel), reduced_motion="reduce")
    page.wait_for_selector(READY.get(rel, "article"))
    forced = ForcedStates(page, INTERACTIVE)
    regions = page.evaluate(REGIONS, INTERACTIVE)
    assert {"md-header", "md-tabs", "md-sidebar", "md-footer", "md-content__inner"} <= set(regions), (rel, regions)
    problems = []
    for scheme in ("light", "dark"):
        if scheme == "dark":
            to_dark(page)
        for states in STATES:
            problems += forced.check(states, scheme)
    assert not problems, f"{rel}:\n  " + "\n  ".join(problems)


def test_glossary_terms_link_to_their_entry_and_explain_themselves_on_focus(tabs, base):
    page, _ = tabs.open(url_of(base, "anatomy/iliopsoas.md"))
    term = page.locator("article a.term").first
    term.wait_for()
    assert page.locator("article h1 a.term, article h2 a.term").count() == 0, "no term links in headings"
    href = term.get_attribute("href")
    assert re.search(r"/glossary/#term-[a-z0-9-]+$", href), href
    page.keyboard.press("Tab")  # reach it by keyboard alone
    for _ in range(60):
        if page.evaluate("document.activeElement.classList.contains('term')"):
            break
        page.keyboard.press("Tab")
    tip = page.locator("#term-tip")
    assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
    focused = page.evaluate("document.activeElement.dataset.definition")
    assert tip.inner_text() == focused
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "term-tip"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    cards = page.locator(".card a.term")
    assert cards.count() > 0, "terms inside cards are linked too"


def test_search_finds_the_thomas_test_and_loads_its_index_only_when_used(browser, base):
    context = browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda r: "search_index" in r.url and asked.append(r.url))
    page.goto(base, wait_until="load")
    page.wait_for_timeout(300)
    assert not asked, "the search index must wait until the reader searches"
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Thomas test", delay=30)
    result = page.locator(".md-search-result__item a[href*='self-tests/thomas-test']").first
    result.wait_for(timeout=10_000)
    assert "Thomas test" in result.inner_text()
    context.close()


def test_palette_toggle_switches_and_persists(tabs, base):
    page, _ = tabs.open(base)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    # The first option follows the system; one click chooses light, the next dark. Each tap is
    # followed by the next toggle appearing: the first tap also starts Material's bundle
    # (theme-loader.js), which replays it, so the toggle changes a moment later.
    toggle = "form[data-md-component='palette'] label"
    for _ in range(2):
        shown = page.locator(f"{toggle}:visible").first
        before = shown.get_attribute("for")
        shown.click()
        page.wait_for_function(
            """([toggle, before]) => [...document.querySelectorAll(toggle)]
                .some(label => label.checkVisibility() && label.htmlFor !== before)""",
            arg=[toggle, before],
        )
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.reload(wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "the choice must survive a reload"


PRINTED = [p for p in PAGES if p.startswith(("exercises/", "routines/")) and not p.endswith("index.md")] + [
    "action-plan.md"
]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cards_routines_and_action_plan_print_on_one_page(tabs, base, paper):
    page, _ = tabs.open(base)
    too_long = {}
    for rel in PRINTED:
        page.goto(url_of(base, rel), wait_until="load")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))
        if pages != 1:
            too_long[rel] = pages
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
    assert base in page.locator(".print-source").inner_text(), "a printed sheet names the page it came from"
    assert not too_long, f"print runs over one {paper} page: {too_long}"


def test_feedback_links_on_every_page(tabs, base):
    page, _ = tabs.open(base)
    for rel in ("index.md", "exercises/glute-bridge.md"):
        page.goto(url_of(base, rel), wait_until="load")
        report = page.locator(".page-feedback a", has_text="Report a problem").get_attribute("href")
        assert report.startswith("https://github.com/iliopsoas-guide/iliopsoas/issues/new?template=report-an-error.yml")
        edit = page.locator(".page-feedback a", has_text="Suggest an edit").get_attribute("href")
        assert edit == f"https://github.com/iliopsoas-guide/iliopsoas/edit/main/docs/{rel}"


def test_routine_player_runs_a_whole_routine_and_announces_each_step(tabs, base, data):
    routine = data.routines["desk-break"]
    page, _ = tabs.open(url_of(base, "routines/desk-break.md"), script="window.routinePlayerTickMs = 5;")
    page.wait_for_selector(".routine-player")
    page.evaluate("""() => {
        window.heard = [];
        const live = document.querySelector('[data-routine=desk-break] [aria-live]');
        const note = () => window.heard.push(live.textContent);
        new MutationObserver(note).observe(live, {childList: true, characterData: true, subtree: true});
    }""")
    play = page.get_by_role("button", name="Start")
    play.focus()
    page.keyboard.press("Enter")  # keyboard alone
    page.wait_for_selector("[data-routine=desk-break][data-finished=true]", timeout=20_000)
    heard = page.evaluate("window.heard")
    steps = [h for h in heard if h.startswith("Step ")]
    expected = [data.exercises[s.exercise].name for s in routine.steps for _ in range(2 if s.sides == "each" else 1)]
    assert [h.split(": ")[1].split(",")[0] for h in steps] == expected, heard
    assert any("left side" in h for h in steps) and any("right side" in h for h in steps)
    assert heard[-1] == "Routine finished. Well done."
    assert page.locator("[data-routine=desk-break] [role=progressbar]").get_attribute("aria-label")


def test_routine_player_keys_and_no_script_fallback(browser, tabs, base):
    page, _ = tabs.open(url_of(base, "routines/ten-minute-routine.md"))
    player = page.locator(".routine-player")
    player.focus()
    page.keyboard.press("ArrowRight")
    assert player.locator(".routine-player__now").inner_text().startswith("Step 1 of")
    assert "right side" in player.locator(".routine-player__now").inner_text()
    page.keyboard.press("ArrowLeft")
    assert "left side" in player.locator(".routine-player__now").inner_text()
    assert not page.get_by_label("Spoken cues").is_checked(), "speech is off until the reader turns it on"
    context, page, _ = open_page(browser, url_of(base, "routines/ten-minute-routine.md"), java_script_enabled=False)
    assert page.locator(".routine-player").count() == 0
    assert page.locator("[data-routine] ol li").count() >= 5
    context.close()


def test_pain_map_works_by_keyboard_alone(tabs, base, data):
    page, _ = tabs.open(url_of(base, "pain-map.md"))
    for region in data.pain_regions:
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


def test_pain_map_without_javascript_is_plain_links(browser, base):
    context, page, _ = open_page(browser, url_of(base, "pain-map.md"), java_script_enabled=False)
    assert page.locator("svg a[data-region='lower-back']").get_attribute("xlink:href") == "#region-lower-back"
    assert page.locator("#region-lower-back").is_visible()
    context.close()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """`make offline`, the same steps: the offline plugin on, then tools/offline.py. (Tests that
    use it share the xdist group "offline", so one worker builds it.)"""
    import os
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("offline")
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, str(ROOT / "tools/build.py"), "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, str(ROOT / "tools/offline.py"), str(out)], check=True, capture_output=True)
    return out


@pytest.mark.xdist_group("offline")
def test_offline_copy_works_from_disk_with_search(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page, allow_file=True)
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Thomas test", delay=30)
    page.locator(".md-search-result__item a[href*='thomas-test']").first.wait_for(timeout=15_000)
    page.keyboard.press("Escape")
    page.locator("article a[href$='red-flags.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("red-flags.html") and page.url.startswith("file://")
    assert not watch.outside, watch.outside
    context.close()


# ---------------------------------------------------------------- hostile data in tooltips


def visit_instantly(page, url: str) -> None:
    """Go to url with Material's instant navigation, as a reader clicking a link does."""
    start_material(page)
    page.evaluate(
        """url => {
        window.lastArticle = document.querySelector('article');
        const link = document.createElement('a');
        link.href = url;
        document.body.appendChild(link);
        link.click();
    }""",
        url,
    )
    # The address changes before the new content is in; wait for the new article itself.
    page.wait_for_function(
        """url => location.href === url && document.querySelector('article[data-glossary]')
            && document.querySelector('article') !== window.lastArticle""",
        arg=url,
    )


# The i-th visible glossary term in the article, scrolled into view: where its centre is.
TERM_CENTRE = """i => {
    const term = [...document.querySelectorAll('article a.term')].filter(a => a.checkVisibility())[i];
    if (!term) return null;
    term.scrollIntoView({block: 'center', behavior: 'instant'});
    const box = term.getClientRects()[0];
    return [box.x + box.width / 2, box.y + box.height / 2];
}"""


@pytest.mark.xdist_group("hostile")
def test_hovering_and_focusing_every_tooltip_runs_nothing(browser, hostile):
    """On every page (reached by instant navigation, as a reader would), every glossary term and
    every element with a title is hovered and focused: no dialog, no script error, no CSP violation."""
    context = browser.new_context()
    page = context.new_page()
    dialogs, counts, tooltips = [], {}, ""
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch = Watch(page)
    page.goto(hostile.url, wait_until="load")
    for rel in PAGES:
        if rel != "index.md":
            visit_instantly(page, url_of(hostile.url, rel))
        counts[rel], shown = page.evaluate("""() => {
            const targets = document.querySelectorAll('a.term, article [title], .md-header [title]');
            let shown = '';
            for (const el of targets) {
                for (const type of ['mouseover', 'mouseenter', 'focusin']) {
                    el.dispatchEvent(new Event(type, {bubbles: type !== 'mouseenter'}));
                }
                if (el.focus) el.focus();
                const tip = document.getElementById('term-tip');
                if (tip && !tip.hidden) {
                    if (tip.children.length) return [-1, tip.innerHTML];
                    shown += tip.textContent;
                }
            }
            return [targets.length, shown];
        }""")
        assert counts[rel] != -1, f"{rel}: a tooltip holds markup: {shown}"
        tooltips += shown
        # And a real pointer over the first two terms (the mouse moved straight there: a
        # locator's hover() spends more time on its checks than the rest of this loop).
        for i in range(2):
            centre = page.evaluate(TERM_CENTRE, i)
            if centre:
                page.mouse.move(*centre)
    problems = watch.problems()
    context.close()
    assert not dialogs, f"a payload ran: {dialogs}"
    assert not problems, problems
    assert all(counts.values()), {rel: n for rel, n in counts.items() if not n}
    assert re.search(rf"<[a-z]+[ >][^<]*{MARK}|{MARK}\d*</", tooltips), "hostile definitions were shown, as text"


# ---------------------------------------------------------------- reader-first design


EXERCISE_PAGES = [p for p in PAGES if p.startswith("exercises/") and not p.endswith("index.md")]


def test_exercise_steps_start_within_one_and_a_half_phone_screens(tabs, base):
    """On a 390 x 844 phone, each exercise's steps start within 1.5 screens, below the callout."""
    page, _ = tabs.open(viewport=PHONE)
    too_low = {}
    for rel in EXERCISE_PAGES:
        page.goto(url_of(base, rel), wait_until="load")
        exercise = rel.removeprefix("exercises/").removesuffix(".md")
        top = page.evaluate(f"document.getElementById('{exercise}-steps').getBoundingClientRect().top + scrollY")
        callout = page.evaluate("document.querySelector('.callout--emergency').getBoundingClientRect().top + scrollY")
        assert callout < top, f"{rel}: the emergency callout comes before the steps"
        if top > 1.5 * 844:
            too_low[rel] = round(top)
    assert not too_low, f"steps start too far down a phone (px): {too_low}"


def test_emergency_callout_has_tappable_numbers_in_body_size_type(tabs, base, data):
    page, _ = tabs.open(url_of(base, "exercises/glute-bridge.md"))
    callout = page.locator(".callout--emergency")
    assert [a.get_attribute("href") for a in callout.locator("a.callout__number").all()] == [
        "tel:999",
        "tel:112",
        "tel:911",
    ]
    signs = callout.locator(".callout__signs li").all_inner_texts()
    assert signs == [f.short for f in data.red_flags.values() if f.callout]
    assert callout.locator("a[href$='/red-flags/']").count() == 1
    size = page.evaluate("""() => {
        const px = el => parseFloat(getComputedStyle(el).fontSize);
        return [px(document.querySelector('.callout__signs li')), px(document.querySelector('article > p'))];
    }""")
    assert size[0] >= size[1], f"callout text {size[0]}px is smaller than body text {size[1]}px"


def test_routine_timer_and_voice_stop_after_instant_navigation(tabs, base):
    """A fast clock makes the player change step (and speak) many times a second; after the
    reader follows a link (instant navigation, no reload), nothing more may be said."""
    page, _ = tabs.open(
        url_of(base, "routines/desk-break.md"),
        script="""
        window.routinePlayerTickMs = 40;
        window.spoken = 0;
        window.speechSynthesis.speak = () => { window.spoken += 1; };
    """,
    )
    page.get_by_label("Spoken cues").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_function("() => window.spoken >= 2")
    visit_instantly(page, url_of(base, "exercises/plank.md"))
    spoken = page.evaluate("window.spoken")
    page.wait_for_timeout(1500)
    assert page.evaluate("window.spoken") == spoken, "the routine kept running after the reader left the page"
    assert page.evaluate("document.querySelector('[data-routine]')") is None, "this was an instant navigation"


@pytest.mark.skipif("es" not in SITE_LANGUAGES, reason="no Spanish site")
def test_spanish_routine_speaks_spanish_with_a_spanish_voice_when_there_is_one(tabs, base):
    page, _ = tabs.open(
        url_of(base, "es/routines/desk-break.md"),
        script="""
        window.said = [];
        const voices = [{lang: 'en-US', name: 'English'}, {lang: 'es-ES', name: 'Español'}];
        window.speechSynthesis.getVoices = () => voices;
        window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
        window.speechSynthesis.speak = u => { window.said.push([u.lang, u.voice && u.voice.name]); };
    """,
    )
    page.get_by_label("Indicaciones habladas").check()
    page.get_by_role("button", name="Empezar").click()
    page.wait_for_function("() => window.said.length >= 1")
    assert page.evaluate("window.said[0]") == ["es", "Español"]


def test_routine_prints_its_steps(tabs, base, data):
    page, _ = tabs.open(url_of(base, "routines/ten-minute-routine.md"))
    page.emulate_media(media="print")
    steps = page.locator(".routine-step__how").all()
    assert len(steps) == len(data.routines["ten-minute-routine"].steps)
    assert all(s.is_visible() for s in steps), "each step's how-to prints"
    assert not page.locator(".routine-player").is_visible()


OFFLINE_TOOLS = [
    ("routines/desk-break.md", ".routine-player"),
    ("pain-map.md", "[data-pain-map].pain-map--interactive"),
]


@pytest.mark.parametrize(
    "rel, ready",
    # in every language the site builds (each language's copy sits in its own folder)
    [
        (LANGUAGES[lang] + "/" + rel if LANGUAGES[lang] else rel, ready)
        for lang in SITE_LANGUAGES
        for rel, ready in OFFLINE_TOOLS
    ],
)
@pytest.mark.xdist_group("offline")
def test_player_and_pain_map_start_from_the_offline_copy(browser, offline_site, rel, ready):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page, allow_file=True)
    page.goto((offline_site / rel.replace(".md", ".html")).as_uri(), wait_until="load")
    page.wait_for_selector(ready, timeout=5000)
    assert not watch.problems(), watch.problems()
    context.close()


def test_home_answers_the_three_questions_on_the_first_phone_screen(tabs, base):
    page, _ = tabs.open(base, viewport=PHONE)
    top = "el => el.getBoundingClientRect().top"
    title = page.locator("article h1").evaluate(top)
    routes = page.locator("a.route")
    hrefs = [a.get_attribute("href").removeprefix(base) for a in routes.all()]
    assert hrefs == ["symptom-guide/", "red-flags/", "pain-map/", "routines/desk-break/"]
    assert all(title < r.evaluate("el => el.getBoundingClientRect().bottom") <= 844 for r in routes.all())
    callout = page.locator(".callout--compact")
    assert callout.evaluate(top) < 844, "the 'call now' line starts on the first screen"
    assert callout.locator("a[href='tel:999']").count() == 1 and callout.locator("a[href='tel:112']").count() == 1
    assert page.locator("article .page-review").evaluate(top) > 844, "review details sit below the content"
    links = page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")  # resolved addresses
    for target in ("pain-map/", "self-tests/thomas-test/"):
        assert base + target in links, f"home links to {target}"


def test_pain_map_panel_heading_clears_the_sticky_header(tabs, base):
    page, _ = tabs.open(url_of(base, "pain-map.md"), viewport=PHONE)
    page.locator("svg a[data-region='groin']").first.dispatch_event("click")
    page.wait_for_timeout(300)
    heading = page.locator("#region-groin-title").evaluate("el => el.getBoundingClientRect().top")
    header = page.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert heading >= header, f"the panel heading ({heading}px) is under the header ({header}px)"
    assert page.locator("#region-groin a[href$='#pain-map']").count() == 1, "a way back to the drawings"
