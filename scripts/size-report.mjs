#!/usr/bin/env node
// Prints raw, gzip and brotli bytes of every file in a built site, and the total that a first
// visit transfers (HTML, JS, wasm, CSS compressed with brotli; not the feed or images).
//
//   node scripts/size-report.mjs [DIST] [--budget BYTES]
//
// With --budget it exits 1 when that first-visit brotli total is larger than BYTES.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
let dist = "dist";
let budget = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--budget") budget = Number(args[++i]);
  else dist = args[i];
}
if (budget !== null && !Number.isFinite(budget)) {
  console.error("size-report: --budget takes a number of bytes");
  process.exit(2);
}

const FIRST_VISIT = new Set([".html", ".js", ".wasm", ".css"]);

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

const rows = files.map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
    firstVisit: FIRST_VISIT.has(extname(path)),
  };
});

const width = Math.max(4, ...rows.map((r) => r.file.length));
const num = (n) => String(n).padStart(9);
console.log(`${"file".padEnd(width)} ${num("raw")} ${num("gzip")} ${num("brotli")}  first visit`);
for (const r of rows) {
  console.log(`${r.file.padEnd(width)} ${num(r.raw)} ${num(r.gzip)} ${num(r.brotli)}  ${r.firstVisit ? "yes" : ""}`);
}
const first = rows.filter((r) => r.firstVisit);
const sum = (key) => first.reduce((total, r) => total + r[key], 0);
console.log(
  `first visit (${first.length} files: HTML, JS, wasm, CSS): raw ${sum("raw")} B, gzip ${sum("gzip")} B, brotli ${sum("brotli")} B`,
);
if (budget !== null) {
  if (sum("brotli") > budget) {
    console.error(`size-report: first-visit brotli total ${sum("brotli")} B is over the budget of ${budget} B`);
    process.exit(1);
  }
  console.log(`within the budget of ${budget} B (${((100 * sum("brotli")) / budget).toFixed(1)}% used)`);
}
