# The CJG portal and assistant. `make run` and `make test` work on a fresh
# machine: they create the virtual environments and install what is missing.
SHELL := /bin/bash
PYTHON ?= python3
PY310 ?= $(shell pyenv root 2>/dev/null)/versions/3.10.13/bin/python
VENV := .venv
BOTVENV := bot/.venv
export FLASK_APP := portal
export RASA_TELEMETRY_ENABLED := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: browser a11y-deps run test test-portal test-bot lint-content eval bench load audit translations db model install install-bot clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt -c constraints.txt
	touch $@

$(BOTVENV)/.installed: bot/requirements.txt bot/constraints.txt
	test -x $(BOTVENV)/bin/python || $(PY310) -m venv $(BOTVENV)
	$(BOTVENV)/bin/pip install -q "pip<24.1" setuptools wheel
	$(BOTVENV)/bin/pip install -q -r bot/requirements.txt -c bot/constraints.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded by Playwright)
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# axe-core for the accessibility tests, as package-lock.json pins it: npm ci only when node_modules differs
a11y-deps:
	@node -p 'require("./package-lock.json").packages["node_modules/axe-core"].version === require("./node_modules/axe-core/package.json").version || process.exit(1)' >/dev/null 2>&1 || npm ci --no-audit --no-fund

install: $(VENV)/.installed
install-bot: $(BOTVENV)/.installed

translations: install
	$(VENV)/bin/pybabel compile -d locales >/dev/null

db: install translations
	$(VENV)/bin/flask db upgrade
	$(VENV)/bin/flask content import
	@if $(VENV)/bin/flask socialmap --help >/dev/null 2>&1; then $(VENV)/bin/flask socialmap import; fi

model: install-bot
	cd bot && ./.venv/bin/rasa train --fixed-model-name cjg --out models

run: db model
	./scripts/run.sh

lint-content: install
	$(VENV)/bin/python -m portal.content.lint

test: install install-bot browser a11y-deps translations lint-content
	$(VENV)/bin/python -m pytest tests -q
	$(MAKE) test-bot

test-bot: install-bot model
	cd bot && ./.venv/bin/rasa data validate >/dev/null
	cd bot && ./.venv/bin/rasa test core --e2e --stories tests/test_stories.yml --model models/cjg.tar.gz \
		--out ../instance/bot-test-results --fail-on-prediction-errors >/dev/null
	cd bot && ./.venv/bin/python -m pytest tests -q

eval: install translations
	$(MAKE) model
	$(VENV)/bin/python -m tests.eval.run tests/eval/dev.yml --show-failures

bench: install translations
	$(VENV)/bin/python -m bench.run

# 50 visitors on the whole stack for 5 minutes (LOAD_ARGS=--quick: 30 s); not part of `make test`
load: install translations model
	$(VENV)/bin/python -m bench.loadtest $(LOAD_ARGS)

# Known vulnerabilities in what both virtual environments have installed (needs the PyPI/OSV advisory service)
audit: install install-bot
	$(VENV)/bin/python -m pip freeze --exclude-editable > $(VENV)/frozen.txt
	$(BOTVENV)/bin/python -m pip freeze --exclude-editable > $(BOTVENV)/frozen.txt
	$(VENV)/bin/pip-audit --no-deps --disable-pip --progress-spinner off -r $(VENV)/frozen.txt
	$(VENV)/bin/pip-audit --no-deps --disable-pip --progress-spinner off -r $(BOTVENV)/frozen.txt

clean:
	rm -rf instance/search-index bot/models
