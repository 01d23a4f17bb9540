"""How the steps of the symptom guide (data/symptom_path.yml) fit together.

The first entry is where the guide starts. From there every answer leads to another step,
and the rules below keep the guide safe to follow:

- every step can be reached from the start, and no answer leads back to an earlier step,
  so every path ends (a question always has answers; an end has none);
- the first question asks about every sign in the emergency box (`callout: true`);
- each question asks about signs of one tier, and questions come in tier order along every
  path: emergency, then same-day, then soon, then questions with no warning signs;
- every red flag in data/red_flags.yml is asked by some question, and no reader reaches an
  end without having been asked every sign more urgent than that end;
- an end names only signs of its own tier that the question before it asked, and conditions
  whose urgency matches it.

Ids that do not exist are reported by crossrefs.py; here they are skipped.
"""

from __future__ import annotations

from .problems import Problem

KIND = "symptom_path"
LEVELS = ("emergency", "same-day", "soon", "self-care")
RANK = {level: n for n, level in enumerate(LEVELS)}  # a question with no red flags ranks with self-care


def start_of(steps: dict):
    """The step the guide starts from: the first entry in the file."""
    return next(iter(steps.values()), None)


def question_level(step, flags: dict) -> str:
    """The tier a question asks about (that of its first known sign), or 'self-care' if none."""
    for flag_id in step.red_flags:
        if flag_id in flags:
            return flags[flag_id].tier
    return "self-care"


def edges(step, steps: dict):
    """(answer index, next step) for each answer whose next step exists."""
    for index, answer in enumerate(step.answers):
        if answer.next in steps:
            yield index, steps[answer.next]


def longest_path(steps: dict) -> int:
    """The most questions a reader can be asked before an end (the guide has no loops)."""
    memo: dict[str, int] = {}

    def depth(step) -> int:
        if step.id not in memo:
            memo[step.id] = 0  # guards against a loop the checks below report
            memo[step.id] = 0 if step.is_end else 1 + max((depth(n) for _, n in edges(step, steps)), default=0)
        return memo[step.id]

    start = start_of(steps)
    return depth(start) if start is not None else 0


def guide_problems(site, failed: dict) -> list[Problem]:
    """Every problem with how the guide's steps fit together, or [] if its file has its own errors."""
    if failed.get(KIND) is None or failed[KIND]:
        return []
    steps, flags, conditions = site.kind(KIND), site.kind("red_flags"), site.kind("conditions")
    problems: list[Problem] = []

    def problem(step_id: str, message: str, *loc) -> None:
        problems.append(Problem(*site.where(KIND, step_id, *loc), step_id, message))

    start = start_of(steps)
    if start is None:
        rel = site.where(KIND, "")[0]
        return [Problem(rel, 1, 1, None, "the guide is empty: it needs a first question and the ends it leads to")]
    if start.is_end:
        problem(start.id, "the first step is where the guide starts, so it must be a question")
        return problems

    _check_questions(steps, flags, start, problem)
    order, cyclic = _walk(steps, start, problem)
    # An answer whose next step does not exist is reported with a close match (crossrefs.py);
    # the step it meant would look unreachable here, so wait until it is fixed.
    dangling = any(a.next not in steps for step in steps.values() for a in step.answers)
    for step in steps.values():
        if step.id not in order and not dangling:
            problem(
                step.id,
                f"no answer leads to this step from the start ('{start.id}'); point an answer's next: at it, "
                "or remove it",
            )
    for step in order.values():
        for index, following in edges(step, steps):
            if following.is_end:
                continue
            here, there = question_level(step, flags), question_level(following, flags)
            if RANK[there] < RANK[here]:
                problem(
                    step.id,
                    f"answers.{index}.next: '{following.id}' asks about {_described(there)} after this question "
                    f"asked about {_described(here)}; ask emergency signs first, then same-day, then soon, "
                    "then the rest",
                    "answers",
                    index,
                    "next",
                )
    problems += _flag_problems(site, steps, flags)
    _check_ends(steps, flags, conditions, order, problem)
    if not cyclic and not dangling:
        _check_asked_before_each_end(steps, flags, order, start, problem)
    return problems


def _described(level: str) -> str:
    return "no warning signs" if level == "self-care" else f"{level} signs"


def _check_questions(steps, flags, start, problem) -> None:
    for step in steps.values():
        if step.is_end:
            continue
        level = question_level(step, flags)
        for index, flag_id in enumerate(step.red_flags):
            if flag_id in flags and flags[flag_id].tier != level:
                problem(
                    step.id,
                    f"red_flags.{index}: '{flag_id}' is a {flags[flag_id].tier} sign, but this question asks "
                    f"about {level} signs; one question asks about signs of one tier",
                    "red_flags",
                    index,
                )
    missing = [f.id for f in flags.values() if f.callout and f.id not in start.red_flags]
    if missing:
        problem(
            start.id,
            "red_flags: the first question must ask about every sign in the emergency box (callout: true in "
            f"data/red_flags.yml); add {', '.join(repr(m) for m in missing)}",
            "red_flags",
        )


def _walk(steps, start, problem) -> tuple[dict, bool]:
    """Steps reachable from the start, in depth-first order; reports each answer that loops back."""
    order: dict = {}
    state: dict[str, str] = {}  # "open" while on the current path, then "done"
    path: list[str] = []
    cyclic = False

    def visit(step) -> None:
        nonlocal cyclic
        state[step.id] = "open"
        order[step.id] = step
        path.append(step.id)
        for index, following in edges(step, steps):
            if state.get(following.id) == "open":
                cyclic = True
                loop = [*path[path.index(following.id) :], following.id]
                problem(
                    step.id,
                    f"answers.{index}.next: '{following.id}' leads back to an earlier step "
                    f"({' → '.join(loop)}); every answer must move on toward an end",
                    "answers",
                    index,
                    "next",
                )
            elif following.id not in state:
                visit(following)
        path.pop()
        state[step.id] = "done"

    visit(start)
    return order, cyclic


def _flag_problems(site, steps, flags) -> list[Problem]:
    """Every warning sign is asked somewhere, so a new red flag cannot be left out of the guide."""
    asked = {flag_id for step in steps.values() if not step.is_end for flag_id in step.red_flags}
    return [
        Problem(
            *site.where("red_flags", flag.id),
            flag.id,
            f"no question in data/{KIND}.yml asks about this sign; add it to a question about {flag.tier} signs",
        )
        for flag in flags.values()
        if flag.id not in asked
    ]


def _check_ends(steps, flags, conditions, order, problem) -> None:
    leads_here: dict[str, set[str]] = {}
    for step in order.values():
        for _, following in edges(step, steps):
            leads_here.setdefault(following.id, set()).update(step.red_flags)
    for step in steps.values():
        if not step.is_end:
            continue
        for index, flag_id in enumerate(step.red_flags):
            if flag_id not in flags:
                continue
            if flags[flag_id].tier != step.end:
                problem(
                    step.id,
                    f"red_flags.{index}: '{flag_id}' is a {flags[flag_id].tier} sign, but this end is '{step.end}'",
                    "red_flags",
                    index,
                )
            elif step.id in order and flag_id not in leads_here.get(step.id, set()):
                problem(
                    step.id,
                    f"red_flags.{index}: no question that leads straight here asks about '{flag_id}'; an end "
                    "names the signs the reader said yes to",
                    "red_flags",
                    index,
                )
        for index, condition_id in enumerate(step.conditions):
            if condition_id in conditions and conditions[condition_id].urgency != step.end:
                problem(
                    step.id,
                    f"conditions.{index}: '{condition_id}' has urgency '{conditions[condition_id].urgency}' in "
                    f"data/conditions.yml, but this end is '{step.end}'",
                    "conditions",
                    index,
                )


def _check_asked_before_each_end(steps, flags, order, start, problem) -> None:
    """No end is reached before every more urgent sign has been asked, on any path."""
    incoming: dict[str, list] = {step_id: [] for step_id in order}
    for step in order.values():
        for _, following in edges(step, steps):
            incoming[following.id].append(step)
    asked: dict[str, set[str]] = {}

    def asked_before(step) -> set[str]:
        if step.id not in asked:
            if step is start:
                asked[step.id] = set()
            else:
                sets = [asked_before(p) | set(p.red_flags) for p in incoming[step.id]]
                asked[step.id] = set.intersection(*sets) if sets else set()
        return asked[step.id]

    for step in order.values():
        if not step.is_end:
            continue
        needed = [f.id for f in flags.values() if RANK[f.tier] < RANK[step.end]]
        missing = [flag_id for flag_id in needed if flag_id not in asked_before(step)]
        if missing:
            problem(
                step.id,
                f"a reader can reach this {step.end} end without being asked about "
                f"{', '.join(repr(m) for m in missing)}; ask every more urgent sign before it",
            )
