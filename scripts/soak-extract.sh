#!/usr/bin/env bash
# Runs the generated-post property test (crates/core/tests/generated.rs) over many posts in
# release mode and prints the per-field scores and the accuracy of each class of part. Failing
# posts, up to fifty per class, go to target/gen-failures/ as NNNNNN-<class>.md (the post, then
# its truth and extraction as JSON), ready to become hand-written fixtures.
#   scripts/soak-extract.sh [N]     (default 100,000 posts; RECAP_GEN_SEED picks another seed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
posts="${1:-100000}"
out="$PWD/target/gen-failures"
rm -rf "$out"
mkdir -p "$out"
RECAP_GEN_POSTS="$posts" RECAP_GEN_FAILURES="$out" \
  cargo test --offline --release -p recap-core --test generated -- --nocapture
