#!/usr/bin/env node
// Run after each build (scripts/post-build.sh): puts the standalone app under a strict
// Content-Security-Policy. Trunk writes the app's loader as an inline module; this moves it into
// `boot-HASH.js` beside the app's files, puts `<script type=module src=… integrity=…>` in its
// place, and adds the policy as a `<meta>` at the top of the head (docs/hosting.md, "Content-Security-Policy", gives
// it as a header). The policy's player hosts are the mount element's `data-youtube-host` and
// `data-vimeo-host` when set (bare origins, as the app reads them), else YouTube's and Vimeo's.
//
// The boot file starts the app at once; on a page pre-rendered by `recap-feed pages` (its mount
// element has `data-pages`, and its module, wasm and feed preloads are gone) it waits for the
// page's `load`, so that the app's files do not compete with the pictures of the first screen,
// and then preloads the modules itself. Modules and wasm are fetched with the integrity Trunk
// computed for them. It also writes `sw.js`, the offline worker (from `offline/sw.js`, with this
// build's files), which the boot file registers after load unless the mount element says
// `data-offline="off"`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { withoutExports, withoutStreamClasses } from "./unused-exports.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("boot: run by trunk build (TRUNK_STAGING_DIR is not set)");
  process.exit(2);
}
const index = join(staging, "index.html");
let html = readFileSync(index, "utf8");

const fail = (what) => {
  console.error(`boot: ${index}: ${what}`);
  process.exit(1);
};

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

// A release build's app leaves out the exports it never uses (scripts/unused-exports.mjs): from
// its glue and its wasm, whose integrity is computed again.
if (process.env.TRUNK_PROFILE === "release") {
  const glue = readdirSync(staging).find((f) => /^recap-[0-9a-f]+\.js$/.test(f));
  const wasmFile = glue?.replace(/\.js$/, "_bg.wasm");
  if (glue && existsSync(join(staging, wasmFile))) {
    const js = readFileSync(join(staging, glue), "utf8");
    const taken = withoutStreamClasses(js);
    if (taken) {
      const bytes = readFileSync(join(staging, wasmFile));
      const lean = withoutExports(bytes, taken.dropped);
      for (const [file, before, after] of [[glue, js, taken.js], [wasmFile, bytes, lean]]) {
        if (html.includes(file) && !html.includes(sri(before))) fail(`${file}: its integrity in index.html is not of its bytes`);
        writeFileSync(join(staging, file), after);
        html = html.replaceAll(sri(before), sri(after));
      }
    }
  }
}

// A release build's scripts are minified: wasm-bindgen writes the app's and the modules' glue
// readable (a fifth of a first visit's script bytes, brotli, are its comments, spaces and long
// local names). Only local names change: the names the wasm imports are kept. The integrity
// Trunk gave a script is computed again for its new bytes.
if (process.env.TRUNK_PROFILE === "release") {
  for (const file of readdirSync(staging).filter((f) => /^recap-[\w-]*\.js$/.test(f))) {
    const path = join(staging, file);
    const before = readFileSync(path, "utf8");
    const { code } = await minify(before, { module: true, compress: true, mangle: true, format: { comments: false } });
    if (!code) fail(`${file}: the minifier gave nothing`);
    if (html.includes(file) && !html.includes(sri(before))) fail(`${file}: its integrity in index.html is not of its bytes`);
    writeFileSync(path, code);
    html = html.replaceAll(sri(before), sri(code));
  }
}

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

// Where the app's files are served from (the public URL), from the loader's own import.
const base = app.slice(0, app.lastIndexOf("/") + 1);
const serviceWorker = `${base}sw.js`;

// The app's modules that Trunk preloads, with their integrity: the boot file preloads them
// itself where the page does not (a pre-rendered page drops the preloads), so that the app's
// modules are always checked.
const modules = links
  .filter((tag) => attribute(tag, "rel") === "modulepreload")
  .map((tag) => [attribute(tag, "href"), attribute(tag, "integrity") ?? ""]);

const eventModule = ["recap-event.js", "recap-event_bg.wasm"].filter((file) => existsSync(join(staging, file)));
const boot = `// On an event's address, its page's module (beside this file) is fetched with the app's own
// files, not after them.
const beside = (file) => new URL(file, import.meta.url).href;
if (${JSON.stringify(eventModule.length > 0)} && location.pathname.startsWith(new URL("events/", import.meta.url).pathname)) {
  document.head.append(
    Object.assign(document.createElement("link"), { rel: "modulepreload", href: beside("recap-event.js") }),
    Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: beside("recap-event_bg.wasm") }),
  );
}
// Starts Recap. On a pre-rendered page, once the page has loaded.
const start = async () => {
  for (const [href, integrity] of ${JSON.stringify(modules)}) {
    if (document.querySelector(\`link[rel=modulepreload][href="\${href}"]\`)) continue;
    const link = Object.assign(document.createElement("link"), { rel: "modulepreload", href, integrity, crossOrigin: "anonymous" });
    document.head.append(link);
  }
  const { default: init } = await import(${JSON.stringify(app)});
  await init({ module_or_path: fetch(${JSON.stringify(wasm)}${integrity ? `, { integrity: ${JSON.stringify(integrity)} }` : ""}) });
};
const loaded = (then) => document.readyState === "complete" ? then() : addEventListener("load", then, { once: true });
if (document.querySelector("[data-pages]")) loaded(start); else start();
// Offline revisits (sw.js), unless the mount element says data-offline="off", which also
// removes a worker registered before.
const worker = navigator.serviceWorker;
if (worker && document.querySelector("[data-recap]")?.dataset.offline === "off") {
  worker.getRegistrations().then((all) => all.filter((r) => r.active?.scriptURL.endsWith(${JSON.stringify(serviceWorker)})).forEach((r) => r.unregister()));
} else if (worker) {
  loaded(() => worker.register(${JSON.stringify(serviceWorker)}).catch(() => {}));
}
`;

// The mount element's attribute `name`, when it is a bare origin (https://host[:port]).
const mount = /<div\b[^>]*\bdata-recap\b[^>]*>/.exec(html)?.[0] ?? "";
const origin = (name, fallback) => {
  const value = attribute(mount, name);
  return value && /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i.test(value) ? value : fallback;
};
// The feed's origin, when the mount element names a feed on another site.
const feed = attribute(mount, "data-feed");
let feedOrigin = "";
try {
  if (feed && /^https?:/i.test(feed)) feedOrigin = ` ${new URL(feed).origin}`;
} catch {
  // not a URL: the app says so
}
const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' https:",
  "media-src 'self' https:",
  `frame-src ${origin("data-youtube-host", "https://www.youtube-nocookie.com")} ${origin("data-vimeo-host", "https://player.vimeo.com")}`,
  `connect-src 'self'${feedOrigin}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const digest = (algorithm, encoding) => createHash(algorithm).update(boot).digest(encoding);
const name = `boot-${digest("sha256", "hex").slice(0, 16)}.js`;
const src = base + name;
writeFileSync(join(staging, name), boot);

// The service worker, with this build's files (relative to it) and its feed. An event's page
// is written by a module of its own (`eventModule`): kept at install too, so that events open
// offline (its names carry no hash, so it is asked of the network first, as the other modules
// are).
const local = (ref) => (ref.startsWith(base) ? ref.slice(base.length) : /^(?:[a-z]+:|\/)/i.test(ref) ? null : ref);
const files = [
  "./",
  "404.html",
  name,
  ...links.map((tag) => attribute(tag, "href")).filter((ref) => ref && !/\.json$/.test(ref)).map(local),
  local(app),
  local(wasm),
].filter((ref, i, all) => ref !== null && all.indexOf(ref) === i);
const worker = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../offline/sw.js"), "utf8")
  .replace("@@BUILD@@", createHash("sha256").update(JSON.stringify(files)).digest("hex").slice(0, 16))
  .replace("@@KEPT@@", JSON.stringify(eventModule))
  .replace("@@FILES@@", JSON.stringify(files))
  .replace("@@FEED@@", JSON.stringify(feed && !/^[a-z]+:/i.test(feed) ? feed : null));
writeFileSync(join(staging, "sw.js"), worker);
const charset = /<meta charset=[^>]*>/i.exec(html);
if (!charset) fail("no <meta charset> to put the policy after");
writeFileSync(
  index,
  html
    .replace(loader[0], () => `<script type=module src="${src}" integrity="sha384-${digest("sha384", "base64")}"></script>`)
    .replace(charset[0], () => `${charset[0]}<meta http-equiv=Content-Security-Policy content="${policy}">`),
);
