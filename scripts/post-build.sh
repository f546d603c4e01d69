#!/bin/sh
# Trunk post_build hook (Trunk.toml), in the staging directory that becomes dist/. Trunk runs the
# hooks of a stage at the same time, so the steps that read and write index.html are one hook,
# in this order: the loader moves into a file (boot.mjs), the embed script is written with the
# app's file names (embed/build.sh), then 404.html and, with RECAP_PAGES, the pre-rendered
# pages (prerender.sh), which take index.html as it now is for their template.
set -eu
source="${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
node "$source/scripts/boot.mjs"
sh "$source/embed/build.sh"
sh "$source/scripts/prerender.sh"
