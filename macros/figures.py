"""The project's drawings: figures/<name>.svg (inlined into pages) and the pain-map shapes.

Drawings are per site, named from data ids (`<exercise-id>-start.svg`), so they live in
the project beside data/, not in this package. Each SVG is a Jinja template whose only
variable is `uid`, which keeps ids unique when a drawing appears twice on a page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SHAPES = "pain-map-shapes.json"
# The words in a drawing: its title, description and labels (not codes such as "T12" or "L5").
WORDS = re.compile(r"(<(title|desc|text|tspan)\b[^>]*>)([^<]*[a-z]{2}[^<]*)(</\2>)")


def drawing_words(svg: str) -> list[str]:
    """Every piece of text a drawing shows or announces, as the translation catalogue keys it."""
    return [html.unescape(match.group(3)) for match in WORDS.finditer(svg)]


def translate_drawing(svg: str, gettext: Callable[[str], str]) -> str:
    """The drawing with its words in the page's language (the shapes are the same everywhere)."""
    return WORDS.sub(
        lambda m: m.group(1) + html.escape(gettext(html.unescape(m.group(3))), quote=False) + m.group(4), svg
    )


@dataclass(frozen=True)
class Figures:
    folder: Path

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.svg"))

    def shown(self, name: str) -> str:
        """How messages name a drawing's file."""
        return f"{self.folder.name}/{name}"

    def pain_map_shapes(self) -> dict:
        """The drawn outlines and region shapes of the pain map (presentation, not facts)."""
        path = self.folder / SHAPES
        if not path.exists():
            return {
                "viewBox": "0 0 1 1",
                "front": {"outline": "", "regions": {}},
                "back": {"outline": "", "regions": {}},
            }
        return json.loads(path.read_text(encoding="utf-8"))


def label_point(path: str) -> tuple[float, float]:
    """Where to put a region's number: the middle of its first shape (a left-and-right region
    is drawn as two shapes; the number goes on the first)."""
    first = path.split("Z")[0]
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", first)]
    xs, ys = numbers[0::2], numbers[1::2]
    return round((min(xs) + max(xs)) / 2, 1), round((min(ys) + max(ys)) / 2, 1)
