"""The data contract: one pydantic model per kind of fact in data/*.yml.

Every model forbids unknown keys, so a typo such as `orgin:` is an error rather than a
silently ignored field. Cross-references between files are checked in crossrefs.py,
because a single entry cannot see the other files.
"""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

# One id style everywhere: lowercase words and digits joined by hyphens (psoas-major).
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]


def _one_line(value: str) -> str:
    """Data text is prose, not layout: runs of spaces and line breaks become one space, so no
    piece of data can start a line of its own in the Markdown a page is built from."""
    flat = " ".join(value.split())
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in flat):
        raise ValueError("control characters are not allowed in text")
    return flat


class Prose:
    """Marks a text type as words a reader sees, so other languages translate it (localise.py)."""


PROSE = Prose()


def _text(max_length: int):
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_one_line),
        PROSE,
    ]


# Text fields by size, so a runaway paste is refused with a message (and the JSON Schema
# tells editors the limit). Text from data is always shown as text, never as markup.
Name = _text(120)  # a name, term, label or short value
Line = _text(300)  # one sentence: a step, a cue, a list item, a title
Text = _text(600)  # a short paragraph: a summary, a definition, a reading
Note = _text(2000)  # an editor's note (reference notes, how a record was checked)
Lines = Annotated[list[Line], Field(min_length=1)]

Verdict = Literal["supported", "mixed", "contested", "unsupported"]
Certainty = Literal["high", "moderate", "low", "very-low"]
Tier = Literal["emergency", "same-day", "soon"]
Urgency = Literal["emergency", "same-day", "soon", "self-care"]
Region = Literal["back", "hip-groin", "any"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Strict):
    id: Id = Field(description="Unique id in this file: lowercase words joined by hyphens, e.g. psoas-major.")


class Disagreement(Strict):
    """Where good sources say different things: shown once, as a note on the card."""

    topic: Name = Field(description="What the sources disagree about, e.g. 'Vertebral levels of origin'.")
    views: Annotated[list[Line], Field(min_length=2)] = Field(description="Each position, with who holds it.")
    reading: Text = Field(description="How this site reads the disagreement, in one or two sentences.")
    sources: list[Id] = Field(default_factory=list, description="Reference ids behind the views.")


class Cautions(Strict):
    """How the exercise (or self-test) changes for groups at more risk: in plain words, from guidance."""

    pregnancy: Text = Field(
        description="In pregnancy and after the birth (pelvic girdle pain, separated belly muscles)."
    )
    osteoporosis: Text = Field(description="With thin bones (osteoporosis).")
    after_surgery: Text = Field(description="After hip, spine or belly surgery.")
    falls_risk: Text = Field(description="For readers at risk of falling (getting down and up, balance).")
    sources: Annotated[list[Id], Field(min_length=1)]


# ---------------------------------------------------------------- muscles


class Innervation(Strict):
    nerve: Line = Field(description="Named nerve or rami, e.g. 'Ventral rami of L1–L3 (direct branches)'.")
    roots: Name = Field(description="Spinal roots, e.g. 'L1–L3'.")

    def __str__(self) -> str:
        return f"{self.nerve} ({self.roots})"


class Reviewed(Entry):
    """Clinical entries may carry their own review date; `make review-due` lists them."""

    next_review: datetime.date | None = Field(None, description="When this entry should next be checked.")


class RowSources(Strict):
    """Sources for one row of a muscle card, when not every source on the card supports it."""

    origin: list[Id] = Field(default_factory=list)
    insertion: list[Id] = Field(default_factory=list)
    actions: list[Id] = Field(default_factory=list)
    innervation: list[Id] = Field(default_factory=list)
    blood_supply: list[Id] = Field(default_factory=list)
    prevalence: list[Id] = Field(default_factory=list)


class Relation(Strict):
    """A structure that lies against the muscle: where, and why a reader or clinician cares."""

    structure: Name
    kind: Literal["nerve", "vessel", "organ", "fascia", "bone"]
    where: Text
    why_it_matters: Text
    sources: Annotated[list[Id], Field(min_length=1)]


class Muscle(Reviewed):
    untranslated: ClassVar[frozenset[str]] = frozenset({"latin"})  # Latin names stay Latin

    name: Name
    latin: Name | None = None
    summary: Text = Field(description="One plain-language sentence a reader understands.")
    origin: Text
    insertion: Text
    actions: Lines
    innervation: Innervation
    blood_supply: Lines
    synergists: list[Id] = Field(default_factory=list, description="Muscle ids that help its main action.")
    antagonists: list[Id] = Field(default_factory=list, description="Muscle ids that oppose its main action.")
    prevalence: Text | None = Field(None, description="Only for muscles that not everyone has.")
    sources: Annotated[list[Id], Field(min_length=1)]
    row_sources: RowSources = Field(
        default_factory=RowSources, description="Sources for single rows, shown in that row (e.g. blood supply)."
    )
    relations: list[Relation] = Field(default_factory=list, description="Nerves, vessels and organs against it.")
    disagreements: list[Disagreement] = Field(default_factory=list)


# ---------------------------------------------------------------- exercises


class MuscleRoles(Strict):
    works: Literal["stretched", "strengthened", "relaxed", "moved"] = Field(
        description="What the exercise does to its target muscles."
    )
    target: Annotated[list[Id], Field(min_length=1)]
    synergists: list[Id] = Field(default_factory=list)
    stabilisers: list[Id] = Field(default_factory=list)


class Dose(Strict):
    summary: Line = Field(description="The dose in words a reader follows, e.g. 'Hold 30 s, twice on each side'.")
    hold_seconds: int | None = Field(None, ge=1, le=600)
    reps: int | None = Field(None, ge=1, le=100)
    sets: int | None = Field(None, ge=1, le=10)
    per_side: bool = False
    frequency: Line
    days_per_week: int = Field(
        ge=1,
        le=7,
        description="How many days a week a calendar reminder repeats: the number the frequency text "
        "and its sources name (for 'two or three days a week', 3). 7 is every day, 5 the working days.",
    )
    range: Text | None = Field(None, description="The range the evidence allows, when wider than the default.")
    basis: Literal["evidence", "expert-opinion"] = Field(
        description="'evidence' when trials back the dose; 'expert-opinion' for a sensible default."
    )
    sources: list[Id] = Field(default_factory=list, description="Required when basis is 'evidence'.")

    @model_validator(mode="after")
    def _has_amount(self) -> Dose:
        if self.hold_seconds is None and self.reps is None:
            raise ValueError("a dose needs hold_seconds or reps (or both)")
        if self.basis == "evidence" and not self.sources:
            raise ValueError("a dose with basis 'evidence' needs sources")
        return self


class Exercise(Reviewed):
    free_lists: ClassVar[frozenset[str]] = frozenset({"also_called"})

    name: Name
    also_called: list[Name] = Field(default_factory=list)
    kind: Literal["stretch", "strength", "endurance", "relaxation", "habit"]
    summary: Text = Field(description="What it is for, honestly, in one or two plain sentences.")
    muscles: MuscleRoles
    steps: Annotated[list[Line], Field(min_length=2)]
    dose: Dose
    cues: Lines
    mistakes: Lines
    stop_if: Lines = Field(description="When to stop or not do it at all.")
    easier: Lines
    harder: Lines
    cautions: Cautions = Field(
        description="How to do it safely in pregnancy and after the birth, with thin bones, after surgery "
        "and when at risk of falling."
    )
    claims: list[Id] = Field(default_factory=list, description="Claim ids this exercise is often sold with.")
    disagreements: list[Disagreement] = Field(default_factory=list)


# ---------------------------------------------------------------- self-tests


class SelfTest(Reviewed):
    """A test readers try on themselves (the Thomas test): how, what it can and cannot show."""

    name: Name
    summary: Text
    steps: Annotated[list[Line], Field(min_length=2)]
    normal: Text = Field(description="What a usual result looks like.")
    positive: Text = Field(description="What a 'positive' result looks like, and what it may mean.")
    limits: Text = Field(description="What the test cannot tell you, in plain words.")
    stop_if: Lines
    cautions: Cautions
    claims: list[Id] = Field(default_factory=list)
    sources: Annotated[list[Id], Field(min_length=1)]


# ---------------------------------------------------------------- red flags


class RedFlag(Reviewed):
    tier: Tier = Field(
        description="emergency = call an ambulance or go to A&E now; same-day = urgent "
        "appointment today; soon = see a doctor or physiotherapist within days to weeks."
    )
    region: Region = Field(description="Where the symptom is: back, hip-groin, or any (e.g. in pregnancy).")
    sign: Text = Field(description="The warning sign in plain words.")
    short: Name | None = Field(None, description="A few words for the compact emergency callout (needs callout: true).")
    callout: bool = Field(
        False, description="Shown in the compact 'call now' callout on every page (emergencies only)."
    )
    may_point_to: Line = Field(description="The condition it may point to.")
    note: Text | None = None
    sources: Annotated[list[Id], Field(min_length=1)]

    @model_validator(mode="after")
    def _callout(self) -> RedFlag:
        if self.callout and (self.tier != "emergency" or not self.short):
            raise ValueError("a flag in the callout must be an emergency and have a short wording ('short')")
        return self


# ---------------------------------------------------------------- references


class Finding(Strict):
    """One result from a source, as pages quote it: fact("references.peeler-2007.findings.kappa-inter")."""

    id: Id
    text: Text = Field(description="The result in words, numbers as the source gives them.")

    def __str__(self) -> str:
        return self.text


class Verification(Strict):
    how: Note = Field(description="Which primary record was checked and what matched.")
    date: datetime.date


class Reference(Entry):
    # A reference is cited as published; only its findings (quoted on pages) are translated.
    untranslated: ClassVar[frozenset[str]] = frozenset(
        {"authors", "title", "container", "volume", "issue", "pages", "edition", "notes", "verified"}
    )

    kind: Literal["article", "book", "guideline", "webpage"]
    authors: Annotated[list[Name], Field(min_length=1)]
    authors_complete: bool = Field(True, description="false when the record showed only the first author(s).")
    year: int | None = Field(None, ge=1850, le=2100, description="Required except for an undated web page.")
    title: Line
    container: Line = Field(description="Journal (article), publisher (book) or organisation.")
    volume: Name | None = None
    issue: Name | None = None
    pages: Name | None = None
    edition: Name | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{1,9}$")] | None = None
    pmcid: Annotated[str, StringConstraints(pattern=r"^PMC\d+$")] | None = None
    isbn: Annotated[str, StringConstraints(pattern=r"^(97[89])?\d{9}[\dX]$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=300)] | None = None
    verified: Verification
    notes: Note | None = None
    findings: list[Finding] = Field(
        default_factory=list, description="Results worth quoting; pages quote them with fact(), never retyped."
    )

    @model_validator(mode="after")
    def _identifiable(self) -> Reference:
        if any(a.rstrip(".").lower() == "et al" for a in self.authors):
            raise ValueError("'et al.' is not an author: list the authors you saw and set authors_complete: false")
        if self.year is None and self.kind != "webpage":
            raise ValueError(f"an {self.kind} needs a year")
        if self.kind in ("article", "book") and not (self.doi or self.pmid or self.isbn):
            raise ValueError(f"an {self.kind} needs a doi, pmid or isbn so readers can find the primary record")
        if self.kind in ("guideline", "webpage") and not (self.doi or self.pmid or self.isbn or self.url):
            raise ValueError(f"a {self.kind} needs a url (or a doi, pmid or isbn)")
        return self


# ---------------------------------------------------------------- claims


class Claim(Reviewed):
    claim: Line = Field(description="The claim as people hear it.")
    theme: Literal[
        "anatomy",
        "sitting-and-posture",
        "symptoms-and-tests",
        "stretching",
        "strength-and-exercise",
        "treatments-and-products",
        "mind-and-body",
        "safety",
    ]
    verdict: Verdict
    certainty: Certainty = Field(
        description="How sure the evidence is, as Cochrane summaries grade it "
        "(very-low when there is next to no research).",
    )
    last_searched: datetime.date = Field(description="When the evidence for this claim was last looked for.")
    summary: Text = Field(description="What the evidence says, and why it gets this verdict.")
    references: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _graded_with_sources(self) -> Claim:
        if self.verdict != "unsupported" and not self.references:
            raise ValueError(f"a '{self.verdict}' verdict needs at least one reference")
        return self


# ---------------------------------------------------------------- glossary


class GlossaryTerm(Entry):
    free_lists: ClassVar[frozenset[str]] = frozenset({"also"})

    term: Name
    definition: Line = Field(description="Plain-language definition, one or two sentences; shown as a tooltip.")
    also: list[Name] = Field(default_factory=list, description="Other spellings or abbreviations that get the tooltip.")

    @model_validator(mode="after")
    def _no_capitalised_repeats(self) -> GlossaryTerm:
        # glossary.js already matches every word with a capital first letter too.
        seen: dict[str, str] = {}
        for word in (self.term, *self.also):
            key = word[:1].lower() + word[1:]
            if key in seen:
                raise ValueError(
                    f"also: {word!r} repeats {seen[key]!r}; a capital first letter is matched anyway, remove it"
                )
            seen[key] = word
        return self


# ---------------------------------------------------------------- routines


# Used to time routines: a repetition takes about 4 s, and changing position between
# steps about 10 s (the routine player counts these down too).
SECONDS_PER_REP = 4
SECONDS_BETWEEN_STEPS = 10


class RoutineStep(Strict):
    exercise: Id
    seconds: int | None = Field(None, ge=5, le=900, description="Time for the step (per side when sides is 'each').")
    reps: int | None = Field(None, ge=1, le=100)
    sides: Literal["together", "each"] = Field(
        "together", description="'each' means do the step on the left, then on the right."
    )
    note: Line | None = None

    @model_validator(mode="after")
    def _has_amount(self) -> RoutineStep:
        if self.seconds is None and self.reps is None:
            raise ValueError("a routine step needs seconds or reps")
        return self

    @property
    def seconds_per_side(self) -> int:
        """The step's time on one side; for repetitions, an estimate (see SECONDS_PER_REP)."""
        return self.seconds or self.reps * SECONDS_PER_REP


class Routine(Entry):
    name: Name
    summary: Text
    steps: Annotated[list[RoutineStep], Field(min_length=1)]

    @property
    def minutes(self) -> int:
        seconds = sum(s.seconds_per_side * (2 if s.sides == "each" else 1) + SECONDS_BETWEEN_STEPS for s in self.steps)
        return max(1, round(seconds / 60))


# ---------------------------------------------------------------- pain map


PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$")]


class Cause(Strict):
    what: Line = Field(description="Something that can cause pain in this region, in plain words.")
    claims: list[Id] = Field(default_factory=list, description="Claim ids that grade this idea, if any.")


class PainRegion(Entry):
    """A body region on the pain map, what can send pain there, and where to read more."""

    name: Name
    views: Annotated[list[Literal["front", "back"]], Field(min_length=1)]
    summary: Text
    causes: Annotated[list[Cause], Field(min_length=1)]
    red_flags: list[Id] = Field(default_factory=list, description="Warning signs that matter for pain here.")
    conditions: list[Id] = Field(default_factory=list, description="Conditions (data/conditions.yml) to read about.")
    pages: Annotated[list[PagePath], Field(min_length=1)] = Field(
        description="Pages that explain it, as paths under docs/, e.g. symptoms.md or red-flags.md#flag-fever."
    )


# ---------------------------------------------------------------- conditions


class Condition(Reviewed):
    """A condition of the iliopsoas or its neighbours that readers confuse with 'a tight psoas'."""

    free_lists: ClassVar[frozenset[str]] = frozenset({"also_called"})

    name: Name
    also_called: list[Name] = Field(default_factory=list)
    group: Literal["iliopsoas", "nerves", "other-groin"]
    summary: Text = Field(description="One or two plain sentences.")
    what_it_is: Text
    who_gets_it: Text
    feels_like: Lines
    how_diagnosed: Lines = Field(description="Examination and imaging; exact clinical terms are fine here.")
    first_steps: Lines
    urgency: Urgency = Field(description="How fast to be seen: a red-flag tier, or self-care.")
    urgency_note: Line
    muscles: list[Id] = Field(default_factory=list, description="Muscles it involves (their cards link back).")
    red_flags: list[Id] = Field(default_factory=list)
    claims: list[Id] = Field(default_factory=list)
    references: Annotated[list[Id], Field(min_length=1)]


# ---------------------------------------------------------------- treatments


class Contraindication(Strict):
    reason: Line = Field(description="Who should not have it, in plain words.")
    why: Text
    sources: list[Id] = Field(default_factory=list)


class Treatment(Reviewed):
    """A treatment or product readers are offered, and when not to have it at all."""

    name: Name
    summary: Text
    avoid_if: list[Contraindication] = Field(default_factory=list)
    claims: list[Id] = Field(default_factory=list)


# ---------------------------------------------------------------- symptom guide


class Answer(Strict):
    label: Name = Field(description="What the reader picks, e.g. 'Yes, or I am not sure'.")
    next: Id = Field(description="The id of the step this answer leads to: another question or an end.")


class PathStep(Reviewed):
    """One screen of the symptom guide (data/symptom_path.yml): a question, or an end.

    A question has `question` and `answers`; its `red_flags` are the warning signs it asks
    about (all of one tier). An end has `end` (a red-flag tier or self-care) and `title`; an
    end at a tier names the `red_flags` or `conditions` that put the reader there, and a
    self-care end gives `advice` with its evidence, a `page`, and optional `exercises`.
    The first entry is where the guide starts. How the steps fit together (every path ends,
    no loops, emergency questions first) is checked in macros/guide.py.
    """

    question: Line | None = Field(None, description="A question: what it asks, in plain words.")
    help: Text | None = Field(None, description="A question: one or two sentences that help the reader answer.")
    answers: list[Answer] = Field(default_factory=list, description="A question: at least two answers.")
    end: Urgency | None = Field(None, description="An end: how fast to act (emergency, same-day, soon), or self-care.")
    title: Line | None = Field(None, description="An end: its heading, e.g. 'Get help now'.")
    advice: Text | None = Field(
        None, description="An end: what guidelines and evidence advise (required for self-care ends)."
    )
    red_flags: list[Id] = Field(
        default_factory=list,
        description="A question: the warning signs it asks about. An end at a tier: the signs that lead to it.",
    )
    conditions: list[Id] = Field(default_factory=list, description="An end: conditions to read about.")
    page: PagePath | None = Field(None, description="A self-care end: the page to read next, under docs/.")
    exercises: list[Id] = Field(default_factory=list, description="A self-care end: exercises to try.")
    claims: list[Id] = Field(default_factory=list, description="An end: claims that grade the advice.")
    watch_for: list[Id] = Field(
        default_factory=list, description="A self-care end: warning signs that mean it is time to get help."
    )
    sources: list[Id] = Field(default_factory=list, description="An end: references behind its advice.")

    @property
    def is_end(self) -> bool:
        return self.end is not None

    @model_validator(mode="after")
    def _question_or_end(self) -> PathStep:
        ending = ("title", "advice", "conditions", "page", "exercises", "claims", "watch_for", "sources")
        if (self.question is None) == (self.end is None):
            raise ValueError("a step is either a question (with 'question:') or an end (with 'end:'), not both")
        if self.question is not None:
            extra = [f for f in ending if getattr(self, f)]
            if extra:
                raise ValueError(f"a question cannot have {', '.join(extra)} (only an end can)")
            if len(self.answers) < 2:
                raise ValueError("a question needs at least two answers")
            return self
        if self.answers or self.help:
            raise ValueError("an end has no answers or help; it is where the guide stops")
        if not self.title:
            raise ValueError("an end needs a title")
        if self.end == "self-care":
            if self.red_flags:
                raise ValueError("a self-care end lists warning signs under watch_for, not red_flags")
            if not (self.advice and self.page and (self.sources or self.claims)):
                raise ValueError("a self-care end needs advice, a page, and sources or claims behind the advice")
        else:
            if not (self.red_flags or self.conditions):
                raise ValueError(f"an end at '{self.end}' needs the red_flags or conditions that lead to it")
            if self.page or self.exercises or self.watch_for:
                raise ValueError("only a self-care end suggests a page, exercises or watch_for")
        return self


# ---------------------------------------------------------------- the files


# data/<file>.yml -> (top-level key, entry model). The key always equals the file name.
KINDS: dict[str, type[Entry]] = {
    "muscles": Muscle,
    "exercises": Exercise,
    "self_tests": SelfTest,
    "red_flags": RedFlag,
    "references": Reference,
    "claims": Claim,
    "glossary": GlossaryTerm,
    "routines": Routine,
    "pain_regions": PainRegion,
    "conditions": Condition,
    "treatments": Treatment,
    "symptom_path": PathStep,
}
