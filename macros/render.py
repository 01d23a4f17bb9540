"""One small function per macro: look the entry up, hand it to its template.

Python chooses and orders data; the templates in templates/ write every piece of markup,
with autoescaping on, so text from data/ can never become markup on a page.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import get_args

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .links import Links
from .load import SiteData
from .models import SECONDS_BETWEEN_STEPS, Tier, Verdict
from .problems import MacroError, did_you_mean, entry_label

TEMPLATES = Path(__file__).parent / "templates"

# The allowed values, in display order, as the models define them.
TIERS = get_args(Tier)
VERDICTS = get_args(Verdict)


def jinja() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


_JINJA = jinja()
# Templates call cite(), muscle_name() and exercise_figures() of the Renderer that is rendering them. Jinja caches
# imported templates with the globals they first saw, so the globals are stable functions that
# ask whichever Renderer is active.
_active: list = []
_JINJA.globals.update(cite=lambda *ids: _active[-1].cite(*ids),
                      muscle_name=lambda muscle_id: _active[-1].muscle_name(muscle_id),
                      exercise_figures=lambda exercise_id: _active[-1].exercise_figures(exercise_id))


def pain_map_shapes() -> dict:
    """The drawn outlines and region shapes of the pain map (presentation, not facts)."""
    return json.loads((TEMPLATES / "figures" / "pain-map-shapes.json").read_text(encoding="utf-8"))


def block(html: str) -> Markup:
    """Drop blank lines and indentation so Markdown keeps the output as one raw HTML block."""
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))


class Renderer:
    """The page-facing API.

    `links` gives the Links for the page being rendered and `where` names the call site
    for error messages; both are callables because one Renderer serves every page.
    """

    def __init__(self, data: SiteData, links=Links, where=lambda: "a page", titles=None):
        self.data = data
        self._links = links
        self.where = where
        self.titles = titles or {}
        self.shown: dict[str, list[str]] = {}
        self._memo: dict[tuple, Markup] = {}

    def start_page(self) -> None:
        """Forget what the previous page showed (for its structured data)."""
        self.shown = {"muscles": [], "exercises": [], "routines": []}

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
        raise MacroError(f"{self.where()}: {call or f'{macro}({entry_id!r})'}: no {entry_label(kind)} with id {entry_id!r} "
                         f"in data/{kind}.yml{did_you_mean(entry_id, entries)}")

    def _render(self, template: str, key: tuple | None = None, **context) -> Markup:
        """Render a template; with a key, once per build for each page depth (cards repeat)."""
        links = self.links
        memo_key = (template, key, links.root) if key is not None else None
        if memo_key in self._memo:
            return self._memo[memo_key]
        _active.append(self)
        try:
            html = block(_JINJA.get_template(template).render(links=links, **context))
        finally:
            _active.pop()
        if memo_key is not None:
            self._memo[memo_key] = html
        return html

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Site-wide reference numbers: alphabetical by first author, then year."""
        ordered = sorted(self.data.references.values(),
                         key=lambda r: (r.authors[0].lower(), r.year or 0, r.id))
        return {ref.id: n for n, ref in enumerate(ordered, 1)}

    # ------------------------------------------------------------ macros

    def muscle_name(self, muscle_id: str) -> str:
        return self._get("muscles", muscle_id, "muscle_name").name

    def muscle_card(self, muscle_id: str) -> Markup:
        muscle = self._get("muscles", muscle_id, "muscle_card")
        self._show("muscles", muscle_id)
        return self._render("muscle_card.html", key=("muscle", muscle_id), muscle=muscle)

    def exercise_card(self, exercise_id: str, level: int = 2) -> Markup:
        exercise = self._get("exercises", exercise_id, "exercise_card")
        self._show("exercises", exercise_id)
        if level not in (2, 3, 4):
            raise MacroError(f"{self.where()}: exercise_card({exercise_id!r}, level={level!r}): "
                             "level must be 2, 3 or 4 (the heading level of the card's sections)")
        return self._render("exercise_card.html", key=("exercise", exercise_id, level), exercise=exercise, level=level)

    def red_flags(self, tier: str | None = None) -> Markup:
        if tier is not None and tier not in TIERS:
            raise MacroError(f"{self.where()}: red_flags(tier={tier!r}): tier must be one of "
                             f"{', '.join(TIERS)}{did_you_mean(tier, TIERS)}")
        tiers = [tier] if tier else list(TIERS)
        groups = [(t, [f for f in self.data.red_flags.values() if f.tier == t]) for t in tiers]
        return self._render("red_flags.html", key=("red_flags", tier), groups=groups, only=tier)

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
            raise MacroError(f"{self.where()}: claims(theme={theme!r}): no claim has that theme"
                             f"{did_you_mean(theme, themes)}")
        return self._render("claims.html", claims=chosen)

    def verdicts(self) -> Markup:
        """The key to the four verdicts, with what each means."""
        return self._render("verdicts.html", key=("verdicts",), verdicts=VERDICTS)

    def glossary(self) -> Markup:
        terms = sorted(self.data.glossary.values(), key=lambda t: t.term.lower())
        return self._render("glossary.html", terms=terms)

    def routine(self, routine_id: str) -> Markup:
        routine = self._get("routines", routine_id, "routine")
        self._show("routines", routine_id)
        steps = [(step, self.data.exercises[step.exercise]) for step in routine.steps]
        return self._render("routine.html", routine=routine, steps=steps, rest_seconds=SECONDS_BETWEEN_STEPS)

    def pain_map(self, level: int = 2) -> Markup:
        """The body map: every region in data/pain_regions.yml, with its causes and links."""
        missing = sorted({p.split("#")[0] for r in self.data.pain_regions.values() for p in r.pages} - set(self.titles))
        if missing:
            raise MacroError(f"{self.where()}: pain_map(): data/pain_regions.yml links to pages that do not exist: "
                             + ", ".join(f"{m}{did_you_mean(m, self.titles)}" for m in missing))
        return self._render("pain_map.html", regions=list(self.data.pain_regions.values()), shapes=pain_map_shapes(),
                            claims=self.data.claims, red_flags=self.data.red_flags, titles=self.titles, level=level)

    def figure(self, name: str, caption: str | None = None) -> Markup:
        """An original drawing from templates/figures/, inline so it follows the light or dark colours."""
        return self._render("figure.html", key=("figure", name, caption), svg=self._svg(name, "figure"),
                            caption=caption)

    def _svg(self, name: str, macro: str) -> Markup:
        names = [p.stem for p in (TEMPLATES / "figures").glob("*.svg")]
        if name not in names:
            raise MacroError(f"{self.where()}: {macro}({name!r}): no drawing macros/templates/figures/{name}.svg"
                             f"{did_you_mean(name, names)}")
        return block(_JINJA.get_template(f"figures/{name}.svg").render(uid=f"fig-{name}"))

    def exercise_figures(self, exercise_id: str) -> list[tuple[str, Markup]]:
        """The start and end drawings of an exercise, where they exist."""
        found = []
        for stage in ("start", "end"):
            if (TEMPLATES / "figures" / f"{exercise_id}-{stage}.svg").exists():
                found.append((stage, self._svg(f"{exercise_id}-{stage}", "exercise_card")))
        return found

    def fact(self, path: str) -> Markup:
        """Quote one field of one entry inline: fact("muscles.psoas-major.innervation")."""
        kind, _, rest = str(path).partition(".")
        entry_id, _, field_path = rest.partition(".")
        if not hasattr(self.data, kind) or kind.startswith("_") or kind == "kind":
            raise MacroError(f"{self.where()}: fact({path!r}): {kind!r} is not a data file"
                             f"{did_you_mean(kind, self._kinds())}; write kind.id.field")
        value = self._get(kind, entry_id, "fact", call=f"fact({path!r})")
        for name in field_path.split(".") if field_path else ["name"]:
            fields = list(type(value).model_fields) if hasattr(type(value), "model_fields") else []
            if name not in fields:
                raise MacroError(f"{self.where()}: fact({path!r}): no field {name!r}{did_you_mean(name, fields)}; "
                                 f"fields here: {', '.join(fields)}")
            value = getattr(value, name)
        if value is None:
            raise MacroError(f"{self.where()}: fact({path!r}): this entry leaves the field empty")
        if isinstance(value, (list, tuple)):
            return escape("; ".join(str(v) for v in value))
        return escape(str(value))

    def _kinds(self) -> list[str]:
        from .models import KINDS
        return list(KINDS)

    def glossary_abbreviations(self) -> dict[str, str]:
        """term -> definition for Markdown's abbr extension (tooltips on every page)."""
        found = {}
        for term in self.data.glossary.values():
            for word in [term.term, *term.also]:
                found[word] = term.definition
        return found
