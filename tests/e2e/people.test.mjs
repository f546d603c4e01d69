// End to end: the speakers' and organisations' pages in the app. A speaker's name on an event
// page and in the search's results opens their page, whose time links open each event at its
// talk's moment; the speakers' list is searched as it is typed; a paginated archive's speaker
// page is read from its people's index alone (not the search index, not the pages); the people module is fetched only when a people page is
// opened; and a pre-rendered people page reads without script and is taken over by the same page.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { errorsBesidesPictures, openPage, waitUntil } from "./browser.mjs";
import { buildFixtures, recapFeed } from "./cli.mjs";
import { requestsSettled } from "./settle.mjs";
import { sample } from "./sample.mjs";
import { e2eFile } from "./fixture.mjs";

const ROOT = "target/e2e-generated/people";
const PAGE_SIZE = 8;

// Every talk of the sample given by `name`, newest first: as the speaker's page lists them.
const talksOf = (feed, name) =>
  [...feed.items]
    .sort((a, b) => (b.date_published ?? "").localeCompare(a.date_published ?? ""))
    .flatMap((item) =>
      (item._recap?.talks ?? [])
        .map((talk, n) => ({ item, talk, n }))
        .filter(({ talk }) => talk.speakers.some((s) => s.name === name)),
    );

// What a people page shows: its heading, and each talk's title, event link and time link.
const peoplePage = (page) =>
  page.evaluate(() => ({
    heading: document.querySelector(".recap-page-title")?.textContent,
    title: document.title,
    talks: [...document.querySelectorAll(".recap-people-page .recap-talk")].map((li) => ({
      title: li.querySelector(".recap-talk__title")?.textContent,
      event: li.querySelector(".recap-talk__speakers a")?.getAttribute("href"),
      time: li.querySelector("a.recap-time")?.getAttribute("href") ?? null,
      takeaways: li.querySelectorAll(".recap-talk__takeaways li").length,
    })),
  }));

let server;
let pagesServer;
let whole;
const file = e2eFile();
before(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(`${ROOT}/paged`, { recursive: true });
  buildFixtures(`${ROOT}/whole.json`);
  buildFixtures(`${ROOT}/paged/feed.json`, "--page-size", String(PAGE_SIZE));
  whole = JSON.parse(readFileSync(`${ROOT}/whole.json`, "utf8"));
  server = await file.serve();
  // The sample, pre-rendered.
  const dist = `${ROOT}/pages`;
  cpSync("dist", dist, { recursive: true });
  copyFileSync("public/feed.json", `${dist}/feed.json`);
  recapFeed("pages", `${dist}/feed.json`, "--dist", dist);
  pagesServer = await file.serve({ root: dist });
});

test("a speaker's name on an event page opens their page, and its time link the event at that talk", async () => {
  // A speaker of the sample with a timed talk.
  const item = sample.items.find((i) => (i._recap?.talks ?? []).some((t) => t.start && t.speakers.length));
  const talk = item._recap.talks.find((t) => t.start && t.speakers.length);
  const name = talk.speakers[0].name;
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/events/${encodeURIComponent(item.id)}`);
  const link = page.locator(".recap-talk__speakers a", { hasText: name }).first();
  await link.waitFor();
  await requestsSettled(page);
  assert.deepEqual(page.requests.filter((u) => /recap-people/.test(u)), [], "not fetched before it is needed");

  await link.click();
  await waitUntil(page, (n) => document.querySelector(".recap-page-title")?.textContent === n, name, "the speaker's page");
  assert.match(new URL(page.url()).pathname, /^\/speakers\/[a-z0-9-]+\/$/);
  // The focus the link had goes to the new page's heading, written after the module came.
  await waitUntil(page, () => document.activeElement?.matches("h1.recap-page-title"), undefined, "the heading has the focus");
  const shown = await peoplePage(page);
  const expected = talksOf(sample, name);
  assert.deepEqual(
    shown.talks.map((t) => t.title),
    expected.map(({ talk, n }) => talk.title ?? `Talk ${n + 1}`),
  );
  assert.match(shown.title, new RegExp(`^${name}: talks at `));
  assert.deepEqual(
    page.requests.filter((u) => /recap-people/.test(u)).map((u) => new URL(u).pathname),
    ["/recap-people.js", "/recap-people_bg.wasm"],
  );

  // The time link opens the event at that moment, in place.
  const at = shown.talks.findIndex((t) => t.time);
  assert.ok(at >= 0, JSON.stringify(shown.talks));
  const { item: event, talk: timed } = expected[at];
  await page.locator(".recap-people-page a.recap-time").first().click();
  await page.waitForURL((url) => url.pathname === `/events/${encodeURIComponent(event.id)}` && url.searchParams.get("t") === String(timed.start));
  await page.locator(".recap-talk__takeaways").first().waitFor();
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("the speakers' list is searched as it is typed, the search box keeping the focus", async () => {
  const names = new Set(sample.items.flatMap((i) => (i._recap?.talks ?? []).flatMap((t) => t.speakers.map((s) => s.name))));
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/speakers/`);
  const entries = page.locator(".recap-people__list li");
  await waitUntil(page, (n) => document.querySelectorAll(".recap-people__list li").length === n, names.size, "every speaker");
  const one = [...names].find((n) => n.includes(" "));
  const surname = one.split(" ").at(-1);
  const search = page.locator("#recap-people-search");
  await search.pressSequentially(surname.toUpperCase());
  const wanted = [...names].filter((n) => n.toLowerCase().includes(surname.toLowerCase())).length;
  await waitUntil(page, (n) => document.querySelectorAll(".recap-people__list li").length === n, wanted, "the speakers found");
  assert.ok(wanted >= 1 && wanted < names.size);
  assert.ok((await entries.allTextContents()).every((t) => t.toLowerCase().includes(surname.toLowerCase())));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "recap-people-search");
  await search.press("Enter");
  await search.pressSequentially("zzzz");
  await page.getByText("No speaker matches this search.").waitFor();
  assert.equal(new URL(page.url()).pathname, "/speakers/", "the page stays where it is");
  await search.fill("");
  await search.dispatchEvent("input");
  await waitUntil(page, (n) => document.querySelectorAll(".recap-people__list li").length === n, names.size, "every speaker again");

  // An address with a search shows what it found.
  await page.goto(`${server.url}/speakers/?q=${encodeURIComponent(surname)}`);
  await waitUntil(page, (n) => document.querySelectorAll(".recap-people__list li").length === n, wanted, "the search of the address");
  assert.equal(await search.inputValue(), surname);
  // No such person: the page says so.
  await page.goto(`${server.url}/speakers/no-such-person/`);
  await page.locator(".recap-not-found, h1", { hasText: "isn’t here" }).first().waitFor();
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("a speaker found by the list's search links to their page", async () => {
  const item = sample.items.find((i) => (i._recap?.talks ?? []).some((t) => t.title && t.speakers.length));
  const name = item._recap.talks.find((t) => t.title && t.speakers.length).speakers[0].name;
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.locator(".recap-event-card__title").first().waitFor();
  await page.locator("#recap-search").pressSequentially(name);
  const link = page.locator(".recap-event-card__matches a", { hasText: name }).first();
  await link.click();
  await waitUntil(page, (n) => document.querySelector(".recap-page-title")?.textContent === n, name, "the speaker's page");
  assert.ok((await peoplePage(page)).talks.length >= 1);
});

test("in a paginated archive, a speaker's page needs the people's index alone: every talk, moment and takeaway", async () => {
  // The speaker of the fixtures with the most talks, on more than one page of the feed.
  const counts = new Map();
  for (const item of whole.items) {
    for (const talk of item._recap?.talks ?? []) {
      for (const s of talk.speakers) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
    }
  }
  const [name] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const expected = talksOf(whole, name);
  const pages = new Set(expected.map(({ item }) => Math.floor(whole.items.indexOf(item) / PAGE_SIZE)));
  assert.ok(pages.size >= 3, `${name} speaks on ${pages.size} pages`);

  const page = await openPage(file.browser);
  await page.goto(`${server.url}/speakers/?feed=/generated/people/paged/feed.json`);
  const entry = page.locator(".recap-people__list a", { hasText: name }).first();
  await entry.click();
  await waitUntil(page, (n) => document.querySelector(".recap-page-title")?.textContent === n, name, "the speaker's page");
  const shown = await peoplePage(page);
  assert.deepEqual(
    shown.talks.map((t) => [t.title, t.takeaways]),
    expected.map(({ talk, n }) => [talk.title ?? `Talk ${n + 1}`, talk.takeaways?.length ?? 0]),
  );
  assert.deepEqual(
    shown.talks.map((t) => t.time && new URL(t.time, server.url).searchParams.get("t")),
    expected.map(({ talk }) => (talk.start ? String(talk.start) : null)),
  );
  await requestsSettled(page);
  const fetched = page.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith("/generated/"));
  assert.deepEqual([...new Set(fetched)].sort(), ["/generated/people/paged/feed-people.json", "/generated/people/paged/feed.json"]);
});

test("a pre-rendered people page reads without script, and the app takes it over with the same page", async () => {
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  let names;
  try {
    const page = await context.newPage();
    await page.goto(`${pagesServer.url}/speakers/`);
    names = await page.locator(".recap-people__list h2").allTextContents();
    assert.ok(names.length > 10, names.join(" | "));
    await page.locator(".recap-people__list a").first().click();
    await page.waitForURL(/\/speakers\/[a-z0-9-]+\/$/);
    assert.ok((await page.locator(".recap-talk").count()) >= 1);
  } finally {
    await context.close();
  }
  const page = await openPage(file.browser);
  await page.goto(`${pagesServer.url}/speakers/`);
  await page.locator(".recap-people-page").waitFor();
  assert.deepEqual(await page.locator(".recap-people__list h2").allTextContents(), names);
  await page.locator("#recap-people-search").pressSequentially(names[0]);
  await waitUntil(page, () => document.querySelectorAll(".recap-people__list li").length === 1, undefined, "one speaker found");
  assert.deepEqual(errorsBesidesPictures(page), []);
});
