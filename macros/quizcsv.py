"""The quiz as flashcards: quiz.csv beside the pages, for Anki or any app that reads CSV.

Written at build time with Python's csv module rather than in the browser: the quoting is
the standard library's (tested by reading the file back), the file downloads with JavaScript
off, and the page's script stays free of CSV code. The first lines are Anki's file headers
(comma separator, plain text, tags in the third column); Anki reads them, and other programs
can skip lines that start with '#'.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .figures import Figures
from .links import Links
from .pages import all_pages
from .quiz import card_homes
from .render import Renderer

FILE = "quiz.csv"
HEADERS = ("#separator:Comma", "#html:false", "#tags column:3")


def quiz_csv(renderer, site_url: str) -> str:
    out = io.StringIO()
    out.write("\n".join(HEADERS) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(renderer.quiz_cards(site_url))
    return out.getvalue()


def write_quiz_csv(data, site_dir: Path, conf) -> list[Path]:
    root = Path(conf["config_file_path"]).parent
    docs_dir = Path(conf["docs_dir"])
    site_pages = dict(conf["extra"].get("site_pages") or {})
    renderer = Renderer(
        data,
        Figures(root / "figures"),
        links=lambda: Links("", conf["use_directory_urls"], site_pages),
        lang=conf["theme"]["language"],
        card_pages=card_homes(all_pages(docs_dir)),
    )
    path = Path(site_dir) / FILE
    path.write_text(quiz_csv(renderer, conf["site_url"] or "/"), encoding="utf-8", newline="")
    return [path]
