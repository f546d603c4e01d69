#!/usr/bin/env node
// Time from navigation to the first event card, in headless Chromium over the built dist/
// served locally: the sample feed, 1,000 events with their talks, and the same 1,000 events
// without talks (read in the browser by the on-demand extractor). Median of 5 runs each.
//
//   trunk build --release && node scripts/bench-first-card.mjs
//
// A benchmark, not a test: it prints figures and fails only if the page does not show events.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const RUNS = 5;
const OUT = "target/bench-generated";
mkdirSync(OUT, { recursive: true });

const sample = JSON.parse(readFileSync("public/feed.json", "utf8"));
function many(count, { talks }) {
  const items = [];
  for (let n = 0; n < count; n++) {
    const item = structuredClone(sample.items[n % sample.items.length]);
    item.id = `${item.id}-${n}`;
    const day = new Date(Date.UTC(2025, 11, 31) - n * 86400000);
    item.date_published = day.toISOString().replace(".000Z", "Z");
    item.image = null;
    if (!talks) delete item._recap.talks;
    items.push(item);
  }
  return { ...sample, items };
}
writeFileSync(`${OUT}/1000.json`, JSON.stringify(many(1000, { talks: true })));
writeFileSync(`${OUT}/1000-no-talks.json`, JSON.stringify(many(1000, { talks: false })));

const server = await startServer({ generated: OUT });
const browser = await launch();
const cases = [
  ["sample feed (15 events)", "/"],
  ["1,000 events with talks", "/?feed=/generated/1000.json"],
  ["1,000 events, talks read in the browser", "/?feed=/generated/1000-no-talks.json"],
];
try {
  for (const [label, path] of cases) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await openPage(browser);
      // Marks the moment the first card enters the page, not when this script notices it.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector(".recap-event-card__title")) {
            performance.mark("first-card");
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector(".recap-event-card__title");
      times.push(
        await page.evaluate(() => performance.getEntriesByName("first-card")[0].startTime),
      );
      await page.context().close();
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`);
  }
} finally {
  await browser.close();
  await server.close();
}
