"""What a contributor sees in the terminal: `mkdocs build` and `python -m macros.validate`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

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


def test_validate_command(mini):
    ok = run([sys.executable, "-m", "macros.validate", str(mini.path / "data")], ROOT)
    assert ok.returncode == 0 and ok.stdout.startswith("data/ is valid: 2 muscles, 1 exercises")
    mini.replace("data/claims.yml", "verdict: unsupported", "verdict: maybe")
    bad = run([sys.executable, "-m", "macros.validate", str(mini.path / "data")], ROOT)
    assert bad.returncode == 1 and "field 'verdict': expected one of" in bad.stderr
