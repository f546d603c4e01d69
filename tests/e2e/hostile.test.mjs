// End to end: a feed of hostile inputs (tests/fixtures/hostile/) through every field the app
// renders: the list, searches, every event page with its full recap, and the players. Nothing
// may run (every vector calls __trap(N), alert, confirm, prompt or print if it ever runs, and
// no dialog may open), nothing outside the allow-lists may be in the document (audit.mjs), and
// nothing may be requested from any host but the test's own servers. The pages
// `recap-feed pages` writes from the same feed are hostile-pages.test.mjs's.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { closePages, launch, WAIT_MS, waitUntil } from "./browser.mjs";
import { startFakePlayer } from "./fake-player.mjs";
import { startServer, withPlayers } from "./server.mjs";
import { comparableTitle, hostileGuard, writeHostileFeed } from "./hostile.mjs";

const FEED = "/generated/hostile/feed.json";

let player;
let server;
let browser;
let corpus;
let guard;

before(async () => {
  player = await startFakePlayer();
  // The mount element names the hostile feed and points the players at the fake.
  server = await startServer({
    rewriteIndex: (html) => withPlayers(player.origin)(html.replace("data-feed=feed.json", `data-feed=${FEED}`)),
  });
  corpus = writeHostileFeed("target/e2e-generated/hostile", server.url);
  guard = hostileGuard(corpus);
  browser = await launch();
});
afterEach(closePages);
after(async () => {
  await closePages();
  await browser?.close();
  await server?.close();
  await player?.close();
  if (guard) console.log(guard.report("the app"));
});

const origins = () => [server.url, player.origin];
const check = (page, where, item) => guard.check(page, where, { item, origins: origins(), frameOrigins: [player.origin] });
const eventPath = (id) => `/events/${encodeURIComponent(id)}`;

// The event page of `id` is shown (its heading is the event's title).
async function waitForEvent(page, id) {
  await waitUntil(
    page,
    (title) => document.querySelector("h1.recap-page-title")?.textContent === title,
    corpus.title(id),
    async () => `event ${JSON.stringify(id)} not shown; h1: ${await page.locator("h1").first().textContent().catch(() => "?")}`,
  );
}

// Opens "Read the full recap" and waits until it is open with its post.
async function openFullRecap(page) {
  await page.locator(".recap-full__details > summary").click();
  await waitUntil(
    page,
    () => document.querySelector(".recap-full__details")?.open && document.querySelector(".recap-full__body"),
    undefined,
    "the full recap opens",
  );
}

test("the traps and the audit catch what runs and what should not be there", async () => {
  // A guard of its own: what this test makes run is not counted for the corpus. Without the
  // page's Content-Security-Policy, which would stop the injected handler before the trap.
  const control = hostileGuard(corpus);
  const page = await control.guardedPage(browser, { bypassCSP: true });
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card");
  await page.evaluate(() => {
    const post = document.createElement("div");
    post.className = "recap-full__body";
    post.innerHTML = '<img src=x onerror="__trap(-1)"><a href="javascript:alert(-2)" id=recap-x>a</a>';
    document.body.append(post);
    post.querySelector("a").click();
  });
  await waitUntil(page, () => document.querySelector(".recap-full__body img")?.complete, undefined, "the picture fails");
  // The traps report to this process on their own time: both reports, within the deadline.
  const reported = Date.now();
  while (control.fired.length < 2 && Date.now() - reported < WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 10));
  await assert.rejects(control.check(page, "a page with injected markup", { origins: origins() }), (error) => {
    assert.match(error.message, /something ran/);
    return true;
  });
  assert.equal(control.fired.length, 2, control.fired.join("\n"));
  assert.match(control.fired.join("\n"), /__trap\(-1\)/);
  assert.match(control.fired.join("\n"), /alert\(-2\)/);
  page.fired.length = 0;
  await assert.rejects(control.check(page, "a page with injected markup", { origins: origins() }), (error) => {
    for (const what of [/event handler onerror/, /javascript: URL in href/, /id the app did not write/]) assert.match(error.message, what);
    return true;
  });
});

test("the list, with every hostile title, tag and place, and searches for them", async () => {
  const page = await guard.guardedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card");
  // The talks of the items without _recap.talks are read from their hostile posts in the
  // browser; the list is whole once no batch is left.
  await waitUntil(page, () => !document.querySelector("[aria-busy=true]"), undefined, "the whole list is built");
  const count = await page.locator(".recap-count").textContent();
  assert.equal(count, `${corpus.events.length} events`);
  // The broken items are reported, their bad values as text.
  assert.match(await page.locator("#recap").innerText(), /2 events in this feed could not be read/);
  assert.equal(comparableTitle(await page.title()), comparableTitle(corpus.feed.title));
  await check(page, "the list");

  for (const query of ["script", "<img src=x onerror=", "javascript:", "\u202E", "onerror=__trap(", "Ada"]) {
    await page.locator("#recap-search").fill(query);
    await waitUntil(page, (q) => new URL(location.href).searchParams.get("q") === q, query, `the search for ${query}`);
    await waitUntil(page, () => !document.querySelector("[aria-busy=true]"), undefined, "the results are built");
    await check(page, `a search for ${JSON.stringify(query)}`);
  }
  // A hostile search and tag from the address.
  const tag = corpus.feed.items[3].tags[0];
  await page.goto(`${server.url}/?q=${encodeURIComponent("<svg onload=__trap(0)>")}&tag=${encodeURIComponent(tag)}`);
  await waitUntil(page, (t) => document.querySelector("#recap-tag")?.value === t, tag, "the tag filter is applied");
  await check(page, "a hostile search and tag from the address");
});

// Every event, from the newest, by the Older link (in place), in two runs of a page each.
for (const half of [0, 1]) {
  test(`event pages, ${half ? "second" : "first"} half: every field and the full recap`, async () => {
    const middle = Math.ceil(corpus.events.length / 2);
    const ids = half ? corpus.events.slice(middle) : corpus.events.slice(0, middle);
    const page = await guard.guardedPage(browser);
    await page.goto(`${server.url}${eventPath(ids[0])}`);
    for (const [n, id] of ids.entries()) {
      if (n > 0) await page.locator(".recap-pager__older").click();
      await waitForEvent(page, id);
      await openFullRecap(page);
      await check(page, `the event ${JSON.stringify(id)}`, id);
    }
  });
}

test("deep links to the events with hostile ids", async () => {
  const page = await guard.guardedPage(browser);
  // "../../index.html" is left to the in-place walk above: this server, like any, refuses a
  // path that climbs out of the site once "%2F" is decoded.
  const odd = corpus.events.filter((id) => !/^hostile-/.test(id) && !id.includes(".."));
  assert.equal(odd.length, 4);
  for (const id of odd) {
    await page.goto(`${server.url}${eventPath(id)}?t=${encodeURIComponent("<script>__trap(0)</script>")}`);
    await waitForEvent(page, id);
    await check(page, `a deep link to ${JSON.stringify(id)}`, id);
  }
});

test("the players: hostile query strings in recognised video URLs load only the player", async () => {
  const page = await guard.guardedPage(browser);
  assert.equal(corpus.playable.length, 3);
  for (const id of corpus.playable) {
    await page.goto(`${server.url}${eventPath(id)}?t=3`);
    await waitForEvent(page, id);
    await check(page, `the facade of ${id}`, id);
    await page.locator(".recap-video__play").click();
    await page.waitForSelector("iframe.recap-video__player");
    // A jump moves the loaded player in place.
    await page.locator("a.recap-time").last().click();
    await waitUntil(page, () => new URL(location.href).searchParams.get("t") === "125", undefined, "the jump");
    await check(page, `the player of ${id}`, id);
  }
  assert.deepEqual(guard.fired, [], "nothing ran in the whole file");
});
