// Waits that let a test say something did not happen: each waits for the moment by which it
// would have happened, never for a fixed time of its own. A retry would have come once the
// app's clock has passed the retry's time; a layout shift would have been recorded once the
// page has stopped changing and painted; a request would have been seen once a request the page
// makes afterwards has been.
import { readFileSync } from "node:fs";
import { WAIT_MS } from "./browser.mjs";

// The app's automatic retries after a transient failure, in milliseconds, as recap-core's
// `retry_delay_ms` gives them (crates/core/src/load.rs): `1000 << retries` while `retries` is
// under `AUTOMATIC_RETRIES`. Read from the source, so that a change to the schedule moves the
// tests' waits with it; a change of its form fails here, by name.
export const RETRY_DELAYS_MS = (() => {
  const source = readFileSync("crates/core/src/load.rs", "utf8");
  const count = /pub(?:\(crate\))? const AUTOMATIC_RETRIES: u32 = (\d+);/.exec(source);
  const first = /\(retries < AUTOMATIC_RETRIES\)\.then\(\|\| (\d+) << retries\)/.exec(source);
  if (!count || !first) {
    throw new Error("crates/core/src/load.rs: the retry schedule (AUTOMATIC_RETRIES, retry_delay_ms) is no longer in the form tests/e2e/settle.mjs reads");
  }
  return Array.from({ length: Number(count[1]) }, (_, i) => Number(first[1]) * 2 ** i);
})();

// The page's clock under the test's hand (Playwright's fake timers): call before `goto`. Until
// it is paused, it runs as time does; the app's waits (its retries, its time limit) are its
// timers.
export async function installClock(page) {
  await page.clock.install();
}

// Stops the page's clock where it is: no timer of the page fires (an automatic retry is held)
// until `page.clock.resume()`, `runFor` or `runPast`. Pausing jumps the clock a few milliseconds
// ahead (Playwright pauses only at a time to come), firing what falls due in them: call it
// where no timer of the app is that close.
export async function pauseClock(page) {
  let last;
  for (const ahead of [20, 50, 100, 200]) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + ahead);
      return;
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

// Moves the page's clock on past `ms` from now, firing every timer that falls due (a retry that
// would come in `ms`), then waits for what those timers started to reach the network.
export async function runPast(page, ms) {
  await page.clock.runFor(ms + 1);
  await requestsSettled(page);
}

// Resolves once every request the page had started by now has been seen (in `page.requests`):
// the page asks for itself again, and a request it started before that one is reported before
// it. Needs no timer of the page, so it works on a paused clock too.
export async function requestsSettled(page) {
  const fence = `__settled=${Math.random().toString(36).slice(2)}`;
  const seen = page.waitForRequest((request) => request.url().includes(fence), { timeout: WAIT_MS });
  await page.evaluate(async (fence) => {
    const url = new URL(location.href);
    url.search = url.search ? `${url.search}&${fence}` : `?${fence}`;
    url.hash = "";
    await fetch(url, { method: "HEAD", cache: "no-store" }).catch(() => {});
  }, fence);
  await seen;
}

// Resolves once the page has stopped changing: its fonts and pictures loaded and no change to
// its DOM for `frames` animation frames in a row. Needs the page's clock running.
export async function domSettled(page, frames = 3) {
  await page.evaluate(
    async ({ frames, deadline }) => {
      const until = performance.now() + deadline;
      const late = (what) => new Promise((_, fail) => setTimeout(() => fail(new Error(`${what} for ${deadline} ms`)), deadline));
      // The pictures being fetched (a lazy one out of view is not, and may never be).
      const inView = (img) => {
        const box = img.getBoundingClientRect();
        return box.bottom >= 0 && box.top <= innerHeight;
      };
      const pictures = [...document.images, ...[...document.querySelectorAll("*")].flatMap((el) => [...(el.shadowRoot?.querySelectorAll("img") ?? [])])]
        .filter((img) => !img.complete && (img.loading !== "lazy" || inView(img)));
      await Promise.race([
        Promise.all([
          document.fonts.ready,
          ...pictures.map((img) => new Promise((done) => {
            img.addEventListener("load", done, { once: true });
            img.addEventListener("error", done, { once: true });
          })),
        ]),
        late(`fonts or pictures (${pictures.map((img) => img.src).join(", ")}) were still loading`),
      ]);
      let changed = true;
      const observer = new MutationObserver(() => (changed = true));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const frame = () => new Promise((next) => requestAnimationFrame(() => next()));
      let quiet = 0;
      while (quiet < frames) {
        if (performance.now() > until) {
          observer.disconnect();
          throw new Error(`the page kept changing for ${deadline} ms`);
        }
        changed = false;
        await frame();
        quiet = changed ? 0 : quiet + 1;
      }
      observer.disconnect();
    },
    { frames, deadline: WAIT_MS },
  );
}

// Every layout shift the page has had since it began, once it has settled (see `domSettled`)
// and painted twice more, the browser's record of them flushed: [{ value, sources }], with the
// elements that moved.
export async function layoutShifts(page) {
  await domSettled(page);
  return page.evaluate(async () => {
    const frame = () => new Promise((next) => requestAnimationFrame(() => next()));
    await frame();
    await frame();
    const entries = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    // `buffered`: the shifts recorded before this observer, since the page began.
    observer.observe({ type: "layout-shift", buffered: true });
    await frame();
    entries.push(...observer.takeRecords());
    observer.disconnect();
    const describe = (node) =>
      node?.nodeType === 1 ? `${node.localName}${node.id ? `#${node.id}` : ""}${[...node.classList].map((c) => `.${c}`).join("")}` : String(node?.nodeName);
    return entries.map((e) => ({ value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) }));
  });
}
