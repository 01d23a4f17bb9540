"""Which fields of one entry name entries of another file, and which of those ids do not exist.

The table below is the whole rule: for each kind, which fields hold ids, and of what.
A `*` in a path walks every item of a list. Every kind in models.KINDS has a row.
"""

from __future__ import annotations

from collections.abc import Iterator

POINTERS: dict[str, list[tuple[str, str]]] = {
    "muscles": [
        ("synergists", "muscles"),
        ("antagonists", "muscles"),
        ("sources", "references"),
        *[
            (f"row_sources.{row}", "references")
            for row in ("origin", "insertion", "actions", "innervation", "blood_supply", "prevalence")
        ],
        ("relations.*.sources", "references"),
        ("disagreements.*.sources", "references"),
    ],
    "exercises": [
        ("muscles.target", "muscles"),
        ("muscles.synergists", "muscles"),
        ("muscles.stabilisers", "muscles"),
        ("dose.sources", "references"),
        ("cautions.sources", "references"),
        ("claims", "claims"),
        ("disagreements.*.sources", "references"),
    ],
    "self_tests": [("cautions.sources", "references"), ("claims", "claims"), ("sources", "references")],
    "red_flags": [("sources", "references")],
    "claims": [("references", "references")],
    "routines": [("steps.*.exercise", "exercises")],
    "pain_regions": [("causes.*.claims", "claims"), ("red_flags", "red_flags"), ("conditions", "conditions")],
    "conditions": [
        ("muscles", "muscles"),
        ("red_flags", "red_flags"),
        ("claims", "claims"),
        ("references", "references"),
    ],
    "treatments": [("avoid_if.*.sources", "references"), ("claims", "claims")],
    "symptom_path": [
        ("answers.*.next", "symptom_path"),
        ("red_flags", "red_flags"),
        ("conditions", "conditions"),
        ("exercises", "exercises"),
        ("claims", "claims"),
        ("watch_for", "red_flags"),
        ("sources", "references"),
    ],
    "references": [],
    "glossary": [],
}


def broken_references(site, skip=lambda kind, value: False) -> Iterator[tuple[str, str, tuple, str, str]]:
    """(kind, entry id, loc inside the entry, target kind, id) for each id that does not exist.

    `skip(target_kind, id)` says an id is already reported as broken in its own file."""
    for kind, pointers in POINTERS.items():
        for entry in site.kind(kind).values():
            for path, target in pointers:
                known = site.kind(target)
                for loc, value in ids_at(entry, path.split(".")):
                    if value not in known and not skip(target, value):
                        yield kind, entry.id, loc, target, value


def cited(site, target: str) -> set[str]:
    """Every id of `target` kind that some entry points at (e.g. every reference in use)."""
    found = set()
    for kind, pointers in POINTERS.items():
        for entry in site.kind(kind).values():
            for path, kind_pointed in pointers:
                if kind_pointed == target:
                    found |= {value for _, value in ids_at(entry, path.split("."))}
    return found


def ids_at(obj, parts: list[str], loc: tuple = ()):
    """(loc, id) for every id at the path; a list of ids yields each with its index."""
    if obj is None:  # an optional part the entry leaves out
        return
    if not parts:
        if isinstance(obj, (list, tuple)):
            for i, value in enumerate(obj):
                yield (*loc, i), value
        elif obj is not None:
            yield loc, obj
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        for i, item in enumerate(obj or ()):
            yield from ids_at(item, rest, (*loc, i))
    else:
        yield from ids_at(getattr(obj, head), rest, (*loc, head))
