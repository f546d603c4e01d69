// What the host-site tests of tests/sites/ share: `recap-feed init` on a copy of an invented
// site, a build with the generator's own tool, the feed read back, and the built site served
// with Recap's built files (dist/) in its recap/ folder, as a release's site/ would be.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const RFC_3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

// How long a command may run before it is stopped and the test fails: long enough for cargo to
// build recap-feed first on a busy machine (`options.timeout` sets another limit).
export const RUN_TIMEOUT_MS = 15 * 60_000;

// Fails the test when a command does not run, runs out of time or exits non-zero, with what it
// printed.
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: RUN_TIMEOUT_MS, ...options });
  if (result.error?.code === "ETIMEDOUT") {
    const limit = options.timeout ?? RUN_TIMEOUT_MS;
    assert.fail(`${command} ${args.join(" ")} did not finish within ${limit / 1000} s and was stopped:\n${result.stdout}\n${result.stderr}`);
  }
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`,
  );
  return result;
}

// Every file under `dir` with its bytes, by relative path.
export function tree(dir) {
  const files = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString("base64");
    }
  };
  walk(dir);
  return files;
}

// A copy of the invented site `name` (tests/sites/NAME) in a temporary folder, set up by
// `recap-feed init` (run twice: the second run must change nothing), with dist/ copied to
// `recapFolder` inside it. Returns the folder and what init printed.
export function initSite(name, recapFolder) {
  assert.ok(
    existsSync(join(DIST, "embed.js")),
    "dist/embed.js is missing: build the app first (source scripts/setup.sh && trunk build --release)",
  );
  const work = mkdtempSync(join(tmpdir(), `recap-${name}-`));
  cpSync(join(ROOT, "tests", "sites", name), work, { recursive: true });
  const init = () =>
    run("cargo", ["run", "-q", "--offline", "-p", "recap-feed", "--", "init", work], {
      cwd: ROOT,
    }).stdout;
  const first = init();
  const before = tree(work);
  const second = init();
  assert.deepEqual(tree(work), before, "a second init changed the site");
  assert.ok(!second.includes(": added"), `the second init added files:\n${second}`);
  cpSync(DIST, join(work, recapFolder), { recursive: true });
  return { work, report: first };
}

// Runs a site's build, timed; prints the time.
export function timedBuild(label, command, args, options) {
  const started = performance.now();
  const result = run(command, args, options);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return result;
}

// The feed a build wrote, parsed, with the text around a syntax error when it is not JSON.
export function readFeed(path) {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = Number(err.message.match(/position (\d+)/)?.[1] ?? 0);
    return assert.fail(`${path} is not JSON: ${err.message}\n…${text.slice(Math.max(0, at - 200), at + 200)}…`);
  }
}

// What every item of a Recap feed has, whichever tool wrote it.
export function assertFeedShape(feed, base) {
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.home_page_url, `${base}/`);
  assert.equal(feed.feed_url, `${base}/feed.json`);
  for (const item of feed.items) {
    assert.match(item.id, /^\d{4}-\d\d-\d\d-[a-z0-9-]+$/, "an id is YYYY-MM-DD-slug");
    assert.ok(item.url.startsWith(`${base}/`), `${item.id}: url ${item.url}`);
    assert.match(item.date_published, RFC_3339, `${item.id}: date_published`);
    assert.equal(typeof item.content_html, "string");
    assert.deepEqual(Object.keys(item._recap).sort(), ["location", "video"], `${item.id}: _recap`);
  }
  const times = feed.items.map((i) => Date.parse(i.date_published));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), "newest first");
}

// `recap-feed check` over the feed: exits 0.
export function checkWithCli(feedPath) {
  const check = run("cargo", ["run", "-q", "--offline", "-p", "recap-feed", "--", "check", feedPath], { cwd: ROOT });
  console.log(check.stdout.trim());
}

// The built site `out` served on a local origin, a page opened in Chromium: the talks that
// a post page's embedded event shows ([title, time text, data-t]), and the titles of the
// recaps page's list.
export async function readInBrowser(out, postPath) {
  const { launch, openPage, closePages } = await import("../e2e/browser.mjs");
  const { startServer } = await import("../e2e/server.mjs");
  const server = await startServer({ root: out, rewrites: false });
  const browser = await launch();
  try {
    const page = await openPage(browser);
    await page.route("https://i.ytimg.com/**", (route) => route.abort());
    await page.goto(`${server.url}${postPath}`);
    const viewer = page.locator("recap-viewer");
    await viewer.locator(".recap-talk").first().waitFor();
    const heading = await viewer.locator("h1").first().textContent();
    const talks = await viewer.locator(".recap-talk").evaluateAll((els) =>
      els.map((el) => {
        const time = el.querySelector("a.recap-time");
        return [
          el.querySelector(".recap-talk__title").textContent,
          time?.textContent ?? null,
          time ? Number(time.dataset.t) : null,
        ];
      }),
    );
    await page.goto(`${server.url}/recaps/`);
    await viewer.locator(".recap-event-card__title").first().waitFor();
    const list = await viewer.locator(".recap-event-card__title").allTextContents();
    return { heading, talks, list };
  } finally {
    await closePages();
    await browser.close();
    await server.close();
  }
}
