# Two commands on a fresh machine: `make run` and `make test`. Everything else is a helper for them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The first Python 3.11+ on PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { command -v $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# One test process per core, each with its own test database.
WORKERS ?= auto

.PHONY: install run test lint messages check-deploy clean serve backup restore

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11+ on PATH)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# No byte-compiling of every installed file: Python compiles the modules it imports, once.
	$(PY) -m pip install --quiet --no-compile -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Links in e-mails and files lead where this server answers (with PORT=8101 too), unless
# WAGTAILADMIN_BASE_URL says otherwise.
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo "Sakråd: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, password sakrad-demo)"
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT)

# Production: migrate, collectstatic, SERVE_WORKERS uvicorn workers (2); SERVE_NGINX=1 puts nginx in
# front. Needs DJANGO_SECRET_KEY, DATABASE_URL and REDIS_URL: docs/deployment.md.
serve: install
	SERVE_PYTHON=$(PY) deploy/serve

# A PostgreSQL dump and the uploaded files in one folder with checksums, and putting them back
# (BACKUP_FOLDER=…, FORCE=1 over an existing site). The variables of `make serve`: docs/reliability.md.
backup: install
	BACKUP_PYTHON=$(PY) deploy/backup $(BACKUP_FOLDER)

restore: install
	BACKUP_PYTHON=$(PY) deploy/restore $(if $(FORCE),--force) $(BACKUP_FOLDER)

# pytest's exit code passes through: 5 (no tests collected) fails like any other non-zero code.
test: install
	$(BIN)/pytest -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=sakrad.settings.test $(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py makemessages --locale sv --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --locale sv --ignore '.venv/*'

check-deploy: install
	DJANGO_SETTINGS_MODULE=sakrad.settings.production \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=sakrad.example.org WAGTAILADMIN_BASE_URL=https://sakrad.example.org \
	DATABASE_URL=postgres://sakrad@db.example.org/sakrad REDIS_URL=redis://cache.example.org:6379/0 \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3.cache-generation staticfiles .pytest_cache
