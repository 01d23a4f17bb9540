"""`make serve` (tools/serve.py): rebuilds on every edit, and survives a broken page or data file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, copy_project

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    return urllib.request.urlopen(url, timeout=5).read().decode()


def wait_for(check, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"never happened: {what}")


def touch_later(path: Path) -> None:
    """Make sure the modification time moves even on coarse-grained file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def served(tmp_path):
    project = copy_project(FIXTURES / "minisite", tmp_path / "served", with_macros="copy")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "serve.py"), "--port", str(port), "--root", str(project.path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Psoas" in fetch(base + "muscles/psoas/"), "the first build is served")
        yield project, base, proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def status(base: str) -> dict:
    return json.loads(fetch(base + "__serve/status"))


def test_serve_rebuilds_on_data_template_and_code_edits(served):
    project, base, _ = served
    url = base + "muscles/psoas/"
    assert "Anterior rami of the lumbar plexus" in fetch(url)
    assert '<script src="/__serve/reload.js"></script></body>' in fetch(url), "pages reload themselves"

    project.replace("data/muscles.yml", "nerve: Anterior rami of the lumbar plexus", "nerve: Ventral rami")
    touch_later(project.file("data/muscles.yml"))
    wait_for(lambda: "Ventral rami" in fetch(url), "a data edit shows")

    project.replace("macros/templates/muscle_card.html", '_(": quick reference")', '_(": at a glance")')
    touch_later(project.file("macros/templates/muscle_card.html"))
    wait_for(lambda: "Psoas major: at a glance" in fetch(url), "a template edit shows")

    project.replace(
        "macros/render.py",
        'return self._get("muscles", muscle_id, "muscle_name").name',
        'return self._get("muscles", muscle_id, "muscle_name").name.upper()',
    )
    touch_later(project.file("macros/render.py"))
    wait_for(lambda: "<td>ILIACUS</td>" in fetch(url), "a Python edit shows")


def test_serve_survives_a_broken_page_and_rebuilds_when_it_is_fixed(served):
    project, base, proc = served
    url = base + "muscles/psoas/"
    original = project.read("docs/muscles/psoas.md")
    project.append("docs/muscles/psoas.md", '\n{{ muscle_card("psoas-majr") }}\n')
    touch_later(project.file("docs/muscles/psoas.md"))
    broken = wait_for(lambda: status(base)["error"], "the server reports the failed build")
    assert "muscle_card('psoas-majr'): no muscle with id 'psoas-majr'" in broken
    assert proc.poll() is None, "the server is still running"
    assert "Anterior rami of the lumbar plexus" in fetch(url), "the last good build is still served"
    build_before = status(base)["build"]

    project.write("docs/muscles/psoas.md", original + "\nFixed and rebuilt.\n")
    touch_later(project.file("docs/muscles/psoas.md"))
    wait_for(lambda: "Fixed and rebuilt." in fetch(url), "the fixed page is rebuilt")
    assert status(base) == {"build": build_before + 1, "error": None}


def test_serve_survives_broken_data(served):
    project, base, proc = served
    project.replace("data/muscles.yml", "    origin: T12", "    orgin: T12")
    touch_later(project.file("data/muscles.yml"))
    broken = wait_for(lambda: status(base)["error"], "the server reports the failed build")
    assert "data/muscles.yml:5:5: psoas-major: unknown field 'orgin'" in broken
    assert proc.poll() is None and "Psoas" in fetch(base + "muscles/psoas/")
