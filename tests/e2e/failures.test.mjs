// End to end: every way the feed can fail to arrive or to read, from a local server that
// misbehaves on purpose, per path under /feeds/. Each failure names what went wrong and offers
// Try again; transient ones (network errors, timeouts, 5xx) are retried by themselves, backing off.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { closePages, openPage, SCREENSHOTS, WAIT_MS, waitUntil } from "./browser.mjs";
import { installClock, pauseClock, RETRY_DELAYS_MS, runPast } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

const SMALL = readFileSync("tests/fixtures/feeds/small.json");
const SMALL_TITLES = JSON.parse(SMALL).items.map((item) => item.title);
const INDEX = readFileSync("dist/index.html", "utf8");
const VERSION = "https://jsonfeed.org/version/1.1";
const MB = 1024 * 1024;

// The 50 MB feed: valid JSON, 10,240 items of about 5 KB.
function bigFeed() {
  const padding = "x".repeat(5000);
  const items = Array.from({ length: 10_240 }, (_, i) => `{"id":"big-${i}","title":"Event ${i}","content_html":"<p>${padding}</p>"}`);
  return Buffer.from(`{"version":"${VERSION}","title":"Big","items":[${items.join(",")}]}`);
}
let big;

// Per path: the time of each request, and what became of each answer.
const requests = new Map();
const closedEarly = new Set();
const waiters = new Set();
function record(path) {
  const times = requests.get(path) ?? [];
  times.push(Date.now());
  requests.set(path, times);
  for (const waiter of waiters) waiter();
}
// Resolves with the request times once `path` has been asked for `n` times; fails past the deadline.
function requested(path, n, deadline = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const times = requests.get(path) ?? [];
      if (times.length < n) return false;
      waiters.delete(check);
      clearTimeout(timer);
      resolve(times);
      return true;
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`${path} was asked for ${(requests.get(path) ?? []).length} times, not ${n}, within ${deadline} ms`));
    }, deadline);
    if (!check()) waiters.add(check);
  });
}

const json = { "content-type": "application/json", "cache-control": "no-store" };
// Writes `body` a few bytes at a time, every `ms`, until done or the client goes.
function trickle(res, body, bytes, ms) {
  res.writeHead(200, json);
  let at = 0;
  const timer = setInterval(() => {
    res.write(body.subarray(at, at + bytes));
    at += bytes;
    if (at >= body.length) {
      clearInterval(timer);
      res.end();
    }
  }, ms);
  res.on("close", () => clearInterval(timer));
}

const feeds = {
  "404": (req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>"),
  "500": (req, res) => res.writeHead(500, { "content-type": "text/plain" }).end("oops"),
  // 500 three times, then the feed.
  flaky: (req, res) => (requests.get("/feeds/flaky").length <= 3 ? feeds["500"](req, res) : res.writeHead(200, json).end(SMALL)),
  hang: () => {},
  reset: (req) => req.socket.destroy(),
  // 1,192 bytes, 16 at a time every 15 ms: about 1.1 s.
  "trickle-ok": (req, res) => trickle(res, SMALL, 16, 15),
  // 8 bytes every 250 ms: about 37 s.
  "trickle-slow": (req, res) => trickle(res, SMALL, 8, 250),
  "not-json": (req, res) => res.writeHead(200, json).end('{"version": "x",\n  "items": [}'),
  version: (req, res) => res.writeHead(200, json).end(`{"version":"https://jsonfeed.org/version/2","title":"T","items":[{"id":"a"}]}`),
  "wrong-types": (req, res) => res.writeHead(200, json).end(JSON.stringify({
    version: VERSION,
    title: "Mixed",
    items: [
      { id: "good", title: "The one good event", date_published: "2024-05-01T18:00:00Z" },
      { id: "title", title: 42 },
      { id: "tags", title: "Tags as text", tags: "meetup" },
      { id: "talks", title: "Talks as a number", _recap: { talks: 3 } },
    ],
  })),
  big: (req, res) => res.writeHead(200, { ...json, "content-length": big.length }).end(big),
  "big-chunked": (req, res) => {
    res.writeHead(200, json);
    for (let at = 0; at < big.length; at += MB) res.write(big.subarray(at, at + MB));
    res.end();
  },
  // A byte order mark first, and a title written in Latin-1 (é as the byte E9), as an editor
  // on Windows might save it: read as a browser reads any text, the mark dropped, the byte U+FFFD.
  "not-utf8": (req, res) =>
    res.writeHead(200, json).end(Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`{"version":"${VERSION}","title":"T","items":[{"id":"a","title":"Caf`),
      Buffer.from([0xe9]),
      Buffer.from(` social","date_published":"2024-05-01T18:00:00Z"},{"id":"b","title":"Ünïcode night ☕","date_published":"2024-04-01T18:00:00Z"}]}`),
    ])),
  html: (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html>\n<html><head><title>Home</title></head><body>Welcome</body></html>"),
};

let server;
const file = e2eFile();
before(async () => {
  big = bigFeed();
  server = await file.serve({
    handle(req, res) {
      const url = new URL(req.url, "http://localhost");
      const name = url.pathname.startsWith("/feeds/") && url.pathname.slice("/feeds/".length);
      if (name && feeds[name]) {
        record(url.pathname);
        res.on("close", () => {
          if (!res.writableFinished) closedEarly.add(url.pathname);
        });
        feeds[name](req, res);
        return true;
      }
      // The app with a time limit of its own (`/?timeout=ms&feed=…`).
      if (url.pathname === "/" && url.searchParams.has("timeout")) {
        const timeout = Number(url.searchParams.get("timeout"));
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(INDEX.replace("data-recap ", `data-recap data-feed-timeout="${timeout}" `));
        return true;
      }
      // A host page with an embedded viewer of a feed.
      if (url.pathname === "/host.html") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/embed.js"></script></head><body><main>
<recap-viewer feed="${url.searchParams.get("feed")}" feed-timeout="${url.searchParams.get("timeout")}"></recap-viewer>
</main></body></html>`);
        return true;
      }
      return false;
    },
  });
});

// Opens the app on `/feeds/NAME` with a time limit of `timeout` ms; `clock`: with the page's
// clock under the test's hand (see settle.mjs).
async function openOn(name, timeout = 15_000, { clock = false } = {}) {
  const page = await openPage(file.browser);
  if (clock) await installClock(page);
  await page.goto(`${server.url}/?timeout=${timeout}&feed=/feeds/${name}`);
  return page;
}

// The error's text, once it says `pattern`.
async function errorSaying(page, pattern) {
  await waitUntil(
    page,
    (source) => new RegExp(source).test(document.querySelector(".recap-error")?.textContent ?? ""),
    pattern.source,
    async () => `the error should match ${pattern}; the page shows: ${await page.textContent("body")}`,
  );
  return page.textContent(".recap-error");
}

// How many times the page has asked for `/feeds/NAME`, by its own record of its requests.
const asked = (page, name) => page.requests.filter((url) => new URL(url).pathname === `/feeds/${name}`).length;

test("404: the status is named, no automatic retry is promised or made, and Try again asks again", async () => {
  const page = await openOn("404", undefined, { clock: true });
  const text = await errorSaying(page, /The server answered 404 Not Found for the feed\./);
  assert.match(text, /Trying again will only help once the feed is fixed\./);
  assert.doesNotMatch(text, /trying again in/);
  assert.match(text, /\/feeds\/404/);
  // Past the time of the first automatic retry, had there been one: still the one request.
  await runPast(page, RETRY_DELAYS_MS[0]);
  assert.equal(asked(page, "404"), 1, "not retried by itself");
  // The clock held, no timer of the app can ask again: the request is the button's.
  await pauseClock(page);
  const before = requests.get("/feeds/404").length;
  await page.getByRole("button", { name: "Try again" }).click();
  await requested("/feeds/404", before + 1);
  await page.clock.resume();
  await errorSaying(page, /404 Not Found/);
  await page.screenshot({ path: `${SCREENSHOTS}/failure-404.png` });
});

test("500: named, with when it will be tried again, and a Try again button", async () => {
  const page = await openOn("500");
  const text = await errorSaying(page, /The server answered 500 Internal Server Error for the feed\./);
  assert.match(text, /This is often temporary: trying again in 1 s\./);
  await page.getByRole("button", { name: "Try again" }).waitFor();
});

test("transient failures are retried after 1, 2 and 4 s, then the feed shows", async () => {
  const page = await openPage(file.browser);
  // The page's clock stops as each request goes out; the app's waits are then run by hand, to a
  // millisecond short of each retry's time (no request yet) and to it (the retry).
  await installClock(page);
  await page.route((url) => url.pathname === "/feeds/flaky", async (route) => {
    await pauseClock(page);
    await route.continue();
  });
  await page.goto(`${server.url}/?feed=/feeds/flaky`);
  for (const [retries, delay] of RETRY_DELAYS_MS.slice(0, 3).entries()) {
    await errorSaying(page, new RegExp(`500 Internal Server Error.*trying again in ${delay / 1000} s`, "s"));
    assert.equal(asked(page, "flaky"), retries + 1);
    await runPast(page, delay - 2);
    assert.equal(asked(page, "flaky"), retries + 1, `retry ${retries + 1} came before ${delay} ms`);
    await runPast(page, 1);
    await requested("/feeds/flaky", retries + 2);
  }
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await page.locator(".recap-event-card__title").allTextContents(), [...SMALL_TITLES].reverse());
  // Past the longest wait of the retry schedule: a retry loop still going would have asked again.
  await runPast(page, Math.max(...RETRY_DELAYS_MS));
  assert.equal(asked(page, "flaky"), 4, "no request after the feed came");
  assert.equal(requests.get("/feeds/flaky").length, 4, "no request after the feed came");
});

test("a server that never answers: the app gives up after its time limit, says so, and retries", async () => {
  const started = Date.now();
  const page = await openOn("hang", 2000);
  const text = await errorSaying(page, /The server did not answer within 2 s; Recap gave up waiting\./);
  const waited = Date.now() - started;
  assert.ok(waited >= 2000, `gave up after ${waited} ms`);
  assert.match(text, /trying again in 1 s/);
  await page.getByRole("button", { name: "Try again" }).waitFor();
  // The request was abandoned, not left open, and the automatic retry asks again.
  await requested("/feeds/hang", 2);
  assert.ok(closedEarly.has("/feeds/hang"), "the app closed the request it gave up on");
  await page.screenshot({ path: `${SCREENSHOTS}/failure-timeout.png` });
});

test("the default time limit is 15 s", async () => {
  const page = await openPage(file.browser);
  const started = Date.now();
  await page.goto(`${server.url}/?feed=/feeds/hang`);
  // Past the usual deadline of a wait: this one waits for the app's own.
  await page.waitForSelector(".recap-error", { timeout: 20_000 });
  assert.match(await page.textContent(".recap-error"), /The server did not answer within 15 s/);
  assert.ok(Date.now() - started >= 15_000);
});

test("a slow trickle that ends within the time limit is read and shown", async () => {
  const page = await openOn("trickle-ok", 8000);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.locator(".recap-event-card").count(), SMALL_TITLES.length);
});

test("a trickle still arriving at the time limit is given up on, as slow", async () => {
  const page = await openOn("trickle-slow", 2000);
  const text = await errorSaying(page, /The feed was still arriving after 2 s; Recap gave up waiting\./);
  assert.match(text, /trying again in 1 s/);
});

test("a network failure (the connection reset) is named and retried", async () => {
  const page = await openOn("reset");
  const text = await errorSaying(page, /The feed could not be reached \(.+\)\. Check your connection and try again\./);
  assert.match(text, /trying again in 1 s/);
  await requested("/feeds/reset", 2);
});

test("invalid JSON: line and column", async () => {
  const page = await openOn("not-json");
  const text = await errorSaying(page, /not valid JSON: expected value \(line 2, column 13\)/);
  assert.match(text, /Trying again will only help once the feed is fixed/);
});

test("the wrong version: refused, naming the version", async () => {
  const page = await openOn("version");
  await errorSaying(page, /its "version" is "https:\/\/jsonfeed\.org\/version\/2", not JSON Feed 1/);
});

test("items of the wrong types: the good one shows, with a count of those skipped", async () => {
  const page = await openOn("wrong-types");
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await page.locator(".recap-event-card__title").allTextContents(), ["The one good event"]);
  const problems = page.locator(".recap-problems");
  assert.equal(await problems.locator("summary").textContent(), "3 events in this feed could not be read and are not shown.");
  await problems.locator("summary").click();
  const lines = await problems.locator("li").allTextContents();
  assert.match(lines[0], /^items\[1\]\.title: invalid type: integer `42`, expected a string/);
  assert.match(lines[1], /^items\[2\]\.tags: invalid type: string "meetup"/);
  assert.match(lines[2], /^items\[3\]\._recap\.talks: invalid type: integer `3`/);
});

test("a feed with a byte order mark and a byte that is not UTF-8 is read as a browser reads text", async () => {
  const page = await openOn("not-utf8");
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await page.locator(".recap-event-card__title").allTextContents(), ["Caf\ufffd social", "Ünïcode night ☕"]);
  assert.equal(await page.locator(".recap-error, .recap-problems").count(), 0);
});

for (const [name, how] of [["big", "by its Content-Length"], ["big-chunked", "by the bytes read"]]) {
  test(`a 50 MB feed is refused ${how}, over the 40 MB limit`, async (t) => {
    const started = Date.now();
    const page = await openOn(name, undefined, { clock: true });
    const text = await errorSaying(page, /The feed is larger than 40 MB, more than Recap reads at once\./);
    assert.match(text, /Trying again will only help once the feed is fixed/);
    t.diagnostic(`${name}: ${big.length} bytes refused ${Date.now() - started} ms after the page was asked for`);
    // Past the time of the first automatic retry, had there been one.
    await runPast(page, RETRY_DELAYS_MS[0]);
    assert.equal(asked(page, name), 1, "not retried");
    assert.equal(requests.get(`/feeds/${name}`).length, 1, "not retried");
  });
}

test("an HTML page where the feed should be is named as such", async () => {
  const page = await openOn("html");
  const text = await errorSaying(page, /An HTML page came back instead of the feed\. Check the feed's address\./);
  assert.match(text, /Trying again will only help/);
  await page.screenshot({ path: `${SCREENSHOTS}/failure-html.png` });
});

test("the embedded viewer gives up after its feed-timeout too, and asks again past the browser cache", async () => {
  const page = await openPage(file.browser);
  const timeout = 2000;
  // The page's clock stops once the viewer is up and waiting, and is moved on past the time
  // limit by hand: the automatic retry, due a second after the viewer gives up, never comes, so
  // the second request can only be the button's.
  await installClock(page);
  const before = requests.get("/feeds/hang")?.length ?? 0;
  await page.goto(`${server.url}/host.html?feed=/feeds/hang&timeout=${timeout}`);
  const viewer = page.locator("recap-viewer");
  // The viewer is up (its time limit set as its request went out).
  await viewer.locator(".recap-skeleton").waitFor({ state: "attached" });
  await pauseClock(page);
  await requested("/feeds/hang", before + 1);
  await page.clock.runFor(timeout + 1);
  await viewer.locator(".recap-error").waitFor();
  assert.match(await viewer.locator(".recap-error").textContent(), /The server did not answer within 2 s/);
  assert.match(await viewer.locator(".recap-error").textContent(), /trying again in 1 s/);
  assert.equal(asked(page, "hang"), 1, "no retry yet");
  await viewer.getByRole("button", { name: "Try again" }).click();
  await requested("/feeds/hang", before + 2);
  assert.equal(asked(page, "hang"), 2);
});

test("a page that reports a panic fails its test", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/feeds/404`);
  await errorSaying(page, /404/);
  const said = page.waitForEvent("console");
  await page.evaluate(() => console.error("recap: panic", "src/example.rs", 1));
  await said;
  await assert.rejects(closePages(), /the app panicked:\n.*recap: panic src\/example\.rs 1/);
});
