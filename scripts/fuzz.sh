#!/usr/bin/env bash
# Runs the totality tests (crates/core/tests/totality.rs) over many cases in release mode: feed
# reading (and the markup of what was read), Markdown with its raw HTML, the HTML the app reads
# (photos, the sanitiser's decisions), the extractor, times, URLs and routes, player messages
# and the player's session must never panic. Prints the inputs each test ran with its time, the
# executions per parser (one call of one parser on one input) and the total.
#   scripts/fuzz.sh [CASES]     (default 1,000,000 per test)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases="${1:-1000000}"
log="target/fuzz.log"
mkdir -p target
start=$(date +%s)
RECAP_FUZZ_CASES="$cases" cargo test --release -p recap-core --features markdown --test totality \
  -- --nocapture --test-threads=2 | tee "$log" | grep -v '^fuzz-'
end=$(date +%s)
awk -v wall=$((end - start)) '
  $1 == "fuzz-inputs" { printf "inputs  %-12s %12d in %7.1f s\n", $2, $3, $4; inputs += $3 }
  $1 == "fuzz-count" { runs[$3] += $4; total += $4 }
  END {
    for (p in runs) printf "parser  %-18s %12d executions\n", p, runs[p] | "sort"
    close("sort")
    printf "total   %d inputs, %d executions over the parsers, %d s\n", inputs, total, wall
  }' "$log"
