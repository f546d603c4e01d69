// The hostile feed's end-to-end checks, shared by hostile.test.mjs (the app) and
// hostile-pages.test.mjs (the pages `recap-feed pages` writes): pages whose traps record
// instead of running, and one check of a page against everything that must not happen.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { openPage } from "./browser.mjs";
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

// The traps and checks of one test file. `fired`: every trap call and dialog seen.
export function hostileGuard(corpus) {
  const fired = [];
  const tried = new Set();

  // A page (in `context`, or a new one) whose __trap, alert, confirm, prompt and print record
  // instead of running, in every frame, and report to the test at once (a page that navigates
  // away cannot lose the report); a dialog is recorded and dismissed.
  async function guardedPage(browser, { context, ...options } = {}) {
    const page = context ? await context.newPage() : await openPage(browser, options);
    if (context) {
      page.requests = [];
      page.on("request", (request) => page.requests.push(request.url()));
    }
    page.fired = [];
    const note = (what) => {
      page.fired.push(what);
      fired.push(what);
    };
    page.on("dialog", (dialog) => {
      note(`dialog ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    await page.exposeFunction("__recapTrapped", (what) => note(what));
    await page.addInitScript(() => {
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
    const away = page.requests.filter((url) => url !== favicon && !origins.some((o) => url.startsWith(`${o}/`)));
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
    return (
      `hostile corpus (${label}): ${HTML.length + URLS.length + TEXT.length} vectors written (${HTML.length} HTML, ` +
      `${URLS.length} URL, ${TEXT.length} text), ${distinct} distinct inputs (field, string) in ${fields.size} fields, ` +
      `${classes.size} classes; ${opened} of them on the pages opened, ${fired.length} executed`
    );
  }

  return { fired, guardedPage, check, report };
}
