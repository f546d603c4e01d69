// The Hugo host: an invented Hugo site (tests/sites/hugo/) set up by `recap-feed init`, built by
// Debian's hugo, its /feed.json read as JSON and checked, then the built site served with
// Recap's files in static/recap/, and a post page's embedded event read in Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { assertFeedShape, checkWithCli, initSite, readFeed, readInBrowser, timedBuild } from "./common.mjs";

const BASE = "https://harbour-rust.example";
const FEBRUARY = "Harbour Rust February 2024: Quayside Freight and Tidewater Labs";
const MARCH = "Harbour Rust March 2024: three lightning talks";
const APRIL = "Harbour Rust April 2024: Rust in the signal box";

let work;
let report;
let feed;
before(() => {
  const version = spawnSync("hugo", ["version"], { encoding: "utf8", timeout: 30_000 });
  if (version.error || version.status !== 0) {
    assert.fail(
      "hugo is not installed or does not run: run scripts/setup.sh --browser " +
        `(it installs Debian's hugo) (${version.error?.message ?? version.stderr})`,
    );
  }
  ({ work, report } = initSite("hugo", join("static", "recap")));
  timedBuild(`hugo build (${version.stdout.trim().split(" ")[1]}, 3 recaps and a news post)`, "hugo", ["--quiet", "--source", work]);
  feed = readFeed(join(work, "public", "feed.json"));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("init found a Hugo site and added its files", () => {
  assert.match(report, /a Hugo site \(hugo\.toml found\)/);
  for (const path of ["content/recap-feed.md", "layouts/recap-feed/feed.json", "layouts/partials/recap-event.html"]) {
    assert.ok(report.includes(`${path}: added`), report);
  }
  assert.ok(report.includes('{{ partial "recap-event.html" . }}'), report);
});

test("the feed describes the site and holds only the events section, newest first", () => {
  assertFeedShape(feed, BASE);
  assert.equal(feed.title, "Harbour Rust");
  assert.equal(feed.description, "Recaps of Harbour Rust, the Rust meetup by the docks in Leith.");
  assert.deepEqual(
    feed.items.map((i) => [i.id, i.title, i.url]),
    [
      ["2024-04-11-harbour-rust-april", APRIL, `${BASE}/events/2024-04-11-harbour-rust-april/`],
      ["2024-03-14-harbour-rust-march", MARCH, `${BASE}/events/harbour-rust-march/`],
      ["2024-02-08-harbour-rust-february", FEBRUARY, `${BASE}/events/2024-02-08-harbour-rust-february/`],
    ],
  );
});

test("_recap and the optional fields come from the front matter, under the site's own names", () => {
  const [april, march, february] = feed.items;
  assert.deepEqual(february._recap, { location: "Leith, Edinburgh", video: "https://www.youtube.com/watch?v=hbrFeb24abc" });
  assert.deepEqual(april._recap, { location: "Leith, Edinburgh", video: null });
  assert.equal(february.summary, "Two talks on lifetimes at the loading bay and on embedded Rust in tide gauges.");
  assert.deepEqual(february.tags, ["meetup", "2024"]);
  assert.equal(march.image, `${BASE}/images/harbour-rust-march.jpeg`);
  assert.equal(march.date_published, "2024-03-14T19:00:00Z");
  // No date in the front matter: the file name's, in the site's time zone (Europe/London).
  assert.equal(Date.parse(february.date_published), Date.UTC(2024, 1, 8));
  for (const key of ["summary", "image", "tags"]) assert.ok(!(key in april), `April has no ${key}`);
  assert.ok(
    february.content_html.includes('Lifetimes at the loading bay</a> (starting at 3:05)'),
    february.content_html,
  );
});

test("recap-feed check reads every item", () => {
  checkWithCli(join(work, "public", "feed.json"));
});

test("the app reads the Hugo feed in the browser: a post's event shows its talks with time links", async () => {
  const { heading, talks, list } = await readInBrowser(join(work, "public"), "/events/harbour-rust-march/");
  assert.equal(heading, MARCH);
  assert.deepEqual(talks, [
    ["Parsing ship manifests with nom", "1:35", 95],
    ["Async cranes", "13:40", 820],
    ["Error handling for people who read the logs", "25:05", 1505],
  ]);
  assert.deepEqual(list, [APRIL, MARCH, FEBRUARY]);
});
