"""The first-load budget: which files a first visit to a page fetches before the reader acts, and
how many bytes a static host that compresses sends for them (tests/test_performance.py,
tests/test_browser_perf.py; README "Performance")."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import lxml.html

from helpers import built_path

KEY_PAGES = [
    "index.md",
    "anatomy/iliopsoas.md",
    "exercises/glute-bridge.md",
    "routines/ten-minute-routine.md",
    "red-flags.md",
]
BUDGET = 150 * 1024
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")  # as tools/serve_gzip.py
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def first_load(site: Path, rel: str) -> list[str]:
    """Site paths (from the root) a first visit fetches before the reader acts: the page, its
    stylesheets and what they point to, its scripts, the bundle fetched ahead for later, images,
    the icon."""
    page = "/" + built_path(rel).removesuffix("index.html")
    root = lxml.html.parse(str(site / built_path(rel))).getroot()
    refs = [page]
    refs += root.xpath("//link[@rel='stylesheet' or @rel='icon']/@href")
    refs += root.xpath("//script/@src | //script/@data-bundle | //img/@src")
    found: list[str] = []
    for ref in refs:
        url = urlparse(urljoin(page, ref))
        if url.scheme or url.netloc:
            continue  # data: images cost nothing more; another origin is refused by other tests
        if url.path not in found:
            found.append(url.path)
        if url.path.endswith(".css"):
            for inner in CSS_URL.findall((site / url.path.lstrip("/")).read_text(encoding="utf-8")):
                target = urlparse(urljoin(url.path, inner))
                if not target.scheme and target.path not in found:
                    found.append(target.path)
    return found


def sent_bytes(site: Path, path: str) -> int:
    file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    body = file.read_bytes()
    return len(gzip.compress(body, compresslevel=6)) if file.suffix in COMPRESSED else len(body)
