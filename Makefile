# Two commands for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install demo test lint format bench clean

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## Build the SQLite demo database from the seed villages and serve it on 127.0.0.1:$(PORT).
demo: $(BIN)/.installed
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm
	GANDAN_DEMO=1 $(BIN)/python manage.py migrate --verbosity 0
	GANDAN_DEMO=1 $(BIN)/python manage.py demo
	GANDAN_DEMO=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite (SQLite by default; PostgreSQL when DATABASE_URL is set).
test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3* staticfiles artifacts
