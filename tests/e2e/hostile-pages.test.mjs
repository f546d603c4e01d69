// End to end: the hostile feed (tests/fixtures/hostile/) pre-rendered by `recap-feed pages`
// into a copy of the built site, every page read with JavaScript off, then on (with the app
// held back, so that only the pre-rendered HTML is on trial), and a share of them taken over by
// the app. As in hostile.test.mjs: nothing may run, nothing outside the allow-lists may be in
// the document, nothing may be requested from another host. The pages with JavaScript are read
// once more with their Content-Security-Policy off, so that the escaping alone is shown to stop
// every vector, every link pointed at, focused and clicked.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { recapFeed } from "./cli.mjs";
import { cpSync, rmSync } from "node:fs";
import { waitUntil } from "./browser.mjs";
import { comparableTitle, eventDir, hostileGuard, writeHostileFeed } from "./hostile.mjs";
import { e2eFile } from "./fixture.mjs";

const DIST = "target/e2e-generated/hostile-pages";

let server;
let corpus;
let guard;
// The same with the policy off.
let policyOff;

const file = e2eFile();
before(async () => {
  rmSync(DIST, { recursive: true, force: true });
  cpSync("dist", DIST, { recursive: true });
  server = await file.serve({ root: DIST });
  corpus = writeHostileFeed(DIST, server.url);
  guard = hostileGuard(corpus);
  policyOff = hostileGuard(corpus);
  recapFeed("pages", `${DIST}/feed.json`, "--dist", DIST, "--site-url", "https://recaps.example.org/");
});
after(async () => {
  if (guard) console.log(guard.report("pre-rendered pages"));
  if (policyOff) console.log(policyOff.report("pre-rendered pages, policy off"));
});

const check = (page, where, item) => guard.check(page, where, { item, origins: [server.url] });

// The events whose page this server finds. Ids with a "/" get a directory that only hosts
// looking files up by the still-encoded path serve (the app shows those in the browser).
const served = () => corpus.events.filter((id) => !id.includes("/"));
// This server decodes the path once: the directory's name, encoded once more.
const pageOf = (id) => `${server.url}/events/${encodeURIComponent(eventDir(id))}/`;

// The list and every event page, read as `page` reads them; with `links`, every link of each
// pointed at, focused and clicked too (the pre-rendered links are plain links: a click that
// would load another page is stopped there, so none takes the page elsewhere in the site).
async function readEveryPage(page, how, { guard: by = guard, links = false } = {}) {
  const options = (item) => ({ item, origins: [server.url] });
  const ready = () => assert.fail("a pre-rendered link took the page elsewhere in the site");
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card");
  // The first screen's cards (`PRE_RENDERED_CARDS`); the others are read on their event pages.
  assert.equal(await page.locator("a.recap-event-card__link").count(), 15, "the first screen's cards");
  await by.check(page, `the pre-rendered list ${how}`, options());
  if (links) await by.exercise(page, `the pre-rendered list ${how}`, { ready, ...options() });
  for (const id of served()) {
    const response = await page.goto(pageOf(id));
    assert.equal(response.status(), 200, id);
    assert.equal(comparableTitle(await page.title()), comparableTitle(corpus.title(id)), `the title of ${JSON.stringify(id)}`);
    await by.check(page, `the pre-rendered ${JSON.stringify(id)} ${how}`, options(id));
    if (links) await by.exercise(page, `the pre-rendered ${JSON.stringify(id)} ${how}`, { ready, ...options(id) });
  }
}

test("without JavaScript: the list and every event page", async () => {
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  try {
    await readEveryPage(await guard.guardedPage(file.browser, { context }), "without JavaScript");
  } finally {
    await context.close();
  }
});

test("with JavaScript, the app held back: the list and every event page", async () => {
  const page = await guard.guardedPage(file.browser);
  await page.route(/\/recap-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await readEveryPage(page, "with JavaScript");
  // The app's wasm was asked for, and refused: only the pre-rendered HTML was on the page.
  assert.ok(page.requests.some((url) => url.endsWith("_bg.wasm")));
});

test("with JavaScript and the policy off, the app held back: the list and every event page, every link", async () => {
  const page = await policyOff.guardedPage(file.browser, { policyOff: true });
  await page.route(/\/recap-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await readEveryPage(page, "with the policy off", { guard: policyOff, links: true });
  assert.ok(page.requests.some((url) => url.endsWith("_bg.wasm")));
  assert.deepEqual(policyOff.fired, [], "nothing ran with the policy off");
});

test("with JavaScript: every fifth event page taken over by the app", async () => {
  const page = await guard.guardedPage(file.browser);
  const ids = served().filter((id, n) => n % 5 === 0 && eventDir(id) === id);
  assert.ok(ids.length >= 25, `${ids.length} pages`);
  for (const id of ids) {
    await page.goto(`${server.url}/events/${id}/`);
    await waitUntil(
      page,
      (title) =>
        document.querySelector("h1.recap-page-title")?.textContent === title &&
        document.querySelector(".recap-takeover:not([hidden])") &&
        !document.querySelector("#recap > .recap"),
      corpus.title(id),
      `the app takes over ${id}`,
    );
    await check(page, `the pre-rendered ${JSON.stringify(id)}, taken over`, id);
  }
  assert.deepEqual(guard.fired, [], "nothing ran in the whole file");
});
