// End to end: a site pre-rendered by `recap-feed pages`. With JavaScript off, the list and an
// event page (the seed-shaped fixture) are readable, with talks, takeaways and time links to
// the video's own site. With JavaScript, the app takes the pre-rendered page over and keeps the
// scroll position, the focus and what was typed before it loaded. A list longer than a screen
// is pre-rendered as far as a tall first screen, and the app fills in the rest below it. A
// talk's moment that the page gives search engines (JSON-LD) opens the event at that talk.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { recapFeed } from "./cli.mjs";
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { errorsBesidesPictures, openPage, waitUntil } from "./browser.mjs";
import { layoutShifts } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

const ROOT = "target/e2e-generated/pages";
const SEED = "2023-06-07-seed-shaped";

// A copy of the built site with `feed` as its feed.json, pre-rendered.
function prerendered(name, feed) {
  const dist = `${ROOT}/${name}`;
  rmSync(dist, { recursive: true, force: true });
  cpSync("dist", dist, { recursive: true });
  copyFileSync(feed, `${dist}/feed.json`);
  recapFeed("pages", `${dist}/feed.json`, "--dist", dist, "--site-url", "https://recaps.example.org/");
  return dist;
}

let seedServer;
let sampleServer;
let longServer;
// The sample's events repeated, a day apart: more than a screen holds.
const LONG = 60;
const file = e2eFile();
before(async () => {
  // The seed-shaped post alone, through the CLI as an organiser would build it.
  const posts = `${ROOT}/seed-posts/_posts`;
  rmSync(`${ROOT}/seed-posts`, { recursive: true, force: true });
  mkdirSync(posts, { recursive: true });
  copyFileSync(`tests/fixtures/posts/_posts/${SEED}.md`, `${posts}/${SEED}.md`);
  recapFeed("build", posts, "--out", `${ROOT}/seed.json`, "--title", "Cloud Native Solent");
  seedServer = await file.serve({ root: prerendered("seed", `${ROOT}/seed.json`) });
  sampleServer = await file.serve({ root: prerendered("sample", "public/feed.json") });
  const sample = JSON.parse(readFileSync("public/feed.json", "utf8"));
  const items = Array.from({ length: LONG }, (_, n) => ({
    ...structuredClone(sample.items[n % sample.items.length]),
    id: `long-${n}`,
    title: `Long meetup ${n}`,
    date_published: new Date(Date.UTC(2025, 11, 31) - n * 86400000).toISOString(),
  }));
  writeFileSync(`${ROOT}/long.json`, JSON.stringify({ ...sample, items }));
  longServer = await file.serve({ root: prerendered("long", `${ROOT}/long.json`) });
});

// Where each card in the viewport is: [title, left, top, width, height], rounded.
const cardsInView = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".recap-event-card")]
      .map((card) => [card.querySelector(".recap-event-card__title").textContent, card.getBoundingClientRect()])
      .filter(([, box]) => box.top < innerHeight && box.bottom > 0)
      .map(([title, box]) => [title, ...[box.left, box.top, box.width, box.height].map(Math.round)]),
  );

// Holds the app's wasm back until the returned function is called.
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\/recap-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("without JavaScript: the list and the seed-shaped event page, with talks, takeaways and time links", async () => {
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${seedServer.url}/`);
    const card = page.locator(".recap-event-card__link");
    assert.equal(await card.count(), 1);
    const href = await card.getAttribute("href");
    assert.equal(href, `/events/${SEED}/`, "links are the pre-rendered pages' directories");
    assert.match(await page.locator(".recap-count").textContent(), /^1 event$/);
    assert.equal(await page.locator("#recap-search").count(), 1, "the search form is there to type into");

    await card.click();
    await page.waitForURL(`**/events/${SEED}/`);
    assert.match(await page.title(), /^Cloud Native Solent June 2023/);
    assert.match(await page.locator("h1").textContent(), /^Cloud Native Solent June 2023/);
    const meta = (selector) => page.locator(selector).getAttribute("content");
    assert.match(await meta('meta[name="description"]'), /^Staging environments, workload identity/);
    assert.match(await meta('meta[property="og:title"]'), /^Cloud Native Solent June 2023/);
    assert.equal(await meta('meta[property="og:image"]'), "https://recaps.example.org/images/2023-06-07-seed-shaped.jpeg");
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute("href"),
      `https://recaps.example.org/events/${SEED}/`,
    );
    assert.equal(await page.locator('meta[name="description"]').count(), 1, "one description");

    const titles = await page.locator(".recap-talk__title").allTextContents();
    assert.equal(titles.length, 3, `the talks: ${titles.join(" | ")}`);
    assert.ok(titles.some((t) => t.startsWith("Short-lived credentials everywhere")), titles.join(" | "));
    const takeaways = await page.locator(".recap-talk__takeaways li").allTextContents();
    assert.ok(takeaways.includes("Federated workload identity lets pipelines authenticate to the cloud with no stored secrets at all."), takeaways.join(" | "));
    // Each time opens the recording on its own site at that moment.
    const times = await page.locator("a.recap-time").evaluateAll((links) =>
      links.map((a) => ({ t: a.dataset.t, href: a.href, text: a.textContent })),
    );
    assert.ok(times.length >= 1);
    for (const { t, href: link } of times) {
      assert.equal(link, `https://www.youtube.com/watch?v=Dk7pW2sYh4T&t=${t}s`);
    }
    assert.ok(times.some((time) => time.t === "183" && time.text === "3:03"), JSON.stringify(times));
    // The post's own sections.
    assert.match(await page.locator(".recap-sponsors").textContent(), /Orchard Ledger/);
    assert.equal(
      await page.locator(".recap-sponsors a").first().getAttribute("rel"),
      "noopener noreferrer nofollow ugc",
    );
    await page.getByRole("link", { name: "← All events" }).click();
    await page.waitForURL(`${seedServer.url}/`);
  } finally {
    await context.close();
  }
});

test("a talk's moment in the page's JSON-LD opens the event at that talk, with the page's policy unbroken", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${seedServer.url}/events/${SEED}/`);
  const documents = await page.evaluate(() =>
    [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
  );
  assert.equal(documents.length, 1, "one JSON-LD document");
  const video = documents[0]["@graph"].find((node) => node["@type"] === "VideoObject");
  assert.deepEqual(
    video.hasPart.map((clip) => clip.startOffset),
    [183, 4075],
    "the two timed talks are the recording's moments",
  );
  const clip = video.hasPart[1];
  assert.equal(clip.url, `https://recaps.example.org/events/${SEED}/?t=4075`);
  // The moment's address, on this server: the app takes the page over at that talk.
  await page.goto(clip.url.replace("https://recaps.example.org", seedServer.url));
  await waitUntil(
    page,
    () => document.querySelector(".recap-takeover:not([hidden]) .recap-video__play")?.textContent.includes("from 1:07:55"),
    undefined,
    async () => `not at 1:07:55: ${await page.locator(".recap-video").first().innerText()}`,
  );
  assert.equal(new URL(page.url()).searchParams.get("t"), "4075");
  assert.deepEqual(errorsBesidesPictures(page), [], "no error, and no policy violation for the data block");
});

test("the app takes over: the same page, no layout shift, scroll, typed text and focus kept", async () => {
  const page = await openPage(file.browser, { width: 800, height: 500 });
  // The app's wasm waits until the visitor has scrolled and typed.
  const release = await holdTheApp(page);
  await page.goto(`${sampleServer.url}/`);
  await page.waitForSelector(".recap-event-card");
  const before = await page.locator("#recap").innerText();
  assert.equal(await page.locator(".recap-event-card").count(), 15);
  // Typed before the app loaded ("Harbourside" is in every title: the list stays as long).
  await page.locator("#recap-search").fill("harbourside");
  await page.evaluate(() => window.scrollTo(0, 400));
  await waitUntil(page, () => window.scrollY === 400, undefined, "the page scrolls");
  release();
  await waitUntil(
    page,
    () => document.querySelector(".recap-takeover:not([hidden])") && !document.querySelector("#recap > .recap"),
    undefined,
    async () => `no takeover: ${await page.locator("#recap").innerHTML()}`.slice(0, 2000),
  );
  await waitUntil(page, () => document.querySelector(".recap-count")?.textContent === "15 of 15 events", undefined, "the search applies");
  assert.equal(await page.evaluate(() => window.scrollY), 400, "the scroll position is kept");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "recap-search", "the focus is kept");
  assert.equal(await page.inputValue("#recap-search"), "harbourside");
  assert.equal(new URL(page.url()).searchParams.get("q"), "harbourside");
  assert.equal(await page.locator("mark.recap-mark").first().textContent(), "Harbourside");
  // The app's links are the pre-rendered directories too.
  assert.match(await page.locator(".recap-event-card__link").first().getAttribute("href"), /^\/events\/[^/]+\/$/);
  // Once the page has stopped changing and painted: every shift since it began.
  assert.deepEqual(await layoutShifts(page), [], "no layout shift");
  assert.ok(before.includes("15 events"));
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("an event page taken over: identical text, no layout shift, and its links still work", async () => {
  const page = await openPage(file.browser);
  const release = await holdTheApp(page);
  await page.goto(`${sampleServer.url}/events/2024-05-01-harbourside-cloud-native-may-2024/`);
  await page.waitForSelector(".recap-talk");
  const text = () => page.locator("#recap .recap-talks").innerText();
  const pre = await text();
  release();
  await waitUntil(page, () => document.querySelector(".recap-takeover:not([hidden]) .recap-video__play"), undefined, "no takeover");
  assert.equal(await text(), pre, "the same talks");
  assert.deepEqual(await layoutShifts(page), [], "no layout shift");
  await page.locator(".recap-pager a").first().click();
  await waitUntil(page, () => /\/events\/[^/]+\/$/.test(location.pathname) && !location.pathname.includes("may-2024"), undefined, "the pager opens another event in place");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("a long list: pre-rendered as far as a tall first screen, at every width", async () => {
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // The narrowest one-column width, a tablet's, the narrowest three columns, a wide screen.
    for (const [width, height] of [[320, 1440], [700, 1440], [1000, 1440], [2560, 1440]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${longServer.url}/`);
      const { cards, bottom, columns } = await page.evaluate(() => {
        const cards = [...document.querySelectorAll(".recap-event-card")];
        const tops = new Set(cards.map((c) => Math.round(c.getBoundingClientRect().top)));
        return { cards: cards.length, bottom: cards.at(-1).getBoundingClientRect().bottom, columns: cards.length / tops.size };
      });
      assert.ok(cards < LONG, `${width}×${height}: ${cards} cards pre-rendered, the whole list`);
      assert.ok(bottom >= height, `${width}×${height}: the ${cards} pre-rendered cards end at ${bottom} px, above the screen's bottom`);
      assert.ok(width < 1000 || columns >= 3, `${width}×${height}: ${columns} columns`);
      assert.equal(await page.locator(".recap-count").textContent(), `${LONG} events`);
    }
  } finally {
    await context.close();
  }
});

test("a long list taken over: the app fills in the cards below the first screen, moving none on it", async () => {
  for (const [width, height] of [[1280, 900], [320, 1440]]) {
    const page = await openPage(file.browser, { width, height });
    const release = await holdTheApp(page);
    await page.goto(`${longServer.url}/`);
    await page.waitForSelector(".recap-event-card");
    const preRendered = await page.locator(".recap-event-card").count();
    const before = await cardsInView(page);
    release();
    await waitUntil(
      page,
      (n) => document.querySelector(".recap-takeover:not([hidden])") && !document.querySelector("#recap > .recap") && document.querySelectorAll(".recap-event-card").length > n,
      preRendered,
      async () => `no takeover with more cards: ${await page.locator(".recap-event-card").count()} cards`,
    );
    // Once the page has stopped changing and painted: every shift since it began.
    assert.deepEqual(await layoutShifts(page), [], `${width}×${height}: no layout shift`);
    assert.deepEqual(await cardsInView(page), before, `${width}×${height}: the first screen's cards where they were`);
    assert.ok(before.length > 0);
    assert.deepEqual(errorsBesidesPictures(page), []);
    await page.context().close();
  }
});
