#!/usr/bin/env bash
# Runs the end-to-end tests over and over to find the ones that fail only sometimes: the whole
# suite N times, then each file alone N times (the files in a shuffled order each round, both
# ways), and prints every failure with its log. Builds dist/ first. Not part of the test command.
#   scripts/soak.sh [N]     (default 5)
set -euo pipefail
rounds="${1:-5}"
set --
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
cd "$RECAP_ROOT"
trunk build --release --offline >/dev/null
trunk build --release --offline --public-url /recap/ --dist target/dist-subpath >/dev/null
logs="target/soak"
rm -rf "$logs"
mkdir -p "$logs"
runs=0
failures=()
run() {
  local name="$1"
  shift
  runs=$((runs + 1))
  local log="$logs/$(printf '%03d' "$runs")-$name.log"
  local started=$SECONDS
  if node --test --test-concurrency=1 --test-timeout=120000 "$@" >"$log" 2>&1; then
    printf 'pass  %4ss  %s\n' "$((SECONDS - started))" "$name"
  else
    printf 'FAIL  %4ss  %s  (%s)\n' "$((SECONDS - started))" "$name" "$log"
    failures+=("$log")
  fi
}
for round in $(seq "$rounds"); do
  # The whole suite in one process, its files in a new order each round.
  run "suite-$round" $(ls tests/e2e/*.test.mjs | shuf)
done
for round in $(seq "$rounds"); do
  for file in $(ls tests/e2e/*.test.mjs | shuf); do
    run "$(basename "$file" .test.mjs)-$round" "$file"
  done
done
echo
echo "$runs runs, ${#failures[@]} failed"
for log in "${failures[@]}"; do
  echo
  echo "== $log"
  grep -E "^not ok|# Subtest|Error|expected|actual" "$log" | head -40
done
[ "${#failures[@]}" -eq 0 ]
