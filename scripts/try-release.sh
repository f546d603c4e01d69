#!/usr/bin/env bash
# The organiser's path, as one test: a release tarball (scripts/release.sh) unpacked into an
# empty folder and used with no Rust toolchain on PATH. `recap-feed init` sets Recap up in a
# fresh Jekyll site (tests/release/jekyll-site) and in a Hugo site (tests/sites/hugo); each is
# built with its own tool, with the release's site/ in its recap/ folder, and served; Chromium
# then reads a post's embedded event (its talks, a jump to a talk's moment), a page holding the
# README's embed snippet as it is pasted, and the recaps list (tests/release/organiser.mjs).
#
#   scripts/try-release.sh [TARBALL]     (default: target/release-dist/recap-VERSION.tar.gz)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
tarball="$(realpath "${1:-$root/target/release-dist/recap-$version.tar.gz}")"
say() { printf '\033[1mtry-release:\033[0m %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }
[ -f "$tarball" ] || fail "no release at $tarball: run scripts/release.sh $version first"

started="$(date +%s%N)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# What an organiser's machine has: the system's tools, no cargo, rustc or trunk.
organiser_path=/usr/local/bin:/usr/bin:/bin
for tool in cargo rustc trunk; do
  if PATH="$organiser_path" command -v "$tool" >/dev/null; then
    fail "$tool is on the organiser's PATH ($organiser_path): the trial would not prove the release needs no Rust"
  fi
done
organiser() { (cd "$work" && env -i HOME="$work" PATH="$organiser_path" LANG=C.UTF-8 "$@"); }

say "checking and unpacking $(basename "$tarball") ($(stat -c %s "$tarball") bytes) in an empty folder"
cp "$tarball" "$tarball.sha256" "$work/"
organiser sha256sum --quiet -c "$(basename "$tarball").sha256"
organiser tar -xzf "$(basename "$tarball")"
release="$work/recap-$version"
(cd "$release" && PATH="$organiser_path" sha256sum --quiet -c SHA256SUMS)
recap="$release/bin/recap-feed"
[ "$(organiser "$recap" --version)" = "recap-feed $version" ] || fail "recap-feed --version does not say $version"

# The README's snippet, exactly as an organiser copies it.
snippet="$(sed -n '/<!-- embed-snippet -->/,/<!-- \/embed-snippet -->/p' "$root/README.md" | sed -n '/^<script\|^<recap-viewer/p')"
[ -n "$snippet" ] || fail "README.md has no embed snippet between <!-- embed-snippet --> and <!-- /embed-snippet -->"
grep -q '^<script type="module" src="[^"]*/embed.js"></script>$' <<<"$snippet" || fail "the README's snippet has no embed.js script line: $snippet"
grep -q '^<recap-viewer feed="[^"]*"' <<<"$snippet" || fail "the README's snippet has no <recap-viewer feed=…>: $snippet"

say "Jekyll: init, the include pasted into the post layout, jekyll build"
cp -r "$root/tests/release/jekyll-site" "$work/jekyll"
organiser "$recap" init jekyll >"$work/init-jekyll.txt"
include="$(grep -o '{% include recap-event.html %}' "$work/init-jekyll.txt" | head -n 1)"
[ -n "$include" ] || fail "init did not say what to put in the Jekyll post layout: $(cat "$work/init-jekyll.txt")"
sed -i "s|{{ content }}|$include|" "$work/jekyll/_layouts/post.html"
cp -r "$release/site" "$work/jekyll/recap"
# The snippet on a page of its own: the script from the site's recap/ folder, an event by its id.
{
  printf -- '---\nlayout: default\ntitle: Pasted\npermalink: /pasted/\n---\n'
  sed -e 's|src="[^"]*/embed.js"|src="/recap/embed.js"|' \
    -e 's|event="[^"]*"|event="2025-10-14-tay-valley-data-october-2025"|' <<<"$snippet"
} >"$work/jekyll/pasted.html"
organiser jekyll build --quiet --source jekyll --destination jekyll/_site

say "Hugo: init, hugo build"
cp -r "$root/tests/sites/hugo" "$work/hugo"
organiser "$recap" init hugo >"$work/init-hugo.txt"
grep -q 'partial "recap-event.html"' "$work/init-hugo.txt" || fail "init did not say what to put in the Hugo layout: $(cat "$work/init-hugo.txt")"
mkdir -p "$work/hugo/static"
cp -r "$release/site" "$work/hugo/static/recap"
organiser hugo --quiet --source hugo

organised="$(( ($(date +%s%N) - started) / 1000000 ))"
cat >"$work/sites.json" <<EOF
[
  {
    "name": "Jekyll",
    "root": "$work/jekyll/_site",
    "pages": [
      {
        "path": "/2025/09/tay-valley-data-september-2025/",
        "talks": [["Leak detection from a million meter readings", "4:05"], ["Dashboards nobody opens", "32:10"]],
        "jump": ["32:10", 1930]
      },
      {
        "path": "/pasted/",
        "talks": [["A year of batch pipelines on one small server", "2:10"]],
        "jump": ["2:10", 130]
      }
    ],
    "list": ["Tay Valley Data October 2025: one long talk on pipelines", "Tay Valley Data September 2025: Strathearn Water and Fair City Analytics"]
  },
  {
    "name": "Hugo",
    "root": "$work/hugo/public",
    "pages": [
      {
        "path": "/events/2024-02-08-harbour-rust-february/",
        "talks": [["Lifetimes at the loading bay", "3:05"], ["Tide gauges on a no_std budget", "32:12"]],
        "jump": ["32:12", 1932]
      }
    ],
    "list": ["Harbour Rust April 2024: Rust in the signal box", "Harbour Rust March 2024: three lightning talks", "Harbour Rust February 2024: Quayside Freight and Tidewater Labs"]
  }
]
EOF
(cd "$root" && node tests/release/organiser.mjs "$work/sites.json")
total="$(( ($(date +%s%N) - started) / 1000000 ))"
say "the organiser's path took $((organised / 1000)).$(printf '%03d' $((organised % 1000))) s to a built Jekyll and Hugo site, $((total / 1000)).$(printf '%03d' $((total % 1000))) s with the browser's reading; release $(stat -c %s "$tarball") bytes"
