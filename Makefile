# Heliox ATLAS — the commands that matter. `make help` lists them.
# Everything runs locally: embedded PostgreSQL, no Docker, no network beyond package registries
# (and none at all once dependencies are fetched).

SHELL := /bin/bash
MVN ?= mvn -B
JAVA ?= java
VERSION := 0.1.0-SNAPSHOT
JAR := web/target/atlas-web-$(VERSION).jar
# A build is needed when any pom or source file is newer than the jar.
SOURCES := $(shell find pom.xml */pom.xml */src web/ui/src web/ui/package.json web/ui/svelte.config.js web/ui/vite.config.ts -type f 2>/dev/null)
JAVA_OPTS ?= -Ddisable-axoniq-console-message=true
UI := web/ui
SUITE_ARGS ?=
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help setup build run dev test test-engine verify bench clean check-tools compose-check ensure-chromium \
        ui-test ui-dev ui-mock test-ui-connections ui-checklist snapshot-ui storybook load gen-scenarios

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

check-tools: ## fail with a clear message when a required tool is missing
	@command -v $(JAVA) >/dev/null || { echo "missing: a JDK 17+ ('java'). On Debian: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }
	@v=$$($(JAVA) -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $$2}'); \
	  [ "$${v%%.*}" -ge 17 ] 2>/dev/null || { echo "need Java 17 or newer, found '$$v'" >&2; exit 1; }
	@command -v mvn >/dev/null || { echo "missing: Apache Maven 3.8+ ('mvn'). On Debian: apt-get install maven" >&2; exit 1; }
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "missing: Node.js 20.19+ and npm (the web UI is built with them). On Debian: apt-get install nodejs npm" >&2; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || { echo "need Node.js 20.19 or newer, found $$(node --version)" >&2; exit 1; }

ensure-chromium: ## the browser for UI tests: Debian's chromium, installed when missing and installable
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	 if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	   echo "installing Debian's chromium for the browser tests…"; \
	   (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	     || { echo "could not install chromium with apt-get; install it, or set CHROMIUM=/path/to/chromium" >&2; exit 1; }; \
	 else echo "missing: chromium at $(CHROMIUM) for the browser tests. On Debian: sudo apt-get install chromium (or set CHROMIUM=/path)" >&2; exit 1; fi

setup: check-tools ## fetch every dependency once (later builds work offline)
	$(MVN) -q -DskipTests install
	@echo "setup done: 'make run' starts ATLAS, 'make test' checks it"

$(JAR): $(SOURCES)
	$(MVN) -q -DskipTests package
	@touch $@

build: check-tools $(JAR) ## build the application jar if sources changed

run: check-tools $(JAR) ## build if needed and start ATLAS on :8080 (embedded PostgreSQL under var/)
	$(JAVA) $(JAVA_OPTS) -jar $(JAR)

dev: run ## alias of run

test: check-tools ensure-chromium ## every check: backend (unit, contract, fuzz, real PostgreSQL, crash, egress) and UI (types, lint, unit, browser)
	$(MVN) verify $(SUITE_ARGS)
	@$(MAKE) --no-print-directory ui-test
	@$(MAKE) --no-print-directory compose-check

test-engine: check-tools ## the engine's tests alone (DSL, scenarios, backtest): no database, no browser
	$(MVN) -q -pl kernel,contracts install -DskipTests
	$(MVN) -pl engine verify

ui-test: ## the UI's checks, against the jar `mvn verify` built: svelte-check, eslint, vitest, Storybook build, Playwright
	cd $(UI) && npm run check && npm run lint && npm run test:unit && npm run build-storybook
	cd $(UI) && CHROMIUM_PATH=$(CHROMIUM) npx playwright test

storybook: ## Storybook of the UI's presenters on :6006, with contract fixtures as data
	cd $(UI) && npm install --no-audit --no-fund && npm run storybook

ui-dev: ## the UI with hot reload on :5173, talking to a backend on :8080 (start it with make run)
	cd $(UI) && npm install --no-audit --no-fund && npm run dev

ui-mock: ## the whole UI from contract fixtures, no backend (UI_MOCK=on)
	cd $(UI) && npm install --no-audit --no-fund && UI_MOCK=on npm run dev

test-ui-connections: build ensure-chromium ## the UI→API bindings of contracts/ui-bindings.json, statically and in the browser
	cd $(UI) && npx vitest run src/lib/bindings.test.ts && CHROMIUM_PATH=$(CHROMIUM) npx playwright test e2e/bindings.spec.ts

ui-checklist: test-ui-connections ## alias: the roadmap's UI checklist (1.6.6)

snapshot-ui: build ensure-chromium ## a timestamped screenshot set of the main screens under var/ui-snapshots/
	@dir=var/ui-snapshots/$$(date -u +%Y%m%dT%H%M%SZ); mkdir -p $$dir; \
	 cd $(UI) && ATLAS_SCREENS_DIR=../../$$dir CHROMIUM_PATH=$(CHROMIUM) npx playwright test e2e/run-flow.spec.ts \
	 && echo "screenshots in $$dir"

compose-check: ## validate docker-compose.yml offline (where docker-compose is installed)
	@if command -v docker-compose >/dev/null; then docker-compose config -q && echo "docker-compose.yml: valid"; \
	 else echo "docker-compose not installed: compose file not validated (apt-get install docker-compose)"; fi

verify: ## test with the long suites: 20 SIGKILLs in the crash suite, 20,000 fuzzed requests, 200,000 fuzzed strategies
	@$(MAKE) --no-print-directory test SUITE_ARGS="-Datlas.crash.kills=20 -Datlas.fuzz.requests=20000 -Datlas.dsl.fuzz.cases=200000"

bench: check-tools ## benchmarks: run latency; engine T0/T1 HTTP latency; DSL, scenarios, risk check + matching, a paper session's bars/s and round trip, 50 paper sessions, crossover vs ta4j and a plain loop (JMH); T1 heap
	$(MVN) -q -DskipTests -Dui.skip=true install
	$(MVN) -pl web surefire:test -Dtest=RunLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=
	$(MVN) -pl command-side surefire:test -Dtest='BarsParquetBench,ArchitectSynthBench' -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=
	$(MVN) -q -pl engine test-compile exec:exec@bench exec:exec@bench-scenario
	$(MVN) -q -pl trading test-compile exec:exec@bench exec:exec@bench-session
	$(MVN) -pl web surefire:test -Dtest=EngineLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=
	$(MVN) -pl web surefire:test -Dtest=AuthLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=
	$(MVN) -pl web surefire:test -Dtest=PaperSessionLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=
	$(MVN) -q -pl engine test-compile exec:exec@bench-backtest exec:exec@bench-footprint

gen-scenarios: check-tools $(JAR) ## generate every scenario fixture's dataset into object storage (reused by hash)
	$(JAVA) $(JAVA_OPTS) -jar $(JAR) --atlas.command=gen-scenarios --server.port=0 --spring.main.banner-mode=off --logging.level.root=WARN

load: check-tools ## load figures: 1,000 SSE subscribers, 100 concurrent runs, POST throughput p50/p99, append and replay rates
	$(MVN) -q -DskipTests -Dui.skip=true install
	$(MVN) -pl web surefire:test -Dtest=LoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jit=

clean: ## remove build output (keeps var/, your local data)
	$(MVN) -q clean
