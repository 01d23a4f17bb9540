"""Write a valid stub for a contributor to fill in.

    python -m macros.scaffold exercise ID     (make new-exercise ID=...)
    python -m macros.scaffold muscle ID       (make new-muscle ID=...)
    python -m macros.scaffold page PATH       (make new-page PATH=...)

Stubs pass the schema so the preview builds at once, and every placeholder says TODO;
the tests refuse any TODO left in data/ or docs/, so a stub cannot be merged unfilled.
Every other language the site lists gets the same stub (data/<folder>/, docs/<folder>/),
so every language still builds; its TODOs are translated once the English is written.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

from .models import ID_PATTERN

ROOT = Path(__file__).resolve().parents[1]
REVIEW_MONTHS = 6

MUSCLE = """
  - id: {id}
    name: TODO Name
    summary: TODO One plain sentence a worried reader understands.
    origin: TODO Exact anatomical wording.
    insertion: TODO Exact anatomical wording.
    actions:
      - TODO One action per item.
    innervation:
      nerve: TODO Nerve
      roots: TODO e.g. L2–L4
    blood_supply:
      - TODO One vessel per item.
    synergists: []
    antagonists: []
    sources: [{source}]  # TODO the reference you checked (add it to data/references.yml first)
"""

EXERCISE = """
  - id: {id}
    name: TODO Name
    also_called: [TODO other names]
    kind: stretch  # TODO stretch | strength | endurance | relaxation | habit
    summary: TODO What it is for, honestly, in one or two plain sentences.
    muscles:
      works: stretched  # TODO stretched | strengthened | relaxed | moved
      target: [{muscle}]  # TODO muscle ids
      synergists: []
      stabilisers: []
    steps:
      - TODO First step.
      - TODO Second step.
    dose:
      summary: TODO The dose in words
      hold_seconds: 30  # TODO or reps (and sets)
      frequency: TODO how often
      days_per_week: 3  # TODO days a week the reminder repeats, as the frequency says
      basis: expert-opinion  # TODO evidence (then add sources) | expert-opinion
    cues: [TODO]
    mistakes: [TODO]
    stop_if:
      - Pain, numbness or tingling spreads down the leg.
    easier: [TODO]
    harder: [TODO]
    cautions:
      pregnancy: TODO How to do it safely in pregnancy and after the birth.
      osteoporosis: TODO How to do it safely with thin bones.
      after_surgery: TODO What changes after hip, back or belly surgery.
      falls_risk: TODO How to get down, up and steady safely.
      sources: [{source}]  # TODO the guidance you checked
"""


DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120" role="img" \
aria-labelledby="{{{{ uid }}}}-title {{{{ uid }}}}-desc" class="figure-svg">\
<title id="{{{{ uid }}}}-title">TODO {name}: {stage} position</title>\
<desc id="{{{{ uid }}}}-desc">TODO Describe the {stage} position in words; draw it as in tools/figures.</desc>\
<rect x="4" y="4" width="232" height="112" fill="none" stroke="currentColor" stroke-dasharray="6 4"/></svg>
"""


def front_matter(title: str, today: datetime.date) -> str:
    due = today.replace(
        year=today.year + (today.month + REVIEW_MONTHS - 1) // 12,
        month=(today.month + REVIEW_MONTHS - 1) % 12 + 1,
        day=min(today.day, 28),
    )
    return (
        f"---\ntitle: {title}\ndescription: TODO One plain sentence for search results.\n"
        f'last_reviewed: "{today.isoformat()}"\nnext_review: "{due.isoformat()}"\n'
        f"author: TODO your name\nreviewed_by: TODO reviewer and role\n---\n\n# {title}\n\n"
    )


def new_entry(kind: str, entry_id: str, root: Path = ROOT) -> list[Path]:
    if not re.fullmatch(ID_PATTERN, entry_id):
        raise SystemExit(f"'{entry_id}' is not a valid id: use lowercase words and digits joined by hyphens")
    path = root / "data" / f"{kind}.yml"
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^  - id: {re.escape(entry_id)}$", text, re.M):
        raise SystemExit(f"data/{kind}.yml already has an entry '{entry_id}'")

    def first(name):
        return re.search(r"^  - id: (\S+)$", (root / "data" / f"{name}.yml").read_text(), re.M).group(1)

    template = MUSCLE if kind == "muscles" else EXERCISE
    path.write_text(
        text.rstrip("\n") + "\n" + template.format(id=entry_id, source=first("references"), muscle=first("muscles")),
        encoding="utf-8",
    )
    written = [path]
    if kind == "exercises":
        page = root / "docs" / "exercises" / f"{entry_id}.md"
        written += new_page(
            page, root, body=f'{{{{ emergency_callout() }}}}\n\n{{{{ exercise_card("{entry_id}") }}}}\n'
        )
        for stage in ("start", "end"):  # placeholders, so the preview builds; the TODO keeps them out of main
            drawing = root / "figures" / f"{entry_id}-{stage}.svg"
            drawing.write_text(DRAWING.format(name=entry_id, stage=stage), encoding="utf-8")
            written.append(drawing)
    return written


def new_page(path: Path, root: Path = ROOT, body: str = "TODO Write the page.\n") -> list[Path]:
    path = path if path.is_absolute() else root / (path if str(path).startswith("docs/") else Path("docs") / path)
    if path.suffix != ".md":
        raise SystemExit(f"{path}: a page must end in .md")
    if path.exists():
        raise SystemExit(f"{path.relative_to(root)} already exists")
    title = "TODO " + path.stem.replace("-", " ").capitalize()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(title, datetime.date.today()) + body, encoding="utf-8")
    return [path]


def translation_stubs(root: Path) -> list[str]:
    """What the other languages lack after a new stub, copied from English and marked TODO."""
    from .i18n import DEFAULT
    from .translations import configured_languages, page_skeletons, skeleton

    others = [lang for lang in configured_languages(root) if lang != DEFAULT]
    return [line for lang in others for line in skeleton(root, lang) + page_skeletons(root, lang)]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("exercise", "muscle", "page") or not argv[1]:
        print(__doc__, file=sys.stderr)
        return 2
    kind, name = argv
    written = new_page(Path(name)) if kind == "page" else new_entry(kind + "s", name)
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    for line in translation_stubs(ROOT):
        print(f"wrote {line}")
    if any(p.suffix == ".md" for p in written):
        print("next: add the page to `nav:` in mkdocs.yml, then fill in every TODO (make serve shows it as you go)")
    else:
        print("next: fill in every TODO; `make validate` checks the entry")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
