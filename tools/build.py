"""Build the whole site, strictly: `make build`, `make serve` and the tests all build through here.

    python tools/build.py [--site-dir site] [--site-url URL] [--offline]

Each language has its own MkDocs config (CONFIGS, English first: its build empties the
site directory, the others build into subfolders of it).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# (config file, folder under the site directory). English is the site root.
CONFIGS = [("mkdocs.yml", ""), ("mkdocs.es.yml", "es")]


def build_site(site_dir: Path, *, root: Path = ROOT, site_url: str | None = None, strict: bool = True) -> None:
    """Every language of the site in root, into site_dir. Raises on the first failing build."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for config_file, folder in CONFIGS:
        if not (root / config_file).exists():
            continue
        overrides = {"site_dir": str(Path(site_dir) / folder), "strict": strict}
        if site_url:
            overrides["site_url"] = site_url.rstrip("/") + "/" + (folder + "/" if folder else "")
        build(load_config(str(root / config_file), **overrides))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to build")
    parser.add_argument("--site-dir", type=Path, default=None, help="default: site/ in the project")
    parser.add_argument("--site-url", default=None, help="the address the site will be served from")
    args = parser.parse_args(argv)
    from mkdocs.exceptions import Abort, BuildError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    root = args.root.resolve()
    try:
        build_site(args.site_dir or root / "site", root=root, site_url=args.site_url)
    except (Abort, BuildError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
