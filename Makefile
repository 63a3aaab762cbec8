# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

# Run as root (CI, a fresh kiosk), QtWebEngine's sandbox cannot start: disable it there only.
ifeq ($(shell id -u),0)
QT_ENV := QTWEBENGINE_DISABLE_SANDBOX=1
endif
HEADLESS := QT_QPA_PLATFORM=offscreen $(QT_ENV)


.PHONY: help setup system-deps speech web translations catalogues run test lint typecheck pytest docs dist clean

help:
	@echo "make run    set everything up and start the kiosk on the bundled content"
	@echo "make test   set everything up, then ruff, mypy, the import contracts and the tests (headless)"
	@echo "make soak   the long reliability runs: every fault x every source, 60+ kill -9, a simulated day"

setup: system-deps $(VENV)/.installed translations web

# The leisure map's Leaflet and Leaflet.markercluster, pinned by resources/web/package-lock.json (no CDN at run time).
web: resources/web/node_modules/.installed
resources/web/node_modules/.installed: resources/web/package.json resources/web/package-lock.json
	cd resources/web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps: .stamp-system-deps
.stamp-system-deps: resources/deploy/system-deps.sh
	resources/deploy/system-deps.sh
	touch $@

# Read aloud: speech-dispatcher and the espeak-ng voices, installed as root with apt, else the command is printed.
# Only `make run` asks for it (`make test` and CI need no voice); a quick dpkg check once installed.
speech:
	@resources/deploy/speech-deps.sh

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

translations: $(QM)

# After adding or changing a visitor string: refresh the .ts catalogues, then translate the new entries.
catalogues: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find kiosk -name '*.py' -not -path '*/content/*') \
		-ts $(TS) -source-language fr -no-obsolete

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: setup speech
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "No screen here (DISPLAY is not set). Start it from the kiosk's desktop session,"; \
		echo "or on a headless machine: apt-get install xvfb && xvfb-run -a make run"; exit 1; fi
	$(QT_ENV) $(BIN)/kiosk run $(ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: setup
	HYPOTHESIS_PROFILE=ci $(HEADLESS) $(BIN)/pytest -m "not slow"

# The long reliability runs (docs/reliability.md): the whole fault matrix, 60+ kill -9, a simulated day.
soak: setup
	HYPOTHESIS_PROFILE=ci $(HEADLESS) $(BIN)/pytest -m slow -v -s -p no:cacheprovider

test: setup lint typecheck pytest

# The one-folder app (kiosk.spec) in dist/kiosk/, then its selftest offscreen on the bundled content. Not part of `make test`.
dist: setup
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN kiosk.spec
	@echo "dist/kiosk: $$(du -sh dist/kiosk | cut -f1)"
	tmp=$$(mktemp -d) && $(HEADLESS) KIOSK_TILES_OFFLINE=1 dist/kiosk/kiosk selftest --data-dir "$$tmp"; \
		status=$$?; rm -rf "$$tmp"; exit $$status

# Benchmarks and the performance budget (docs/performance.md); not part of `make test`. BENCH_QUICK=1: a fast pass.
# Debian's chromium is the anchor beside our map: installed here when missing and we are root, else its row is skipped.
bench: setup
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -q chromium >/dev/null; } || \
		echo "chromium is not installed and could not be installed here (root and apt needed): its rows are skipped"
	$(HEADLESS) KIOSK_TILES_OFFLINE=1 $(BIN)/python -m benchmarks

docs: $(VENV)/.installed
	$(BIN)/python -m kiosk.config_docs

clean:
	rm -rf $(VENV) .stamp-* .pytest_cache .mypy_cache .ruff_cache $(QM) build dist
