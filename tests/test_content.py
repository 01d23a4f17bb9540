"""Editorial rules for the real site: review dates, safety boxes, sources, plain language."""

from __future__ import annotations

import datetime
import re
import statistics
import pytest
import yaml

from conftest import ROOT, built_path
from macros.crossrefs import cited
from macros.load import load
from readability import page_grade

DOCS = ROOT / "docs"
DATA = load(ROOT / "data", root=ROOT)
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
# Reference pages may be technical; everything else is written for readers.
REFERENCE_PAGES = {"references.md", "glossary.md"}
# Pages where a worried reader may land: the emergency box must be on them.
SAFETY_PAGES = [p for p in PAGES if p.startswith(("exercises/", "self-tests/", "routines/"))] + ["symptoms.md"]
# Seed references that do not exist or were cited wrongly (see the research notes' do-not-cite list).
DO_NOT_CITE = [re.compile(p, re.I) for p in (r"mendiguchia", r"10\.1016/j\.jelekin.*1025", r"Iradi")]


def front_matter(rel: str) -> dict:
    text = (DOCS / rel).read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{rel}: no front matter"
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)  # BaseLoader: every value stays text


def source(rel: str) -> str:
    return (DOCS / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", PAGES)
def test_review_metadata(rel):
    meta = front_matter(rel)
    for key in ("title", "description", "last_reviewed", "next_review", "author", "reviewed_by"):
        assert meta.get(key, "").strip(), f"{rel}: front matter needs {key}"
    last = datetime.date.fromisoformat(meta["last_reviewed"])
    due = datetime.date.fromisoformat(meta["next_review"])
    assert last < due <= last + datetime.timedelta(days=366), f"{rel}: next_review must be within 12 months"
    assert f"\n# {meta['title']}\n" in source(rel) or rel == "index.md" or source(rel).count("\n# ") == 1


@pytest.mark.parametrize("rel", SAFETY_PAGES)
def test_emergency_box_on_pages_where_worried_readers_land(rel):
    assert re.search(r'\{\{\s*red_flags\(\s*"emergency"\s*\)\s*\}\}', source(rel)), rel


def test_every_exercise_has_a_page_with_its_card():
    for exercise_id in DATA.exercises:
        rel = f"exercises/{exercise_id}.md"
        assert (DOCS / rel).exists(), f"no page for exercise {exercise_id}"
        assert f'exercise_card("{exercise_id}"' in source(rel), rel


def test_exercise_library_lists_every_exercise():
    text = source("exercises/index.md")
    for exercise_id in DATA.exercises:
        assert f"({exercise_id}.md)" in text, f"exercises/index.md does not list {exercise_id}"


def test_enough_claims_exercises_and_muscles():
    assert len(DATA.claims) >= 30
    assert len(DATA.exercises) >= 10
    assert len(DATA.muscles) >= 11
    for muscle_id in ("psoas-major", "iliacus", "psoas-minor", "gluteus-maximus", "gluteus-medius",
                      "rectus-femoris", "sartorius", "tensor-fasciae-latae", "erector-spinae",
                      "quadratus-lumborum", "transversus-abdominis"):
        assert muscle_id in DATA.muscles, muscle_id


def test_every_exercise_fills_every_field():
    for exercise in DATA.exercises.values():
        for name in ("also_called", "summary", "steps", "cues", "mistakes", "stop_if", "easier", "harder"):
            assert getattr(exercise, name), f"{exercise.id}: {name} is empty"
        assert exercise.dose.sources or exercise.dose.basis == "expert-opinion", exercise.id
        # The stop rule always covers symptoms travelling down the leg.
        assert any("leg" in rule for rule in exercise.stop_if), f"{exercise.id}: stop_if must mention the leg"


def test_every_muscle_fills_every_field():
    for muscle in DATA.muscles.values():
        for name in ("summary", "origin", "insertion", "actions", "innervation", "blood_supply", "sources"):
            assert getattr(muscle, name), f"{muscle.id}: {name} is empty"
        assert re.search(r"[TLS]\d", muscle.innervation.roots) or "egment" in muscle.innervation.roots, muscle.id


def test_every_routine_is_shown_on_its_own_page():
    for routine_id in DATA.routines:
        assert f'routine("{routine_id}")' in source(f"routines/{routine_id}.md"), routine_id


def test_no_unused_reference():
    used = cited(DATA, "references")
    for rel in PAGES:
        for call in re.findall(r"cite\(([^)]*)\)", source(rel)):
            used |= set(re.findall(r'"([a-z0-9-]+)"', call))
    unused = sorted(set(DATA.references) - used)
    assert not unused, f"references nothing cites (remove them or cite them): {unused}"


def test_nothing_from_the_do_not_cite_list():
    text = (ROOT / "data/references.yml").read_text(encoding="utf-8")
    for pattern in DO_NOT_CITE:
        assert not pattern.search(text), pattern.pattern


def test_every_reference_was_checked_on_or_before_today():
    for ref in DATA.references.values():
        assert ref.verified.date <= datetime.date.today(), ref.id


@pytest.mark.slow
def test_reader_pages_are_plain_language(real_site):
    grades = {}
    for rel in PAGES:
        if rel in REFERENCE_PAGES:
            continue
        grade, words = page_grade(real_site / built_path(rel))
        assert words >= 40, f"{rel}: only {words} words of running text"
        grades[rel] = grade
    too_hard = {rel: round(g, 1) for rel, g in grades.items() if g >= 10}
    assert not too_hard, f"reading grade 10 or above: {too_hard}"
    assert statistics.median(grades.values()) <= 8, f"median grade {statistics.median(grades.values()):.1f}"


def test_every_exercise_has_start_and_end_drawings():
    figures = ROOT / "macros" / "templates" / "figures"
    for exercise_id in DATA.exercises:
        for stage in ("start", "end"):
            assert (figures / f"{exercise_id}-{stage}.svg").exists(), f"no {stage} drawing for {exercise_id}"
