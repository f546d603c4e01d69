#!/usr/bin/env bash
# Runs every check and test: formatting, lints (native and wasm32), native tests of the core
# and the CLI (5,000 generated recap posts among them), the extraction scores of the held-out and
# failure-class posts, a release build, component tests in headless Chromium, the size budget,
# the release tarball (scripts/release.sh) and its test, and end-to-end tests that drive Chromium
# over the built site; last, examples/jekyll/feed.json built by jekyll over a small host site, and
# small Hugo and Eleventy sites set up by `recap-feed init` and built by their own tools.
set -euo pipefail
set --
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
cd "$RECAP_ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "format"
cargo fmt --all --check

step "lints (native)"
cargo clippy --offline --workspace --exclude recap --all-targets -- -D warnings
step "lints (wasm32)"
cargo clippy --offline -p recap --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: recap-core, recap-feed"
cargo test --offline --workspace --exclude recap

step "extraction scores: the held-out posts and the failure classes, with their floors"
# The figures are printed on every run; a set that falls below a floor fails it.
for set in holdout classes; do
  printf '%s:\n' "tests/fixtures/posts/$set" >&2
  cargo run -q --offline -p recap-feed --example score_fixtures -- \
    --min f1=0.98 --min exact=0.9 --min titles=0.95 --min speakers=0.95 --min orgs=0.92 \
    --min takeaways=0.95 --min start-recall=0.99 --min start-precision=0.99 \
    "tests/fixtures/posts/$set"
done

step "release build"
trunk build --release
# The same app for a sub-path, for the hosting test (only the bindings and the HTML are redone).
trunk build --release --offline --public-url /recap/ --dist target/dist-subpath >/dev/null

step "component tests in headless Chromium (wasm-bindgen-test)"
# After the build: the on-demand modules' host sides are called on the modules in dist/.
CHROMEDRIVER="$(command -v chromedriver)" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --offline -p recap --target wasm32-unknown-unknown

step "size budget"
# Ceilings, not targets: each sits just above the size of the build it was set on, and comes down
# with it. Raising one is a change of its own that says why. (The first visit's goal is
# 140,000 B; docs/figures.md gives today's figure.) The last came down when the list's filters
# and the feed reader stopped compiling sorts and a hash set of their own, the release build
# left out wasm-streams' unused classes, and the extractor and index answers crossed as flat
# arrays.
node scripts/size-report.mjs dist --budget 151000 --on-demand-budget 82800 --index-budget 41100 \
  --player-budget 41900 --people-budget 157800 --event-budget 46600

step "release"
# The release of the workspace version (target/release-dist/recap-VERSION.tar.gz), then its test,
# which reads the tarball as an organiser gets it.
VERSION="$(awk '/^\[/ { section = $0 } section == "[workspace.package]" && $1 == "version" { gsub(/[" ]/, "", $3); print $3; exit }' Cargo.toml)"
scripts/release.sh "$VERSION"
node --test tests/release/

step "the organiser's path: the release with no Rust toolchain, init, Jekyll and Hugo sites, a browser"
scripts/try-release.sh

step "end-to-end tests in headless Chromium"
# Each test file has a deadline (the longest, the hostile corpus with every link clicked, takes
# about a minute here): a hung wait fails the run instead of holding it.
node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

step "Jekyll host site"
node --test --test-timeout=180000 tests/jekyll/

step "Hugo and Eleventy sites"
node --test --test-timeout=180000 tests/sites/

step "docs"
# docs/figures.md is written from this run's build and scores (commit it when it changes).
scripts/figures.sh
node --test tests/docs/
