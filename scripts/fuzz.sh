#!/usr/bin/env bash
# Runs the totality tests (crates/core/tests/totality.rs) over many cases in release mode: feed
# reading (and the markup of what was read), Markdown with its raw HTML, the HTML the app reads
# (photos, the sanitiser's decisions), the extractor, times, URLs and routes, player messages
# and the player's session, the search index reader (and the index written from a feed, read
# back) and response bodies (decoded from bytes, read with their headers) must never panic.
#
# Writes its figures to docs/fuzz.log: the inputs each test ran with its time, the executions
# per parser (one call of one parser on one input) and the totals, with the date, the commit and
# the machine; and copies them into docs/fuzz.md between its `fuzz.log` markers. The raw output
# is in target/fuzz-raw.log. A failing run writes no figures.
#   scripts/fuzz.sh [CASES]     (default 1,000,000 per test)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases="${1:-1000000}"
case "$cases" in '' | *[!0-9]*) echo "fuzz.sh: CASES must be a whole number, not '$cases'" >&2; exit 2 ;; esac
raw="target/fuzz-raw.log"
log="docs/fuzz.log"
page="docs/fuzz.md"
mkdir -p target
start=$(date +%s)
RECAP_FUZZ_CASES="$cases" cargo test --offline --release -p recap-core --features markdown \
  --test totality -- --nocapture --test-threads=2 | tee "$raw" | grep -v '^fuzz-'
end=$(date +%s)
commit=$(git rev-parse --short HEAD)
if ! git diff --quiet HEAD -- crates/core; then commit="$commit with local changes to crates/core"; fi
{
  printf 'scripts/fuzz.sh %s: %s cases per test, %s, commit %s\n' \
    "$cases" "$cases" "$(date -u +%Y-%m-%d)" "$commit"
  printf 'machine: %s cores, %s, release build, 2 test threads\n' \
    "$(nproc)" "$(rustc --version | cut -d' ' -f1-2)"
  awk -v wall=$((end - start)) '
    $1 == "fuzz-inputs" { printf "inputs  %-12s %12d in %7.1f s\n", $2, $3, $4; inputs += $3 }
    $1 == "fuzz-written" { written += $3 }
    $1 == "fuzz-count" { runs[$3] += $4; total += $4 }
    END {
      for (p in runs) printf "parser  %-18s %12d executions\n", p, runs[p] | "sort"
      close("sort")
      printf "written %d events in index files written from feeds, all read back\n", written
      printf "total   %d inputs, %d executions over the parsers, %d s (with the build)\n", inputs, total, wall
    }' "$raw"
} >"$log"
cat "$log"
# The page states the run in a sentence and quotes the log, whole, between its markers.
summary=$(awk -v cases="$cases" '$1 == "total" {
    printf "%s cases per test: %s inputs, %s executions of the parsers, none panicked.", cases, $2, $4 }' "$log")
awk -v figures="$log" -v summary="$summary" '
  /^<!-- fuzz.log -->$/ { print; print summary; print ""; print "```"; while ((getline line < figures) > 0) print line; print "```"; skip = 1; next }
  /^<!-- \/fuzz.log -->$/ { skip = 0 }
  !skip { print }' "$page" >"$page.new"
mv "$page.new" "$page"
echo "fuzz.sh: figures in $log and $page"
