"""Problems found in data or at a macro call site, worded for a contributor.

Every problem names the file, the line and column where there is one, the entry id,
and the field, and offers a close match when the mistake looks like a typo.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .compat import PluginError


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(str(word), list(candidates), n=n, cutoff=0.6)


def entry_label(kind: str) -> str:
    """What one entry of a data file is called in messages: muscles -> muscle, red_flags -> red-flag."""
    special = {"glossary": "glossary term", "symptom_path": "symptom-guide step"}
    return special.get(kind) or kind.removesuffix("s").replace("_", "-")


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)', or '' when nothing is close."""
    matches = close_matches(word, candidates)
    if not matches:
        return ""
    return " (did you mean " + " or ".join(f"'{m}'" for m in matches) + "?)"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    entry: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        who = f" {self.entry}:" if self.entry else ""
        return f"{where}:{who} {self.message}"


class DataError(PluginError):
    """Raised with every problem found, so a contributor fixes them all in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.message))
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in data/ or docs/ "
            f"(see CONTRIBUTING.md, 'What the errors mean'):\n{lines}"
        )


class MacroError(PluginError):
    """A macro was called wrongly in a page: an unknown id, field or citation key."""


def relative(path: Path, root: Path) -> str:
    """A file as a contributor names it: from the project root where it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def unknown_files(folder: Path, root: Path, kinds: Iterable[str]) -> list[Problem]:
    """A data file with a name the site does not read would be ignored in silence: say so."""
    expected = [f"{kind}.yml" for kind in kinds]
    return [
        Problem(
            relative(path, root),
            None,
            None,
            None,
            f"not a data file this site reads{did_you_mean(path.name, expected)}; "
            f"the data files are: {', '.join(expected)}",
        )
        for path in sorted(folder.glob("*.y*ml"))
        if path.name not in expected
    ]
