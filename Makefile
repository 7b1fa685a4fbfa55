# The two commands a newcomer needs: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test check lint typecheck unit tools clean bench

build: $(STAMP)
	$(BIN)/dossier build

test: $(STAMP) lint typecheck unit

# The inner loop: lint, types and every test but the browser and large-corpus ones.
check: $(STAMP) lint typecheck
	$(BIN)/pytest -q -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) tools
	$(BIN)/pytest

# dossier side by side with Hugo and Pelican (bench/README.md): `make bench SCALE=100000`.
SCALE ?= 1000 10000
bench: $(STAMP)
	$(BIN)/python bench/run.py --scales $(SCALE)

# Chromium, Java and axe-core for tests/browser (apt-get and npm; see the script).
tools:
	.ci/setup-tools

# (Re)install when the project's metadata changes; the package is installed editable.
$(STAMP): pyproject.toml
	.ci/setup-tools build
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf output .cache test-artifacts
