# Arloesi developer commands. Run `make` (or `make help`) for the list.

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Extra arguments, e.g. `make test PYTEST_ARGS="-k ideas -x"` or
# `make bench BENCH_ARGS="--help"`.
PYTEST_ARGS ?=
BENCH_ARGS ?=
# The suite runs on every core (pytest-xdist; each worker has its own test database and is
# handed tests as it finishes others, a group of tests sharing costly data — xdist_group — all
# to one worker); `make test PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup
# On PostgreSQL the browser journeys are left out by default: they exercise the pages in a
# browser, which `make test` does on SQLite, and would add four minutes to CI; every page is
# still opened on PostgreSQL by the access walk, the form fuzz and the query counts.
# `make test-postgres POSTGRES_MARKERS=` runs them there too.
POSTGRES_MARKERS ?= not browser

# Database for `make test-postgres`: $POSTGRES_URL if set, else a local server.
POSTGRES_DEFAULT := postgres://postgres@127.0.0.1:5432/arloesi

# Azurite, Microsoft's Azure Storage emulator, for the tests that run two app servers on one
# store (tests/machines). `make azurite` installs the versions tests/machines/azurite's lockfile
# pins into the user's cache, where every clone finds it (a fresh clone, as CI's, installs
# nothing again); without npm, those tests are skipped and say why.
AZURITE_PACKAGE := tests/machines/azurite
AZURITE_VERSION := $(shell sed -n 's/.*"azurite": *"\([^"]*\)".*/\1/p' $(AZURITE_PACKAGE)/package.json)
AZURITE_DIR := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/arloesi/azurite-$(AZURITE_VERSION)
AZURITE_BIN := $(AZURITE_DIR)/node_modules/.bin/azurite-blob

# Local commands run in demo mode: a development secret key, HTTP, demo data allowed.
# Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL … instead (see .env.example).
LOCAL := env ARLOESI_DEMO=1

# Python used only to run the standard-library vendoring script.
VENDOR_PYTHON ?= python3

BABEL_KEYWORDS := -k _ -k gettext -k gettext_lazy -k ngettext:1,2 -k ngettext_lazy:1,2 \
	-k pgettext:1c,2 -k pgettext_lazy:1c,2 -k npgettext:1c,2,3 \
	-k gettext_noop -k ngettext_noop:1,2
LOCALE_DIR := arloesi/locale
WELSH_PO := $(LOCALE_DIR)/cy/LC_MESSAGES/django.po

.DEFAULT_GOAL := help
.PHONY: help install browser azurite db run test test-postgres bench lint format messages vendor clean

help: ## List the make targets
	@echo "Arloesi make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(STAMP) ## Create .venv and install Arloesi with its dev dependencies

# The interpreter is looked up only here, so `make help` works without Python.
# scripts/find-python takes an installed Python 3.12+, else fetches Python 3.13
# with uv into .tools/ (ARLOESI_NO_PYTHON_DOWNLOAD=1 turns that off), else says
# in one line what to do. Set PYTHON=/path/to/python3.12 to choose one yourself.
$(STAMP): pyproject.toml
	@if ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3,12))' 2>/dev/null; then \
		py="$${PYTHON:-$$(scripts/find-python)}" || exit 1; \
		echo "Creating $(VENV) with $$py"; \
		"$$py" -m venv --clear $(VENV) || exit 1; \
	fi
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

browser: ## Make sure Chromium (browser tests), fonts (PDFs, drawings) and cairo (PNG) are installed
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing=" chromium"; \
	if command -v dpkg >/dev/null 2>&1; then \
		for package in fonts-dejavu-core fonts-liberation libcairo2; do \
			dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
		done; \
	fi; \
	[ -n "$$missing" ] || exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		sudo=""; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo="sudo"; \
	else \
		echo "Arloesi's browser tests need Chromium at /usr/bin/chromium, PDFs and drawings the DejaVu and Liberation fonts, PNG drawings the cairo library." >&2; \
		echo "Missing:$$missing. Install with: sudo apt-get install$$missing" >&2; \
		exit 1; \
	fi; \
	echo "Installing$$missing"; \
	$$sudo apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	[ -x /usr/bin/chromium ] || { echo "Chromium is still missing at /usr/bin/chromium" >&2; exit 1; }

azurite: ## Install Azurite (Azure Storage emulator) for the two-server tests, if npm is there
	@if [ -x "$(AZURITE_BIN)" ] && cmp -s $(AZURITE_PACKAGE)/package-lock.json "$(AZURITE_DIR)/installed-lock.json"; then \
		exit 0; \
	fi; \
	if ! command -v npm >/dev/null 2>&1; then \
		echo "npm is not installed: the tests that run two app servers on Azurite will be skipped." >&2; \
		exit 0; \
	fi; \
	echo "Installing Azurite $(AZURITE_VERSION) into $(AZURITE_DIR)"; \
	mkdir -p "$(AZURITE_DIR)" && \
	cp $(AZURITE_PACKAGE)/package.json $(AZURITE_PACKAGE)/package-lock.json "$(AZURITE_DIR)/" && \
	(cd "$(AZURITE_DIR)" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) && \
	cp $(AZURITE_PACKAGE)/package-lock.json "$(AZURITE_DIR)/installed-lock.json"

db: install ## Create or migrate the local SQLite database (var/arloesi.sqlite3)
	@mkdir -p var
	$(LOCAL) $(BIN)/arloesi migrate --noinput

# The task worker runs in the background for as long as the server does;
# the trap stops it when runserver exits (Ctrl+C included).
run: install db ## Load demo data and run the server with its task worker
	$(LOCAL) $(BIN)/arloesi load_demo
	@$(LOCAL) $(BIN)/arloesi worker >var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	echo "Task worker started (log: var/worker.log)"; \
	echo "Arloesi is running at http://127.0.0.1:8000/ — press Ctrl+C to stop"; \
	$(LOCAL) $(BIN)/arloesi runserver 127.0.0.1:8000

test: install browser ## Lint, check migrations and run the tests on SQLite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/import_rules.py arloesi
	env -u DATABASE_URL ARLOESI_DEMO=1 $(BIN)/arloesi makemigrations --check --dry-run
	env -u DATABASE_URL $(PYTEST) $(PYTEST_ARGS)

test-postgres: install browser azurite ## Run the tests on PostgreSQL (POSTGRES_URL, default local server)
	@url="$${POSTGRES_URL:-$(POSTGRES_DEFAULT)}"; \
	if command -v pg_isready >/dev/null 2>&1; then \
		pg_isready -q -t 5 -d "$$url"; \
	else \
		$(BIN)/python -c 'import sys, psycopg; psycopg.connect(sys.argv[1], dbname="postgres", connect_timeout=5).close()' "$$url" 2>/dev/null; \
	fi || { \
		echo "PostgreSQL is not answering at $$url." >&2; \
		echo "Start it (e.g. sudo pg_ctlcluster <version> main start) or set POSTGRES_URL." >&2; \
		exit 1; \
	}
	DATABASE_URL="$${POSTGRES_URL:-$(POSTGRES_DEFAULT)}" ARLOESI_AZURITE="$(AZURITE_BIN)" $(PYTEST) \
		$(if $(POSTGRES_MARKERS),-m "$(POSTGRES_MARKERS)") $(PYTEST_ARGS)

bench: install ## Run the benchmarks (BENCH_ARGS=... to pass options)
	$(LOCAL) $(BIN)/arloesi bench $(BENCH_ARGS)

lint: install ## Check code style (ruff) and the direction of imports (docs/ARCHITECTURE.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/import_rules.py arloesi

format: install ## Reformat code and apply ruff's safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Extract messages and update and compile the Welsh (cy) catalogue
	@mkdir -p $(LOCALE_DIR)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		-o $(LOCALE_DIR)/django.pot arloesi
	@if [ -f $(WELSH_PO) ]; then \
		echo "$(BIN)/pybabel update ... -l cy"; \
		$(BIN)/pybabel update -i $(LOCALE_DIR)/django.pot -d $(LOCALE_DIR) -D django -l cy \
			--no-fuzzy-matching --ignore-obsolete; \
	else \
		echo "$(BIN)/pybabel init ... -l cy"; \
		$(BIN)/pybabel init -i $(LOCALE_DIR)/django.pot -d $(LOCALE_DIR) -D django -l cy; \
	fi
	$(BIN)/pybabel compile -d $(LOCALE_DIR) -D django

vendor: ## Refresh the vendored NHS.UK frontend and htmx files (needs npm)
	$(VENDOR_PYTHON) scripts/vendor_frontend.py

clean: ## Remove var/, .venv, .tools (fetched uv and Python) and __pycache__ folders
	rm -rf var $(VENV) .tools *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
