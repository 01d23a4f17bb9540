"""`make serve`: build strictly, serve on 127.0.0.1, rebuild on every edit, and never die.

    python tools/serve.py [--port 8000]

Each build runs in a fresh Python process (tools/build.py), so edits to the macros package
show at once and a crash in a build cannot take the server down. While a build is broken
the last good site stays up, the terminal shows the error, and every open page shows it in
a box at the top; the page reloads by itself when the fix builds. The site is built for the
address it is served from, so Material's instant navigation works as it will online.
"""

from __future__ import annotations

import argparse
import http.server
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

WATCHED = ["docs", "data", "figures", "macros", "overrides", "mkdocs.yml"]
RELOAD_JS = """(function () {
  var seen = null;
  function box(text) {
    var el = document.getElementById("serve-error");
    if (!text) { if (el) el.remove(); return; }
    if (!el) {
      el = document.createElement("pre");
      el.id = "serve-error";
      el.setAttribute("role", "alert");
      el.style.cssText = "position:sticky;top:0;z-index:100;margin:0;padding:1em;white-space:pre-wrap;" +
        "background:#b71c1c;color:#fff;font:14px/1.4 monospace;max-height:50vh;overflow:auto";
      document.body.prepend(el);
    }
    el.textContent = "The last build failed; this is the previous version.\\n\\n" + text;
  }
  function poll() {
    fetch("/__serve/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { location.reload(); return; }
      seen = s.build;
      box(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 800); });
  }
  poll();
})();
"""


class State:
    def __init__(self, root: Path):
        self.root = root
        self.out = root / "build" / "serve"
        self.build = 0
        self.error: str | None = None
        self.lock = threading.Lock()


def snapshot(root: Path) -> dict:
    found = {}
    for name in WATCHED + sorted(p.name for p in root.glob("mkdocs.*.yml")):  # each language's config
        path = root / name
        for p in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if p.is_file() and "__pycache__" not in p.parts:
                stat = p.stat()
                found[str(p)] = (stat.st_mtime_ns, stat.st_size)
    return found


def rebuild(state: State, url: str) -> None:
    """Build into a fresh folder and swap it in only if the build passed."""
    fresh = state.out.with_name("serve-next")
    shutil.rmtree(fresh, ignore_errors=True)
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("build.py")),
            "--root",
            str(state.root),
            "--site-dir",
            str(fresh),
            "--site-url",
            url,
        ],
        cwd=state.root,
        capture_output=True,
        text=True,
    )
    with state.lock:
        if result.returncode == 0:
            shutil.rmtree(state.out, ignore_errors=True)
            fresh.rename(state.out)
            state.build += 1
            state.error = None
            notices = [line for line in result.stderr.splitlines() if "WARNING" in line or line.startswith("  ")]
            print(f"built in {time.monotonic() - started:.1f} s; serving {url}", *notices, sep="\n", flush=True)
        else:
            state.error = _error_text(result.stderr)
            print(f"BUILD FAILED (still serving the last good build at {url}):\n{state.error}", flush=True)


def _error_text(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if not line.startswith("INFO")]
    return "\n".join(lines[-40:]).strip() or "the build failed without a message"


def handler_for(state: State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(state.out), **kwargs)

        def log_message(self, *args):  # the terminal is for build results
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self):
            if self.path == "/__serve/status":
                with state.lock:
                    return self._send(json.dumps({"build": state.build, "error": state.error}), "application/json")
            if self.path == "/__serve/reload.js":
                return self._send(RELOAD_JS, "text/javascript")
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                html = path.read_text(encoding="utf-8")
                return self._send(
                    html.replace("</body>", '<script src="/__serve/reload.js"></script></body>', 1), "text/html"
                )
            return super().do_GET()

        def _send(self, text: str, kind: str):
            body = text.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="the project to serve")
    args = parser.parse_args(argv)
    url = f"http://127.0.0.1:{args.port}/"
    state = State(args.root.resolve())
    state.out.mkdir(parents=True, exist_ok=True)
    rebuild(state, url)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving on {url} (Ctrl+C to stop); rebuilding on edits to {', '.join(WATCHED)}", flush=True)
    seen = snapshot(state.root)
    try:
        while True:
            time.sleep(0.5)
            now = snapshot(state.root)
            if now != seen:
                time.sleep(0.2)  # let an editor finish writing
                seen = snapshot(state.root)
                rebuild(state, url)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
