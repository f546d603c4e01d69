#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml), the first: moves the app's loader out of index.html into
// a file of its own, so that the page runs under a Content-Security-Policy without inline
// script. Trunk writes the loader as an inline module; this writes `boot-HASH.js` beside the
// app's files and puts `<script type=module src=… integrity=…>` in its place.
//
// The boot file starts the app at once; on a page pre-rendered by `recap-feed pages` (its mount
// element has `data-pages`, and its wasm and feed preloads are gone) it waits for the
// page's `load`, so that the app's files do not compete with the pictures of the first screen.
// The wasm is fetched with the integrity Trunk computed for it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("boot: run by trunk build (TRUNK_STAGING_DIR is not set)");
  process.exit(2);
}
const index = join(staging, "index.html");
const html = readFileSync(index, "utf8");

const fail = (what) => {
  console.error(`boot: ${index}: ${what}`);
  process.exit(1);
};

const loader = /<script type="?module"?>([\s\S]*?)<\/script>/.exec(html);
if (!loader) fail("no inline module loader to move (is it already moved?)");
const app = /\bfrom\s+'([^']+\.js)'/.exec(loader[1])?.[1];
const wasm = /\bmodule_or_path:\s*'([^']+\.wasm)'/.exec(loader[1])?.[1];
if (!app || !wasm) fail("the loader does not name the app's script and wasm");

// The integrity Trunk gave the wasm's preload link, if any.
const links = html.match(/<link\b[^>]*>/g) ?? [];
const attribute = (tag, name) =>
  new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag)?.slice(1).find((v) => v !== undefined);
const wasmLink = links.find((tag) => attribute(tag, "href") === wasm);
const integrity = wasmLink ? attribute(wasmLink, "integrity") : undefined;

const boot = `// Starts Recap. On a pre-rendered page, once the page has loaded.
import init from ${JSON.stringify(app)};
const start = () => init({ module_or_path: fetch(${JSON.stringify(wasm)}${integrity ? `, { integrity: ${JSON.stringify(integrity)} }` : ""}) });
if (document.querySelector("[data-pages]") && document.readyState !== "complete") {
  addEventListener("load", start, { once: true });
} else {
  start();
}
`;

const digest = (algorithm, encoding) => createHash(algorithm).update(boot).digest(encoding);
const name = `boot-${digest("sha256", "hex").slice(0, 16)}.js`;
const src = app.slice(0, app.lastIndexOf("/") + 1) + name;
writeFileSync(join(staging, name), boot);
writeFileSync(
  index,
  html.replace(loader[0], () => `<script type=module src="${src}" integrity="sha384-${digest("sha384", "base64")}"></script>`),
);
