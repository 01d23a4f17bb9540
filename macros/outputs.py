"""Files the build writes beside the pages: open data, citation files, calendars.

Each writer is `writer(data, site_dir, conf)`; it writes under site_dir and returns the paths
it wrote. They run from the macros package's on_post_build, so a plain `mkdocs build` (and
`make build`, `make serve`, the tests) makes them too. Add a writer to WRITERS.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Writer = Callable[[object, Path, dict], list[Path]]
WRITERS: list[Writer] = []


def write_all(data, site_dir: Path, conf: dict) -> list[Path]:
    written: list[Path] = []
    for writer in WRITERS:
        written += writer(data, site_dir, conf)
    return written


def _register() -> None:
    """The writers, in the order they run (imported here, so each module may import this one)."""
    from .calendars import write_routine_calendars
    from .opendata import write_open_data
    from .quizcsv import write_quiz_csv

    WRITERS.append(write_open_data)  # data/*.json with schemas, references.bib/.ris/.csl.json
    WRITERS.append(write_routine_calendars)  # calendars/<routine>.ics
    WRITERS.append(write_quiz_csv)  # quiz.csv for Anki


_register()
