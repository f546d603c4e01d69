#!/usr/bin/env node
// The app's wasm by crate and module: reads a wasm file that still has its "name" section (as
// scripts/size-profile.sh builds it) and totals the size of each function's code by where it
// comes from: `recap::<module>` and `recap_core::<module>` for the project's own code, else the
// crate (`tachys`, `serde_json`, `core`, ...). Data segments are totalled apart. Generic code is
// counted in the crate that defines it (a Leptos view of the app's is `tachys`'s), and what
// LLVM inlined is counted in the function it was inlined into.
//
//   node scripts/size-profile.mjs FILE.wasm [--top N] [--json]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const top = Number(args[args.indexOf("--top") + 1]) || 40;
const json = args.includes("--json");
if (!file) {
  console.error("usage: node scripts/size-profile.mjs FILE.wasm [--top N] [--json]");
  process.exit(2);
}
const bytes = readFileSync(file);
if (bytes.readUInt32LE(0) !== 0x6d736100) {
  console.error(`size-profile: ${file} is not a wasm module`);
  process.exit(2);
}

let at = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const name = () => {
  const length = leb();
  const text = bytes.toString("utf8", at, at + length);
  at += length;
  return text;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: functions among them take the first function indices.
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      } else {
        leb();
        leb();
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const section = name();
    if (section === "name") {
      while (at < end) {
        const kind = bytes[at++];
        const length = leb();
        const next = at + length;
        if (kind === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, name());
          }
        }
        at = next;
      }
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`size-profile: ${file} has no function names (build it with scripts/size-profile.sh)`);
  process.exit(2);
}

// Where a function comes from: the project's module, else the first crate named in its path.
const SKIP = new Set(["impl", "as", "dyn", "for", "mut", "const"]);
function origin(fn) {
  const own = /\b(recap(?:_core|_player)?)::([a-z_][a-z0-9_]*)/.exec(fn);
  if (own) return `${own[1]}::${own[2]}`;
  for (const [, segment] of fn.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)) {
    if (!SKIP.has(segment)) return segment;
  }
  return fn.startsWith("__") ? "runtime" : "other";
}

const groups = new Map();
bodies.forEach((length, i) => {
  const fn = names.get(imported + i) ?? "";
  const key = origin(fn);
  groups.set(key, (groups.get(key) ?? 0) + length);
});
groups.set("(data segments)", data);
const total = [...groups.values()].reduce((a, b) => a + b, 0);
const sorted = [...groups.entries()].sort((a, b) => b[1] - a[1]);
const own = sorted.filter(([key]) => key.startsWith("recap")).reduce((sum, [, n]) => sum + n, 0);
if (json) {
  console.log(JSON.stringify({ file, total, own, groups: Object.fromEntries(sorted) }, null, 2));
} else {
  console.log(`${file}: ${total} B of code and data (names left out); the project's own modules: ${own} B`);
  console.log("| crate or module | bytes | share |\n|---|---:|---:|");
  for (const [key, n] of sorted.slice(0, top)) console.log(`| ${key} | ${n} | ${((100 * n) / total).toFixed(1)}% |`);
  const rest = sorted.slice(top).reduce((sum, [, n]) => sum + n, 0);
  if (rest) console.log(`| (${sorted.length - top} more) | ${rest} | ${((100 * rest) / total).toFixed(1)}% |`);
}
