# One entry point for people and CI. `make site` builds the sample briefing; `make test` is
# exactly what .ci/run runs: install everything, lint, type-check, run the whole test suite.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: site test check lint types pytest browser bench clean

site: $(VENV)/.site-installed
	$(BIN)/digest build

test: $(VENV)/.dev-installed browser check

check: lint types pytest

lint:
	$(BIN)/ruff check generator tests benchmarks

types:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -q -n 2 --dist loadfile

browser:
	bash scripts/install-browser

bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks.cluster
	$(BIN)/python -m benchmarks.dates
	$(BIN)/python -m benchmarks.quotes
	$(BIN)/python -m benchmarks.timeline
	$(BIN)/python -m benchmarks.ingest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@ $(VENV)/.site-installed

clean:
	rm -rf docs site .digest-cache build-report.json
