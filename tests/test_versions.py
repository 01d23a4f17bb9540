"""The toolchain is the one the lock pins: MkDocs 1.x, whose plugin system everything here needs."""

from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mkdocs_is_1x():
    assert version("mkdocs").startswith("1."), "MkDocs 2 has no plugin system; requirements pin mkdocs<2"
    from mkdocs.plugins import BasePlugin  # noqa: F401 (absent in 2.0)


def test_installed_versions_match_the_lock():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, _, rest = line.partition("==")
            pins[name.strip().lower()] = rest.split()[0].rstrip("\\").strip()
    for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin", "pydantic", "pytest"):
        assert version(name) == pins[name], f"{name}: installed {version(name)}, locked {pins[name]}"


def test_requirements_guard_mkdocs_2():
    assert "mkdocs>=1.6.1,<2" in (ROOT / "requirements.in").read_text()
