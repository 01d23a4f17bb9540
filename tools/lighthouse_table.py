"""Print Lighthouse reports as a Markdown table: per page, the lowest score in each category over
all its runs, and the most bytes any run transferred.

python tools/lighthouse_table.py build/lighthouse/reports   (files NAME.RUN.json, as tools/lighthouse.sh writes)
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "FCP ms",
    "largest-contentful-paint": "LCP ms",
    "total-blocking-time": "TBT ms",
    "cumulative-layout-shift": "CLS",
}


def page_of(report: dict) -> str:
    return "/" + (report["finalDisplayedUrl"].split("/", 3)[-1] or "")


def lowest(reports: list[dict], key: str) -> str:
    scores = [r["categories"].get(key, {}).get("score") for r in reports]
    return "–" if None in scores else str(min(round(s * 100) for s in scores))


def row(page: str, reports: list[dict]) -> str:
    weight = max(r["audits"]["total-byte-weight"]["numericValue"] for r in reports) / 1024
    name = "/ (home)" if page == "/" else page
    return f"| {name} | " + " | ".join(lowest(reports, key) for key in CATEGORIES) + f" | {weight:.0f} KiB |"


def worst(page: str, reports: list[dict]) -> str:
    """The metrics of the run with the lowest performance score, to see what held it back, and
    Lighthouse's benchmark index of the machine during that run (lower: a slower or busier machine)."""
    report = min(reports, key=lambda r: r["categories"]["performance"]["score"] or 0)
    audits = report["audits"]
    values = [f"{audits[key]['numericValue']:.0f}" for key in METRICS if key != "cumulative-layout-shift"]
    values.append(f"{audits['cumulative-layout-shift']['numericValue']:.3f}")
    index = report["environment"]["benchmarkIndex"]
    return f"| {page} | " + " | ".join(values) + f" | {index:.0f} |"


def main(folder: Path) -> None:
    by_page: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(folder.glob("*.json")):
        report = json.loads(path.read_text())
        by_page[page_of(report)].append(report)
    by_page = dict(sorted(by_page.items(), key=lambda item: (item[0] != "/", item[0])))  # home first
    first = next(iter(by_page.values()))[0]
    runs = sorted({len(reports) for reports in by_page.values()})
    print(f"Lighthouse {first['lighthouseVersion']}, mobile, gzip; lowest score of {'/'.join(map(str, runs))} runs")
    print("| page | performance | accessibility | best practices | SEO | transferred |")
    print("|---|---|---|---|---|---|")
    for page, reports in by_page.items():
        print(row(page, reports))
    print()
    print("Slowest run per page:")
    print("| page | " + " | ".join(METRICS.values()) + " | benchmark index |")
    print("|---|" + "---|" * (len(METRICS) + 1))
    for page, reports in by_page.items():
        print(worst(page, reports))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
