#!/usr/bin/env node
// Time until an event's page shows its talks, two builds side by side in one run (this build's
// dist/ and another, such as the previous commit's), in headless Chromium over local servers on
// the sample feed:
//
//   - deep link: a first visit to an event's address (the app's files, the feed and, where the
//     build has one, the event module, fetched as the page starts);
//   - from the list: the list shown, a pointer resting on an event's card for 100 ms (as a
//     visitor's does before a click), then the click.
//
// Each with the network as local files come (no delay) and as a visitor's (CDP
// `Network.emulateNetworkConditions`: 40 ms latency, 10 Mbit/s down). Median of N runs, the two
// builds interleaved in each run.
//
//   trunk build --release && node scripts/bench-event-page.mjs --base-dist DIR [--runs 9]
//       [--label this --base-label previous]
//
// A benchmark, not a test: it prints a Markdown table and fails only if a page does not show
// its talks.
import { parseArgs } from "node:util";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { median } from "./bench-lib.mjs";
import { readFileSync } from "node:fs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    "base-dist": { type: "string" },
    runs: { type: "string", default: "9" },
    label: { type: "string", default: "this build" },
    "base-label": { type: "string", default: "base" },
  },
});
if (!args["base-dist"]) {
  console.error("bench-event-page: --base-dist DIR names the build to compare with");
  process.exit(2);
}
const runs = Number(args.runs);
const sample = JSON.parse(readFileSync(`${args.dist}/feed.json`, "utf8"));
const item = sample.items.find((i) => (i._recap?.talks ?? []).length >= 3) ?? sample.items[0];
const eventPath = `/events/${encodeURIComponent(item.id)}`;

const builds = [
  { label: args.label, server: await startServer({ root: args.dist }) },
  { label: args["base-label"], server: await startServer({ root: args["base-dist"] }) },
];
const networks = [
  { label: "local", conditions: null },
  { label: "40 ms, 10 Mbit/s", conditions: { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) } },
];
const browser = await launch();

async function fresh(conditions) {
  const page = await openPage(browser, { width: 1280, height: 900 });
  // Pictures are not what is measured, and nothing leaves the machine.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  if (conditions) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", conditions);
  }
  return page;
}

const talksShown = (page) => page.waitForFunction(() => document.querySelectorAll(".recap-talk").length > 0, null, { timeout: 30_000 });

async function deepLink(build, network) {
  const page = await fresh(network.conditions);
  const start = Date.now();
  await page.goto(`${build.server.url}${eventPath}`);
  await talksShown(page);
  const ms = Date.now() - start;
  await page.close();
  return ms;
}

async function fromList(build, network) {
  const page = await fresh(network.conditions);
  await page.goto(`${build.server.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  await page.waitForLoadState("networkidle");
  const link = page.getByRole("link", { name: item.title, exact: true });
  await link.hover();
  await page.waitForTimeout(100);
  const start = Date.now();
  await link.click();
  await talksShown(page);
  const ms = Date.now() - start;
  await page.close();
  return ms;
}

const results = new Map();
const record = (key, ms) => results.set(key, [...(results.get(key) ?? []), ms]);
for (let run = 0; run < runs; run++) {
  for (const network of networks) {
    for (const build of run % 2 ? [...builds].reverse() : builds) {
      record(`${build.label}|deep link|${network.label}`, await deepLink(build, network));
      record(`${build.label}|from the list|${network.label}`, await fromList(build, network));
    }
  }
}
await browser.close();
for (const build of builds) build.server.close();

console.log(`Event page shown (its talks), median of ${runs} runs, ms:\n`);
console.log(`| how | network | ${builds.map((b) => b.label).join(" | ")} |`);
console.log(`|---|---|${builds.map(() => "---:").join("|")}|`);
for (const how of ["deep link", "from the list"]) {
  for (const network of networks) {
    const cells = builds.map((b) => median(results.get(`${b.label}|${how}|${network.label}`)));
    console.log(`| ${how} | ${network.label} | ${cells.join(" | ")} |`);
  }
}
