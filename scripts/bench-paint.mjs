#!/usr/bin/env node
// Paint of the first screen, side by side in one run, in headless Chromium over local servers:
// the app on a site pre-rendered by `recap-feed pages`, the same app without pre-rendering
// (client-rendered, for reference), and a static page of the same first screen (the
// pre-rendered HTML with every script removed: the floor). Synthetic feeds of 100 and 1,000
// events (sample events repeated, ~3 KB each with talks), and an event page. Median of 7 runs.
//
//   trunk build --release && node scripts/bench-paint.mjs
//
// "Painted" is the later of the first contentful paint and the moment the first event card (or
// talk) enters the document: for pre-rendered and static pages the first paint, which already
// shows them; for the client-rendered app, when its list is built. A benchmark, not a test: it
// prints a table and fails only if a page does not show its content.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { markInserted, median, paintedAt, prerender, staticCopy } from "./bench-lib.mjs";

const RUNS = 7;
const OUT = "target/bench-paint";
const sample = JSON.parse(readFileSync("public/feed.json", "utf8"));

// `count` events, newest first, one a day back from 2025-12-31, cycling through the sample's.
export function syntheticFeed(count) {
  const items = [];
  for (let n = 0; n < count; n++) {
    const item = structuredClone(sample.items[n % sample.items.length]);
    item.id = `${item.id}-${n}`;
    const day = new Date(Date.UTC(2025, 11, 31) - n * 86400000);
    item.date_published = day.toISOString().replace(".000Z", "Z");
    items.push(item);
  }
  return { ...sample, items };
}

function site(name, feed, prerendered) {
  const dir = `${OUT}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync("dist", dir, { recursive: true });
  writeFileSync(`${dir}/feed.json`, JSON.stringify(feed));
  if (prerendered) prerender(dir);
  return dir;
}

async function paint(browser, url, selector) {
  const page = await openPage(browser);
  await markInserted(page, selector);
  await page.goto(url);
  const time = await paintedAt(page, selector);
  await page.context().close();
  return time;
}

mkdirSync(OUT, { recursive: true });
const browser = await launch();
const rows = [];
try {
  for (const count of [100, 1000]) {
    const feed = syntheticFeed(count);
    const pre = site(`pre-${count}`, feed, true);
    const plain = site(`plain-${count}`, feed, false);
    writeFileSync(`${pre}/static.html`, staticCopy(readFileSync(`${pre}/index.html`, "utf8")));
    const event = encodeURIComponent(feed.items[0].id);
    writeFileSync(`${pre}/events/${event}/static.html`, staticCopy(readFileSync(`${pre}/events/${event}/index.html`, "utf8")));
    const servers = [await startServer({ root: pre }), await startServer({ root: plain })];
    try {
      const cases = [
        [`list, ${count} events`, ".recap-event-card__title", `${servers[0].url}/`, `${servers[1].url}/`, `${servers[0].url}/static.html`],
        [`event page (${count}-event feed)`, ".recap-talk", `${servers[0].url}/events/${event}/`, `${servers[1].url}/events/${event}`, `${servers[0].url}/events/${event}/static.html`],
      ];
      for (const [label, selector, ...urls] of cases) {
        const times = urls.map(() => []);
        // Interleaved, so that the machine's load falls on all three alike.
        for (let run = 0; run < RUNS; run++) {
          for (const [n, url] of urls.entries()) times[n].push(await paint(browser, url, selector));
        }
        const [app, client, floor] = times.map(median);
        rows.push([label, app, client, floor]);
      }
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  }
} finally {
  await browser.close();
}
console.log("| page | app, pre-rendered | app, client-rendered | static page | pre-rendered / static |");
console.log("|---|---|---|---|---|");
for (const [label, app, client, floor] of rows) {
  console.log(`| ${label} | ${app.toFixed(0)} ms | ${client.toFixed(0)} ms | ${floor.toFixed(0)} ms | ${(app / floor).toFixed(2)}× |`);
}
