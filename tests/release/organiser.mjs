// The browser half of the organiser's trial (scripts/try-release.sh): each built site is served
// as a static host serves it, with the release's site/ in its recap/ folder, and read in
// Chromium as a visitor reads it: a post's embedded event with its talks and times, a jump to a
// talk's moment in the recording, and the recaps page's list.
//
//   node tests/release/organiser.mjs SITES.json
//
// SITES.json: [{ name, root, pages: [{ path, talks: [[title, time]], jump: [time, seconds] }],
//   list: [titles] }]: pages that embed one event each, and the titles /recaps/ lists.
// YouTube is never reached: its player address answers with the local stand-in player.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { closePages, errorsBesidesPictures, launch, openPage, WAIT_MS, waitUntil } from "../e2e/browser.mjs";
import { PLAYER } from "../e2e/fake-player.mjs";
import { startServer } from "../e2e/server.mjs";

const sites = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await launch();
let failed = false;
try {
  for (const site of sites) {
    const started = performance.now();
    const server = await startServer({ root: site.root, rewrites: false });
    try {
      for (const post of site.pages) await readPost(server.url, post, site.name);
      await readList(server.url, site);
      console.log(`${site.name}: a post's event, its talks, a jump and the list read in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await closePages();
      await server.close();
    }
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

// A page of the site, with YouTube's player answered by the stand-in and its images refused.
async function open(url) {
  const page = await openPage(browser);
  await page.route("https://i.ytimg.com/**", (route) => route.abort());
  await page.route(/^https:\/\/www\.youtube(-nocookie)?\.com\/embed\//, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: PLAYER }));
  await page.goto(url);
  return page;
}

async function readPost(origin, { path, talks: expected, jump }, name) {
  const page = await open(`${origin}${path}`);
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-talk").first().waitFor();
  const talks = await viewer.locator(".recap-talk").evaluateAll((els) =>
    els.map((el) => [el.querySelector(".recap-talk__title").textContent, el.querySelector(".recap-time")?.textContent ?? null]));
  assert.deepEqual(talks, expected, `${name} ${path}: the talks and their times`);

  // Into the recording, then a talk's moment: the player seeks there.
  await viewer.getByRole("button", { name: /^Play the recording/ }).click();
  await viewer.locator("iframe.recap-video__player").waitFor();
  const frame = await playerFrame(page);
  await frame.waitForFunction(() => window.received.some((m) => m.data.event === "listening"), null, { timeout: WAIT_MS });
  const [time, seconds] = jump;
  await viewer.locator(".recap-talk a.recap-time", { hasText: time }).first().click();
  await frame.waitForFunction(
    (t) => window.received.some((m) => m.data.func === "seekTo" && m.data.args[0] === t), seconds, { timeout: WAIT_MS });
  await waitUntil(page,
    () => document.querySelector("recap-viewer").shadowRoot.querySelector(".recap-talk--playing .recap-time")?.textContent,
    null, `${name} ${path}: no talk is marked as playing after the jump to ${time}`);
  assert.deepEqual(errorsBesidesPictures(page), [], `${name} ${path}: errors on the page`);
}

async function readList(origin, site) {
  const page = await open(`${origin}/recaps/`);
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-event-card__title").first().waitFor();
  assert.deepEqual(await viewer.locator(".recap-event-card__title").allTextContents(), site.list, `${site.name}: the list`);
  assert.deepEqual(errorsBesidesPictures(page), [], `${site.name} /recaps/: errors on the page`);
}

// The player's frame, once its page has loaded and scripted.
async function playerFrame(page) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => /youtube(-nocookie)?\.com\/embed\//.test(f.url()));
    if (frame && (await frame.evaluate(() => Array.isArray(window.received)).catch(() => false))) return frame;
    await page.waitForTimeout(20); // polling for the frame: Playwright has no event for "loaded and scripted"
  }
  throw new Error(`the player's frame did not load within ${WAIT_MS} ms`);
}
