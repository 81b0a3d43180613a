# Two commands do the whole set-up on a fresh machine:
#   make run   - virtual environment, install, migrate, messages, demo content, admin, serve
#   make test  - the same environment, then the test suite
# With DATABASE_URL set (postgres://...), both use PostgreSQL instead of SQLite.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) site/manage.py
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Our own strings only: not the packages in .venv, not tests or benchmarks.
MAKEMESSAGES_ARGS := --locale de --no-obsolete --ignore ".venv/*" --ignore "var/*" --ignore "tests/*" --ignore "benchmarks/*"

.PHONY: install messages makemessages migrate demo run test lint check ci clean openapi-snapshot

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --editable ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED) messages

# Compiles locale/ and nothing under .venv (the packages ship their own .mo files).
messages: $(INSTALLED)
	cd locale && ../$(PY) ../site/manage.py compilemessages --verbosity 0

makemessages: $(INSTALLED)
	$(MANAGE) makemessages $(MAKEMESSAGES_ARGS)

migrate: install
	$(MANAGE) migrate --no-input --verbosity 1

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) ensure_demo_admin

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=alliance_site.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=alliance_site.settings.test $(MANAGE) makemigrations --check --dry-run

# Rewrites tests/openapi_snapshot.json from the document the site serves at
# /api/v3/openapi.json (sorted keys, indented); review the diff like any code change.
openapi-snapshot: $(INSTALLED)
	OPENAPI_SNAPSHOT_UPDATE=1 $(PY) -m pytest tests/test_openapi.py -q -k snapshot

clean:
	rm -rf $(VENV) var .pytest_cache
