# Two commands do all set-up on a fresh machine (Python 3.11+ and make):
#   make run    serve the site at http://127.0.0.1:$(PORT) for development
#   make test   run the whole test suite
PYTHON ?= python3
PORT ?= 5000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: help install catalogs run test clean

help:
	@echo "make run    serve the site at http://127.0.0.1:$(PORT) (PORT=8000 make run to change)"
	@echo "make test   run the whole test suite"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change, so a second `make run` is quick.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

# Compiled catalogs (.mo) are build output, never committed.
catalogs: install
	$(BIN)/pybabel -q compile -d translations

run: catalogs
	$(BIN)/flask --app app run --port $(PORT) --reload --no-debugger

test: catalogs
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build .pytest_cache
	find translations -name '*.mo' -delete
