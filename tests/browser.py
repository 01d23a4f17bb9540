"""Shared pieces for the browser tests: a built site served where it was built for, and a Chromium.

Chromium is Debian's `chromium` package driven by Playwright with `executable_path`;
Playwright never downloads a browser here. In CI (CI=true) a missing Chromium is an
error, so browser tests can never pass by being skipped; elsewhere they skip with a reason.

Sites are built with `site_url` set to the address they are served from: Material's
instant navigation only runs when they match, and several tests need it to run.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from helpers import built_path
from tools import chromium

CHROMIUM_FLAGS = chromium.FLAGS
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# Collects Content-Security-Policy violations before any page script runs.
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


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

    def end_headers(self):
        # A served build never changes while the tests run: let Chromium keep what it fetched
        # instead of asking again (a 304 round trip per file) on every page load.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


def serve_built(build, directory: Path) -> str:
    """Pick a port, build the site for that address with `build(directory, url)`, serve it; return the URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build(directory, url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return url


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=chromium_path(),
        args=CHROMIUM_FLAGS,
        env={**os.environ, "HOME": tempfile.mkdtemp(prefix="chromium-home-")},
    )


class Watch:
    """Console errors, page errors, CSP violations and any request that leaves 127.0.0.1."""

    def __init__(self, page, allow_file: bool = False):
        self.page = page
        self.errors, self.outside = [], []
        page.add_init_script(CSP_WATCH)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self._request(r, allow_file))

    def _request(self, request, allow_file: bool):
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about") or (allow_file and url.scheme == "file"):
            return
        if url.hostname != "127.0.0.1":
            self.outside.append(request.url)

    def clear(self) -> None:
        """Forget what was seen, to watch the next page in the same tab."""
        self.errors.clear()
        self.outside.clear()

    def problems(self) -> list[str]:
        found = [f"console: {e}" for e in self.errors] + [f"request left the site: {u}" for u in self.outside]
        with contextlib.suppress(Exception):  # the page may be closing
            found += [f"CSP violation: {v}" for v in self.page.evaluate("window.__csp || []")]
        return found


# axe-core, put into a page by axe() when a check first runs there: page.evaluate comes through
# the DevTools protocol, which the page's Content-Security-Policy does not govern, so the policy
# stays on while axe runs.
AXE_INIT = AXE.read_text(encoding="utf-8") + "\n;true"


# Every axe rule (the default), reporting violations only.
AXE_ALL = "{resultTypes: ['violations']}"
# axe's colour-contrast rule alone: the second scheme, and hover and focus states.
CONTRAST = "{runOnly: ['color-contrast'], resultTypes: ['violations']}"


# The pseudo-classes a reader's pointer and keyboard put a control in.
STATES = (["hover"], ["focus", "focus-visible"], ["active", "hover"])
# One element per "style signature": its tag, classes and attributes, and those of every
# ancestor (ids, addresses, labels and names left out). Elements alike in all of these match the
# same CSS rules, so they take the same colours in every state; forcing one of each keeps the
# check exact and saves a DevTools round trip for each of hundreds of alike links.
MARK_REPRESENTATIVES = """selector => {
    const skip = new Set(['id', 'href', 'title', 'aria-label', 'for', 'name', 'value', 'data-state-probe']);
    const cls = el => el.tagName + '.' + (el.getAttribute('class') || '');
    const own = el => cls(el) + [...el.attributes]
        .filter(a => !skip.has(a.name) && !a.name.startsWith('data-term')).map(a => a.name + '=' + a.value).join(',');
    const seen = new Set();
    for (const el of document.querySelectorAll(selector)) {
        const parts = [];
        for (let n = el; n && n.nodeType === 1; n = n.parentElement) parts.push(n === el ? own(n) : cls(n));
        const key = parts.join(' < ');
        if (!seen.has(key)) { seen.add(key); el.setAttribute('data-state-probe', ''); }
    }
    return seen.size;
}"""


class ForcedStates:
    """axe's colour-contrast rule with the controls matching selector forced (through the
    DevTools protocol) into a state, one control per style signature (MARK_REPRESENTATIVES)."""

    def __init__(self, page, selector: str):
        self.page = page
        page.evaluate(
            "() => document.querySelectorAll('[data-state-probe]').forEach(e => e.removeAttribute('data-state-probe'))"
        )
        self.count = page.evaluate(MARK_REPRESENTATIVES, selector)
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("DOM.enable")
        self.cdp.send("CSS.enable")
        root = self.cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        self.nodes = self.cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-state-probe]"})[
            "nodeIds"
        ]

    def check(self, states: list[str], label: str = "") -> list[str]:
        """Force states, run the contrast rule on the forced controls (their text included)."""
        for node in self.nodes:
            self.cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": states})
        found = axe(self.page, CONTRAST, "document.querySelectorAll('[data-state-probe]')")
        return [f"{label} :{'+'.join(states)}: {v}".strip() for v in found]

    def release(self) -> None:
        for node in self.nodes:
            self.cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": []})
        self.cdp.detach()


def settle(page) -> None:
    """Bring running CSS transitions and animations to their end state at once: a colour measured
    mid-fade (Material's buttons fade 125 ms on hover; the scheme switch fades the page) is
    neither the old nor the new one. (Waiting for them instead can hang: a transition started by
    a forced pseudo-state may never report that it finished.)"""
    page.evaluate(
        """() => document.getAnimations()
            .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))
            .forEach(a => a.finish())"""
    )


def start_material(page) -> None:
    """Material's bundle starts on the reader's first action (theme-loader.js): move the pointer
    as a reader would and wait for it, so that a link followed next is instant navigation."""
    if page.locator("script[data-bundle]").count() and page.get_attribute("html", "data-bundle") != "ready":
        page.mouse.move(5, 5)
        page.wait_for_function("() => document.documentElement.dataset.bundle === 'ready'")


def axe(page, options: str = AXE_ALL, context: str = "document") -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_INIT)
    settle(page)
    result = page.evaluate(f"axe.run({context}, {options})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in result["violations"]
    ]


def url_of(base: str, rel: str) -> str:
    return base + built_path(rel).removesuffix("index.html")


CLIPBOARD = ["clipboard-read", "clipboard-write"]
# The phone the reader-first checks use (CSS pixels).
PHONE = {"width": 390, "height": 844}
# What one test may leave in the site's storage; the next test starts without it.
STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers"


class Tabs:
    """A test's pages, opened in the worker's warm context (the `tabs` fixture).

    A fresh browser context per test starts with an empty cache and a new renderer: about
    0.9 s of CPU before the first page is in, against 0.4 s for a tab in a context that stays
    open. What a context would keep from one test to the next is cleared instead: the site's
    storage when the test starts and ends, the permissions it was granted when it ends. Tests
    that need a context of their own (JavaScript off, touch, a cold cache, file:// pages) make one.
    """

    def __init__(self, context, origin: str):
        self.context = context
        self.origin = origin.rstrip("/")
        self.pages: list = []

    def open(
        self,
        url: str | None = None,
        *,
        scheme="light",
        viewport=None,
        reduced_motion="no-preference",
        script: str | None = None,
        clipboard: bool = False,
    ):
        """A new tab in the given colour scheme (and viewport, motion preference, init script),
        with a Watch, at url once it has loaded."""
        page = self.context.new_page()
        if not self.pages:
            self.clear(page)
        self.pages.append(page)
        if clipboard:
            self.allow_clipboard()
        page.emulate_media(color_scheme=scheme, reduced_motion=reduced_motion)
        if viewport:
            page.set_viewport_size(viewport)
        if script:
            page.add_init_script(script)
        watch = Watch(page)
        if url:
            page.goto(url, wait_until="load")
        return page, watch

    def allow_clipboard(self) -> None:
        """Grant clipboard access to the site, until the test ends."""
        self.context.grant_permissions(CLIPBOARD, origin=self.origin)

    def clear(self, page) -> None:
        cdp = self.context.new_cdp_session(page)
        cdp.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": STORAGE})
        cdp.detach()

    def close(self) -> None:
        if self.pages:
            self.clear(self.pages[-1])
        for page in self.pages:
            page.close()
        self.pages.clear()
        self.context.clear_permissions()


def open_page(browser, url: str, scheme: str = "light", **options):
    """A page in a browser context of its own, for what a tab cannot change (see Tabs)."""
    context = browser.new_context(color_scheme=scheme, **options)
    page = context.new_page()
    watch = Watch(page)
    page.goto(url, wait_until="load")
    return context, page, watch


def to_dark(page) -> None:
    """Switch the system colour scheme; Material follows it as a reader's device would."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    # The switch may be what starts Material's bundle (theme-loader.js), and colours it restyles a
    # frame later can still be fading: let two frames pass, then any transition end, so contrast
    # checks see settled colours.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
