#!/usr/bin/env bash
# `make zensical`: build the site with Zensical (Material's successor) in its own environment
# and compare each page's main text with the MkDocs build. A check for the move, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV=build/zensical-venv
if [ ! -x "$ENV/bin/zensical" ]; then
  python3 -m venv "$ENV"
  # The newest Zensical that resolves from the package index, plus what our macros import.
  "$ENV/bin/pip" install --quiet zensical==0.0.73 "$(grep -m1 '^pydantic==' requirements.lock | cut -d' ' -f1)"
fi
echo "zensical $("$ENV/bin/zensical" --version)"
rm -rf build/zensical-src build/mkdocs-site
mkdir -p build/zensical-src
tar --exclude=./.venv --exclude=./.git --exclude=./site --exclude=./build --exclude=./.cache -cf - . \
  | tar -xf - -C build/zensical-src
(cd build/zensical-src && "../../$ENV/bin/zensical" build --clean)
.venv/bin/python tools/build.py --site-dir build/mkdocs-site
.venv/bin/python tools/compare_builds.py build/mkdocs-site build/zensical-src/site
