#!/bin/sh
# Writes the stable embed.js into a Trunk build: embed/embed.js with the names of the app's
# script, wasm and stylesheet of this build, read from the built index.html, and the release
# (the workspace version in Cargo.toml). Run after each build by scripts/post-build.sh, in the
# staging directory that becomes dist/.
set -eu
staging="${TRUNK_STAGING_DIR:?run by trunk build}"
source="${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
pick() {
  grep -o "$1" "$staging/index.html" | head -n 1 | sed 's|.*/||'
}
js="$(pick 'recap-[0-9a-f]*\.js')"
wasm="$(pick 'recap-[0-9a-f]*_bg\.wasm')"
css="$(pick 'main-[0-9a-f]*\.css')"
if [ -z "$js" ] || [ -z "$wasm" ] || [ -z "$css" ]; then
  echo "embed: the app's files are not named in $staging/index.html (js '$js', wasm '$wasm', css '$css')" >&2
  exit 1
fi
# The `version` of Cargo.toml's [workspace.package] section.
version="$(awk '/^\[/ { section = $0 } section == "[workspace.package]" && $1 == "version" { gsub(/[" ]/, "", $3); print $3; exit }' "$source/Cargo.toml")"
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "embed: no version in the [workspace.package] section of $source/Cargo.toml (found '$version')" >&2; exit 1 ;;
esac
sed -e "s|@@VERSION@@|$version|g" -e "s|@@APP_JS@@|$js|" -e "s|@@APP_WASM@@|$wasm|" -e "s|@@APP_CSS@@|$css|" \
  "$source/embed/embed.js" > "$staging/embed.js"
