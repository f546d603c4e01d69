#!/usr/bin/env node
// Prints raw, gzip and brotli bytes of every file in a built site, and the total that a first
// visit transfers: index.html and the scripts, wasm and styles it names (brotli; not the feed or
// images). Code the app fetches on demand is totalled apart: the talk extractor, the search
// index of a paginated feed (recap-index.js and its wasm), and the event video's player
// (recap-player.js and its wasm, fetched when a visitor first asks for a recording), and the
// speakers' and organisations' pages (recap-people.js and its wasm, fetched when a visitor first
// opens one), and an event's page (recap-event.js and its wasm, fetched when a visitor first
// opens an event or shows interest in one); so is what a
// host page that embeds the app loads: embed.js and the app's scripts, wasm and styles.
//
//   node scripts/size-report.mjs [DIST] [--budget BYTES] [--on-demand-budget BYTES] [--index-budget BYTES]
//       [--player-budget BYTES] [--people-budget BYTES] [--event-budget BYTES] [--json]
//
// With --json it prints the totals as one JSON object instead of the table (for
// scripts/figures.sh); budgets are still checked.
//
// With --budget it exits 1 when that first-visit brotli total is larger than BYTES; likewise
// --on-demand-budget for the code fetched on demand other than the search index, and
// --index-budget for the search index's module, --player-budget for the player's,
// --people-budget for the people pages' module, --event-budget for the event page's.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
let dist = "dist";
let budget = null;
let onDemandBudget = null;
let indexBudget = null;
let playerBudget = null;
let peopleBudget = null;
let eventBudget = null;
let json = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--budget") budget = Number(args[++i]);
  else if (args[i] === "--on-demand-budget") onDemandBudget = Number(args[++i]);
  else if (args[i] === "--index-budget") indexBudget = Number(args[++i]);
  else if (args[i] === "--player-budget") playerBudget = Number(args[++i]);
  else if (args[i] === "--people-budget") peopleBudget = Number(args[++i]);
  else if (args[i] === "--event-budget") eventBudget = Number(args[++i]);
  else if (args[i] === "--json") json = true;
  else dist = args[i];
}
for (const [flag, value] of [["--budget", budget], ["--on-demand-budget", onDemandBudget], ["--index-budget", indexBudget], ["--player-budget", playerBudget], ["--people-budget", peopleBudget], ["--event-budget", eventBudget]]) {
  if (value !== null && !Number.isFinite(value)) {
    console.error(`size-report: ${flag} takes a number of bytes`);
    process.exit(2);
  }
}

const CODE = new Set([".html", ".js", ".wasm", ".css"]);
// The search index's module (crates/index), fetched on the first search of a paginated
// feed; its names carry no hash, like the extractor's.
const INDEX_MODULE = new Set(["recap-index.js", "recap-index_bg.wasm"]);
// The event video's player (crates/player), fetched when a visitor first asks for a recording.
const PLAYER_MODULE = new Set(["recap-player.js", "recap-player_bg.wasm"]);
// The speakers' and organisations' pages (crates/people), fetched when a visitor first opens one.
const PEOPLE_MODULE = new Set(["recap-people.js", "recap-people_bg.wasm"]);
// An event's page (crates/event), fetched when a visitor first opens an event or shows interest
// in one.
const EVENT_MODULE = new Set(["recap-event.js", "recap-event_bg.wasm"]);

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

let files;
try {
  files = [...walk(dist)];
} catch (err) {
  console.error(`size-report: cannot read ${dist}: ${err.message} (run trunk build --release first)`);
  process.exit(2);
}

// What index.html names (Trunk's script and preload links), besides index.html itself.
let named = new Set(["index.html"]);
try {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  for (const [, ref] of html.matchAll(/\b(?:href|src)=["']?([^"'\s>]+)/g)) {
    named.add(ref.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  // The module script imports its JS and wasm by name.
  for (const [, ref] of html.matchAll(/['"]\/?([\w./-]+\.(?:js|wasm))['"]/g)) named.add(ref);
} catch {
  named = null;
}

const rows = files.map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
    // 404.html is index.html again, for hosts without rewrites: not code of its own.
    code: CODE.has(extname(path)) && relative(dist, path) !== "404.html",
    embed: relative(dist, path) === "embed.js",
    // The offline worker: fetched by the browser after the page has loaded, not by the page.
    worker: relative(dist, path) === "sw.js",
    index: INDEX_MODULE.has(relative(dist, path)),
    player: PLAYER_MODULE.has(relative(dist, path)),
    people: PEOPLE_MODULE.has(relative(dist, path)),
    event: EVENT_MODULE.has(relative(dist, path)),
    // A language's texts (recap_core::i18n): fetched for a page in that language only.
    language: /^i18n\/[a-z]+\.txt$/.test(relative(dist, path).split(sep).join("/")),
    firstVisit: CODE.has(extname(path)) && (named === null || named.has(relative(dist, path))),
  };
});

// Quiet the table when --json asks for the totals alone.
const log = json ? () => {} : console.log;
const width = Math.max(4, ...rows.map((r) => r.file.length));
const num = (n) => String(n).padStart(9);
log(`${"file".padEnd(width)} ${num("raw")} ${num("gzip")} ${num("brotli")}  loaded`);
for (const r of rows) {
  const when = r.firstVisit
    ? "first visit"
    : r.embed
      ? "embed"
      : r.worker
        ? "after load"
        : r.index
          ? "on demand (search)"
          : r.player
            ? "on demand (player)"
            : r.people
            ? "on demand (people)"
            : r.event
            ? "on demand (event)"
            : r.language
            ? "on demand (language)"
            : r.code
            ? "on demand"
            : "";
  log(`${r.file.padEnd(width)} ${num(r.raw)} ${num(r.gzip)} ${num(r.brotli)}  ${when}`);
}
const first = rows.filter((r) => r.firstVisit);
const sum = (key, of = first) => of.reduce((total, r) => total + r[key], 0);
log(
  `first visit (${first.length} files: HTML, JS, wasm, CSS): raw ${sum("raw")} B, gzip ${sum("gzip")} B, brotli ${sum("brotli")} B`,
);
const later = rows.filter((r) => r.code && !r.firstVisit && !r.embed && !r.worker && !r.index && !r.player && !r.people && !r.event);
const search = rows.filter((r) => r.index && !r.firstVisit);
const player = rows.filter((r) => r.player && !r.firstVisit);
const people = rows.filter((r) => r.people && !r.firstVisit);
const event = rows.filter((r) => r.event && !r.firstVisit);
const worker = rows.find((r) => r.worker);
if (worker) {
  log(`sw.js (the offline worker, after load): raw ${worker.raw} B, brotli ${worker.brotli} B`);
}
if (later.length > 0) {
  log(
    `on demand (${later.length} files: ${later.map((r) => r.file).join(", ")}): raw ${sum("raw", later)} B, brotli ${sum("brotli", later)} B`,
  );
}
if (search.length > 0) {
  log(
    `search index module (${search.length} files: ${search.map((r) => r.file).join(", ")}): raw ${sum("raw", search)} B, brotli ${sum("brotli", search)} B`,
  );
}
if (people.length > 0) {
  log(
    `people module (${people.length} files: ${people.map((r) => r.file).join(", ")}): raw ${sum("raw", people)} B, brotli ${sum("brotli", people)} B`,
  );
}
if (event.length > 0) {
  log(
    `event module (${event.length} files: ${event.map((r) => r.file).join(", ")}): raw ${sum("raw", event)} B, brotli ${sum("brotli", event)} B`,
  );
}
if (player.length > 0) {
  log(
    `player module (${player.length} files: ${player.map((r) => r.file).join(", ")}): raw ${sum("raw", player)} B, brotli ${sum("brotli", player)} B`,
  );
}
// A host page with <recap-viewer>: embed.js, then the app's files (all but index.html).
const embed = rows.find((r) => r.embed);
if (embed) {
  const hosted = [embed, ...first.filter((r) => r.file !== "index.html")];
  log(
    `embed.js: raw ${embed.raw} B, brotli ${embed.brotli} B; a host page loads (${hosted.length} files: embed.js, JS, wasm, CSS): raw ${sum("raw", hosted)} B, brotli ${sum("brotli", hosted)} B`,
  );
}
if (json) {
  const total = (of) => ({ files: of.map((r) => r.file), raw: sum("raw", of), gzip: sum("gzip", of), brotli: sum("brotli", of) });
  const hosted = embed ? [embed, ...first.filter((r) => r.file !== "index.html")] : [];
  console.log(
    JSON.stringify(
      {
        firstVisit: total(first),
        onDemand: total(later),
        searchIndexModule: total(search),
        playerModule: total(player),
        peopleModule: total(people),
        eventModule: total(event),
        languages: rows
          .filter((r) => r.language)
          .map((r) => ({ file: r.file.split(sep).join("/"), raw: r.raw, gzip: r.gzip, brotli: r.brotli })),
        embed: embed ? { raw: embed.raw, gzip: embed.gzip, brotli: embed.brotli } : null,
        hostPage: embed ? total(hosted) : null,
        worker: worker ? { raw: worker.raw, gzip: worker.gzip, brotli: worker.brotli } : null,
      },
      null,
      2,
    ),
  );
}
let over = false;
for (const [label, total, limit] of [
  ["first-visit", sum("brotli"), budget],
  ["on-demand", sum("brotli", later), onDemandBudget],
  ["search index module", sum("brotli", search), indexBudget],
  ["player module", sum("brotli", player), playerBudget],
  ["people module", sum("brotli", people), peopleBudget],
  ["event module", sum("brotli", event), eventBudget],
]) {
  if (limit === null) continue;
  if (total > limit) {
    console.error(`size-report: ${label} brotli total ${total} B is over the budget of ${limit} B`);
    over = true;
  } else {
    log(`${label}: within the budget of ${limit} B (${((100 * total) / limit).toFixed(1)}% used)`);
  }
}
process.exit(over ? 1 : 0);
