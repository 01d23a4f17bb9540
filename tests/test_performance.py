"""Performance budget, from the built files (no timing): what a first visit to a key page
downloads, compressed as static hosts send it, stays within 150 KiB, and Material's script
bundle waits for the reader's first action (overrides/assets/theme-loader.js).

tests/test_browser_perf.py checks in Chromium that this list of files is what a page
really requests before the reader does anything. Scores: `make lighthouse` (README).
"""

from __future__ import annotations

import lxml.html
import pytest

from budget import BUDGET, KEY_PAGES, first_load, sent_bytes
from helpers import built_path, page_paths

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("rel", KEY_PAGES)
def test_first_load_stays_within_the_budget(real_site, rel):
    files = first_load(real_site, rel)
    sizes = {path: sent_bytes(real_site, path) for path in files}
    total = sum(sizes.values())
    listing = ", ".join(f"{path} {size / 1024:.1f}" for path, size in sorted(sizes.items(), key=lambda kv: -kv[1]))
    assert total <= BUDGET, f"{rel}: first load {total / 1024:.1f} KiB > 150 KiB ({listing})"


def test_material_bundle_waits_for_the_reader_on_every_page(real_site):
    """No page runs Material's bundle itself: theme-loader.js names it, before the site's scripts
    (which rely on its document$ stand-in), and the file it names exists."""
    for rel in page_paths():
        page = real_site / built_path(rel)
        root = lxml.html.parse(str(page)).getroot()
        sources = root.xpath("//script/@src")
        assert not [s for s in sources if "/bundle." in s], f"{rel}: Material's bundle is loaded directly"
        loaders = root.xpath("//script[contains(@src, 'assets/theme-loader.js')]")
        assert len(loaders) == 1, f"{rel}: expected one theme-loader.js"
        bundle = loaders[0].get("data-bundle", "")
        assert "/bundle." in bundle and (page.parent / bundle).resolve().is_file(), f"{rel}: bad data-bundle {bundle!r}"
        before = sources[: sources.index(loaders[0].get("src"))]
        assert [s for s in before if not s.endswith("theme-early.js")] == [], f"{rel}: scripts before theme-loader.js"
