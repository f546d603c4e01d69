// Headless Debian Chromium for the end-to-end tests, driven by playwright-core.
import { mkdirSync, readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const SCREENSHOTS = "target/e2e-screenshots";

// How long any wait of a test may take before it fails with what it was waiting for.
export const WAIT_MS = 15_000;

// The contexts of the pages opened and not yet closed.
const open = new Set();

// What pages reported of a panic in the app (its hook's "recap: panic", a wasm trap), since the
// last closePages(): any fails the test.
const panics = [];
const PANIC = /recap: panic|RuntimeError|unreachable/;

// `args`: more command-line switches for Chromium (say, `--host-resolver-rules`).
export function launch({ args = [] } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Every page runs as a page in front of a visitor does: none is throttled as a background
      // or covered window, which stops its animation frames and intersection reports (and with
      // them a long list's building) while the test goes on scrolling.
      "--disable-backgrounding-occluded-windows",
      "--disable-renderer-backgrounding",
      "--disable-background-timer-throttling",
      ...args,
    ],
  });
}

// What a page's frames say when their Content-Security-Policy blocks something.
const VIOLATION = "securitypolicyviolation:";

// A new page, in a context of its own, that records every request, every error the page
// reports and every Content-Security-Policy violation in any of its frames (closePages() fails
// the test for one). Every wait on it has a deadline; closePages() closes it. `bypassCSP` turns
// the page's policy off, for axe-core, which adds a style element of its own to some pages.
// Service workers are blocked unless `serviceWorkers: "allow"`: only the offline tests want
// the site's, and a worker that took part in every fetch would hide requests from page.route.
export async function openPage(browser, { width = 1280, height = 900, colorScheme = "light", hasTouch = false, bypassCSP = false, serviceWorkers = "block" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, hasTouch, bypassCSP, serviceWorkers });
  open.add(context);
  context.on("close", () => open.delete(context));
  context.setDefaultTimeout(WAIT_MS);
  await context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  }, VIOLATION);
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.violations = [];
  page.on("request", (request) => page.requests.push(request.url()));
  page.on("pageerror", (error) => {
    page.errors.push(String(error));
    if (PANIC.test(String(error))) panics.push(`${page.url()}: ${error}`);
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url } = message.location();
    page.errors.push(url ? `${message.text()} (${url})` : message.text());
    if (message.text().startsWith(VIOLATION)) page.violations.push(message.text());
    if (PANIC.test(message.text())) panics.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

// Closes every page opened so far, with its context: each test file calls it after each test,
// so that no page of an earlier test (a player that ticks, a video that plays) loads the next.
// Fails if any of them saw the app panic or its Content-Security-Policy violated.
export async function closePages() {
  const violations = [...open].flatMap((context) => context.pages()).flatMap((page) => page.violations ?? []);
  await Promise.all([...open].map((context) => context.close()));
  const seen = panics.splice(0);
  if (seen.length) throw new Error(`the app panicked:\n${seen.join("\n")}`);
  assert.deepEqual(violations, [], "Content-Security-Policy violations");
}

// Waits until `predicate(arg)` is true in the page; past the deadline, fails with `message`
// (a function of the page's state then, or a string).
export async function waitUntil(page, predicate, arg, message) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: WAIT_MS });
  } catch (error) {
    const said = typeof message === "function" ? await message().catch(() => "(page closed)") : message;
    throw new Error(`${said}\n(${error.message.split("\n")[0]})`);
  }
}

// The errors other than pictures that failed to load (the page shows a placeholder for those).
export function errorsBesidesPictures(page) {
  return page.errors.filter((e) => !/^Failed to load resource.*\.(?:jpe?g|png|gif|webp|svg|avif)\)$/.test(e));
}

// Runs axe-core on the page; any violation fails the test. It is evaluated by the browser's
// tooling, which the page's Content-Security-Policy does not govern (a script tag would break it).
let axeSource;
export async function axe(page, label) {
  axeSource ??= readFileSync("node_modules/axe-core/axe.min.js", "utf8");
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}
