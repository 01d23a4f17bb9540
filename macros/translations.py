"""Keep other languages in step with English: what is due, skeletons to fill in, marking work done.

    python -m macros.translations due [LANG]            # `make translations-due`: list, exit 1 if any
    python -m macros.translations skeleton LANG         # add what is missing, marked TODO
    python -m macros.translations done FILE [ID ...]    # `make translation-done FILE=…`: record
                                                        # the English the file (or those ids) now translates

A page in docs/<lang>/ translates the English page at the same path; its front matter holds
`source_hash`, the hash of the English title, description and text it was made from. A data
entry in data/<lang>/ holds the same key for the English words of that entry (localise.py).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from .i18n import DEFAULT, LANGUAGES
from .load import load
from .localise import HASH_KEY, Due, english_prose, source_hash
from .models import KINDS
from .pages import FRONT_MATTER, all_pages, read_page
from .problems import DataError

ROOT = Path(__file__).resolve().parents[1]
TODO = "TODO translate: "


# ---------------------------------------------------------------- pages


def page_hash(page) -> str:
    """The fingerprint of what a translation of this English page must follow."""
    return source_hash({"title": page.meta.title or "", "description": page.meta.description or "", "body": page.body})


def pages_due(root: Path, lang: str) -> list[Due]:
    docs = root / "docs"
    english = {p.rel: p for p in all_pages(docs)}
    found = {p.rel: p for p in all_pages(docs / LANGUAGES[lang])}
    due = [
        Due(f"docs/{LANGUAGES[lang]}/{rel}", "no translation of this page yet") for rel in english if rel not in found
    ]
    for rel, page in found.items():
        if rel not in english:
            due.append(Due(f"docs/{LANGUAGES[lang]}/{rel}", f"docs/{rel} does not exist: remove or rename this page"))
        elif page.meta.source_hash is None:
            due.append(Due(f"docs/{LANGUAGES[lang]}/{rel}", "not marked as translated yet (no source_hash)"))
        elif page.meta.source_hash != page_hash(english[rel]):
            due.append(Due(f"docs/{LANGUAGES[lang]}/{rel}", f"docs/{rel} changed since this translation"))
    return due


def data_due(root: Path, lang: str) -> list[Due]:
    try:
        return load(root / "data", root=root, lang=lang).due
    except DataError as error:
        return [Due(str(problem).split(": ", 1)[0], "not translated or not valid") for problem in error.problems]


def due(root: Path, lang: str) -> list[Due]:
    return pages_due(root, lang) + data_due(root, lang)


# ---------------------------------------------------------------- marking a translation done


def mark_done(root: Path, file: Path, ids: list[str]) -> list[str]:
    """Record the current English hash in a translated page or data file; returns what was marked."""
    rel = file.resolve().relative_to(root.resolve()).as_posix()
    parts = rel.split("/")
    if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES.values():
        return [_mark_page(root, file, "/".join(parts[2:]))]
    if parts[0] == "data" and len(parts) == 3:
        return _mark_data(root, file, parts[2].removesuffix(".yml"), ids)
    raise SystemExit(f"{rel}: not a translated page (docs/<lang>/…) or data file (data/<lang>/<kind>.yml)")


def _mark_page(root: Path, file: Path, english_rel: str) -> str:
    english = read_page(root / "docs" / english_rel, root / "docs")
    text = file.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    front, body = (match.group(1), text[match.end() :]) if match else ("", text)
    line = f'{HASH_KEY}: "{page_hash(english)}"\n'
    front = re.sub(rf"^{HASH_KEY}:.*\n", line, front, flags=re.M) if HASH_KEY in front else front + line
    file.write_text("---\n" + front + "---\n" + body, encoding="utf-8")
    return str(file)


def _mark_data(root: Path, file: Path, kind: str, ids: list[str]) -> list[str]:
    english = load(root / "data", root=root).kind(kind)
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    marked, out, current = [], [], None
    for line in lines:
        start = re.match(r"^(\s*)- id:\s*(\S+)\s*$", line)
        if start:
            current = start.group(2).strip("'\"")
            out.append(line)
            if current in english and (not ids or current in ids):
                out.append(f'{start.group(1)}  {HASH_KEY}: "{source_hash(english_prose(english[current]))}"\n')
                marked.append(current)
            continue
        if re.match(rf"^\s*{HASH_KEY}:", line) and current in marked:
            continue  # replaced above
        out.append(line)
    file.write_text("".join(out), encoding="utf-8")
    return marked


# ---------------------------------------------------------------- skeletons for a new language


def skeleton(root: Path, lang: str) -> list[str]:
    """Add every missing entry to data/<lang>/*.yml with the English marked TODO; returns files written."""
    english = load(root / "data", root=root)
    folder = root / "data" / LANGUAGES[lang]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.yml"
        have = set()
        if path.exists():
            have = {item["id"] for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(kind, [])}
        missing = []
        for entry_id, entry in english.kind(kind).items():
            prose = english_prose(entry)
            if prose and entry_id not in have:
                missing.append({"id": entry_id, HASH_KEY: source_hash(prose), **_todo(prose)})
        if not missing:
            continue
        text = yaml.safe_dump(missing, allow_unicode=True, sort_keys=False, width=100)
        indented = "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True))
        if path.exists():
            path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + indented, encoding="utf-8")
        else:
            path.write_text(f"{kind}:\n" + indented, encoding="utf-8")
        written.append(f"{path.relative_to(root)}: {len(missing)} entries to translate")
    return written


def page_skeletons(root: Path, lang: str) -> list[str]:
    """Copy each English page with no translation into docs/<lang>/, its title marked TODO."""
    docs = root / "docs"
    written = []
    for page in all_pages(docs):
        target = docs / LANGUAGES[lang] / page.rel
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (docs / page.rel).read_text(encoding="utf-8")
        title = json.dumps(TODO + (page.meta.title or page.title), ensure_ascii=False)
        text = re.sub(r"^title: .*$", f"title: {title}".replace("\\", "\\\\"), text, count=1, flags=re.M)
        target.write_text(text, encoding="utf-8")
        written.append(f"{target.relative_to(root)}: copied from English, to translate")
    return written


def _todo(value):
    if isinstance(value, str):
        return TODO + value
    if isinstance(value, list):
        return [_todo(v) for v in value]
    return {k: _todo(v) for k, v in value.items()}


# ---------------------------------------------------------------- command line


def configured_languages(root: Path) -> list[str]:
    """The languages mkdocs.yml lists in extra.languages (the site builds exactly these)."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    return [item["lang"] for item in config["extra"].get("languages") or []]


def main(argv: list[str]) -> int:
    command, *rest = argv or ["due"]
    if command == "due":
        langs = rest or [lang for lang in configured_languages(ROOT) if lang != DEFAULT]
        items = [item for lang in langs for item in due(ROOT, lang)]
        for item in items:
            print(item)
        print(f"{len(items)} translation(s) due" if items else "translations are up to date", file=sys.stderr)
        return 1 if items else 0
    if command == "skeleton" and rest:
        for line in skeleton(ROOT, rest[0]) + page_skeletons(ROOT, rest[0]):
            print(line)
        return 0
    if command == "done" and rest:
        for item in mark_done(ROOT, Path(rest[0]), rest[1:]):
            print(f"marked up to date: {item}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
