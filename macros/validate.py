"""Check data/*.yml without building the site: `python -m macros.validate` (or `make validate`).

Prints every problem as file:line:column: entry: message and exits 1, or says all is well.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .load import load
from .problems import DataError

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else ROOT / "data"
    try:
        site = load(data_dir, root=ROOT)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(site.kind(k))} {k.replace('_', ' ')}" for k in
                       ("muscles", "exercises", "red_flags", "references", "claims", "glossary", "routines"))
    print(f"data/ is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
