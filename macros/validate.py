"""Check data/ and its links into docs/ without building: `python -m macros.validate` (`make validate`).

Runs the same load and the same checks as the build, prints every problem as
file:line:column: entry: message and exits 1, or says all is well.

    python -m macros.validate [PROJECT_DIR]    (default: this project)
"""

from __future__ import annotations

import sys
from pathlib import Path

from .checks import check_site
from .figures import Figures
from .i18n import DEFAULT, LANGUAGES
from .load import load
from .models import KINDS
from .problems import DataError

ROOT = Path(__file__).resolve().parents[1]


def validate(project: Path) -> str:
    """A one-line summary, or a DataError with every problem."""
    from mkdocs.config import load_config  # only here: the build itself runs without MkDocs imports

    config = load_config(str(project / "mkdocs.yml"))
    site = load(project / "data", root=project)
    problems = check_site(
        site,
        Path(config["docs_dir"]),
        dict(config["extra"].get("site_pages") or {}),
        Figures(project / "figures"),
        site.where,
    )
    others = [item["lang"] for item in config["extra"].get("languages") or [] if item["lang"] != DEFAULT]
    for lang in others:  # each other language: its words over the data, and its own pages
        try:
            words = load(project / "data", root=project, lang=lang)
        except DataError as error:
            problems += error.problems
            continue
        docs = Path(config["docs_dir"]) / LANGUAGES[lang]
        problems += check_site(
            words, docs, dict(config["extra"].get("site_pages") or {}), Figures(project / "figures"), site.where
        )
    if problems:
        raise DataError(problems)
    summary = ", ".join(f"{len(site.kind(k))} {k.replace('_', ' ')}" for k in KINDS)
    return "data/ is valid: " + summary + "".join(f"; {lang} words and pages too" for lang in others)


def main(argv: list[str]) -> int:
    project = Path(argv[0]).resolve() if argv else ROOT
    try:
        print(validate(project))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
