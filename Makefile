# The two commands a new developer needs: `make run` and `make test` (see README.md).
SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint format messages bench scale-test fault-test backup restore clean

$(STAMP): pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var
	$(MANAGE) compile_catalogues

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	@echo "Serving VAMOs on http://$(HOST):$(PORT)/ with a background task worker (Ctrl-C stops both)."
	@trap 'kill 0' INT TERM; \
	  $(MANAGE) db_worker --queue-name '*' --no-reload & \
	  $(MANAGE) runserver $(HOST):$(PORT) --noreload & \
	  wait

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=vamos.settings.test $(MANAGE) makemigrations --check --dry-run

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: setup
	@scripts/ensure-chromium
	$(MAKE) --no-print-directory lint
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest -n 2 --dist loadgroup -q $(PYTEST_ARGS)

# Update the translation catalogues after changing strings (needs GNU gettext's xgettext).
# Each app keeps its own catalogue in vamos/<app>/locale; project templates use vamos/locale.
APPS := $(patsubst vamos/%/apps.py,%,$(wildcard vamos/*/apps.py))
messages: setup
	@for app in $(APPS); do \
	  mkdir -p vamos/$$app/locale; \
	  (cd vamos/$$app && ../../$(VENV)/bin/django-admin makemessages -l de -l en --no-obsolete --no-location -v0) || exit 1; \
	done
	cd vamos && ../$(VENV)/bin/django-admin makemessages -l de -l en --no-obsolete --no-location -v0 \
	  $(foreach app,$(APPS),--ignore=$(app)/*) --ignore=settings/* --ignore=static/vendor/*
	$(MANAGE) compile_catalogues

# Programme-scale data, the production server under bounded load, var/bench/report.md (docs/bench.md).
bench: setup
	@scripts/ensure-wrk
	@scripts/ensure-chromium
	$(PY) -m vamos.bench.runner

# Two web processes and a task worker on PostgreSQL + Redis: sessions, the last seat, the queue.
scale-test: setup
	$(PY) -m vamos.bench.scale_test

# PostgreSQL stopped and started under load: friendly 503 pages, recovery within 5 s (docs/operations.md).
fault-test: setup
	$(PY) scripts/fault-test

# The database and the media files in one archive under var/backups/ (docs/deployment.md).
backup: setup
	$(MANAGE) backup $(if $(FILE),--output $(FILE))

# Replace the database and media files with a backup: make restore FILE=var/backups/….tar.gz
restore: setup
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=path/to/backup.tar.gz"; exit 2; }
	$(MANAGE) migrate --noinput
	$(MANAGE) restore $(FILE)

clean:
	rm -rf $(VENV) var/static
