#!/usr/bin/env node
// Time from navigation to the first event card on a host page: examples/jekyll-site built by
// jekyll and served on one origin, the built dist/ (embed.js and the app) on another. Two pages:
// /recaps/, the list of the site's own Liquid feed (its talks read in the browser by the
// on-demand extractor), and a page of the same site embedding the app's sample feed (15 events
// with their talks, from dist/), to compare with scripts/bench-first-card.mjs. Median of 7 runs
// each, in a fresh browser context (nothing cached).
//
//   trunk build --release && node scripts/bench-embed-first-card.mjs
//
// A benchmark, not a test: it prints figures and fails only if the page does not show events.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const RUNS = 7;
const WORK = "target/bench-generated/embed-site";

const app = await startServer({ root: "dist", headers: { "access-control-allow-origin": "*" } });
const host = await startServer({ root: join(WORK, "_site"), rewrites: false });
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
cpSync("examples/jekyll-site", join(WORK, "src"), { recursive: true });
writeFileSync(join(WORK, "src", "sample.html"), `---
layout: default
title: Sample
recap: true
---
<h1>Sample</h1>
<recap-viewer feed="${app.url}/feed.json"></recap-viewer>
`);
writeFileSync(join(WORK, "local.yml"), `url: ${host.url}\nrecap:\n  script: ${app.url}/embed.js\n  app: ""\n  youtube_host: ""\n  vimeo_host: ""\n`);
const build = spawnSync("jekyll", [
  "build", "--quiet", "--source", join(WORK, "src"), "--destination", join(WORK, "_site"),
  "--config", `${join(WORK, "src", "_config.yml")},${join(WORK, "local.yml")}`,
], { encoding: "utf8" });
if (build.status !== 0) throw new Error(`jekyll build failed:\n${build.stderr}`);

const browser = await launch();
try {
  for (const [label, path] of [
    ["host page /recaps/ (3 events, talks read in the browser)", "/recaps/"],
    ["host page with the sample feed (15 events with talks)", "/sample.html"],
  ]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await openPage(browser);
      // Marks the moment the first card enters the element's shadow root.
      await page.addInitScript(() => {
        const watch = (root) =>
          new MutationObserver((_, observer) => {
            if (root.querySelector(".recap-event-card__title")) {
              performance.mark("first-card");
              observer.disconnect();
            }
          }).observe(root, { subtree: true, childList: true });
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const root = attach.call(this, init);
          watch(root);
          return root;
        };
      });
      await page.goto(`${host.url}${path}`);
      await page.locator("recap-viewer .recap-event-card__title").first().waitFor();
      times.push(await page.evaluate(() => performance.getEntriesByName("first-card")[0].startTime));
      await page.context().close();
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: first card, median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`);
  }
} finally {
  await browser.close();
  await app.close();
  await host.close();
}
