// End to end: the app served under a sub-path, as a community site would host it beside its own
// pages. An organiser has the release's site/, built for `/`, and no Rust toolchain: `recap-feed
// rebase` makes it work under /recap/, and it must be what `trunk build --public-url /recap/`
// makes. So the tests serve a copy of dist/ rebased by recap-feed, after checking it file by file
// against Trunk's sub-path build; and a copy pre-rendered with `recap-feed pages --base /recap/`.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { errorsBesidesPictures, openPage, waitUntil } from "./browser.mjs";
import { recapFeed, runWithin } from "./cli.mjs";
import { newestFirst, sample } from "./sample.mjs";
import { e2eFile } from "./fixture.mjs";

// Trunk's build for the sub-path.
const BUILT = "target/dist-subpath";
const ROOT = "target/e2e-generated/hosting";
// dist/ rebased by recap-feed, and dist/ pre-rendered for the sub-path.
const DIST = `${ROOT}/rebased`;
const PAGES = `${ROOT}/pages`;

// A copy of dist/ (without the staging folder of a build under way) at `to`.
function copyOfDist(to) {
  rmSync(to, { recursive: true, force: true });
  cpSync("dist", to, { recursive: true, filter: (path) => !path.split(/[\\/]/).includes(".stage") });
  return to;
}

// Every file under `dir`, relative, sorted.
const filesIn = (dir, prefix = "") =>
  readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((e) => e.name !== ".stage")
    .flatMap((e) => (e.isDirectory() ? filesIn(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();

let server;
let pagesServer;
const file = e2eFile();
before(async () => {
  // The same crates as dist/: only wasm-bindgen, wasm-opt and the HTML are redone. The test
  // command builds it beside dist/; run alone, this file builds it when it is missing or older.
  if (!existsSync(`${BUILT}/index.html`) || statSync(`${BUILT}/index.html`).mtimeMs < statSync("dist/index.html").mtimeMs) {
    // A release build of the app on a busy machine: well under this, or something is stuck.
    runWithin(20 * 60_000, "trunk", ["build", "--release", "--offline", "--public-url", "/recap/", "--dist", BUILT], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  recapFeed("rebase", copyOfDist(DIST), "--base", "/recap/");
  recapFeed("pages", `${copyOfDist(PAGES)}/feed.json`, "--dist", PAGES, "--base", "/recap/", "--site-url", "https://riverbend.example/recap/");
  mkdirSync("target/e2e-generated", { recursive: true });
  const bare = structuredClone(sample);
  for (const item of bare.items) delete item._recap.talks;
  writeFileSync("target/e2e-generated/sample-no-talks.json", JSON.stringify(bare));
  server = await file.serve({ root: DIST, base: "/recap/" });
  pagesServer = await file.serve({ root: PAGES, base: "/recap/" });
});

test("dist/ rebased to /recap/ by recap-feed is Trunk's build for /recap/, file by file", () => {
  const files = filesIn(DIST);
  assert.deepEqual(files, filesIn(BUILT));
  assert.ok(files.some((f) => /^boot-[0-9a-f]{16}\.js$/.test(f)), files.join(", "));
  const differ = files.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(BUILT, f))));
  assert.deepEqual(differ, [], "files whose bytes differ");
  assert.match(readFileSync(join(DIST, "index.html"), "utf8"), /<base href=\/recap\/>/);
});

test("under a sub-path (dist/ rebased): the list, an event, a deep link reloaded, and the way back", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/recap/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent(".recap-event-card__title"), newestFirst[0].title);
  assert.deepEqual(
    page.requests.filter((u) => !new URL(u).pathname.startsWith("/recap/")),
    [],
    "every file comes from under /recap/",
  );
  await page.locator(".recap-event-card__link").first().click();
  await page.waitForSelector(".recap-talk");
  const path = new URL(page.url()).pathname;
  assert.equal(path, `/recap/events/${encodeURIComponent(newestFirst[0].id)}`);
  await page.reload();
  await page.waitForSelector(".recap-talk");
  assert.equal(await page.textContent("h1"), newestFirst[0].title);
  await page.getByRole("link", { name: "← All events" }).click();
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(new URL(page.url()).pathname, "/recap/");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("under a sub-path (dist/ rebased): the extractor is found beside the app", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/recap/?feed=/generated/sample-no-talks.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(
    page.requests.filter((u) => /recap-extract/.test(u)).map((u) => new URL(u).pathname),
    ["/recap/recap-extract.js", "/recap/recap-extract_bg.wasm"],
  );
  const counts = await page.$$eval(".recap-event-card__talks", (els) => els.map((e) => e.textContent));
  assert.ok(counts.some((c) => /^\d+ talks?$/.test(c)), counts.join(", "));
  assert.equal(await page.$(".recap-problems"), null);
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("on a host without rewrites, a deep link still opens its event (404.html is the app)", async () => {
  const plain = await file.serve({ root: DIST, base: "/recap/", rewrites: false });
  try {
    const item = newestFirst[2];
    const talk = item._recap.talks.find((t) => t.start !== null);
    const page = await openPage(file.browser);
    const response = await page.goto(`${plain.url}/recap/events/${encodeURIComponent(item.id)}?t=${talk.start}`);
    assert.equal(response.status(), 404, "the host answers 404, with the app");
    await page.waitForSelector(".recap-talk");
    assert.equal(await page.textContent("h1"), item.title);
    assert.equal(await page.locator(".recap-video__play").count(), 1);
    assert.match(await page.locator(".recap-video__play").textContent(), / from \d/);
    // Nothing else under /recap/ was missing.
    assert.deepEqual(
      page.errors.filter((e) => !e.includes("404") || !e.includes(`/recap/events/`)),
      [],
    );
  } finally {
    await plain.close();
  }
});

test("pre-rendered with pages --base: readable without JavaScript under /recap/, then taken over", async () => {
  const item = newestFirst[1];
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${pagesServer.url}/recap/`);
    const link = page.locator(".recap-event-card__link").nth(1);
    assert.equal(await link.getAttribute("href"), `/recap/events/${encodeURIComponent(item.id)}/`);
    await link.click();
    await page.waitForURL(`**/recap/events/${encodeURIComponent(item.id)}/`);
    assert.equal(await page.textContent("h1"), item.title);
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute("href"),
      `https://riverbend.example/recap/events/${encodeURIComponent(item.id)}/`,
    );
  } finally {
    await context.close();
  }
  const page = await openPage(file.browser);
  await page.goto(`${pagesServer.url}/recap/events/${encodeURIComponent(item.id)}/`);
  await waitUntil(page, () => document.querySelector(".recap-takeover:not([hidden]) .recap-talk"), undefined, "no takeover");
  assert.equal(await page.textContent("h1"), item.title);
  assert.deepEqual(
    page.requests.filter((u) => new URL(u).origin === pagesServer.url && !new URL(u).pathname.startsWith("/recap/")),
    [],
    "every file of the site comes from under /recap/ (the post's pictures are on its own site)",
  );
  assert.ok(page.requests.some((u) => /\/recap\/recap-[0-9a-f]+_bg\.wasm$/.test(u)), "the app loaded");
  await page.getByRole("link", { name: "← All events" }).click();
  await waitUntil(page, () => location.pathname === "/recap/" && document.querySelector(".recap-event-card__title"), undefined, "the way back");
  assert.deepEqual(errorsBesidesPictures(page), []);
});
