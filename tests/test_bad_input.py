"""Each kind of bad input stops a real build of the mini-site with a message a contributor can act on.

Every test changes one thing in a fresh copy of tests/fixtures/minisite, builds it, and
checks that the message names the file, the line (where there is one), the entry and the field.
"""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort, PluginError

from macros.problems import DataError

FRONT = '---\ntitle: Mini home\ndescription: A page.\nlast_reviewed: "2026-11-01"\nnext_review: "2027-05-01"\n---\n\n'


def data_error(project, logs) -> str:
    """A data or page problem stops the build in on_config; MkDocs logs it and aborts."""
    with pytest.raises(Abort, match="BuildError"):
        project.build()
    errors = [r.getMessage() for r in logs.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    assert "Traceback" not in errors[0]
    return errors[0]


def macro_error(project, logs) -> str:
    """on_error_fail makes mkdocs-macros exit 100 after logging the error with its page."""
    with pytest.raises(SystemExit) as caught:
        project.build()
    assert caught.value.code == 100
    return logs.text


# ---------------------------------------------------------------- data files


def test_yaml_syntax_error(mini, logs):
    mini.replace("data/muscles.yml", "    summary: Lifts the thigh.", "    summary: [Lifts the thigh.")
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:\d+:\d+: YAML syntax error", message), message


def test_unknown_field_names_line_entry_and_close_match(mini, logs):
    mini.replace("data/muscles.yml", "    origin: T12", "    orgin: T12")
    message = data_error(mini, logs)
    assert "data/muscles.yml:5:5: psoas-major: unknown field 'orgin' (did you mean 'origin'?)" in message


def test_glossary_word_repeated_with_a_capital(mini, logs):
    mini.replace("data/glossary.yml", "    term: psoas\n", "    term: psoas\n    also: [Psoas]\n")
    message = data_error(mini, logs)
    assert "data/glossary.yml:2:5: psoas: also: 'Psoas' repeats 'psoas'" in message, message


def test_wrong_type(mini, logs):
    mini.replace("data/references.yml", "year: 2010", "year: twenty-ten")
    message = data_error(mini, logs)
    assert re.search(
        r"data/references\.yml:5:11: neumann-2010: field 'year': input should be a valid "
        r"integer.*'twenty-ten'",
        message,
    ), message


def test_missing_required_field(mini, logs):
    mini.replace("data/muscles.yml", "    insertion: Lesser trochanter.\n", "", count=1)
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:2:5: psoas-major: missing required field 'insertion'", message), message


def test_duplicate_id(mini, logs):
    mini.replace("data/muscles.yml", "  - id: iliacus", "  - id: psoas-major")
    message = data_error(mini, logs)
    assert re.search(
        r"data/muscles\.yml:\d+:5: psoas-major: duplicate id 'psoas-major' "
        r"\(first defined at line 2\)",
        message,
    ), message


def test_duplicate_key_names_the_entry(mini, logs):
    mini.replace("data/glossary.yml", "    term: psoas\n", "    term: psoas\n    term: psoas major\n")
    message = data_error(mini, logs)
    assert "data/glossary.yml:4:5: psoas: key 'term' appears twice in the same entry" in message


def test_cross_reference_to_missing_id(mini, logs):
    mini.replace("data/muscles.yml", "synergists: [iliacus]", "synergists: [iliacsu]")
    message = data_error(mini, logs)
    assert (
        "data/muscles.yml:14:18: psoas-major: synergists.0: no muscle with id 'iliacsu' in "
        "data/muscles.yml (did you mean 'iliacus'?)"
    ) in message


def test_one_renamed_entry_gives_one_message_not_a_wall(mini, logs):
    """Renaming an entry breaks every id that names it: one message lists them all."""
    mini.replace("data/references.yml", "  - id: neumann-2010", "  - id: neumann-2011")
    message = data_error(mini, logs)
    assert message.startswith("1 problem in data/"), message
    assert "no reference with id 'neumann-2010' in data/references.yml (did you mean 'neumann-2011'?)" in message
    assert "; also named at data/" in message


def test_impossible_date_in_data_unquoted(mini, logs):
    mini.replace("data/claims.yml", "    verdict: unsupported", "    verdict: unsupported\n    next_review: 2027-02-30")
    message = data_error(mini, logs)
    assert re.search(
        r"data/claims\.yml:\d+:18: sitting-shortens-psoas: field 'next_review': '2027-02-30' is not "
        r"a real date",
        message,
    ), message


def test_unquoted_date_where_text_is_expected_stays_text(mini):
    """YAML dates are read as text, so a date-looking definition is simply shown as written."""
    mini.replace(
        "data/glossary.yml",
        "definition: A deep muscle from the lower spine to the thigh bone.",
        "definition: 2026-01-01",
    )
    mini.build()
    assert "2026-01-01" in mini.html("glossary/index.html")


def test_not_utf8_in_a_data_file(mini, logs):
    path = mini.file("data/muscles.yml")
    path.write_bytes(path.read_bytes().replace(b"Lifts the thigh.", b"Lifts the thigh \xff."))
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:\d+:\d+: byte 0xff is not valid UTF-8; save the file as UTF-8", message)


def test_alias_bomb_is_refused_before_anything_expands(mini, logs, monkeypatch):
    bomb = "\n".join(
        ["a: &a [x, x, x, x, x, x, x, x, x]"]
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
            for i in range(12)
        ]
    )
    mini.write(
        "data/glossary.yml",
        "glossary:\n  - id: psoas\n    term: psoas\n    definition: x\n"
        + "    also: [a]\n# "
        + bomb.replace("\n", "\n# ")
        + "\n"
        + bomb.replace("a: ", "z: ", 1)
        + "\n",
    )
    # Refused while scanning events, before a node tree (where aliases would expand) exists:
    # no timing needed to know it cannot hang.
    from macros import yamlread

    real_loader = yamlread.DataLoader

    class Watched(real_loader):
        def __init__(self, text):
            self.text = text
            super().__init__(text)

        def get_single_node(self):
            if "*a" in self.text:  # fail here, rather than hang expanding it
                raise AssertionError("the aliased document reached the composer")
            return super().get_single_node()

    monkeypatch.setattr(yamlread, "DataLoader", Watched)
    message = data_error(mini, logs)
    assert re.search(
        r"data/glossary\.yml:\d+:\d+: anchors and aliases \(&name, \*name, <<:\) are not allowed", message
    ), message
    assert len(message) < 600


def test_merge_key_is_refused_with_the_same_message(mini, logs):
    mini.replace("data/glossary.yml", "    term: psoas\n", "    term: psoas\n    <<: {also: [x]}\n")
    message = data_error(mini, logs)
    assert "data/glossary.yml:4:5: psoas: anchors and aliases" in message


def test_over_long_text_is_refused_with_its_limit(mini, logs):
    mini.replace(
        "data/glossary.yml",
        "definition: A deep muscle from the lower spine to the thigh bone.",
        "definition: " + "word " * 200_000,
    )
    message = data_error(mini, logs)
    assert "data/glossary.yml:4:17: psoas: field 'definition': text is 999,999 characters long; at most 300" in message
    assert len(message) < 500, "the message must not quote the whole text"


def test_data_file_with_an_unknown_name(mini, logs):
    mini.write("data/muscle.yml", "muscles: []\n")
    message = data_error(mini, logs)
    assert "data/muscle.yml: not a data file this site reads (did you mean 'muscles.yml'" in message


def test_every_problem_is_reported_in_one_run(mini, logs):
    mini.replace("data/muscles.yml", "    origin: T12", "    orgin: T12")
    mini.replace("data/claims.yml", "verdict: unsupported", "verdict: unsuported")
    mini.replace("data/routines.yml", "exercise: kneeling-stretch", "exercise: kneeling-strech")
    message = data_error(mini, logs)
    assert message.startswith("3 problems in data/")
    assert "unknown field 'orgin'" in message
    assert "data/claims.yml:5:14: sitting-shortens-psoas: field 'verdict': expected one of" in message
    assert "(got 'unsuported') (did you mean 'unsupported'" in message
    assert "no exercise with id 'kneeling-strech'" in message


def test_data_error_is_a_plugin_error_so_mkdocs_prints_it_and_exits_1():
    assert issubclass(DataError, PluginError)


# ---------------------------------------------------------------- data that points into docs/


def test_page_named_in_data_must_exist(mini, logs):
    mini.replace("data/pain_regions.yml", "pages: [muscles/psoas.md,", "pages: [muscles/psoa.md,")
    message = data_error(mini, logs)
    assert (
        "data/pain_regions.yml:11:13: groin: pages.0: no page docs/muscles/psoa.md (did you mean 'muscles/psoas.md'?)"
    ) in message


def test_anchor_named_in_data_must_exist(mini, logs):
    mini.replace("data/pain_regions.yml", "red-flags.md#flag-fever", "red-flags.md#flag-fevr")
    message = data_error(mini, logs)
    assert (
        "data/pain_regions.yml:11:31: groin: pages.1: docs/red-flags.md has no #flag-fevr (did you mean 'flag-fever'?)"
    ) in message


def test_region_without_a_drawn_shape(mini, logs):
    mini.replace("data/pain_regions.yml", "views: [front]", "views: [front, back]")
    message = data_error(mini, logs)
    assert (
        "data/pain_regions.yml:4:12: groin: no shape for this region in the back view of figures/pain-map-shapes.json"
    ) in message


def test_exercise_without_drawings(mini, logs):
    mini.file("figures/kneeling-stretch-end.svg").unlink()
    message = data_error(mini, logs)
    assert "data/exercises.yml:2:5: kneeling-stretch: no end drawing: add figures/kneeling-stretch-end.svg" in message


# ---------------------------------------------------------------- the symptom guide

GUIDE = "data/symptom_path.yml"


def test_guide_answer_that_loops_back(mini, logs):
    mini.replace(
        GUIDE, "        next: end-self-care\n      - label: The hip", "        next: where\n      - label: The hip"
    )
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:30:15: where: answers.0.next: 'where' leads back to an earlier step "
        "(where → where); every answer must move on toward an end"
    ) in message, message


def test_guide_loop_through_several_steps(mini, logs):
    mini.replace(
        GUIDE, "        next: end-self-care\n      - label: The hip", "        next: soon\n      - label: The hip"
    )
    message = data_error(mini, logs)
    assert "data/symptom_path.yml:30:15: where: answers.0.next: 'soon' leads back to an earlier step" in message
    assert "(soon → where → soon)" in message, message


def test_guide_answer_to_a_step_that_does_not_exist(mini, logs):
    mini.replace(GUIDE, "next: end-soon", "next: end-son")
    message = data_error(mini, logs)
    assert message.startswith("1 problem in data/"), "the step it meant is not also reported unreachable"
    assert (
        "data/symptom_path.yml:23:15: soon: answers.0.next: no symptom-guide step with id 'end-son' in "
        "data/symptom_path.yml (did you mean 'end-soon'?)"
    ) in message, message


def test_guide_names_a_red_flag_that_does_not_exist(mini, logs):
    mini.replace(GUIDE, "red_flags: [fever]\n    answers", "red_flags: [fevr]\n    answers")
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:12:17: same-day: red_flags.0: no red-flag with id 'fevr' in data/red_flags.yml "
        "(did you mean 'fever'?)"
    ) in message, message


def test_guide_step_nobody_can_reach(mini, logs):
    mini.append(GUIDE, "  - id: end-orphan\n    end: soon\n    title: Orphan\n    red_flags: [not-improving]\n")
    message = data_error(mini, logs)
    assert message.startswith("1 problem in data/"), message
    assert (
        "data/symptom_path.yml:53:5: end-orphan: no answer leads to this step from the start ('emergency'); "
        "point an answer's next: at it, or remove it"
    ) in message, message


def test_guide_asks_a_less_urgent_question_first(mini, logs):
    mini.replace(GUIDE, "next: same-day\n", "next: soon\n")
    mini.replace(GUIDE, "        next: where\n", "        next: same-day\n")
    mini.replace(GUIDE, "        next: soon\n  - id: soon", "        next: where\n  - id: soon")
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:25:15: soon: answers.1.next: 'same-day' asks about same-day signs after this "
        "question asked about soon signs; ask emergency signs first"
    ) in message, message
    assert "end-soon: a reader can reach this soon end without being asked about 'fever'" in message


def test_red_flag_the_guide_never_asks_about(mini, logs):
    mini.append(
        "data/red_flags.yml",
        "  - id: chest-pain\n    tier: emergency\n    region: back\n    sign: Chest pain.\n"
        "    may_point_to: the heart\n    sources: [neumann-2010]\n",
    )
    message = data_error(mini, logs)
    assert (
        "data/red_flags.yml:20:5: chest-pain: no question in data/symptom_path.yml asks about this sign; "
        "add it to a question about emergency signs"
    ) in message, message


def test_guide_end_names_a_sign_of_another_tier(mini, logs):
    mini.replace(
        GUIDE, "title: Get help now\n    red_flags: [saddle-numbness]", "title: Get help now\n    red_flags: [fever]"
    )
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:36:17: end-emergency: red_flags.0: 'fever' is a same-day sign, but this end "
        "is 'emergency'"
    ) in message, message


def test_guide_self_care_end_needs_advice(mini, logs):
    mini.replace(GUIDE, "    advice: Stretching eased stiffness in one study.\n", "")
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:45:5: end-self-care: a self-care end needs advice, a page, and sources or claims"
    ) in message, message


def test_guide_question_with_one_answer(mini, logs):
    mini.replace(GUIDE, "      - label: The hip\n        next: end-self-care\n", "")
    message = data_error(mini, logs)
    assert "data/symptom_path.yml:26:5: where: a question needs at least two answers" in message, message


def test_guide_page_must_exist(mini, logs):
    mini.replace(GUIDE, "page: muscles/psoas.md", "page: muscles/psoa.md")
    message = data_error(mini, logs)
    assert (
        "data/symptom_path.yml:49:11: end-self-care: page: no page docs/muscles/psoa.md "
        "(did you mean 'muscles/psoas.md'?)"
    ) in message, message


# ---------------------------------------------------------------- pages


def test_front_matter_yaml_error_fails_the_build(mini, logs):
    mini.write(
        "docs/index.md", FRONT.replace("description: A page.", "description: [A page.") + mini.read("docs/index.md")
    )
    message = data_error(mini, logs)
    assert re.search(r"docs/index\.md:[34]:\d+: YAML syntax error", message), message


def test_impossible_date_in_front_matter(mini, logs):
    mini.write("docs/index.md", FRONT.replace('"2027-05-01"', '"2027-13-45"') + mini.read("docs/index.md"))
    message = data_error(mini, logs)
    assert "docs/index.md:5:14: field 'next_review': '2027-13-45' is not a real date" in message


def test_misspelt_front_matter_key(mini, logs):
    mini.write("docs/index.md", FRONT.replace("last_reviewed", "last_reviwed") + mini.read("docs/index.md"))
    message = data_error(mini, logs)
    assert "docs/index.md:4:1: unknown field 'last_reviwed' (did you mean 'last_reviewed'" in message


def test_not_utf8_in_a_page(mini, logs):
    path = mini.file("docs/muscles/psoas.md")
    path.write_bytes(path.read_bytes().replace(b"# Psoas", b"# Psoas \xe9"))
    message = data_error(mini, logs)
    assert "docs/muscles/psoas.md:1:9: byte 0xe9 is not valid UTF-8" in message


def test_byte_order_mark_in_a_page(mini, logs):
    mini.write("docs/index.md", "\ufeff" + FRONT + mini.read("docs/index.md"))
    message = data_error(mini, logs)
    assert "docs/index.md:1:1: the file starts with a byte-order mark (BOM)" in message


# ---------------------------------------------------------------- macro calls in pages


def test_macro_with_unknown_id(mini, logs):
    mini.append("docs/muscles/psoas.md", '\n{{ muscle_card("psoas-majr") }}\n')
    text = macro_error(mini, logs)
    assert (
        "docs/muscles/psoas.md:9: muscle_card('psoas-majr'): no muscle with id 'psoas-majr' in "
        "data/muscles.yml (did you mean 'psoas-major'?)"
    ) in text


def test_macro_error_counts_the_front_matter(mini, logs):
    """The line is the file's own line, front matter included (line 8 here, body line 2)."""
    mini.write("docs/index.md", FRONT + '# Mini home\n{{ exercise_card("kneeling") }}\n')
    text = macro_error(mini, logs)
    assert "docs/index.md:9: exercise_card('kneeling'): no exercise with id 'kneeling'" in text


def test_template_syntax_error_names_the_right_line(mini, logs):
    mini.write("docs/index.md", FRONT + '# Mini home\n\nText.\n\n{{ muscle_card("psoas-major" }}\n\nMore.\n')
    with pytest.raises(Abort):
        mini.build()
    assert "docs/index.md:12: template syntax error" in logs.text


def test_unknown_citation_key(mini, logs):
    mini.append("docs/muscles/psoas.md", '\nAs shown {{ cite("bandy-199") }}.\n')
    text = macro_error(mini, logs)
    assert "docs/muscles/psoas.md:9: cite('bandy-199'): no reference with id 'bandy-199'" in text
    assert "(did you mean 'bandy-1997'?)" in text


def test_unknown_fact_field(mini, logs):
    mini.append("docs/index.md", '\n{{ fact("muscles.psoas-major.orgin") }}\n')
    text = macro_error(mini, logs)
    assert "fact('muscles.psoas-major.orgin'): no field 'orgin' (did you mean 'origin'?)" in text


def test_undefined_variable_in_a_page(mini, logs):
    mini.append("docs/index.md", "\nDose: {{ stretch_dose }}\n")
    text = macro_error(mini, logs)
    assert "index.md" in text and "'stretch_dose' is undefined" in text


@pytest.mark.parametrize("reach", ["_renderer.data", "muscle_card.__self__.data", "renderer"])
def test_pages_reach_macros_not_the_renderer_or_raw_data(mini, logs, reach):
    mini.append("docs/index.md", "\n{{ " + reach + " }}\n")
    text = macro_error(mini, logs)
    assert "is undefined" in text or "has no attribute" in text


def test_broken_internal_link(mini, logs):
    mini.append("docs/index.md", "\nSee [the routine](routines.md).\n")
    with pytest.raises(Abort):
        mini.build()
    assert "Doc file 'index.md' contains a link 'routines.md', but the target is not found" in logs.text


def test_broken_anchor(mini, logs):
    mini.append("docs/index.md", "\nSee [the card](muscles/psoas.md#no-such-heading).\n")
    with pytest.raises(Abort):
        mini.build()
    assert "index.md" in logs.text and "#no-such-heading" in logs.text
