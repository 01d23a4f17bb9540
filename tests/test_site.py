"""One strict build of the real site, checked by parsing its HTML."""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import lxml.html
import pytest
import yaml

from helpers import DOCS, ROOT, built_path, english_rel, lang_of, page_paths
from macros.i18n import LANGUAGES
from macros.pages import read_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.fixture(scope="module")
def pages(site) -> dict[str, lxml.html.HtmlElement]:
    """Every page built from docs/, by its source path."""
    return {rel: lxml.html.parse(str(site / built_path(rel))).getroot() for rel in page_paths()}


@functools.cache
def config_of(lang: str):
    """The MkDocs config that builds a language (its site name and address)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / ("mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml")))


def front_matter(rel: str):
    return read_page(DOCS / rel, DOCS).meta


def article(root):
    return root.xpath("//article")[0]


def test_every_page_renders_its_macros(pages):
    for rel, root in pages.items():
        text = lxml.html.tostring(article(root), encoding="unicode")
        assert "{{" not in text and "{%" not in text, f"{rel}: unrendered Jinja"
        assert "Macro Rendering Error" not in text, rel


def test_headings_start_at_h1_and_never_skip_a_level(pages):
    for rel, root in pages.items():
        levels = [int(h.tag[1]) for h in article(root).xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")]
        assert levels and levels[0] == 1 and levels.count(1) == 1, f"{rel}: {levels}"
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{rel}: heading jumps from h{before} to h{after}"


def test_tables_have_captions_and_scoped_nonempty_headers(pages):
    for rel, root in pages.items():
        for table in article(root).xpath(".//table"):
            assert table.xpath("string(./caption)").strip(), f"{rel}: table without caption"
            for th in table.xpath(".//th"):
                assert th.get("scope") in ("row", "col"), f"{rel}: th without scope"
                assert th.text_content().strip(), f"{rel}: empty header cell"


def test_ids_are_unique_on_each_page(pages):
    for rel, root in pages.items():
        ids = root.xpath("//@id")
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"{rel}: duplicate ids {dupes}"


def test_internal_links_and_anchors_resolve(site, pages):
    """MkDocs checks Markdown links; this also covers links that macros write as HTML."""
    ids_by_file: dict[Path, set] = {}
    for rel, root in pages.items():
        here = site / built_path(rel)
        base = "file://" + str(here)
        for href in article(root).xpath(".//a/@href"):
            url = urlparse(urljoin(base, href))
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{rel}: broken link {href}"
            if url.fragment:
                if target not in ids_by_file:
                    ids_by_file[target] = set(lxml.html.parse(str(target)).getroot().xpath("//@id"))
                assert url.fragment in ids_by_file[target], f"{rel}: missing anchor {href}"


def test_no_request_leaves_the_site(pages):
    """Scripts, styles, images and fonts all come from the site itself (no CDN, no fonts, no trackers)."""
    for rel, root in pages.items():
        for attr in root.xpath(
            "//script/@src|//link[@rel='stylesheet']/@href|//img/@src|//source/@src"
            "|//link[@rel='preload']/@href|//iframe/@src"
        ):
            assert not re.match(r"^(https?:)?//", attr), f"{rel}: loads {attr}"
        assert "fonts.googleapis" not in lxml.html.tostring(root, encoding="unicode")


def test_review_dates_and_disclaimer_on_every_page(pages):
    for rel, root in pages.items():
        meta = front_matter(rel)
        review = root.xpath("//p[@class='page-review']")
        assert review, f"{rel}: no review line"
        times = review[0].xpath(".//time/@datetime")
        assert times == [meta.last_reviewed.isoformat(), meta.next_review.isoformat()], rel
        assert root.xpath("//aside[@class='site-disclaimer']"), rel


def test_every_page_carries_the_glossary_terms_as_data(pages, data):
    """glossary.js links terms from this JSON; it is data (never executed) and covers every term."""
    import json

    for rel, root in pages.items():
        blocks = root.xpath("//script[@id='glossary-terms']")
        assert len(blocks) == 1 and blocks[0].get("type") == "application/json", rel
    terms = json.loads(blocks[0].text)
    assert terms["page"] == "glossary/"
    assert [t["id"] for t in terms["terms"]] == list(data.glossary)


def test_security_policy_on_every_page(pages):
    """A strict CSP (no inline script, nothing from elsewhere) and no referrer, first in <head>."""
    for rel, root in pages.items():
        head = root.xpath("//head")[0]
        policy = head.xpath("./meta[@http-equiv='Content-Security-Policy']/@content")
        assert len(policy) == 1, rel
        rules = dict(rule.strip().split(" ", 1) for rule in policy[0].split(";"))
        assert rules["script-src"] == "'self'" and rules["default-src"] == "'none'", rel
        assert "unsafe" not in policy[0] and "http" not in policy[0], rel
        assert head.xpath("./meta[@name='referrer']/@content") == ["no-referrer"], rel
        first_script = head.xpath("./script")[0] if head.xpath("./script") else None
        meta = head.xpath("./meta[@http-equiv]")[0]
        assert first_script is None or head.index(meta) < head.index(first_script), rel
        for script in root.xpath("//script[not(@src)]"):
            assert script.get("type") in ("application/json", "application/ld+json"), (
                f"{rel}: an inline script would be blocked by the policy: {script.text[:80]!r}"
            )


def test_anatomy_page_quotes_facts_and_shows_cards(pages):
    root = pages["anatomy/iliopsoas.md"]
    data = yaml.safe_load((ROOT / "data/muscles.yml").read_text())["muscles"]
    psoas = next(m for m in data if m["id"] == "psoas-major")
    text = article(root).text_content()
    prose = " ".join(p.text_content() for p in article(root).xpath("./p"))
    assert f"spinal roots {psoas['innervation']['roots']}" in prose, "the page quotes the roots through fact()"
    assert f"{psoas['innervation']['nerve']}. Spinal roots: {psoas['innervation']['roots']}" in text
    for muscle_id in ("psoas-major", "iliacus", "psoas-minor"):
        assert root.xpath(f"//div[@id='muscle-{muscle_id}']//table"), muscle_id


def test_every_muscle_has_a_card_somewhere(pages):
    data = yaml.safe_load((ROOT / "data/muscles.yml").read_text())["muscles"]
    shown = {i for root in pages.values() for i in root.xpath("//div[contains(@class, 'muscle-card')]/@id")}
    assert {f"muscle-{m['id']}" for m in data} <= shown


def test_exercise_pages_carry_the_emergency_box_and_the_stop_rule(pages):
    exercise_pages = {
        rel: root for rel, root in pages.items() if rel.startswith("exercises/") and rel != "exercises/index.md"
    }
    assert exercise_pages
    for rel, root in exercise_pages.items():
        assert root.xpath("//article//aside[contains(@class, 'callout--emergency')]//a[@href='tel:999']"), rel
        assert root.xpath("//article//div[contains(@class, 'stop-rule')]"), rel


def test_red_flags_page_lists_every_flag_once_by_region_then_tier(pages, data):
    ids = pages["red-flags.md"].xpath("//article//li/@id")
    expected = [
        f"flag-{f.id}"
        for region in ("back", "hip-groin", "any")
        for tier in ("emergency", "same-day", "soon")
        for f in data.red_flags.values()
        if f.region == region and f.tier == tier
    ]
    assert ids == expected
    text = pages["red-flags.md"].xpath("string(//article)")
    assert "This site is written for adults." in text


def test_references_page_numbers_every_reference(pages):
    refs = yaml.safe_load((ROOT / "data/references.yml").read_text())["references"]
    items = pages["references.md"].xpath("//ol[@class='bibliography']/li")
    assert len(items) == len(refs)
    assert [li.get("value") for li in items] == [str(n) for n in range(1, len(refs) + 1)]


def test_search_index_covers_every_page(site):
    """Each language has its own search index (with its own stemmer) holding its own pages."""
    import json

    indexes = {}
    for rel in page_paths():
        folder = LANGUAGES[lang_of(rel)]
        if folder not in indexes:
            index = site / folder / "search" / "search_index.json"
            indexes[folder] = json.loads(index.read_text())["docs"]
        titles = {d["title"] for d in indexes[folder]}
        assert front_matter(rel).title in titles, f"search does not find {rel}"
    text = " ".join(d["text"] for d in indexes[""])
    for phrase in ("Thomas test", "cauda equina", "lesser trochanter", "routine"):
        assert phrase in text, phrase


def jsonld(root) -> dict:
    import json

    blocks = root.xpath("//script[@type='application/ld+json']/text()")
    assert len(blocks) == 1, "expected one JSON-LD block"
    return json.loads(blocks[0])


def test_every_page_has_medical_web_page_structured_data(pages):
    for rel, root in pages.items():
        graph = jsonld(root)["@graph"]
        page = graph[0]
        assert page["@type"] == "MedicalWebPage", rel
        assert page["lastReviewed"] == front_matter(rel).last_reviewed.isoformat(), rel
        config = config_of(lang_of(rel))
        assert page["isPartOf"] == {"@type": "WebSite", "name": config["site_name"], "url": config["site_url"]}, rel
        assert page["inLanguage"] == lang_of(rel), rel
        assert page["reviewedBy"]["name"] and page["medicalAudience"], rel


def test_anatomy_pages_describe_muscles_with_current_properties(pages):
    graph = jsonld(pages["anatomy/iliopsoas.md"])["@graph"]
    muscles = {m["name"]: m for m in graph if m["@type"] == "Muscle"}
    psoas = muscles["Psoas major"]
    assert "origin" not in psoas, "schema.org no longer lists Muscle.origin"
    assert {"insertion", "nerve", "bloodSupply", "muscleAction", "antagonist"} <= set(psoas)
    assert psoas["nerve"]["name"].endswith("(L1–L3)")
    assert {"@id": psoas["@id"]} in graph[0]["about"]


def test_exercise_and_routine_pages_describe_exercise_plans(pages):
    for rel, root in pages.items():
        if rel.startswith(("exercises/", "routines/")) and not rel.endswith("index.md"):
            plans = [t for t in jsonld(root)["@graph"] if t["@type"] == "ExercisePlan"]
            assert plans and all(p["associatedAnatomy"] for p in plans), rel
            assert any("activityDuration" in p or "repetitions" in p for p in plans), rel


def test_condition_pages_describe_medical_conditions(pages, data):
    """Each condition card on a page becomes a MedicalCondition the page is about; the index shows none."""
    for group in ("iliopsoas", "nerves", "other-groin"):
        graph = jsonld(pages[f"conditions/{group}.md"])["@graph"]
        found = {t["name"]: t for t in graph if t["@type"] == "MedicalCondition"}
        expected = {c.name: c for c in data.conditions.values() if c.group == group}
        assert set(found) == set(expected), group
        for name, node in found.items():
            condition = expected[name]
            assert {"@id": node["@id"]} in graph[0]["about"], name
            assert node["@id"].endswith(f"#condition-{condition.id}"), name
            assert node["description"] == condition.summary, name
            assert node.get("alternateName", []) == list(condition.also_called), name
            assert [s["name"] for s in node["signOrSymptom"]] == [f.rstrip(".") for f in condition.feels_like]
            assert "possibleTreatment" not in node, "first steps are advice, not treatments"
    bleed = next(
        t for t in jsonld(pages["conditions/iliopsoas.md"])["@graph"] if t.get("name") == "Bleeding into the iliopsoas"
    )
    assert {"@type": "Muscle", "name": "Psoas major"} in bleed["associatedAnatomy"]
    assert not [t for t in jsonld(pages["conditions/index.md"])["@graph"] if t["@type"] == "MedicalCondition"]


# Pages read through get a reading time under the title; the home page, section indexes and
# pages built around a tool or a look-up list do not (macros/reading.py).
NO_READING_TIME = {
    "index.md",
    "exercises/index.md",
    "conditions/index.md",
    "routines/index.md",
    "routines/ten-minute-routine.md",
    "routines/desk-break.md",
    "pain-map.md",
    "symptom-guide.md",
    "quiz.md",
    "plan.md",
    "references.md",
    "glossary.md",
    "myths.md",
}


def test_articles_show_a_reading_time_under_the_title(pages):
    from macros.reading import WORDS_PER_MINUTE

    shown = {}
    for rel, root in pages.items():
        label = config_of(lang_of(rel))["extra"]["ui"]["reading_time"]  # each language's own words
        body = article(root)
        found = body.xpath(".//p[@class='reading-time']")
        if english_rel(rel) in NO_READING_TIME:  # the same pages in every language
            assert not found, f"{rel}: a reading time means nothing on this page"
            continue
        assert len(found) == 1, f"{rel}: no reading time"
        assert found[0].getprevious().tag == "h1", f"{rel}: the reading time sits right under the title"
        match = re.fullmatch(re.escape(label).replace(r"\{n\}", r"(\d+)"), found[0].text_content())
        assert match, f"{rel}: {found[0].text_content()!r} is not mkdocs.yml extra.ui.reading_time"
        for hidden in body.xpath(".//svg|.//script|.//*[@class='reading-time']|.//*[@class='headerlink']"):
            hidden.drop_tree()
        words = len(body.text_content().split())
        shown[rel] = (int(match[1]), words)
    for rel, (minutes, words) in shown.items():
        expected = words / WORDS_PER_MINUTE
        assert expected - 1.5 <= minutes <= expected + 1.5, f"{rel}: {minutes} min for {words} words"
    assert shown["exercises/glute-bridge.md"][0] >= 2


# Material's own markup the cheap checks flag and no small override fixes: on a section's index
# page (navigation.indexes) its table of contents keeps a label for the `__toc` toggle that the
# page does not render.
MATERIAL_KNOWN = ("for names '__toc', which no element has",)


def test_built_html_passes_the_cheap_validity_checks(site):
    from html_check import problems

    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        found += [f"{rel}: {p}" for p in problems(path.read_text(encoding="utf-8")) if not p.endswith(MATERIAL_KNOWN)]
    assert not found, "invalid HTML:\n  " + "\n  ".join(found[:40])


def test_validity_checks_catch_what_a_browser_would_repair():
    from html_check import problems

    bad = (
        '<p id="a">One <div>block</div> in a paragraph</p>\n'
        '<p id="a" class="x" class="y">Twice</p>\n'
        '<label tabindex="" for="nothing">x</label>\n'
        '<svg aria-labelledby="t"><title id="t">ok</title><p>in svg</p></svg>\n'
        "<ul><li><p>closed by the list item</li></ul>\n"
    )
    found = "\n".join(problems(bad))
    assert "<div> inside the <p> from line 1" in found
    assert "stray </p>" in found
    assert "id 'a' appears 2 times" in found
    assert "attribute 'class' 2 times" in found
    assert '<label tabindex="">' in found
    assert "for names 'nothing'" in found
    assert "'t'" not in found, "an id reference that exists is fine"
    assert problems('<p>Fine <a href="#x" id="x">link</a></p><div><p>text</div>') == []
