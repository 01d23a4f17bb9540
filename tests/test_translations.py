"""Another language over the English data and pages: overlays validated, rendered, and kept in step.

Each test starts from the mini-site with a complete Spanish skeleton (data/es/, docs/es/) and
changes one thing.
"""

from __future__ import annotations

import re

import pytest

from macros import translations
from macros.load import load
from macros.localise import source_hash
from macros.problems import DataError

ES_CONFIG = "INHERIT: mkdocs.yml\ndocs_dir: docs/es\nexclude_docs: ''\ntheme:\n  language: es\n"


@pytest.fixture
def es(mini):
    """The mini-site with every entry and page 'translated' (the skeleton) and marked done."""
    mini.append("mkdocs.yml", "exclude_docs: |\n  /es/\n")
    mini.write("mkdocs.es.yml", ES_CONFIG)
    translations.skeleton(mini.path, "es")
    translations.page_skeletons(mini.path, "es")
    for page in sorted((mini.path / "docs/es").rglob("*.md")):
        translations.mark_done(mini.path, page, [])
    return mini


def due(project) -> list[str]:
    return [str(item) for item in translations.due(project.path, "es")]


def spanish(project):
    return load(project.path / "data", root=project.path, lang="es")


def test_a_complete_translation_is_not_due(es):
    assert due(es) == []
    assert spanish(es).muscles["psoas-major"].name == "TODO translate: Psoas major"


def test_spanish_words_replace_english_and_the_rest_comes_from_english(es):
    es.replace("data/es/muscles.yml", "'TODO translate: Psoas major'", "Psoas mayor")
    muscle = spanish(es).muscles["psoas-major"]
    assert muscle.name == "Psoas mayor"
    assert muscle.synergists == ["iliacus"] and muscle.sources == ["neumann-2010"]


def test_editing_an_english_page_makes_its_translation_due(es):
    es.replace("docs/index.md", "\n", "\nA new English sentence.\n", count=1)
    assert [d for d in due(es) if d.startswith("docs/es/index.md")], due(es)


def test_editing_english_data_makes_that_entry_due(es):
    es.replace("data/muscles.yml", "summary: Lifts the thigh.", "summary: Lifts the thigh forwards.")
    found = due(es)
    assert len(found) == 1 and re.match(r"data/es/muscles\.yml:\d+: psoas-major", found[0]), found


def test_marking_done_records_the_new_english(es):
    es.replace("data/muscles.yml", "summary: Lifts the thigh.", "summary: Lifts the thigh forwards.")
    translations.mark_done(es.path, es.path / "data/es/muscles.yml", ["psoas-major"])
    assert due(es) == []


def test_an_english_page_with_no_translation_is_due(es):
    es.write("docs/new.md", "# New\n")
    assert "docs/es/new.md: no translation of this page yet" in due(es)


def problems(project) -> str:
    with pytest.raises(DataError) as caught:
        spanish(project)
    return str(caught.value)


def test_a_missing_field_names_file_line_entry_and_field(es):
    es.replace("data/es/muscles.yml", "    summary: 'TODO translate: Lifts the thigh.'\n", "")
    assert re.search(r"data/es/muscles\.yml:\d+:\d+: psoas-major: field 'summary' is missing", problems(es))


def test_numbers_and_ids_cannot_be_translated(es):
    es.replace(
        "data/es/muscles.yml",
        "    name: 'TODO translate: Psoas major'\n",
        "    name: Psoas mayor\n    synergists: [x]\n",
    )
    assert (
        "psoas-major: 'synergists' is not translated: ids, numbers and sources come from the English file"
        in problems(es)
    )


def test_a_list_translated_item_by_item(es):
    two_items = "- Flexiona la cadera.\n    - Otra cosa.\n"
    es.replace("data/es/muscles.yml", "- 'TODO translate: Flexes the hip.'\n", two_items)
    assert "psoas-major: 'actions': 2 items, but the English has 1: translate item by item" in problems(es)


def test_an_unknown_id_gets_a_close_match(es):
    es.replace("data/es/muscles.yml", "- id: iliacus", "- id: iliacuss")
    message = problems(es)
    assert "iliacuss: no entry with this id in data/muscles.yml (did you mean 'iliacus'?)" in message
    assert "iliacus: not translated" in message


def test_an_overlay_file_with_a_misspelt_name_is_named_not_ignored(es):
    (es.path / "data/es/muscle.yml").write_text("muscles: []\n", encoding="utf-8")
    assert "data/es/muscle.yml: not a data file this site reads (did you mean 'muscles.yml'" in problems(es)


def test_hash_covers_only_prose():
    assert source_hash({"name": "A"}) != source_hash({"name": "B"})
    assert source_hash({"a": 1, "b": 2}) == source_hash({"b": 2, "a": 1})


def test_the_spanish_site_renders_spanish_words(es):
    es.replace("data/es/muscles.yml", "'TODO translate: Psoas major'", "Psoas mayor")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = es.path / "site-es"
    build(load_config(str(es.path / "mkdocs.es.yml"), site_dir=str(out)))
    html = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "Psoas mayor" in html
    assert '<html lang="es"' in html


def test_make_translations_due_exits_1_naming_the_page(es, monkeypatch, capsys):
    monkeypatch.setattr(translations, "ROOT", es.path)
    assert translations.main(["due", "es"]) == 0
    es.replace("docs/index.md", "\n", "\nA new English sentence.\n", count=1)
    assert translations.main(["due", "es"]) == 1
    assert "docs/es/index.md: docs/index.md changed since this translation" in capsys.readouterr().out
