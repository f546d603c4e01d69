#!/usr/bin/env bash
# Builds a release that needs no Rust toolchain to use:
#
#   scripts/release.sh VERSION [--out DIR]        (DIR: target/release-dist)
#
# writes DIR/recap-VERSION.tar.gz and DIR/recap-VERSION.tar.gz.sha256. The tarball unpacks to
# recap-VERSION/ with
#   site/                    the built site (trunk build --release): index.html, 404.html, sw.js,
#                            embed.js and the app's files, the sample feed.json and its pictures
#   bin/recap-feed           the command line, a Linux x86-64 release binary
#   npm/recap-embed/         the embed as an npm package folder (embed.js and the files it loads)
#   npm/recap-embed-VERSION.tgz  that folder's `npm pack`
#   README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE CONTRIBUTING.md SECURITY.md
#   docs/ examples/deploy/ examples/jekyll/   what the README and the docs link to
#   SHA256SUMS               sha256sum of every other file, by path relative to recap-VERSION/
#
# VERSION must be the workspace version in Cargo.toml and have a "## VERSION" section in
# CHANGELOG.md. The builds are incremental, so a release of a tree already built is quick. The
# tarball is reproducible: names sorted, owner 0, every time the last commit's (or
# SOURCE_DATE_EPOCH), so the same inputs give the same bytes.
set -euo pipefail

usage() {
  echo "usage: scripts/release.sh VERSION [--out DIR]" >&2
  exit 2
}
fail() {
  printf 'release: %s\n' "$*" >&2
  exit 1
}

version=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out)
      [ $# -ge 2 ] || { echo "release: --out needs a directory" >&2; usage; }
      out="$2"
      shift 2
      ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h | --help) usage ;;
    -*) echo "release: unknown option $1" >&2; usage ;;
    *)
      [ -z "$version" ] || { echo "release: one VERSION only (got '$version' and '$1')" >&2; usage; }
      version="$1"
      shift
      ;;
  esac
done
[ -n "$version" ] || { echo "release: VERSION is missing" >&2; usage; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# --out is read from where the script was run; the default is in the checkout.
case "$out" in
  "") out="$root/target/release-dist" ;;
  /*) ;;
  *) out="$PWD/$out" ;;
esac
cd "$root"

# The version: Cargo.toml's [workspace.package] version, with its section in the changelog.
workspace_version="$(awk '/^\[/ { section = $0 } section == "[workspace.package]" && $1 == "version" { gsub(/[" ]/, "", $3); print $3; exit }' Cargo.toml)"
if [ "$workspace_version" != "$version" ]; then
  fail "Cargo.toml's [workspace.package] version is '$workspace_version', not '$version': bump it to $version (or release $workspace_version)"
fi
if ! grep -Eq "^## \[?$(printf '%s' "$version" | sed 's/[.+]/\\&/g')\]?( |$)" CHANGELOG.md; then
  fail "CHANGELOG.md has no '## $version' section: add one (e.g. '## $version - $(date -u +%F)') with what the release changes"
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
started=$SECONDS

# The tools (trunk, wasm-bindgen, wasm-opt, npm) on PATH; setup reads its own arguments.
set --
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"
cd "$root"
say() { printf '\033[1mrelease:\033[0m [%3d s] %s\n' "$((SECONDS - started))" "$*" >&2; }

say "the site: trunk build --release"
# A release's site is the plain build: the organiser pre-renders it on their own feed.
env -u RECAP_PAGES trunk build --release >/dev/null
[ -f dist/embed.js ] && [ -f dist/index.html ] && [ -f dist/sw.js ] || fail "trunk build left no dist/embed.js, dist/index.html or dist/sw.js"
grep -q "^/\*! Recap embed $version " dist/embed.js || fail "dist/embed.js does not carry the version $version"

say "the command line: cargo build --release --locked -p recap-feed"
cargo build --release --locked -q -p recap-feed
target_dir="$(cargo metadata --format-version 1 --no-deps --locked | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).target_directory))')"
binary="$target_dir/release/recap-feed"
[ -x "$binary" ] || fail "no binary at $binary after the build"
kind="$(file -b "$binary")"
case "$kind" in
  *ELF\ 64-bit*x86-64*) ;;
  *) fail "$binary is not a Linux x86-64 executable: $kind" ;;
esac

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
name="recap-$version"
top="$staging/$name"
mkdir -p "$top/bin" "$top/npm/recap-embed"

cp -R dist "$top/site"
# Without its symbol table (a quarter of its size), when the machine has strip.
if command -v strip >/dev/null; then
  strip -o "$top/bin/recap-feed" "$binary"
else
  cp "$binary" "$top/bin/recap-feed"
fi
binary_size=$(stat -c %s "$top/bin/recap-feed")
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE CONTRIBUTING.md SECURITY.md "$top/"
# What the README and the docs link to: the docs, the deploy and Jekyll examples.
cp -R docs "$top/docs"
mkdir -p "$top/examples" && cp -R examples/deploy examples/jekyll "$top/examples/"

# The npm package: embed.js and what it loads from beside itself (the app's script, wasm and
# stylesheet, the wasm-bindgen snippets, the on-demand modules): every script, wasm and stylesheet
# of the site but the standalone site's own (its boot file and offline worker).
package="$top/npm/recap-embed"
app_files=()
while IFS= read -r -d '' file; do
  file="${file#./}"
  case "$file" in
    embed.js | sw.js | boot-*.js) ;;
    *.js | *.wasm | *.css) app_files+=("$file") ;;
  esac
done < <(cd dist && find . -type f -print0 | LC_ALL=C sort -z)
(cd dist && cp --parents embed.js "${app_files[@]}" "$package/")
cp LICENSE-MIT LICENSE-APACHE "$package/"
sed "s|@@VERSION@@|$version|g" embed/package/README.md > "$package/README.md"
RECAP_VERSION="$version" node - embed/package/package.json "$package/package.json" "${app_files[@]}" <<'EOF'
import { readFileSync, writeFileSync } from "node:fs";
const [template, target, ...files] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(template, "utf8"));
manifest.version = process.env.RECAP_VERSION;
manifest.files = ["embed.js", ...files, ...manifest.files];
for (const file of files) manifest.exports[`./${file}`] = `./${file}`;
writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
EOF
say "the embed's npm package: npm pack"
packed="$(cd "$package" && npm pack --offline --ignore-scripts --silent --pack-destination ..)"
[ "$packed" = "recap-embed-$version.tgz" ] || fail "npm pack wrote '$packed', not recap-embed-$version.tgz"

# Same modes whatever the umask: files 644, folders and the binary 755.
chmod -R u=rwX,go=rX "$top"
chmod 755 "$top/bin/recap-feed"

(
  cd "$top"
  find . -type f ! -name SHA256SUMS -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum > SHA256SUMS
  sha256sum --quiet -c SHA256SUMS
) || fail "the checksums of $top do not verify"

epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || true)}"
[ -n "$epoch" ] || fail "no time for the tarball's files: not a git checkout, and SOURCE_DATE_EPOCH is not set"
tarball="$out/$name.tar.gz"
tar --sort=name --format=gnu --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -C "$staging" -cf - "$name" | gzip -9 -n > "$tarball.part"
mv "$tarball.part" "$tarball"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

size=$(stat -c %s "$tarball")
say "done in $((SECONDS - started)) s; bin/recap-feed: $binary_size B, Linux x86-64"
printf '%s B (%s KiB) %s\n' "$size" "$(((size + 1023) / 1024))" "$tarball"
