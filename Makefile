# ClaimLedger. `make demo` and `make test` work on a fresh machine: missing system libraries are
# installed with apt-get first.

SWIFT  ?= swift
PREFIX ?= /usr/local
DEMO_DB := .build/demo/claims.sqlite
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Release builds link the Swift runtime and Foundation statically: a `claims` that needs no Swift
# libraries beside it, and starts in 8 ms instead of 14 (no symbol binding across a dozen shared
# libraries), a fifth of a query's time at a million claims. Every release target uses the same
# flags, so switching between them never rebuilds the package.
RELEASE := $(SWIFT) build -c release --static-swift-stdlib
RELEASE_BIN = $$($(RELEASE) --show-bin-path)

.PHONY: all deps build release test demo install lint format clean concurrency fuzz kill-test eval train-scorer train-topics train-quotes bench

all: build

# System libraries, installed only when their header is missing: SQLite and gumbo (HTML).
deps:
	@missing=""; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/gumbo.h ] || missing="$$missing libgumbo-dev"; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing" >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(RELEASE) --product claims

# The whole suite, including the end-to-end test of the built binary.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Measures the extractor on ../shared (seed gold, bbc-dev spans on all articles and on each half of
# the split by article, ClaimBuster, PolNeAR, story topics on the BBC articles the topic model did not
# count) and prints one table, beside a TF-IDF logistic-regression baseline trained on the same data;
# then checks that score.py's `spans`, `checkworthy` and `topics` lines are the same as ours.
eval: deps
	$(RELEASE) --product ClaimEval
	$(RELEASE) --product claims
	@$(RELEASE_BIN)/ClaimEval ../shared | tee .build/eval.md
	@for metric in spans checkworthy topics; do \
		case $$metric in spans) pattern='^BBC dev (';; topics) pattern='^BBC dev topics';; *) pattern=': check-worthy F1 ';; esac; \
		ours=$$(grep "$$pattern" .build/eval.md); \
		theirs=$$(python3 ../shared/eval/score.py --claims $(RELEASE_BIN)/claims $$metric | grep "$$pattern"); \
		if [ "$$ours" = "$$theirs" ]; then echo "score.py $$metric agrees: $$theirs" >&2; \
		else echo "score.py $$metric disagrees:" >&2; echo "  ours:     $$ours" >&2; \
			echo "  score.py: $$theirs" >&2; exit 1; fi; \
	done

# Retrains the check-worthiness model from ClaimBuster's crowdsourced sentences (deterministic, a few
# minutes): 5-fold cross-validation with folds of whole debates in date order chooses the features
# (character 4-grams or not, normalised or not), the L2 penalty and the threshold, then it trains on
# all sentences. Prints each setting's mean fold F1, and the final model's figure on CheckThat! 2024
# dev-test as a check only.
train-scorer: deps
	$(RELEASE) --product TrainScorer
	$(RELEASE_BIN)/TrainScorer ../shared/data/claimbuster/crowdsourced.csv SeedData/scorer.json \
		--check ../shared/data/checkthat2024/CT24_checkworthy_english_dev-test.tsv

# Retrains the story topic model from labelled articles (deterministic, a second): word counts of BBC
# business, entertainment and sport (all but the first 80 of each folder, which eval reports on),
# PolNeAR's training split (politics) and 1,000 Reuters-21578 stories (economy); technology is a list of
# words whose threshold is set by how rarely it fires on the other stories (see Sources/TrainTopics).
train-topics: deps
	$(RELEASE) --product TrainTopics
	$(RELEASE_BIN)/TrainTopics ../shared SeedData/story-topics.json

# Relearns the words that cue reported speech from PolNeAR's training split (deterministic, a second):
# words at least half of whose occurrences are in annotated cues (see Sources/TrainQuotes).
train-quotes: deps
	$(RELEASE) --product TrainQuotes
	$(RELEASE_BIN)/TrainQuotes ../shared SeedData/quote-cues.json

# Benchmarks beside sqlite-utils and sqlite3: release build, one table, .build/bench/results.json.
BENCH_MB ?= 100
bench: deps
	@[ -x /usr/bin/time ] || { echo "installing time" >&2; $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
	$(RELEASE) --product claims
	$(RELEASE) --product ClaimBench
	BENCH_MB=$(BENCH_MB) $(RELEASE_BIN)/ClaimBench

# The fuzz test at length: 100,000 seeded cases of random and mutated text (FUZZ_SEED replays one),
# and the re-anchoring property test with 20,000 random edit sequences (REANCHOR_SEED and
# REANCHOR_CASE replay one).
FUZZ_CASES ?= 100000
REANCHOR_CASES ?= 20000
fuzz: deps
	FUZZ_CASES=$(FUZZ_CASES) REANCHOR_CASES=$(REANCHOR_CASES) $(SWIFT) test -c release \
		--filter 'FuzzTests|ReanchorPropertyTests'

# The kill test at the issue's size: 20 SIGKILLs during a 2,000-article import, then db check.
kill-test: deps
	$(SWIFT) build --build-tests
	CLAIMS_KILL_TEST=full $(SWIFT) test --skip-build --filter killedImportsLeaveWholeArticlesAndResume

# Imports the seed article into a fresh database and prints the review report.
demo: build
	@rm -rf .build/demo && mkdir -p .build/demo
	$$($(SWIFT) build --show-bin-path)/claims import --db $(DEMO_DB) SeedData/russia-tech-winter.txt
	$$($(SWIFT) build --show-bin-path)/claims report --db $(DEMO_DB) --format markdown
	@echo "demo database: $(DEMO_DB)  (try: $$($(SWIFT) build --show-bin-path)/claims list --db $(DEMO_DB))" >&2

# 8 processes each appending 200 reviews to one database at once; prints what was stored.
CONCURRENT_DB := .build/concurrency/claims.sqlite
concurrency: build
	@rm -rf .build/concurrency && mkdir -p .build/concurrency
	@bin=$$($(SWIFT) build --show-bin-path)/claims; \
	$$bin import --db $(CONCURRENT_DB) SeedData/russia-tech-winter.txt >/dev/null 2>&1; \
	claims=$$($$bin stats --db $(CONCURRENT_DB) --format json | sed -n 's/^  "claims" : \([0-9]*\).*/\1/p'); \
	start=$$(date +%s.%N); \
	for p in 1 2 3 4 5 6 7 8; do \
		( for i in $$(seq 1 200); do \
			$$bin review --db $(CONCURRENT_DB) $$(( (p * 200 + i) % claims + 1 )) verified --reviewer "reviewer-$$p" \
				--note "review $$i of process $$p" >/dev/null 2>>.build/concurrency/errors.log || echo "process $$p review $$i failed" >&2; \
		done ) & \
	done; wait; \
	end=$$(date +%s.%N); \
	echo "reviews stored: $$($$bin stats --db $(CONCURRENT_DB) --format json | sed -n 's/^  "reviews" : \([0-9]*\).*/\1/p') of 1600"; \
	echo "errors: $$(wc -l < .build/concurrency/errors.log)"; \
	echo "seconds: $$(awk "BEGIN { printf \"%.1f\", $$end - $$start }")"

install: release
	install -d $(PREFIX)/bin
	install -m 755 $(RELEASE_BIN)/claims $(PREFIX)/bin/claims

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Plugins

clean:
	rm -rf .build
