"""Read data/*.yml once per build, validate every entry, and report every problem in one run.

Reading is in yamlread.py and the wording of validation errors in explain.py; this module
walks the files, keeps what validated, checks ids between files, and caches the result.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pydantic import ValidationError

from . import compat
from .crossrefs import broken_references
from .explain import problems_for
from .guide import guide_problems
from .i18n import DEFAULT
from .localise import localise
from .models import KINDS, Entry
from .problems import DataError, Problem, did_you_mean, entry_label, relative, unknown_files
from .yamlread import Document, decode, node_at, parse


class SiteData:
    """Every entry of every data file, by kind and then by id, in file order: `site.muscles["iliacus"]`."""

    def __init__(self, entries: dict[str, dict[str, Entry]] | None = None, origins: dict | None = None):
        self._entries = {kind: {} for kind in KINDS} | (entries or {})
        self._origins = origins or {}  # kind -> (file shown in messages, node tree, {id: index in the file})
        self.due: list = []  # translations whose English changed (localise.Due), for other languages

    def kind(self, name: str) -> dict[str, Entry]:
        return self._entries[name]

    def kinds(self) -> list[str]:
        return list(self._entries)

    def where(self, kind: str, entry_id: str, *loc) -> tuple[str, int | None, int | None]:
        """(file, line, column) of an entry, or of a field inside it, for messages."""
        rel, tree, index_of = self._origins.get(kind, (f"data/{kind}.yml", None, {}))
        if tree is None or entry_id not in index_of:
            return rel, None, None
        node = node_at(tree, (kind, index_of[entry_id], *loc))
        return rel, node.start_mark.line + 1, node.start_mark.column + 1

    def __getattr__(self, name: str) -> dict[str, Entry]:
        try:
            return self.__dict__["_entries"][name]
        except KeyError:
            raise AttributeError(name) from None


_cache = compat.store("data")


def parse_count() -> int:
    """How many times the data files were actually read and validated (for tests)."""
    return _cache.get("parses", 0)


def clear_cache() -> None:
    _cache.pop("entries", None)


def load(data_dir: Path, *, root: Path | None = None, lang: str = DEFAULT) -> SiteData:
    """The validated data in data_dir (in `lang`: English with data/<lang>/ words over it),
    read again only when a file (or this code) changed."""
    data_dir = Path(data_dir)
    key = _signature(data_dir)
    cached = _cache.get("entries")
    if not cached or cached[0] != key:
        _cache["entries"] = (key, read_all(data_dir, root or data_dir.parent))
        _cache["parses"] = parse_count() + 1
        _cache.pop("languages", None)
    english = _cache["entries"][1]
    if lang == DEFAULT:
        return english
    languages = _cache.setdefault("languages", {})
    if lang not in languages:
        languages[lang] = read_language(english, data_dir / lang, lang, root or data_dir.parent)
    return languages[lang]


def read_language(english: SiteData, overlay_dir: Path, lang: str, root: Path) -> SiteData:
    found = localise(english, overlay_dir, lang, root)
    if found.problems:
        raise DataError(found.problems)
    site = SiteData(found.entries, english._origins)
    site.due = found.due
    return site


def _signature(data_dir: Path) -> tuple:
    code = Path(__file__).parent
    files = sorted(data_dir.glob("*.y*ml")) + sorted(data_dir.glob("*/*.y*ml")) + sorted(code.rglob("*.py"))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def read_all(data_dir: Path, root: Path) -> SiteData:
    entries, problems, trees, failed = {}, [], {}, defaultdict(set)
    problems += unknown_files(data_dir, root, KINDS)
    for kind, model in KINDS.items():
        path = data_dir / f"{kind}.yml"
        rel = relative(path, root)
        if not path.exists():
            problems.append(Problem(rel, None, None, None, f"file is missing: every site needs data/{kind}.yml"))
            failed[kind] = None
            continue
        found, indexes, tree, file_problems, invalid = read_file(path, rel, kind, model)
        entries[kind], trees[kind] = found, (rel, tree, indexes)
        problems += file_problems
        failed[kind] = invalid
    site = SiteData(entries, trees)
    problems += _reference_problems(site, failed)
    problems += guide_problems(site, failed)
    if problems:
        raise DataError(problems)
    return site


def read_file(path: Path, rel: str, kind: str, model: type[Entry]):
    """(entries that validated, {id: index in the file}, node tree, problems,
    ids that failed — None if the file failed as a whole)."""
    text, problem = decode(path.read_bytes(), rel)
    doc = parse(text, rel) if problem is None else Document(problems=[problem])
    if doc.tree is None:
        return {}, {}, None, doc.problems or [_shape_problem(doc, rel, kind)], None
    items = _entries_of(doc, rel, kind)
    if isinstance(items, Problem):
        return {}, {}, doc.tree, [items], None
    problems, entries, first_line, indexes, invalid = list(doc.problems), {}, {}, {}, set()
    for index, item in enumerate(items):
        node = node_at(doc.tree, (kind, index))
        entry_id = item.get("id") if isinstance(item, dict) else None
        try:
            entry = model.model_validate(item)
        except ValidationError as error:
            problems += problems_for(error.errors(), model, doc.tree, (kind, index), rel, entry_id)
            if isinstance(entry_id, str):
                invalid.add(entry_id)
            continue
        if entry.id in entries:
            problems.append(
                Problem(
                    rel,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    entry.id,
                    f"duplicate id '{entry.id}' (first defined at line {first_line[entry.id]})",
                )
            )
            continue
        entries[entry.id] = entry
        first_line[entry.id] = node.start_mark.line + 1
        indexes[entry.id] = index
    return entries, indexes, doc.tree, problems, invalid


def _shape_problem(doc: Document, rel: str, kind: str) -> Problem:
    return Problem(
        rel, 1, 1, None, f"the file is empty: it needs one top-level key '{kind}:' holding a list of entries"
    )


def _entries_of(doc: Document, rel: str, kind: str):
    """The list of entries under the file's own key, or a Problem saying what is wrong."""
    raw = doc.value
    if not isinstance(raw, dict) or list(raw) != [kind]:
        found = list(raw) if isinstance(raw, dict) else type(raw).__name__
        return Problem(
            rel, 1, 1, None, f"expected one top-level key '{kind}:' holding a list of entries (found {found})"
        )
    if not isinstance(raw[kind], list):
        node = node_at(doc.tree, (kind,))
        return Problem(
            rel,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            None,
            f"'{kind}:' must hold a list of entries, each starting with '- id: ...'",
        )
    return raw[kind]


def _reference_problems(site: SiteData, failed: dict) -> list[Problem]:
    """One problem per missing id, listing every place that names it, so one renamed entry
    does not bury the real mistake under a wall of follow-on errors."""

    def skip(target: str, value) -> bool:  # the target file failed, or that entry already has its own error
        return failed.get(target) is None or value in failed[target]

    places = defaultdict(list)
    for kind, entry_id, loc, target, value in broken_references(site, skip):
        places[(target, value)].append((*site.where(kind, entry_id, *loc), entry_id, loc))
    problems = []
    for (target, value), where in places.items():
        rel, line, column, entry_id, loc = where[0]
        message = (
            f"{'.'.join(str(p) for p in loc)}: no {entry_label(target)} with id '{value}' in "
            f"data/{target}.yml{did_you_mean(value, site.kind(target))}"
        )
        if len(where) > 1:
            message += f"; also named at {', '.join(f'{r}:{ln}' for r, ln, *_ in where[1:])}"
        problems.append(Problem(rel, line, column, entry_id, message))
    return problems
