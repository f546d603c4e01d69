// End to end: Recap embedded in a real host site. examples/jekyll-site, built by Debian's
// jekyll, is served on one origin; the built app (dist/, with embed.js) on another, with the
// CORS header a host of the app needs; the video players are the local fake on a third. The
// host's pages hold <recap-viewer> elements: the list on /recaps/, a post's own event on each
// post page.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { axe, errorsBesidesPictures, openPage, SCREENSHOTS, WAIT_MS, waitUntil } from "./browser.mjs";
import { installClock, pauseClock, requestsSettled } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

const SITE = "examples/jekyll-site";
const WORK = "target/e2e-generated/embed-site";
const GREEN = "rgb(0, 128, 0)";
const NOVEMBER = {
  id: "2024-11-14-kelpie-cloud-november-2024",
  path: "/2024/11/14/kelpie-cloud-november-2024.html",
  title: "Kelpie Cloud November 2024: Tolbooth Games, Dee Valley Water and Skene Logistics",
  talks: [
    ["Can a game server autoscale faster than a queue fills?", "3:20"],
    ["Telemetry from four hundred pumping stations", "29:05"],
    ["Route planning on a budget: one Postgres, no regrets", "1:01:15"],
  ],
};
const OCTOBER_TITLE = "Kelpie Cloud October 2024: Stonehaven Analytics and Cairn Robotics";

// Pages the tests add to the example site: two elements on one page, and a host that opts in
// to the fragment.
const EXTRA_PAGES = {
  "two.html": `---
layout: default
title: Two viewers
recap: true
---
<h1>Two viewers</h1>
{% include recap-viewer.html %}
{%- comment -%} An event embedded by the first template's id form: read as an alias. {%- endcomment %}
{% include recap-viewer.html event="/2024/10/10/kelpie-cloud-october-2024" %}
`,
  "full.html": `---
layout: default
title: With the full app
recap: true
---
<h1>With the full app</h1>
<recap-viewer base="https://recaps.example.org/recap/" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
`,
  "hash.html": `---
layout: default
title: Deep links
recap: true
---
<h1>Deep links</h1>
<recap-viewer id="first" history="hash" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
<recap-viewer id="second" history="hash" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
`,
  "themes.html": `---
layout: default
title: Themes
recap: true
---
<h1>Themes</h1>
<recap-viewer id="dark" theme="dark" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
<recap-viewer id="light" theme="light" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
<recap-viewer id="auto" feed="{{ '/feed.json' | relative_url }}"></recap-viewer>
`,
};

// How long jekyll may take (the build takes a few seconds): past it, it is killed and the
// tests fail, rather than hang.
const JEKYLL_TIMEOUT_MS = 120_000;
const timedOut = (run) => run.error?.code === "ETIMEDOUT";

let app;
let host;
let player;
const file = e2eFile();
before(async () => {
  const version = spawnSync("jekyll", ["--version"], { encoding: "utf8", timeout: JEKYLL_TIMEOUT_MS });
  assert.ok(!timedOut(version), `jekyll --version did not end within ${JEKYLL_TIMEOUT_MS / 1000} s: killed`);
  assert.equal(version.status, 0, `jekyll does not run: run scripts/setup.sh --browser (${version.error?.message ?? version.stderr})`);
  // The app's files may be loaded by any site: the header its host must send.
  app = await file.serve({ root: "dist", headers: { "access-control-allow-origin": "*" } });
  player = await file.fakePlayer();
  // The host's pages under the Content-Security-Policy that docs/embedding.md gives.
  host = await file.serve({
    root: join(WORK, "_site"),
    rewrites: false,
    headers: {
      "content-security-policy": [
        "default-src 'self'",
        `script-src 'self' ${app.url} 'wasm-unsafe-eval'`,
        `style-src 'self' ${app.url}`,
        `connect-src 'self' ${app.url}`,
        "img-src 'self' https://i.ytimg.com",
        `frame-src ${player.origin}`,
      ].join("; "),
    },
  });

  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(SITE, join(WORK, "src"), { recursive: true });
  for (const [name, text] of Object.entries(EXTRA_PAGES)) writeFileSync(join(WORK, "src", name), text);
  // The site as deployed here: its own address, Recap's on the other origin, the fake players.
  writeFileSync(join(WORK, "local.yml"), [
    `url: ${host.url}`,
    "recap:",
    `  script: ${app.url}/embed.js`,
    '  app: ""',
    `  youtube_host: ${player.origin}`,
    `  vimeo_host: ${player.origin}`,
  ].join("\n"));
  const build = spawnSync("jekyll", [
    "build", "--quiet", "--source", join(WORK, "src"), "--destination", join(WORK, "_site"),
    "--config", `${join(WORK, "src", "_config.yml")},${join(WORK, "local.yml")}`,
  ], { encoding: "utf8", timeout: JEKYLL_TIMEOUT_MS });
  assert.ok(!timedOut(build), `jekyll build did not end within ${JEKYLL_TIMEOUT_MS / 1000} s: killed\n${build.stdout}\n${build.stderr}`);
  assert.equal(build.status, 0, `jekyll build failed:\n${build.stdout}\n${build.stderr}`);
});

test("the example site's feed.json is the Liquid template of examples/jekyll", () => {
  assert.equal(readFileSync(join(SITE, "feed.json"), "utf8"), readFileSync("examples/jekyll/feed.json", "utf8"));
});

// A page of the host site, with YouTube's image host refused in the browser.
async function openHostPage(path, options = {}) {
  const page = await openPage(file.browser, options);
  await page.route("https://i.ytimg.com/**", (route) => route.abort());
  await page.goto(`${host.url}${path}`);
  return page;
}

// What the host page's own location, history and title are.
const hostState = (page) =>
  page.evaluate(() => ({ path: location.pathname, hash: location.hash, length: history.length, title: document.title }));

// The talks an element shows, with their times ([title, time]); Playwright's selectors see
// into open shadow roots.
const talks = (viewer) =>
  viewer.locator(".recap-talk").evaluateAll((els) =>
    els.map((el) => [el.querySelector(".recap-talk__title").textContent, el.querySelector(".recap-time")?.textContent ?? null]));

test("the list: cards open events inside the element; the host's address, history and title stay", async () => {
  const page = await openHostPage("/recaps/");
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-event-card__title").first().waitFor();
  // The fallback (a plain list of the posts) is hidden once the app is up.
  assert.equal(await page.locator("recap-viewer > .post-list").isVisible(), false);
  assert.deepEqual(
    await viewer.locator(".recap-event-card__title").allTextContents(),
    [NOVEMBER.title, OCTOBER_TITLE, "Kelpie Cloud September 2024: Dunnottar Labs, Brae Energy and Quayside Bank"],
  );
  const before = await hostState(page);
  assert.equal(before.title, "Recaps · Kelpie Cloud Aberdeen");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-list-1280.png`, fullPage: true });

  await viewer.getByRole("link", { name: NOVEMBER.title }).click();
  await viewer.locator(".recap-talk").first().waitFor();
  assert.deepEqual(await talks(viewer), NOVEMBER.talks);
  // The heading has the focus, inside the element; the host page did not scroll to it.
  await waitUntil(page, () => document.querySelector("recap-viewer").shadowRoot.activeElement?.matches("h1"), null,
    "the event's heading is not focused in the element");
  assert.equal(await page.evaluate(() => document.activeElement.localName), "recap-viewer");
  assert.equal(await page.evaluate(() => scrollY), 0, "no scroll jump on the host");
  assert.deepEqual(await hostState(page), before, "opening an event left the host page as it was");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-list-event-1280.png`, fullPage: true });

  await viewer.getByRole("link", { name: "← All events" }).click();
  await viewer.getByRole("link", { name: OCTOBER_TITLE }).click();
  await viewer.getByRole("heading", { level: 1, name: OCTOBER_TITLE }).waitFor();
  assert.deepEqual(await hostState(page), before, "back to the list and into another event: still as it was");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("opening an event from low in the list scrolls the host only as far as its heading", async () => {
  const page = await openHostPage("/recaps/", { width: 1280, height: 700 });
  const viewer = page.locator("recap-viewer");
  const last = viewer.locator(".recap-event-card__link").last();
  await last.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 300, `the last card is low on the page (scrollY ${scrolled})`);
  await last.click();
  await viewer.locator(".recap-talk").first().waitFor();
  await waitUntil(page, () => document.querySelector("recap-viewer").shadowRoot.activeElement?.matches("h1"), null,
    "the event's heading is not focused in the element");
  const [y, top] = await page.evaluate(() => [scrollY, document.querySelector("recap-viewer").shadowRoot.querySelector("h1").getBoundingClientRect().top]);
  // The heading is in view at the top of the window, not the host page's top.
  assert.ok(top >= 0 && top < 50, `the heading is at ${top}px in the window`);
  assert.ok(y > 0, "the host page was scrolled to its top");
});

test("a post embeds its own event: talks and times, and a time jump seeks the player in place", async () => {
  const page = await openHostPage(NOVEMBER.path);
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-talk").first().waitFor();
  assert.equal(await viewer.getAttribute("event"), NOVEMBER.id);
  assert.deepEqual(await talks(viewer), NOVEMBER.talks);
  // One event alone: no way to a list or to other events.
  assert.equal(await viewer.getByRole("link", { name: "← All events" }).count(), 0);
  assert.equal(await viewer.locator(".recap-pager a").count(), 0);
  const before = await hostState(page);

  await viewer.getByRole("button", { name: /^Play the recording/ }).click();
  const iframe = viewer.locator("iframe.recap-video__player");
  await iframe.waitFor();
  const src = await iframe.getAttribute("src");
  assert.ok(src.startsWith(`${player.origin}/embed/kelpNov24eF?`), src);
  const frame = await playerFrame(page);
  await frame.waitForFunction(() => window.received.some((m) => m.data.event === "listening"), null, { timeout: WAIT_MS });
  await viewer.getByRole("link", { name: `Play from 29:05: ${NOVEMBER.talks[1][0]}` }).click();
  await frame.waitForFunction(
    () => window.received.some((m) => m.data.func === "seekTo" && m.data.args[0] === 1745), null, { timeout: WAIT_MS });
  // The same player, seeked: not reloaded.
  assert.equal(await iframe.getAttribute("src"), src);
  assert.equal(await viewer.locator("iframe").count(), 1);
  await waitUntil(page,
    () => document.querySelector("recap-viewer").shadowRoot.querySelector(".recap-talk--playing .recap-talk__title")?.textContent,
    null, "no talk is marked as playing after the jump");
  assert.equal(await viewer.locator(".recap-talk--playing .recap-talk__title").textContent(), NOVEMBER.talks[1][0]);
  assert.deepEqual(await hostState(page), before, "the jump left the host's address and history alone");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

// The player's frame, once it has loaded the player page.
async function playerFrame(page) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(player.origin));
    if (frame && (await frame.evaluate(() => Array.isArray(window.received)).catch(() => false))) return frame;
    await page.waitForTimeout(20); // polling for the frame: Playwright has no event for "loaded and scripted"
  }
  throw new Error(`the player's frame did not load within ${WAIT_MS} ms`);
}

// The host's own look: what the embed must not change.
const hostLook = (page) =>
  page.evaluate(() => {
    const style = (el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, size: s.fontSize, color: s.color, background: s.backgroundColor, margin: s.margin, line: s.lineHeight };
    };
    return { body: style(document.body), h1: style(document.querySelector("h1")), nav: style(document.querySelector(".site-nav a")) };
  });

test("styles stay apart both ways; the host's links work", async () => {
  // The host page without the app (its script refused): the fallback shows.
  const without = await openPage(file.browser);
  await without.route(`${app.url}/**`, (route) => route.abort());
  await without.goto(`${host.url}/recaps/`);
  await without.locator("recap-viewer > .post-list").waitFor();
  const look = await hostLook(without);
  assert.equal(look.h1.color, GREEN);
  assert.match(look.body.font, /Georgia/);

  const page = await openHostPage("/recaps/");
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-event-card__title").first().waitFor();
  assert.deepEqual(await hostLook(page), look, "the host's computed styles are the same with the embed");
  const inside = await viewer.locator("h1").evaluate((h1) => {
    const s = getComputedStyle(h1);
    return { color: s.color, font: s.fontFamily };
  });
  assert.notEqual(inside.color, GREEN, "the host's h1 rule reached the embed");
  assert.doesNotMatch(inside.font, /Georgia/, "the host's body font reached the embed");
  // The host's theme (--recap-accent on the element) reaches in; the element fits the column.
  assert.equal(await viewer.locator(".recap-event-card__link").first().evaluate((a) => getComputedStyle(a).color), "rgb(11, 93, 122)");
  const [outer, column] = await page.evaluate(() => [
    document.querySelector("recap-viewer").getBoundingClientRect().width,
    document.querySelector(".site-main").clientWidth,
  ]);
  assert.ok(outer <= column, `the element (${outer}px) is wider than the host's column (${column}px)`);

  // A host link navigates, as it did.
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "About" }).click();
  await page.waitForURL(`${host.url}/about/`);
  await page.goBack();
  await page.waitForURL(`${host.url}/recaps/`);
  await viewer.locator(".recap-event-card__title").first().waitFor();
});

test("theme=\"light|dark|auto\": forced on the element whatever the visitor's setting, and switched in place", async () => {
  // The palettes' text colour (the example host sets its own background and accent for the
  // light scheme, as a host may: those win, as its theming should).
  const DARK = "rgb(236, 238, 246)";
  const LIGHT = "rgb(26, 28, 41)";
  for (const scheme of ["light", "dark"]) {
    const page = await openHostPage("/themes.html", { colorScheme: scheme });
    for (const id of ["dark", "light", "auto"]) {
      await page.locator(`#${id} .recap-event-card__title`).first().waitFor();
    }
    const colours = () =>
      page.evaluate(() =>
        Object.fromEntries(["dark", "light", "auto"].map((id) => [id, getComputedStyle(document.getElementById(id)).color])),
      );
    const auto = scheme === "dark" ? DARK : LIGHT;
    assert.deepEqual(await colours(), { dark: DARK, light: LIGHT, auto }, `the visitor prefers ${scheme}`);
    // Switched on the element: the same cards, now in the other palette.
    const card = page.locator("#auto .recap-event-card").first();
    await card.evaluate((el) => (el.dataset.kept = "yes"));
    const other = scheme === "dark" ? "light" : "dark";
    await page.evaluate((theme) => document.getElementById("auto").setAttribute("theme", theme), other);
    await waitUntil(
      page,
      (want) => getComputedStyle(document.getElementById("auto")).color === want,
      scheme === "dark" ? LIGHT : DARK,
      `theme="${other}" not applied`,
    );
    assert.equal(await card.getAttribute("data-kept"), "yes", "the element was not rebuilt");
    assert.deepEqual(errorsBesidesPictures(page), []);
    await page.context().close();
  }
});

test("two elements on one page: one request for their feed, each on its own; an old id still finds its event", async () => {
  const page = await openHostPage("/two.html");
  const [list, event] = [page.locator("recap-viewer").first(), page.locator("recap-viewer").nth(1)];
  await list.locator(".recap-event-card__title").first().waitFor();
  await event.getByRole("heading", { level: 1, name: OCTOBER_TITLE }).waitFor();
  await requestsSettled(page);
  assert.equal(page.requests.filter((url) => url === `${host.url}/feed.json`).length, 1, "the feed was fetched once");
  await list.getByRole("link", { name: NOVEMBER.title }).click();
  await list.getByRole("heading", { level: 1, name: NOVEMBER.title }).waitFor();
  assert.equal(await event.locator("h1").textContent(), OCTOBER_TITLE, "the other element stayed on its event");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("history=\"hash\": the first such element keeps its place in #recap=, deep links and back work", async () => {
  const page = await openHostPage("/hash.html");
  const [first, second] = [page.locator("#first"), page.locator("#second")];
  await first.locator(".recap-event-card__title").first().waitFor();
  await second.locator(".recap-event-card__title").first().waitFor();
  const start = await hostState(page);
  await first.getByRole("link", { name: NOVEMBER.title }).click();
  await first.locator(".recap-talk").first().waitFor();
  const opened = await hostState(page);
  assert.equal(opened.path, start.path);
  assert.equal(opened.hash, `#recap=/events/${encodeURIComponent(NOVEMBER.id)}`);
  assert.equal(opened.length, start.length + 1);
  // The second element keeps its place in memory: the fragment is the first's.
  await second.getByRole("link", { name: OCTOBER_TITLE }).click();
  await second.locator(".recap-talk").first().waitFor();
  assert.deepEqual(await hostState(page), opened);
  // A deep link opens the event in the first element.
  await page.reload();
  await first.getByRole("heading", { level: 1, name: NOVEMBER.title }).waitFor();
  await second.locator(".recap-event-card__title").first().waitFor();
  // Back: the list again.
  await page.goBack();
  await first.locator(".recap-event-card__title").first().waitFor();
  assert.equal(await hostState(page).then((s) => s.hash), "");
});

test("with base, the element's links are the standalone app's, yet still open inside", async () => {
  const page = await openHostPage("/full.html");
  const viewer = page.locator("recap-viewer");
  const card = viewer.getByRole("link", { name: NOVEMBER.title });
  await card.waitFor();
  const full = `https://recaps.example.org/recap/events/${encodeURIComponent(NOVEMBER.id)}`;
  assert.equal(await card.getAttribute("href"), full);
  const before = await hostState(page);
  await card.click();
  await viewer.locator(".recap-talk").first().waitFor();
  assert.deepEqual(await hostState(page), before);
  // A moment's link opens the full app there: worth a Copy link button.
  assert.equal(await viewer.getByRole("button", { name: "Copy link" }).count(), NOVEMBER.talks.length);
  assert.equal(await viewer.locator("[data-copy]").first().getAttribute("data-copy"), `${full}?t=200`);
});

test("the loading state, an error and Try again work inside the element", async () => {
  const page = await openPage(file.browser);
  // The page's clock stops as the failing request goes out: the automatic retry, due a second
  // after the error, is held, so the request that loads the events can only be the button's.
  await installClock(page);
  let answered = 0;
  // The feed fails once, then is served.
  await page.route(`${host.url}/feed.json`, async (route) => {
    if (answered++ > 0) return route.continue();
    await pauseClock(page);
    return route.fulfill({ status: 503, body: "busy" });
  });
  await page.goto(`${host.url}/recaps/`);
  const viewer = page.locator("recap-viewer");
  await viewer.getByRole("heading", { name: "The events could not be loaded" }).waitFor();
  assert.match(await viewer.locator(".recap-error__message").textContent(), /503/);
  assert.match(await viewer.locator(".recap-error").textContent(), /trying again in 1 s/);
  assert.equal(answered, 1);
  await viewer.getByRole("button", { name: "Try again" }).click();
  await viewer.locator(".recap-event-card__title").first().waitFor();
  assert.equal(answered, 2, "one request, the button's");
  await page.clock.resume();
});

test("axe finds nothing on the host pages with their elements; screenshots at 360 and 1280", async () => {
  // axe-core is injected as an inline script: the host's policy is set aside for it.
  for (const width of [1280, 360]) {
    const page = await openHostPage("/recaps/", { width, bypassCSP: true });
    const viewer = page.locator("recap-viewer");
    await viewer.locator(".recap-event-card__title").first().waitFor();
    await axe(page, `the host's recap list at ${width}px`);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-recaps-${width}.png`, fullPage: true });
    await viewer.getByRole("link", { name: NOVEMBER.title }).click();
    await viewer.locator(".recap-talk").first().waitFor();
    await axe(page, `an event opened in the host's list at ${width}px`);

    const post = await openHostPage(NOVEMBER.path, { width, bypassCSP: true });
    await post.locator("recap-viewer .recap-talk").first().waitFor();
    await axe(post, `a post with its event at ${width}px`);
    await post.screenshot({ path: `${SCREENSHOTS}/embed-post-${width}.png`, fullPage: true });
    assert.deepEqual([...errorsBesidesPictures(page), ...errorsBesidesPictures(post)], []);
  }
});
