"""Editors get completion and checks from JSON Schema exported from the models."""

from __future__ import annotations

import json

from helpers import ROOT
from macros import schema
from macros.models import KINDS


def test_committed_schemas_match_the_models():
    stale = [p.name for p, text in schema.rendered().items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"run `make schema`: out of date: {stale}"


def test_each_data_file_points_at_its_schema():
    for kind in KINDS:
        first = (ROOT / "data" / f"{kind}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{kind}.schema.json", kind


def test_schema_rejects_unknown_keys_and_lists_allowed_values():
    muscles = json.loads((ROOT / "data/schema/muscles.schema.json").read_text())
    assert muscles["additionalProperties"] is False
    assert muscles["$defs"]["Muscle"]["additionalProperties"] is False
    claims = json.loads((ROOT / "data/schema/claims.schema.json").read_text())
    assert claims["$defs"]["Claim"]["properties"]["verdict"]["enum"] == [
        "supported",
        "mixed",
        "contested",
        "unsupported",
    ]
