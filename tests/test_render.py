"""Each macro's output on the mini-site's data, parsed as HTML (no MkDocs build needed)."""

from __future__ import annotations

import re

import lxml.html
import pytest

from helpers import MINI_PAGES, ROOT, mini_renderer
from macros.figures import Figures
from macros.links import Links
from macros.problems import MacroError
from macros.render import GROUPS, Renderer

PAGES = MINI_PAGES


@pytest.fixture(scope="module")
def render():
    return mini_renderer("muscles/psoas/")


def parse(markup) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(str(markup), create_parent="div")


def assert_accessible_tables(root):
    tables = root.xpath(".//table")
    assert tables, "expected a table"
    for table in tables:
        assert table.xpath("./caption") and table.xpath("string(./caption)").strip()
        for th in table.xpath(".//th"):
            assert th.get("scope") in ("col", "row"), lxml.html.tostring(th)
            assert th.text_content().strip(), "empty header cell"


def test_muscle_card_has_every_row(render):
    root = parse(render.muscle_card("psoas-major"))
    assert_accessible_tables(root)
    rows = {th.text_content(): th.getnext().text_content() for th in root.xpath(".//th[@scope='row']")}
    assert rows["Origin"] == "T12–L4 bodies and L1–L5 transverse processes."
    assert rows["Nerve supply"] == "Anterior rami of the lumbar plexus. Spinal roots: L1–L3"
    assert rows["Works with (synergists)"] == "Iliacus"
    assert rows["Opposed by (antagonists)"] == "None among the muscles described on this site"
    assert "Sources disagree: Origin levels" in root.text_content()
    assert root.xpath(".//caption")[0].text_content() == "Psoas major: quick reference"


def as_page(markup) -> lxml.html.HtmlElement:
    """A macro's output as the page's Markdown turns it into HTML (what MkDocs does)."""
    import markdown

    html = markdown.markdown(str(markup), extensions=["md_in_html", "attr_list", "admonition"])
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_card_blocks_have_no_blank_lines_except_around_their_headings(render):
    """Markdown ends a raw HTML block at a blank line, so cards have none, except around the
    Markdown section headings an exercise card asks for (inside its markdown="1" wrapper)."""
    for markup in (render.muscle_card("psoas-major"), render.red_flags()):
        assert "\n\n" not in str(markup)
    chunks = str(render.exercise_card("kneeling-stretch")).split("\n\n")
    assert chunks[0].startswith('<div class="card exercise-card" id="exercise-kneeling-stretch" markdown="1">')
    headings = [c for c in chunks if c.startswith("#")]
    assert headings and all(re.fullmatch(r"#{2,4} [^\n]+ \{#kneeling-stretch-[a-z]+\}", h) for h in headings)


def test_exercise_card_has_roles_steps_dose_and_stop_rule(render):
    root = as_page(render.exercise_card("kneeling-stretch"))
    assert_accessible_tables(root)
    text = root.text_content()
    for part in (
        "Psoas major, Iliacus",
        "Kneel.",
        "Hold 30 seconds twice",
        "Tuck first.",
        "Arching.",
        "Pain spreads down the leg.",
        "Standing version.",
        "Arm overhead.",
        "This dose follows exercise guidelines and trials (most trials studied other muscles in healthy adults).",
    ):
        assert part in text, part
    stop = root.xpath(".//div[contains(@class, 'stop-rule')]")[0]
    assert stop.xpath(".//a/@href") == ["../../red-flags/"]
    assert [h.text for h in root.xpath(".//h2|.//h3")] == [
        "How to do it",
        "How much",
        "Cues",
        "Common mistakes",
        "Easier versions",
        "Harder versions",
        "Muscles it works",
    ]


def test_exercise_card_heading_level(render):
    root = as_page(render.exercise_card("kneeling-stretch", level=3))
    assert {h.tag for h in root.xpath(".//h2|.//h3|.//h4")} == {"h3"}
    with pytest.raises(MacroError, match="level must be 2, 3 or 4"):
        render.exercise_card("kneeling-stretch", level=1)


def test_red_flags_all_tiers_in_order(render):
    root = parse(render.red_flags())
    boxes = root.xpath("./div[contains(@class, 'red-flags')]")
    assert [b.get("class").split()[1] for b in boxes] == ["danger", "warning", "info"]
    assert root.xpath(".//li/@id") == ["flag-saddle-numbness", "flag-fever", "flag-not-improving"]


def test_red_flags_one_tier_links_to_the_full_list(render):
    root = parse(render.red_flags("emergency"))
    assert "Numbness around the genitals." in root.text_content()
    assert "fever" not in root.text_content()
    assert root.xpath(".//a[text()='All warning signs, by urgency']/@href") == ["../../red-flags/"]
    assert not root.xpath(".//li/@id"), "a box repeated on many pages must not add ids"


def test_red_flags_unknown_tier(render):
    with pytest.raises(MacroError, match=r"tier must be one of emergency, same-day, soon \(did you mean 'same-day'"):
        render.red_flags("sameday")


def test_cite_numbers_and_links(render):
    root = parse(render.cite("neumann-2010", "bandy-1997"))
    links = root.xpath(".//a")
    # Numbered alphabetically by first author: Bandy before Neumann.
    assert [a.text for a in links] == ["2", "1"]
    assert links[0].get("href") == "../../references/#ref-neumann-2010"
    assert links[0].get("title") == "Neumann 2010"
    assert links[1].get("title") == "Bandy et al. 1997"


def test_bibliography_is_numbered_with_doi_and_pubmed_links(render):
    root = parse(render.bibliography())
    items = root.xpath(".//li")
    assert [li.get("id") for li in items] == ["ref-bandy-1997", "ref-neumann-2010"]
    assert [li.get("value") for li in items] == ["1", "2"]
    hrefs = items[1].xpath(".//a/@href")
    assert hrefs == ["https://doi.org/10.2519/jospt.2010.3025", "https://pubmed.ncbi.nlm.nih.gov/20118525/"]
    assert items[1].xpath("string(.//details/summary)") == "How we checked it (2026-11-21)"
    assert [a.text for a in items[1].xpath(".//a")] == ["DOI 10.2519/jospt.2010.3025", "PubMed 20118525"]


def test_claim_has_badge_summary_and_references(render):
    root = parse(render.claim("sitting-shortens-psoas"))
    badge = root.xpath(".//span[contains(@class, 'verdict')]")[0]
    assert badge.text == "Unsupported" and "verdict--unsupported" in badge.get("class")
    assert root.xpath(".//q")[0].text == "Sitting shortens the psoas."
    assert "No human study shows it." in root.text_content()
    assert root.xpath(".//a/@href") == ["../../references/#ref-neumann-2010"]


def text_of(markup) -> str:
    return parse(markup).text_content()


def test_fact_quotes_data(render):
    assert text_of(render.fact("muscles.psoas-major.innervation")) == "Anterior rami of the lumbar plexus (L1–L3)"
    assert text_of(render.fact("muscles.psoas-major.innervation.roots")) == "L1–L3"
    assert text_of(render.fact("muscles.iliacus")) == "Iliacus"
    assert text_of(render.fact("exercises.kneeling-stretch.dose.summary")) == "Hold 30 seconds twice"
    assert text_of(render.fact("muscles.psoas-major.actions")) == "Flexes the hip."


def test_fact_and_muscle_name_leave_markdown_nothing_to_act_on(render):
    """Their output goes into Markdown before Markdown runs: no bracket, asterisk or angle survives."""
    import markdown

    for markup in (render.fact("muscles.psoas-major.innervation"), render.muscle_name("iliacus")):
        assert str(markup).startswith('<span class="fact">')
    from macros.inert import inert

    html = markdown.markdown("See " + inert("[x](javascript:alert(1)) ![i](http://e.invalid/t.png) *b* <b>"))
    root = parse(html)
    assert not root.xpath("//a|//img|//em|//b"), html
    assert root.text_content() == "See [x](javascript:alert(1)) ![i](http://e.invalid/t.png) *b* <b>"


@pytest.mark.parametrize(
    "path, message",
    [
        ("muscle.psoas-major.origin", "'muscle' is not a data file (did you mean 'muscles'?)"),
        (
            "muscles.psoas-majr.origin",
            "no muscle with id 'psoas-majr' in data/muscles.yml (did you mean 'psoas-major'?)",
        ),
        ("muscles.psoas-major.orign", "no field 'orign' (did you mean 'origin'?)"),
        ("muscles.iliacus.prevalence", "this entry leaves the field empty"),
    ],
)
def test_fact_errors(render, path, message):
    with pytest.raises(MacroError) as caught:
        render.fact(path)
    assert str(caught.value).startswith(f"docs/test.md:1: fact({path!r}): ")
    assert message in str(caught.value)


def test_glossary_lists_terms(render):
    root = parse(render.glossary())
    assert root.xpath(".//dt/@id") == ["term-psoas"]
    assert root.xpath("string(.//dd)") == "A deep muscle from the lower spine to the thigh bone."


def test_routine_reads_as_an_ordered_list(render):
    root = parse(render.routine("short-routine"))
    block = root.xpath(".//div[@data-routine='short-routine']")[0]
    step = block.xpath("./ol/li")[0]
    assert step.xpath("string(./p)") == "Kneeling stretch: 30 seconds on each side."
    assert [li.text for li in step.xpath(".//ol[@class='routine-step__how']/li")] == ["Kneel.", "Lean forward."]
    assert step.xpath(".//figure//svg/title")
    assert step.get("data-seconds") == "30" and step.get("data-sides") == "each"
    assert step.get("data-name") == "Kneeling stretch" and block.get("data-rest-seconds") == "10"
    assert "About 1 minutes in all." in block.text_content()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda r: r.muscle_card("psoas"), "muscle_card('psoas'): no muscle with id 'psoas'"),
        (lambda r: r.exercise_card("kneeling"), "exercise_card('kneeling'): no exercise with id 'kneeling'"),
        (lambda r: r.claim("sitting"), "claim('sitting'): no claim with id 'sitting'"),
        (lambda r: r.routine("short"), "routine('short'): no routine with id 'short'"),
        (lambda r: r.cite("bandy"), "cite('bandy'): no reference with id 'bandy'"),
        (lambda r: r.claims("sitting"), "claims(theme='sitting'): no claim has that theme"),
    ],
)
def test_unknown_ids_name_the_call_and_close_matches(render, call, message):
    with pytest.raises(MacroError) as caught:
        call(render)
    assert message in str(caught.value)
    assert str(caught.value).startswith("docs/test.md:1: ")


def test_every_drawing_is_accessible_and_theme_aware():
    from xml.dom import minidom

    drawings = sorted((ROOT / "figures").glob("*.svg"))
    assert drawings
    for path in drawings:
        text = path.read_text(encoding="utf-8").replace("{{ uid }}", "x")
        svg = minidom.parseString(text).documentElement
        assert svg.getAttribute("role") == "img" and svg.getAttribute("aria-labelledby") == "x-title x-desc", path.name
        assert svg.getElementsByTagName("title")[0].firstChild.data.strip(), path.name
        assert svg.getElementsByTagName("desc")[0].firstChild.data.strip(), path.name
        for colour in ("#000", "#fff", "black", "white"):
            assert f'"{colour}"' not in text.lower(), f"{path.name}: hard-coded {colour} breaks light or dark mode"
        assert "<image" not in text and "<script" not in text and "href=" not in text, path.name


def test_exercise_card_shows_start_and_end_drawings(data):
    real = Renderer(data, Figures(ROOT / "figures"), links=lambda: Links("exercises/x/", True, PAGES))
    root = parse(real.exercise_card("glute-bridge"))
    assert [c.text for c in root.xpath(".//figure/figcaption")] == ["Start position", "End position"]
    with pytest.raises(MacroError, match=r"figure\('psoas-pth'\): no drawing .*did you mean 'psoas-path'"):
        real.figure("psoas-pth")


CONDITION_PAGES = {
    **PAGES,
    "conditions_iliopsoas": "conditions/iliopsoas.md",
    "conditions_nerves": "conditions/nerves.md",
    "conditions_other_groin": "conditions/other-groin.md",
}


def test_condition_card_on_the_real_data(data):
    real = Renderer(data, Figures(ROOT / "figures"), links=lambda: Links("conditions/x/", True, CONDITION_PAGES))
    real.start_page()
    c = data.conditions["iliopsoas-bleed"]
    markup = real.condition_card(c.id)
    assert "\n\n" not in str(markup)
    root = parse(markup)
    assert_accessible_tables(root)
    card = root.xpath("./div[@id='condition-iliopsoas-bleed']")[0]
    assert "condition-card--emergency" in card.get("class").split()
    badge, note = card.xpath("./p")[:2]
    assert badge.xpath("./span/@class") == ["urgency urgency--emergency"] and badge.text_content().strip()
    assert note.text_content() == c.urgency_note, "the note follows the badge, in a paragraph of its own"
    rows = {th.text_content(): th.getnext() for th in root.xpath(".//th[@scope='row']")}
    assert rows["Also called"].text_content() == ", ".join(c.also_called)
    assert rows["In short"].text_content() == c.summary
    assert [li.text_content() for li in rows["What it feels like"].xpath(".//li")] == c.feels_like
    assert [li.text_content() for li in rows["How a clinician tells"].xpath(".//li")] == c.how_diagnosed
    assert rows["Muscles involved"].text_content() == "Psoas major, Iliacus"
    flags = [a.get("href") for a in rows["Warning signs"].xpath(".//a")]
    assert flags == [f"../../red-flags/#flag-{f}" for f in c.red_flags]
    assert rows["How fast to be seen"].xpath(".//a/@href") == ["../../red-flags/"]
    assert rows["Claims it touches"].xpath(".//a/@href") == ["../../myths/#claim-massage-releases-psoas"]
    assert len(rows["Sources"].xpath(".//a")) == len(c.references)
    assert real.shown == {"conditions": ["iliopsoas-bleed"]}, "structured data describes what the page shows"
    bare = parse(real.condition_card("snapping-hip"))
    assert "Warning signs" not in bare.text_content(), "no empty rows"


def test_conditions_index_on_the_real_data(data):
    real = Renderer(
        data,
        Figures(ROOT / "figures"),
        links=lambda: Links("conditions/", True, CONDITION_PAGES),
        where=lambda: "docs/conditions/index.md:3",
    )
    root = parse(real.conditions())
    assert_accessible_tables(root)
    assert [c.text_content() for c in root.xpath(".//caption")] == [
        "Conditions: the iliopsoas itself",
        "Conditions: the nerves around it",
        "Conditions: other causes of groin and hip pain",
    ]
    rows = root.xpath(".//tbody/tr")
    assert len(rows) == len(data.conditions)
    for row, c in zip(rows, sorted(data.conditions.values(), key=lambda c: GROUPS.index(c.group)), strict=True):
        assert row.xpath("./th/a/@href") == [f"../conditions/{c.group}/#condition-{c.id}"], c.id
        assert row.xpath("./td/span/@class") == [f"urgency urgency--{c.urgency}"], c.id
        assert row.xpath("string(./td[2])") == c.summary
    nerves = parse(real.conditions("nerves"))
    assert len(nerves.xpath(".//table")) == 1 and len(nerves.xpath(".//tbody/tr")) == 2
    assert real.shown == {}, "an index row is not a card"
    with pytest.raises(MacroError, match=r"conditions\(group='nerve'\): group must be one of .*did you mean 'nerves'"):
        real.conditions("nerve")


@pytest.mark.parametrize(
    "src, directory, url",
    [
        ("index.md", True, ""),
        ("red-flags.md", True, "red-flags/"),
        ("exercises/index.md", True, "exercises/"),
        ("exercises/plank.md", True, "exercises/plank/"),
        ("exercises/plank.md", False, "exercises/plank.html"),
    ],
)
def test_site_urls_match_mkdocs(src, directory, url):
    from mkdocs.structure.files import File

    from macros.links import site_url_of

    assert site_url_of(src, directory) == url
    assert (url or "./") == File(src, "", "", directory).url  # MkDocs writes the root as "./"


def test_verdict_key_defines_every_verdict_once(render):
    root = parse(render.verdicts())
    assert [b.text for b in root.xpath(".//li/span")] == ["Supported", "Mixed", "Contested", "Unsupported"]
    assert all(li.text_content().split(" ", 1)[1].strip() for li in root.xpath(".//li"))


def test_plan_builder_holds_every_card_hidden_with_its_calendar_data(render):
    import json

    site = Renderer(
        render.data,
        render.figures,
        links=lambda: Links("plan/", True, PAGES),
        site={"name": "Mini site", "url": "https://example.org/mini/"},
    )
    root = parse(site.plan_builder())
    builder = root.xpath(".//div[@data-plan-builder]")[0]
    labels = json.loads(builder.get("data-labels"))
    assert "{ids}" in labels["unknown"] and labels["ics_file"].endswith(".ics")
    boxes = root.xpath(".//input[@data-plan-pick='exercise']/@value")
    assert boxes == ["kneeling-stretch"]
    assert root.xpath(".//fieldset/legend/text()")[0] == "Stretches"
    assert root.xpath(".//input[@data-plan-pick='routine']/@value") == ["", "short-routine"]
    card = root.xpath(".//div[@data-plan-item='exercise']")[0]
    assert card.get("hidden") is not None and card.get("data-id") == "kneeling-stretch"
    assert card.xpath("string(./h3)") == "Kneeling stretch"
    assert len(card.xpath(".//figure//svg")) == 2, "start and end drawings"
    assert card.xpath(".//ol/li/text()") == ["Kneel.", "Lean forward."]
    text = " ".join(card.text_content().split())
    assert "Hold 30 seconds twice, most days." in text and "Monday to Friday" in text
    assert card.xpath(".//div[@class='plan-card__stop']//li/text()") == ["Pain spreads down the leg."]
    calendar = json.loads(card.get("data-calendar"))
    assert calendar["days"] == ["MO", "TU", "WE", "TH", "FR"] and calendar["summary"] == "Kneeling stretch"
    assert calendar["lines"][0] == "Hold 30 seconds twice, most days."
    routine = root.xpath(".//div[@data-plan-item='routine']")[0]
    assert routine.get("hidden") is not None and routine.xpath("string(./h3)")
    sheet = root.xpath(".//div[@class='plan-sheet']")[0]
    assert sheet.xpath(".//aside[contains(@class, 'callout--compact')]/@aria-label") == [
        "Emergency signs on the printed sheet"
    ]
    assert sheet.xpath("string(.//*[@data-plan-address])") == "https://example.org/mini/plan/"
    assert "Mini site" in sheet.text_content()
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_exercise_list_groups_every_exercise_with_its_drawing(data):
    titles = {f"exercises/{e}.md": e for e in data.exercises}
    real = Renderer(
        data,
        Figures(ROOT / "figures"),
        links=lambda: Links("exercises/", True, PAGES),
        where=lambda: "docs/exercises/index.md:40",
        titles=titles,
    )
    markup = real.exercise_list()
    root = as_page(markup)
    assert [(h.tag, h.get("id")) for h in root.xpath("./h2")] == [
        ("h2", "stretches"),
        ("h2", "strength-and-endurance"),
        ("h2", "rest-and-habits"),
    ]
    kinds = {"stretches": {"stretch"}, "strength-and-endurance": {"strength", "endurance"}}
    kinds["rest-and-habits"] = {"relaxation", "habit"}
    seen = []
    for h in root.xpath("./h2"):
        tiles = h.getnext().xpath("./li")
        assert tiles, h.get("id")
        for tile in tiles:
            href = tile.xpath(".//p[@class='exercise-tile__name']/a/@href")[0]
            exercise = data.exercises[href.removeprefix("../exercises/").removesuffix("/")]
            assert exercise.kind in kinds[h.get("id")], exercise.id
            assert tile.xpath("string(.//p[@class='exercise-tile__name'])") == exercise.name
            assert tile.xpath("string(.//p[@class='exercise-tile__summary'])") == exercise.summary
            assert tile.xpath("string(.//p[@class='exercise-tile__dose'])") == f"How much: {exercise.dose.summary}"
            figure = tile.xpath("./div[@class='exercise-tile__figure']")[0]
            assert figure.get("aria-hidden") == "true", "the name says it; the drawing is decorative here"
            assert figure.xpath("./svg/title")[0].text.endswith(": end position"), exercise.id
            seen.append(exercise.id)
    assert sorted(seen) == sorted(data.exercises), "every exercise, once"
    ids = re.findall(r'\bid="([^"]+)"', str(markup))
    assert len(ids) == len(set(ids)), "ids stay unique on the page"
    assert all(i.startswith("fig-list-") for i in ids)
    one = as_page(real.exercise_list("habit"))
    assert not one.xpath(".//h2") and len(one.xpath(".//li")) == 1
    with pytest.raises(MacroError, match=r"exercise_list\('strech'\): kind must be one of .*did you mean 'stretch'"):
        real.exercise_list("strech")
    del titles["exercises/plank.md"]
    with pytest.raises(MacroError, match=r"exercise 'plank' has no page docs/exercises/plank.md"):
        real.exercise_list("endurance")
