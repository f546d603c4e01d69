// Every extraction fixture (and failure-class post) as a real Jekyll site renders it: the posts built by Debian's jekyll
// (kramdown, not CommonMark) into examples/jekyll/feed.json, which carries no _recap.talks, then
// read by the built app (dist/) in the browser. Each event page must show the titles, speakers and
// times that recap-feed finds in the posts' Markdown.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { closePages, errorsBesidesPictures, launch, openPage, waitUntil } from "../e2e/browser.mjs";
import { eventPath, feedTalks, goInApp, shownTalks } from "../e2e/sample.mjs";
import { startServer } from "../e2e/server.mjs";
import { spawnWithin } from "../e2e/cli.mjs";

// Time limits: a site's build, and cargo, which may build recap-feed first.
const BUILD_TIMEOUT_MS = 5 * 60_000;
const CARGO_TIMEOUT_MS = 15 * 60_000;


const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const POSTS = join(ROOT, "tests", "fixtures", "posts");

// kramdown's typography (curly quotes, dashes, ellipses) against CommonMark's plain characters.
const plain = (text) =>
  text
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/—/g, "---")
    .replace(/–/g, "--")
    .replace(/…/g, "...")
    .replace(/\s+/g, " ")
    .trim();

let work;
let server;
let browser;
let expected;
before(() => {
  work = mkdtempSync(join(tmpdir(), "recap-kramdown-"));
  // The fixtures, and the posts of each class of failure found on real organisers' posts.
  cpSync(join(POSTS, "_posts"), join(work, "_posts"), { recursive: true });
  cpSync(join(POSTS, "classes", "_posts"), join(work, "_posts"), { recursive: true });
  cpSync(join(POSTS, "_includes"), join(work, "_includes"), { recursive: true });
  cpSync(join(ROOT, "examples", "jekyll", "feed.json"), join(work, "feed.json"));
  writeFileSync(
    join(work, "_config.yml"),
    "title: Fixture meetups\nurl: https://meetup.example\nmarkdown: kramdown\ntimezone: UTC\n",
  );
  const build = spawnWithin(BUILD_TIMEOUT_MS, "jekyll", ["build", "--source", work, "--destination", join(work, "_site")], {
    encoding: "utf8",
  });
  assert.equal(build.status, 0, `jekyll build failed:\n${build.stdout}\n${build.stderr}`);
  const cli = spawnWithin(CARGO_TIMEOUT_MS, "cargo",
    ["run", "-q", "--offline", "-p", "recap-feed", "--", "build", join(work, "_posts"), "--out", join(work, "cli.json")],
    { cwd: ROOT, encoding: "utf8" },
  );
  assert.equal(cli.status, 0, `recap-feed build failed:\n${cli.stderr}`);
  expected = new Map(
    JSON.parse(readFileSync(join(work, "cli.json"), "utf8")).items.map((i) => [
      i.title,
      feedTalks(i._recap.talks).map((t) => ({ ...t, title: plain(t.title), speakers: plain(t.speakers) })),
    ]),
  );
});
afterEach(closePages);
after(async () => {
  await closePages();
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("every fixture, rendered by kramdown and read in the browser, shows the talks recap-feed finds", async () => {
  server = await startServer({ generated: join(work, "_site") });
  browser = await launch();
  const jekyllFeed = JSON.parse(readFileSync(join(work, "_site", "feed.json"), "utf8"));
  assert.equal(jekyllFeed.items.length, expected.size, "one item per post");
  const page = await openPage(browser);
  const feed = "feed=%2Fgenerated%2Ffeed.json";
  await page.goto(`${server.url}/?${feed}`);
  await page.waitForSelector(".recap-event-card__title");
  const mismatches = [];
  let talks = 0;
  for (const item of jekyllFeed.items) {
    // In place: one load of the feed and one extraction for all the pages.
    await goInApp(page, `${eventPath(item.id)}?${feed}`);
    await waitUntil(
      page,
      (title) => document.querySelector(".recap-event h1")?.textContent === title,
      item.title,
      `the event page of ${item.id} did not open`,
    );
    const found = (await shownTalks(page)).map((t) => ({ ...t, title: plain(t.title), speakers: plain(t.speakers) }));
    const want = expected.get(item.title);
    talks += want?.length ?? 0;
    if (JSON.stringify(found) !== JSON.stringify(want)) mismatches.push({ post: item.id, shown: found, expected: want });
  }
  console.log(`# ${jekyllFeed.items.length} posts, ${talks} talks; ${mismatches.length} posts differ`);
  assert.deepEqual(mismatches, [], "kramdown in the browser gives what CommonMark gives natively");
  assert.ok(talks >= 200, `${talks} talks`);
  assert.deepEqual(errorsBesidesPictures(page), []);
});
