// Takes out of the app's wasm and glue the exports a client-side Leptos app never uses.
//
// Leptos depends on its server functions (`server_fn`), and they on `wasm-streams`, whose three
// classes (a Rust stream seen as a JS stream: IntoUnderlyingSource, IntoUnderlyingByteSource,
// IntoUnderlyingSink) are `#[wasm_bindgen]` exports: the linker keeps every export, so they and
// all they reach come into the wasm, and wasm-bindgen writes a class for each into the glue.
// Nothing in a client-side app makes such a stream. Here the classes leave the glue; the wasm
// functions they called leave the wasm's exports, and binaryen drops what no other export reaches
// (wasm-metadce, then wasm-opt -Oz as Trunk runs it). About 1.2 KB of a first visit, brotli.
//
// Release builds only (scripts/boot.mjs), and the size profile (scripts/size-profile.sh). A glue without these classes is left as it is; a glue
// that still names them afterwards, or a wasm that lacks a function the glue calls, fails the
// build.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const CLASS = "IntoUnderlying(?:Source|ByteSource|Sink)";
// The class, and the line that gives it `Symbol.dispose`.
const CLASSES = new RegExp(
  `^export class (${CLASS}) \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) \\1\\.prototype\\[Symbol\\.dispose\\] = \\1\\.prototype\\.free;\\n`,
  "gm",
);
// Its finalization registry.
const REGISTRIES = new RegExp(`^const ${CLASS}Finalization = [\\s\\S]*?;\\n`, "gm");
// The wasm features of a Rust wasm32 build, as Trunk's wasm-opt is given them.
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-multivalue",
  "--enable-sign-ext",
  "--enable-mutable-globals",
];

// The glue `js` without the stream classes, and the wasm exports only they called; null when
// the glue has none.
export function withoutStreamClasses(js) {
  const removed = [...js.matchAll(CLASSES), ...js.matchAll(REGISTRIES)].map((m) => m[0]);
  if (removed.length === 0) return null;
  let kept = js;
  for (const text of removed) kept = kept.replace(text, "");
  if (/IntoUnderlying/i.test(kept)) throw new Error("the glue still names a stream class after taking them out");
  const calls = (text) => new Set([...text.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  const stillCalled = calls(kept);
  const dropped = [...calls(removed.join(""))].filter((name) => !stillCalled.has(name));
  return { js: kept, dropped };
}

// The wasm `bytes` without the exports `dropped`, and without what only they reached; with
// `names`, its function names are kept (scripts/size-profile.sh).
export function withoutExports(bytes, dropped, { names = false } = {}) {
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  const missing = dropped.filter((name) => !exports.includes(name));
  if (missing.length > 0) throw new Error(`the wasm does not export ${missing.join(", ")}`);
  const roots = exports
    .filter((name) => !dropped.includes(name))
    .map((name) => ({ name: `export:${name}`, root: true, export: name }));
  const dir = mkdtempSync(join(tmpdir(), "recap-exports-"));
  try {
    writeFileSync(join(dir, "in.wasm"), bytes);
    writeFileSync(join(dir, "roots.json"), JSON.stringify(roots));
    const kept = names ? ["--debuginfo"] : [];
    const run = (tool, args) => execFileSync(tool, [...FEATURES, ...kept, ...args], { stdio: ["ignore", "ignore", "inherit"] });
    run("wasm-metadce", ["-f", join(dir, "roots.json"), join(dir, "in.wasm"), "-o", join(dir, "dce.wasm")]);
    run("wasm-opt", ["-Oz", join(dir, "dce.wasm"), "-o", join(dir, "out.wasm")]);
    const out = readFileSync(join(dir, "out.wasm"));
    const left = WebAssembly.Module.exports(new WebAssembly.Module(out)).map((e) => e.name);
    const lost = roots.map((r) => r.export).filter((name) => !left.includes(name));
    if (lost.length > 0) throw new Error(`the wasm lost ${lost.join(", ")}`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// As a command: `node scripts/unused-exports.mjs GLUE.js IN.wasm OUT.wasm [--names]` writes the
// wasm without the stream classes' exports (the glue is left as it is).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [glue, input, output, flag] = process.argv.slice(2);
  const taken = withoutStreamClasses(readFileSync(glue, "utf8"));
  const bytes = readFileSync(input);
  writeFileSync(output, taken ? withoutExports(bytes, taken.dropped, { names: flag === "--names" }) : bytes);
}
