"""`mkdocs serve` rebuilds when data, templates or macro code change, not only pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project

pytestmark = pytest.mark.slow
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, needle: str, timeout: float = 40) -> str:
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode()
            if needle in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}")


def touch_later(path: Path) -> None:
    """Make sure the modification time moves even on coarse-grained file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def served(tmp_path):
    project = copy_project(FIXTURES / "minisite", tmp_path / "served", with_macros="copy")
    port = free_port()
    proc = subprocess.Popen([MKDOCS, "serve", "--strict", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project.path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield project, f"http://127.0.0.1:{port}/mini/muscles/psoas/"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_rebuilds_on_data_template_and_code_edits(served):
    project, url = served
    wait_for(url, "Anterior rami of the lumbar plexus")

    project.replace("data/muscles.yml", "nerve: Anterior rami of the lumbar plexus", "nerve: Ventral rami")
    touch_later(project.file("data/muscles.yml"))
    wait_for(url, "Ventral rami")

    project.replace("macros/templates/muscle_card.html", ": quick reference</caption>", ": at a glance</caption>")
    touch_later(project.file("macros/templates/muscle_card.html"))
    touch_later(project.file("data/muscles.yml"))  # the watcher rebuilds on any watched change
    wait_for(url, "Psoas major: at a glance")

    # A Python edit: the package is already imported in the server process, yet the change shows.
    project.replace("macros/render.py", 'return self._get("muscles", muscle_id, "muscle_name").name',
                    'return self._get("muscles", muscle_id, "muscle_name").name.upper()')
    touch_later(project.file("macros/render.py"))
    wait_for(url, "<td>ILIACUS</td>")
