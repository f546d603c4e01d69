// Controls for the guards every end-to-end test relies on (browser.mjs): each makes its guard
// see what it is there to catch, and fails if the guard lets it pass.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { closePages, openPage } from "./browser.mjs";
import { e2eFile } from "./fixture.mjs";

let server;

const file = e2eFile();
before(async () => {
  server = await file.serve();
});

// The site's page, its app shown, under its Content-Security-Policy.
async function sitePage() {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card");
  return page;
}

test("a page that keeps to its Content-Security-Policy closes cleanly", async () => {
  const page = await sitePage();
  assert.deepEqual(page.violations, []);
  await closePages();
});

test("a page that breaks its Content-Security-Policy fails the test when its pages are closed", async () => {
  const page = await sitePage();
  // An inline handler, which the policy blocks. The page sees the violation itself; by the
  // time it has, the listener of openPage has reported it (its listener was added first, and
  // the page's reports reach the test in order).
  const seen = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
        const img = document.createElement("img");
        img.setAttribute("onerror", "void 0");
        img.src = "/none.png";
        document.body.append(img);
      }),
  );
  assert.match(seen, /^script-src/);
  assert.equal(page.violations.length, 1, page.errors.join("\n"));
  assert.match(page.violations[0], /script-src(-attr)? blocked inline/);
  await assert.rejects(closePages(), (error) => {
    assert.match(error.message, /Content-Security-Policy violations/);
    assert.match(error.message, /script-src(-attr)? blocked inline/);
    return true;
  });
});
