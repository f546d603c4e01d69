#!/usr/bin/env node
// The weight of the pre-rendered first screen: 1,000 synthetic events (`synth_posts`, as
// scripts/bench-archive.mjs makes them) built by `recap-feed build`, pre-rendered by
// `recap-feed pages`, and served in the same run as
//
//   - app:     the pre-rendered list with the app, which takes it over;
//   - static:  the same page without its scripts (scripts/bench-lib.mjs `staticCopy`);
//   - plain:   a plain archive list of the same events as the pre-rendered cards (an `<ul>` of
//              links with title and date) in the same stylesheet, written here from the feed;
//   - plain-50: the same plain list of the first 50 events, a fixed reference however many cards
//              the pre-rendered page holds.
//
// For each: the HTML's bytes (raw and brotli), and "painted" (the later of the first contentful
// paint and the moment the first card title or list link enters the document, so that the
// paint has the text), median of 7 runs, the kinds interleaved in each run, with the CPU at 1×
// and slowed 4× (CDP `Emulation.setCPUThrottlingRate`), at 1280×900. Then, at a few viewports
// (narrow and tall, small, laptop, wide and tall), the app's takeover: the cumulative layout
// shift from the page's start until the app has taken over and filled in the cards below the
// first screen (PerformanceObserver `layout-shift`, buffered, once the page has settled), the
// cards pre-rendered and after, and whether the pre-rendered cards reach the bottom of the
// viewport. Pictures of the synthetic feed are on a host that does not resolve (as in
// bench-archive.mjs): every page shows the same broken picture, and nothing leaves the machine.
//
//   trunk build --release && node scripts/bench-first-screen.mjs [--dist dist] [--events 1000]
//       [--runs 7] [--label after] [--cli path/to/recap-feed]
//       [--base-dist DIR --base-cli path/to/its/recap-feed]
//
// Sites in target/bench-first-screen/, results in target/bench-first-screen/results-LABEL.json,
// a Markdown table on stdout. A benchmark, not a test: it fails only if a page does not show
// its list.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync } from "node:zlib";
import { parseArgs } from "node:util";
import { launch, openPage, waitUntil } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { layoutShifts } from "../tests/e2e/settle.mjs";
import { markInserted, median, paintedAt, recapFeed, staticCopy } from "./bench-lib.mjs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    events: { type: "string", default: "1000" },
    runs: { type: "string", default: "7" },
    label: { type: "string", default: "run" },
    // A built `recap-feed` to use instead of the workspace's (say, one built from another
    // revision, to compare its pages with this build's).
    cli: { type: "string" },
    // Another build and its `recap-feed` (say, of the main branch), measured in the same run as
    // "base app" and "base static": a before-and-after under the same load.
    "base-dist": { type: "string" },
    "base-cli": { type: "string" },
  },
});
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const OUT = "target/bench-first-screen";
const PAINT_VIEWPORT = { width: 1280, height: 900 };
// Where the takeover is looked at: the narrowest one-column width on a tall screen, a small
// window, a laptop, a wide tall screen.
const VIEWPORTS = [
  { width: 320, height: 1440 },
  { width: 800, height: 500 },
  { width: 1280, height: 900 },
  { width: 2560, height: 1440 },
];
const CARD = ".recap-event-card__title";
const LINK = ".plain-archive a";
const started = Date.now();
const log = (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);

// ---------------------------------------------------------------------------------------------
// The site.

function synthPosts(count) {
  const dir = `${OUT}/posts-${count}`;
  if (!existsSync(`${dir}/_posts`)) {
    execFileSync("cargo", ["run", "-q", "--offline", "--release", "-p", "recap-feed", "--example", "synth_posts", "--", dir, String(count)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return `${dir}/_posts`;
}

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// A plain archive list of `items`: the pre-rendered page's head up to its stylesheet (the same
// stylesheet, no script), the feed's title, and a link with title and date for each event.
function plainList(feed, items, head) {
  const dates = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const rows = items.map((item) => {
    const date = item.date_published ? ` <time datetime="${escape(item.date_published)}">${dates.format(new Date(item.date_published))}</time>` : "";
    return `<li><a href="events/${encodeURIComponent(item.id)}/">${escape(item.title)}</a>${date}</li>`;
  });
  return `${head}</head><body><div class="recap"><div class="recap-main" role="main"><h1 class="recap-page-title">${escape(feed.title)}</h1><ul class="plain-archive">${rows.join("")}</ul></div></div></body></html>`;
}

// The pre-rendered site of `dist` in `name`, by `cli` (the workspace's when undefined), with
// static.html; with `plain`, the plain lists too.
function site(name, dist, cliPath, plain) {
  const posts = synthPosts(EVENTS);
  const dir = `${OUT}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(dist, dir, { recursive: true });
  const cli = (...cliArgs) =>
    cliPath ? execFileSync(cliPath, cliArgs, { stdio: ["ignore", "ignore", "inherit"] }) : recapFeed(...cliArgs);
  cli("build", posts, "--out", `${dir}/feed.json`);
  cli("pages", `${dir}/feed.json`, "--dist", dir);
  const html = readFileSync(`${dir}/index.html`, "utf8");
  writeFileSync(`${dir}/static.html`, staticCopy(html));
  const cards = (html.match(/<li class="?recap-event-card[" >]/g) ?? []).length;
  if (plain) {
    const feed = JSON.parse(readFileSync(`${dir}/feed.json`, "utf8"));
    // The head to the stylesheet: doctype, charset, policy, base, viewport, title, stylesheet.
    const sheet = /<link\b[^>]*rel="?stylesheet"?[^>]*>/.exec(html);
    if (!sheet) throw new Error("the pre-rendered page has no stylesheet link");
    const head = html.slice(0, sheet.index + sheet[0].length).replace(/<meta (?:name|property)="[^"]*" content="[^"]*">/g, "");
    writeFileSync(`${dir}/plain.html`, plainList(feed, feed.items.slice(0, cards), head));
    writeFileSync(`${dir}/plain-50.html`, plainList(feed, feed.items.slice(0, 50), head));
  }
  return { dir, cards };
}

// ---------------------------------------------------------------------------------------------
// The measures.

async function paintRun(browser, url, selector, rate) {
  const page = await openPage(browser, PAINT_VIEWPORT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await markInserted(page, selector);
  await page.goto(url);
  const time = await paintedAt(page, selector);
  await page.context().close();
  return time;
}

// The takeover at `viewport`: how the pre-rendered cards sit in the viewport (on the page
// without its scripts, which stays as written), then, with the app, the shifts from the page's
// start until it has settled with the app in place.
async function takeoverRun(browser, origin, viewport) {
  let page = await openPage(browser, viewport);
  await page.goto(`${origin}/static.html`);
  await page.waitForSelector(CARD);
  const before = await page.evaluate(() => {
    const cards = [...document.querySelectorAll(".recap-event-card")];
    const last = cards.at(-1)?.getBoundingClientRect();
    return { cards: cards.length, lastBottom: Math.round(last?.bottom ?? 0) };
  });
  await page.context().close();
  page = await openPage(browser, viewport);
  await page.goto(`${origin}/`);
  await waitUntil(
    page,
    () => document.querySelector(".recap-takeover:not([hidden])") && !document.querySelector("#recap > .recap"),
    undefined,
    "the app did not take the page over",
  );
  const shifts = await layoutShifts(page);
  const after = await page.evaluate(() => document.querySelectorAll(".recap-event-card").length);
  await page.context().close();
  return {
    viewport: `${viewport.width}×${viewport.height}`,
    ...before,
    fills: before.lastBottom >= viewport.height,
    cardsAfter: after,
    cls: shifts.reduce((sum, s) => sum + s.value, 0),
    shifts,
  };
}

// ---------------------------------------------------------------------------------------------
// The run.

mkdirSync(OUT, { recursive: true });
log(`${EVENTS} events: posts, feed, pre-rendered site (${args.dist})`);
const { dir, cards } = site("site", args.dist, args.cli, true);
const base = args["base-dist"] ? site("base", args["base-dist"], args["base-cli"], false) : null;
const kinds = [
  { kind: "app", dir, file: "index.html", path: "/", selector: CARD },
  { kind: "static", dir, file: "static.html", path: "/static.html", selector: CARD },
  { kind: "plain", dir, file: "plain.html", path: "/plain.html", selector: LINK },
  { kind: "plain-50", dir, file: "plain-50.html", path: "/plain-50.html", selector: LINK },
];
if (base) {
  kinds.push(
    { kind: "base app", dir: base.dir, file: "index.html", path: "/", selector: CARD },
    { kind: "base static", dir: base.dir, file: "static.html", path: "/static.html", selector: CARD },
  );
}
const bytes = ({ dir: from, file }) => {
  const body = readFileSync(`${from}/${file}`);
  return { raw: body.length, brotli: brotliCompressSync(body).length };
};
const server = await startServer({ root: dir });
const baseServer = base ? await startServer({ root: base.dir }) : null;
const origin = (kind) => (kind.dir === dir ? server.url : baseServer.url);
const browser = await launch({ args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] });
const results = { label: args.label, events: EVENTS, runs: RUNS, dist: args.dist, cards, baseDist: args["base-dist"], baseCards: base?.cards, viewport: PAINT_VIEWPORT, paint: {}, bytes: {}, takeover: [] };
try {
  for (const kind of kinds) results.bytes[kind.kind] = bytes(kind);
  for (const rate of [1, 4]) {
    const times = Object.fromEntries(kinds.map(({ kind }) => [kind, []]));
    // Interleaved, so that the machine's load falls on all alike, each run starting with the
    // next kind, so that none always follows the app (whose page goes on working once painted).
    for (let run = 0; run < RUNS; run++) {
      const order = kinds.map((_, n) => kinds[(n + run) % kinds.length]);
      for (const k of order) times[k.kind].push(await paintRun(browser, `${origin(k)}${k.path}`, k.selector, rate));
    }
    results.paint[`cpu${rate}`] = times;
    log(`paint at CPU ${rate}× done`);
  }
  for (const viewport of VIEWPORTS) results.takeover.push({ site: "this", ...(await takeoverRun(browser, server.url, viewport)) });
  if (base) for (const viewport of VIEWPORTS) results.takeover.push({ site: "base", ...(await takeoverRun(browser, baseServer.url, viewport)) });
  log("takeover done");
} finally {
  await browser.close();
  await server.close();
  await baseServer?.close();
}
results.seconds = (Date.now() - started) / 1000;
writeFileSync(`${OUT}/results-${args.label}.json`, JSON.stringify(results, null, 1));

// ---------------------------------------------------------------------------------------------
// The tables.

const ms = (v) => `${v.toFixed(0)} ms`;
const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
console.log(`${EVENTS} events, ${cards} cards pre-rendered${base ? ` (base: ${base.cards})` : ""}; painted (first contentful paint with the text), median of ${RUNS}, at ${PAINT_VIEWPORT.width}×${PAINT_VIEWPORT.height}\n`);
console.log("| page | HTML | brotli | painted, CPU 1× | / plain | / plain-50 | painted, CPU 4× | / plain | / plain-50 |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const { kind } of kinds) {
  const cells = [1, 4].flatMap((rate) => {
    const m = median(results.paint[`cpu${rate}`][kind]);
    const plain = median(results.paint[`cpu${rate}`].plain);
    const plain50 = median(results.paint[`cpu${rate}`]["plain-50"]);
    return [ms(m), `${(m / plain).toFixed(2)}×`, `${(m / plain50).toFixed(2)}×`];
  });
  console.log(`| ${kind} | ${kb(results.bytes[kind].raw)} | ${kb(results.bytes[kind].brotli)} | ${cells.join(" | ")} |`);
}
console.log("\n| site | viewport | cards pre-rendered | last card's bottom | fills the screen | cards once the app has filled in | layout shift |");
console.log("|---|---|---|---|---|---|---|");
for (const t of results.takeover) {
  console.log(`| ${t.site} | ${t.viewport} | ${t.cards} | ${t.lastBottom} px | ${t.fills ? "yes" : "no"} | ${t.cardsAfter} | ${t.cls.toFixed(4)}${t.shifts.length ? ` (${t.shifts.map((s) => s.sources.join(", ")).join("; ")})` : ""} |`);
}
