"""Data in another language: `data/<lang>/<kind>.yml` gives, entry by entry, the words in that language.

Only prose is translated: fields typed Name, Line, Text or Note (models.Prose), except those a
model lists in `untranslated` (a reference's title stays as published). Ids, numbers, dates,
doses, links and sources come from the English file and are never repeated. An entry in an
overlay names its `id`, mirrors the English entry's prose fields (lists item by item, except
the lists a model calls `free_lists`, such as other names, which may differ in length), and
records `source_hash`: the hash of the English words it translates. When the English changes,
the hash no longer matches and the entry is listed as due (`make translations-due`).
"""

from __future__ import annotations

import hashlib
import json
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .explain import problems_for
from .models import KINDS, Prose
from .problems import Problem, did_you_mean, relative, unknown_files
from .yamlread import decode, node_at, parse

TEXT = "text"
HASH_KEY = "source_hash"


# ---------------------------------------------------------------- which fields are prose


def spec_of(model: type[BaseModel]) -> dict:
    """{field: TEXT | ("list", spec) | ("free", spec) | {nested spec}} for a model's prose fields."""
    spec = {}
    skip = getattr(model, "untranslated", frozenset())
    free = getattr(model, "free_lists", frozenset())
    for name, info in model.model_fields.items():
        kind = None if name in skip else _kind(info.annotation, info.metadata)
        if kind is None:
            continue
        spec[name] = ("free", kind[1]) if name in free and isinstance(kind, tuple) else kind
    return spec


def _kind(annotation, metadata=()):
    if any(isinstance(m, Prose) for m in metadata):
        return TEXT
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _kind(inner, extra)
    if origin in (Union, types.UnionType):
        kinds = [_kind(arg) for arg in get_args(annotation) if arg is not type(None)]
        return kinds[0] if len(kinds) == 1 else None
    if origin is list:
        inner = _kind(get_args(annotation)[0])
        return ("list", inner) if inner else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return spec_of(annotation) or None
    return None


def project(value: dict, spec: dict) -> dict:
    """Only the prose of an entry (as a JSON-ready dict), leaving out empty fields."""
    out = {}
    for name, kind in spec.items():
        item = value.get(name)
        if item in (None, "", [], {}):
            continue
        out[name] = _project(item, kind)
    return out


def _project(item, kind):
    if kind == TEXT:
        return item
    if isinstance(kind, tuple):
        return [_project(x, kind[1]) for x in item]
    return project(item, kind)


def source_hash(prose: dict) -> str:
    """A short, stable fingerprint of the English words an overlay entry translates."""
    text = json.dumps(prose, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def english_prose(entry: BaseModel) -> dict:
    return project(entry.model_dump(mode="json"), spec_of(type(entry)))


# ---------------------------------------------------------------- reading an overlay


@dataclass
class Due:
    """A translation whose English changed since it was made (or that does not exist yet)."""

    where: str  # data/es/muscles.yml:12 or docs/es/page.md
    what: str  # the entry id or page

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Localised:
    entries: dict = field(default_factory=dict)  # kind -> {id: localised entry}
    problems: list[Problem] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)


def localise(english, overlay_dir: Path, lang: str, root: Path) -> Localised:
    """Every entry of `english` (a SiteData) in `lang`, with problems and what is due."""
    result = Localised()
    for kind, model in KINDS.items():
        spec = spec_of(model)
        entries = english.kind(kind)
        needed = {i: english_prose(e) for i, e in entries.items()}
        needed = {i: prose for i, prose in needed.items() if prose}
        result.entries[kind] = dict(entries)
        if not needed:
            continue
        path = overlay_dir / f"{kind}.yml"
        rel = relative(path, root)
        if not path.exists():
            result.problems.append(
                Problem(rel, None, None, None, f"file is missing: it must give the {lang} words of data/{kind}.yml")
            )
            continue
        _read_overlay(path, rel, kind, model, spec, entries, needed, result)
    result.problems += unknown_files(overlay_dir, root, KINDS)
    return result


def _read_overlay(path, rel, kind, model, spec, entries, needed, result: Localised) -> None:
    text, problem = decode(path.read_bytes(), rel)
    doc = parse(text, rel) if problem is None else None
    if doc is None or doc.tree is None:
        result.problems += [problem] if problem else doc.problems
        return
    result.problems += doc.problems
    raw = doc.value
    if not isinstance(raw, dict) or list(raw) != [kind] or not isinstance(raw[kind], list):
        result.problems.append(Problem(rel, 1, 1, None, f"expected one top-level key '{kind}:' holding a list"))
        return
    seen = set()
    for index, item in enumerate(raw[kind]):
        node = node_at(doc.tree, (kind, index))
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        entry_id = item.get("id") if isinstance(item, dict) else None
        if entry_id not in entries:
            result.problems.append(
                Problem(
                    rel,
                    line,
                    column,
                    entry_id,
                    f"no entry with this id in data/{kind}.yml{did_you_mean(str(entry_id), entries)}",
                )
            )
            continue
        if entry_id in seen:
            result.problems.append(Problem(rel, line, column, entry_id, "this id is translated twice"))
            continue
        seen.add(entry_id)
        english = needed.get(entry_id, {})
        words = {k: v for k, v in item.items() if k not in ("id", HASH_KEY)}
        gaps = list(_compare(english, words, spec, ()))
        for loc, message in gaps:
            at = node_at(doc.tree, (kind, index, *loc)) if loc else node
            result.problems.append(Problem(rel, at.start_mark.line + 1, at.start_mark.column + 1, entry_id, message))
        if gaps:
            continue
        merged = _merge(entries[entry_id].model_dump(mode="python"), words, spec)
        try:
            result.entries[kind][entry_id] = model.model_validate(merged)
        except ValidationError as error:
            result.problems += problems_for(error.errors(), model, doc.tree, (kind, index), rel, entry_id)
            continue
        if item.get(HASH_KEY) != source_hash(english):
            result.due.append(Due(f"{rel}:{line}", f"{entry_id} (the English in data/{kind}.yml changed)"))
    for entry_id in needed:
        if entry_id not in seen:
            result.problems.append(
                Problem(rel, None, None, entry_id, f"not translated: add '- id: {entry_id}' with its words")
            )


def _compare(english: dict, words, spec: dict, loc: tuple):
    """(location, message) for each way `words` does not mirror the English prose."""
    if not isinstance(words, dict):
        yield loc, "expected 'field: words' lines here, as in the English entry"
        return
    for name in english:
        if name not in words:
            yield loc, f"field '{'.'.join(map(str, (*loc, name)))}' is missing: the English has words for it"
    for name, value in words.items():
        here = (*loc, name)
        label = ".".join(map(str, here))
        if name not in spec:
            yield here, f"'{label}' is not translated: ids, numbers and sources come from the English file"
        elif name not in english and not (isinstance(spec[name], tuple) and spec[name][0] == "free"):
            yield here, f"'{label}': the English entry has no words here"
        elif name not in english:
            continue
        else:
            yield from _compare_value(english[name], value, spec[name], here, label)


def _compare_value(english, value, kind, here, label):
    if kind == TEXT:
        if not isinstance(value, str) or not value.strip():
            yield here, f"'{label}': expected the words in this language"
        return
    if isinstance(kind, tuple):
        if not isinstance(value, list):
            yield here, f"'{label}': expected a list, as in the English entry"
            return
        if kind[0] == "list" and len(value) != len(english):
            yield here, f"'{label}': {len(value)} items, but the English has {len(english)}: translate item by item"
            return
        if kind[0] == "list":
            for i, (eng, val) in enumerate(zip(english, value, strict=True)):
                yield from _compare_value(eng, val, kind[1], (*here, i), f"{label}.{i}")
        return
    yield from _compare(english, value, kind, here)


def _merge(full: dict, words: dict, spec: dict) -> dict:
    out = dict(full)
    for name, value in words.items():
        kind = spec[name]
        if kind == TEXT or (isinstance(kind, tuple) and (kind[0] == "free" or kind[1] == TEXT)):
            out[name] = value
        elif isinstance(kind, tuple):
            out[name] = [_merge(f, w, kind[1]) for f, w in zip(full[name], value, strict=True)]
        else:
            out[name] = _merge(full[name], value, kind)
    return out
