// End to end: large archives. A long list holds a bounded number of nodes however far it is
// scrolled; a paginated feed with its search index finds and opens events on pages not loaded.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { buildFixtures } from "./cli.mjs";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { openPage, waitUntil } from "./browser.mjs";
import { eventPath, sample } from "./sample.mjs";
import { domSettled, requestsSettled } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

// The most elements the page may hold while the list is scrolled.
const MAX_ELEMENTS = 3000;

// The fixture posts as a feed in pages of 8 with its search index, and as one page.
const PAGED = "target/e2e-generated/archive-paged";
const PAGE_SIZE = 8;
let pages;
let whole;

let server;
const file = e2eFile();
before(async () => {
  rmSync(PAGED, { recursive: true, force: true });
  mkdirSync(PAGED, { recursive: true });
  buildFixtures(`${PAGED}/feed.json`, "--page-size", String(PAGE_SIZE));
  buildFixtures(`${PAGED}/whole.json`);
  whole = JSON.parse(readFileSync(`${PAGED}/whole.json`, "utf8")).items;
  pages = readdirSync(PAGED).filter((f) => /^feed(-\d+)?\.json$/.test(f)).length;
  server = await file.serve();
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
    const page = await openPage(file.browser, { width, height });
    await page.goto(`${server.url}/?feed=/generated/archive-2000.json`);
    await page.waitForSelector(".recap-event-card__title");
    assert.equal(await page.textContent(".recap-count"), "2,000 events");
    const { seen, most } = await scrollThrough(page, items.at(-1).title);
    assert.deepEqual(seen, items.map((i) => i.title));
    assert.ok(most <= MAX_ELEMENTS, `the page held ${most} elements`);
    console.log(`# ${width}×${height}: at most ${most} elements`);
    // Back at the top, the first cards are there again.
    await page.evaluate(() => scrollTo(0, 0));
    await waitUntil(page, (t) => document.querySelector(".recap-event-card__title")?.textContent === t, items[0].title, "the first card again");
  });
}

// The fetches of the paginated feed's files: page names and the index.
const archiveFiles = (page) =>
  page.requests.map((u) => new URL(u).pathname).filter((p) => p.includes("/archive-paged/")).map((p) => p.split("/").pop());

test("a paginated feed: the first page at once, older pages as the list is scrolled, the index only on a search", async () => {
  assert.ok(pages >= 10, `${pages} pages`);
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/archive-paged/feed.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent(".recap-count"), `${whole.length} events`);
  // Scrolled to the end, page after page comes in, in order, until the oldest event.
  const { seen } = await scrollThrough(page, whole.at(-1).title);
  assert.deepEqual(seen, whole.map((i) => i.title));
  const files = archiveFiles(page);
  assert.equal(files.filter((f) => f === "feed-2.json").length, 1, files.join(" "));
  assert.ok(!files.includes("feed-index.json"), "no index without a search");
  assert.deepEqual(page.requests.filter((u) => /recap-index/.test(u)), []);
});

test("a paginated feed: a search finds an event on the last page through the index, and it opens", async () => {
  const oldest = whole.at(-1);
  const talk = oldest._recap.talks.find((t) => t.title)?.title ?? oldest.title;
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/archive-paged/feed.json`);
  await page.waitForSelector(".recap-event-card__title");
  const search = page.getByLabel("Search talks, speakers, organisations");
  await search.focus();
  await search.pressSequentially(talk, { delay: 5 });
  await waitUntil(page, (t) => [...document.querySelectorAll(".recap-event-card__title")].some((e) => e.textContent === t),
    oldest.title, `a card for ${oldest.title}`);
  const count = await page.textContent(".recap-count");
  assert.match(count, new RegExp(`^\\d+ of ${whole.length} events$`));
  // The matches are those of every event, whatever page it is on.
  const words = talk.toLowerCase().split(/\s+/).filter(Boolean);
  const expected = whole.filter((i) => words.every((w) => JSON.stringify([i.title, i.tags, i._recap?.location,
    (i._recap?.talks ?? []).map((t) => [t.title, t.speakers])]).toLowerCase().includes(w)));
  assert.equal(Number(count.split(" ")[0]), expected.length, count);
  // Its page was not fetched: the card is the index's (asked once the page has settled and
  // every request it started has been seen).
  await domSettled(page);
  await requestsSettled(page);
  assert.ok(!archiveFiles(page).includes(`feed-${pages}.json`));
  await page.locator(".recap-event-card", { hasText: oldest.title }).getByRole("link").first().click();
  await waitUntil(page, (t) => document.querySelector(".recap-event h1")?.textContent === t, oldest.title, "the event page");
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), decodeURIComponent(eventPath(oldest.id)));
  // Only its page was fetched, not the ones between.
  const files = archiveFiles(page);
  assert.ok(files.includes(`feed-${pages}.json`), files.join(" "));
  assert.ok(!files.includes("feed-2.json") && !files.includes(`feed-${pages - 1}.json`), files.join(" "));
  assert.ok((await page.locator(".recap-talk").count()) >= 1, "its talks, from its page");
});

test("a paginated feed: an address of the oldest event opens it, through the index", async () => {
  const oldest = whole.at(-1);
  const page = await openPage(file.browser);
  await page.goto(`${server.url}${eventPath(oldest.id)}?feed=/generated/archive-paged/feed.json`);
  await waitUntil(page, (t) => document.querySelector(".recap-event h1")?.textContent === t, oldest.title, "the oldest event's page");
  assert.ok((await page.title()).startsWith(oldest.title), await page.title());
  const files = archiveFiles(page);
  assert.deepEqual(files.filter((f) => f !== "feed.json").sort(), ["feed-index.json", `feed-${pages}.json`].sort(), files.join(" "));
  // An id no page holds is not found, once the index has said so.
  await page.goto(`${server.url}${eventPath("no-such-event")}?feed=/generated/archive-paged/feed.json`);
  await page.getByRole("link", { name: "See all events" }).waitFor();
});
