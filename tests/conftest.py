"""Shared helpers: copy the mini-site into a temp dir, change one thing, build it for real."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


class Project:
    """A throwaway copy of a site (the mini-site by default) that a test may edit and build."""

    def __init__(self, path: Path):
        self.path = path

    def file(self, rel: str) -> Path:
        return self.path / rel

    def write(self, rel: str, text: str) -> None:
        self.file(rel).parent.mkdir(parents=True, exist_ok=True)
        self.file(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.file(rel).read_text(encoding="utf-8")
        assert old in text, f"fixture {rel} has no {old!r} to replace"
        self.write(rel, text.replace(old, new, count))

    def append(self, rel: str, text: str) -> None:
        self.write(rel, self.file(rel).read_text(encoding="utf-8") + text)

    def build(self) -> Path:
        out = self.path / "site"
        build(load_config(str(self.path / "mkdocs.yml"), site_dir=str(out)))
        return out

    def html(self, rel: str) -> str:
        return (self.path / "site" / rel).read_text(encoding="utf-8")


def copy_project(source: Path, dest: Path, *, with_macros: str = "link") -> Project:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("site", ".venv", ".git", "__pycache__", ".cache"))
    if not (dest / "macros").exists():
        if with_macros == "link":
            (dest / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
        else:
            shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    return Project(dest)


def built_path(rel: str) -> str:
    """Where MkDocs writes a page: a/b.md -> a/b/index.html, a/index.md -> a/index.html."""
    stem = rel.removesuffix(".md")
    if stem == "index":
        return "index.html"
    return (stem.removesuffix("index") if stem.endswith("/index") else stem + "/") + "index.html"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """One strict build of the real site, shared by every test that reads its HTML."""
    out = tmp_path_factory.mktemp("real-site")
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True))
    return out


@pytest.fixture
def mini(tmp_path) -> Project:
    """The mini-site: every macro on a handful of entries."""
    return copy_project(FIXTURES / "minisite", tmp_path / "mini")


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.INFO)
    return caplog
