#!/bin/sh
# Builds the app's wasm as a release build does (same profile, wasm-bindgen, wasm-opt -Oz) but
# keeps its function names, and prints its size by crate and module (scripts/size-profile.mjs).
#
#   sh scripts/size-profile.sh [BIN]      BIN: recap (default), recap-extract, recap-index, or
#                                         recap-player
set -eu
cd "$(dirname "$0")/.."
bin="${1:-recap}"
out=target/size-profile
mkdir -p "$out"
case "$bin" in
  recap-player) package=recap-player ;;
  *) package=recap ;;
esac
cargo build --offline --release --target wasm32-unknown-unknown -p "$package" --bin "$bin" >&2
wasm-bindgen --target web --keep-debug --out-dir "$out" "target/wasm32-unknown-unknown/release/$bin.wasm"
wasm="$out/$(echo "$bin" | tr - _)_bg.wasm"
[ -f "$wasm" ] || wasm="$out/${bin}_bg.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals --debuginfo "$wasm" -o "$out/$bin.named.wasm"
# As a release build ships it: without the exports the app never uses (scripts/unused-exports.mjs).
node scripts/unused-exports.mjs "${wasm%_bg.wasm}.js" "$out/$bin.named.wasm" "$out/$bin.named.wasm" --names
node scripts/size-profile.mjs "$out/$bin.named.wasm"
