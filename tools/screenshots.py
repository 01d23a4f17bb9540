"""`make screenshots`: PNGs of the key pages at phone and desktop widths, light and dark.

    python tools/screenshots.py [--out build/screenshots] [--full] [PAGE ...]

Builds the site for a local address, serves it, and saves one PNG per page, width and scheme
(`home-phone-light.png`, ...). By default the first screen of each page (what a reader sees
before scrolling); --full captures whole pages. The pull-request workflow uploads the folder
as an artifact, so a reviewer sees a change without building it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from chromium import FLAGS  # tools/chromium.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = {
    "home": "",
    "red-flags": "red-flags/",
    "pain-map": "pain-map/",
    "iliopsoas": "anatomy/iliopsoas/",
    "glute-bridge": "exercises/glute-bridge/",
    "exercises": "exercises/",
    "routine": "routines/ten-minute-routine/",
    "thomas-test": "self-tests/thomas-test/",
    "myths": "myths/",
    "references": "references/",
}
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--full", action="store_true", help="whole pages, not only the first screen")
    parser.add_argument("pages", nargs="*", help=f"page names or paths (default: {', '.join(PAGES)})")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if not chromium:
        print("screenshots need Debian's chromium: apt-get install chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    from tools.build import build_site

    site = Path(tempfile.mkdtemp(prefix="screenshots-site-"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    build_site(site, site_url=base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    chosen = {name: PAGES.get(name, name) for name in args.pages} if args.pages else PAGES
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, args=FLAGS, env={**os.environ, "HOME": tempfile.mkdtemp()}
        )
        for scheme in ("light", "dark"):
            for size, (width, height) in SIZES.items():
                context = browser.new_context(
                    color_scheme=scheme, viewport={"width": width, "height": height}, device_scale_factor=1
                )
                page = context.new_page()
                for name, path in chosen.items():
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(300)
                    target = args.out / f"{name.strip('/').replace('/', '-') or 'home'}-{size}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                context.close()
        browser.close()
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    print(f"wrote {len(chosen) * 4} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
