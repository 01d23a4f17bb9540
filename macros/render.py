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
from urllib.parse import urlparse

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from .calendars import DEFAULT_TIME, calendar_href, dose_minutes, routine_days, weekdays
from .figures import Figures, label_point, translate_drawing
from .guide import longest_path, start_of
from .i18n import DEFAULT, translator
from .inert import inert, inert_text
from .links import Links, condition_role
from .models import KINDS, SECONDS_BETWEEN_STEPS, Condition, Exercise, MuscleRoles, Region, Tier, Verdict
from .opendata import CITATION_FILES, data_file, schema_file
from .problems import MacroError, did_you_mean, entry_label
from .quiz import Question, gives_away
from .quiz import build as build_quiz

TEMPLATES = Path(__file__).parent / "templates"


def _compiled_templates() -> FileSystemBytecodeCache | None:
    """Compiled templates, kept between builds in Jinja's folder in the system's temp directory:
    each is keyed by its source, so an edited template is compiled afresh. (`make serve` builds
    in a new process on every edit, and compiling templates was a tenth of each build.) None,
    and templates compiled every time, where that folder cannot be made safely."""
    try:
        return FileSystemBytecodeCache()
    except RuntimeError:
        return None


COMPILED = _compiled_templates()

# The allowed values, in display order, as the models define them.
TIERS = get_args(Tier)
REGIONS = get_args(Region)
VERDICTS = get_args(Verdict)
WORKS = get_args(MuscleRoles.model_fields["works"].annotation)
GROUPS = get_args(Condition.model_fields["group"].annotation)
EXERCISE_KINDS = get_args(Exercise.model_fields["kind"].annotation)
STAGES = ("start", "end")
# How exercise_list() groups the kinds, in display order: (group id, kinds). The group id is
# its heading's anchor; templates/exercise_list.html holds the heading words.
EXERCISE_GROUPS = (
    ("stretches", ("stretch",)),
    ("strength-and-endurance", ("strength", "endurance")),
    ("rest-and-habits", ("relaxation", "habit")),
)

# Claim themes as words: the tags of the pages that show claims of the theme (macros/related.py).
THEME_NAMES = {
    "anatomy": "Anatomy",
    "sitting-and-posture": "Sitting and posture",
    "symptoms-and-tests": "Symptoms and tests",
    "stretching": "Stretching",
    "strength-and-exercise": "Strength and exercise",
    "treatments-and-products": "Treatments and products",
    "mind-and-body": "Mind and body",
    "safety": "Safety",
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

    def __init__(
        self,
        data,
        figures: Figures,
        links=Links,
        where=lambda: "a page",
        titles=None,
        lang=DEFAULT,
        emergency_numbers=(),
        site=None,
        homes=None,
        card_pages=None,
    ):
        self.data = data
        self.homes = homes or {}  # kind -> id -> the entry's own page (macros/related.py)
        self.card_pages = card_pages or {}  # ("muscle_card", id) -> the page showing that card (quiz.card_homes)
        self.lang = lang
        self.emergency_numbers = list(emergency_numbers)  # mkdocs.yml extra.emergency_numbers
        # The site's name and address (mkdocs.yml), for what is printed or saved from a page.
        self.site = {"name": "", "url": "", **(site or {})}
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
            bytecode_cache=COMPILED,
            undefined=StrictUndefined,
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            extensions=["jinja2.ext.i18n"],
        )
        self.gettext, ngettext = translator(lang)
        # Translations are text too: escaped before Jinja treats them as markup (nothing a
        # catalogue says can become a tag), and values are escaped as they are filled in.
        self.jinja.install_gettext_callables(
            lambda message: escape(self.gettext(message)),
            lambda singular, plural, n: escape(ngettext(singular, plural, n)),
            newstyle=True,
        )
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

    def theme_name(self, theme: str) -> str:
        """A claim theme in words, in the page's language."""
        return self.gettext(THEME_NAMES[theme])

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
        conditions = [c for c in self.data.conditions.values() if muscle_id in c.muscles]
        return self._render(
            "muscle_card.html",
            key=("muscle", muscle_id),
            muscle=muscle,
            worked_by=self.exercises_working(muscle_id),
            conditions=conditions,
            condition_pages={c.group: self.links.pages[condition_role(c.group)] for c in conditions},
        )

    def exercises_working(self, muscle_id: str) -> list[tuple[str, list]]:
        """The exercises that work a muscle, by role: what they do to it when it is their target
        (stretched, strengthened, relaxed, moved), then synergists, then stabilisers; each
        exercise with its own page (None if no page shows its card). Empty roles are left out."""
        roles: dict[str, list] = {}
        for exercise in self.data.exercises.values():
            m = exercise.muscles
            for role, ids in ((m.works, m.target), ("synergists", m.synergists), ("stabilisers", m.stabilisers)):
                if muscle_id in ids:
                    roles.setdefault(role, []).append((exercise, self.homes.get("exercises", {}).get(exercise.id)))
        return [(role, roles[role]) for role in (*WORKS, "synergists", "stabilisers") if role in roles]

    def exercise_card(self, exercise_id: str, level: int = 2) -> Markup:
        exercise = self._get("exercises", exercise_id, "exercise_card")
        self._show("exercises", exercise_id)
        if level not in (2, 3, 4):
            raise MacroError(
                f"{self.where()}: exercise_card({exercise_id!r}, level={level!r}): "
                "level must be 2, 3 or 4 (the heading level of the card's sections)"
            )
        return self._render(
            "exercise_card.html",
            key=("exercise", exercise_id, level),
            exercise=exercise,
            level=level,
            claims=[self.data.claims[c] for c in exercise.claims],
        )

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
        if not self.emergency_numbers:
            raise MacroError(f"{self.where()}: emergency_callout(): mkdocs.yml has no extra.emergency_numbers")
        return self._render(
            "callout.html", key=("callout", compact), flags=flags, compact=compact, numbers=self.emergency_numbers
        )

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
        return self._render(
            "routine.html",
            routine=routine,
            steps=steps,
            rest_seconds=SECONDS_BETWEEN_STEPS,
            calendar=calendar_href(routine.id),
            days=weekdays(routine_days(routine, self.data.exercises)),
            time=DEFAULT_TIME.strftime("%H:%M"),
        )

    def plan_builder(self) -> Markup:
        """The "My plan" builder: a checkbox per exercise (by kind) and per routine, and the
        printable sheet with every exercise's compact card and every routine, rendered here and
        shown or hidden by overrides/assets/plan.js."""
        exercises = list(self.data.exercises.values())
        groups = [(kind, [e for e in exercises if e.kind == kind]) for kind in EXERCISE_KINDS]
        cards = [
            (e, self.exercise_figures(e.id), weekdays(e.dose.days_per_week), dose_minutes(e.dose)) for e in exercises
        ]
        routines = [
            (
                r,
                [(step, self.data.exercises[step.exercise]) for step in r.steps],
                weekdays(routine_days(r, self.data.exercises)),
            )
            for r in self.data.routines.values()
        ]
        site_url = self.site["url"] or "/"
        return self._render(
            "plan_builder.html",
            groups=[(kind, chosen) for kind, chosen in groups if chosen],
            cards=cards,
            routines=routines,
            flags=[f for f in self.data.red_flags.values() if f.callout],
            numbers=self.emergency_numbers,
            site_name=self.site["name"],
            address=site_url.rstrip("/") + "/" + self.links.page_url,
            domain=urlparse(site_url).hostname or "localhost",
        )

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
        svg = self.jinja.get_template(f"figures/{name}.svg").render(uid=f"fig-{uid or name}")
        return block(translate_drawing(svg, self.gettext) if self.lang != DEFAULT else svg)

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
        groups = [(g, [c for c in self.data.conditions.values() if c.group == g]) for g in GROUPS if group in (None, g)]
        groups = [(g, chosen) for g, chosen in groups if chosen]
        pages = {c.group: self.links.pages[condition_role(c.group)] for _, chosen in groups for c in chosen}
        return self._render("conditions.html", key=("conditions", group), groups=groups, pages=pages)

    def self_test_card(self, test_id: str, level: int = 2) -> Markup:
        test = self._get("self_tests", test_id, "self_test_card")
        names = self.figures.names()
        figures = [
            (stage, self._svg(f"{test_id}-{stage}", "self_test_card"))
            for stage in ("position", "positive")
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

    def open_data(self, which: str = "data") -> Markup:
        """Links to the files the build writes (opendata.py): the data files with their schemas
        ("data"), or the reference list as BibTeX, RIS and CSL-JSON ("citations").

        Written by a macro because the files appear only after the pages are built, so a
        Markdown link to them would fail MkDocs' strict link check."""
        parts = ("data", "citations")
        if which not in parts:
            raise MacroError(
                f"{self.where()}: open_data({which!r}): which must be one of {', '.join(parts)}"
                f"{did_you_mean(which, parts)}"
            )
        rows = [(kind, len(self.data.kind(kind)), data_file(kind), schema_file(kind)) for kind in KINDS]
        return self._render(
            "open_data.html",
            key=("open-data", which),
            which=which,
            rows=rows,
            citation_files=CITATION_FILES,
            references=len(self.data.references),
        )

    def symptom_guide(self, level: int = 2) -> Markup:
        """The step-by-step symptom guide from data/symptom_path.yml: questions, then ends."""
        if level not in (2, 3, 4):
            raise MacroError(
                f"{self.where()}: symptom_guide(level={level!r}): level must be 2, 3 or 4 "
                "(the heading level of each question)"
            )
        steps = self.data.symptom_path
        start = start_of(steps)
        if start is None:
            raise MacroError(f"{self.where()}: symptom_guide(): data/symptom_path.yml has no steps")
        ends = [s for s in steps.values() if s.is_end]
        groups = {self.data.conditions[c].group for s in ends for c in s.conditions}
        return self._render(
            "symptom_guide.html",
            key=("symptom-guide", level),
            start=start,
            questions=[s for s in steps.values() if not s.is_end],
            ends=ends,
            longest=longest_path(steps),
            flags=self.data.red_flags,
            conditions=self.data.conditions,
            condition_pages={g: self.links.pages[condition_role(g)] for g in groups},
            exercises=self.data.exercises,
            claims=self.data.claims,
            page_titles={s.page: self.titles.get(s.page.split("#")[0], s.page) for s in ends if s.page},
            numbers=self.emergency_numbers,
            level=level,
        )

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

    def questions(self) -> list[Question]:
        """The quiz's questions, made from data (macros/quiz.py)."""
        return build_quiz(self.data, self.card_pages, self.links.pages, set(self.figures.names()))

    def quiz(self) -> Markup:
        """Every question the data makes, by topic, each with its answer behind "Show the answer";
        overrides/assets/quiz.js turns them into a quiz that keeps a review schedule on the device."""
        questions = self.questions()
        if not questions:
            raise MacroError(f"{self.where()}: quiz(): the data makes no questions")
        words = self.jinja.get_template("_quiz.html").module
        drawings = {
            q.id: self._quiz_drawing(q, str(words.drawing_title()), str(words.drawing_desc()))
            for q in questions
            if q.kind == "drawing"
        }
        return self._render("quiz.html", questions=questions, drawings=drawings)

    def _quiz_drawing(self, question: Question, title: str, desc: str) -> Markup:
        """An exercise's end drawing for a question: its title names the exercise, so it gets a
        neutral one; its description stays unless it names the exercise too (quiz.gives_away)."""
        exercise = self.data.exercises[question.subject]
        svg = str(self._svg(f"{exercise.id}-end", "quiz", uid=f"quiz-{question.id}"))
        svg = re.sub(r"(<title\b[^>]*>).*?(</title>)", lambda m: m.group(1) + title + m.group(2), svg, count=1)
        found = re.search(r"<desc\b[^>]*>(.*?)</desc>", svg, re.S)
        if found and gives_away(Markup(found.group(1)).unescape(), exercise):
            svg = svg[: found.start(1)] + desc + svg[found.end(1) :]
        return Markup(svg)

    def quiz_cards(self, site_url: str = "") -> list[tuple[str, str, str]]:
        """The questions as flashcards (front, back, tags) in plain text, for the Anki export.
        Drawing questions are left out: a flashcard app cannot show the site's drawings."""
        words = self.jinja.get_template("_quiz.html").module
        here = self.links
        from_root = Links("", here.use_directory_urls, here.pages)
        cards = []
        for q in self.questions():
            if q.kind == "drawing":
                continue
            front = words.front(q).striptags()
            back = [words.answer(q).striptags(), words.reason(q).striptags()]
            if q.target:
                page, anchor = q.target
                back.append(site_url + from_root.page(page + (f"#{anchor}" if anchor else "")))
            cards.append((front, "\n".join(back), f"iliopsoas-quiz {q.topic} {q.kind}"))
        return cards

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
    "open_data",
    "plan_builder",
    "symptom_guide",
    "quiz",
)
