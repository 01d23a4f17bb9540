"""`make bench`: how build time scales with the number of pages, and what the macros cost.

Builds (each several times; the median counts):
  * the real site;
  * synthetic sites of 100 and 1,000 articles, generated in a temp dir from the real data and
    macros: each article is about 800 words of prose and calls several macros;
  * the same 1,000 (and 100) articles pre-rendered once, so the build runs with macros off.

Reports median wall time, time per page, peak memory, HTML bytes per page and search-index
size, then one line:
    bench: pages=<real pages> overhead=<macros / pre-rendered at 1,000> scale=<t(1,000) / t(100)>
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WORDS = [
    "the",
    "psoas",
    "and",
    "iliacus",
    "share",
    "a",
    "tendon",
    "that",
    "crosses",
    "the",
    "front",
    "of",
    "the",
    "hip",
    "joint",
    "and",
    "most",
    "back",
    "pain",
    "settles",
    "with",
    "time",
    "movement",
    "and",
    "gentle",
    "exercise",
    "while",
    "a",
    "few",
    "warning",
    "signs",
    "need",
    "a",
    "doctor",
]


def article(n: int, data: dict) -> str:
    rng = random.Random(n)
    muscle = rng.choice(list(data["muscles"]))
    exercise = rng.choice(list(data["exercises"]))
    claim = rng.choice(list(data["claims"]))
    ref = rng.choice(list(data["references"]))
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(80)).capitalize() + "." for _ in range(9)]
    return (
        f'---\ntitle: Article {n}\ndescription: Synthetic article {n}.\nlast_reviewed: "2026-11-21"\n'
        f'next_review: "2027-05-21"\nauthor: bench\nreviewed_by: bench\n---\n\n# Article {n}\n\n'
        f'{paragraphs[0]} {{{{ cite("{ref}") }}}}\n\n'
        f'Its nerve supply: {{{{ fact("muscles.{muscle}.innervation") }}}}.\n\n'
        f'## Anatomy\n\n{paragraphs[1]}\n\n{{{{ muscle_card("{muscle}") }}}}\n\n{paragraphs[2]}\n\n'
        f'## Exercise\n\n{paragraphs[3]}\n\n{{{{ exercise_card("{exercise}", level=3) }}}}\n\n'
        f'## Evidence\n\n{paragraphs[4]}\n\n{{{{ claim("{claim}") }}}}\n\n'
        f'!!! note "A note"\n\n    {paragraphs[5]}\n\n' + "\n\n".join(paragraphs[6:]) + "\n"
    )


def make_site(dest: Path, pages: int) -> Path:
    shutil.copytree(
        ROOT,
        dest,
        ignore=shutil.ignore_patterns(".venv", ".git", "site", "build", "__pycache__", ".pytest_cache", "node_modules"),
    )
    data = {
        k: {e["id"]: e for e in yaml.safe_load((ROOT / "data" / f"{k}.yml").read_text())[k]}
        for k in ("muscles", "exercises", "claims", "references")
    }
    articles = dest / "docs" / "articles"
    articles.mkdir()
    nav = []
    for n in range(pages):
        section = f"section-{n // 50:02d}"
        (articles / section).mkdir(exist_ok=True)
        (articles / section / f"article-{n:04d}.md").write_text(article(n, data), encoding="utf-8")
        nav.append(f"articles/{section}/article-{n:04d}.md")
    config = (dest / "mkdocs.yml").read_text()
    # Articles -> sections of 50 -> parts of 10: Material renders sections open, so a site this
    # size keeps pages one level further down, where navigation.prune leaves them out.
    nav_yaml = "  - Articles:\n"
    for start in range(0, len(nav), 50):
        nav_yaml += f"      - Section {start // 50 + 1}:\n"
        for part in range(start, min(start + 50, len(nav)), 10):
            nav_yaml += f"          - Part {part // 10 % 5 + 1}:\n" + "".join(
                f"              - {p}\n" for p in nav[part : part + 10]
            )
    (dest / "mkdocs.yml").write_text(config.rstrip("\n") + "\n" + nav_yaml)
    return dest


def prerender(project: Path, dest: Path) -> None:
    """Write each article as the Markdown the macros produced for it, then build with macros off.

    Only the macro calls differ between the two builds: the prose still goes through
    Markdown, the glossary tooltips and the theme in both.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs_macros.plugin import MacrosPlugin

    rendered: dict[str, str] = {}
    original = MacrosPlugin.on_page_markdown

    def capture(self, markdown, page, config, **kwargs):
        out = original(self, markdown, page, config, **kwargs)
        rendered[page.file.src_uri] = out
        return out

    MacrosPlugin.on_page_markdown = capture
    cwd = os.getcwd()
    try:
        os.chdir(project)
        mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(dest / "capture")))
    finally:
        MacrosPlugin.on_page_markdown = original
        os.chdir(cwd)
    shutil.rmtree(dest / "capture")
    for src, markdown in rendered.items():
        md = dest / "docs" / src
        front = md.read_text().split("---\n")[1]
        md.write_text(f"---\n{front}render_macros: false\n---\n\n{markdown}")
    config = (dest / "mkdocs.yml").read_text()
    (dest / "mkdocs.yml").write_text(
        config.replace("      on_error_fail: true", "      on_error_fail: true\n      render_by_default: false")
    )


def build(project: Path, out: Path) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one strict build in a fresh process."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", MKDOCS, "build", "--strict", "-q", "--site-dir", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    return elapsed, int(result.stderr.strip().splitlines()[-1])


def measure(project: Path, label: str, rows: list, out_base: Path) -> float:
    times, peak = [], 0
    for i in range(RUNS):
        out = out_base / f"site-{i}"
        t, rss = build(project, out)
        times.append(t)
        peak = max(peak, rss)
    pages = list(out.rglob("index.html"))
    html = sum(p.stat().st_size for p in pages) / len(pages)
    index = (out / "search" / "search_index.json").stat().st_size
    median = statistics.median(times)
    rows.append((label, len(pages), median, median / len(pages) * 1000, peak / 1024, html / 1024, index / 1024))
    return median


def main() -> int:
    rows: list = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        measure(ROOT, "real site", rows, tmp / "real")
        timing = {}
        for pages in (100, 1000):
            project = make_site(tmp / f"macros-{pages}", pages)
            timing[("macros", pages)] = measure(project, f"{pages} articles, macros", rows, tmp / f"out-m{pages}")
            plain = shutil.copytree(project, tmp / f"plain-{pages}")
            prerender(project, plain)
            timing[("plain", pages)] = measure(plain, f"{pages} articles, pre-rendered", rows, tmp / f"out-p{pages}")
    print(
        f"{'build':34} {'pages':>6} {'median s':>9} {'ms/page':>8} {'peak MB':>8} {'HTML KB/page':>13} {'index KB':>9}"
    )
    for label, pages, median, per_page, peak, html, index in rows:
        print(f"{label:34} {pages:6d} {median:9.2f} {per_page:8.1f} {peak:8.0f} {html:13.1f} {index:9.0f}")
    overhead = timing[("macros", 1000)] / timing[("plain", 1000)]
    scale = timing[("macros", 1000)] / timing[("macros", 100)]
    print(f"bench: pages={rows[0][1]} overhead={overhead:.2f} scale={scale:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
