// A small static server for the end-to-end tests: the built site at `/`, test fixtures at
// `/fixtures/`, feeds the tests generate at `/generated/`, unknown extension-less paths answered
// with index.html (as a host with rewrites would). It listens on 127.0.0.1 only, on a free port.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

// The content type of each kind of file served.
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".txt": "text/plain; charset=utf-8",
};

// An index.html rewrite that points the players at `origin` (the fake player), as a build with
// `data-youtube-host` and `data-vimeo-host` on its mount element has them, Content-Security-
// Policy included (the build writes the hosts into its frame-src).
export const withPlayers = (origin) => (html) =>
  html
    .replace("data-recap ", `data-recap data-youtube-host="${origin}" data-vimeo-host="${origin}" `)
    .replace(/frame-src [^;"]*/, `frame-src ${origin}`);

export async function startServer({
  root = "dist",
  fixtures = "tests/fixtures",
  generated = "target/e2e-generated",
  // Changes every index.html served (say, attributes on the mount element).
  rewriteIndex = (html) => html,
  // Where the site lives: "/", or a sub-path such as "/recap/" for a build made for it.
  base = "/",
  // false: a host without rewrites, which answers an unknown path with its 404.html and 404.
  rewrites = true,
  // Sent with every file (say, CORS headers for a site whose files another origin loads).
  headers: extra = {},
  // Answers a request itself when it returns true (say, a feed that misbehaves on purpose).
  handle = () => false,
} = {}) {
  const mounts = [
    ["/fixtures/", resolve(fixtures)],
    ["/generated/", resolve(generated)],
    [base, resolve(root)],
  ];
  const server = createServer(async (req, res) => {
    if (handle(req, res)) return;
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
    if (!dir) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    const candidates = [file.endsWith("/") || path === prefix ? join(file, "index.html") : file];
    if (!extname(file) && prefix === base && rewrites) candidates.push(join(dir, "index.html"));
    for (const candidate of candidates) {
      try {
        let body = await readFile(candidate);
        if (candidate === join(resolve(root), "index.html")) body = rewriteIndex(body.toString());
        const headers = {
          "content-type": TYPES[extname(candidate)] ?? "application/octet-stream",
          "cache-control": "no-store",
          "accept-ranges": "bytes",
          ...extra,
        };
        // Byte ranges, as static hosts serve them: media elements seek with them.
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
        if (range && (range[1] || range[2])) {
          const size = body.length;
          const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
          const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
          if (start > end || start >= size) {
            res.writeHead(416, { "content-range": `bytes */${size}` }).end();
            return;
          }
          res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${size}` });
          res.end(body.subarray(start, end + 1));
          return;
        }
        res.writeHead(200, headers);
        res.end(body);
        return;
      } catch {
        // try the next candidate
      }
    }
    if (!rewrites && prefix === base) {
      try {
        const page = await readFile(join(dir, "404.html"));
        res.writeHead(404, { "content-type": TYPES[".html"] }).end(page);
        return;
      } catch {
        // no 404.html: the plain answer below
      }
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    // Ends open connections too (a browser keeps some alive): closing never waits on them.
    close: () => new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    }),
  };
}
