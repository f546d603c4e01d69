// End to end: a feed without `_recap.talks` (what examples/jekyll/feed.json produces) gets its
// talks in the browser, from content_html, the same as the CLI extracts them from Markdown.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { buildFixtures } from "./cli.mjs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { errorsBesidesPictures, openPage, SCREENSHOTS, waitUntil } from "./browser.mjs";
import { eventPath, feedTalks, goInApp, shownTalks, talkCount } from "./sample.mjs";
import { domSettled, requestsSettled } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

let server;
let cliFeed;
const file = e2eFile();
before(async () => {
  mkdirSync("target/e2e-generated", { recursive: true });
  buildFixtures("target/e2e-generated/fixtures.json");
  cliFeed = JSON.parse(readFileSync("target/e2e-generated/fixtures.json", "utf8"));
  const bare = structuredClone(cliFeed);
  for (const item of bare.items) delete item._recap.talks;
  writeFileSync("target/e2e-generated/no-talks.json", JSON.stringify(bare));
  server = await file.serve();
});

// The list paints its first 50 cards at once and the rest as its end comes into view; there are
// more fixtures than that, and fewer than the list ever empties (96), so scrolled to the end, all
// are there.
async function allCards(page) {
  await page.waitForFunction((n) => {
    scrollTo(0, document.documentElement.scrollHeight);
    return document.querySelectorAll(".recap-event-card").length >= n;
  }, cliFeed.items.length);
  await page.evaluate(() => scrollTo(0, 0));
}

test("a feed without talks: each event shows the talks the CLI found, read from content_html", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/no-talks.json`);
  await page.waitForSelector(".recap-event-card__title");
  await allCards(page);
  const shown = await page.$$eval(".recap-event-card", (cards) =>
    cards.map((c) => [
      c.querySelector(".recap-event-card__title").textContent,
      c.querySelector(".recap-event-card__talks").textContent,
    ]),
  );
  assert.deepEqual(shown, cliFeed.items.map((i) => [i.title, talkCount(i._recap.talks.length)]));
  assert.ok(cliFeed.items.filter((i) => i._recap.talks.length > 0).length >= 30);
  // The extractor is a module of its own, fetched once, for such a feed only.
  assert.deepEqual(
    page.requests.filter((u) => /recap-extract/.test(u)).map((u) => new URL(u).pathname),
    ["/recap-extract.js", "/recap-extract_bg.wasm"],
  );
  assert.deepEqual(errorsBesidesPictures(page), []);
  await page.screenshot({ path: `${SCREENSHOTS}/extracted-in-browser.png` });
});

test("a feed with its talks never fetches the extractor", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/fixtures.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.locator(".recap-event-card__talks").first().textContent(), talkCount(cliFeed.items[0]._recap.talks.length));
  // "Never" once the page has stopped changing and every request it started has been seen.
  await domSettled(page);
  await requestsSettled(page);
  assert.deepEqual(page.requests.filter((u) => /recap-extract/.test(u)), []);
});

test("when the extractor cannot be loaded, the events are shown without talks and the page says why", async () => {
  const page = await openPage(file.browser);
  await page.route("**/recap-extract*", (route) => route.abort());
  await page.goto(`${server.url}/?feed=/generated/no-talks.json`);
  await page.waitForSelector(".recap-event-card__title");
  await allCards(page);
  assert.equal(await page.locator(".recap-event-card").count(), cliFeed.items.length);
  const problems = page.locator(".recap-problems");
  assert.match(await problems.locator("summary").textContent(), /small problems; every event is shown/);
  await problems.locator("summary").click();
  assert.match(await problems.locator("li").first().textContent(), /^items: the talks in the posts could not be read here: /);
});

test("an event of a feed without talks: its page shows the talks read in the browser", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/no-talks.json`);
  await page.waitForSelector(".recap-event-card__title");
  const seedlike = cliFeed.items.find((i) => i.id === "2023-06-07-seed-shaped");
  const card = page.locator(".recap-event-card", { hasText: seedlike.title });
  assert.equal(await card.locator(".recap-event-card__talks").textContent(), `${seedlike._recap.talks.length} talks`);
  await card.getByRole("link").click();
  await page.waitForSelector(".recap-talk");
  assert.match(page.url(), /feed=%2Fgenerated%2Fno-talks\.json/);
  const titles = await page.$$eval(".recap-talk__title", (els) => els.map((e) => e.textContent));
  assert.deepEqual(titles, seedlike._recap.talks.map((t, n) => t.title ?? `Talk ${n + 1}`));
  const times = await page.$$eval(".recap-time", (els) => els.map((e) => e.textContent));
  assert.deepEqual(times, ["3:03", "1:07:55"]);
});

test("a feed without talks: every event page shows the titles, speakers and times the CLI found", async () => {
  const page = await openPage(file.browser);
  const feed = "feed=%2Fgenerated%2Fno-talks.json";
  await page.goto(`${server.url}/?${feed}`);
  await page.waitForSelector(".recap-event-card__title");
  await allCards(page);
  const mismatches = [];
  for (const item of cliFeed.items) {
    // In place: one load of the feed and one extraction for all the pages.
    await goInApp(page, `${eventPath(item.id)}?${feed}`);
    await waitUntil(
      page,
      (title) => document.querySelector(".recap-event h1")?.textContent === title && !document.querySelector(".recap-event-card"),
      item.title,
      `the event page of ${item.id} did not open`,
    );
    const shown = await shownTalks(page);
    const expected = feedTalks(item._recap.talks);
    if (JSON.stringify(shown) !== JSON.stringify(expected)) mismatches.push({ id: item.id, shown, expected });
  }
  assert.deepEqual(mismatches, [], "every event's talks as the CLI found them");
  assert.ok(cliFeed.items.reduce((n, i) => n + i._recap.talks.length, 0) >= 80);
  assert.deepEqual(errorsBesidesPictures(page), []);
});
