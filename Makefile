# Amanat: `make demo` runs the platform with demo data; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
AMANAT_PORT ?= 8000
# Links in the demo's e-mails point at the port it serves on (override for a proxy in front).
AMANAT_BASE_URL ?= http://127.0.0.1:$(AMANAT_PORT)
AMANAT_DATA_DIR ?= var
export AMANAT_DATA_DIR
# The reverse proxy whose X-Forwarded-* headers are believed, one list for both: gunicorn takes
# the scheme from it, Amanat the client's address (rate limits, login throttling, audit log).
# The demo has no proxy; a local one (nginx on this machine) would come from 127.0.0.1.
AMANAT_TRUSTED_PROXIES ?= 127.0.0.1

.PHONY: demo test install install-dev lock audit lint messages browser odk-engine clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Exactly the versions pinned, with their hashes, in the lock files (`make lock` renews them
# from pyproject.toml), then the project itself without resolving anything again.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# pip-tools and pip-audit in a venv of their own, so that they are not part of what is audited.
TOOLS := .venv-tools/bin
COMPILE := $(TOOLS)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
$(TOOLS)/pip-compile:
	$(PYTHON) -m venv .venv-tools
	$(TOOLS)/pip install --quiet pip-tools pip-audit

# Keeps the pins it can; `make lock LOCK_ARGS=--upgrade` moves every pin to the newest release.
lock: $(TOOLS)/pip-compile
	$(COMPILE) $(LOCK_ARGS) -o requirements.lock pyproject.toml
	$(COMPILE) $(LOCK_ARGS) --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml

# Needs the network to a vulnerability database (PyPI's advisories); --strict: a package it
# could not look up fails the audit instead of passing unchecked.
audit: $(TOOLS)/pip-compile
	$(TOOLS)/pip-audit --strict --require-hashes --disable-pip -r requirements-dev.lock

demo: export AMANAT_BASE_URL := $(AMANAT_BASE_URL)
demo: install
	AMANAT_REQUIRE_2FA=0 $(BIN)/amanat migrate --no-input -v0
	$(BIN)/amanat collectstatic --no-input -v0
	AMANAT_REQUIRE_2FA=0 $(BIN)/amanat load-demo
	@echo "Links in e-mails (written to $(AMANAT_DATA_DIR)/outbox) start with $$AMANAT_BASE_URL"
	@echo ""
	@echo "Amanat demo: http://127.0.0.1:$(AMANAT_PORT)/  (ru: /ru/, kk: /kk/, en: /en/)"
	@echo "Sign in with any role name above as the username and the password amanat-demo."
	@echo "Stop with Ctrl+C."
	AMANAT_REQUIRE_2FA=0 AMANAT_SMSSYNC_SECRET=amanat-demo AMANAT_TELEGRAM_BOT_USERNAME=amanat_demo_bot \
		AMANAT_TRUSTED_PROXIES=$(AMANAT_TRUSTED_PROXIES) \
		$(BIN)/gunicorn amanat.wsgi --config python:amanat.gunicorn_conf --bind 127.0.0.1:$(AMANAT_PORT) \
		--workers 3 --access-logfile - --forwarded-allow-ips $(AMANAT_TRUSTED_PROXIES)

# Debian's chromium for the browser tests (never a browser download); needs root.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium is missing: install Debian's chromium package for the browser tests"; }

# ODK's own form engine (npm, with the machine's Node.js) for the OpenRosa round-trip test.
ODK_ENGINE := tools/odk-engine
$(ODK_ENGINE)/node_modules/.package-lock.json: $(ODK_ENGINE)/package-lock.json
	cd $(ODK_ENGINE) && npm ci --no-audit --no-fund --loglevel=error

odk-engine: $(ODK_ENGINE)/node_modules/.package-lock.json

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install-dev browser odk-engine lint
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== again on PostgreSQL: $$DATABASE_URL"; $(BIN)/pytest; fi

messages: install-dev
	cd amanat && ../$(BIN)/amanat makemessages -l kk -l ru --no-obsolete --no-location --ignore "*/tests/*"
	$(BIN)/python -m amanat.core.catalogues compile

bench: install
	$(BIN)/python bench/import_stations.py
	$(BIN)/python bench/deploy_observers.py

clean:
	rm -rf $(VENV) .venv-tools var $(ODK_ENGINE)/node_modules
