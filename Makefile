# ClaimLedger. `make demo` and `make test` work on a fresh machine: missing system libraries are
# installed with apt-get first.

SWIFT  ?= swift
PREFIX ?= /usr/local
DEMO_DB := .build/demo/claims.sqlite
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release test demo install lint format clean

all: build

# System libraries, installed only when their header is missing.
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
		echo "installing libsqlite3-dev" >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product claims

# The whole suite, including the end-to-end test of the built binary.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Imports the seed article into a fresh database and prints the review report.
demo: build
	@rm -rf .build/demo && mkdir -p .build/demo
	$$($(SWIFT) build --show-bin-path)/claims import --db $(DEMO_DB) SeedData/russia-tech-winter.txt
	$$($(SWIFT) build --show-bin-path)/claims report --db $(DEMO_DB) --format markdown
	@echo "demo database: $(DEMO_DB)  (try: $$($(SWIFT) build --show-bin-path)/claims list --db $(DEMO_DB))" >&2

install: release
	install -d $(PREFIX)/bin
	install -m 755 $$($(SWIFT) build -c release --show-bin-path)/claims $(PREFIX)/bin/claims

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Plugins

clean:
	rm -rf .build
