# Two commands for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install demo test lint format bench clean backup restore browser bench-browser

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
test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

## The browser tests' two outside needs: Debian's Chromium (apt, when root) and axe-core (npm).
## Without them the browser tests skip and say why; in CI (CI=true) they fail instead.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; fi
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && apt-get install -y -qq npm >/dev/null; fi
	@if command -v npm >/dev/null && [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ]; then \
	  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error; fi

## First and largest contentful paint and compressed size of the member's pages, on the
## emulated phone and 3G (printed, not asserted: see README "Browser tests and artefacts").
bench-browser: $(BIN)/.installed browser
	GANDAN_BENCH_RUNS=3 $(BIN)/python -m pytest tests/e2e -m browser -k perf -s -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3* staticfiles artifacts

## A consistent backup of the configured database into backups/ (SQLite online backup or pg_dump).
backup: $(BIN)/.installed
	$(BIN)/python manage.py backup

## Restore FILE=... into the configured database, which must be empty.
restore: $(BIN)/.installed
	$(BIN)/python manage.py restore $(FILE)

## Province-scale benchmark on a throw-away PostgreSQL database whose name contains "bench"
## (README "Reports, Excel and benchmarks"): printed figures, no assertions.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/gd_bench
BENCH_HOUSEHOLDS ?= 200000
bench-db: $(BIN)/.installed
	GANDAN_DEMO=1 DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench \
	  --create-database --households $(BENCH_HOUSEHOLDS)

## The same reads on a SQLite copy of the demo (one commune; quick).
bench-sqlite: $(BIN)/.installed
	rm -f /tmp/gandan-bench.sqlite3*
	GANDAN_DEMO=1 DATABASE_URL=sqlite:////tmp/gandan-bench.sqlite3 $(BIN)/python manage.py migrate --verbosity 0
	GANDAN_DEMO=1 DATABASE_URL=sqlite:////tmp/gandan-bench.sqlite3 $(BIN)/python manage.py bench

## All benchmarks: province scale on PostgreSQL, the demo on SQLite, the phone in the browser.
bench: bench-db bench-sqlite bench-browser
