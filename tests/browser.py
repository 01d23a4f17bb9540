"""Shared pieces for the browser tests: a static server for the built site and a Chromium.

Chromium is Debian's `chromium` package driven by Playwright with `executable_path`;
Playwright never downloads a browser here. In CI (CI=true) a missing Chromium is an
error, so browser tests can never pass by being skipped; elsewhere they skip with a reason.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is not installed; .ci/run must install it (apt-get install chromium)")
    pytest.skip("browser tests need Debian's chromium (apt-get install chromium); CI installs it")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@functools.cache
def serve(directory: str) -> str:
    """Serve a built site on 127.0.0.1 for the rest of the test session; return its base URL."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS,
                                      env={**os.environ, "HOME": tempfile.mkdtemp(prefix="chromium-home-")})
