# Munasara: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per CPU; each has its own test database and search index prefix.
# Tests are handed out one by one in pytest-django's order (transactional tests, which empty the
# database, after all others), not file by file, which would run a file's transactional tests early.
PYTEST_WORKERS ?= auto

.PHONY: install run test lint services messages clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=. $(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

# Starts PostgreSQL and an OpenSearch 2.19 node on loopback (installing them if
# needed) and prints `export` lines: eval "$(make -s services)"
services:
	@bash scripts/services.sh

# Our own strings come from the source; the strings that Django, Wagtail and wagtail-localize
# lack (or translate differently) are kept in locale/upstream/<lang>/ and merged in afterwards,
# our own translation winning a shared msgid. --no-obsolete keeps makemessages from carrying the
# merged ones as obsolete entries (README, "Translations").
MESSAGE_LANGUAGES := ar en fr

messages: install
	$(BIN)/python manage.py makemessages $(foreach lang,$(MESSAGE_LANGUAGES),-l $(lang)) --no-obsolete \
		--ignore=.venv --ignore=static_collected --ignore=tests --ignore=bench
	set -e; for upstream in locale/upstream/*/django.po; do \
		catalogue=locale/$$(basename $$(dirname $$upstream))/LC_MESSAGES/django.po; \
		msgcat --use-first -o $$catalogue $$catalogue $$upstream; \
	done
	set -e; for upstream in locale/upstream/*/djangojs.po; do \
		msgcat -o locale/$$(basename $$(dirname $$upstream))/LC_MESSAGES/djangojs.po $$upstream; \
	done
	$(BIN)/python manage.py compilemessages $(foreach lang,$(MESSAGE_LANGUAGES),-l $(lang)) --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest_cache
