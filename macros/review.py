"""Which pages and data entries are due for review: `python -m macros.review` (or `make review-due`).

A page is due when its front matter `next_review` has passed or falls within the window
(30 days by default); a data entry is due by its optional `next_review` field. The build
prints the same list as a notice, without failing.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from .models import KINDS, Reviewed
from .pages import all_pages

ROOT = Path(__file__).resolve().parents[1]
WINDOW_DAYS = 30


@dataclass(frozen=True, order=True)
class Due:
    when: datetime.date
    what: str

    def __str__(self) -> str:
        return f"{self.when.isoformat()}  {self.what}"


def pages_due(docs: Path, until: datetime.date) -> list[Due]:
    found = []
    for page in all_pages(docs):
        rel = f"{docs.name}/{page.rel}"
        when = page.meta.next_review
        if when is None:
            found.append(Due(datetime.date.min, f"{rel} (no next_review in its front matter)"))
        elif when <= until:
            found.append(Due(when, rel))
    return found


def entries_due(site, until: datetime.date) -> list[Due]:
    found = []
    for kind in [k for k, model in KINDS.items() if issubclass(model, Reviewed)]:
        for entry in site.kind(kind).values():
            if entry.next_review is not None and entry.next_review <= until:
                found.append(Due(entry.next_review, f"data/{kind}.yml: {entry.id}"))
    return found


def due(root: Path, site, today: datetime.date, days: int = WINDOW_DAYS) -> list[Due]:
    until = today + datetime.timedelta(days=days)
    return sorted(pages_due(root / "docs", until) + entries_due(site, until))


def main(argv: list[str]) -> int:
    from .load import load

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=WINDOW_DAYS, help="look this many days ahead (default 30)")
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="pretend today is this date (YYYY-MM-DD)",
    )
    args = parser.parse_args(argv)
    items = due(ROOT, load(ROOT / "data", root=ROOT), args.today, args.days)
    if not items:
        print(f"nothing is due for review in the next {args.days} days")
        return 0
    print(f"{len(items)} due for review by {(args.today + datetime.timedelta(days=args.days)).isoformat()}:")
    for item in items:
        print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
