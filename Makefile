# newskg — `make run` serves the seeds on http://127.0.0.1:8000, `make test` runs the whole suite. Both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
# the W3C SPARQL 1.1 test suites, read where they are (never copied into the repository)
W3C_DIR ?= ../shared/w3c-sparql11
PYTEST := W3C_SPARQL11=$(abspath $(W3C_DIR)) $(BIN)/python -m pytest
# make test runs the W3C suites' protocol tests, every syntax test and a fixed quarter of the others
W3C_SHARE := (not w3c_suite or w3c_sample)

.PHONY: setup setup-test browser yasgui charts engines run ingest-seeds test test-fast conformance fuzz score bench soak clean

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

charts:                ## Apache ECharts from the npm registry: the network and timeline pictures
	bash scripts/install_echarts.sh

engines:               ## Debian's Virtuoso 7.2 and Redis for the remote-store and queue tests (started by the tests)
	bash scripts/install_engines.sh

setup-test: setup browser yasgui charts engines

ingest-seeds: setup
	$(BIN)/newskg --store $(STORE) ingest seeds/

# writes are opened only when serving on this machine alone (HOST=127.0.0.1, the default); a server others can
# reach refuses them unless NEWSKG_WRITE_TOKEN is set
OPEN_WRITES := $(if $(filter 127.0.0.1 localhost ::1,$(HOST)),--allow-open-writes,)

run: setup yasgui charts ingest-seeds
	$(BIN)/newskg --store $(STORE) serve --host $(HOST) --port $(PORT) $(OPEN_WRITES)

# make test skips the W3C suites (saying why, in the summary's skip reasons) where a checkout has no ../shared
test: setup-test
	W3C_OPTIONAL=1 $(PYTEST) -q -rs -m "$(W3C_SHARE)"

test-fast: setup engines
	W3C_OPTIONAL=1 $(PYTEST) -q -rs -m "not browser and not slow and $(W3C_SHARE)"

conformance: setup    ## the whole W3C sparql11 suite (entailment aside) against a real server, with its counts
	$(PYTEST) -q -p no:cacheprovider tests/test_w3c

fuzz: setup           ## property tests with fresh random examples, many more of them (not part of make test)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_hardening/test_properties.py

score: setup           ## every scorer: reading, article gold, extraction per set (seeds, project, dev, test), events
	$(BIN)/python -m evaluation

bench: setup engines
	$(BIN)/python -m bench

soak: setup
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(STORE) $(STORE).dumps $(STORE).search tests/artifacts .pytest_cache
