// End to end: the app built for a sub-path (`trunk build --public-url /recap/`) and served there,
// as a community site would host it beside its own pages.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { closePages, errorsBesidesPictures, launch, openPage } from "./browser.mjs";
import { newestFirst, sample } from "./sample.mjs";
import { startServer } from "./server.mjs";

const DIST = "target/dist-subpath";

let server;
let browser;
before(async () => {
  // The same crates as dist/: only wasm-bindgen, wasm-opt and the HTML are redone. The test
  // command builds it beside dist/; run alone, this file builds it when it is missing or older.
  if (!existsSync(`${DIST}/index.html`) || statSync(`${DIST}/index.html`).mtimeMs < statSync("dist/index.html").mtimeMs) {
    execFileSync("trunk", ["build", "--release", "--offline", "--public-url", "/recap/", "--dist", DIST], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  mkdirSync("target/e2e-generated", { recursive: true });
  const bare = structuredClone(sample);
  for (const item of bare.items) delete item._recap.talks;
  writeFileSync("target/e2e-generated/sample-no-talks.json", JSON.stringify(bare));
  server = await startServer({ root: DIST, base: "/recap/" });
  browser = await launch();
});
afterEach(closePages);
after(async () => {
  await closePages();
  await browser?.close();
  await server?.close();
});

test("under a sub-path: the list, an event, a deep link reloaded, and the way back", async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/recap/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent(".recap-event-card__title"), newestFirst[0].title);
  assert.deepEqual(
    page.requests.filter((u) => !new URL(u).pathname.startsWith("/recap/")),
    [],
    "every file comes from under /recap/",
  );
  await page.locator(".recap-event-card__link").first().click();
  await page.waitForSelector(".recap-talk");
  const path = new URL(page.url()).pathname;
  assert.equal(path, `/recap/events/${encodeURIComponent(newestFirst[0].id)}`);
  await page.reload();
  await page.waitForSelector(".recap-talk");
  assert.equal(await page.textContent("h1"), newestFirst[0].title);
  await page.getByRole("link", { name: "← All events" }).click();
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(new URL(page.url()).pathname, "/recap/");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("under a sub-path: the extractor is found beside the app", async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/recap/?feed=/generated/sample-no-talks.json`);
  await page.waitForSelector(".recap-event-card__title");
  assert.deepEqual(
    page.requests.filter((u) => /recap-extract/.test(u)).map((u) => new URL(u).pathname),
    ["/recap/recap-extract.js", "/recap/recap-extract_bg.wasm"],
  );
  const counts = await page.$$eval(".recap-event-card__talks", (els) => els.map((e) => e.textContent));
  assert.ok(counts.some((c) => /^\d+ talks?$/.test(c)), counts.join(", "));
  assert.equal(await page.$(".recap-problems"), null);
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("on a host without rewrites, a deep link still opens its event (404.html is the app)", async () => {
  const plain = await startServer({ root: DIST, base: "/recap/", rewrites: false });
  try {
    const item = newestFirst[2];
    const talk = item._recap.talks.find((t) => t.start !== null);
    const page = await openPage(browser);
    const response = await page.goto(`${plain.url}/recap/events/${encodeURIComponent(item.id)}?t=${talk.start}`);
    assert.equal(response.status(), 404, "the host answers 404, with the app");
    await page.waitForSelector(".recap-talk");
    assert.equal(await page.textContent("h1"), item.title);
    assert.equal(await page.locator(".recap-video__play").count(), 1);
    assert.match(await page.locator(".recap-video__play").textContent(), / from \d/);
    // Nothing else under /recap/ was missing.
    assert.deepEqual(
      page.errors.filter((e) => !e.includes("404") || !e.includes(`/recap/events/`)),
      [],
    );
  } finally {
    await plain.close();
  }
});
