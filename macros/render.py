"""One small method per macro: look the entry up, hand it to its template.

Python chooses and orders data; the templates in templates/ write every piece of markup,
with autoescaping on, so text from data/ can never become markup on a page. Each Renderer
has its own Jinja environment whose globals are this Renderer's helpers, so templates call
back into the Renderer that is rendering them and nothing else.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import get_args

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .figures import Figures, label_point
from .i18n import DEFAULT, translator
from .inert import inert, inert_text
from .links import Links, condition_role
from .models import KINDS, SECONDS_BETWEEN_STEPS, Condition, Exercise, Region, Tier, Verdict
from .problems import MacroError, did_you_mean, entry_label

TEMPLATES = Path(__file__).parent / "templates"

# The allowed values, in display order, as the models define them.
TIERS = get_args(Tier)
REGIONS = get_args(Region)
VERDICTS = get_args(Verdict)
GROUPS = get_args(Condition.model_fields["group"].annotation)
STAGES = ("start", "end")
EXERCISE_KINDS = get_args(Exercise.model_fields["kind"].annotation)
# How exercise_list() groups the kinds, in display order: (group id, kinds). The group id is
# its heading's anchor; templates/exercise_list.html holds the heading words.
EXERCISE_GROUPS = (
    ("stretches", ("stretch",)),
    ("strength-and-endurance", ("strength", "endurance")),
    ("rest-and-habits", ("relaxation", "habit")),
)
GROUP_NAMES = {
    "iliopsoas": "the iliopsoas itself",
    "nerves": "the nerves around it",
    "other-groin": "other causes of groin and hip pain",
}


# Marks a line a template wants read as Markdown (a card's section heading), not raw HTML.
# Data cannot contain it (models refuse control characters) and never starts a line.
MARKDOWN_LINE = "\x01"


def block(html: str) -> Markup:
    """Drop blank lines and indentation so Markdown keeps the output as one raw HTML block,
    except around the Markdown lines a template asked for (they need blank lines)."""
    lines = []
    for line in (line.strip(" \t") for line in html.splitlines()):
        if line.startswith(MARKDOWN_LINE):
            lines += ["", line.removeprefix(MARKDOWN_LINE), ""]
        elif line:
            lines.append(line)
    return Markup("\n".join(lines).strip("\n"))


def markdown_heading(level: int, anchor: str, text: str) -> Markup:
    """A card's section heading written as Markdown, so it joins the page's table of contents.
    The card around it carries markdown="1" (md_in_html); its data stays in raw HTML blocks."""
    return Markup(f"{MARKDOWN_LINE}{'#' * level} {inert_text(text)} {{#{anchor}}}")


class Renderer:
    """The page-facing API.

    `links` gives the Links for the page being rendered and `where` names the call site
    for error messages; both are callables because one Renderer serves every page.
    """

    def __init__(self, data, figures: Figures, links=Links, where=lambda: "a page", titles=None, lang=DEFAULT):
        self.data = data
        self.lang = lang
        self.figures = figures
        self._links = links
        self.where = where
        self.titles = titles or {}
        self.shown: dict[str, list[str]] = {}
        self.called: set[str] = set()  # the macros the current page called (macros/site.py records them)
        self._memo: dict[tuple, Markup] = {}
        loader = ChoiceLoader(
            [FileSystemLoader(TEMPLATES), PrefixLoader({"figures": FileSystemLoader(figures.folder)})]
        )
        self.jinja = Environment(
            loader=loader,
            undefined=StrictUndefined,
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            extensions=["jinja2.ext.i18n"],
        )
        self.jinja.install_gettext_callables(*translator(lang), newstyle=True)
        self.jinja.globals.update(
            cite=self.cite,
            name_of=self.name_of,
            exercise_figures=self.exercise_figures,
            heading=markdown_heading,
            label_point=label_point,
        )

    def start_page(self) -> None:
        """Forget what the previous page showed (for its structured data) and called."""
        self.shown = {}
        self.called = set()

    def _show(self, kind: str, entry_id: str) -> None:
        self.shown.setdefault(kind, []).append(entry_id)

    @property
    def links(self) -> Links:
        return self._links()

    # ------------------------------------------------------------ lookups

    def _get(self, kind: str, entry_id, macro: str, call: str | None = None):
        """The entry, or a MacroError naming the call site, the call, the id and close matches."""
        entries = self.data.kind(kind)
        if entry_id in entries:
            return entries[entry_id]
        raise MacroError(
            f"{self.where()}: {call or f'{macro}({entry_id!r})'}: no {entry_label(kind)} with id "
            f"{entry_id!r} in data/{kind}.yml{did_you_mean(entry_id, entries)}"
        )

    def _render(self, template: str, key: tuple | None = None, **context) -> Markup:
        """Render a template; with a key, once per build for each page depth (cards repeat)."""
        links = self.links
        memo_key = (template, key, links.root) if key is not None else None
        if memo_key in self._memo:
            return self._memo[memo_key]
        html = block(self.jinja.get_template(template).render(links=links, **context))
        if memo_key is not None:
            self._memo[memo_key] = html
        return html

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Site-wide reference numbers: alphabetical by first author, then year."""
        ordered = sorted(self.data.references.values(), key=lambda r: (r.authors[0].lower(), r.year or 0, r.id))
        return {ref.id: n for n, ref in enumerate(ordered, 1)}

    def name_of(self, muscle_id: str) -> str:
        """A muscle's name as plain text, for templates (which escape it)."""
        return self._get("muscles", muscle_id, "muscle_name").name

    # ------------------------------------------------------------ macros

    def muscle_name(self, muscle_id: str) -> Markup:
        return inert(self.name_of(muscle_id))

    def muscle_card(self, muscle_id: str) -> Markup:
        muscle = self._get("muscles", muscle_id, "muscle_card")
        self._show("muscles", muscle_id)
        return self._render("muscle_card.html", key=("muscle", muscle_id), muscle=muscle)

    def exercise_card(self, exercise_id: str, level: int = 2) -> Markup:
        exercise = self._get("exercises", exercise_id, "exercise_card")
        self._show("exercises", exercise_id)
        if level not in (2, 3, 4):
            raise MacroError(
                f"{self.where()}: exercise_card({exercise_id!r}, level={level!r}): "
                "level must be 2, 3 or 4 (the heading level of the card's sections)"
            )
        return self._render("exercise_card.html", key=("exercise", exercise_id, level), exercise=exercise, level=level)

    def exercise_list(self, kind: str | None = None, level: int = 2) -> Markup:
        """Exercises as rows: end-position drawing, name linking to its page, summary and dose.

        Without `kind`, every exercise, under a heading per group (EXERCISE_GROUPS); with one
        exercise kind, that kind's exercises only. Each links to docs/exercises/<id>.md, which
        must exist (the link is raw HTML, so MkDocs would not catch a broken one).
        """
        call = f"exercise_list({kind!r})"
        if kind is not None and kind not in EXERCISE_KINDS:
            raise MacroError(
                f"{self.where()}: {call}: kind must be one of {', '.join(EXERCISE_KINDS)}"
                f"{did_you_mean(kind, EXERCISE_KINDS)}"
            )
        if level not in (2, 3, 4):
            raise MacroError(f"{self.where()}: {call}: level must be 2, 3 or 4 (the heading level of its groups)")
        groups = EXERCISE_GROUPS if kind is None else ((None, (kind,)),)
        rows = []
        for group, kinds in groups:
            chosen = [e for e in self.data.exercises.values() if e.kind in kinds]
            for exercise in chosen:
                page = f"exercises/{exercise.id}.md"
                if page not in self.titles:
                    raise MacroError(f"{self.where()}: {call}: exercise {exercise.id!r} has no page docs/{page}")
            if chosen:
                figures = [self._svg(f"{e.id}-end", "exercise_list", uid=f"list-{e.id}") for e in chosen]
                rows.append((group, list(zip(chosen, figures, strict=True))))
        return self._render("exercise_list.html", key=("exercise-list", kind, level), groups=rows, level=level)

    def red_flags(self, tier: str | None = None, region: str | None = None) -> Markup:
        """Warning signs by tier; one tier (a box repeated on many pages, without ids) or one region."""
        if tier is not None and tier not in TIERS:
            raise MacroError(
                f"{self.where()}: red_flags(tier={tier!r}): tier must be one of "
                f"{', '.join(TIERS)}{did_you_mean(tier, TIERS)}"
            )
        if region is not None and region not in REGIONS:
            raise MacroError(
                f"{self.where()}: red_flags(region={region!r}): region must be one of "
                f"{', '.join(REGIONS)}{did_you_mean(region, REGIONS)}"
            )
        tiers = [tier] if tier else list(TIERS)
        chosen = [f for f in self.data.red_flags.values() if region is None or f.region == region]
        groups = [(t, [f for f in chosen if f.tier == t]) for t in tiers]
        return self._render(
            "red_flags.html", key=("red_flags", tier, region), groups=groups, only=tier, anchors=tier is None
        )

    def emergency_callout(self, compact: bool = False) -> Markup:
        """The 'call an ambulance now' box: the flags data marks for it, and phone links;
        `compact` makes it one paragraph (the home page's first screen)."""
        flags = [f for f in self.data.red_flags.values() if f.callout]
        if not flags:
            raise MacroError(f"{self.where()}: emergency_callout(): no red flag in data has callout: true")
        return self._render("callout.html", key=("callout", compact), flags=flags, compact=compact)

    def cite(self, *ref_ids: str) -> Markup:
        refs = [self._get("references", ref_id, "cite") for ref_id in ref_ids]
        return self._render("cite.html", key=("cite", ref_ids), refs=refs, numbers=self.numbers)

    def bibliography(self) -> Markup:
        refs = sorted(self.data.references.values(), key=lambda r: self.numbers[r.id])
        return self._render("bibliography.html", refs=refs, numbers=self.numbers)

    def claim(self, claim_id: str) -> Markup:
        return self._render("claims.html", key=("claim", claim_id), claims=[self._get("claims", claim_id, "claim")])

    def claims(self, theme: str | None = None) -> Markup:
        chosen = [c for c in self.data.claims.values() if theme is None or c.theme == theme]
        if not chosen:
            themes = sorted({c.theme for c in self.data.claims.values()})
            raise MacroError(
                f"{self.where()}: claims(theme={theme!r}): no claim has that theme{did_you_mean(theme, themes)}"
            )
        return self._render("claims.html", claims=chosen)

    def claims_table(self) -> Markup:
        """Every claim in one table (claim, verdict, certainty) linking to its entry on the page."""
        return self._render("claims_table.html", key=("claims-table",), claims=list(self.data.claims.values()))

    def verdicts(self) -> Markup:
        """The key to the four verdicts, with what each means."""
        return self._render("verdicts.html", key=("verdicts",), verdicts=VERDICTS)

    def glossary(self) -> Markup:
        terms = sorted(self.data.glossary.values(), key=lambda t: t.term.lower())
        return self._render("glossary.html", terms=terms)

    def routine(self, routine_id: str) -> Markup:
        routine = self._get("routines", routine_id, "routine")
        self._show("routines", routine_id)
        steps = [
            (
                step,
                self.data.exercises[step.exercise],
                self._svg(f"{step.exercise}-end", "routine", uid=f"{routine_id}-{n}"),
            )
            for n, step in enumerate(routine.steps)
        ]
        return self._render("routine.html", routine=routine, steps=steps, rest_seconds=SECONDS_BETWEEN_STEPS)

    def pain_map(self, level: int = 2) -> Markup:
        """The body map: every region in data/pain_regions.yml, with its causes and links."""
        groups = {self.data.conditions[c].group for r in self.data.pain_regions.values() for c in r.conditions}
        return self._render(
            "pain_map.html",
            conditions=self.data.conditions,
            condition_pages={g: self.links.pages[condition_role(g)] for g in groups},
            regions=list(self.data.pain_regions.values()),
            shapes=self.figures.pain_map_shapes(),
            claims=self.data.claims,
            red_flags=self.data.red_flags,
            titles=self.titles,
            level=level,
        )

    def figure(self, name: str, caption: str | None = None) -> Markup:
        """An original drawing from figures/, inline so it follows the light or dark colours."""
        return self._render(
            "figure.html", key=("figure", name, caption), svg=self._svg(name, "figure"), caption=caption
        )

    def _svg(self, name: str, macro: str, uid: str | None = None) -> Markup:
        names = self.figures.names()
        if name not in names:
            raise MacroError(
                f"{self.where()}: {macro}({name!r}): no drawing {self.figures.shown(name)}.svg"
                f"{did_you_mean(name, names)}"
            )
        return block(self.jinja.get_template(f"figures/{name}.svg").render(uid=f"fig-{uid or name}"))

    def exercise_figures(self, exercise_id: str) -> list[tuple[str, Markup]]:
        """The start and end drawings of an exercise (checked to exist by checks.py)."""
        return [(stage, self._svg(f"{exercise_id}-{stage}", "exercise_card")) for stage in STAGES]

    def condition_card(self, condition_id: str) -> Markup:
        condition = self._get("conditions", condition_id, "condition_card")
        self._show("conditions", condition_id)
        return self._render(
            "condition_card.html",
            key=("condition", condition_id),
            c=condition,
            flags=[self.data.red_flags[f] for f in condition.red_flags],
            claims=[self.data.claims[c] for c in condition.claims],
        )

    def conditions(self, group: str | None = None) -> Markup:
        """Tables of conditions, one per group (or one group), linking to their cards on the group pages."""
        if group is not None and group not in GROUPS:
            raise MacroError(
                f"{self.where()}: conditions(group={group!r}): group must be one of "
                f"{', '.join(GROUPS)}{did_you_mean(group, GROUPS)}"
            )
        groups = [
            (f"Conditions: {GROUP_NAMES[g]}", [c for c in self.data.conditions.values() if c.group == g])
            for g in GROUPS
            if group in (None, g)
        ]
        groups = [(caption, chosen) for caption, chosen in groups if chosen]
        pages = {c.group: self.links.pages[condition_role(c.group)] for _, chosen in groups for c in chosen}
        return self._render("conditions.html", key=("conditions", group), groups=groups, pages=pages)

    def self_test_card(self, test_id: str, level: int = 2) -> Markup:
        test = self._get("self_tests", test_id, "self_test_card")
        names = self.figures.names()
        figures = [
            (label, self._svg(f"{test_id}-{stage}", "self_test_card"))
            for stage, label in (("position", "The test position"), ("positive", 'A "positive" result'))
            if f"{test_id}-{stage}" in names
        ]
        return self._render(
            "self_test_card.html", key=("self-test", test_id, level), t=test, level=level, figures=figures
        )

    def avoid_if(self, treatment_id: str) -> Markup:
        """When not to have a treatment at all (data/treatments.yml)."""
        return self._render(
            "avoid_if.html", key=("avoid", treatment_id), t=self._get("treatments", treatment_id, "avoid_if")
        )

    def relations(self, muscle_id: str) -> Markup:
        """What lies against a muscle: nerves, vessels, organs."""
        muscle = self._get("muscles", muscle_id, "relations")
        if not muscle.relations:
            raise MacroError(f"{self.where()}: relations({muscle_id!r}): this muscle has no relations in data")
        return self._render("relations.html", key=("relations", muscle_id), muscle=muscle)

    def fact(self, path: str) -> Markup:
        """Quote one field of one entry inline: fact("muscles.psoas-major.innervation")."""
        kind, _, rest = str(path).partition(".")
        entry_id, _, field_path = rest.partition(".")
        if kind not in KINDS:
            raise MacroError(
                f"{self.where()}: fact({path!r}): {kind!r} is not a data file"
                f"{did_you_mean(kind, KINDS)}; write kind.id.field"
            )
        value = self._get(kind, entry_id, "fact", call=f"fact({path!r})")
        for name in field_path.split(".") if field_path else ["name"]:
            if isinstance(value, (list, tuple)) and value and hasattr(value[0], "id"):  # a list of items with ids
                by_id = {item.id: item for item in value}
                if name not in by_id:
                    raise MacroError(
                        f"{self.where()}: fact({path!r}): no item {name!r}{did_you_mean(name, by_id)}; "
                        f"items here: {', '.join(by_id)}"
                    )
                value = by_id[name]
                continue
            fields = list(type(value).model_fields) if hasattr(type(value), "model_fields") else []
            if name not in fields:
                raise MacroError(
                    f"{self.where()}: fact({path!r}): no field {name!r}{did_you_mean(name, fields)}; "
                    f"fields here: {', '.join(fields)}"
                )
            value = getattr(value, name)
        if value is None:
            raise MacroError(f"{self.where()}: fact({path!r}): this entry leaves the field empty")
        return inert("; ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else value)

    # ------------------------------------------------------------ for checks.py

    def ids_made_by(self, macro: str, *args, **kwargs) -> set[str]:
        """The element ids a macro call puts on the page (anchors other pages may link to)."""
        return set(re.findall(r'\bid="([^"]+)"', str(getattr(self, macro)(*args, **kwargs))))


# The macros pages may call, by name. Everything else on a Renderer is internal.
MACROS = (
    "claims_table",
    "emergency_callout",
    "condition_card",
    "conditions",
    "self_test_card",
    "avoid_if",
    "relations",
    "muscle_card",
    "exercise_card",
    "exercise_list",
    "red_flags",
    "cite",
    "bibliography",
    "claim",
    "claims",
    "fact",
    "glossary",
    "routine",
    "muscle_name",
    "pain_map",
    "figure",
    "verdicts",
)
