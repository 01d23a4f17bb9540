"""Export JSON Schema for each data file, so editors complete and check fields as you type.

    python -m macros.schema           # write data/schema/<file>.schema.json
    python -m macros.schema --check   # exit 1 if the committed files are out of date

Each data file points at its schema on its first line:
    # yaml-language-server: $schema=schema/muscles.schema.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import create_model

from .models import KINDS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "data" / "schema"


def schema_for(kind: str) -> dict:
    """The schema of a whole file: one key, named like the file, holding a list of entries."""
    wrapper = create_model(kind, __config__={"extra": "forbid"}, **{kind: (list[KINDS[kind]], ...)})
    schema = wrapper.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"data/{kind}.yml"
    schema["description"] = (
        f"Entries of data/{kind}.yml. Generated from macros/models.py by `make schema`; do not edit by hand."
    )
    return schema


def schema_text(kind: str) -> str:
    """The schema as the file holds it (data/schema/ and the built site's data/ folder)."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def rendered() -> dict[Path, str]:
    return {SCHEMA_DIR / f"{kind}.schema.json": schema_text(kind) for kind in KINDS}


def main(argv: list[str]) -> int:
    files = rendered()
    if "--check" in argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run `make schema`")
        return 1 if stale else 0
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
