# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

# Debian/Ubuntu packages Qt (widgets, WebEngine, speech) needs at run time, and the fonts we draw with.
APT_PACKAGES := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 \
	libxcomposite1 libxdamage1 libxext6 libxfixes3 libxrandr2 libxrender1 libxtst6 libxkbfile1 libxshmfence1 \
	libnss3 libnspr4 libgbm1 libdrm2 libpulse0 libspeechd2 \
	fonts-noto-core fonts-noto-color-emoji fonts-dejavu-core

# Run as root (CI, a fresh kiosk), QtWebEngine's sandbox cannot start: disable it there only.
ifeq ($(shell id -u),0)
QT_ENV := QTWEBENGINE_DISABLE_SANDBOX=1
endif
HEADLESS := QT_QPA_PLATFORM=offscreen $(QT_ENV)

.PHONY: help setup system-deps translations run test lint typecheck pytest docs clean

help:
	@echo "make run    set everything up and start the kiosk on the bundled content"
	@echo "make test   set everything up, then ruff, mypy, the import contracts and the tests (headless)"

setup: system-deps $(VENV)/.installed translations

system-deps: .stamp-system-deps
.stamp-system-deps: Makefile
	@missing=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(APT_PACKAGES) 2>/dev/null \
		| awk '$$1 != "ii" {print $$2}'; for p in $(APT_PACKAGES); do \
		dpkg-query -W $$p >/dev/null 2>&1 || echo $$p; done | sort -u); \
	if [ -z "$$missing" ]; then touch $@; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Qt's system libraries: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing \
		&& touch $@; \
	else \
		echo "Qt needs these system packages; please run:"; \
		echo "  sudo apt-get install --no-install-recommends $$(echo $$missing)"; exit 1; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

translations: $(QM)
resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: setup
	$(QT_ENV) $(BIN)/kiosk run $(ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: setup
	$(HEADLESS) $(BIN)/pytest -m "not slow"

test: setup lint typecheck pytest

docs: $(VENV)/.installed
	$(BIN)/python -m kiosk.docs

clean:
	rm -rf $(VENV) .stamp-* .pytest_cache .mypy_cache .ruff_cache $(QM)
