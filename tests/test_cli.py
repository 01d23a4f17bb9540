"""What a contributor sees in the terminal: `mkdocs build`, `tools/build.py` and `python -m macros.validate`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(args, cwd):
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=120)


def test_build_with_a_data_error_prints_it_and_exits_1(mini):
    mini.replace("data/muscles.yml", "    origin: T12", "    orgin: T12")
    result = run([MKDOCS, "build", "--strict"], mini.path)
    assert result.returncode == 1
    assert "data/muscles.yml:5:5: psoas-major: unknown field 'orgin' (did you mean 'origin'?)" in result.stderr


def test_build_with_a_bad_macro_call_exits_100_naming_the_page(mini):
    mini.append("docs/index.md", '\n{{ exercise_card("kneeling") }}\n')
    result = run([MKDOCS, "build", "--strict"], mini.path)
    assert result.returncode == 100
    assert "docs/index.md:13: exercise_card('kneeling'): no exercise with id 'kneeling'" in result.stderr


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.file("data/muscles.yml").write_bytes(b"muscles:\n  - id: x\xff\n"),
        lambda p: p.file("docs/index.md").write_bytes(b"# Mini \xe9\n"),
        lambda p: p.write("docs/index.md", '---\ntitle: "x\nlast_reviewed: 2027-13-45\n---\n# Mini\n'),
        lambda p: p.write("docs/index.md", '---\nnext_review: "2027-02-30"\n---\n# Mini\n'),
        lambda p: p.write("data/glossary.yml", "glossary:\n  - &a {id: x, term: x, definition: x}\n  - *a\n"),
        lambda p: p.write("docs/index.md", "\ufeff# Mini\n"),
    ],
)
def test_bad_input_never_gives_a_traceback(mini, damage):
    damage(mini)
    result = run([sys.executable, str(ROOT / "tools" / "build.py"), "--root", str(mini.path)], mini.path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Error: " in result.stderr


def test_validate_command(mini):
    ok = run([sys.executable, "-m", "macros.validate", str(mini.path)], ROOT)
    assert ok.returncode == 0 and ok.stdout.startswith("data/ is valid: 2 muscles, 1 exercises"), ok.stderr
    mini.replace("data/claims.yml", "verdict: unsupported", "verdict: maybe")
    bad = run([sys.executable, "-m", "macros.validate", str(mini.path)], ROOT)
    assert bad.returncode == 1 and "field 'verdict': expected one of" in bad.stderr


def test_validate_checks_what_data_names_in_docs(mini):
    """Anchors and drawings are checked without a build, not only at render time."""
    mini.replace("data/pain_regions.yml", "red-flags.md#flag-fever", "red-flags.md#flag-fevr")
    mini.file("figures/pain-map-shapes.json").write_text(
        '{"viewBox": "0 0 1 1", "front": {"outline": "", "regions": {}}, "back": {"outline": "", "regions": {}}}'
    )
    bad = run([sys.executable, "-m", "macros.validate", str(mini.path)], ROOT)
    assert bad.returncode == 1
    assert "groin: pages.1: docs/red-flags.md has no #flag-fevr" in bad.stderr
    assert "groin: no shape for this region in the front view of figures/pain-map-shapes.json" in bad.stderr
