"""Reader-design polish in a real browser: the exercises index rows, reading time, states."""

from __future__ import annotations

import pytest

from browser import axe, url_of

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
BOX = "el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_exercise_index_rows_show_the_drawing_beside_the_name(browser, base, data, viewport, scheme):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(url_of(base, "exercises/index.md"), wait_until="load")
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
    context.close()
