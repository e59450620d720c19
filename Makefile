# AtlasPlan: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is a local development server: DEBUG on, SQLite unless DATABASE_URL says otherwise.
RUN_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run test install demo messages lint format clean fonts

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "AtlasPlan needs Python 3.12 or newer (Django 6.1)."; \
	  echo "'$(PYTHON)' is: $$($(PYTHON) --version 2>&1 || echo 'not found')."; \
	  echo "Install Python 3.12+ (python.org, your package manager, or 'pyenv install 3.13'),"; \
	  echo "then run: make run PYTHON=/path/to/python3.13"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

.demo-password: | $(PY)
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(12))' > .demo-password

# The plan's PDF needs fonts for every script the city writes (Noto core and CJK, Debian
# packages). Installed when missing if we are root or may sudo; otherwise the command is shown.
FONT_PACKAGES := fontconfig fonts-noto-core fonts-noto-cjk
fonts:
	@if fc-list 2>/dev/null | grep -q "Noto Sans Tifinagh" && fc-list | grep -q "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" -eq 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null; }; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null || \
	  { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null; }; \
	else echo "The plan's PDF needs the Noto fonts. Run: sudo apt-get install -y $(FONT_PACKAGES)"; fi

run: $(STAMP) .demo-password fonts
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	@$(RUN_ENV) $(PY) manage.py load_demo --password "$$(cat .demo-password)"
	@echo "Demo password (kept in .demo-password): $$(cat .demo-password)"
	@echo "Serving on http://$(HOST):$(PORT)/ with the background worker beside it (Ctrl+C stops both)"
	@$(RUN_ENV) $(PY) manage.py db_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite: unit, view and browser tests. SQLite by default; PostgreSQL when
# DATABASE_URL points at one (pytest-django creates and drops a test_ database).
test: $(STAMP)
	$(PY) -m pytest -n $${PYTEST_WORKERS:-auto} $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the translation catalogues after changing user-facing strings (needs GNU gettext).
messages: $(STAMP)
	DEBUG=true $(PY) manage.py makemessages -l en --ignore='.venv/*' --ignore='staticfiles/*'
	msgattrib --no-obsolete -o atlasplan/locale/en/LC_MESSAGES/django.po atlasplan/locale/en/LC_MESSAGES/django.po
	DEBUG=true $(PY) manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
