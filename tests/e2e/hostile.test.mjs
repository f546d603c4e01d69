// End to end: the hostile feed (tests/fixtures/hostile/) through the app under the site's
// Content-Security-Policy (hostile-app.mjs), and controls showing that the traps, the audit and
// the pointing, focusing and clicking of links catch what they are there to catch. The same
// run with the policy off is hostile-policy-off.test.mjs's; the pages `recap-feed pages`
// writes from the same feed are hostile-pages.test.mjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT_MS, waitUntil } from "./browser.mjs";
import { hostileGuard } from "./hostile.mjs";
import { hostileApp } from "./hostile-app.mjs";

const app = hostileApp("under the policy", { policyOff: false });

test("the traps and the audit catch what runs and what should not be there", async () => {
  // A guard of its own: what this test makes run is not counted for the corpus. With the
  // policy off, as in the second run, where the page's policy no longer stops the injected
  // handler before the trap: the policy is still in the page, and off all the same.
  const control = hostileGuard(app.corpus);
  const page = await control.guardedPage(app.browser, { policyOff: true });
  await page.goto(`${app.server.url}/`);
  await page.waitForSelector(".recap-event-card");
  assert.match(await page.evaluate(() => document.querySelector("meta[http-equiv=Content-Security-Policy]")?.content), /script-src 'self'/);
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
  await assert.rejects(control.check(page, "a page with injected markup", { origins: app.origins }), (error) => {
    assert.match(error.message, /something ran/);
    return true;
  });
  assert.equal(control.fired.length, 2, control.fired.join("\n"));
  assert.match(control.fired.join("\n"), /__trap\(-1\)/);
  assert.match(control.fired.join("\n"), /alert\(-2\)/);
  page.fired.length = 0;
  await assert.rejects(control.check(page, "a page with injected markup", { origins: app.origins }), (error) => {
    for (const what of [/event handler onerror/, /javascript: URL in href/, /id the app did not write/]) assert.match(error.message, what);
    return true;
  });
});

test("pointing at, focusing and clicking every link catches what a pointer, focus or click runs", async () => {
  const control = hostileGuard(app.corpus);
  const page = await control.guardedPage(app.browser, { policyOff: true });
  await page.goto(`${app.server.url}/`);
  await app.waitForList(page);
  // Markup a sanitiser must never let through, in the place of a post and alone on the page:
  // each handler and URL runs only if its link is hovered, focused or clicked, or (the last,
  // hidden) clicked from script.
  await page.evaluate((leak) => {
    const post = document.createElement("div");
    post.className = "recap-full__body";
    post.innerHTML =
      '<a href="javascript:__trap(-1)">script URL</a> <a onmouseover="__trap(-2)">hover</a> ' +
      '<span tabindex=0 onfocus="__trap(-3)">focus</span> <a onclick="__trap(-4)">click</a> ' +
      `<a href="${leak}/away">away</a> ` +
      '<a href="javascript:__trap(-5)" hidden>hidden</a>';
    document.body.replaceChildren(post);
  }, "http://leak.invalid");
  const ready = async () => {
    await page.goto(`${app.server.url}/`);
    await app.waitForList(page);
  };
  await assert.rejects(control.exercise(page, "a page with injected links", { ready, origins: app.origins }), /something ran/);
  assert.deepEqual(control.fired.map((f) => /-\d/.exec(f)[0]).sort(), ["-1", "-2", "-3", "-4", "-5"], control.fired.join("\n"));
  assert.equal(control.links.exercised, 6);
  // The link away was followed, answered with 204, and left the page where it was.
  assert.deepEqual(page.followed, ["http://leak.invalid/away"]);
  assert.equal(page.url(), `${app.server.url}/`);
});
