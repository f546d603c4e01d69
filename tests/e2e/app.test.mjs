// End to end: the built site in headless Chromium, as a visitor sees it.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { openPage, SCREENSHOTS } from "./browser.mjs";
import { cardTitles, newestFirst, sample, talkCount } from "./sample.mjs";
import { installClock, pauseClock, requestsSettled } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

let server;
const file = e2eFile();
before(async () => {
  server = await file.serve();
});

test("the sample events are listed newest first with date, place and talks", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card__title");

  assert.equal(await page.textContent("h1"), sample.title);
  assert.equal(await page.title(), sample.title);
  assert.deepEqual(await cardTitles(page), newestFirst.map((item) => item.title));
  assert.deepEqual(
    await page.$$eval(".recap-event-card__talks", (els) => els.map((e) => e.textContent)),
    newestFirst.map((item) => talkCount(item._recap?.talks?.length ?? 0)),
  );
  const firstCard = await page.textContent(".recap-event-card");
  assert.match(firstCard, /Wednesday \d{1,2} \w+ 20\d\d/);
  assert.ok(firstCard.includes(newestFirst[0]._recap.location));
  assert.equal(await page.$(".recap-problems"), null, "the sample feed has no problems");
  // The sample feed names one picture that is missing on purpose: its 404 is the only error.
  assert.deepEqual(page.errors.filter((e) => !e.includes("404")), []);

  await page.screenshot({ path: `${SCREENSHOTS}/list-1280.png`, fullPage: true });
  const phone = await openPage(file.browser, { width: 360, height: 780, colorScheme: "dark" });
  await phone.goto(`${server.url}/`);
  await phone.waitForSelector(".recap-event-card__title");
  await phone.screenshot({ path: `${SCREENSHOTS}/list-360-dark.png` });
});

test("a feed that cannot be fetched shows the error, and Try again loads the events", async () => {
  const page = await openPage(file.browser);
  // The page's clock stops as the failing request goes out: the automatic retry, due a second
  // after the error, is held, so the request that loads the events can only be the button's.
  await installClock(page);
  let down = true;
  let asked = 0;
  await page.route("**/feed.json", async (route) => {
    asked += 1;
    if (!down) return route.continue();
    await pauseClock(page);
    return route.fulfill({ status: 503, body: "down for maintenance" });
  });
  await page.goto(`${server.url}/`);
  const alert = await page.waitForSelector("[role=alert]");
  assert.match(await alert.textContent(), /The server answered 503/);
  assert.match(await alert.textContent(), /feed\.json/);
  assert.match(await alert.textContent(), /trying again in 1 s/);
  await page.screenshot({ path: `${SCREENSHOTS}/error-503.png` });

  down = false;
  assert.equal(asked, 1);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(asked, 2, "one request, the button's");
  await page.clock.resume();
  assert.equal((await cardTitles(page)).length, sample.items.length);
  assert.equal(await page.$("[role=alert]"), null);
  assert.deepEqual(page.errors.filter((e) => !e.includes("503") && !e.includes("404")), []);
});

test("a feed that is not JSON is reported with its line", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/fixtures/feeds/not-json.json`);
  const alert = await page.waitForSelector("[role=alert]");
  const text = await alert.textContent();
  assert.match(text, /not valid JSON/);
  assert.match(text, /line 5/);
  assert.match(text, /Trying again will only help once the feed is fixed/);
  await page.screenshot({ path: `${SCREENSHOTS}/error-not-json.png` });
});

test("broken items are reported and skipped; the rest is shown", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=fixtures/feeds/partly-broken.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(await cardTitles(page), ["Quayside Rust May 2022", "Quayside Rust March 2022"]);
  const problems = page.locator(".recap-problems");
  assert.match(await problems.locator("summary").textContent(), /2 events in this feed could not be read/);
  await problems.locator("summary").click();
  const lines = await problems.locator("li").allTextContents();
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^items\[1\]\.date_published: not RFC 3339/);
  assert.match(lines[1], /^items\[3\]\._recap\.talks\[0\]\.start: invalid type: string "30:00", expected whole seconds/);
  await page.screenshot({ path: `${SCREENSHOTS}/partly-broken.png`, fullPage: true });
});

test("a link cannot make the page load a feed from another site", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=${encodeURIComponent("https://feeds.example/forged.json")}`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal((await cardTitles(page)).length, sample.items.length, "the site's own feed is shown");
  assert.match(await page.textContent(".recap-notice"), /is on another site/);
  await requestsSettled(page);
  assert.deepEqual(
    page.requests.filter((url) => !url.startsWith(server.url)),
    [],
    "no request leaves the site",
  );
});

test("the mount element's data-feed names the feed", async () => {
  const page = await openPage(file.browser);
  await page.route(`${server.url}/`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /data-feed="?feed\.json"?/,
      'data-feed="fixtures/feeds/small.json"',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent("h1"), "Quayside Rust Evenings");
  assert.deepEqual(await cardTitles(page), [
    "Quayside Rust June 2021: Saltmarsh Analytics",
    "Quayside Rust February 2021: Lantern Works and Brackish Systems",
  ]);
  assert.equal(await page.$$eval("a[href^='javascript']", (els) => els.length), 0);
});

test("the app's glue calls only what its wasm exports, and neither carries the stream classes it never uses", () => {
  // scripts/unused-exports.mjs takes wasm-streams' classes out of a release build's app.
  const glue = readdirSync("dist").find((f) => /^recap-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, "dist/ holds the app's glue");
  const js = readFileSync(`dist/${glue}`, "utf8");
  const wasm = new WebAssembly.Module(readFileSync(`dist/${glue.replace(/\.js$/, "_bg.wasm")}`));
  const exported = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));
  // The minified glue calls the wasm's own functions by their export names (wasm-bindgen's
  // start with `__wbg_`, `__wbindgen_` or `wasm_bindgen__`).
  const called = new Set([...js.matchAll(/\.((?:__wbg_|__wbindgen_|wasm_bindgen__)\w+)\(/g)].map((m) => m[1]));
  assert.ok(called.size > 5, "the glue's calls into the wasm are found");
  assert.deepEqual([...called].filter((name) => !exported.has(name)), []);
  assert.ok(exported.has("mount_viewer") && exported.has("viewer_unmount"));
  assert.doesNotMatch(js, /IntoUnderlying/i);
  assert.deepEqual([...exported].filter((name) => /intounderlying/.test(name)), []);
});
