"""Maintainer commands: scaffolding stubs and the review list, run as a contributor would."""

from __future__ import annotations

import datetime
import os
import subprocess

import pytest

from helpers import ROOT, copy_project
from macros.load import load
from macros.review import due


@pytest.fixture
def project(tmp_path):
    """A copy of the real project (without .venv) where make targets may write."""
    proj = copy_project(ROOT, tmp_path / "project", with_macros="copy")
    (proj.path / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return proj


def make(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=project.path, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_new_exercise_and_muscle_write_valid_stubs(project):
    result = make(project, "new-exercise", "ID=wall-sit")
    assert result.returncode == 0, result.stderr
    assert "wrote data/exercises.yml" in result.stdout and "wrote docs/exercises/wall-sit.md" in result.stdout
    assert "wrote figures/wall-sit-start.svg" in result.stdout and "wrote figures/wall-sit-end.svg" in result.stdout
    assert "wrote data/es/exercises.yml: 1 entries to translate" in result.stdout, "every language gets the stub"
    assert "wrote docs/es/exercises/wall-sit.md" in result.stdout
    assert make(project, "validate").returncode == 0, "a stub passes validation, so the preview builds at once"
    assert make(project, "new-muscle", "ID=piriformis").returncode == 0
    site = load(project.path / "data", root=project.path)
    assert site.exercises["wall-sit"].name == "TODO Name"
    assert site.muscles["piriformis"].sources
    page = project.file("docs/exercises/wall-sit.md").read_text()
    assert 'exercise_card("wall-sit")' in page and "emergency_callout()" in page
    again = make(project, "new-muscle", "ID=piriformis")
    assert again.returncode != 0 and "already has an entry 'piriformis'" in again.stderr


@pytest.mark.slow
def test_new_page_keeps_the_shell_path(project):
    result = make(project, "new-page", "PATH=habits/sleep.md")
    assert result.returncode == 0, result.stderr
    text = project.file("docs/habits/sleep.md").read_text()
    today = datetime.date.today()
    assert f'last_reviewed: "{today.isoformat()}"' in text and "next_review:" in text
    assert "add the page to `nav:`" in result.stdout


def test_review_due_lists_pages_and_entries(mini):
    mini.replace(
        "data/claims.yml", "    verdict: unsupported", '    verdict: unsupported\n    next_review: "2026-12-01"'
    )
    for page in ("docs/index.md", "docs/glossary.md"):
        text = mini.file(page).read_text()
        mini.write(
            page, f'---\ntitle: T\nnext_review: "{"2026-12-10" if "index" in page else "2030-01-01"}"\n---\n' + text
        )
    items = [str(i) for i in due(mini.path, load(mini.path / "data", root=mini.path), datetime.date(2026, 11, 21))]
    assert "2026-12-01  data/claims.yml: sitting-shortens-psoas" in items
    assert "2026-12-10  docs/index.md" in items
    assert not any("glossary" in i for i in items)
    assert any("docs/references.md (no next_review" in i for i in items)


def test_the_build_mentions_reviews_due_without_failing(mini, capfd):
    mini.write(
        "docs/index.md", '---\ntitle: T\nnext_review: "2020-01-01"\n---\n' + mini.file("docs/index.md").read_text()
    )
    mini.build()  # strict, yet it must not fail
    assert "due for review within 30 days" in capfd.readouterr().err


def test_no_todo_left_in_data_pages_or_drawings():
    for folder in ("data", "docs", "figures"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".yml", ".md", ".svg"):
                assert "TODO" not in path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} still has a TODO"


@pytest.mark.slow
def test_gh_deploy_pushes_the_built_site_to_a_gh_pages_branch(tmp_path):
    """`mkdocs gh-deploy`, for maintainers who prefer it, against a local bare repository."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
    project = copy_project(ROOT, tmp_path / "project", with_macros="copy").path
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "NO_MKDOCS_2_WARNING": "1",
    }
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-q", "-m", "site"],
        ["remote", "add", "origin", str(remote)],
    ):
        subprocess.run(["git", *args], cwd=project, check=True, env=env)
    result = subprocess.run(
        [str(ROOT / ".venv/bin/mkdocs"), "gh-deploy", "--force", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "index.html" in files and "exercises/glute-bridge/index.html" in files and ".nojekyll" in files
