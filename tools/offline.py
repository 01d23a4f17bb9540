"""Finish an offline build (`make offline`): make search work from file:// without a CDN.

Material's offline plugin writes the search index as a script and loads the iframe-worker
shim from a public CDN. We copy the shim (vendored from the npm package iframe-worker,
see tools/vendor/iframe-worker/SOURCE) into the build and point every page at it.

    python tools/offline.py build/offline
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIM = HERE / "vendor" / "iframe-worker" / "shim.js"
TARGET = "assets/javascripts/iframe-worker-shim.js"
CDN_SCRIPT = re.compile(r'src="https://[^"]*/iframe-worker/shim"')


def finish(site: Path) -> int:
    shutil.copyfile(SHIM, site / TARGET)
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relative = os.path.relpath(site / TARGET, page.parent).replace(os.sep, "/")
        new = CDN_SCRIPT.sub(f'src="{relative}"', html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    loads = re.compile(r'<script[^>]+src="https?://|<link(?![^>]*rel="(?:canonical|alternate)")[^>]+href="https?://')
    leftover = [p for p in site.rglob("*.html") if loads.search(p.read_text(encoding="utf-8"))]
    if leftover:
        raise SystemExit(f"pages still load something from another origin: {leftover[:5]}")
    return changed


if __name__ == "__main__":
    count = finish(Path(sys.argv[1]))
    print(f"offline build ready: {count} pages now load the local search shim; open {sys.argv[1]}/index.html")
