"""Reading data/: once per build, again only after an edit; one line per problem."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import FIXTURES
from macros import load as load_module
from macros.load import load
from macros.problems import DataError


@pytest.fixture
def data_dir(tmp_path):
    return shutil.copytree(FIXTURES / "minisite" / "data", tmp_path / "data")


def test_data_is_parsed_once_per_build(mini):
    load_module.clear_cache()
    start = load_module.parse_count()
    mini.build()
    assert load_module.parse_count() == start + 1, "data must be read once per build, not per page"


def test_unchanged_data_is_not_read_again(data_dir):
    load_module.clear_cache()
    first = load(data_dir)
    count = load_module.parse_count()
    assert load(data_dir) is first
    assert load_module.parse_count() == count


def test_an_edit_is_picked_up(data_dir):
    load(data_dir)
    path = data_dir / "muscles.yml"
    path.write_text(path.read_text().replace("Lifts the thigh.", "Raises the thigh."))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load(data_dir).muscles["psoas-major"].summary == "Raises the thigh."


def test_missing_file_and_wrong_top_level_key(data_dir):
    (data_dir / "glossary.yml").unlink()
    (data_dir / "claims.yml").write_text("claim:\n  - id: x\n")
    with pytest.raises(DataError) as caught:
        load(data_dir)
    message = str(caught.value)
    assert "glossary.yml: file is missing: every site needs data/glossary.yml" in message
    assert "claims.yml:1:1: expected one top-level key 'claims:' holding a list of entries (found ['claim'])" in message


def test_repeated_key_is_reported(data_dir):
    path = data_dir / "glossary.yml"
    path.write_text(path.read_text() + "    term: psoas major\n")
    with pytest.raises(DataError, match=r"glossary\.yml:5:5: psoas: key 'term' appears twice in the same entry"):
        load(data_dir)


def test_bad_id_style_suggests_one(data_dir):
    path = data_dir / "glossary.yml"
    path.write_text(path.read_text().replace("id: psoas", "id: Psoas_Major"))
    with pytest.raises(
        DataError,
        match=r"field 'id': 'Psoas_Major' is not a valid id; use lowercase words and "
        r"digits joined by hyphens, e.g. 'psoas-major'",
    ):
        load(data_dir)


def test_a_broken_entry_is_not_reported_twice_through_its_references(data_dir):
    path = data_dir / "muscles.yml"
    path.write_text(path.read_text().replace("    name: Iliacus\n", ""))
    with pytest.raises(DataError) as caught:
        load(data_dir)
    assert caught.value.problems and len(caught.value.problems) == 1, caught.value
