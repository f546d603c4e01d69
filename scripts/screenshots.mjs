#!/usr/bin/env node
// Takes the README's pictures again from the bundled sample feed: an event page (the recording,
// its chapter bar, the talks with their times) and the list, in headless Chromium over the built
// site.
//
//   node scripts/screenshots.mjs [--dist DIR] [--event ID] [--out DIR]
//
// DIR is a release build (default dist/: `source scripts/setup.sh && trunk build --release`),
// which carries the sample feed; pictures go to docs/ (screenshot-event.png, screenshot-list.png).
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const args = process.argv.slice(2);
let dist = "dist";
let out = "docs";
// An event of the sample with a recording and four timed talks.
let event = "2025-02-05-harbourside-cloud-native-february-2025";
for (let i = 0; i < args.length; i++) {
  const value = () => {
    if (args[i + 1] === undefined) {
      console.error(`screenshots: ${args[i]} takes a value`);
      process.exit(2);
    }
    return args[++i];
  };
  if (args[i] === "--dist") dist = value();
  else if (args[i] === "--out") out = value();
  else if (args[i] === "--event") event = value();
  else {
    console.error(`screenshots: unknown argument ${args[i]} (usage: node scripts/screenshots.mjs [--dist DIR] [--event ID] [--out DIR])`);
    process.exit(2);
  }
}
if (!existsSync(join(dist, "index.html")) || !existsSync(join(dist, "feed.json"))) {
  console.error(`screenshots: ${dist}/ is not a built site with the sample feed (run: source scripts/setup.sh && trunk build --release)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const VIEWPORT = { width: 1200, height: 800 };
// Tall enough for an event's heading, its recording and the chapter bar at once.
const EVENT_VIEWPORT = { width: 1200, height: 1080 };
const WAIT = { timeout: 20_000 };

// Every picture in view has loaded (or failed and shows its placeholder); lazy ones below the
// fold are not fetched at all.
const picturesSettled = () =>
  [...document.querySelectorAll("img")]
    .filter((img) => {
      const box = img.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight && box.width > 0;
    })
    .every((img) => img.complete);

const server = await startServer({ root: dist });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light", deviceScaleFactor: 1, serviceWorkers: "block" });
  const page = await context.newPage();
  // Nothing leaves the machine: the sample's pictures of its fictional site, and any player.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());

  await page.setViewportSize(EVENT_VIEWPORT);
  await page.goto(`${server.url}/events/${encodeURIComponent(event)}`);
  await page.locator(".recap-chapters__button").first().waitFor(WAIT);
  await page.locator(".recap-talk__time").first().waitFor(WAIT);
  await page.waitForFunction(picturesSettled, null, WAIT);
  // The recording with its chapter bar in view, the talks beside it.
  await page.evaluate(() => {
    const bar = document.querySelector(".recap-chapters").getBoundingClientRect();
    scrollTo(0, Math.max(0, scrollY + bar.bottom + 24 - innerHeight));
  });
  await page.waitForFunction(picturesSettled, null, WAIT);
  await page.evaluate(() => document.fonts.ready);
  const eventFile = join(out, "screenshot-event.png");
  await page.screenshot({ path: eventFile });

  await page.setViewportSize(VIEWPORT);
  await page.goto(`${server.url}/`);
  await page.locator(".recap-event-card").first().waitFor(WAIT);
  await page.waitForFunction(picturesSettled, null, WAIT);
  await page.evaluate(() => document.fonts.ready);
  const listFile = join(out, "screenshot-list.png");
  await page.screenshot({ path: listFile });

  for (const file of [eventFile, listFile]) console.log(`${file}: ${statSync(file).size} B`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
