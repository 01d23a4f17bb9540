"""Editorial rules for the real site: review dates, safety boxes, sources, plain language."""

from __future__ import annotations

import datetime
import re
import statistics

import pytest

from helpers import DOCS, ROOT, built_path, english_rel, lang_of, page_paths
from macros.crossrefs import cited
from macros.pages import read_page
from macros.translations import configured_languages
from prose_numbers import unbacked
from readability import page_grade, spanish_ease, spanish_syllables

PAGES = page_paths()
# Reference pages may be technical; everything else is written for readers.
REFERENCE_PAGES = {"references.md", "glossary.md"}
# Pages where a worried reader may land: the compact emergency callout must be on them.
SAFETY_PAGES = [
    p
    for p in PAGES
    if english_rel(p).startswith(("exercises/", "self-tests/", "routines/")) or english_rel(p) == "symptoms.md"
]
# Seed references that do not exist or were cited wrongly (see the research notes' do-not-cite list).
DO_NOT_CITE = [re.compile(p, re.I) for p in (r"mendiguchia", r"10\.1016/j\.jelekin.*1025", r"Iradi")]


def source(rel: str) -> str:
    return (DOCS / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", PAGES)
def test_review_metadata(rel):
    page = read_page(DOCS / rel, DOCS)
    meta = page.meta
    for key in ("title", "description", "last_reviewed", "next_review", "author", "reviewed_by"):
        assert getattr(meta, key), f"{rel}: front matter needs {key}"
    assert meta.last_reviewed < meta.next_review <= meta.last_reviewed + datetime.timedelta(days=366), (
        f"{rel}: next_review must be within 12 months"
    )
    headings = re.findall(r"^# (.+)$", page.body, re.M)
    assert headings == [meta.title], f"{rel}: the page needs one h1, and it must be its title {meta.title!r}"


@pytest.mark.parametrize("rel", SAFETY_PAGES)
def test_emergency_box_on_pages_where_worried_readers_land(rel):
    assert re.search(r"\{\{\s*emergency_callout\(\s*\)\s*\}\}", source(rel)), rel


def test_every_exercise_has_a_page_with_its_card(data):
    for exercise_id in data.exercises:
        rel = f"exercises/{exercise_id}.md"
        assert (DOCS / rel).exists(), f"no page for exercise {exercise_id}"
        assert f'exercise_card("{exercise_id}"' in source(rel), rel


def test_exercise_library_lists_every_exercise(data, real_site):
    """The built index links every exercise's page once, with its end-position drawing."""
    import lxml.html

    root = lxml.html.parse(str(real_site / "exercises" / "index.html")).getroot()
    tiles = root.xpath("//article//li[contains(concat(' ', @class, ' '), ' exercise-tile ')]")
    pages = [(real_site / "exercises" / t.xpath(".//a/@href")[0] / "index.html").resolve() for t in tiles]
    expected = [(real_site / "exercises" / e / "index.html").resolve() for e in data.exercises]
    assert sorted(pages) == sorted(expected), "exercises/index.md must link each exercise's page once"
    assert all(p.exists() for p in pages)
    for tile, exercise_id in zip(tiles, [p.parent.name for p in pages], strict=True):
        assert tile.xpath(f".//svg[starts-with(@aria-labelledby, 'fig-list-{exercise_id}-')]"), exercise_id


def test_enough_claims_exercises_and_muscles(data):
    assert len(data.claims) >= 30
    assert len(data.exercises) >= 10
    assert len(data.muscles) >= 11
    for muscle_id in (
        "psoas-major",
        "iliacus",
        "psoas-minor",
        "gluteus-maximus",
        "gluteus-medius",
        "rectus-femoris",
        "sartorius",
        "tensor-fasciae-latae",
        "erector-spinae",
        "quadratus-lumborum",
        "transversus-abdominis",
    ):
        assert muscle_id in data.muscles, muscle_id


def test_every_exercise_names_other_names_and_the_leg_in_its_stop_rule(data):
    """Editorial rules the schema leaves open: other names help search; leg symptoms always stop an exercise."""
    for exercise in data.exercises.values():
        assert exercise.also_called, f"{exercise.id}: also_called is empty"
        assert any("leg" in rule for rule in exercise.stop_if), f"{exercise.id}: stop_if must mention the leg"


def test_every_muscle_names_real_spinal_roots(data):
    for muscle in data.muscles.values():
        assert re.fullmatch(r"([TLS]\d{1,2}(–[TLS]?\d{1,2})?(, )?)+|Segmental.*", muscle.innervation.roots), (
            f"{muscle.id}: roots {muscle.innervation.roots!r} should read like 'L1–L3' or 'L4, L5, S1'"
        )


def test_every_routine_is_shown_on_its_own_page(data):
    for routine_id in data.routines:
        assert f'routine("{routine_id}")' in source(f"routines/{routine_id}.md"), routine_id


def test_no_unused_reference(data):
    used = cited(data, "references")
    for rel in PAGES:
        for call in re.findall(r"cite\(([^)]*)\)", source(rel)):
            used |= set(re.findall(r'"([a-z0-9-]+)"', call))
    unused = sorted(set(data.references) - used)
    assert not unused, f"references nothing cites (remove them or cite them): {unused}"


def test_nothing_from_the_do_not_cite_list():
    text = (ROOT / "data/references.yml").read_text(encoding="utf-8")
    for pattern in DO_NOT_CITE:
        assert not pattern.search(text), pattern.pattern


def test_every_reference_was_checked_on_or_before_today(data):
    for ref in data.references.values():
        assert ref.verified.date <= datetime.date.today(), ref.id


def reader_scores(site, lang: str, score) -> dict[str, float]:
    """Each reader page of one language -> its reading score (reference pages left out)."""
    scores = {}
    for rel in PAGES:
        if english_rel(rel) in REFERENCE_PAGES or lang_of(rel) != lang:
            continue
        value, words = score(site / built_path(rel))
        assert words >= 40, f"{rel}: only {words} words of running text"
        scores[rel] = value
    return scores


@pytest.mark.slow
def test_reader_pages_are_plain_language(real_site):
    grades = reader_scores(real_site, "en", page_grade)
    too_hard = {rel: round(g, 1) for rel, g in grades.items() if g >= 10}
    assert not too_hard, f"reading grade 10 or above: {too_hard}"
    assert statistics.median(grades.values()) <= 8, f"median grade {statistics.median(grades.values()):.1f}"


# Spanish reading ease (Fernández-Huerta, higher is easier): every reader page at least 50
# (the edge of "fairly difficult"), half of them at least 60 ("normal"), as README states.
SPANISH_FLOOR, SPANISH_MEDIAN = 50, 60


@pytest.mark.slow
def test_spanish_reader_pages_are_plain_language(real_site):
    ease = reader_scores(real_site, "es", spanish_ease)
    if not ease:
        assert "es" not in configured_languages(ROOT), "Spanish is listed in mkdocs.yml but has no pages"
        return
    too_hard = {rel: round(e, 1) for rel, e in ease.items() if e < SPANISH_FLOOR}
    assert not too_hard, f"Fernández-Huerta below {SPANISH_FLOOR}: {too_hard}"
    assert statistics.median(ease.values()) >= SPANISH_MEDIAN, f"median {statistics.median(ease.values()):.1f}"


def test_spanish_ease_tells_easy_from_hard(tmp_path):
    easy, hard = tmp_path / "easy.html", tmp_path / "hard.html"
    easy.write_text("<article><p>" + "El psoas mueve la pierna. Le duele la espalda. " * 10 + "</p></article>")
    hard.write_text(
        "<article><p>"
        + "La musculatura iliopsoas desempeña funciones estabilizadoras intervertebrales extraordinariamente "
        "complejas durante la bipedestación prolongada. " * 10 + "</p></article>"
    )
    assert spanish_ease(easy)[0] > 80 > SPANISH_FLOOR > spanish_ease(hard)[0]
    # Longer sentences of the same words read harder (words per sentence, as textstat counts).
    long = tmp_path / "long.html"
    long.write_text("<article><p>" + "El psoas mueve la pierna y le duele la espalda " * 10 + ".</p></article>")
    assert spanish_ease(long)[0] < spanish_ease(easy)[0]


@pytest.mark.slow
def test_numbers_in_prose_come_from_data_or_carry_a_citation(real_site):
    found = [
        f"{page.relative_to(real_site)}: {s}" for page in sorted(real_site.rglob("index.html")) for s in unbacked(page)
    ]
    assert not found, "numbers with no source in the same sentence:\n" + "\n".join(found)


def test_number_check_catches_an_unbacked_figure(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        "<article><p>Hold it for 45 seconds. Kappa was 0.2 <span class='cite'>[1]</span>.</p>"
        "<div class='card'><p>Hold 30 s.</p></div></article>",
        encoding="utf-8",
    )
    assert unbacked(page) == ["Hold it for 45 seconds."]


@pytest.mark.parametrize(
    "word, count",
    [("idea", 3), ("aéreo", 4), ("psoas", 2), ("músculo", 3), ("ilíaco", 4), ("pierna", 2), ("hormigueo", 4)],
)
def test_spanish_syllables_follow_spanish_vowel_rules(word, count):
    assert spanish_syllables(word) == count


def test_about_page_names_everything_the_browser_keeps():
    keys = set()
    for script in sorted((ROOT / "overrides/assets").glob("*.js")):
        keys |= set(re.findall(r"""KEY\s*=\s*["']([\w-]+)["']""", script.read_text(encoding="utf-8")))
    assert keys, "no storage keys found: the pattern no longer matches the scripts"
    about = source("about.md")
    missing = sorted(k for k in keys if f"`{k}`" not in about)
    assert not missing, f"docs/about.md must say what is stored and how to clear it: {missing}"
