"""Every language the site lists is complete: its pages, its words, its navigation, in step with English."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config import load_config

from helpers import ROOT
from macros.figures import drawing_words
from macros.i18n import DEFAULT, LANGUAGES, catalogue
from macros.pages import all_pages
from macros.render import TEMPLATES, THEME_NAMES
from macros.translations import configured_languages, due

OTHERS = [lang for lang in configured_languages(ROOT) if lang != DEFAULT]


def interface_strings() -> dict[str, str]:
    """Every string the templates mark with _() and every word in a drawing -> where it is used."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    found = {}
    for template in sorted(TEMPLATES.glob("*.html")):
        for line, _function, message in env.extract_translations(template.read_text(encoding="utf-8")):
            for text in [message] if isinstance(message, str) else [m for m in message if m]:
                found.setdefault(text, f"macros/templates/{template.name}:{line}")
    for theme in THEME_NAMES.values():  # tags, translated in Python (Renderer.theme_name)
        found.setdefault(theme, "macros/render.py THEME_NAMES")
    for drawing in sorted((ROOT / "figures").glob("*.svg")):
        for text in drawing_words(drawing.read_text(encoding="utf-8")):
            found.setdefault(text, f"figures/{drawing.name}")
    return found


def test_templates_mark_their_words_for_translation():
    strings = interface_strings()
    assert "How to do it" in strings, "the exercise card's headings go through _()"
    assert "Glute bridge: end position" in strings, "drawing titles are translatable"


def test_every_language_folder_is_known():
    assert set(configured_languages(ROOT)) <= set(LANGUAGES)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_interface_string_is_translated(lang):
    words = catalogue(lang)
    missing = {text: where for text, where in interface_strings().items() if text not in words}
    assert not missing, f"add to macros/locales/{lang}.yml: {missing}"
    unused = sorted(set(words) - set(interface_strings()))
    assert not unused, f"macros/locales/{lang}.yml has strings no template uses: {unused}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_english_page_has_its_translation(lang):
    english = {p.rel for p in all_pages(ROOT / "docs")}
    other = {p.rel for p in all_pages(ROOT / "docs" / LANGUAGES[lang])}
    assert english == other, f"only in English: {sorted(english - other)}; only in {lang}: {sorted(other - english)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_navigation_has_the_same_pages_in_the_same_order(lang):
    def files(nav):
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from files(value) if isinstance(value, list) else [value]

    english = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    other = load_config(str(ROOT / f"mkdocs.{lang}.yml"))["nav"]
    assert list(files(english)) == list(files(other))


@pytest.mark.parametrize("lang", OTHERS)
def test_translations_are_up_to_date(lang):
    stale = [str(item) for item in due(ROOT, lang)]
    assert not stale, "run `make translations-due` and update:\n" + "\n".join(stale)


@pytest.mark.parametrize("lang", OTHERS)
def test_no_todo_left_in_a_translation(lang):
    folders = [ROOT / "docs" / LANGUAGES[lang], ROOT / "data" / LANGUAGES[lang]]
    left = [
        str(path.relative_to(ROOT))
        for folder in folders
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file() and "TODO" in path.read_text(encoding="utf-8")
    ]
    assert not left, f"untranslated TODO markers in {left}"
