"""The quiz: questions made from data (macros/quiz.py), their page markup and the Anki CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import lxml.html
import pytest
import yaml

from helpers import DOCS, ROOT, built_path, mini_renderer
from macros import quiz
from macros.checks import anchors_of
from macros.figures import Figures
from macros.links import Links, site_url_of
from macros.pages import all_pages
from macros.quizcsv import HEADERS, quiz_csv
from macros.render import Renderer


class _Tagless(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_Tagless.add_multi_constructor("!", lambda loader, suffix, node: None)
SITE_PAGES = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagless)["extra"]["site_pages"]
PAGES = {page.rel: page for page in all_pages(DOCS)}


@pytest.fixture(scope="module")
def homes():
    return quiz.card_homes(PAGES.values())


@pytest.fixture(scope="module")
def renderer(data, homes):
    return Renderer(data, Figures(ROOT / "figures"), links=lambda: Links("quiz/", True, SITE_PAGES), card_pages=homes)


@pytest.fixture(scope="module")
def questions(renderer):
    return renderer.questions()


@pytest.fixture(scope="module")
def page(renderer):
    return lxml.html.fragment_fromstring(str(renderer.quiz()), create_parent="div")


def by_topic(questions, topic):
    return [q for q in questions if q.topic == topic]


# ---------------------------------------------------------------- generation


def test_at_least_forty_questions_from_every_source(questions, data):
    assert len(questions) >= 40
    kinds = {q.kind for q in questions}
    assert kinds == {"origin", "insertion", "actions", "roots", "verdict", "tier", "drawing"}
    assert len(by_topic(questions, "muscles")) == 4 * len(data.muscles)
    assert len(by_topic(questions, "claims")) == len(data.claims)
    assert len(by_topic(questions, "red-flags")) == len(data.red_flags)
    assert len(by_topic(questions, "exercises")) == len(data.exercises)


def test_ids_are_unique_and_made_from_kind_and_entry(questions):
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    for q in questions:
        assert re.fullmatch(r"[a-z]+-[a-z0-9-]+", q.id), q.id
        assert q.id.endswith(q.subject), q.id


def test_the_same_quiz_every_build(data, homes):
    drawings = set(Figures(ROOT / "figures").names())
    assert quiz.build(data, homes, SITE_PAGES, drawings) == quiz.build(data, homes, SITE_PAGES, drawings)
    assert quiz.rng_for("roots-iliacus").random() == quiz.rng_for("roots-iliacus").random()
    assert quiz.rng_for("roots-iliacus").random() != quiz.rng_for("roots-psoas-major").random()


def test_the_same_quiz_whatever_the_hash_seed():
    """Python salts str hashes per process; the options must not depend on that."""
    code = (
        "from pathlib import Path; from macros.load import load; from macros import quiz;"
        "d = load(Path('data'), root=Path('.'));"
        "print([(q.id, [o.key for o in q.options], q.answer) for q in quiz.build(d, {}, {}, set())])"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


def test_every_question_offers_a_full_set_of_options(questions):
    for q in questions:
        expected = {"verdict": 4, "tier": 3}.get(q.kind, quiz.OPTIONS)
        assert len(q.options) == expected, q.id
        assert 0 <= q.answer < len(q.options)


def test_wrong_options_are_distinct_and_never_the_right_text(questions, renderer):
    words = renderer.jinja.get_template("_quiz.html").module
    for q in questions:
        texts = [" ".join(str(words.option_label(q, o)).casefold().split()) for o in q.options]
        assert len(texts) == len(set(texts)), f"{q.id}: {texts}"
        keys = [o.key for o in q.options]
        assert len(keys) == len(set(keys)), q.id


def test_muscle_questions_draw_wrong_options_from_other_muscles(questions, data):
    for q in by_topic(questions, "muscles"):
        muscle = data.muscles[q.subject]
        assert q.right.key == muscle.id, q.id
        wrong = [o for i, o in enumerate(q.options) if i != q.answer]
        for option in wrong:
            other = data.muscles[option.key]  # a real muscle
            assert other.id != muscle.id, q.id
            if q.kind == "roots":
                assert option.label == other.innervation.roots
                assert option.label != muscle.innervation.roots
            elif q.kind == "actions":
                assert option.label in other.actions
                assert option.label not in muscle.actions
                assert not quiz._related(muscle, other), f"{q.id}: {other.id} shares its action"
                assert not any(quiz.overlaps(option.label, mine) for mine in muscle.actions), q.id
            else:
                place = getattr(muscle, q.kind)
                assert q.prompt == place and option.label == other.name
                assert not quiz.overlaps(getattr(other, q.kind), place), f"{q.id}: {other.id} attaches there too"
                assert other.name.casefold() not in place.casefold()
        if q.kind == "roots":
            assert q.right.label == muscle.innervation.roots
        elif q.kind == "actions":
            assert q.right.label == muscle.actions[0]


def test_the_right_answer_is_not_always_in_the_same_place(questions):
    for kind in ("origin", "insertion", "actions", "roots", "drawing"):
        assert len({q.answer for q in questions if q.kind == kind}) > 1, kind


def test_verdict_and_tier_questions_answer_with_the_data(questions, data):
    for q in by_topic(questions, "claims"):
        assert q.right.key == data.claims[q.subject].verdict
        assert q.prompt == data.claims[q.subject].claim
        assert data.claims[q.subject].summary.startswith(q.reason)
    for q in by_topic(questions, "red-flags"):
        assert q.right.key == data.red_flags[q.subject].tier
        assert q.prompt == data.red_flags[q.subject].sign


def test_drawing_questions_never_offer_look_alikes(questions, data):
    for q in by_topic(questions, "exercises"):
        chosen = [data.exercises[o.key] for o in q.options]
        for i, a in enumerate(chosen):
            for b in chosen[i + 1 :]:
                assert not quiz.look_alike(a, b), f"{q.id}: {a.id} and {b.id} look alike"


def test_fairness_rules_catch_what_they_should():
    assert quiz.overlaps("Anterior superior iliac spine.", "Anterior superior iliac spine and the iliac crest.")
    assert quiz.overlaps("Flexes the hip.", "Flexes and abducts the hip.")
    assert not quiz.overlaps("Extends the knee.", "Flexes the hip.")
    assert quiz.first_sentence("Standard anatomy. More here.") == "Standard anatomy."
    assert quiz.first_sentence("Seen in adults (e.g. Smith). Then more.") == "Seen in adults (e.g. Smith)."
    assert quiz.first_sentence("Smith et al. Found it. Then more.") == "Smith et al. Found it."
    stretch = SimpleNamespace(name="Constructive rest with slow breathing", also_called=["hook lying"])
    assert quiz.gives_away("Lying still, breathing slowly", stretch) is False
    assert quiz.gives_away("hands on the belly for slow breathing", stretch)
    assert quiz.gives_away("Constructive rest: end position", stretch)
    assert quiz.gives_away("in HOOK-LYING", stretch)


def test_every_link_target_exists(questions, data):
    anchors = {}
    for q in questions:
        assert q.target, f"{q.id}: no page explains it"
        src, anchor = q.target
        assert src in PAGES, f"{q.id}: no page {src}"
        if anchor:
            if src not in anchors:
                anchors[src] = anchors_of(
                    PAGES[src], Renderer(data, Figures(ROOT / "figures"), links=lambda: Links("", True, SITE_PAGES))
                )
            assert anchor in anchors[src], f"{q.id}: {src} has no #{anchor}"


def test_exercise_links_go_to_the_exercise_page_not_a_routine(homes, data):
    for exercise_id in data.exercises:
        assert homes[("exercise_card", exercise_id)] == f"exercises/{exercise_id}.md"


# ---------------------------------------------------------------- the page


def test_each_question_reads_without_javascript(page, questions):
    root = page.xpath("//*[@data-quiz]")[0]
    items = root.xpath(".//li[@data-question]")
    assert [li.get("data-question") for li in items] == [q.id for q in questions]
    for li, q in zip(items, questions, strict=True):
        radios = li.xpath(".//fieldset//input[@type='radio']")
        assert len(radios) == len(q.options) and {r.get("name") for r in radios} == {f"q-{q.id}"}
        assert li.xpath(".//fieldset/legend") and li.xpath("string(.//legend)").strip()
        assert li.get("data-answer") == str(q.answer)
        details = li.xpath(".//details[contains(@class, 'quiz-answer')]")[0]
        assert details.xpath("string(./summary)") == "Show the answer"
        answer = details.xpath("string(.//*[contains(@class, 'quiz-answer__text')])")
        assert answer.startswith(radios[q.answer].getparent().text_content().strip()), q.id
        assert details.xpath("string(.//*[contains(@class, 'quiz-answer__reason')])").strip()
        assert details.xpath(".//a[contains(@class, 'quiz-answer__link')]/@href"), q.id
    # The controls need JavaScript: hidden until quiz.js shows them.
    assert root.xpath(".//*[@data-quiz-bar]/@hidden") and root.xpath(".//*[@data-quiz-reset-box]/@hidden")
    assert root.xpath(".//a[@data-quiz-export]/@href") == ["../quiz.csv"]


def test_tier_answers_say_what_to_do(page, questions):
    flag = next(q for q in questions if q.kind == "tier" and q.right.key == "emergency")
    text = page.xpath(f"string(//li[@data-question='{flag.id}']//*[contains(@class, 'quiz-answer__text')])")
    assert "Call 999" in text


def test_links_in_answers_point_where_the_site_explains(page):
    hrefs = page.xpath("//a[contains(@class, 'quiz-answer__link')]/@href")
    assert "../anatomy/iliopsoas/#muscle-psoas-major" in hrefs
    assert "../myths/#claim-sitting-shortens-psoas" in hrefs
    assert "../red-flags/#flag-saddle-numbness" in hrefs
    assert "../exercises/glute-bridge/" in hrefs


def test_drawings_do_not_give_the_answer_away(page, questions, data):
    drawings = [q for q in questions if q.kind == "drawing"]
    for q in drawings:
        svg = page.xpath(f"//li[@data-question='{q.id}']//svg")[0]
        exercise = data.exercises[q.subject]
        for part in ("title", "desc"):
            text = svg.xpath(f"string(./{part})")
            assert text.strip(), f"{q.id}: empty {part}"
            assert not quiz.gives_away(text, exercise), f"{q.id}: the {part} names the answer: {text}"
        ids = svg.get("aria-labelledby").split()
        assert all(page.xpath(f"//*[@id='{i}']") for i in ids)
    # ...and the check has something to catch: every drawing's own title names its exercise.
    for q in drawings:
        original = (ROOT / "figures" / f"{q.subject}-end.svg").read_text(encoding="utf-8")
        title = re.search(r"<title[^>]*>(.*?)</title>", original).group(1)
        assert quiz.gives_away(title, data.exercises[q.subject]), title


def test_labels_cover_every_word_the_script_shows(page):
    labels = json.loads(page.xpath("//*[@data-quiz]/@data-labels")[0])
    script = (ROOT / "overrides" / "assets" / "quiz.js").read_text(encoding="utf-8")
    used = set(re.findall(r"labels\.(\w+)", script))
    assert used and used <= set(labels), f"missing labels: {used - set(labels)}"
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert not re.search(r"""(textContent\s*=|element\([^)]*,)\s*["'][A-Za-z]""", script), "English in the script"


def test_quiz_renders_on_the_mini_site():
    renderer = mini_renderer("quiz/")
    root = lxml.html.fragment_fromstring(str(renderer.quiz()), create_parent="div")
    assert root.xpath("//li[@data-question]")
    for li in root.xpath("//li[@data-question]"):
        assert len(li.xpath(".//input[@type='radio']")) >= 2


# ---------------------------------------------------------------- the Anki export


def parse_csv(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return [row for row in rows if not row[0].startswith("#")]


def test_csv_quotes_commas_quotes_and_line_breaks():
    tricky = [
        ('Is "this", a question?', "Yes, it is.\nSecond line", "tag-a tag-b"),
        ("Plain", 'A "quoted" answer,\r\nwith a comma', "t"),
    ]
    text = quiz_csv(SimpleNamespace(quiz_cards=lambda site_url: tricky), "https://example.org/")
    assert text.splitlines()[: len(HEADERS)] == list(HEADERS)
    assert [tuple(row) for row in parse_csv(text)] == tricky


def test_csv_has_one_row_per_question_without_a_drawing(renderer, questions):
    rows = parse_csv(quiz_csv(renderer, "https://example.org/site/"))
    assert len(rows) == len([q for q in questions if q.kind != "drawing"])
    assert all(len(row) == 3 and row[0] and row[1] for row in rows)
    roots = next(row for row in rows if row[0].startswith("Psoas major: which spinal nerve roots"))
    answer, reason, link = roots[1].split("\n")
    assert answer == "L1–L3" and reason.startswith("Its nerve supply:")
    assert link == "https://example.org/site/anatomy/iliopsoas/#muscle-psoas-major"


@pytest.mark.slow
def test_the_built_site_has_the_quiz_and_its_csv(real_site, questions):
    html = lxml.html.parse(str(real_site / built_path("quiz.md"))).getroot()
    assert len(html.xpath("//*[@data-quiz]//li[@data-question]")) == len(questions)
    assert html.xpath("//script[contains(@src, 'assets/quiz.js')]")
    rows = parse_csv((real_site / "quiz.csv").read_text(encoding="utf-8"))
    assert len(rows) == len([q for q in questions if q.kind != "drawing"])
    site_url = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagless)["site_url"]
    assert rows[0][1].endswith(site_url + site_url_of("anatomy/iliopsoas.md", True) + "#muscle-psoas-major")
    # Search finds the page and its topics, but not the questions: they repeat other pages.
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = [d for d in index if d["location"].startswith("quiz/")]
    assert {"Test yourself", "Myth or evidence?", "How fast should you act?"} <= {d["title"] for d in entries}
    text = " ".join(d["text"] for d in entries)
    assert "Which muscle starts here" not in text and "Check my answer" not in text
    assert questions[0].prompt[:40] not in text
