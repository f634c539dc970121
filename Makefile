# Guang: one command to run the app on the demo pack, one to run every test.
#   make serve   installs what is missing, then serves the app at http://127.0.0.1:8080/
#   make test    installs what is missing (plus Chromium), then runs every test
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TERM_COLOR := never
export TRUNK_SKIP_VERSION_CHECK := true

eval:
	cargo run --release -q -p guang-eval -- demo/api/v1

# The ranker on real people's ratings (MovieLens 100K, fetched into ~/.cache/guang, never into the repo).
# `make eval-real FIT=1` also re-fits the weights on the validation split and says whether they match.
eval-real:
	cargo build --release -q -p guang-eval
	./target/release/guang-eval real "$$(scripts/fetch-movielens.sh)" $(if $(FIT),--fit,) $(if $(CHECK),--check,)

# Part of `make test`: the same evaluation, failing when issue #13's targets are missed.
test-eval-real:
	set -o pipefail; $(MAKE) --no-print-directory eval-real CHECK=1 2>&1 | tail -n 4

bench: setup-test
	cargo bench -p guang --no-default-features --bench rank -- --warm-up-time 1 --measurement-time 3
	cargo test --release --target wasm32-unknown-unknown --test bench_web -- --nocapture 2>&1 | grep -E "^(wasm |\(first call)"
	$(MAKE) build
	node scripts/bench-feed.mjs dist 8097

.PHONY: size-floor audit profile eval eval-real test-eval-real bench setup setup-test serve build size preview screenshots test lint test-native test-schema test-wasm test-e2e test-engines demo-pack demo-videos clean

setup:
	@scripts/setup.sh app

setup-test:
	@scripts/setup.sh test

serve: setup
	@echo "Guang: http://127.0.0.1:8080/  (demo content pack from demo/api/v1)"
	trunk serve

# The release wasm names its dependencies' files (panic locations) by where cargo keeps them: mapped to paths
# inside the registry, its size no longer depends on CARGO_HOME (the budget is checked to the byte) and it is
# smaller. Flags in the environment replace .cargo/config.toml's, so its `--cfg erase_components` is repeated.
CARGO_HOME ?= $(HOME)/.cargo
REGISTRY := $(CARGO_HOME)/registry/src
RELEASE_RUSTFLAGS := --cfg erase_components --remap-path-prefix=$(REGISTRY)/= \
	--remap-path-prefix=$(REGISTRY)/index.crates.io-1949cf8c6b5b557f/=

# `--features split`: every route but the feed becomes a lazy wasm chunk (scripts/split-wasm.mjs).
build: setup
	RUSTFLAGS="$(RELEASE_RUSTFLAGS)" trunk build --release --features split

size: build
	node scripts/size.mjs dist

# What a viewer's first load would be with only the feed route (the floor of route splitting; not shipped).
size-floor: setup
	RUSTFLAGS="$(RELEASE_RUSTFLAGS)" trunk build --release --features feed-only --dist target/dist-floor
	node scripts/size.mjs target/dist-floor

audit: setup-test build
	node scripts/audit.mjs dist 8099

# Which Rust functions the start's long tasks run (a names-keeping build in target/dist-profile; not shipped).
profile: setup-test
	GUANG_WASM_NAMES=1 RUSTFLAGS="$(RELEASE_RUSTFLAGS)" trunk build --release --features split --dist target/dist-profile
	node scripts/serve-dist.mjs target/dist-profile 8098 & pid=$$!; sleep 1; node scripts/profile-start.mjs http://127.0.0.1:8098/; kill $$pid

preview: build
	node scripts/serve-dist.mjs dist 8080

screenshots: build
	node scripts/serve-dist.mjs dist 8092 & pid=$$!; sleep 1; node scripts/screenshots.mjs http://127.0.0.1:8092 target/screenshots; kill $$pid

test: setup-test lint test-native test-eval-real test-schema test-wasm test-e2e test-engines

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --features split -- -D warnings

test-native:
	cargo test --workspace

test-schema:
	node --test tests/schema.test.mjs

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e: build
	node scripts/size.mjs dist
	npx playwright test

# The release build in WebKit (WebKitGTK) and Firefox ESR over W3C WebDriver (tests/engines/); screenshots
# per engine in target/engines/. `make test-engines ENGINE=webkit` runs one.
test-engines: setup-test build
	node tests/engines/run.mjs dist $(if $(ENGINE),--engine $(ENGINE),)

demo-pack:
	cargo run -p guang-demo-gen -- demo/api/v1

demo-videos:
	demo/make-videos.sh demo/api/v1/media/videos

clean:
	rm -rf dist target/playwright test-results
