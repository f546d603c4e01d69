// End to end: offline revisits through the site's service worker (sw.js, written by each build,
// registered by the boot file). The browser is set offline with Playwright; nothing is slept.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, SCREENSHOTS, waitUntil } from "./browser.mjs";
import { cardTitles, newestFirst, sample } from "./sample.mjs";
import { e2eFile } from "./fixture.mjs";

// A copy of dist/ the tests may change (as a new build would), and a feed they change.
const SITE = "target/e2e-offline";
const FEED = "target/e2e-generated/offline.json";
const FEED_URL = "/generated/offline.json";

let server;
const file = e2eFile();
before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync("dist", SITE, { recursive: true });
  server = await file.serve({ root: SITE });
});

const feedOf = (items) => JSON.stringify({ ...sample, items });

// A page whose site's worker is installed, controls it, and holds the feed at `path`.
async function visitedOnline(path) {
  const page = await openPage(file.browser, { serviceWorkers: "allow" });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(".recap-event-card");
  await waitUntil(page, () => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === "activated"), null, "the service worker is not active");
  // The worker controls the pages opened after it, so the feed goes through it from now on.
  // Chromium may still open the first page after activation without it: a few more reloads.
  for (let reloads = 0; reloads < 5; reloads++) {
    await page.reload();
    await page.waitForSelector(".recap-event-card");
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) break;
  }
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the worker controls the page");
  await waitUntil(
    page,
    (feed) => caches.open("recap-feeds").then((c) => c.match(new URL(feed, location.href).href)).then((r) => r !== undefined),
    FEED_URL,
    "the feed is not kept",
  );
  return page;
}

test("a revisit offline shows the events, marked as a saved copy, and the fresh feed replaces it", async () => {
  writeFileSync(FEED, feedOf(newestFirst.slice(1)));
  const path = `/?feed=${encodeURIComponent(FEED_URL)}`;
  const page = await visitedOnline(path);

  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector(".recap-event-card");
  assert.deepEqual(await cardTitles(page), newestFirst.slice(1).map((item) => item.title));
  const notice = page.locator(".recap-offline");
  await notice.waitFor();
  assert.match(await notice.textContent(), /saved copy of the events from .*\d{4}/i);
  await page.screenshot({ path: `${SCREENSHOTS}/offline-revisit-1280.png`, fullPage: true });

  // An event page offline, opened by its address.
  const event = newestFirst[1];
  await page.goto(`${server.url}/events/${encodeURIComponent(event.id)}?feed=${encodeURIComponent(FEED_URL)}`);
  await waitUntil(page, (title) => document.querySelector("h1")?.textContent === title, event.title, "the event page is not shown offline");

  // Back online, with a newer event in the feed: it replaces the copy.
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(".recap-event-card");
  writeFileSync(FEED, feedOf(newestFirst));
  await page.context().setOffline(false);
  await waitUntil(page, (first) => document.querySelector(".recap-event-card__title")?.textContent === first, newestFirst[0].title, "the fresh feed did not replace the copy");
  assert.equal(await page.locator(".recap-offline").count(), 0, "no notice once the feed is fresh");
  assert.deepEqual(page.violations, []);
});

test("a new build replaces the old one's files: no mix of the two", async () => {
  const page = await visitedOnline("/");
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.filter((name) => name.startsWith("recap-app-")).length, 1, String(before));

  // A new build: a stylesheet of another hash, named by its pages and its worker.
  const css = readdirSync(SITE).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
  const next = css.replace(/-[0-9a-f]+\./, "-0123456789abcdef.");
  writeFileSync(join(SITE, css), `${readFileSync(join(SITE, css), "utf8")}\n/* next build */\n`);
  renameSync(join(SITE, css), join(SITE, next));
  for (const file of ["index.html", "404.html"]) {
    const html = readFileSync(join(SITE, file), "utf8").replaceAll(css, next).replace(/ integrity=sha384-[^ >]+ rel=stylesheet/, " rel=stylesheet");
    writeFileSync(join(SITE, file), html);
  }
  const worker = readFileSync(join(SITE, "sw.js"), "utf8").replaceAll(css, next).replace(/const BUILD = "[0-9a-f]+"/, 'const BUILD = "next"');
  writeFileSync(join(SITE, "sw.js"), worker);

  // The next visit finds the new worker; it takes over and drops the old build's files.
  await page.reload();
  await waitUntil(page, () => caches.keys().then((keys) => keys.includes("recap-app-next") && keys.filter((k) => k.startsWith("recap-app-")).length === 1), null, async () => `caches: ${await page.evaluate(() => caches.keys())}`);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector(".recap-event-card");
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href?.split("/").pop()));
  assert.ok(sheets.includes(next), `the new stylesheet is in use: ${sheets}`);
  assert.ok(!sheets.includes(css), "not the old one");
});

test("data-offline=\"off\" removes the worker and registers none", async () => {
  const page = await visitedOnline("/");
  const html = readFileSync(join(SITE, "index.html"), "utf8");
  writeFileSync(join(SITE, "index.html"), html.replace("data-recap ", "data-recap data-offline=off "));
  try {
    await page.reload();
    await page.waitForSelector(".recap-event-card");
    await waitUntil(page, () => navigator.serviceWorker.getRegistrations().then((all) => all.length === 0), null, "a worker is still registered");
  } finally {
    writeFileSync(join(SITE, "index.html"), html);
  }
});
