# Heliox ATLAS — the commands that matter. `make help` lists them.
# Everything runs locally: embedded PostgreSQL, no Docker, no network beyond package registries
# (and none at all once dependencies are fetched).

SHELL := /bin/bash
MVN ?= mvn -B
JAVA ?= java
VERSION := 0.1.0-SNAPSHOT
JAR := web/target/atlas-web-$(VERSION).jar
# A build is needed when any pom or source file is newer than the jar.
SOURCES := $(shell find pom.xml */pom.xml */src -type f 2>/dev/null)
JAVA_OPTS ?= -Ddisable-axoniq-console-message=true

.DEFAULT_GOAL := help
.PHONY: help setup build run dev test verify bench clean check-tools compose-check

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

check-tools: ## fail with a clear message when a required tool is missing
	@command -v $(JAVA) >/dev/null || { echo "missing: a JDK 17+ ('java'). On Debian: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }
	@v=$$($(JAVA) -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $$2}'); \
	  [ "$${v%%.*}" -ge 17 ] 2>/dev/null || { echo "need Java 17 or newer, found '$$v'" >&2; exit 1; }
	@command -v mvn >/dev/null || { echo "missing: Apache Maven 3.8+ ('mvn'). On Debian: apt-get install maven" >&2; exit 1; }

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

test: check-tools ## every check: unit, contract, aggregate, integration on real PostgreSQL, crash
	$(MVN) verify
	@$(MAKE) --no-print-directory compose-check

compose-check: ## validate docker-compose.yml offline (where docker-compose is installed)
	@if command -v docker-compose >/dev/null; then docker-compose config -q && echo "docker-compose.yml: valid"; \
	 else echo "docker-compose not installed: compose file not validated (apt-get install docker-compose)"; fi

verify: check-tools ## test + the long suites (20 SIGKILLs in the crash suite)
	$(MVN) verify -Datlas.crash.kills=20

bench: check-tools ## benchmarks: prompt→terminal SSE latency of mock runs (p50/p95)
	$(MVN) -q -DskipTests install
	$(MVN) -pl web surefire:test -Dtest='*Bench' -Dsurefire.failIfNoSpecifiedTests=false

clean: ## remove build output (keeps var/, your local data)
	$(MVN) -q clean
