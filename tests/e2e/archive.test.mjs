// End to end: large archives. A long list holds a bounded number of nodes however far it is
// scrolled; a paginated feed with its search index finds and opens events on pages not loaded.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { closePages, launch, openPage, waitUntil } from "./browser.mjs";
import { sample } from "./sample.mjs";
import { startServer } from "./server.mjs";

// The most elements the page may hold while the list is scrolled.
const MAX_ELEMENTS = 3000;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
afterEach(closePages);
after(async () => {
  await closePages();
  await browser?.close();
  await server?.close();
});

// `count` events, one a week back from December 2025, titled with their place in the feed.
function archive(count, name) {
  const items = [];
  for (let n = 0; n < count; n++) {
    const item = structuredClone(sample.items[n % sample.items.length]);
    item.id = `${name}-${n}`;
    item.title = `Archive meetup ${n}`;
    item.date_published = new Date(Date.UTC(2025, 11, 3) - n * 7 * 86400000).toISOString();
    items.push(item);
  }
  return items;
}

// Scrolls the list a viewport at a time until the card titled `last` is seen. Returns the titles
// seen, in order of first sight, and the most elements the document held at any step.
async function scrollThrough(page, last) {
  const seen = [];
  const known = new Set();
  let most = 0;
  for (let step = 0; step < 2000; step++) {
    // Settled: every list in view has its cards, and the end, if in view, has nothing to add.
    await waitUntil(page, () => {
      const inView = (el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      };
      const lists = [...document.querySelectorAll(".recap-events")].filter(inView);
      return lists.every((ul) => ul.children.length > 0) && lists.length > 0;
    }, undefined, `the cards in view at step ${step}`);
    const { titles, elements } = await page.evaluate(() => ({
      titles: [...document.querySelectorAll(".recap-event-card__title")].map((e) => e.textContent),
      elements: document.getElementsByTagName("*").length,
    }));
    most = Math.max(most, elements);
    for (const title of titles) {
      if (!known.has(title)) {
        known.add(title);
        seen.push(title);
      }
    }
    if (known.has(last)) return { seen, most };
    await page.evaluate(() => scrollBy(0, innerHeight));
  }
  throw new Error("the end of the list was not reached");
}

for (const [width, height] of [[1280, 900], [360, 740]]) {
  test(`2,000 events in one feed, ${width}×${height}: scrolled to the end, every event is seen in order and the page stays under 3,000 elements`, async () => {
    const items = archive(2000, "long");
    mkdirSync("target/e2e-generated", { recursive: true });
    writeFileSync("target/e2e-generated/archive-2000.json", JSON.stringify({ ...sample, items }));
    const page = await openPage(browser, { width, height });
    await page.goto(`${server.url}/?feed=/generated/archive-2000.json`);
    await page.waitForSelector(".recap-event-card__title");
    assert.equal(await page.textContent(".recap-count"), "2000 events");
    const { seen, most } = await scrollThrough(page, items.at(-1).title);
    assert.deepEqual(seen, items.map((i) => i.title));
    assert.ok(most <= MAX_ELEMENTS, `the page held ${most} elements`);
    console.log(`# ${width}×${height}: at most ${most} elements`);
    // Back at the top, the first cards are there again.
    await page.evaluate(() => scrollTo(0, 0));
    await waitUntil(page, (t) => document.querySelector(".recap-event-card__title")?.textContent === t, items[0].title, "the first card again");
  });
}
