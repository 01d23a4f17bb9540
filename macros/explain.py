"""Turn pydantic's validation errors into messages a contributor can act on.

Each message names the field in the words of data/*.yml, quotes (a short piece of) the
value, and offers a close match for a misspelt field name or allowed value.
"""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from .models import ID_PATTERN
from .problems import Problem, close_matches, did_you_mean
from .yamlread import key_node, node_at

QUOTE_LIMIT = 60


def problems_for(errors: list[dict], model: type[BaseModel], tree, prefix: tuple, rel: str, entry_id) -> list[Problem]:
    """One Problem per real mistake in an entry (a misspelt field is not also reported missing)."""
    entry = entry_id if isinstance(entry_id, str) else None
    return [_problem(err, model, tree, prefix, rel, entry) for err in _without_echoes(errors, model)]


def quote(value) -> str:
    """repr() of a value, cut short: a 1 MB definition must not fill the terminal."""
    text = repr(value)
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 5] + "…" + text[-4:]


def _without_echoes(errors: list[dict], model: type[BaseModel]) -> list[dict]:
    """Drop "missing 'origin'" when the same entry has the typo 'orgin': one mistake, one message."""
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            for match in close_matches(loc[-1], fields_at(model, loc[:-1]), n=1):
                typos.add((*loc[:-1], match))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in typos)]


def _problem(err: dict, model: type[BaseModel], tree, prefix: tuple, rel: str, entry) -> Problem:
    loc = tuple(err["loc"])
    node = node_at(tree, prefix + loc)
    if err["type"] == "extra_forbidden":  # point at the misspelt key itself
        node = key_node(tree, prefix + loc) or node
    return Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, entry, message(err, model))


def message(err: dict, model: type[BaseModel]) -> str:
    loc = tuple(err["loc"])
    name = ".".join(str(p) for p in loc) or "entry"
    value, kind, ctx = err.get("input"), err["type"], err.get("ctx", {})
    if kind == "extra_forbidden":
        known = fields_at(model, loc[:-1])
        hint = did_you_mean(loc[-1], known)
        text = f"unknown field '{loc[-1]}'{hint}"
        return text + ("; allowed here: " + ", ".join(sorted(known)) if known and not hint else "")
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "string_type" and isinstance(value, bool):
        return f"field '{name}': expected text, but YAML read a bare yes/no/on/off as {value}; put it in quotes"
    if kind == "string_too_long":
        return (
            f"field '{name}': text is {len(value):,} characters long; at most {ctx['max_length']:,} "
            "are allowed here (split it, or move detail into a page)"
        )
    if kind == "literal_error":
        allowed = ctx.get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ",").split(",") if o.strip(" '")]
        return f"field '{name}': expected one of {allowed} (got {quote(value)}){did_you_mean(str(value), options)}"
    if kind == "string_pattern_mismatch" and ID_PATTERN in repr(_annotation_at(model, loc)):
        return (
            f"field '{name}': {quote(value)} is not a valid id; use lowercase words and digits "
            f"joined by hyphens, e.g. '{_slug(value)}'"
        )
    if kind.startswith("date"):
        return f"field '{name}': {quote(value)} is not a real date; write it as \"YYYY-MM-DD\" ({err['msg'].lower()})"
    if kind == "value_error":
        text = err["msg"].removeprefix("Value error, ")
        return f"field '{name}': {text}" if any(isinstance(p, str) for p in loc) else text
    return f"field '{name}': {err['msg'][0].lower()}{err['msg'][1:]} (got {quote(value)})"


def fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model that loc points into."""
    current: typing.Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        inner = _model_in(field.annotation) if field is not None else None
        if inner is None:
            return []
        current = inner
    return list(current.model_fields) if _is_model(current) else []


def _annotation_at(model, loc):
    current, annotation = model, None
    for part in loc:
        if isinstance(part, int):
            continue
        if not _is_model(current) or part not in current.model_fields:
            return None
        annotation = current.model_fields[part]
        current = _model_in(annotation.annotation)
    return annotation


def _model_in(annotation):
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _is_model(obj) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _slug(value) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "my-entry"
