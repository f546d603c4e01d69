// The Jekyll host: examples/jekyll/feed.json built by Debian's jekyll over a small site of recap
// posts (tests/jekyll/site/), then read as JSON, checked with `recap-feed check`, and shown by
// the built app (dist/), which reads the talks from kramdown's HTML in the browser; and built
// again with a `recap:` section in the config that chooses posts and renames a key.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { spawnWithin } from "../e2e/cli.mjs";

// Time limits: a version check, a site's build, and cargo, which may build recap-feed first.
const VERSION_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;
const CARGO_TIMEOUT_MS = 15 * 60_000;


const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SITE = join(ROOT, "tests", "jekyll", "site");
const TEMPLATE = join(ROOT, "examples", "jekyll", "feed.json");
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");

const BASE = "https://meetup.example/community";
const TRICKY_TITLE =
  'Riverbend Platform May 2024: "Escaping" C:\\temp\\new, \\u0000 and </script> 🦀';
const RFC_3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

// The posts, newest first: `_posts/YYYY-MM-DD-slug.md` → id `YYYY-MM-DD-slug`, and the site's
// permalink style `/YYYY/MM/DD/slug.html`.
const posts = readdirSync(join(SITE, "_posts"))
  .filter((name) => name.endsWith(".md"))
  .sort()
  .reverse()
  .map((name) => {
    const [, year, month, day, slug] = name.match(/^(\d{4})-(\d\d)-(\d\d)-(.+)\.md$/);
    return {
      slug,
      day: `${year}-${month}-${day}`,
      id: `${year}-${month}-${day}-${slug}`,
      path: `/${year}/${month}/${day}/${slug}.html`,
    };
  });

let work;
let feedPath;
let feedText;
let feed;
const item = (slug) => {
  const found = feed.items.find((i) => i.id.endsWith(`-${slug}`));
  assert.ok(found, `no item for ${slug}`);
  return found;
};

before(() => {
  const version = spawnWithin(VERSION_TIMEOUT_MS, "jekyll", ["--version"]);
  if (version.error || version.status !== 0) {
    assert.fail(
      "jekyll is not installed or does not run: run scripts/setup.sh --browser " +
        `(it installs Debian's jekyll) (${version.error?.message ?? version.stderr})`,
    );
  }
  work = mkdtempSync(join(tmpdir(), "recap-jekyll-"));
  cpSync(SITE, work, { recursive: true });
  cpSync(TEMPLATE, join(work, "feed.json"));

  const started = performance.now();
  const build = spawnWithin(BUILD_TIMEOUT_MS, "jekyll", ["build", "--source", work, "--destination", join(work, "_site")]);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(
    build.status,
    0,
    `jekyll build failed (${build.error?.message ?? `exit ${build.status}`}):\n${build.stdout}\n${build.stderr}`,
  );
  console.log(`jekyll build (${version.stdout.trim()}, ${posts.length} posts): ${seconds.toFixed(2)} s`);

  feedPath = join(work, "_site", "feed.json");
  feedText = readFileSync(feedPath, "utf8");
  try {
    feed = JSON.parse(feedText);
  } catch (err) {
    const at = Number(err.message.match(/position (\d+)/)?.[1] ?? 0);
    assert.fail(
      `_site/feed.json is not JSON: ${err.message}\n…${feedText.slice(Math.max(0, at - 200), at + 200)}…`,
    );
  }
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the feed describes the site", () => {
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.title, "Riverbend Platform Engineering");
  assert.equal(feed.home_page_url, `${BASE}/`);
  assert.equal(feed.feed_url, `${BASE}/feed.json`);
  assert.equal(
    feed.description,
    "Recaps of the monthly Riverbend Platform Engineering meetup in Norwich.",
  );
});

test("every post is an item, newest first, with a YYYY-MM-DD-slug id and an absolute URL", () => {
  assert.equal(feed.items.length, posts.length);
  assert.deepEqual(
    feed.items.map((i) => [i.id, i.url]),
    posts.map((p) => [p.id, `${BASE}${p.path}`]),
  );
  for (const i of feed.items) {
    assert.match(i.id, /^2024-\d\d-\d\d-[a-z0-9-]+$/);
    assert.match(i.date_published, RFC_3339, `${i.id}: date_published`);
  }
  const times = feed.items.map((i) => Date.parse(i.date_published));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
    "date_published descending",
  );
});

test("dates are RFC 3339: midnight on the post's day, or the front matter's instant", () => {
  for (const p of posts.filter((p) => !p.slug.includes("june"))) {
    assert.ok(
      item(p.slug).date_published.startsWith(`${p.day}T00:00:00`),
      `${p.id}: ${item(p.slug).date_published}`,
    );
  }
  // `date: 2024-06-05 18:30:00 +0100`: Jekyll keeps the instant, in the build machine's zone.
  assert.equal(
    Date.parse(item("riverbend-platform-june-2024").date_published),
    Date.UTC(2024, 5, 5, 17, 30),
  );
});

test("quotes, backslashes, an emoji and </script> round-trip through jsonify", () => {
  const tricky = item("riverbend-platform-may-2024");
  assert.equal(tricky.title, TRICKY_TITLE);
  assert.equal(
    tricky.summary,
    'Speakers from Quote & Slash Ltd on "strings", C:\\paths and </script> tags 🦀',
  );
  assert.equal(tricky._recap.location, 'Norwich "Forum", UK');
  assert.ok(tricky.content_html.includes("back\\slashes like C:\\temp\\new and \\u0000"));
  assert.ok(tricky.content_html.includes("C:\\Users\\meetup\\notes.txt"));
  assert.ok(tricky.content_html.includes("a crab 🦀"));
  // kramdown escapes a bare </script> in prose and in code spans.
  assert.ok(tricky.content_html.includes("the string &lt;/script&gt; that ends"));
  // An unquoted YAML `- 2024` is a number to Jekyll; the template writes every tag as a string.
  assert.deepEqual(tricky.tags, ["Video", "Meetup", "2024"]);
});

test("content_html is the post rendered by kramdown, without the site's layout", () => {
  for (const i of feed.items) {
    assert.ok(i.content_html.includes('<h3 id="overview">Overview</h3>'), `${i.id}: <h3>`);
    assert.match(i.content_html, /<ul>\s*<li>/, `${i.id}: <ul>`);
    assert.ok(!i.content_html.includes("host-layout"), `${i.id}: layout leaked into content`);
    assert.ok(!i.content_html.includes("### "), `${i.id}: Markdown left unrendered`);
  }
  assert.ok(
    item("riverbend-platform-march-2024").content_html.includes(
      '<a href="https://www.youtube.com/live/rvbMarch24x?feature=share&amp;t=212">Golden paths that people actually walk</a> (starting at 3:32)',
    ),
  );
});

test("optional fields follow the front matter: absent, or null in _recap", () => {
  const march = item("riverbend-platform-march-2024");
  assert.deepEqual(march._recap, {
    location: "Norwich, UK",
    video: "https://www.youtube.com/embed/rvbMarch24x",
  });
  assert.equal(march.image, `${BASE}/images/2024-03-06-riverbend-platform-march-2024.jpeg`);
  assert.deepEqual(march.tags, ["Photos", "Video", "Meetup", "2024"]);
  assert.match(march.summary, /^Speakers from Kestrel Systems/);
  // An absolute image URL is kept as it is.
  assert.equal(item("riverbend-platform-may-2024").image, "https://images.meetup.example/2024-05-01.jpeg");

  const april = item("riverbend-platform-april-2024");
  assert.deepEqual(april._recap, { location: null, video: null });
  for (const key of ["image", "summary", "tags"]) {
    assert.ok(!(key in april), `the April post has no ${key}, so the item has none`);
  }
  for (const i of feed.items) {
    assert.ok(!("talks" in i._recap), `${i.id}: talks are left to the viewer`);
  }
});

test("recap-feed check reads every item", () => {
  const build = spawnWithin(CARGO_TIMEOUT_MS, "cargo", ["build", "-q", "--offline", "-p", "recap-feed"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(build.status, 0, `cargo build -p recap-feed failed:\n${build.stderr}`);
  const check = spawnWithin(BUILD_TIMEOUT_MS, join(TARGET, "debug", "recap-feed"), ["check", feedPath], {
    encoding: "utf8",
  });
  assert.equal(check.status, 0, `recap-feed check failed:\n${check.stdout}\n${check.stderr}`);
  console.log(check.stdout.trim());
});

test("the app reads the Jekyll feed in the browser: the same talks as recap-feed finds in the Markdown", async () => {
  // What the CLI reads from the posts' Markdown (CommonMark)…
  const cli = spawnWithin(CARGO_TIMEOUT_MS, "cargo",
    ["run", "-q", "--offline", "-p", "recap-feed", "--", "build", join(SITE, "_posts"), "--out", join(work, "cli.json")],
    { cwd: ROOT, encoding: "utf8" },
  );
  assert.equal(cli.status, 0, `recap-feed build failed:\n${cli.stderr}`);
  // kramdown sets typographic quotes where CommonMark keeps straight ones: compared without them.
  const plain = (text) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  const expected = JSON.parse(readFileSync(join(work, "cli.json"), "utf8")).items.map((i) => ({
    title: i.title,
    talks: i._recap.talks.map((t, n) => [
      plain(t.title ?? `Talk ${n + 1}`),
      t.start,
      plain(t.speakers.map((s) => s.name).join(" & ")),
    ]),
  }));

  // …and what the built app shows for Jekyll's own feed (kramdown's HTML, no _recap.talks).
  const { launch, openPage } = await import("../e2e/browser.mjs");
  const { startServer } = await import("../e2e/server.mjs");
  const server = await startServer({ root: join(ROOT, "dist"), generated: join(work, "_site") });
  const browser = await launch();
  try {
    const page = await openPage(browser);
    const shown = [];
    for (const { title } of expected) {
      await page.goto(`${server.url}/?feed=/generated/feed.json`);
      await page.getByRole("link", { name: title, exact: true }).click();
      await page.waitForSelector(".recap-event h1");
      const talks = await page.$$eval(".recap-talk", (els) =>
        els.map((el) => [
          el.querySelector(".recap-talk__title").textContent,
          el.querySelector(".recap-time")?.dataset.t ?? null,
          el.querySelector(".recap-talk__speakers")?.textContent ?? "",
        ]),
      );
      shown.push({
        title,
        talks: talks.map(([t, start, speakers]) => [
          plain(t),
          start === null ? null : Number(start),
          plain(speakers.replace(/ \([^)]*\)/g, "").split(", ").join(" & ")),
        ]),
      });
    }
    assert.deepEqual(shown, expected);
    // Every post has its talks: the tricky-title post's one, and both untitled lightning talks.
    assert.deepEqual(expected.map((e) => e.talks.length), [2, 1, 2, 3]);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a recap: section in _config.yml chooses the posts by tag and renames a front matter key", () => {
  // Only the posts tagged Photos; the venue read from `image` (any other name would do).
  const extra = join(work, "recap.yml");
  writeFileSync(extra, "recap:\n  tags: [Photos]\n  keys:\n    location: image\n");
  const out = join(work, "_chosen");
  const build = spawnWithin(BUILD_TIMEOUT_MS, "jekyll",
    ["build", "--source", work, "--destination", out, "--config", `${join(work, "_config.yml")},${extra}`],
    { encoding: "utf8" },
  );
  assert.equal(build.status, 0, `jekyll build failed:\n${build.stdout}\n${build.stderr}`);
  const chosen = JSON.parse(readFileSync(join(out, "feed.json"), "utf8"));
  assert.deepEqual(
    chosen.items.map((i) => [i.id, i._recap.location]),
    [
      ["2024-06-05-riverbend-platform-june-2024", "/images/2024-06-05-riverbend-platform-june-2024.jpeg"],
      ["2024-03-06-riverbend-platform-march-2024", "/images/2024-03-06-riverbend-platform-march-2024.jpeg"],
    ],
  );
  assert.equal(chosen.items[0]._recap.video, "https://www.youtube.com/embed/rvbJune24ab");
});
