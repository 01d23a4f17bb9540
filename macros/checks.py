"""Checks between data/ and docs/, run once by `make validate` and by every build.

- every page reads cleanly (UTF-8, no BOM, front matter that parses and has only known keys
  with real dates);
- every page (and #anchor) that data names exists (pain-map regions, symptom-guide ends);
- every drawing that data implies exists (start and end of each exercise, each pain-map
  region in each view it is drawn in), and no drawing is left without its data.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

from .figures import SHAPES, Figures
from .links import ROLES, Links, condition_role, site_url_of
from .pages import Page, all_pages, macro_calls
from .problems import Problem, did_you_mean
from .render import STAGES, Renderer

HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$", re.M)
EXPLICIT_ID = re.compile(r'\bid="([\w-]+)"|\{[^}\n]*#([\w-]+)[^}\n]*\}')


def check_site(data, docs_dir: Path, site_pages: dict, figures: Figures, where) -> list[Problem]:
    """Every problem between data, pages and drawings, in one list."""
    pages = {page.rel: page for page in all_pages(docs_dir)}
    problems = [p for page in pages.values() for p in page.problems]
    problems += key_pages(site_pages, pages, docs_dir, {c.group for c in data.conditions.values()})

    def renderer_for(page: Page) -> Renderer:
        return Renderer(data, figures, links=lambda: Links(site_url_of(page.rel, True), True, site_pages))

    problems += pages_named_in_data(data, pages, docs_dir, renderer_for, where)
    problems += missing_drawings(data, figures, where)
    return problems


def key_pages(site_pages: dict, pages: dict, docs_dir: Path, condition_groups: set) -> list[Problem]:
    needed = [*ROLES, *sorted(condition_role(group) for group in condition_groups)]
    missing_roles = [role for role in needed if role not in site_pages]
    problems = [
        Problem("mkdocs.yml", None, None, None, f"extra.site_pages needs '{role}': the docs path of that page")
        for role in missing_roles
    ]
    for role, src in site_pages.items():
        if src not in pages:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    None,
                    None,
                    None,
                    f"extra.site_pages.{role}: no page {docs_dir.name}/{src}{did_you_mean(src, pages)}",
                )
            )
    return problems


def page_fields(data):
    """(kind, entry id, loc of the field, docs path) for every page that data names."""
    for region in data.pain_regions.values():
        for index, target in enumerate(region.pages):
            yield "pain_regions", region.id, ("pages", index), target
    for step in data.symptom_path.values():
        if step.page:
            yield "symptom_path", step.id, ("page",), step.page


def pages_named_in_data(data, pages: dict, docs_dir: Path, renderer_for, where) -> list[Problem]:
    problems, anchors = [], {}
    for kind, entry_id, loc, target in page_fields(data):
        src, _, anchor = target.partition("#")
        place, field = where(kind, entry_id, *loc), ".".join(str(part) for part in loc)
        if src not in pages:
            problems.append(
                Problem(*place, entry_id, f"{field}: no page {docs_dir.name}/{src}{did_you_mean(src, pages)}")
            )
        elif anchor:
            if src not in anchors:
                anchors[src] = anchors_of(pages[src], renderer_for(pages[src]))
            if anchor not in anchors[src]:
                problems.append(
                    Problem(
                        *place,
                        entry_id,
                        f"{field}: {docs_dir.name}/{src} has no #{anchor}{did_you_mean(anchor, anchors[src])}",
                    )
                )
    return problems


def anchors_of(page: Page, renderer: Renderer) -> set[str]:
    """The ids a page will have: its headings, explicit ids, and the ids its macro calls make."""
    found = set()
    for title, explicit in HEADING.findall(page.body):
        found.add(explicit or slugify(re.sub(r"\{\{.*?\}\}", "", title), "-"))
    for a, b in EXPLICIT_ID.findall(page.body):
        found.add(a or b)
    for name, values, options in macro_calls(page.body):
        if hasattr(renderer, name):
            try:
                found |= renderer.ids_made_by(name, *values, **options)
            except Exception:  # a broken call is the build's to report, with its line
                continue
    return found


def missing_drawings(data, figures: Figures, where) -> list[Problem]:
    problems, drawn = [], set(figures.names())
    for exercise in data.exercises.values():
        for stage in STAGES:
            if f"{exercise.id}-{stage}" not in drawn:
                problems.append(
                    Problem(
                        *where("exercises", exercise.id),
                        exercise.id,
                        f"no {stage} drawing: add {figures.shown(exercise.id)}-{stage}.svg "
                        "(`make new-exercise` writes placeholders)",
                    )
                )
    shapes, shapes_file = figures.pain_map_shapes(), figures.shown(SHAPES)
    for region in data.pain_regions.values():
        for view in region.views:
            if region.id not in shapes[view]["regions"]:
                problems.append(
                    Problem(
                        *where("pain_regions", region.id, "views"),
                        region.id,
                        f"no shape for this region in the {view} view of {shapes_file}",
                    )
                )
    for view in ("front", "back"):
        for region_id in shapes[view]["regions"]:
            if region_id not in data.pain_regions:
                problems.append(
                    Problem(
                        shapes_file,
                        None,
                        None,
                        region_id,
                        f"a {view} shape for a region data/pain_regions.yml does not have"
                        f"{did_you_mean(region_id, data.pain_regions)}",
                    )
                )
            elif view not in data.pain_regions[region_id].views:
                problems.append(
                    Problem(
                        shapes_file,
                        None,
                        None,
                        region_id,
                        f"a {view} shape, but data/pain_regions.yml does not list '{view}' in this region's views",
                    )
                )
    return problems
