#!/usr/bin/env bash
# Runs the totality tests (crates/core/tests/totality.rs) over many cases in release mode:
# the time and URL parsers, the Markdown producer and the extractor must never panic.
#   scripts/fuzz.sh [CASES]     (default 1,000,000 per test)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases="${1:-1000000}"
time RECAP_FUZZ_CASES="$cases" cargo test --release -p recap-core --features markdown --test totality -- --test-threads=2
