"""Reader-design polish in a real browser: the exercises index rows, reading time, states."""

from __future__ import annotations

import pytest

from browser import CONTRAST, PHONE, STATES, ForcedStates, axe, url_of

pytestmark = pytest.mark.slow

# A point on the screen where a tap reaches this element (a shape drawn in two parts has empty
# space in the middle of its box).
INSIDE = """el => {
    const r = el.getBoundingClientRect();
    for (let y = r.top + 2; y < r.bottom; y += 3)
        for (let x = r.left + 2; x < r.right; x += 3)
            if (el.contains(document.elementFromPoint(x, y))) return [x, y];
}"""
BOX = "el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_exercise_index_rows_show_the_drawing_beside_the_name(tabs, base, data, viewport, scheme):
    page, _ = tabs.open(url_of(base, "exercises/index.md"), viewport=viewport, scheme=scheme)
    tiles = page.locator("article li.exercise-tile")
    assert tiles.count() == len(data.exercises)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "the page scrolls sideways"
    for tile in tiles.all():
        figure = tile.locator(".exercise-tile__figure svg").evaluate(BOX)
        name = tile.locator(".exercise-tile__name a").evaluate(BOX)
        row = tile.evaluate(BOX)
        assert figure[2] - figure[0] >= 80 and figure[3] - figure[1] >= 50, f"drawing too small: {figure}"
        assert figure[2] <= name[0], "the drawing sits left of the name"
        dose = tile.locator(".exercise-tile__dose").evaluate(BOX)
        assert name[1] < figure[3] and figure[1] < dose[3], "the drawing sits beside the text, not above or below"
        assert row[2] <= viewport["width"], "a row runs off the screen"
    rules = "{runOnly: ['color-contrast', 'duplicate-id-aria', 'svg-img-alt'], resultTypes: ['violations']}"
    assert not axe(page, rules)
    # The whole row is the link's tap target: a click on the drawing opens the exercise.
    drawing = tiles.first.locator(".exercise-tile__figure")
    drawing.scroll_into_view_if_needed()
    x0, y0, x1, y1 = drawing.evaluate(BOX)
    page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2)
    page.wait_for_function("() => location.pathname.endsWith('/exercises/half-kneeling-hip-flexor-stretch/')")


def forced_states_contrast(page, selector: str, label: str, part: str) -> list[str]:
    """axe colour contrast on the part of the page a script changed (a CSS selector), at rest,
    then with every element matching selector forced into :hover, :focus and :active in turn
    (the DevTools protocol). The tab asks for reduced motion, so Material drops its transitions
    and axe sees the state a control settles in, not a fade. (The rest of the page is checked
    at rest, in both schemes, by test_browser.test_page_is_clean.)"""
    forced = ForcedStates(page, selector)
    assert forced.nodes, f"{label}: nothing matches {selector}"
    problems = [f"{label} at rest: {v}" for v in axe(page, CONTRAST, repr(part))]
    for states in STATES:
        problems += forced.check(states, label)
    forced.release()
    return problems


PLAYER = "[data-routine]"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_states_that_scripts_create_keep_contrast(tabs, base, scheme):
    """The resting-page checks see each control as the page loads. Here the states scripts make
    are checked too: the routine player running, paused and finished; a chosen pain-map area; a
    verdict filter pressed; a glossary tooltip; search with its results open."""
    page, _ = tabs.open(
        url_of(base, "routines/desk-break.md"),
        scheme=scheme,
        reduced_motion="reduce",
        script="window.routinePlayerTickMs = 20;",
    )
    problems = []
    player = page.locator(".routine-player")
    player.get_by_role("button", name="Start").click()
    problems += forced_states_contrast(page, ".routine-player button, .routine-player input", "player running", PLAYER)
    player.get_by_role("button", name="Pause").click()
    problems += forced_states_contrast(page, ".routine-player button, .routine-player input", "player paused", PLAYER)
    page.evaluate("window.routinePlayerTickMs = 1")  # the rest of the routine, fast
    player.get_by_role("button", name="Resume").click()
    page.wait_for_selector(".routine-player--done", timeout=30_000)
    problems += forced_states_contrast(page, ".routine-player button", "player finished", PLAYER)

    page.goto(url_of(base, "pain-map.md"), wait_until="load")
    page.locator("svg a[data-region='groin']").first.dispatch_event("click")
    problems += forced_states_contrast(page, ".pain-map a, .pain-map button", "pain map, an area chosen", ".pain-map")

    page.goto(url_of(base, "myths.md"), wait_until="load")
    page.locator(".claims-filter button").nth(1).click()
    assert page.locator(".claims-filter button[aria-pressed='true']").count() == 1
    problems += forced_states_contrast(page, ".claims-filter button", "claims filter, a verdict chosen", "article")

    page.goto(url_of(base, "anatomy/iliopsoas.md"), wait_until="load")
    page.locator("article a.term").first.focus()
    assert page.locator("#term-tip").is_visible()
    problems += [f"glossary tooltip: {v}" for v in axe(page, CONTRAST, "'#term-tip'")]

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("psoas", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    search = ".md-search a, .md-search button, .md-search input"
    problems += forced_states_contrast(page, search, "search open", ".md-search")
    assert not problems, f"{scheme}:\n  " + "\n  ".join(problems)


def test_phone_review_fixes(browser, base):
    """What the phone review found, kept fixed: a glossary term in a table's row label stays one
    word; the stop rule reads at body size; a tapped pain-map area gets no focus frame (a key
    press does); the current routine step is a dark tint in dark mode."""
    context = browser.new_context(viewport=PHONE, color_scheme="dark", has_touch=True)
    page = context.new_page()
    page.goto(url_of(base, "exercises/glute-bridge.md"), wait_until="load")
    split = page.evaluate("""() => [...document.querySelectorAll('article th[scope=row] a.term')]
        .filter(a => a.getClientRects().length > 1).map(a => a.textContent)""")
    assert page.locator("article th[scope=row] a.term").count() > 0 and not split, f"row labels split: {split}"
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    assert page.locator(".stop-rule li").first.evaluate(size) >= page.locator("article > p").first.evaluate(size)

    page.goto(url_of(base, "pain-map.md"), wait_until="load")
    area = page.locator("svg a[data-region='groin']").first
    area.scroll_into_view_if_needed()
    x, y = area.evaluate(INSIDE)
    page.touchscreen.tap(x, y)
    panel = page.locator("#region-groin")
    panel.wait_for()
    outline = "el => getComputedStyle(el).outlineStyle"
    assert page.evaluate("document.activeElement.id") == "region-groin"
    assert panel.evaluate(outline) == "none", "a tap draws no frame around the panel"
    page.locator(".pain-map__list a[href$='#region-buttock']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'region-buttock'")
    assert page.evaluate(f"({outline})(document.activeElement)") != "none", "keyboard focus shows the frame"

    page.goto(url_of(base, "routines/desk-break.md"), wait_until="load")
    page.get_by_role("button", name="Start").click()
    head = page.locator(".routine-step--current > .routine-step__head")
    head.wait_for()
    rgb = head.evaluate("""el => {
        const c = document.createElement('canvas').getContext('2d');
        c.fillStyle = getComputedStyle(document.body).backgroundColor; c.fillRect(0, 0, 1, 1);
        c.fillStyle = getComputedStyle(el).backgroundColor; c.fillRect(0, 0, 1, 1);
        return [...c.getImageData(0, 0, 1, 1).data].slice(0, 3);
    }""")
    assert sum(rgb) / 3 < 90, f"the current step is a pale block in dark mode: rgb{tuple(rgb)}"
    context.close()
