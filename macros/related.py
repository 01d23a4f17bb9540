"""What every page shows, known before any page renders, and the links that follow from it.

Pages render one at a time, so while one renders it cannot ask what the others show. This
first pass reads every page's macro calls (macros/pages.py reads every page anyway) and turns
each call into the data entries it puts on the page, weighted by how much of the entry shows:

- CARD: the entry's card (a muscle, exercise, condition, self-test, routine or treatment);
- FULL: a claim in full, or a muscle's relations;
- PART: an entry a card or list names with a link (an exercise's claims, a routine's
  exercises, the conditions of a group, the claims in the claims table);
- MENTION: a citation, a fact quoted in prose, a muscle's name.

From that, with no page typing any of it:

- `homes`: each entry's own page, the one named after it that shows its card (so a muscle
  card can link to the exercises that work it);
- `related`: for each page, up to four pages that show most of the same things. Each page is
  a list of weighted entries; an entry counts more the fewer pages show it (tf-idf), and pages
  are compared by cosine similarity, so a page that shows everything (the myths page) does not
  crowd out the pages that share the few things that matter. A page that shares nothing falls
  back on the other pages of its section in the navigation;
- `themes`: the themes of the claims a page shows in full (its tags).
"""

from __future__ import annotations

import heapq
import inspect
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath

from .pages import Page, macro_calls

CARD, FULL, PART, MENTION = 3.0, 2.0, 1.0, 0.5
# Kinds whose entries have a card, and the macro that shows it.
CARDS = {
    "muscle_card": "muscles",
    "exercise_card": "exercises",
    "condition_card": "conditions",
    "self_test_card": "self_tests",
    "routine": "routines",
    "avoid_if": "treatments",
}
LIMIT = 4
# Pages that neither have related pages nor are one: the home page (every page links to it, and
# it links to every section).
NOT_RELATED = {"index.md"}
# More pages than this (and one in 20) showing an entry make it too common to count.
COMMON = 50
# Two pages must share at least this much (cosine similarity, 0 to 1) to be related.
THRESHOLD = 0.05

Entry = tuple[str, str]  # (kind, id)


@dataclass
class Survey:
    entries: dict[str, dict[Entry, float]] = field(default_factory=dict)  # page -> entry -> weight
    homes: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> page
    related: dict[str, list[str]] = field(default_factory=dict)  # page -> pages
    themes: dict[str, list[str]] = field(default_factory=dict)  # page -> claim themes


def survey(pages: list[Page], data, nav=None) -> Survey:
    """What each page shows, each entry's page, related pages and tags, from the pages' macro calls."""
    entries, cards = {}, {}
    for page in pages:
        shown: dict[Entry, float] = {}
        cards[page.rel] = set()
        for name, args, kwargs in macro_calls(page.body):
            for entry, weight in shown_by(name, args, kwargs, data):
                shown[entry] = max(weight, shown.get(entry, 0.0))
                if name in CARDS and entry[0] == CARDS[name] and weight == CARD:
                    cards[page.rel].add(entry)
        entries[page.rel] = shown
    order = nav_order(nav, [p.rel for p in pages])
    return Survey(
        entries=entries,
        homes=homes(cards),
        related=related(entries, order, nav_sections(nav)),
        themes={
            rel: sorted({data.claims[i].theme for (kind, i), w in shown.items() if kind == "claims" and w >= FULL})
            for rel, shown in entries.items()
        },
    )


@cache
def _parameters(name: str) -> tuple[inspect.Parameter, ...] | None:
    """A macro's parameters (without self); None for a name that is not a macro."""
    from .render import MACROS, Renderer

    return tuple(inspect.signature(getattr(Renderer, name)).parameters.values())[1:] if name in MACROS else None


def _bind(name: str, args: list, kwargs: dict) -> dict | None:
    """A call's arguments by parameter name, defaults filled in (None if the call does not fit
    the macro). inspect.Signature.bind does the same, several times slower."""
    parameters = _parameters(name)
    if parameters is None:
        return None
    bound, rest = {}, list(args)
    for parameter in parameters:
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            bound[parameter.name], rest = tuple(rest), []
        elif rest:
            bound[parameter.name] = rest.pop(0)
        elif parameter.name in kwargs:
            bound[parameter.name] = kwargs[parameter.name]
        elif parameter.default is not inspect.Parameter.empty:
            bound[parameter.name] = parameter.default
        else:
            return None
    if rest or set(kwargs) - set(bound):
        return None
    return bound


def shown_by(name: str, args: list, kwargs: dict, data) -> Iterator[tuple[Entry, float]]:
    """The entries one macro call puts on a page, with their weights. Unknown ids are skipped:
    the build reports them, with the page and line."""
    a = _bind(name, args, kwargs)
    if a is None:
        return

    def has(kind: str, entry_id) -> bool:
        return isinstance(entry_id, str) and entry_id in data.kind(kind)

    def card(kind: str, entry_id) -> Iterator[tuple[Entry, float]]:
        if has(kind, entry_id):
            yield (kind, entry_id), CARD

    if name == "muscle_card":
        yield from card("muscles", a["muscle_id"])
    elif name == "relations" and has("muscles", a["muscle_id"]):
        yield ("muscles", a["muscle_id"]), FULL
    elif name == "muscle_name" and has("muscles", a["muscle_id"]):
        yield ("muscles", a["muscle_id"]), MENTION
    elif name == "exercise_card" and has("exercises", a["exercise_id"]):
        exercise = data.exercises[a["exercise_id"]]
        yield from card("exercises", exercise.id)
        yield from ((("muscles", m), PART) for m in exercise.muscles.target)
        yield from ((("claims", c), PART) for c in exercise.claims)
    elif name == "condition_card" and has("conditions", a["condition_id"]):
        condition = data.conditions[a["condition_id"]]
        yield from card("conditions", condition.id)
        yield from ((("muscles", m), PART) for m in condition.muscles)
        yield from ((("claims", c), PART) for c in condition.claims)
        yield from ((("red_flags", f), PART) for f in condition.red_flags)
    elif name == "self_test_card" and has("self_tests", a["test_id"]):
        test = data.self_tests[a["test_id"]]
        yield from card("self_tests", test.id)
        yield from ((("claims", c), PART) for c in test.claims)
    elif name == "routine" and has("routines", a["routine_id"]):
        routine = data.routines[a["routine_id"]]
        yield from card("routines", routine.id)
        yield from ((("exercises", s.exercise), PART) for s in routine.steps)
    elif name == "avoid_if" and has("treatments", a["treatment_id"]):
        treatment = data.treatments[a["treatment_id"]]
        yield from card("treatments", treatment.id)
        yield from ((("claims", c), PART) for c in treatment.claims)
    elif name == "claim" and has("claims", a["claim_id"]):
        yield ("claims", a["claim_id"]), FULL
    elif name == "claims":
        yield from ((("claims", c.id), FULL) for c in data.claims.values() if a["theme"] in (None, c.theme))
    elif name == "claims_table":
        yield from ((("claims", c), PART) for c in data.claims)
    elif name == "conditions":
        yield from ((("conditions", c.id), PART) for c in data.conditions.values() if a["group"] in (None, c.group))
    elif name == "red_flags":
        yield from (
            (("red_flags", f.id), PART)
            for f in data.red_flags.values()
            if a["tier"] in (None, f.tier) and a["region"] in (None, f.region)
        )
    elif name == "pain_map":
        for region in data.pain_regions.values():
            yield ("pain_regions", region.id), PART
            yield from ((("conditions", c), PART) for c in region.conditions)
    elif name == "cite":
        yield from ((("references", r), MENTION) for r in a["ref_ids"] if has("references", r))
    elif name == "fact" and isinstance(a["path"], str):
        kind, _, rest = a["path"].partition(".")
        entry_id = rest.partition(".")[0]
        if kind in data.kinds() and has(kind, entry_id):
            yield (kind, entry_id), MENTION


def homes(cards: dict[str, set[Entry]]) -> dict[str, dict[str, str]]:
    """Each entry's own page: the page named after it that shows its card, else the page that
    shows its card among the fewest other cards (an exercise on its page, not in a routine)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    candidates: dict[Entry, list[str]] = defaultdict(list)
    how_many: dict[tuple[str, str], int] = defaultdict(int)  # (page, kind) -> cards of that kind
    for rel, shown in sorted(cards.items()):
        for entry in shown:
            candidates[entry].append(rel)
            how_many[rel, entry[0]] += 1
    for (kind, entry_id), rels in candidates.items():
        found[kind][entry_id] = min(
            rels, key=lambda rel: (PurePosixPath(rel).stem != entry_id, how_many[rel, kind], rel)
        )
    return dict(found)


def related(
    entries: dict[str, dict[Entry, float]], order: list[str], sections: list[list[str]], limit: int = LIMIT
) -> dict[str, list[str]]:
    """Up to `limit` pages for each page, most alike first (tf-idf weights, cosine similarity)."""
    showing = [shown for shown in entries.values() if shown]
    count: dict[Entry, int] = defaultdict(int)
    for shown in showing:
        for entry in shown:
            count[entry] += 1
    # An entry shown on more than COMMON pages (and on more than one page in 20) tells pages apart
    # as little as one every page shows: it counts for nothing (and keeps large sites fast).
    common = max(COMMON, len(showing) // 20)
    rarity = {entry: math.log(len(showing) / n) if n <= common else 0.0 for entry, n in count.items()}
    vectors = {rel: {e: w * rarity[e] for e, w in shown.items() if rarity[e] > 0} for rel, shown in entries.items()}
    norms = {rel: math.sqrt(sum(x * x for x in v.values())) for rel, v in vectors.items()}
    # Which pages hold each entry, so a page is compared only with pages it shares something with.
    holders: dict[Entry, list[tuple[str, float]]] = defaultdict(list)
    for rel, vector in vectors.items():
        if rel not in NOT_RELATED:
            for entry, weight in vector.items():
                holders[entry].append((rel, weight))
    position = {rel: n for n, rel in enumerate(order)}
    section_of = {rel: section for section in sections for rel in section}
    found = {}
    for rel, mine in vectors.items():
        if rel in NOT_RELATED:
            found[rel] = []
            continue
        dot: dict[str, float] = defaultdict(float)
        for entry, weight in mine.items():
            for other, theirs in holders[entry]:
                dot[other] += weight * theirs
        dot.pop(rel, None)
        scores = [
            (-score, position.get(other, len(order)), other)
            for other, total in dot.items()
            if (score := total / (norms[rel] * norms[other])) >= THRESHOLD
        ]
        chosen = [other for _, _, other in heapq.nsmallest(limit, scores)]
        if not chosen:  # nothing in common with any page: its neighbours in the navigation
            section = section_of.get(rel, [])
            chosen = [other for other in section if other != rel and other not in NOT_RELATED][:limit]
        found[rel] = chosen
    return found


def _nav_items(nav) -> Iterator[tuple[str, list | str]]:
    for item in nav or []:
        if isinstance(item, dict):
            yield from item.items()
        else:
            yield "", item


def nav_sections(nav) -> list[list[str]]:
    """The pages of each section of the navigation (mkdocs.yml `nav`), sections in order."""
    sections, pages = [], []
    for _, value in _nav_items(nav):
        if isinstance(value, list):
            sections += nav_sections(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return [pages, *sections] if pages else sections


def nav_order(nav, rels: list[str]) -> list[str]:
    """Every page in navigation order, then the pages the navigation leaves out."""
    listed = []

    def walk(items):
        for _, value in _nav_items(items):
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                listed.append(value)

    walk(nav)
    return listed + sorted(set(rels) - set(listed))
