// The hostile feed's end-to-end checks, shared by hostile.test.mjs (the app) and
// hostile-pages.test.mjs (the pages `recap-feed pages` writes): pages whose traps record
// instead of running, and one check of a page against everything that must not happen.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { openPage, WAIT_MS } from "./browser.mjs";
import { ALLOW, OUTSIDE_REL, auditDocument } from "./audit.mjs";
import { coverage, hostileFeed } from "../fixtures/hostile/corpus.mjs";
import { HTML, TEXT, URL as URLS } from "../fixtures/hostile/vectors.mjs";

// The hostile feed for a server at `origin`, written to `dir/feed.json`; with the ids of the
// events it lists, newest first (the broken items left out).
export function writeHostileFeed(dir, origin) {
  const corpus = hostileFeed(origin);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/feed.json`, JSON.stringify(corpus.feed));
  corpus.events = corpus.feed.items
    .filter((item) => typeof item.title === "string" && !/</.test(item.date_published))
    .sort((a, b) => b.date_published.localeCompare(a.date_published))
    .map((item) => item.id);
  corpus.title = (id) => corpus.feed.items.find((item) => item.id === id).title;
  return corpus;
}

// The directory `recap-feed pages` writes for an event: its id with everything but A-Z a-z 0-9
// - . _ ~ percent-encoded.
export const eventDir = (id) =>
  [...Buffer.from(id)]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");

// A title as the tests compare it: controls and U+FFFD (what the HTML parser makes of NUL)
// left out, ASCII white space collapsed as document.title does.
export const comparableTitle = (title) =>
  title
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g, "")
    .replace(/[\t\n\f\r ]+/g, " ")
    .replace(/^ | $/g, "");

// What a visitor can point at, focus and follow: every link and image-map area on the page, and
// anything in a post that takes focus or a click (the sanitiser keeps none of these but links;
// the audit fails any other).
export const TARGETS = [
  "a",
  "area",
  ".recap-full__body button",
  ".recap-full__body input",
  ".recap-full__body summary",
  ".recap-full__body [tabindex]",
].join(", ");

// In the page: from the `from`-th element matching `selector`, each one scrolled into view,
// pointed at, focused and clicked (the events a visitor's pointer and keyboard send, and the
// click's default action: a link is followed, a javascript: URL would run). After each, a
// probe: a javascript: link of the test's own, clicked, whose run is awaited; javascript: URLs
// run in the order they were followed, so once the probe has run, whatever the click queued
// has too, and the traps have reported. Those matching `except` are left out. Stops after a
// click that took the page to another of the site's paths (the app's own links): `moved`, with
// `next` the one to resume from.
async function exerciseLinks({ selector, except, from, wait }) {
  const path = location.pathname;
  const targets = () => [...document.querySelectorAll(selector)].filter((el) => !except || !el.matches(except));
  // A click that would load another document is recorded and stopped there, as a visitor
  // leaving (the page stays on trial). A javascript: URL is not such a navigation: it runs.
  const followed = [];
  const leave = (e) => {
    if (e.destination.sameDocument) return;
    followed.push(e.destination.url);
    if (e.cancelable) e.preventDefault();
  };
  const probe = () =>
    new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error(`the probe's javascript: link did not run within ${wait} ms (is the policy off?)`)), wait);
      window.__recapProbed = () => resolve(clearTimeout(late));
      const a = document.createElement("a");
      a.href = "javascript:void window.__recapProbed()";
      document.body.append(a);
      a.click();
      a.remove();
    });
  const send = (el, types, at) => {
    for (const type of types) {
      const Event = type.startsWith("pointer") ? PointerEvent : MouseEvent;
      el.dispatchEvent(new Event(type, { ...at, bubbles: !type.endsWith("enter") }));
    }
  };
  navigation.addEventListener("navigate", leave);
  try {
    for (let i = from; i < targets().length; i++) {
      const el = targets()[i];
      const what = el.outerHTML.slice(0, 160);
      el.scrollIntoView({ block: "center" });
      const { left, top, width, height } = el.getBoundingClientRect();
      const at = { cancelable: true, composed: true, view: window, clientX: left + width / 2, clientY: top + height / 2 };
      send(el, ["pointerover", "pointerenter", "mouseover", "mouseenter", "pointermove", "mousemove"], at);
      el.focus();
      send(el, ["pointerdown", "mousedown", "pointerup", "mouseup"], at);
      el.click();
      await probe();
      if (location.pathname !== path) return { next: i + 1, what, moved: true, href: location.href, followed };
    }
    return { next: targets().length, moved: false, followed };
  } finally {
    navigation.removeEventListener("navigate", leave);
  }
}

// The traps and checks of one test file (or of one run of it). `fired`: every trap call and
// dialog seen; `links`: the figures of exercise().
export function hostileGuard(corpus) {
  const fired = [];
  const tried = new Set();
  // Links exercised (pointed at, focused and clicked); clicks that went to another page,
  // stopped there so that the page stays; windows opened; the app's own links left to the
  // caller.
  const links = { exercised: 0, followed: 0, windows: 0, left: 0 };

  // A page (in `context`, or a new one) whose __trap, alert, confirm, prompt and print record
  // instead of running, in every frame and every window it opens, and report to the test at
  // once (a page that navigates away cannot lose the report); a dialog is recorded and
  // dismissed. `policyOff`: the page's Content-Security-Policy is off (Playwright's bypassCSP,
  // which also turns off the policy of the page's <meta http-equiv>), so that only the
  // sanitiser and the escaping stand between a vector and its trap.
  async function guardedPage(browser, { context, policyOff = false, ...options } = {}) {
    const page = context ? await context.newPage() : await openPage(browser, { ...options, bypassCSP: policyOff });
    if (context) {
      page.requests = [];
      page.on("request", (request) => page.requests.push(request.url()));
    }
    page.policyOff = policyOff;
    page.fired = [];
    page.followed = [];
    page.windows = [];
    page.exercising = false;
    const note = (what) => {
      page.fired.push(what);
      fired.push(what);
    };
    const onDialog = (dialog) => {
      note(`dialog ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    };
    page.on("dialog", onDialog);
    const owner = page.context();
    owner.on("page", (opened) => {
      if (opened === page) return;
      page.windows.push(opened);
      opened.on("dialog", onDialog);
    });
    // While links are exercised, a load of another document that the page could not stop
    // (exerciseLinks stops those it can) is answered with 204 No Content: the browser stays on
    // the page, which stays on trial.
    const followed = (request) => page.exercising && request.isNavigationRequest() && !request.frame().parentFrame();
    owner.on("request", (request) => {
      if (followed(request)) page.followed.push(request.url());
    });
    await owner.route("**/*", (route, request) => (followed(request) ? route.fulfill({ status: 204 }) : route.fallback()));
    await owner.exposeFunction("__recapTrapped", (what) => note(what));
    await owner.addInitScript(() => {
      const record = (name) =>
        function trapped(...args) {
          window.__recapTrapped?.(`${name}(${args.map(String).join(", ")}) at ${location.href}`);
        };
      Object.defineProperty(window, "__trap", { value: record("__trap"), writable: false, configurable: false });
      for (const name of ["alert", "confirm", "prompt", "print"]) {
        Object.defineProperty(window, name, { value: record(name), writable: false, configurable: false });
      }
    });
    return page;
  }

  // Points at, focuses and clicks every TARGETS on the page, in document order, with the
  // policy off; fails on anything that ran, on a page that is not the site's any more, or on
  // anything check() finds once done. A click that takes the page elsewhere in the site (a
  // link of the app's) is checked where it leads, then `ready(address)` brings the page back
  // and the rest follow. `except`: the app's own links left to the caller, which follows them.
  async function exercise(page, where, { ready, except = null, ...options }) {
    assert.ok(page.policyOff, "links are exercised with the policy off");
    const start = await page.evaluate(() => location.href);
    const count = await page.locator(TARGETS).count();
    // (Read first, then added: pages exercised at once share the figures.)
    const left = except ? await page.locator(except).count() : 0;
    links.left += left;
    const followed = page.followed.length;
    let from = 0;
    page.exercising = true;
    try {
      for (;;) {
        const done = await page.evaluate(exerciseLinks, { selector: TARGETS, except, from, wait: WAIT_MS });
        links.exercised += done.next - from;
        page.followed.push(...done.followed);
        for (const opened of page.windows.splice(0)) {
          links.windows++;
          assert.ok(/^(about:blank|https?:)/.test(opened.url()), `a link on ${where} opened ${opened.url()}`);
          await opened.close();
        }
        if (!done.moved) break;
        assert.deepEqual(page.fired, [], `something ran on ${where} after ${done.what}`);
        assert.ok(options.origins.some((o) => done.href.startsWith(`${o}/`)), `${done.what} on ${where} went to ${done.href}`);
        page.exercising = false;
        await ready(start);
        page.exercising = true;
        assert.equal(await page.evaluate(() => location.href), start, `back on ${where}`);
        assert.ok((await page.locator(TARGETS).count()) >= count, `the links of ${where}, once back`);
        from = done.next;
      }
    } finally {
      page.exercising = false;
    }
    links.followed += page.followed.length - followed;
    await check(page, `${where}, every link pointed at, focused and clicked`, options);
  }

  // Fails on anything that ran, a request to any origin but `origins`, a page that went
  // elsewhere, or anything the audit finds. `item`: the event shown, whose inputs count as
  // tried; none: a list, where the feed's own inputs and the cards' fields are.
  async function check(page, where, { item, origins, frameOrigins = [] }) {
    for (const input of corpus.inputs) {
      const onList = item === undefined && ["title", "tags", "location", "image", "speaker.org", "talk.title", "id"].includes(input.field);
      if (input.item === (item ?? null) || onList) tried.add(input.n);
    }
    assert.deepEqual(page.fired, [], `something ran on ${where}`);
    const favicon = await page.evaluate(() => document.querySelector("link[rel=icon]")?.href ?? "");
    // Links clicked on purpose are followed (and answered with 204 No Content): not requests
    // the page made.
    const followed = new Set(page.followed);
    assert.deepEqual(page.followed.filter((url) => !/^(https?|mailto):/.test(url)), [], `links followed on ${where} to other schemes`);
    const away = page.requests.filter((url) => url !== favicon && !followed.has(url) && !origins.some((o) => url.startsWith(`${o}/`)));
    assert.deepEqual(away, [], `requests to other hosts on ${where}`);
    assert.ok(origins.some((o) => page.url().startsWith(`${o}/`)), `the page went to ${page.url()}`);
    const problems = await page.evaluate(auditDocument, { frameOrigins, rel: OUTSIDE_REL, allow: ALLOW });
    assert.deepEqual(problems, [], `on ${where}`);
  }

  // One line for the log: what the corpus holds, what was tried, what ran.
  function report(label) {
    const { fields, classes } = coverage(corpus.inputs);
    const key = (i) => `${i.field}\u0000${i.value}`;
    const distinct = new Set(corpus.inputs.map(key)).size;
    const opened = new Set(corpus.inputs.filter((i) => tried.has(i.n)).map(key)).size;
    const clicked =
      links.exercised > 0
        ? `; ${links.exercised} links pointed at, focused and clicked (${links.followed} would have left the page, ` +
          `${links.windows} opened a window${links.left ? `; ${links.left} of the app's own links left to the walk` : ""})`
        : "";
    return (
      `hostile corpus (${label}): ${HTML.length + URLS.length + TEXT.length} vectors written (${HTML.length} HTML, ` +
      `${URLS.length} URL, ${TEXT.length} text), ${distinct} distinct inputs (field, string) in ${fields.size} fields, ` +
      `${classes.size} classes; ${opened} of them on the pages opened${clicked}; ${fired.length} executed`
    );
  }

  return { fired, links, guardedPage, exercise, check, report };
}
