// What the page benchmarks share: sites made from a built dist/, the static floor, and the
// moment a page is painted. Only helpers; each bench-*.mjs script is a command.
import { execFileSync } from "node:child_process";

// The page without its scripts and their preloads: what a plain static site would serve.
export function staticCopy(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*rel=(?:"?modulepreload"?|"?preload"?)[^>]*>/g, "");
}

// `recap-feed ARGS…` through cargo (built first if needed, in CARGO_TARGET_DIR).
export function recapFeed(...args) {
  execFileSync("cargo", ["run", "-q", "--offline", "--release", "-p", "recap-feed", "--", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// Pre-renders the site in `dir` from its feed.json (every page of it, if paginated).
export function prerender(dir) {
  recapFeed("pages", `${dir}/feed.json`, "--dist", dir);
}

// Marks ("inserted") the moment an element matching `selector` enters the page, from the
// page's first parse on: add before `goto`.
export async function markInserted(page, selector) {
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        performance.mark("inserted");
      }
    }).observe(document, { subtree: true, childList: true });
  }, selector);
}

// "Painted": the later of the first contentful paint and the mark of markInserted(), once both
// happened (waits for them, with the page's default deadline).
export async function paintedAt(page, selector) {
  await page.waitForSelector(selector);
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  return page.evaluate(() =>
    Math.max(
      performance.getEntriesByName("first-contentful-paint")[0].startTime,
      performance.getEntriesByName("inserted")[0].startTime,
    ),
  );
}

// The median of `values` (the upper one of an even count).
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The `p`th percentile (0–100) of `values`, nearest rank.
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
