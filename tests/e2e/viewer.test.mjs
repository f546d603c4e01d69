// End to end: browsing the viewer as a visitor would, over the built site.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { axe, errorsBesidesPictures, openPage, SCREENSHOTS, waitUntil } from "./browser.mjs";
import { cardTitles, eventPath, newestFirst, sample } from "./sample.mjs";
import { e2eFile } from "./fixture.mjs";

const years = [...new Set(newestFirst.map((i) => i.date_published.slice(0, 4)))];

let server;
const file = e2eFile();
before(async () => {
  server = await file.serve();
});

test("the list groups events by year, newest first, with pictures or a placeholder", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await page.$$eval(".recap-year__title", (els) => els.map((e) => e.textContent)), years);
  assert.deepEqual(await cardTitles(page), newestFirst.map((i) => i.title));
  assert.match(await page.textContent(".recap-count"), new RegExp(`^${sample.items.length} events$`));
  // A missing picture file and an event without a picture both get the drawn placeholder.
  await page.waitForFunction(() => document.querySelectorAll(".recap-event-card__image--placeholder").length >= 2);
  const recorded = newestFirst.filter((i) => i._recap.video).length;
  assert.equal(await page.locator(".recap-badge").count(), recorded);
  await axe(page, "the list");
  for (const [width, scheme] of [[1280, "light"], [1280, "dark"], [360, "light"], [360, "dark"]]) {
    const shot = await openPage(file.browser, { width, height: 900, colorScheme: scheme });
    await shot.goto(`${server.url}/`);
    await shot.waitForSelector(".recap-event-card__title");
    await shot.screenshot({ path: `${SCREENSHOTS}/viewer-list-${width}-${scheme}.png` });
  }
  assert.deepEqual(page.errors.filter((e) => !e.includes("404")), []);
});

test("search as you type: matches marked, count, URL; a reload keeps it", async () => {
  const org = newestFirst[0]._recap.talks[0].speakers[0].org;
  const expected = newestFirst.filter((i) => JSON.stringify(i._recap.talks).includes(org) || i.title.includes(org));
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.getByLabel("Search talks, speakers, organisations").pressSequentially(org, { delay: 10 });
  await page.waitForFunction((n) => document.querySelectorAll(".recap-event-card").length === n, expected.length);
  assert.deepEqual(await cardTitles(page), expected.map((i) => i.title));
  assert.equal(await page.textContent(".recap-count"), `${expected.length} of ${sample.items.length} events`);
  assert.ok((await page.locator("mark").count()) >= expected.length);
  assert.equal(new URL(page.url()).searchParams.get("q"), org);
  await axe(page, "a filtered list");
  await page.screenshot({ path: `${SCREENSHOTS}/viewer-search-1280.png`, fullPage: true });

  await page.reload();
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await cardTitles(page), expected.map((i) => i.title));
  assert.equal(await page.inputValue("#recap-search"), org);
});

test("filters by year and tag live in the URL; an empty result says what to change", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.selectOption("#recap-year", years[1]);
  const inYear = newestFirst.filter((i) => i.date_published.startsWith(years[1]));
  await page.waitForFunction((n) => document.querySelectorAll(".recap-event-card").length === n, inYear.length);
  assert.equal(new URL(page.url()).searchParams.get("year"), years[1]);
  await page.selectOption("#recap-tag", "Photos");
  const both = inYear.filter((i) => i.tags.includes("Photos"));
  await page.waitForFunction((n) => document.querySelectorAll(".recap-event-card").length === n, both.length);

  await page.fill("#recap-search", "no such talk anywhere");
  await page.waitForSelector(".recap-empty");
  assert.match(await page.textContent(".recap-empty"), /No event matches/);
  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await page.waitForFunction((n) => document.querySelectorAll(".recap-event-card").length === n, sample.items.length);
  assert.equal(new URL(page.url()).search, "");
});

test("an event page: talks with speakers, times, takeaways; focus and title follow", async () => {
  const item = newestFirst.find((i) => i._recap.talks.some((t) => t.start === null) && i._recap.video);
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.getByRole("link", { name: item.title }).click();
  await page.waitForSelector(".recap-talk");
  assert.equal(new URL(page.url()).pathname, eventPath(item.id));
  assert.equal(await page.textContent("h1"), item.title);
  assert.equal(await page.title(), item.title);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");
  const talks = item._recap.talks;
  assert.equal(await page.locator(".recap-talk").count(), talks.length);
  for (const [n, talk] of talks.entries()) {
    const card = page.locator(".recap-talk").nth(n);
    assert.equal(await card.locator(".recap-talk__title").textContent(), talk.title ?? `Talk ${n + 1}`);
    assert.equal(await card.locator(".recap-talk__takeaways li").count(), talk.takeaways.length);
    assert.equal(await card.locator(".recap-time").count(), talk.start === null ? 0 : 1);
    for (const speaker of talk.speakers) assert.ok((await card.textContent()).includes(speaker.name));
  }
  await axe(page, "an event page");
  for (const [width, scheme] of [[1280, "light"], [1280, "dark"], [360, "light"], [360, "dark"]]) {
    const shot = await openPage(file.browser, { width, height: 900, colorScheme: scheme });
    await shot.goto(`${server.url}${eventPath(item.id)}`);
    await shot.waitForSelector(".recap-talk");
    await shot.screenshot({ path: `${SCREENSHOTS}/viewer-event-${width}-${scheme}.png`, fullPage: width === 360 });
  }

  // A time is a link to the moment on the video's own site (what a visitor without script
  // follows); with script it moves the player, which the video tests cover.
  const timed = talks.findIndex((t) => t.start !== null);
  const time = page.locator(".recap-talk").nth(timed).locator(".recap-time");
  assert.match(await time.getAttribute("href"), /^https:\/\/(www\.youtube\.com\/watch\?v=|vimeo\.com\/)/);

  // The full recap, sanitised.
  await page.getByText("Read the full recap").click();
  await page.waitForSelector(".recap-full__body p");
  assert.equal(await page.locator(".recap-full__body script, .recap-full__body [onerror]").count(), 0);

  await page.goBack();
  await page.waitForSelector(".recap-event-card");
  assert.equal(new URL(page.url()).pathname, "/");
});

test("an event's page is a module of its own: fetched on interest, and tried again when it could not be", async () => {
  const item = newestFirst[1];
  const page = await openPage(file.browser);
  const eventModule = () => page.requests.filter((url) => /\/recap-event(\.js|_bg\.wasm)$/.test(url));
  await page.route(/\/recap-event\.js$/, (route) => route.abort());
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  // The list is the first visit: the event's page is not part of it.
  await page.waitForLoadState("networkidle");
  assert.deepEqual(eventModule(), []);
  // Pointing at an event's card starts fetching it.
  const link = page.getByRole("link", { name: item.title });
  await Promise.all([page.waitForRequest(/\/recap-event\.js$/), link.hover()]);
  // It cannot be fetched: the page says so, with its heading focused, and offers to try again.
  await link.click();
  await page.waitForSelector(".recap-error");
  assert.equal(await page.textContent(".recap-error h1"), "This page could not be shown");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");
  assert.equal(await page.locator(".recap-talk").count(), 0);
  const failed = eventModule().length;
  await page.unroute(/\/recap-event\.js$/);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.waitForSelector(".recap-talk");
  assert.ok(eventModule().length > failed, "Try again asked for nothing");
  assert.equal(await page.textContent("h1"), item.title);
  assert.equal(await page.locator(".recap-talk").count(), item._recap.talks.length);
  assert.equal(await page.locator(".recap-error").count(), 0);
});

test("deep links open an event at a moment; unknown ids get a way back", async () => {
  const item = newestFirst.find((i) => i._recap.talks.some((t) => t.start > 3600));
  const talk = item._recap.talks.find((t) => t.start > 3600);
  const page = await openPage(file.browser);
  await page.goto(`${server.url}${eventPath(item.id)}?t=${talk.start}`);
  await page.waitForSelector(".recap-talk");
  const clock = `${Math.floor(talk.start / 3600)}:${String(Math.floor(talk.start / 60) % 60).padStart(2, "0")}:${String(talk.start % 60).padStart(2, "0")}`;
  const play = page.getByRole("button", { name: `Play the recording of ${item.title} from ${clock}` });
  assert.equal(await play.count(), 1);

  await page.goto(`${server.url}/events/${encodeURIComponent("/2099/01/01/nothing")}`);
  await page.waitForSelector(".recap-not-found");
  assert.equal(await page.textContent("h1"), "This event isn’t here");
  await page.screenshot({ path: `${SCREENSHOTS}/viewer-not-found.png` });
  await page.getByRole("link", { name: "See all events" }).click();
  await page.waitForSelector(".recap-event-card");
});

test("a long feed shows its first cards at once; a search replaces the list", async () => {
  // 300 events over several years, newest first: more than the first screen of cards. Scrolling
  // through a long list is archive.test.mjs's.
  const items = [];
  for (let n = 0; n < 300; n++) {
    const item = structuredClone(sample.items[n % sample.items.length]);
    item.id = `long-${n}`;
    item.title = `Long meetup ${n}`;
    item.date_published = new Date(Date.UTC(2025, 11, 1) - n * 7 * 86400000).toISOString();
    items.push(item);
  }
  mkdirSync("target/e2e-generated", { recursive: true });
  writeFileSync("target/e2e-generated/long.json", JSON.stringify({ ...sample, items }));
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/long.json`);
  await page.waitForSelector(".recap-event-card__title");
  const first = (await cardTitles(page)).slice(0, 50);
  assert.deepEqual(first, items.slice(0, 50).map((i) => i.title));
  const firstYears = [...new Set(items.slice(0, 50).map((i) => i.date_published.slice(0, 4)))];
  assert.deepEqual((await page.$$eval(".recap-year__title", (els) => els.map((e) => e.textContent))).slice(0, firstYears.length), firstYears);
  assert.equal(await page.textContent(".recap-count"), "300 events");
  // A search while the list is being built replaces it: no stray cards from the old one.
  await page.goto(`${server.url}/?feed=/generated/long.json`);
  await page.waitForSelector(".recap-event-card__title");
  await page.getByLabel("Search talks, speakers, organisations").fill("Long meetup 29");
  // The search's list is counted and complete; two frames later, anything the replaced list still
  // had to build would have been built.
  await waitUntil(page, () => {
    const counted = /^(\d+) of 300 events$/.exec(document.querySelector(".recap-count")?.textContent ?? "");
    return counted && document.querySelectorAll(".recap-event-card").length === Number(counted[1]);
  }, null, "the search's list was not complete");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const titles = await cardTitles(page);
  const [shown] = (await page.textContent(".recap-count")).match(/^\d+/);
  assert.equal(titles.length, Number(shown), "every card is a match, and every match has a card");
  assert.equal(new Set(titles).size, titles.length);
  assert.ok(titles.length > 0 && titles.every((t) => t.includes("29")), titles.join(", "));
});

test("Load older events: the next page is added below; a failed page keeps the list and can be retried", async () => {
  // The sample feed split in two: the newest 8 events, then the rest, named by a relative next_url.
  const first = { ...sample, items: newestFirst.slice(0, 8), next_url: "page-2.json" };
  const second = { ...sample, items: newestFirst.slice(6) }; // overlaps by two: no duplicates
  mkdirSync("target/e2e-generated", { recursive: true });
  writeFileSync("target/e2e-generated/page-1.json", JSON.stringify(first));
  writeFileSync("target/e2e-generated/page-2.json", JSON.stringify(second));

  const page = await openPage(file.browser);
  let down = true;
  await page.route("**/generated/page-2.json", (route) =>
    down ? route.fulfill({ status: 503, body: "busy" }) : route.fallback(),
  );
  await page.goto(`${server.url}/?feed=/generated/page-1.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await cardTitles(page), first.items.map((i) => i.title));
  const more = page.getByRole("button", { name: "Load older events" });
  await more.click();
  const alert = page.locator(".recap-more [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /503/);
  assert.equal(await page.locator(".recap-event-card").count(), 8, "the events shown stay");
  // Rebuilt with its error, the part gives the focus back to its button: the keyboard's place.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Load older events");

  down = false;
  await more.click();
  // The cards of the older page are built as the list's end comes into view.
  await waitUntil(page, (n) => {
    scrollTo(0, document.documentElement.scrollHeight);
    return document.querySelectorAll(".recap-event-card__title").length === n;
  }, newestFirst.length, "the older page's cards");
  assert.deepEqual(await cardTitles(page), newestFirst.map((i) => i.title));
  assert.equal(await page.locator(".recap-more").count(), 0, "no next page, no button");
  assert.equal(await page.locator(".recap-more [role=alert]").count(), 0);
  assert.match(await page.textContent(".recap-count"), new RegExp(`^${newestFirst.length} events$`));
});

test("an event page's other parts: slides, sponsors, next meetup, photos, the post, newer and older, Copy link", async () => {
  const [item, older] = newestFirst;
  const recap = item._recap;
  const page = await openPage(file.browser);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.goto(`${server.url}${eventPath(item.id)}`);
  await page.waitForSelector(".recap-talk");

  const link = (name) => page.getByRole("link", { name, exact: true });
  const slides = recap.talks[0].links[0];
  assert.equal(await page.locator(".recap-talk").first().getByRole("link", { name: slides.label }).getAttribute("href"), slides.url);
  const sponsors = page.getByRole("region", { name: "Thanks to our sponsors" });
  assert.equal(await sponsors.getByRole("link", { name: recap.sponsors[0].name }).getAttribute("href"), recap.sponsors[0].url);
  const next = page.getByRole("region", { name: "Next meetup" });
  assert.ok((await next.textContent()).includes(recap.next_event.date_text));
  assert.equal(await next.getByRole("link", { name: "RSVP" }).getAttribute("href"), recap.next_event.rsvp_url);
  const photos = page.getByRole("region", { name: "Photos" }).getByRole("img");
  assert.ok((await photos.count()) >= 1);
  assert.equal(await link("Read the original post").getAttribute("href"), item.url);
  assert.equal(await page.locator(".recap-pager__newer").count(), 0, "the newest event has no newer one");

  // Copy link: the page's address at the talk's moment.
  const talk = recap.talks.find((t) => t.start !== null);
  await page.locator(".recap-talk", { hasText: talk.title }).getByRole("button", { name: "Copy link" }).click();
  await page.locator(".recap-talk", { hasText: talk.title }).getByRole("button", { name: "Link copied" }).waitFor();
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    `${server.url}${eventPath(item.id)}?t=${talk.start}`,
  );

  // Older, then newer again: in place, with the title following.
  await page.locator(".recap-pager__older").click();
  await page.waitForFunction((title) => document.querySelector("h1")?.textContent === title, older.title);
  assert.equal(new URL(page.url()).pathname, eventPath(older.id));
  await page.locator(".recap-pager__newer").click();
  await page.waitForFunction((title) => document.querySelector("h1")?.textContent === title, item.title);
  assert.equal(await page.title(), item.title);
});

test("Copy link says copied only once the clipboard has the link; without a clipboard, or refused, the link is shown to copy by hand", async () => {
  const item = newestFirst[0];
  const talk = item._recap.talks.find((t) => t.start !== null);
  const expected = `${server.url}${eventPath(item.id)}?t=${talk.start}`;
  const copyIn = (page) => page.locator(".recap-talk", { hasText: talk.title });

  // A clipboard that takes its time: it answers when the test lets it.
  const slow = await openPage(file.browser);
  await slow.addInitScript(() => {
    window.clipboardWrites = [];
    Object.defineProperty(Navigator.prototype, "clipboard", {
      configurable: true,
      get: () => ({ writeText: (text) => new Promise((done) => window.clipboardWrites.push({ text, done })) }),
    });
  });
  await slow.goto(`${server.url}${eventPath(item.id)}`);
  await copyIn(slow).getByRole("button", { name: "Copy link" }).click();
  await waitUntil(slow, () => window.clipboardWrites.length === 1, null, "the link was never written");
  assert.equal(await slow.evaluate(() => window.clipboardWrites[0].text), expected);
  assert.equal(await copyIn(slow).getByRole("button", { name: "Copy link" }).count(), 1, "not copied yet");
  await slow.evaluate(() => window.clipboardWrites[0].done());
  await copyIn(slow).getByRole("button", { name: "Link copied" }).waitFor();
  assert.deepEqual(errorsBesidesPictures(slow), []);

  // No clipboard at all (a page on plain http from another machine), and a clipboard that refuses.
  for (const clipboard of ["none", "refused"]) {
    const page = await openPage(file.browser);
    await page.addInitScript((kind) => {
      const refusing = { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) };
      Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => (kind === "none" ? undefined : refusing) });
    }, clipboard);
    await page.goto(`${server.url}${eventPath(item.id)}`);
    await copyIn(page).getByRole("button", { name: "Copy link" }).click();
    const field = copyIn(page).getByRole("textbox", { name: "Link to this moment" });
    await field.waitFor();
    assert.equal(await field.inputValue(), expected, clipboard);
    assert.ok(await field.evaluate((el) => el === document.activeElement && el.selectionEnd - el.selectionStart === el.value.length), "focused and selected");
    assert.equal(await copyIn(page).getByRole("button", { name: "Copy it from here:" }).count(), 1);
    // Pressed again: still one field.
    await copyIn(page).getByRole("button", { name: "Copy it from here:" }).click();
    await waitUntil(page, () => document.activeElement?.classList.contains("recap-copy-field"), null, "the field has the focus again");
    assert.equal(await copyIn(page).locator(".recap-copy-field").count(), 1);
    assert.deepEqual(errorsBesidesPictures(page), [], clipboard);
  }
});
