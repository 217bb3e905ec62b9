# newskg — `make run` serves the seeds on http://127.0.0.1:8000, `make test` runs the whole suite. Both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup browser yasgui run ingest-seeds test test-fast fuzz score bench soak clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

setup: $(STAMP)

browser:               ## Debian's chromium for the browser tests
	bash scripts/install_browser.sh

yasgui:                ## the YASGUI query editor from the npm registry, served by /sparql
	bash scripts/install_yasgui.sh

ingest-seeds: setup
	$(BIN)/newskg --store $(STORE) ingest seeds/

# writes are opened only when serving on this machine alone (HOST=127.0.0.1, the default); a server others can
# reach refuses them unless NEWSKG_WRITE_TOKEN is set
OPEN_WRITES := $(if $(filter 127.0.0.1 localhost ::1,$(HOST)),--allow-open-writes,)

run: setup yasgui ingest-seeds
	$(BIN)/newskg --store $(STORE) serve --host $(HOST) --port $(PORT) $(OPEN_WRITES)

test: setup browser yasgui
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not browser and not slow"

fuzz: setup           ## property tests with fresh random examples, many more of them (not part of make test)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_hardening/test_properties.py

score: setup           ## the extractor against the gold files of the seeds
	$(BIN)/python -m evaluation

bench: setup
	$(BIN)/python -m bench

soak: setup
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(STORE) $(STORE).dumps tests/artifacts .pytest_cache
