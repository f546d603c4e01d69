#!/usr/bin/env bash
# Serves the app on the bundled sample feed at http://127.0.0.1:8080/ (extra arguments go to
# `trunk serve`, e.g. --port 9000 or --release).
set -euo pipefail
trunk_args=("$@")
set --
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$RECAP_ROOT"
exec trunk serve "${trunk_args[@]}"
