"""Links the data already implies: muscle cards list the exercises and conditions that name the
muscle, exercise cards link their claims, pages get related pages and tags from what they show."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import lxml.html
import pytest
import yaml

from helpers import DOCS, ROOT, built_path, page_paths
from macros.figures import Figures
from macros.links import Links, condition_role
from macros.pages import Page, all_pages, macro_calls
from macros.related import LIMIT, NOT_RELATED, homes, related, survey
from macros.render import THEME_NAMES, Renderer


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
SITE_PAGES = CONFIG["extra"]["site_pages"]


@pytest.fixture(scope="module")
def found(data):
    return survey(all_pages(DOCS), data, CONFIG["nav"])


def renderer(data, page_url: str, found) -> Renderer:
    return Renderer(data, Figures(ROOT / "figures"), links=lambda: Links(page_url, True, SITE_PAGES), homes=found.homes)


def parse(markup) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(str(markup), create_parent="div")


def rows(root) -> dict[str, lxml.html.HtmlElement]:
    return {th.text_content(): th.getnext() for th in root.xpath(".//th[@scope='row']")}


# ---------------------------------------------------------------- the first pass


def test_macro_calls_reads_literal_calls_and_skips_the_rest():
    body = '{{ claim("a-b") }} {{ claims(theme="stretching") }} {{ cite("x", "y") }} {{ fact(name) }} {{ oops( }}'
    assert list(macro_calls(body)) == [
        ("claim", ["a-b"], {}),
        ("claims", [], {"theme": "stretching"}),
        ("cite", ["x", "y"], {}),
    ]


def test_survey_reads_cards_claims_and_what_they_imply(data):
    pages = [
        Page("exercises/glute-bridge.md", body='{{ exercise_card("glute-bridge") }}'),
        Page("routine.md", body='{{ exercise_card("glute-bridge") }}{{ exercise_card("plank") }}'),
        Page("claims.md", body='{{ claims(theme="stretching") }}{{ claim("strength-exercise-helps") }}'),
        Page("broken.md", body='{{ exercise_card("no-such-exercise") }}{{ claims("no-such-theme") }}'),
    ]
    s = survey(pages, data)
    bridge = s.entries["exercises/glute-bridge.md"]
    assert bridge[("exercises", "glute-bridge")] == 3.0
    assert bridge[("muscles", "gluteus-maximus")] == 1.0  # its target, named on the card
    assert all(bridge[("claims", c)] == 1.0 for c in data.exercises["glute-bridge"].claims)
    # An exercise's own page is the one named after it, not a routine that also shows its card.
    assert s.homes["exercises"] == {"glute-bridge": "exercises/glute-bridge.md", "plank": "routine.md"}
    # Tags: the themes of claims shown in full, not of claims a card only links to.
    assert s.themes["claims.md"] == sorted({"stretching", data.claims["strength-exercise-helps"].theme})
    assert s.themes["exercises/glute-bridge.md"] == []
    assert s.entries["broken.md"] == {}


def test_homes_prefers_the_page_named_after_the_entry_then_the_page_with_fewest_cards():
    cards = {
        "a.md": {("exercises", "x"), ("exercises", "y")},
        "b.md": {("exercises", "x")},
        "c/x.md": {("exercises", "x"), ("exercises", "y"), ("exercises", "z")},
    }
    assert homes(cards)["exercises"] == {"x": "c/x.md", "y": "a.md", "z": "c/x.md"}


def test_related_prefers_rare_shared_entries_and_falls_back_on_the_navigation():
    common, rare = ("claims", "common"), ("claims", "rare")
    entries = {
        "a.md": {common: 2.0, rare: 2.0, ("claims", "a-only"): 2.0},
        "b.md": {common: 2.0, rare: 2.0},
        "c.md": {common: 2.0, ("claims", "c-only"): 2.0},
        "d.md": {common: 2.0, ("claims", "d-only"): 2.0},
        "index.md": {common: 2.0, rare: 2.0},
        "lonely.md": {},
        "about.md": {},
    }
    found = related(entries, list(entries), [["lonely.md", "about.md", "index.md"]])
    # 'common' is on every page that shows anything except lonely/about: it counts for nothing.
    assert found["a.md"] == ["b.md"]
    assert found["b.md"] == ["a.md"]  # index.md shares as much, but is never a related page
    assert found["index.md"] == []
    assert found["c.md"] == []  # shares only what counts for nothing, and is in no section
    assert found["lonely.md"] == ["about.md"]  # shares nothing: its section, never the home page


def test_theme_names_cover_every_claim_theme():
    from typing import get_args

    from macros.models import Claim

    assert set(THEME_NAMES) == set(get_args(Claim.model_fields["theme"].annotation))


# ---------------------------------------------------------------- cards


def test_muscle_card_lists_exercises_by_role_and_conditions(data, found):
    root = parse(renderer(data, "anatomy/iliopsoas/", found).muscle_card("psoas-major"))
    cells = rows(root)
    stretched = cells["Stretched by"].xpath(".//a")
    assert [a.text for a in stretched] == [
        e.name for e in data.exercises.values() if e.muscles.works == "stretched" and "psoas-major" in e.muscles.target
    ]
    assert stretched[0].get("href") == "../../exercises/half-kneeling-hip-flexor-stretch/"
    assert "Also helps in" in cells  # knee-to-chest names it as a synergist
    condition_links = cells["Conditions that involve it"].xpath(".//a/@href")
    assert "../../conditions/iliopsoas/#condition-psoas-abscess" in condition_links
    assert len(condition_links) == sum("psoas-major" in c.muscles for c in data.conditions.values())
    # Rows appear only when something fills them.
    assert "Holds you steady in" not in cells and "Strengthened by" not in cells


def test_muscle_card_leaves_out_empty_rows_and_names_exercises_without_a_page(data):
    plain = Renderer(data, Figures(ROOT / "figures"), links=lambda: Links("a/", True, SITE_PAGES))
    cells = rows(parse(plain.muscle_card("psoas-minor")))
    assert not {"Stretched by", "Also helps in", "Holds you steady in", "Conditions that involve it"} & set(cells)
    cells = rows(parse(plain.muscle_card("gluteus-medius")))
    assert cells["Strengthened by"].text_content().strip() and not cells["Strengthened by"].xpath(".//a")


def test_exercise_card_links_each_claim_to_the_myths_page_with_its_verdict(data, found):
    root = parse(renderer(data, "exercises/long-hold-lunge-stretch/", found).exercise_card("long-hold-lunge-stretch"))
    links = root.xpath(".//ul[@class='card-claims']/li/a")
    claims = [data.claims[c] for c in data.exercises["long-hold-lunge-stretch"].claims]
    assert [a.get("href") for a in links] == [f"../../myths/#claim-{c.id}" for c in claims]
    assert [a.xpath("string(.//span[contains(@class, 'verdict--')])") for a in links] == [
        c.verdict.capitalize() for c in claims
    ]


# ---------------------------------------------------------------- the real site


def built(site, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / built_path(rel))).getroot()


@pytest.fixture(scope="module")
def pages(real_site):
    return {rel: built(real_site, rel) for rel in page_paths()}


def card_page(pages, element_id: str) -> tuple[str, lxml.html.HtmlElement]:
    for rel, root in pages.items():
        found = root.xpath(f"//*[@id='{element_id}']")
        if found:
            return rel, found[0]
    raise AssertionError(f"no page shows #{element_id}")


def resolve(real_site, rel: str, href: str) -> tuple[str, str]:
    """The built file a link from page rel points to, and its fragment."""
    url = urlparse(urljoin("file://" + str(real_site / built_path(rel)), href))
    path = url.path if url.path.endswith(".html") else url.path.rstrip("/") + "/index.html"
    return path, url.fragment


@pytest.mark.slow
def test_every_muscle_an_exercise_works_links_to_that_exercise(real_site, pages, data):
    for muscle in data.muscles.values():
        rel, card = card_page(pages, f"muscle-{muscle.id}")
        hrefs = {resolve(real_site, rel, h)[0] for h in card.xpath(".//tr[@class='muscle-card__exercises']//a/@href")}
        for exercise in data.exercises.values():
            m = exercise.muscles
            if muscle.id in (*m.target, *m.synergists, *m.stabilisers):
                assert str(real_site / built_path(f"exercises/{exercise.id}.md")) in hrefs, (muscle.id, exercise.id)


@pytest.mark.slow
def test_every_condition_is_listed_on_the_cards_of_its_muscles(real_site, pages, data):
    for condition in data.conditions.values():
        target = real_site / built_path(SITE_PAGES[condition_role(condition.group)])
        for muscle_id in condition.muscles:
            rel, card = card_page(pages, f"muscle-{muscle_id}")
            links = {resolve(real_site, rel, h) for h in card.xpath(".//tr[@class='muscle-card__conditions']//a/@href")}
            assert (str(target), f"condition-{condition.id}") in links, (muscle_id, condition.id)
            assert built(real_site, SITE_PAGES[condition_role(condition.group)]).xpath(
                f"//*[@id='condition-{condition.id}']"
            )


@pytest.mark.slow
def test_every_exercise_claim_lands_on_its_entry_on_the_myths_page(real_site, pages, data):
    myths = built(real_site, SITE_PAGES["myths"])
    for exercise in data.exercises.values():
        rel = f"exercises/{exercise.id}.md"
        links = pages[rel].xpath(f"//div[@id='exercise-{exercise.id}']//ul[@class='card-claims']//a/@href")
        assert len(links) == len(exercise.claims), rel
        for href, claim_id in zip(links, exercise.claims, strict=True):
            path, fragment = resolve(real_site, rel, href)
            assert path == str(real_site / built_path(SITE_PAGES["myths"])) and fragment == f"claim-{claim_id}"
            assert myths.xpath(f"//div[@id='claim-{claim_id}' and contains(@class, 'claim')]"), claim_id


@pytest.mark.slow
def test_every_page_but_home_has_related_pages_that_resolve(real_site, pages):
    for rel, root in pages.items():
        links = root.xpath("//article//nav[@class='related-pages']//a/@href")
        if rel in NOT_RELATED:
            assert not links, rel
            continue
        assert 1 <= len(links) <= LIMIT, f"{rel}: {len(links)} related links"
        targets = [resolve(real_site, rel, h)[0] for h in links]
        assert str(real_site / built_path(rel)) not in targets, f"{rel} links to itself"
        assert len(set(targets)) == len(targets), rel
        for target in targets:
            assert Path(target).is_file(), f"{rel}: broken related link {target}"


@pytest.mark.slow
def test_pages_that_show_claims_carry_their_themes_as_tags(real_site, pages, found):
    tags_page = built(real_site, "tags.md")
    for rel, themes in found.themes.items():
        tags = [a.text_content().strip() for a in pages[rel].xpath("//nav[contains(@class, 'md-tags')]//a")]
        if tags:
            assert pages[rel].xpath("//nav[contains(@class, 'md-tags')]/@aria-label") == [CONFIG["extra"]["ui"]["tags"]]
        assert sorted(tags) == sorted(THEME_NAMES[t] for t in themes), rel
        for theme in themes:
            section = tags_page.xpath(f"//h2[@id='tag:{theme}']/following-sibling::ul[1]//a/@href")
            assert any(resolve(real_site, "tags.md", h)[0] == str(real_site / built_path(rel)) for h in section), (
                rel,
                theme,
            )
    assert found.themes["myths.md"] == sorted(THEME_NAMES)


@pytest.mark.slow
def test_share_button_carries_its_words_from_the_config(pages):
    ui = CONFIG["extra"]["ui"]
    for rel, root in pages.items():
        box = root.xpath("//article//div[@data-share]")
        assert len(box) == 1 and box[0].get("hidden") is not None, rel
        labels = json.loads(box[0].get("data-labels"))
        assert labels == {
            "share": ui["share"],
            "copy": ui["copy_link"],
            "copied": ui["copied"],
            "failed": ui["copy_failed"],
        }
        assert box[0].xpath("./button")[0].text == ui["share"]
        assert box[0].xpath("./*[@role='status']")
