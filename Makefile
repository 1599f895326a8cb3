# Every target creates .venv when it is missing and installs the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site offline serve build check-content init new refresh test test-guide lint check snapshots schema clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev,zensical]'
	touch $(STAMP)

ENGINE ?= mkdocs
# The guide to build: its content folder. Another guide's Markdown, cache and site go to build/NAME/ and
# site-NAME/, so two guides in one checkout never overwrite each other (make site GUIDE=guides/council).
GUIDE ?= content
ONE_GUIDE := $(if $(filter content,$(GUIDE)),, GUIDE=$(GUIDE))
site: $(STAMP) ## build the site from content/ into site/ (make site ENGINE=zensical to publish with Zensical)
	$(BIN)/python -m builder --content $(GUIDE) site --engine $(ENGINE)
	@echo "Open the index.html named above in a browser (or run 'make serve$(ONE_GUIDE)' for http://127.0.0.1:8000/)"

offline: $(STAMP) node_modules/iframe-worker/shim/index.js ## build the offline edition into site-offline/
	$(BIN)/python -m builder --content $(GUIDE) offline --engine $(ENGINE)
	@echo "Open site-offline/index.html straight from the disk (file://); search works there too."

node_modules/iframe-worker/shim/index.js: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

.PHONY: js
js: node_modules/iframe-worker/shim/index.js ## bundle the browser code in js/quiz/ into theme/assets/quiz.js with esbuild (needs Node; commit the result)
	npm run --silent build:js

build: $(STAMP) ## generate the Markdown only (build/docs/)
	$(BIN)/python -m builder --content $(GUIDE) build

check-content: $(STAMP) ## validate content/ and list every problem
	$(BIN)/python -m builder --content $(GUIDE) check

init: $(STAMP) ## write a skeleton guide that builds at once into a new folder: make init GUIDE=guides/NAME
	$(BIN)/python -m builder init $(GUIDE)

new: $(STAMP) ## store an article's text and draft its summary: make new TEXT=article.txt [ID=id] [GUIDE=folder]
	$(BIN)/python -m builder --content $(GUIDE) new $(TEXT) $(if $(ID),--id $(ID))

refresh: $(STAMP) ## bring a draft's suggestions up to date with the guide's actors and topics: make refresh ID=id [GUIDE=folder]
	$(BIN)/python -m builder --content $(GUIDE) new --refresh $(ID)

ADDR ?= 127.0.0.1:8000
# exec: make's child is the server itself, so make's SIGTERM (or Ctrl-C) reaches it and it stops cleanly.
serve: $(STAMP) ## live preview on $(ADDR) (make serve ADDR=127.0.0.1:8001), rebuilding when content/ or theme/ change
	$(BIN)/python -m builder --content $(GUIDE) build
	exec $(BIN)/python -m builder --content $(GUIDE) serve --engine $(ENGINE) --dev-addr $(ADDR)

# The tests of the published site (pages, quiz, offline search) run a second time on a site built by Zensical.
ENGINE_TESTS := tests/test_site.py tests/test_browser.py tests/test_quiz_browser.py tests/test_offline.py
test: $(STAMP) node_modules/iframe-worker/shim/index.js ## run every test (unit, snapshots, site build, browser), then the site's tests with Zensical
	$(BIN)/python -m pytest
	STORYGUIDE_TEST_ENGINE=zensical $(BIN)/python -m pytest $(ENGINE_TESTS)

test-guide: $(STAMP) ## the live-guide test on one guide: it builds strictly, with a page for every article (make test-guide GUIDE=folder)
	STORYGUIDE_GUIDE=$(abspath $(GUIDE)) $(BIN)/python -m pytest -q tests/test_live_guide.py

snapshots: $(STAMP) ## refresh the golden Markdown snapshots of tests/fixtures/ (never content/) after a deliberate change (review the diff!)
	$(BIN)/python -m pytest tests/test_snapshots.py --update-snapshots

schema: $(STAMP) ## rewrite the JSON Schemas in builder/schema/
	$(BIN)/python -m builder schema

lint: $(STAMP) ## ruff, format check, mypy (builder/, tests/, bench/; mypy: builder/ and bench/)
	$(BIN)/ruff check builder tests bench
	$(BIN)/ruff format --check builder tests bench
	$(BIN)/mypy

check: lint test ## lint, format check, type check, then every test

clean:
	rm -rf build site site-offline .site-* .site-offline-* node_modules $(VENV)

.PHONY: bench
bench: $(STAMP) ## time builder + mkdocs on synthetic guides of 10, 100, 1000 articles (BENCH_ARGS="--sizes 10 100 1000 3000")
	$(BIN)/python bench/bench.py $(BENCH_ARGS)
