#!/usr/bin/env bash
# Serves the app on the bundled sample feed at http://127.0.0.1:8080/, pre-rendered as
# `recap-feed pages` writes it (extra arguments go to `trunk serve`, e.g. --port 9000 or
# --release). Every rebuild is pre-rendered again (scripts/prerender.sh, a Trunk hook).
set -euo pipefail
trunk_args=("$@")
set --
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$RECAP_ROOT"
cargo build --offline -q -p recap-feed
export RECAP_PAGES=1
exec trunk serve "${trunk_args[@]}"
