// End to end: the viewer in the site's language. The built site, served with <html lang="de">
// or "fr", shows the list and an event page with no interface text left in English: every text
// and label on the page is either the feed's own or differs from what the English page shows
// in its place. Only the language in use is fetched. An embed follows its own lang attribute,
// and a page pre-rendered in German is taken over in German.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { errorsBesidesPictures, openPage, SCREENSHOTS, waitUntil } from "./browser.mjs";
import { recapFeed } from "./cli.mjs";
import { sample } from "./sample.mjs";
import { e2eFile } from "./fixture.mjs";

// The richest event of the sample: talks, sponsors, the next meetup, photos, a recording.
const EVENT = "2025-02-05-harbourside-cloud-native-february-2025";
// Interface texts that are the same word in English.
const SAME_IN_ENGLISH = { de: ["Feed:"], fr: ["Photos"] };

// Every string in the feed: what the feed says is the organiser's, in their language.
const feedStrings = [];
(function collect(value) {
  if (typeof value === "string") {
    feedStrings.push(value);
    // The post's pictures keep their alt text (a photo's caption) on the event page.
    for (const [, alt] of value.matchAll(/\balt="([^"]*)"/g)) feedStrings.push(alt);
  } else if (value && typeof value === "object") Object.values(value).forEach(collect);
})(sample);
feedStrings.sort((a, b) => b.length - a.length);

// Whether `text` says anything besides what the feed says (words of two letters or more once
// the feed's strings are taken out).
const interfaceText = (text) => {
  let rest = text;
  for (const s of feedStrings) if (s.length > 1 && rest.includes(s)) rest = rest.split(s).join(" ");
  return /\p{L}{2,}/u.test(rest);
};

// Every text node and every label a visitor or a screen reader meets in the app, outside the
// post itself (the organiser's HTML) and code.
const uiStrings = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("#recap");
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".recap-full__body, code, [hidden]")) continue;
      const text = node.textContent.trim();
      if (text) out.push(text);
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      if (el.closest(".recap-full__body")) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });

let servers;
const file = e2eFile();
before(async () => {
  const lang = (code) => (html) => html.replace(/<html lang=[a-z"]+/, `<html lang=${code}`);
  servers = Object.fromEntries(
    await Promise.all(["en", "de", "fr"].map(async (code) => [code, await file.serve({ rewriteIndex: lang(code) })])),
  );
});

// The list and the event page of a language: their interface texts, and what was fetched.
async function read(code) {
  const page = await openPage(file.browser, { width: 1280, height: 900 });
  await page.goto(`${servers[code].url}/`);
  await page.waitForSelector(".recap-event-card__title");
  await waitUntil(page, () => document.querySelector(".recap-count")?.textContent.length > 0, undefined, "the count");
  const list = await uiStrings(page);
  await page.goto(`${servers[code].url}/events/${EVENT}`);
  await page.waitForSelector(".recap-talk__takeaways");
  const event = await uiStrings(page);
  return { page, list, event };
}

let english;
const englishPages = async () => (english ??= await read("en"));

for (const code of ["de", "fr"]) {
  test(`lang="${code}": the list and an event page say nothing in English outside the feed`, async () => {
    const en = await englishPages();
    const { page, list, event } = await read(code);
    for (const [what, strings, theirs] of [["the list", list, en.list], ["the event page", event, en.event]]) {
      const left = strings
        .filter(interfaceText)
        .filter((s) => theirs.includes(s) && !SAME_IN_ENGLISH[code].includes(s));
      assert.deepEqual([...new Set(left)], [], `${what} in ${code} still says these as the English page does`);
      assert.ok(strings.filter(interfaceText).length >= 10, `${what}: ${strings.join(" | ")}`);
    }
    // Only the language in use was fetched (once for each of the two pages loaded).
    const texts = page.requests.filter((url) => /\/i18n\//.test(url));
    assert.deepEqual([...new Set(texts.map((url) => new URL(url).pathname))], [`/i18n/${code}.txt`]);
    assert.deepEqual(errorsBesidesPictures(page), []);
  });
}

test("German: month names, counts and dates as German writes them, and no catalogue on an English visit", async () => {
  const { page } = await read("de");
  await page.goto(`${servers.de.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent(".recap-count"), `${sample.items.length} Veranstaltungen`);
  const dates = await page.locator(".recap-event-card__date").allTextContents();
  assert.ok(dates.includes("Mittwoch, 4. Juni 2025"), dates.join(" | "));
  assert.ok(dates.some((d) => / März /.test(d)), dates.join(" | "));
  assert.equal(await page.locator("#recap-search").getAttribute("placeholder"), "z. B. eBPF, GitOps, ein Name");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SCREENSHOTS}/list-de-360.png` });
  const en = await englishPages();
  assert.deepEqual(en.page.requests.filter((url) => /\/i18n\//.test(url)), [], "English is built in");
});

test("a catalogue that cannot be fetched leaves the viewer in English, not blank", async () => {
  const page = await openPage(file.browser);
  await page.route("**/i18n/de.txt", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(`${servers.de.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  assert.equal(await page.textContent(".recap-count"), `${sample.items.length} events`);
});

test("an embed follows its own lang attribute, whatever its host page's", async () => {
  const page = await openPage(file.browser);
  mkdirSync("target/e2e-generated", { recursive: true });
  writeFileSync(
    "target/e2e-generated/embed-fr.html",
    `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,">
     <script type="module" src="/embed.js"></script>
     <recap-viewer lang="fr" feed="/feed.json"></recap-viewer>`,
  );
  await page.goto(`${servers.en.url}/generated/embed-fr.html`);
  const viewer = page.locator("recap-viewer");
  await viewer.locator(".recap-event-card__title").first().waitFor();
  assert.equal(await viewer.locator(".recap-count").textContent(), `${sample.items.length} événements`);
  assert.equal(await viewer.getByRole("search").getAttribute("aria-label"), "Chercher et filtrer les événements");
  assert.deepEqual(errorsBesidesPictures(page), []);
});

test("pre-rendered in German (recap-feed pages --lang de): read without script, taken over in German", async () => {
  const dist = "target/e2e-generated/pages-de";
  rmSync(dist, { recursive: true, force: true });
  cpSync("dist", dist, { recursive: true });
  recapFeed("pages", `${dist}/feed.json`, "--dist", dist, "--lang", "de");
  // The app as a host without rewrites serves it for any other address: German too.
  assert.match(readFileSync(`${dist}/404.html`, "utf8"), /<html lang=de>/);
  const server = await file.serve({ root: dist });
  const context = await file.browser.newContext({ javaScriptEnabled: false });
  try {
    const still = await context.newPage();
    await still.goto(`${server.url}/events/${EVENT}/`);
    assert.equal(await still.getAttribute("html", "lang"), "de");
    assert.equal(await still.locator(".recap-section__title").first().textContent(), "Vorträge");
  } finally {
    await context.close();
  }
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  const count = `${sample.items.length} Veranstaltungen`;
  assert.equal(await page.textContent(".recap-count"), count);
  await waitUntil(page, () => document.querySelector(".recap-takeover:not([hidden])"), undefined, "no takeover");
  assert.equal(await page.textContent(".recap-count"), count, "the app's count is German too");
  assert.deepEqual(errorsBesidesPictures(page), []);
});
