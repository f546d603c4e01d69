#!/usr/bin/env bash
# Installs what building and testing Recap needs, skipping whatever is already there:
# the wasm32 target, Trunk, wasm-bindgen-cli (the exact version in Cargo.lock), wasm-opt, terser and
# the browser driver (npm, pinned in package-lock.json), and with --browser Debian's Chromium,
# ChromeDriver, jekyll and hugo (for the host-site tests) and ffmpeg (test media). Then fetches the crates
# so that builds can run offline.
#
# Source it (scripts/serve.sh and scripts/test.sh do) to get the tools on PATH.
set -euo pipefail

RECAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$RECAP_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local bindgen
  bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$RECAP_ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
    say "installing wasm-bindgen-cli $bindgen (several minutes, once)"
    # Not --locked: the registry here lacks one of its locked dependencies.
    cargo install wasm-bindgen-cli --version "=$bindgen"
  fi
}

setup_node() {
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local stamp="$RECAP_ROOT/node_modules/.recap-lock"
  if ! cmp -s "$RECAP_ROOT/package-lock.json" "$stamp" 2>/dev/null; then
    say "npm ci (wasm-opt from binaryen, terser, playwright-core)"
    (cd "$RECAP_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$RECAP_ROOT/package-lock.json" "$stamp"
  fi
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  if ! command -v jekyll >/dev/null; then
    apt_install jekyll
  fi
  if ! command -v hugo >/dev/null; then
    apt_install hugo
  fi
  if ! command -v ffmpeg >/dev/null; then
    apt_install ffmpeg
  fi
}

setup_crates() {
  (cd "$RECAP_ROOT" && cargo fetch --locked -q)
}

main() {
  local browser=""
  for arg in "$@"; do
    case "$arg" in
      --browser) browser=1 ;;
      *) echo "usage: scripts/setup.sh [--browser]" >&2; return 2 ;;
    esac
  done
  setup_rust
  setup_node
  [ -z "$browser" ] || setup_browser
  setup_crates
}

main "$@"
