#!/usr/bin/env node
// The large-archive benchmark: synthetic posts (`synth_posts`) built by `recap-feed build` into
// (A) a feed paginated with its search index and (B) one unpaginated feed, each served as the
// app client-rendered and pre-rendered (`recap-feed pages`), with the static floor (the
// pre-rendered first screen with its scripts removed) measured in the same run, in headless
// Chromium over local servers. Sites in target/bench-archive/, results in
// target/bench-archive/results.json, a Markdown table of medians on stdout.
//
//   trunk build --release && node scripts/bench-archive.mjs [--events 10000] [--runs 5]
//       [--page-size 100] [--one-page-events N] [--dist dist] [--max-steps 2000]
//       [--scroll-seconds 240] [--wait 20000]
//
// A. paginated: first page painted (as bench-paint.mjs: the later of the first contentful paint
//    and the first card in the document) against the static page; the first search, for an
//    event of the last page, from the input event to a filtered count with that event's card;
//    later keystrokes, from the key to the last change to the document before the first
//    animation frame with the new count (the app's work), and to that frame; deep
//    links to the newest and the oldest event; the largest DOM while scrolling down by a
//    viewport at a time (older pages loaded as the app offers them); JS heap + wasm memory then.
// B. one page of all events: first paint against the static page, memory, and where boot time
//    goes (resource timings, the app's `recap:*` marks when it has them, long tasks).
//
// A benchmark, not a test: what the app cannot do (a search or deep link that finds nothing, a
// feed it refuses) is reported, every wait is bounded, and it fails only if a list never shows.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { markInserted, median, paintedAt, percentile, prerender, recapFeed, staticCopy } from "./bench-lib.mjs";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    "page-size": { type: "string", default: "100" },
    // B's event count, when it should differ from A's (say, under the app's 40 MiB feed limit).
    "one-page-events": { type: "string" },
    dist: { type: "string", default: "dist" },
    // Scrolling stops after this many viewports.
    "max-steps": { type: "string", default: "2000" },
    // … or after this many seconds.
    "scroll-seconds": { type: "string", default: "240" },
    // The bound of every measured wait, in ms.
    wait: { type: "string", default: "20000" },
  },
});
const EVENTS = Number(args.events);
const ONE_PAGE_EVENTS = Number(args["one-page-events"] ?? EVENTS);
const RUNS = Number(args.runs);
const PAGE_SIZE = Number(args["page-size"]);
const MAX_STEPS = Number(args["max-steps"]);
const WAIT = Number(args.wait);
const SCROLL_MS = Number(args["scroll-seconds"]) * 1000;
const OUT = "target/bench-archive";
// An event card with its title, as bench-paint.mjs has it: not the loading skeleton's
// placeholder cards (`.recap-event-card--placeholder`).
const CARD = ".recap-event-card__title";
// Keys typed after the first search, each timed: "clear" selects the box's text (untimed) and
// deletes it with Backspace (timed). Short prefixes match many events.
const KEYS = ["clear", ..."gpu", "clear", ..."juniper", "clear", ..."at scale"];
const started = Date.now();
const log = (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);

// ---------------------------------------------------------------------------------------------
// The sites.

function synthPosts(count) {
  const dir = `${OUT}/posts-${count}`;
  rmSync(dir, { recursive: true, force: true });
  execFileSync("cargo", ["run", "-q", "--offline", "--release", "-p", "recap-feed", "--example", "synth_posts", "--", dir, String(count)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return `${dir}/_posts`;
}

function buildFeed(name, posts, pageSize) {
  const dir = `${OUT}/feeds/${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  recapFeed("build", posts, "--out", `${dir}/feed.json`, ...(pageSize ? ["--page-size", String(pageSize)] : []));
  return dir;
}

// The built app with the feed files of `feeds`; pre-rendered ones get static.html, the floor.
function site(name, feeds, prerendered) {
  const dir = `${OUT}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(args.dist, dir, { recursive: true });
  for (const file of readdirSync(feeds)) cpSync(`${feeds}/${file}`, `${dir}/${file}`);
  if (prerendered) {
    prerender(dir);
    writeFileSync(`${dir}/static.html`, staticCopy(readFileSync(`${dir}/index.html`, "utf8")));
  }
  return dir;
}

// Every item of a feed, following next_url through the files beside it.
function readItems(dir) {
  const pages = [];
  for (let file = "feed.json"; file; ) {
    const page = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
    pages.push(page.items);
    file = page.next_url;
  }
  return pages;
}

// What the viewer searches in an item (recap_core::search::searchable_text), lower-cased.
function searchText(item) {
  const parts = [item.title ?? ""];
  for (const talk of item._recap?.talks ?? []) {
    if (talk.title) parts.push(talk.title);
    for (const s of talk.speakers ?? []) parts.push(s.name, s.org ?? "");
    parts.push(...(talk.takeaways ?? []));
  }
  return parts.join("\n").toLowerCase();
}

// The last page's event whose title, as a query, matches the fewest events of the archive
// (every term somewhere, as the viewer searches); the oldest of equals.
function searchTarget(pages) {
  const texts = pages.flat().map(searchText);
  let best;
  for (const item of pages.at(-1)) {
    const terms = item.title.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = texts.filter((text) => terms.every((t) => text.includes(t))).length;
    if (!best || matches <= best.matches) best = { id: item.id, title: item.title, query: item.title, matches };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// In the page.

// Before the page's own scripts: keeps every wasm instance's exported memory, records long
// tasks, and lets the resource timing buffer hold every request.
function instrument() {
  const memories = new Set();
  window.__benchMemories = memories;
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.add(value);
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(keep);
    };
  }
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  performance.setResourceTimingBufferSize(100000);
  // The time of the first key, beforeinput or input event since armed (event.timeStamp).
  window.__bench = { armed: false, t0: null };
  for (const type of ["keydown", "beforeinput", "input"]) {
    window.addEventListener(type, (e) => {
      if (window.__bench.armed && window.__bench.t0 === null) window.__bench.t0 = e.timeStamp;
    }, true);
  }
}

async function open(browser, url, { selector = CARD } = {}) {
  const page = await openPage(browser);
  page.setDefaultTimeout(WAIT);
  await page.addInitScript(instrument);
  await markInserted(page, selector);
  await page.goto(url);
  return page;
}

// Resolves once nothing in the document changed for `quiet` ms (or after `cap` ms).
function settle(page, quiet = 500, cap = WAIT) {
  return page.evaluate(([quiet, cap]) => new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    const observer = new MutationObserver(() => (last = performance.now()));
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const tick = () => {
      const now = performance.now();
      if (now - last >= quiet || now - start >= cap) {
        observer.disconnect();
        resolve(now - start);
      } else setTimeout(tick, 50);
    };
    setTimeout(tick, 50);
  }), [quiet, cap]);
}

// The feed error the app shows, if it shows one.
const shownError = (page) =>
  page.evaluate(() => {
    const error = document.querySelector(".recap-error");
    return error ? (error.querySelector(".recap-error__message") ?? error).textContent.replace(/\s+/g, " ").trim() : null;
  });

const NOTHING = "nothing shown";

// Waits for the list (or the app's feed error): { painted } or { error }.
async function listShown(page) {
  try {
    await page.waitForSelector(`${CARD}, .recap-error`);
  } catch {
    return { error: NOTHING };
  }
  const error = await shownError(page);
  if (error && !(await page.$(CARD))) return { error };
  return { painted: await paintedAt(page, CARD) };
}

// Waits until the app runs the page: its list (client-rendered), or its takeover of the
// pre-rendered page done; then until the page is quiet. Returns the feed error, if any.
async function appUp(page, prerendered) {
  const ready = prerendered ? `.recap-takeover:not([hidden]), .recap-error` : `${CARD}, .recap-error, .recap-not-found, .recap-event__header`;
  try {
    await page.waitForSelector(ready, { state: "attached" });
  } catch {
    return "the app did not take the page over";
  }
  await settle(page);
  return shownError(page);
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const wasm = await page.evaluate(() => [...window.__benchMemories].reduce((sum, m) => sum + m.buffer.byteLength, 0));
  const heapMB = metric("JSHeapUsedSize") / 2 ** 20;
  const wasmMB = wasm / 2 ** 20;
  return { heapMB, wasmMB, totalMB: heapMB + wasmMB, nodes: metric("Nodes") };
}

// What a page's boot left in its timeline.
function bootTimeline(page) {
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null;
    const resources = performance.getEntriesByType("resource");
    const feed = resources.find((r) => /\/feed\.json(\?|$)/.test(new URL(r.name).pathname + new URL(r.name).search));
    const wasm = resources.find((r) => /_bg\.wasm$/.test(r.name) && !/recap-extract/.test(r.name));
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      wasmStart: wasm?.startTime ?? null,
      wasmEnd: wasm?.responseEnd ?? null,
      feedStart: feed?.startTime ?? null,
      feedEnd: feed?.responseEnd ?? null,
      feedBytes: feed?.decodedBodySize ?? null,
      fetched: mark("recap:feed-fetched"),
      parsed: mark("recap:feed-parsed"),
      built: mark("recap:list-built"),
      measures: performance.getEntriesByType("measure").map((m) => [m.name, m.startTime, m.duration]),
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
      load: navigation?.loadEventEnd ?? null,
      longTasks: window.__benchLongTasks,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The measures.

// First paint of `url`; with `boot`, also the page's timeline and memory once it is quiet.
async function paintRun(browser, url, { boot = false } = {}) {
  const page = await open(browser, url);
  try {
    const shown = await listShown(page);
    if (!boot) return shown;
    await settle(page, 1000);
    return { ...shown, boot: await bootTimeline(page), memory: await memory(page), error: shown.error ?? (await shownError(page)) };
  } finally {
    await page.context().close();
  }
}

// The first search, then KEYS one at a time, on a fresh page.
async function searchRun(browser, url, prerendered, target) {
  const page = await open(browser, url);
  try {
    const error = await appUp(page, prerendered);
    if (error) return { error };
    await page.focus("#recap-search");
    // Armed before the key is sent, so the watch misses nothing; it leaves its result in the page.
    await page.evaluate(([title, wait]) => {
      const bench = window.__bench;
      bench.t0 = null;
      bench.result = null;
      bench.armed = true;
      const start = performance.now();
      let last = start;
      const state = () => {
        const count = document.querySelector(".recap-count")?.textContent.trim() ?? "";
        const filtered = /^(\d+) of (\d+) events?$/.exec(count);
        const card = [...document.querySelectorAll(".recap-event-card__title")].some((e) => e.textContent.trim() === title);
        return { count, filtered, card };
      };
      const done = (result) => {
        if (bench.result) return;
        observer.disconnect();
        clearInterval(timer);
        bench.armed = false;
        bench.result = { ...result, ms: result.found ? result.at - bench.t0 : null };
      };
      const observer = new MutationObserver(() => {
        last = performance.now();
        const s = state();
        if (bench.t0 !== null && s.filtered && s.card) done({ found: true, at: last, count: s.count });
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
      // Not found: a filtered count without the event, and nothing changing for 3 s; or the bound.
      const timer = setInterval(() => {
        const now = performance.now();
        const s = state();
        if (bench.t0 !== null && s.filtered && !s.card && now - last > 3000) done({ found: false, why: "not found", count: s.count });
        else if (now - start > wait) done({ found: false, why: "timed out", count: s.count });
      }, 100);
    }, [target.title, WAIT]);
    await page.keyboard.insertText(target.query);
    const first = await result(page);
    const keys = [];
    for (const key of KEYS) keys.push(await keystroke(page, key));
    return { first, keys };
  } finally {
    await page.context().close();
  }
}

// One key, timed from its event to the first animation frame that shows a new count. A key
// that leaves the count as it was is timed to the first frame after the address shows the new
// query (the app keeps the search in the URL), once the count stayed the same for 1 s.
async function keystroke(page, key) {
  if (key === "clear") await page.evaluate(() => document.querySelector("#recap-search").select());
  await page.evaluate((wait) => {
    const bench = window.__bench;
    bench.t0 = null;
    bench.result = null;
    bench.armed = true;
    const before = document.querySelector(".recap-count")?.textContent ?? null;
    const start = performance.now();
    let inUrl = null;
    // The app's work: until the last change to the document before that frame (a mutation
    // observer's callback runs when the script that changed it is done).
    let changed = null;
    const observer = new MutationObserver(() => {
      if (bench.t0 !== null) changed = performance.now();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => {
      const now = performance.now();
      const text = document.querySelector(".recap-count")?.textContent ?? null;
      const value = document.querySelector("#recap-search")?.value ?? "";
      const finish = (result) => {
        observer.disconnect();
        bench.armed = false;
        const work = result.ms == null || changed == null ? null : Math.min(result.ms, changed - bench.t0);
        bench.result = { ...result, work, count: text, value };
      };
      if (bench.t0 !== null && text !== before) return finish({ ms: now - bench.t0, changed: true });
      const q = new URLSearchParams(location.search).get("q") ?? "";
      if (bench.t0 !== null && inUrl === null && q === (value.trim() ? value : "")) inUrl = now;
      if (inUrl !== null && now - inUrl > 1000) return finish({ ms: inUrl - bench.t0, changed: false });
      if (now - start > wait) return finish({ ms: null, changed: false });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, 5000);
  if (key === "clear") await page.keyboard.press("Backspace");
  else await page.keyboard.type(key);
  return { key, ...(await result(page)) };
}

// What the watch armed in the page found (it ends by itself within its bound).
async function result(page) {
  await page.waitForFunction(() => window.__bench.result, null, { timeout: WAIT + 10000 });
  return page.evaluate(() => window.__bench.result);
}

// A deep link to `id`: the time its title shows (the later of the first contentful paint and
// the heading in the document), and what the page shows once the app runs it.
async function deepLinkRun(browser, url, prerendered, title) {
  const page = await openPage(browser);
  page.setDefaultTimeout(WAIT);
  await page.addInitScript(instrument);
  await page.addInitScript((title) => {
    new MutationObserver((_, observer) => {
      const h1 = document.querySelector(".recap-event__header h1");
      if (h1 && h1.textContent.trim() === title) {
        observer.disconnect();
        performance.mark("title");
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, title);
  try {
    await page.goto(url);
    const outcome = await page
      .waitForFunction(() => {
        if (performance.getEntriesByName("title").length && performance.getEntriesByName("first-contentful-paint").length) return "title";
        // An answer once it has stood for 3 s (the app may look further, in its index, first).
        const answer = document.querySelector(".recap-not-found") ? "not found" : document.querySelector(".recap-error") ? "error" : null;
        if (answer !== window.__answer?.[0]) window.__answer = [answer, performance.now()];
        return answer && performance.now() - window.__answer[1] > 3000 ? answer : false;
      })
      .then((h) => h.jsonValue())
      .catch(() => "timed out");
    const ms = outcome === "title"
      ? await page.evaluate(() => Math.max(performance.getEntriesByName("title")[0].startTime, performance.getEntriesByName("first-contentful-paint")[0].startTime))
      : null;
    // Once the app runs the page: the title still there, or what replaced it.
    const error = await appUp(page, prerendered);
    const shows = (title) => {
      const h1 = [...document.querySelectorAll(".recap-event__header h1")].find((h) => h.offsetParent !== null);
      return h1?.textContent.trim() === title;
    };
    // Given 3 s more if it does not show the event (yet).
    const titled = await page.waitForFunction(shows, title, { timeout: 3000 }).then(() => true, () => false);
    const then = titled
      ? "title"
      : error
        ? "error"
        : await page.evaluate(() => (document.querySelector(".recap-not-found") ? "not found" : "other"));
    return { outcome, ms, then };
  } finally {
    await page.context().close();
  }
}

// Scrolls down a viewport at a time, loading older pages as the app offers them, until every
// event was in the document, the end, MAX_STEPS or SCROLL_MS; then the memory.
async function scrollRun(browser, url, prerendered) {
  const page = await open(browser, url);
  try {
    const error = await appUp(page, prerendered);
    if (error) return { error };
    await page.evaluate(() => (window.__seen = new Set()));
    // A viewport down, and what the page holds two frames later (bounded: a page that stops
    // rendering ends the scroll with what it saw).
    const frame = () => page.evaluate(() => new Promise((resolve) => {
      scrollBy(0, innerHeight);
      requestAnimationFrame(() => requestAnimationFrame(() => {
        for (const link of document.querySelectorAll(".recap-event-card__link")) window.__seen.add(link.getAttribute("href"));
        const button = document.querySelector(".recap-more button");
        resolve({
          nodes: document.getElementsByTagName("*").length,
          seen: window.__seen.size,
          cards: document.querySelectorAll(".recap-event-card").length,
          bottom: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
          button: button ? !button.disabled : null,
        });
      }));
    }));
    const step = () =>
      Promise.race([frame(), new Promise((resolve) => setTimeout(() => resolve(null), WAIT).unref())]);
    let maxNodes = 0;
    let steps = 0;
    let clicks = 0;
    let stopped = null;
    let last = await step();
    if (!last) return { error: "the page stopped rendering" };
    const began = Date.now();
    let stalled = 0;
    while (steps < MAX_STEPS && last.seen < EVENTS && Date.now() - began < SCROLL_MS) {
      const now = await step();
      if (!now) {
        stopped = `the page stopped rendering after ${steps} steps`;
        break;
      }
      steps++;
      maxNodes = Math.max(maxNodes, now.nodes);
      if (now.bottom && now.seen === last.seen) {
        // Given 2 s to load the next page by itself (as it may when the list's end is near)…
        const more = await page
          .waitForFunction((seen) => {
            for (const link of document.querySelectorAll(".recap-event-card__link")) window.__seen.add(link.getAttribute("href"));
            return window.__seen.size > seen;
          }, now.seen, { timeout: 2000 })
          .then(() => true, () => false);
        if (more) stalled = 0;
        else if (await page.$(".recap-more button:not([disabled])")) {
          // … else, offered by a button: press it, and wait for the cards.
          clicks++;
          await page.click(".recap-more button");
          await page
            .waitForFunction((seen) => {
              for (const link of document.querySelectorAll(".recap-event-card__link")) window.__seen.add(link.getAttribute("href"));
              return window.__seen.size > seen || !document.querySelector(".recap-more button");
            }, now.seen)
            .catch(() => {});
        } else if (++stalled >= 3) break; // at the end, nothing offered, three times over
      } else stalled = 0;
      last = now;
    }
    const seen = await page.evaluate(() => window.__seen.size);
    return { maxNodes, seen, steps, clicks, stopped, seconds: (Date.now() - began) / 1000, memory: await memory(page) };
  } finally {
    await page.context().close();
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

mkdirSync(OUT, { recursive: true });
log(`${EVENTS} events: posts, feeds, sites`);
const posts = synthPosts(EVENTS);
const paged = buildFeed("paged", posts, PAGE_SIZE);
const one = buildFeed("one", ONE_PAGE_EVENTS === EVENTS ? posts : synthPosts(ONE_PAGE_EVENTS), null);
const pages = readItems(paged);
const newest = pages[0][0];
const oldest = pages.at(-1).at(-1);
const target = searchTarget(pages);
log(`search for "${target.query}" (${target.id}, ${target.matches} matching event(s) in all); oldest ${oldest.id}`);
const dirs = {
  plain: site("plain", paged, false),
  pre: site("pre", paged, true),
  onePlain: site("one-plain", one, false),
  onePre: site("one-pre", one, true),
};
log("sites built");

const servers = Object.fromEntries(await Promise.all(Object.entries(dirs).map(async ([k, root]) => [k, await startServer({ root })])));
// Every page is measured in front: none is throttled as a background or covered window (which
// stops its animation frames, and with them the list's building, while others are open).
const browser = await launch({
  args: [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
  ],
});
const results = { events: EVENTS, onePageEvents: ONE_PAGE_EVENTS, pageSize: PAGE_SIZE, runs: RUNS, dist: args.dist, target, newest: newest.id, oldest: oldest.id };
const failures = [];
try {
  // A.1 and B.1: first paint, the three kinds interleaved in each run.
  for (const [key, cases] of [
    ["paintA", { pre: `${servers.pre.url}/`, plain: `${servers.plain.url}/`, static: `${servers.pre.url}/static.html` }],
    ["paintB", { pre: `${servers.onePre.url}/`, plain: `${servers.onePlain.url}/`, static: `${servers.onePre.url}/static.html` }],
  ]) {
    const runs = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const [kind, url] of Object.entries(cases)) runs[kind].push(await paintRun(browser, url, { boot: key === "paintB" && kind !== "static" }));
    }
    results[key] = runs;
    log(`${key} done`);
  }

  // A.2–A.4, per kind.
  for (const [kind, server, prerendered] of [["pre", servers.pre, true], ["plain", servers.plain, false]]) {
    const search = [];
    for (let run = 0; run < RUNS; run++) search.push(await searchRun(browser, `${server.url}/`, prerendered, target));
    const links = { newest: [], oldest: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [which, item] of [["newest", newest], ["oldest", oldest]]) {
        const path = `/events/${encodeURIComponent(item.id)}${prerendered ? "/" : ""}`;
        links[which].push(await deepLinkRun(browser, `${server.url}${path}`, prerendered, item.title));
      }
    }
    results[`searchA_${kind}`] = search;
    results[`linksA_${kind}`] = links;
    log(`search and deep links (${kind}) done`);
    results[`scrollA_${kind}`] = await scrollRun(browser, `${server.url}/`, prerendered);
    log(`scroll (${kind}) done: ${JSON.stringify(results[`scrollA_${kind}`])}`);
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
}
results.seconds = (Date.now() - started) / 1000;
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 1));

// ---------------------------------------------------------------------------------------------
// The table.

const ms = (v) => (v == null ? "–" : `${v.toFixed(0)} ms`);
const mb = (v) => (v == null ? "–" : `${v.toFixed(1)} MB`);
const errorsOf = (runs) => runs.filter((r) => r.error).map((r) => r.error);
// The median paint of runs that painted, or what was shown instead.
function paintCell(runs, floor) {
  const painted = runs.filter((r) => r.painted != null).map((r) => r.painted);
  if (!painted.length) return `not shown: ${errorsOf(runs)[0]}`;
  const m = median(painted);
  return floor ? `${ms(m)} (${(m / floor).toFixed(2)}×)` : ms(m);
}
function memoryCell(m) {
  return m ? `${mb(m.totalMB)} (heap ${m.heapMB.toFixed(1)} + wasm ${m.wasmMB.toFixed(1)})` : "–";
}
function searchCell(runs) {
  const errors = errorsOf(runs);
  if (errors.length === runs.length) return `not shown: ${errors[0]}`;
  const found = runs.filter((r) => r.first?.found).map((r) => r.first.ms);
  if (!found.length) {
    const r = runs.find((r) => r.first).first;
    return `${r.why} (count "${r.count}")`;
  }
  return `${ms(median(found))}${found.length < runs.length ? ` (found in ${found.length} of ${runs.length})` : ""}`;
}
function keysCell(runs, measure = "ms") {
  const keys = runs.flatMap((r) => r.keys ?? []);
  const timed = keys.filter((k) => k[measure] != null).map((k) => k[measure]);
  if (!timed.length) return "–";
  const unchanged = keys.filter((k) => !k.changed).length;
  return `${ms(percentile(timed, 50))} / ${ms(percentile(timed, 95))} (${timed.length} keys${unchanged ? `, ${unchanged} without a new count` : ""})`;
}
function linkCell(runs) {
  const titled = runs.filter((r) => r.outcome === "title").map((r) => r.ms);
  const then = [...new Set(runs.filter((r) => r.outcome === "title").map((r) => r.then))].filter((t) => t !== "title");
  const after = then.length ? `; then ${then.join(", ")} once the app runs` : "";
  if (!titled.length) return `${[...new Set(runs.map((r) => r.outcome))].join(", ")}${after}`;
  return `${ms(median(titled))}${after}`;
}
const linkMedian = (runs) => {
  const titled = runs.filter((r) => r.outcome === "title").map((r) => r.ms);
  return titled.length ? median(titled) : null;
};
function scrollCell(s) {
  if (s.error) return `not shown: ${s.error}`;
  const stopped = s.stopped ? `; ${s.stopped}` : "";
  return `${s.maxNodes.toLocaleString("en")} (${s.seen.toLocaleString("en")} events seen, ${s.steps} steps, ${s.clicks} clicks, ${s.seconds.toFixed(0)} s${stopped})`;
}

const floorA = median(results.paintA.static.map((r) => r.painted));
const floorB = median(results.paintB.static.map((r) => r.painted));
const n = EVENTS.toLocaleString("en");
const rows = [
  [`A. first page painted (${n} events, pages of ${PAGE_SIZE}) / static`, paintCell(results.paintA.pre, floorA), paintCell(results.paintA.plain, floorA), ms(floorA)],
  [`A. first search, "${target.query}" (last page)`, searchCell(results.searchA_pre), searchCell(results.searchA_plain), ""],
  [`A. later keystrokes, the app's work (key to the list changed), p50 / p95`, keysCell(results.searchA_pre, "work"), keysCell(results.searchA_plain, "work"), ""],
  [`A. later keystrokes, key to the next frame, p50 / p95`, keysCell(results.searchA_pre), keysCell(results.searchA_plain), ""],
  [`A. deep link, newest event`, linkCell(results.linksA_pre.newest), linkCell(results.linksA_plain.newest), ""],
  [`A. deep link, oldest event`, linkCell(results.linksA_pre.oldest), linkCell(results.linksA_plain.oldest), ""],
  [`A. deep link, oldest / newest`, ...["pre", "plain"].map((k) => {
    const [a, b] = [linkMedian(results[`linksA_${k}`].oldest), linkMedian(results[`linksA_${k}`].newest)];
    return a != null && b != null ? `${(a / b).toFixed(2)}×` : "–";
  }), ""],
  [`A. most DOM elements while scrolling`, scrollCell(results.scrollA_pre), scrollCell(results.scrollA_plain), ""],
  [`A. memory after the scroll (JS heap + wasm)`, memoryCell(results.scrollA_pre.memory), memoryCell(results.scrollA_plain.memory), ""],
  [`B. first paint, one page of ${ONE_PAGE_EVENTS.toLocaleString("en")} events / static`, paintCell(results.paintB.pre, floorB), paintCell(results.paintB.plain, floorB), ms(floorB)],
  [`B. memory once loaded (JS heap + wasm), median`, ...["pre", "plain"].map((k) => {
    const ms = results.paintB[k].map((r) => r.memory).filter(Boolean);
    const refused = results.paintB[k].some((r) => r.error) ? " with the feed refused" : "";
    return ms.length ? memoryCell({ heapMB: median(ms.map((m) => m.heapMB)), wasmMB: median(ms.map((m) => m.wasmMB)), totalMB: median(ms.map((m) => m.totalMB)) }) + refused : "–";
  }), ""],
];
const out = [];
out.push(`${n} events; medians of ${RUNS} runs (scrolling: one run); ${args.dist}; ${results.seconds.toFixed(0)} s in all`, "");
out.push("| measure | app, pre-rendered | app, client-rendered | static page |", "|---|---|---|---|");
for (const row of rows) out.push(`| ${row.join(" | ")} |`);

// B's boot, client-rendered and pre-rendered: medians of the runs' timelines.
out.push("", `B. boot, one page of ${ONE_PAGE_EVENTS.toLocaleString("en")} events (ms from navigation; medians):`, "");
out.push("| step | ends at, client-rendered | took | ends at, pre-rendered | took |", "|---|---|---|---|---|");
const bootOf = (runs) => {
  const med = (f) => {
    const v = runs.map((r) => (r.boot ? f(r) : null)).filter((x) => x != null);
    return v.length ? median(v) : null;
  };
  const span = (f, g) => med((r) => (f(r) != null && g(r) != null ? f(r) - g(r) : null));
  return [
    ["wasm fetched", med((r) => r.boot.wasmEnd), span((r) => r.boot.wasmEnd, (r) => r.boot.wasmStart)],
    ["feed fetched (responseEnd)", med((r) => r.boot.feedEnd), span((r) => r.boot.feedEnd, (r) => r.boot.feedStart)],
    ["`recap:feed-fetched`", med((r) => r.boot.fetched), null],
    ["parse (`recap:feed-parsed`)", med((r) => r.boot.parsed), span((r) => r.boot.parsed, (r) => r.boot.fetched ?? r.boot.feedEnd)],
    ["model (`recap:list-built`)", med((r) => r.boot.built), span((r) => r.boot.built, (r) => r.boot.parsed)],
    ["first render (card painted)", med((r) => r.painted), span((r) => r.painted, (r) => r.boot.built)],
    ["long tasks before then: total (count)", med((r) => r.boot.longTasks.filter(([s]) => s < (r.painted ?? Infinity)).reduce((a, [, d]) => a + d, 0)), med((r) => r.boot.longTasks.filter(([s]) => s < (r.painted ?? Infinity)).length)],
    ["longest task", med((r) => Math.max(0, ...r.boot.longTasks.map(([, d]) => d))), null],
  ];
};
const [bootPlain, bootPre] = [bootOf(results.paintB.plain), bootOf(results.paintB.pre)];
for (const [i, [label, at, took]] of bootPlain.entries()) {
  const isCount = label.startsWith("long tasks before");
  // (A span that ends before it starts, as the pre-rendered first card before the app's list, has no length.)
  const tookCell = (v) => (v == null || v < 0 ? "–" : isCount ? String(v) : ms(v));
  out.push(`| ${label} | ${ms(at)} | ${tookCell(took)} | ${ms(bootPre[i][1])} | ${tookCell(bootPre[i][2])} |`);
}
for (const [kind, runs] of [["client-rendered", results.paintB.plain], ["pre-rendered", results.paintB.pre]]) {
  const errors = [...new Set(errorsOf(runs))];
  if (errors.length) out.push("", `B, ${kind}: the app showed: ${errors.join("; ")}`);
}
console.log(out.join("\n"));

// Only a list that never showed fails the benchmark (a feed the app refuses, with its reason, is
// a result); the static pages and A's app must show theirs.
for (const [label, runs] of [["A, static", results.paintA.static], ["A, pre-rendered", results.paintA.pre], ["A, client-rendered", results.paintA.plain], ["B, static", results.paintB.static]]) {
  if (runs.some((r) => r.painted == null)) failures.push(`${label}: the list did not show (${errorsOf(runs).join("; ")})`);
}
for (const [label, runs] of [["B, pre-rendered", results.paintB.pre], ["B, client-rendered", results.paintB.plain]]) {
  if (runs.some((r) => r.painted == null && (!r.error || r.error === NOTHING))) failures.push(`${label}: neither the list nor a feed error showed`);
}
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
