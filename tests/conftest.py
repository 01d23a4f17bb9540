"""Fixtures: the real site built once per session, the real data loaded once, mini-site copies."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from browser import Tabs, launch, serve_built
from helpers import FIXTURES, ROOT, copy_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """One strict build of the real site (every language), shared by every test that reads its HTML."""
    from tools.build import build_site

    out = tmp_path_factory.mktemp("real-site")
    build_site(out)
    return out


@pytest.fixture(scope="session")
def data():
    """The real data/, validated."""
    from macros.load import load

    return load(ROOT / "data", root=ROOT)


@pytest.fixture
def mini(tmp_path):
    """The mini-site: every macro on a handful of entries."""
    return copy_project(FIXTURES / "minisite", tmp_path / "mini")


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.INFO)
    return caplog


# ---------------------------------------------------------------- browser tests


@pytest.fixture(scope="session")
def base(tmp_path_factory) -> str:
    """The real site, built for and served on 127.0.0.1 (so instant navigation runs)."""
    from tools.build import build_site

    return serve_built(lambda out, url: build_site(out, site_url=url), tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """The real site with a hostile string appended to every prose field of every data file
    (tests/hostile.py), built once and served: test_hostile parses its pages, the tooltip test
    hovers them. Tests that use it share the xdist group "hostile", so one worker builds it."""
    from hostile import poison_data
    from tools.build import build_site

    project = copy_project(ROOT, tmp_path_factory.mktemp("hostile") / "project")
    poison_data(project.path / "data")
    site = project.path / "site"
    url = serve_built(lambda out, url: build_site(out, root=project.path, site_url=url), site)
    return SimpleNamespace(url=url, site=site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def warm(browser):
    """One browser context per worker, kept open so that its cache stays warm: tests open tabs
    in it (`tabs`) rather than a context each. (axe-core is put in a page when a test runs it: as
    an init script it would cost every new tab 0.2 s of CPU.)"""
    context = browser.new_context(color_scheme="light")
    yield context
    context.close()


@pytest.fixture
def tabs(warm, base):
    """Tabs for one test on the served site; closed, with the site's storage cleared, after it."""
    opened = Tabs(warm, base)
    yield opened
    opened.close()
