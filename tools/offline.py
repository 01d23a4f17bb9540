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
FRAME = HERE / "offline-worker-frame.js"
TARGET = "assets/javascripts/iframe-worker-shim.js"
CDN_SCRIPT = re.compile(r'src="https://[^"]*/iframe-worker/shim"')
# The shim writes an inline script into its frame; the site's CSP forbids inline scripts.
INLINE = (
    '<script>postMessage=${c};importScripts=${d};addEventListener("error",({error})=>'
    '{parent.dispatchEvent(new ErrorEvent("error",{filename:"${e}",error}))})<\\/script>'
)
FROM_FILE = '<script src="${__frame}?worker=${encodeURIComponent(e)}"><\\/script>'


def shim() -> str:
    """The vendored shim, with its inline frame script replaced by offline-worker-frame.js."""
    text = SHIM.read_text(encoding="utf-8")
    if INLINE not in text:
        raise SystemExit("tools/vendor/iframe-worker/shim.js changed: update INLINE in tools/offline.py")
    frame = 'var __frame=new URL("iframe-worker-frame.js",document.currentScript.src).href;'
    return frame + text.replace(INLINE, FROM_FILE)


def finish(site: Path) -> int:
    (site / TARGET).write_text(shim(), encoding="utf-8")
    shutil.copyfile(FRAME, site / TARGET.replace("iframe-worker-shim.js", "iframe-worker-frame.js"))
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
