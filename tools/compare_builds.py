"""Compare each page's main text between two builds (MkDocs and Zensical): `make zensical`.

    python tools/compare_builds.py MKDOCS_SITE ZENSICAL_SITE

Prints one line per page whose article text differs, with a similarity ratio and the first
difference, then what else differs site-wide (structured data, glossary tooltips, scripts).
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import lxml.html


def article_text(path: Path) -> str:
    root = lxml.html.parse(str(path)).getroot()
    found = root.xpath("//article")
    return " ".join(found[0].text_content().split()) if found else ""


def features(path: Path) -> dict[str, int]:
    root = lxml.html.parse(str(path)).getroot()
    return {
        "JSON-LD blocks": len(root.xpath("//script[@type='application/ld+json']")),
        "glossary terms (JSON)": len(root.xpath("//script[@id='glossary-terms']")),
        "review lines": len(root.xpath("//p[@class='page-review']")),
        "scripts": len(root.xpath("//script[@src]")),
    }


def main(mkdocs_site: Path, other_site: Path) -> int:
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("index.html") if p.parent.name != "search")
    same, totals = 0, {}
    for rel in pages:
        other = other_site / rel
        if not other.exists():
            print(f"MISSING  {rel}")
            continue
        a, b = article_text(mkdocs_site / rel), article_text(other)
        ratio = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
        if a == b:
            same += 1
        else:
            first = next((i for i, (x, y) in enumerate(zip(a.split(), b.split(), strict=False)) if x != y), 0)
            words = a.split()
            print(f"{ratio:6.3f}  {rel}: first difference near “{' '.join(words[max(0, first - 4) : first + 6])}”")
        for name, count in features(mkdocs_site / rel).items():
            theirs = features(other)[name]
            totals.setdefault(name, [0, 0])
            totals[name][0] += count
            totals[name][1] += theirs
    print(f"\n{same} of {len(pages)} pages have identical article text.")
    print("site-wide: feature (MkDocs / other build)")
    for name, (mine, theirs) in totals.items():
        print(f"  {name}: {mine} / {theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
