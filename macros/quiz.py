"""The quiz: questions made from data at build time, so none is ever typed into a page.

Seven kinds of question, each from one field of one data file:

- muscles.yml: which muscle starts (`origin`) or ends (`insertion`) at a place, what a
  muscle does (`actions`, its first, main action) and which spinal roots supply it
  (`innervation.roots`); the wrong options come from other muscles;
- claims.yml: "myth or evidence?", answered by the claim's `verdict`;
- red_flags.yml: "how fast should you act?", answered by the flag's `tier`;
- exercises.yml with figures/<id>-end.svg: "which exercise is this?".

Everything here is plain Python on the loaded data: the words around the data (question
stems, option labels for verdicts and tiers) belong to templates/quiz.html. Wrong options are
chosen with a random generator seeded by the question's id, so every build writes the same
quiz, and a question keeps its id (and a reader's progress on it) while the data it comes
from stays.
"""

from __future__ import annotations

import ast
import hashlib
import random
import re
from dataclasses import dataclass
from typing import get_args

from .models import Tier, Verdict

OPTIONS = 4  # options per question when data offers enough distinct wrong ones
TOPICS = ("muscles", "claims", "red-flags", "exercises")
MUSCLE_FIELDS = ("origin", "insertion", "actions", "roots")
VERDICTS = get_args(Verdict)
TIERS = get_args(Tier)

# Words that say nothing about a place or a movement, left out when two texts are compared.
STOPWORDS = frozenset(
    "a an and are as at be both by each for from in into is it its just most of on one or other some "  # noqa: SIM905
    "that the their them this through to together up when which while with".split()
)


@dataclass(frozen=True)
class Option:
    """One answer a reader may pick. `label` is data text shown as it is; None means the
    template names `key` (a verdict or a tier, in the site's own words for them)."""

    key: str
    label: str | None = None


@dataclass(frozen=True)
class Question:
    id: str  # stable: "<kind>-<entry id>"; a reader's progress is stored under it
    topic: str  # one of TOPICS: the set the page shows it in
    kind: str  # origin, insertion, actions, roots, verdict, tier, drawing
    subject: str  # the id of the entry it is about
    name: str  # that entry's name (a muscle's, an exercise's), for the question's wording
    prompt: str  # the data the question shows (a place, a claim, a sign); "" when none
    options: tuple[Option, ...]
    answer: int  # index of the right option
    reason: str  # why, in one sentence from data
    target: tuple[str, str] | None  # (docs path, anchor) of where the site explains it

    @property
    def right(self) -> Option:
        return self.options[self.answer]


def rng_for(question_id: str) -> random.Random:
    """A generator seeded by the question id alone: the same options, in the same order, every build."""
    return random.Random(int.from_bytes(hashlib.sha256(question_id.encode("utf-8")).digest()[:8], "big"))


def first_sentence(text: str) -> str:
    """The first sentence of a data text."""
    for match in re.finditer(r"[.!?](?=\s+[A-Z(“\"])", text):
        before = text[: match.end()]
        if not re.search(r"\b(?:e\.g|i\.e|et al|vs|approx|Dr|St)\.$", before):
            return before.strip()
    return text.strip()


def lead(text: str, at_least: int = 60) -> str:
    """The opening of a summary, as the reason for an answer: its first sentence, or the first
    two or more when the first is too short to explain anything ('Partly.')."""
    taken = ""
    rest = text.strip()
    while rest and len(taken) < at_least:
        sentence = first_sentence(rest)
        taken = f"{taken} {sentence}".strip()
        rest = rest[len(sentence) :].strip()
    return taken


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "ed", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 3 else word


def words(text: str) -> set[str]:
    """The content words of a text, crudely stemmed: 'Flexes the hip' -> {'flex', 'hip'}."""
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 1}


def overlaps(a: str, b: str) -> bool:
    """Two places or movements that share two content words ('anterior superior iliac spine'
    and 'anterior superior iliac spine and ...'; 'flexes the hip' and 'flexes and abducts the
    hip') are too alike to be a fair wrong option for each other."""
    return len(words(a) & words(b)) >= 2


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def _pick_distinct(
    rng: random.Random, candidates: list[tuple[str, str]], right: str, n: int, clash=lambda a, b: False
) -> list[tuple[str, str]]:
    """Up to n (key, text) candidates in random order: none with the right answer's text, no
    two with the same text, and no two that `clash` (two wrong options alike say both are wrong)."""
    pool = list(candidates)
    rng.shuffle(pool)
    seen, chosen = {_norm(right)}, []
    for key, text in pool:
        if _norm(text) in seen or any(clash((key, text), other) for other in chosen):
            continue
        seen.add(_norm(text))
        chosen.append((key, text))
        if len(chosen) == n:
            break
    return chosen


def _shuffled(rng: random.Random, right: Option, wrong: list[Option]) -> tuple[tuple[Option, ...], int]:
    options = [right, *wrong]
    rng.shuffle(options)
    return tuple(options), options.index(right)


# ---------------------------------------------------------------- muscles


def _named_in(text: str, muscle) -> bool:
    return muscle.name.casefold() in text.casefold()


def _related(a, b) -> bool:
    """Muscles that data says share a main action (synergists, either way round)."""
    return b.id in a.synergists or a.id in b.synergists


def muscle_questions(data, homes: dict) -> list[Question]:
    questions = []
    muscles = list(data.muscles.values())
    for m in muscles:
        others = [o for o in muscles if o.id != m.id]
        target = (homes[("muscle_card", m.id)], f"muscle-{m.id}") if ("muscle_card", m.id) in homes else None
        for field in ("origin", "insertion"):
            # Shown a place, pick the muscle: wrong muscles attach somewhere clearly different
            # and are not named in the place's description.
            qid = f"{field}-{m.id}"
            rng = rng_for(qid)
            place = getattr(m, field)
            fair = [
                (o.id, o.name) for o in others if not overlaps(getattr(o, field), place) and not _named_in(place, o)
            ]
            wrong = [Option(key, name) for key, name in _pick_distinct(rng, fair, m.name, OPTIONS - 1)]
            options, answer = _shuffled(rng, Option(m.id, m.name), wrong)
            questions.append(Question(qid, "muscles", field, m.id, m.name, place, options, answer, m.summary, target))
        # What does it do? Its first (main) action, against actions of muscles that are not its
        # synergists and that it does not also perform.
        qid = f"actions-{m.id}"
        rng = rng_for(qid)
        right = m.actions[0]
        fair_muscles = [o for o in others if not _related(m, o)]
        rng.shuffle(fair_muscles)
        fair = []
        for o in fair_muscles:
            actions = [a for a in o.actions if not any(overlaps(a, mine) for mine in m.actions)]
            if actions:
                fair.append((o.id, rng.choice(actions)))
        picked = _pick_distinct(rng, fair, right, OPTIONS - 1, clash=lambda a, b: overlaps(a[1], b[1]))
        wrong = [Option(key, text) for key, text in picked]
        options, answer = _shuffled(rng, Option(m.id, right), wrong)
        questions.append(Question(qid, "muscles", "actions", m.id, m.name, "", options, answer, m.summary, target))
        # Which spinal roots? Other muscles' roots, never the same text twice.
        qid = f"roots-{m.id}"
        rng = rng_for(qid)
        roots = m.innervation.roots
        fair = [(o.id, o.innervation.roots) for o in others]
        wrong = [Option(key, text) for key, text in _pick_distinct(rng, fair, roots, OPTIONS - 1)]
        options, answer = _shuffled(rng, Option(m.id, roots), wrong)
        questions.append(
            Question(qid, "muscles", "roots", m.id, m.name, "", options, answer, m.innervation.nerve, target)
        )
    return questions


# ---------------------------------------------------------------- claims and red flags


def claim_questions(data, site_pages: dict) -> list[Question]:
    """Myth or evidence? The four verdicts, in the order the site always gives them."""
    options = tuple(Option(v) for v in VERDICTS)
    return [
        Question(
            f"claim-{c.id}",
            "claims",
            "verdict",
            c.id,
            "",
            c.claim,
            options,
            VERDICTS.index(c.verdict),
            lead(c.summary),
            (site_pages["myths"], f"claim-{c.id}") if "myths" in site_pages else None,
        )
        for c in data.claims.values()
    ]


def flag_questions(data, site_pages: dict) -> list[Question]:
    """How fast should you act? The three tiers, most urgent first."""
    options = tuple(Option(t) for t in TIERS)
    return [
        Question(
            f"flag-{f.id}",
            "red-flags",
            "tier",
            f.id,
            "",
            f.sign,
            options,
            TIERS.index(f.tier),
            f.may_point_to,
            (site_pages["red_flags"], f"flag-{f.id}") if "red_flags" in site_pages else None,
        )
        for f in data.red_flags.values()
    ]


# ---------------------------------------------------------------- exercises


def look_alike(a, b) -> bool:
    """Exercises of the same kind on the same target muscles (the two hip-flexor stretches on a
    knee, the two bridges) look alike in a small drawing, so they are never options together."""
    return a.kind == b.kind and set(a.muscles.target) == set(b.muscles.target)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def giveaway_phrases(exercise) -> set[str]:
    """What would name an exercise: each of its names, and every run of two or more words of
    one that holds two content words ('slow breathing' from 'Constructive rest with slow
    breathing'). Single words are left out: 'knee', 'side' or 'lying' describe a pose."""
    phrases = set()
    for name in (exercise.name, *exercise.also_called):
        tokens = _tokens(name)
        phrases.add(" ".join(tokens))
        for i in range(len(tokens)):
            for j in range(i + 2, len(tokens) + 1):
                if sum(t not in STOPWORDS for t in tokens[i:j]) >= 2:
                    phrases.add(" ".join(tokens[i:j]))
    return phrases


def gives_away(text: str, exercise) -> bool:
    """Does a drawing's title or description name the exercise it shows?"""
    flat = f" {' '.join(_tokens(text))} "
    return any(f" {phrase} " in flat for phrase in giveaway_phrases(exercise))


def exercise_questions(data, homes: dict, drawings: set[str]) -> list[Question]:
    """Which exercise is this? Its end-position drawing, against exercises that look different."""
    questions = []
    exercises = list(data.exercises.values())
    for e in exercises:
        if f"{e.id}-end" not in drawings:
            continue
        qid = f"drawing-{e.id}"
        rng = rng_for(qid)
        fair = [(o.id, o.name) for o in exercises if o.id != e.id and not look_alike(e, o)]
        picked = _pick_distinct(
            rng, fair, e.name, OPTIONS - 1, clash=lambda a, b: look_alike(data.exercises[a[0]], data.exercises[b[0]])
        )
        wrong = [Option(key, name) for key, name in picked]
        options, answer = _shuffled(rng, Option(e.id, e.name), wrong)
        target = (homes[("exercise_card", e.id)], "") if ("exercise_card", e.id) in homes else None
        questions.append(
            Question(qid, "exercises", "drawing", e.id, e.name, "", options, answer, lead(e.summary), target)
        )
    return questions


# ---------------------------------------------------------------- all of them


def build(data, homes: dict, site_pages: dict, drawings: set[str]) -> list[Question]:
    """Every question, by topic. A question with no wrong option data can offer is left out."""
    questions = (
        muscle_questions(data, homes)
        + claim_questions(data, site_pages)
        + flag_questions(data, site_pages)
        + exercise_questions(data, homes, drawings)
    )
    return [q for q in questions if len(q.options) >= 2]


CARD_CALL = re.compile(r"\{\{\s*(muscle_card|exercise_card)\((.*?)\)\s*\}\}", re.S)


def card_homes(pages) -> dict[tuple[str, str], str]:
    """Where each muscle's and exercise's card lives: {("muscle_card", "iliacus"): "anatomy/iliopsoas.md"}.

    An exercise's home is the page that shows its card at the top level (level 2, as its own
    page does), not a routine that repeats it; otherwise the first page, in path order."""
    homes: dict[tuple[str, str], str] = {}
    fallback: dict[tuple[str, str], str] = {}
    for page in sorted(pages, key=lambda p: p.rel):
        for macro, args in CARD_CALL.findall(page.body):
            try:
                call = ast.parse(f"f({args})", mode="eval").body
                entry_id = ast.literal_eval(call.args[0])
                options = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            except (SyntaxError, ValueError, IndexError):
                continue  # not a literal call; the build reports a broken one
            key = (macro, entry_id)
            fallback.setdefault(key, page.rel)
            if options.get("level", 2) == 2:
                homes.setdefault(key, page.rel)
    return fallback | homes
