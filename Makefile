# Two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint bench translations installer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,hub]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tsn-desktop $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check tsn_desktop tsn_hub tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check tsn_desktop tsn_hub tests benchmarks
	$(BIN)/mypy

# Each prints its figures as ratios to a baseline measured in the same run (~10 min in all).
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup_search.py
	$(BIN)/python benchmarks/forecast.py
	$(BIN)/python benchmarks/sync.py

# The installer for this system (Linux: .deb and .tar.gz in dist/); not part of `make test`.
installer: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[installer]"
	$(BIN)/python build_installer.py

translations: $(STAMP)
	$(BIN)/python -m tsn_desktop.i18n.update

clean:
	rm -rf $(VENV) build dist *.egg-info
