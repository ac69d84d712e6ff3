# Two commands do all set-up on a fresh machine (Python 3.11+ and make):
#   make run    serve the site at http://127.0.0.1:$(PORT) for development
#   make test   run the whole test suite
PYTHON ?= python3
PORT ?= 5000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Every Python package, direct and transitive, pinned with its hashes (README:
# Upgrading dependencies). Written by uv from pyproject.toml's ranges; installed by pip.
LOCK := requirements.lock
LOCK_COMPILE = $(BIN)/uv pip compile pyproject.toml --extra test --extra dev \
	--generate-hashes --universal --python-version 3.11 --quiet -o $(LOCK)
# Command-line tools from npm (the HTML checker, Lighthouse), locked with integrity
# hashes in tests/tools/package-lock.json; installed there, kept out of git.
TOOLS := tests/tools
NPM_CI := npm ci --prefix $(TOOLS) --ignore-scripts --no-audit --no-fund
VNU_JAR := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := $(TOOLS)/node_modules/.bin/lighthouse
# The browser tests drive Debian's Chromium (installed by `make test` when missing).
CHROMIUM ?= /usr/bin/chromium
DEBIAN := sh scripts/debian-packages.sh

.PHONY: help install catalogs release-catalogs run translate tool-messages test test-latest \
	upgrade lock clean serve freeze serve-static rollback bench lighthouse \
	translations-update translations-check translations-status \
	translations-init

help:
	@echo "make run    serve the site at http://127.0.0.1:$(PORT) (PORT=8000 make run to change)"
	@echo "make test   run the whole test suite, with the versions of requirements.lock"
	@echo "make test-latest  the suite with the newest releases pyproject.toml allows, in a throwaway environment"
	@echo "make upgrade  refresh requirements.lock to the newest releases allowed, then make test"
	@echo "make serve  production: the export served by nginx on port $(PORT); set FLASK_SITE_URL=https://..."
	@echo "make freeze export the whole site into build/site/, with build/nginx.conf to serve it"
	@echo "make rollback  serve the previous export of make serve again"
	@echo "make bench  speed, load, build time and attacks on make serve (bench/README.md); installs wrk"
	@echo "make lighthouse  Lighthouse scores of every home page (mobile); fails below 100/100/100, performance 95"
	@echo "make translate  the translation studio: translate on the pages themselves (TRANSLATING.md)"
	@echo "make tool-messages  refresh the catalog of the translators' commands' own messages"
	@echo "make translations-update / -check / -status / -init LANG=fr   catalogs for translators (TRANSLATING.md)"
	@echo "make catalogs   compile the catalogs (.po -> .mo) after editing a translation"

$(BIN)/python:
	@echo "Setting up $(VENV) (first run only) / Preparando $(VENV) (solo la primera vez)"
	@$(PYTHON) -m venv $(VENV)

# Exactly the lock, every file checked against its hash; reinstalled only when the
# lock changes, so a second `make run` is quick. The project itself is not installed:
# it runs from this folder.
$(STAMP): $(LOCK) | $(BIN)/python
	@echo "Installing the packages of $(LOCK) / Instalando los paquetes de $(LOCK)"
	@$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	@touch $@

install: $(STAMP)

# After changing a range in pyproject.toml: the lock again, keeping every pin that
# still fits. `make upgrade`: every package to the newest release the ranges allow,
# then the whole suite (README: Upgrading dependencies).
lock: install
	$(LOCK_COMPILE)

upgrade: install
	$(LOCK_COMPILE) --upgrade
	git diff --stat -- $(LOCK) 2>/dev/null || true
	$(MAKE) test

# Compiled catalogs (.mo) are build output, never committed. A .po that does not
# parse is reported with file:line and keeps its previous .mo, and the preview
# starts anyway (`make test` still fails: its tests run the check). `|| true`: the
# message is the command's own, without make's "Error 1" after it.
catalogs: install
	@$(BIN)/flask --app app translate compile || true

# What visitors get (make serve, make freeze) stops instead: a catalog that does
# not compile must not ship its previous .mo unseen.
release-catalogs: install
	$(BIN)/flask --app app translate compile

# Translators' shortcuts for `flask translate ...` (TRANSLATING.md):
#   make translations-update   bring every catalog in step with templates and code
#   make translations-check    list every problem as file:line (the tests run it too)
#   make translations-status   how far each language is
#   make translations-init LANG=fr   start a new language
#   make translations-check LANG=es   the same, for one language only
# They report in plain words and leave out make's own "Error 1" (`flask --app app
# translate check` itself exits with 1 on a problem, for scripts). The commands
# speak the translator's language (cde/translator/tool_language.py): LANG= on the make line
# replaces the computer's, so it is also the language they speak, unless LANGUAGE
# says otherwise (LANGUAGE=es make translations-check LANG=fr).
TRANSLATE_STEPS := update check status
# LANG also names the shell's locale (C.UTF-8): only take it from the command line.
ONLY := $(if $(filter command line,$(origin LANG)),$(LANG))
SPEAK := $(if $(and $(ONLY),$(if $(LANGUAGE),,yes)),LANGUAGE=$(ONLY))
$(TRANSLATE_STEPS:%=translations-%): translations-%: install
	@$(SPEAK) $(BIN)/flask --app app translate $* $(if $(filter-out update,$*),$(ONLY)) \
		|| true

# The translation studio: translate on the pages themselves, on this machine only
# (cde/translator/studio.py; TRANSLATING.md). PORT=5001 make translate if 5000 is busy.
# The catalogs are compiled quietly: the terminal says only the studio's own line,
# and its start page says, in the studio's words, what the compile left out.
translate: install
	@$(BIN)/flask --app app translate compile >/dev/null 2>&1 || true
	@$(BIN)/flask --app app translate studio --port $(PORT)

# The commands' own messages (cde/translator/locale/, cde/translator/tool_language.py):
# after adding or changing one, refresh the template and the Spanish catalog with
# Babel's own commands, then translate what is new or fuzzy (make test fails until).
TOOL_LOCALE := cde/translator/locale
tool-messages: install
	$(BIN)/pybabel extract --no-default-keywords -k _t -k _tn:1,2 -k _t_noop \
		--project="CdE translators' commands" -o $(TOOL_LOCALE)/translate.pot cde/translator/
	$(BIN)/pybabel update -D translate -i $(TOOL_LOCALE)/translate.pot -d $(TOOL_LOCALE)

translations-init: install
	@[ -n "$(ONLY)" ] || { echo 'Say which language / Indique el idioma: make translations-init LANG=fr (or/o LANG=zh_Hant, LANG=pt_BR)'; exit 2; }
	@$(BIN)/flask --app app translate init $(LANG) || true

# The server restarts when a template, a compiled catalog or a static file changes,
# so an edit shows on the next reload (static files get new hashed names then).
run: catalogs
	@FLASK_SITE_URL="$${FLASK_SITE_URL:-http://127.0.0.1:$(PORT)}" \
	$(BIN)/flask --app app run --port $(PORT) --reload --no-debugger \
		--extra-files "$$(find templates translations static -type f \( -name '*.html' -o -name '*.mo' -o -path 'static/*' \) | paste -sd: -)"

# What the tests drive is installed when missing: Chromium, fonts for the scripts of
# the UN languages, nginx with njs, openssl and curl, and Java with npm for the HTML
# checker (scripts/debian-packages.sh). Without root, the one command to run is
# printed and those tests skip; the notices after the results say which.
test: catalogs
	@$(DEBIAN) browser fonts nginx tls java npm
	@$(MAKE) --no-print-directory $(VNU_JAR)
	@status=0; CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest || status=$$?; \
	[ -x $(CHROMIUM) ] || echo "NOTICE: browser tests (tests/browser) were SKIPPED: no Chromium at $(CHROMIUM). Install it: apt-get install chromium"; \
	{ command -v java >/dev/null 2>&1 && [ -f $(VNU_JAR) ]; } || echo "NOTICE: HTML validity tests (tests/site/test_valid_html.py) were SKIPPED: no Java or no $(VNU_JAR). Install them: apt-get install default-jre-headless npm"; \
	exit $$status

# The same suite with the newest releases pyproject.toml allows, in a throwaway
# environment: drift is seen here before a visitor sees it (scripts/test_latest.py).
test-latest: install
	@CHROMIUM=$(CHROMIUM) $(BIN)/python -m scripts.test_latest

# The Nu HTML Checker for tests/site/test_valid_html.py; Java runs it. No install scripts:
# the jar is in the package, and its postinstall would try to download a Java.
# Without npm (a machine with only Python and make) the checks skip, with a notice.
$(VNU_JAR): $(TOOLS)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		$(NPM_CI) --omit=dev --silent && touch $@; \
	else echo "NOTICE: no npm, so the HTML checker (vnu-jar) is not installed: apt-get install npm"; fi

$(LIGHTHOUSE): $(TOOLS)/package-lock.json
	$(NPM_CI) --silent
	touch $@

# Lighthouse against make serve's stack on a free local port, never part of `make test`.
lighthouse: release-catalogs $(LIGHTHOUSE)
	@$(DEBIAN) browser nginx
	CHROME_PATH=$(CHROMIUM) LIGHTHOUSE=$(LIGHTHOUSE) $(BIN)/python -m scripts.lighthouse

clean:
	rm -rf $(VENV) build .run .pytest_cache $(TOOLS)/node_modules
	find translations -name '*.mo' -delete

# Production (deploy/serve.py): the site exported, for FLASK_SITE_URL or else for
# the address served, and nginx serving it alone; root's nginx runs its workers as
# www-data (else nobody).
serve: release-catalogs
	@$(DEBIAN) nginx
	PORT=$(PORT) $(BIN)/python -m deploy.serve

# The old name of `make serve`: there is one way to serve the site.
serve-static: serve

# Serve the export before the last one again (deploy/README.md): the previous
# release becomes current, and a running `make serve` reloads nginx at once.
rollback: install
	$(BIN)/flask --app app rollback --destination "$${EXPORT_DIR:-$${RUN_DIR:-.run}/export}"
	@pid="$${RUN_DIR:-.run}/serve.pid"; [ ! -f "$$pid" ] || kill -HUP "$$(cat "$$pid")" 2>/dev/null || true

# The whole site as static files in build/site/ (DESTINATION=/srv/cde for another
# folder), with the nginx.conf generated from the app to serve them (deploy/README.md).
freeze: release-catalogs
	$(BIN)/flask --app app freeze $(if $(DESTINATION),--destination "$(DESTINATION)")

# Benchmark, never part of `make test` (bench/README.md): make serve against a bare
# Flask app, a load test, the six-language build, then bounded attacks on 127.0.0.1.
# wrk and nginx from Debian.
bench: release-catalogs
	@$(DEBIAN) nginx wrk
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.attack
