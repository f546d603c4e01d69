#!/usr/bin/env node
// Serves a built site as a static host would, for Lighthouse: every file brotli-compressed
// (quality 11, once per file), a folder's index.html, and 404.html with a 404 status for a path
// that is not there (a robots.txt that is missing is missing, as on a real host).
//
//   node scripts/serve-static.mjs DIR [PORT]      (PORT 8090; Ctrl-C stops it)
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { TYPES } from "../tests/e2e/server.mjs";

const [dir, port = "8090"] = process.argv.slice(2);
if (!dir || !existsSync(dir)) {
  console.error("usage: node scripts/serve-static.mjs DIR [PORT]");
  process.exit(2);
}
const root = resolve(dir);
const compressed = new Map();

// The file a path names, and the status to answer with.
function lookup(path) {
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return [join(root, "404.html"), 404];
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, "index.html");
    if (existsSync(index)) return [index, 200];
  } else if (existsSync(file)) return [file, 200];
  return [join(root, "404.html"), 404];
}

createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const [file, status] = lookup(path);
  if (!existsSync(file)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  let body = compressed.get(file);
  if (!body) {
    body = brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    compressed.set(file, body);
  }
  res
    .writeHead(status, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-encoding": "br",
      "cache-control": "no-cache",
    })
    .end(body);
}).listen(Number(port), "127.0.0.1", () => console.error(`serving ${root} at http://127.0.0.1:${port}/ (brotli)`));
