// The hostile feed's end-to-end run through the app, shared by hostile.test.mjs (under the
// site's Content-Security-Policy, as a visitor gets it) and hostile-policy-off.test.mjs (with
// the policy off, where only the sanitiser and the escaping stop a vector: the policy would
// block an inline handler or a javascript: URL before its trap could run). Every field the app
// renders: the list, searches, every event page with its full recap, and the players. Nothing
// may run (every vector calls __trap(N), alert, confirm, prompt or print if it ever runs, and
// no dialog may open), nothing outside the allow-lists may be in the document (audit.mjs), and
// nothing may be requested from any host but the test's own servers. With the policy off,
// every link is also pointed at, focused and clicked (hostile.mjs, exercise()).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { waitUntil } from "./browser.mjs";
import { e2eFile } from "./fixture.mjs";
import { withPlayers } from "./server.mjs";
import { comparableTitle, hostileGuard, writeHostileFeed } from "./hostile.mjs";

const FEED = "/generated/hostile/feed.json";

// Sets up the servers and the browser for a test file, and registers the run's tests, named
// after `label`. The returned object holds the file's state once before() has run.
export function hostileApp(label, { policyOff }) {
  // The browser is the file's (fixture.mjs), launched by a before() of its own: read when used.
  const app = { get browser() { return file.browser; } };
  let player;
  let server;
  let corpus;
  let guard;
  const file = e2eFile();
  before(async () => {
    player = await file.fakePlayer();
    // The mount element names the hostile feed and points the players at the fake.
    server = await file.serve({
      rewriteIndex: (html) => withPlayers(player.origin)(html.replace("data-feed=feed.json", `data-feed=${FEED}`)),
    });
    corpus = writeHostileFeed("target/e2e-generated/hostile", server.url);
    guard = hostileGuard(corpus);
    Object.assign(app, { server, corpus, player, origins: [server.url, player.origin], waitForList });
  });
  after(() => {
    if (guard) console.log(guard.report(`the app, ${label}`));
  });

  const options = (item) => ({ item, origins: [server.url, player.origin], frameOrigins: [player.origin] });
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
      () => document.querySelector(".recap-full__details")?.open && document.querySelector(".recap-full__body:not([aria-busy])"),
      undefined,
      "the full recap opens, its post written",
    );
  }

  // The list as the tests read it: every card built.
  async function waitForList(page) {
    await page.waitForSelector(".recap-event-card");
    await waitUntil(page, () => !document.querySelector("[aria-busy=true]"), undefined, "the whole list is built");
  }
  const check = (page, where, item) => guard.check(page, where, options(item));
  // With the policy off: every link of the page too, the page brought back by `ready` after a
  // link of the app's.
  const exercise = async (page, where, item, ready, except) => {
    if (policyOff) await guard.exercise(page, where, { ready, except, ...options(item) });
  };

  test(`${label}: the list, with every hostile title, tag and place, and searches for them`, async () => {
    const page = await guard.guardedPage(file.browser, { policyOff });
    await page.goto(`${server.url}/`);
    // The talks of the items without _recap.talks are read from their hostile posts in the
    // browser; the list is whole once no batch is left.
    await waitForList(page);
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

  if (policyOff) {
    test(`${label}: every link of the list pointed at, focused and clicked`, async () => {
      const page = await guard.guardedPage(file.browser, { policyOff });
      await page.goto(`${server.url}/`);
      await waitForList(page);
      await exercise(page, "the list", undefined, async () => {
        await page.goBack();
        await waitForList(page);
      });
    });
  }

  // Every event, from the newest, by the Older link (in place), in runs of a page each. With
  // the policy off, every link of every event page but the app's own (the list, Newer, Older)
  // is pointed at, focused and clicked; of those, the walk clicks Older on every page, and the
  // list's cards, all clicked above, link to every event page as Newer and Older do.
  const walk = async (ids) => {
    const page = await guard.guardedPage(file.browser, { policyOff });
    await page.goto(`${server.url}${eventPath(ids[0])}`);
    for (const [n, id] of ids.entries()) {
      if (n > 0) await page.locator(".recap-pager__older").click();
      await waitForEvent(page, id);
      await openFullRecap(page);
      await check(page, `the event ${JSON.stringify(id)}`, id);
      await exercise(page, `the event ${JSON.stringify(id)}`, id, async (start) => {
        await page.goBack().catch(() => null);
        if (page.url() !== start) await page.goto(start);
        await waitForEvent(page, id);
        await openFullRecap(page);
      }, "[data-route]");
    }
  };
  const parts = (n) => {
    const size = Math.ceil(corpus.events.length / n);
    return Array.from({ length: n }, (_, part) => corpus.events.slice(part * size, (part + 1) * size));
  };
  if (policyOff) {
    // Four walks at once: each waits on the browser more than it works.
    test(`${label}: event pages: every field and the full recap, every link`, async () => {
      await Promise.all(parts(4).map(walk));
    });
  } else {
    for (const part of [0, 1]) {
      test(`${label}: event pages, part ${part + 1} of 2: every field and the full recap`, () => walk(parts(2)[part]));
    }
  }

  test(`${label}: deep links to the events with hostile ids`, async () => {
    const page = await guard.guardedPage(file.browser, { policyOff });
    // "../../index.html" is left to the in-place walk above: this server, like any, refuses a
    // path that climbs out of the site once "%2F" is decoded.
    const odd = corpus.events.filter((id) => !/^hostile-/.test(id) && !id.includes(".."));
    assert.equal(odd.length, 4);
    for (const id of odd) {
      const address = `${server.url}${eventPath(id)}?t=${encodeURIComponent("<script>__trap(0)</script>")}`;
      await page.goto(address);
      await waitForEvent(page, id);
      await check(page, `a deep link to ${JSON.stringify(id)}`, id);
      await exercise(page, `a deep link to ${JSON.stringify(id)}`, id, async () => {
        await page.goto(address);
        await waitForEvent(page, id);
      });
    }
  });

  test(`${label}: the players: hostile query strings in recognised video URLs load only the player`, async () => {
    const page = await guard.guardedPage(file.browser, { policyOff });
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
    assert.deepEqual(guard.fired, [], "nothing ran in the whole run");
  });

  return app;
}
