# Iliopsoas & low-back tightness: every task starts from the locked environment in .venv.
# Quick start: `make serve` (build strictly, serve on 127.0.0.1:8000) and `make test`.

# `make new-page PATH=x.md` names a page, but PATH is also the shell's search path:
# keep the page name and give recipes back the real search path.
ifeq ($(origin PATH),command line)
NEW_PAGE := $(PATH)
override PATH := $(shell printenv PATH)
endif

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock | cksum | cut -d' ' -f1)

# Material 9.8 prints an end-of-life banner on every run; we pin mkdocs<2 ourselves, so it is noise.
export NO_MKDOCS_2_WARNING := 1
# No stray bytecode in the tree; no user site-packages leaking into the locked environment.
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONNOUSERSITE := 1

.PHONY: help setup build serve test offline lighthouse screenshots bench zensical lint hooks validate schema lock clean review-due translations-due translation-done new-exercise new-muscle new-page

help:
	@echo "make serve     build strictly and serve on http://127.0.0.1:8000 (PORT=8123 for another port)"
	@echo "make test      run every test"
	@echo "make build     build the site into site/ (strict)"
	@echo "make offline   a copy in build/offline that works from disk (file://), search included"
	@echo "make lighthouse  Lighthouse 12 scores for five pages (benchmark; needs chromium and npm)"
	@echo "make screenshots  PNGs of key pages, phone and desktop, light and dark, in build/screenshots (FULL=1: whole pages)"
	@echo "make bench     build time at 100 and 1,000 pages, with and without macros (benchmark)"
	@echo "make zensical  build with Zensical in its own environment and compare each page's text"
	@echo "make lint      ruff (lint and format), yamllint, data validation, codespell, Markdown lint (as pre-commit)"
	@echo "make validate  check data/*.yml against the schema and print every problem"
	@echo "make schema    regenerate data/schema/*.json from the models"
	@echo "make lock      regenerate requirements.lock (with hashes) from requirements.in"
	@echo "make review-due            pages and data entries due for review within 30 days"
	@echo "make translations-due      translated pages and data whose English changed (exit 1 if any)"
	@echo "make translation-done FILE=docs/es/x.md [ID=entry]  record that a translation is up to date"
	@echo "make new-exercise ID=x     stub exercise entry and page;  make new-muscle ID=x  stub muscle"
	@echo "make new-page PATH=x.md    stub page with front matter and review dates"

setup: $(STAMP)

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11, 5) else "Python 3.11.5 or newer is needed (found %d.%d.%d); set PYTHON=python3.12 or similar" % v[:3])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	rm -f $(VENV)/.installed-*
	touch $@

build: setup
	$(BIN)/python tools/build.py

# Builds in a fresh process on every edit and keeps serving the last good build when one fails.
PORT ?= 8000
serve: setup
	$(BIN)/python tools/serve.py --port $(PORT)

# Every test, on every core (pytest-xdist); browser tests included. Tests that share an
# expensive build carry the same xdist_group mark, so that one worker builds it (loadgroup).
test: setup
	$(BIN)/python -m pytest -n auto --dist loadgroup

offline: setup
	rm -rf build/offline
	OFFLINE=true $(BIN)/python tools/build.py --site-dir build/offline
	$(BIN)/python tools/offline.py build/offline

screenshots: setup
	$(BIN)/python tools/screenshots.py $(if $(FULL),--full)

bench: setup
	$(BIN)/python tools/bench.py

zensical: setup
	tools/zensical.sh

lighthouse: build
	tools/lighthouse.sh

LINT_YAML := data mkdocs.yml mkdocs.es.yml macros/locales .github tests/fixtures .yamllint.yml .pre-commit-config.yaml
LINT_PY := macros tests tools
lint: setup
	$(BIN)/ruff check $(LINT_PY)
	$(BIN)/ruff format --check $(LINT_PY)
	$(BIN)/yamllint --strict -c .yamllint.yml $(LINT_YAML)
	$(BIN)/python -m macros.validate
	$(BIN)/codespell --ignore-words .codespell-words.txt --skip "*.lock,*.json,docs/es,data/es,macros/locales" docs data macros overrides README.md CONTRIBUTING.md
	$(BIN)/pymarkdown --config .pymarkdown.json scan -r docs README.md CONTRIBUTING.md

hooks: setup
	$(BIN)/pre-commit install

validate: setup
	$(BIN)/python -m macros.validate

schema: setup
	$(BIN)/python -m macros.schema

review-due: setup
	$(BIN)/python -m macros.review

translations-due: setup
	$(BIN)/python -m macros.translations due

translation-done: setup
	$(BIN)/python -m macros.translations done "$(FILE)" $(ID)

new-exercise: setup
	$(BIN)/python -m macros.scaffold exercise "$(ID)"

new-muscle: setup
	$(BIN)/python -m macros.scaffold muscle "$(ID)"

new-page: setup
	$(BIN)/python -m macros.scaffold page "$(NEW_PAGE)"

lock:
	$(PYTHON) -m venv build/lockenv && build/lockenv/bin/pip install --quiet uv==0.13.9
	build/lockenv/bin/uv pip compile requirements.in --generate-hashes --python-version 3.11.5 \
		--no-header --output-file requirements.lock

clean:
	rm -rf site .cache .pytest_cache
