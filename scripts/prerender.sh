#!/bin/sh
# Run by scripts/post-build.sh after each build: writes 404.html (the app, for hosts without
# rewrites), then, when RECAP_PAGES is set (scripts/serve.sh sets it), pre-renders the build on its own feed.json
# with `recap-feed pages`, whose binary is built beforehand (building it here, under
# `trunk serve`, would change target/ at every rebuild). A plain `trunk build` is not
# pre-rendered.
set -eu
staging="${TRUNK_STAGING_DIR:?run by trunk build}"
source="${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
# Before pre-rendering: 404.html stays the plain app, which opens whatever path it is given.
cp "$staging/index.html" "$staging/404.html"
if [ -n "${RECAP_PAGES:-}" ]; then
  "$source/target/debug/recap-feed" pages "$staging/feed.json" --dist "$staging"
fi
