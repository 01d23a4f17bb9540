"""Each kind of bad input stops a real build of the mini-site with a message a contributor can act on.

Every test changes one thing in a fresh copy of tests/fixtures/minisite, builds it, and
checks that the message names the file, the line (where there is one), the entry and the field.
"""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort, PluginError

from macros.problems import DataError


def data_error(project, logs) -> str:
    """A data problem stops the build in on_config; MkDocs logs it and aborts."""
    with pytest.raises(Abort, match="BuildError"):
        project.build()
    errors = [r.getMessage() for r in logs.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    return errors[0]


def macro_error(project, logs) -> str:
    """on_error_fail makes mkdocs-macros exit 100 after logging the error with its page."""
    with pytest.raises(SystemExit) as caught:
        project.build()
    assert caught.value.code == 100
    return logs.text


def test_yaml_syntax_error(mini, logs):
    mini.replace("data/muscles.yml", "    summary: Lifts the thigh.", "    summary: [Lifts the thigh.")
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:\d+:\d+: YAML syntax error", message), message


def test_unknown_field_names_line_entry_and_close_match(mini, logs):
    mini.replace("data/muscles.yml", "    origin: T12", "    orgin: T12")
    message = data_error(mini, logs)
    assert "data/muscles.yml:5:5: psoas-major: unknown field 'orgin' (did you mean 'origin'?)" in message


def test_wrong_type(mini, logs):
    mini.replace("data/references.yml", "year: 2010", "year: twenty-ten")
    message = data_error(mini, logs)
    assert re.search(r"data/references\.yml:5:11: neumann-2010: field 'year': input should be a valid "
                     r"integer.*'twenty-ten'", message), message


def test_missing_required_field(mini, logs):
    mini.replace("data/muscles.yml", "    insertion: Lesser trochanter.\n", "", count=1)
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:2:5: psoas-major: missing required field 'insertion'", message), message


def test_duplicate_id(mini, logs):
    mini.replace("data/muscles.yml", "  - id: iliacus", "  - id: psoas-major")
    message = data_error(mini, logs)
    assert re.search(r"data/muscles\.yml:\d+:5: psoas-major: duplicate id 'psoas-major' "
                     r"\(first defined at line 2\)", message), message


def test_cross_reference_to_missing_id(mini, logs):
    mini.replace("data/muscles.yml", "synergists: [iliacus]", "synergists: [iliacsu]")
    message = data_error(mini, logs)
    assert ("data/muscles.yml:14:18: psoas-major: synergists.0: no muscle with id 'iliacsu' in "
            "data/muscles.yml (did you mean 'iliacus'?)") in message


def test_unquoted_date_where_text_is_expected(mini, logs):
    mini.replace("data/glossary.yml", "definition: A deep muscle from the lower spine to the thigh bone.",
                 "definition: 2026-01-01")
    message = data_error(mini, logs)
    assert ("data/glossary.yml:4:17: psoas: field 'definition': expected text, but YAML read 2026-01-01 "
            "as a date; put it in quotes") in message


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


def test_macro_with_unknown_id(mini, logs):
    mini.append("docs/muscles/psoas.md", '\n{{ muscle_card("psoas-majr") }}\n')
    text = macro_error(mini, logs)
    assert ("docs/muscles/psoas.md:9: muscle_card('psoas-majr'): no muscle with id 'psoas-majr' in "
            "data/muscles.yml (did you mean 'psoas-major'?)") in text


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
    assert "docs/index.md" in text or "index.md" in text
    assert "'stretch_dose' is undefined" in text


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


def test_markup_in_data_is_shown_as_text(mini):
    mini.replace("data/muscles.yml", "summary: Lifts the thigh.",
                 'summary: "<script>alert(1)</script> <b>bold</b>"')
    out = mini.build()
    html = (out / "muscles/psoas/index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
