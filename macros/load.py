"""Read data/*.yml once per build, keep line numbers, validate, and report every problem.

YAML is composed into a node tree first (which knows lines and columns) and then
constructed into Python objects, so one parse serves both the data and the messages.
"""

from __future__ import annotations

import datetime
import re
import sys
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .crossrefs import check_references
from .models import ID_PATTERN, KINDS, Entry
from .problems import DataError, Problem, close_matches, did_you_mean

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SiteData:
    """Every entry of every file, by kind and then by id, in file order."""

    muscles: dict = field(default_factory=dict)
    exercises: dict = field(default_factory=dict)
    red_flags: dict = field(default_factory=dict)
    references: dict = field(default_factory=dict)
    claims: dict = field(default_factory=dict)
    glossary: dict = field(default_factory=dict)
    routines: dict = field(default_factory=dict)
    pain_regions: dict = field(default_factory=dict)

    def kind(self, name: str) -> dict:
        return getattr(self, name)


@dataclass
class Unchecked:
    """Ids that exist in a file but failed validation, and files that could not be read at all,
    so cross-reference checks do not add a second, misleading error for the same mistake."""

    ids: dict = field(default_factory=dict)
    files: set = field(default_factory=set)

    def skip(self, kind: str, value) -> bool:
        return kind in self.files or value in self.ids.get(kind, ())


# The cache lives in an object registered in sys.modules so that it survives a tool that
# re-executes this package for every page (Zensical does); keyed on modification times.
_cache = sys.modules.setdefault("_iliopsoas_data_cache", types.ModuleType("_iliopsoas_data_cache"))
_cache.__dict__.setdefault("entries", {})
_cache.__dict__.setdefault("parses", 0)


def parse_count() -> int:
    """How many times the data files were actually read and validated (for tests)."""
    return _cache.parses


def clear_cache() -> None:
    _cache.entries.clear()


def load(data_dir: Path, *, root: Path | None = None) -> SiteData:
    """The validated data in data_dir, read again only when a file (or this code) changed."""
    data_dir = Path(data_dir)
    key = _signature(data_dir)
    if key not in _cache.entries:
        _cache.entries.clear()
        _cache.entries[key] = _read_all(data_dir, root or data_dir.parent)
        _cache.parses += 1
    return _cache.entries[key]


def _signature(data_dir: Path) -> tuple:
    code = Path(__file__).parent
    files = sorted(data_dir.glob("*.yml")) + sorted(code.rglob("*.py"))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _read_all(data_dir: Path, root: Path) -> SiteData:
    site, problems, trees, unchecked = SiteData(), [], {}, Unchecked()
    for kind, model in KINDS.items():
        path = data_dir / f"{kind}.yml"
        rel = _relative(path, root)
        if not path.exists():
            problems.append(Problem(rel, None, None, None, f"file is missing: every site needs data/{kind}.yml"))
            unchecked.files.add(kind)
            continue
        entries, tree, found, invalid = _read_file(path, rel, kind, model)
        site.kind(kind).update(entries)
        trees[kind] = (rel, tree)
        problems += found
        if invalid is None:
            unchecked.files.add(kind)
        else:
            unchecked.ids[kind] = invalid
    for kind, index, loc, message in check_references(site, unchecked.skip):
        rel, tree = trees[kind]
        node = node_at(tree, (kind, index, *loc))
        entry_id = list(site.kind(kind))[index]
        problems.append(Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, entry_id, message))
    if problems:
        raise DataError(problems)
    return site


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_file(path: Path, rel: str, kind: str, model: type[Entry]):
    """Entries that validated, the node tree, the problems found, and the ids that failed
    (None when the file could not be read as a list of entries at all)."""
    try:
        loader = Loader(path.read_text(encoding="utf-8"))
        try:
            tree = loader.get_single_node()
            raw = loader.construct_document(tree) if tree is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return {}, None, [Problem(rel, mark.line + 1, mark.column + 1, None,
                                  f"YAML syntax error: {error.problem or error.context}")], None
    top = _top_level(raw, tree, rel, kind)
    if isinstance(top, Problem):
        return {}, tree, [top], None
    problems = _duplicate_keys(tree, rel)
    entries: dict[str, Entry] = {}
    first_line: dict[str, int] = {}
    invalid: set[str] = set()
    for index, item in enumerate(top):
        node = node_at(tree, (kind, index))
        entry_id = item.get("id") if isinstance(item, dict) else None
        try:
            entry = model.model_validate(item)
        except ValidationError as error:
            for err in _without_echoes(error.errors(), model):
                problems.append(_describe(err, model, tree, (kind, index), rel, entry_id))
            if isinstance(entry_id, str):
                invalid.add(entry_id)
            continue
        if entry.id in entries:
            problems.append(Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, entry.id,
                                    f"duplicate id '{entry.id}' (first defined at line {first_line[entry.id]})"))
            continue
        entries[entry.id] = entry
        first_line[entry.id] = node.start_mark.line + 1
    return entries, tree, problems, invalid


def _without_echoes(errors: list[dict], model: type[BaseModel]) -> list[dict]:
    """Drop "missing 'origin'" when the same entry has the typo 'orgin': one mistake, one message."""
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            for match in close_matches(loc[-1], _fields_at(model, loc[:-1]), n=1):
                typos.add(loc[:-1] + (match,))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in typos)]


def _top_level(raw, tree, rel: str, kind: str):
    """The list of entries under the file's own key, or a Problem saying what is wrong."""
    if not isinstance(raw, dict) or list(raw) != [kind]:
        found = list(raw) if isinstance(raw, dict) else type(raw).__name__
        return Problem(rel, 1, 1, None, f"expected one top-level key '{kind}:' holding a list of entries "
                                        f"(found {found})")
    if not isinstance(raw[kind], list):
        node = node_at(tree, (kind,))
        return Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, None,
                       f"'{kind}:' must hold a list of entries, each starting with '- id: ...'")
    return raw[kind]


def _duplicate_keys(tree, rel: str) -> list[Problem]:
    """YAML quietly keeps the last of two equal keys; a contributor would rather know."""
    problems, stack = [], [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    problems.append(Problem(rel, key.start_mark.line + 1, key.start_mark.column + 1, None,
                                            f"key '{key.value}' appears twice in the same entry"))
                seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def node_at(node, loc):
    """The deepest node along loc (keys and list indexes); for an unknown key, the key itself."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            children = {key.value: value for key, value in node.value}
            if part not in children:
                return node
            node = children[part]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def _describe(err: dict, model: type[BaseModel], tree, prefix: tuple, rel: str, entry_id) -> Problem:
    loc = tuple(err["loc"])
    fields = [str(p) for p in loc if isinstance(p, str)]
    name = ".".join(str(p) for p in loc) or "entry"
    value = err.get("input")
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        hint = did_you_mean(loc[-1], known)
        message = f"unknown field '{loc[-1]}'{hint}"
        if known and not hint:
            message += "; allowed here: " + ", ".join(sorted(known))
    elif kind == "missing":
        message = f"missing required field '{name}'"
    elif kind == "string_type" and isinstance(value, (datetime.date, datetime.datetime)):
        message = (f"field '{name}': expected text, but YAML read {value.isoformat()} as a date; "
                   f"put it in quotes: \"{value.isoformat()}\"")
    elif kind == "string_type" and isinstance(value, bool):
        message = (f"field '{name}': expected text, but YAML read a bare yes/no/on/off as {value}; "
                   "put it in quotes")
    elif kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ",").split(",") if o.strip(" '")]
        message = f"field '{name}': expected one of {allowed} (got {value!r}){did_you_mean(str(value), options)}"
    elif kind == "string_pattern_mismatch" and _is_id_field(model, loc):
        message = (f"field '{name}': {value!r} is not a valid id; use lowercase words and digits "
                   f"joined by hyphens, e.g. '{_slug(value)}'")
    elif kind == "value_error":
        message = f"{'field ' + repr(name) + ': ' if fields else ''}{err['msg'].removeprefix('Value error, ')}"
    else:
        message = f"field '{name}': {err['msg'][0].lower()}{err['msg'][1:]} (got {value!r})"
    node = node_at(tree, prefix + loc)
    # For an unknown field, node_at stops at the key node, which is where the typo is.
    if kind == "extra_forbidden":
        node = _key_node(tree, prefix + loc) or node
    return Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1,
                   entry_id if isinstance(entry_id, str) else None, message)


def _key_node(tree, loc):
    parent = node_at(tree, loc[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _ in parent.value:
            if key.value == loc[-1]:
                return key
    return None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model that loc points into."""
    current: typing.Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        inner = _model_in(current.model_fields[part].annotation) if _is_model(current) else None
        if inner is None:
            return []
        current = inner
    return list(current.model_fields) if _is_model(current) else []


def _is_id_field(model: type[BaseModel], loc: tuple) -> bool:
    """True when loc names a field typed as an id (or a list of ids)."""
    return ID_PATTERN in repr(_annotation_at(model, loc))


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


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "my-entry"
