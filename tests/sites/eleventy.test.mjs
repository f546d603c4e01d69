// The Eleventy host: an invented Eleventy site (tests/sites/eleventy/) set up by `recap-feed
// init`, its recaps chosen by tag in _data/recap.mjs as an organiser would, built by Eleventy
// (pinned in package.json), its /feed.json read as JSON and checked, then the built site served
// with Recap's files in recap/ (a passthrough copy), and a post page's event read in Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertFeedShape, checkWithCli, initSite, readFeed, readInBrowser, ROOT, run, timedBuild } from "./common.mjs";

const BASE = "https://fenwick-js.example";
const MAY = "Fenwick JS May 2024: Spokeworks and Tarn Data";
const JUNE = "Fenwick JS June 2024: testing in the browser";
const ELEVENTY = join(ROOT, "node_modules", ".bin", "eleventy");

let work;
let report;
let feed;
before(() => {
  const version = run(ELEVENTY, ["--version"]).stdout.trim();
  ({ work, report } = initSite("eleventy", "recap"));
  // The organiser's choice: only the posts tagged "recap" (the summer social is not one).
  const settings = join(work, "_data", "recap.mjs");
  const text = readFileSync(settings, "utf8");
  assert.ok(text.includes("  tags: [],\n"), "_data/recap.mjs has no `tags: [],` line to set");
  writeFileSync(settings, text.replace("  tags: [],\n", '  tags: ["recap"],\n'));
  timedBuild(`eleventy build (${version}, 3 posts)`, ELEVENTY, ["--quiet"], { cwd: work });
  feed = readFeed(join(work, "_site", "feed.json"));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("init found an Eleventy site and added its files", () => {
  assert.match(report, /an Eleventy site \(eleventy\.config\.mjs found\)/);
  for (const path of ["_data/recap.mjs", "recap-feed.11ty.mjs", "recaps.11ty.mjs", "_includes/recap-event.njk"]) {
    assert.ok(report.includes(`${path}: added`), report);
  }
  assert.ok(report.includes('{% include "recap-event.njk" %}'), report);
});

test("the feed describes the site and holds only the posts tagged recap, newest first", () => {
  assertFeedShape(feed, BASE);
  assert.equal(feed.title, "Fenwick JS");
  assert.equal(feed.description, "Recaps of Fenwick JS, the JavaScript meetup above the bike shop.");
  assert.deepEqual(
    feed.items.map((i) => [i.id, i.title, i.url]),
    [
      ["2024-06-13-fenwick-js-june", JUNE, `${BASE}/posts/2024-06-13-fenwick-js-june/`],
      ["2024-05-09-fenwick-js-may", MAY, `${BASE}/posts/2024-05-09-fenwick-js-may/`],
    ],
  );
});

test("_recap and the optional fields come from the front matter", () => {
  const [june, may] = feed.items;
  assert.deepEqual(may._recap, { location: "Fenwick, Northumberland", video: "https://www.youtube.com/watch?v=fjsMay24ghi" });
  assert.equal(may.summary, "Signals without a framework, and a map of every bike rack in town.");
  assert.deepEqual(may.tags, ["recap", "talks"]);
  assert.equal(Date.parse(may.date_published), Date.UTC(2024, 4, 9, 18));
  // No date in the front matter: the file name's (UTC midnight).
  assert.equal(Date.parse(june.date_published), Date.UTC(2024, 5, 13));
  for (const key of ["summary", "image"]) assert.ok(!(key in june), `June has no ${key}`);
  assert.ok(may.content_html.includes("Signals without a framework</a> (starting at 4:02)"), may.content_html);
  assert.ok(!may.content_html.includes("host-header"), "the layout leaked into content_html");
});

test("recap-feed check reads every item", () => {
  checkWithCli(join(work, "_site", "feed.json"));
});

test("the app reads the Eleventy feed in the browser: a post's event shows its talks with time links", async () => {
  const { heading, talks, list } = await readInBrowser(join(work, "_site"), "/posts/2024-06-13-fenwick-js-june/");
  assert.equal(heading, JUNE);
  assert.deepEqual(talks, [
    ["Testing what the user sees", "1:15", 75],
    ["Flaky tests are bugs", "21:08", 1268],
    ["Canvas snapshots that do not lie", "40:21", 2421],
  ]);
  assert.deepEqual(list, [JUNE, MAY]);
});
