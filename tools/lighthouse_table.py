"""Print Lighthouse reports as a Markdown table: scores and bytes transferred per page."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def row(report: dict) -> str:
    cats = report["categories"]

    def score(key):
        return f"{round(cats[key]['score'] * 100)}" if cats.get(key, {}).get("score") is not None else "–"

    weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    page = report["finalDisplayedUrl"].split("/", 3)[-1] or "(home)"
    return (
        f"| /{page.lstrip('/')} | {score('performance')} | {score('accessibility')} | {score('best-practices')} "
        f"| {score('seo')} | {weight:.0f} KiB |"
    )


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(f"Lighthouse {json.loads(next(folder.glob('*.json')).read_text())['lighthouseVersion']}, mobile, gzip")
    print("| page | performance | accessibility | best practices | SEO | transferred |")
    print("|---|---|---|---|---|---|")
    for path in sorted(folder.glob("*.json")):
        print(row(json.loads(path.read_text())))
