// End to end: the search index of a paginated feed is searched by a wasm module of its own
// (recap-index.js, crates/index), loaded through the app's loader of the modules beside
// it, and never fetched by a visit that does not ask for it.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { buildFixtures } from "./cli.mjs";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { errorsBesidesPictures, openPage } from "./browser.mjs";
import { domSettled, requestsSettled } from "./settle.mjs";
import { e2eFile } from "./fixture.mjs";

const PAGE_SIZE = 8;
let server;
let whole;
const file = e2eFile();
before(async () => {
  rmSync("target/e2e-generated/paged", { recursive: true, force: true });
  mkdirSync("target/e2e-generated/paged", { recursive: true });
  buildFixtures("target/e2e-generated/index-whole.json");
  buildFixtures("target/e2e-generated/paged/feed.json", "--page-size", String(PAGE_SIZE));
  whole = JSON.parse(readFileSync("target/e2e-generated/index-whole.json", "utf8"));
  server = await file.serve();
});

// The years of the events, newest first, and their tags, most used first (case aside, the first
// spelling), then alphabetically: what the list's filters offer.
const years = (items) =>
  [...new Set(items.filter((i) => i.date_published).map((i) => Number(i.date_published.slice(0, 4))))].sort((a, b) => b - a);
function tags(items) {
  const counts = [];
  for (const tag of items.flatMap((i) => i.tags ?? [])) {
    const seen = counts.find((c) => c[0].toLowerCase() === tag.toLowerCase());
    if (seen) seen[1] += 1;
    else counts.push([tag, 1]);
  }
  return counts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((c) => c[0]);
}
const positions = (items, keep) => items.flatMap((item, at) => (keep(item) ? [at] : []));

test("a visit never fetches the search index module", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/?feed=/generated/paged/feed.json`);
  await page.waitForSelector(".recap-event-card__title");
  // Once the list has stopped changing and every request the page had begun has been seen.
  await domSettled(page);
  await requestsSettled(page);
  assert.deepEqual(page.requests.filter((u) => /recap-index/.test(u)), []);
  // What does fetch it, seen the same way: the search box taking the focus.
  const fetched = page.waitForRequest(/\/recap-index_bg\.wasm$/);
  await page.focus("#recap-search");
  await fetched;
  await requestsSettled(page);
  assert.deepEqual(
    page.requests.filter((u) => /recap-index/.test(u)).map((u) => new URL(u).pathname),
    ["/recap-index.js", "/recap-index_bg.wasm"],
  );
});

test("the module, loaded once through the app's loader, searches every page and finds each event's page", async () => {
  const page = await openPage(file.browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector(".recap-event-card__title");
  const total = whole.items.length;
  const pages = Math.ceil(total / PAGE_SIZE);
  assert.ok(pages >= 3, `${pages} pages`);
  const oldest = whole.items[total - 1];
  const year = years(whole.items).at(-1);
  const tag = tags(whole.items)[1];
  const seen = await page.evaluate(
    async ({ oldest, year, tag }) => {
      const snippet = [...document.querySelectorAll("link[rel=modulepreload]")]
        .map((link) => link.href)
        .find((href) => href.includes("/snippets/"));
      const { load_module } = await import(snippet);
      const module = await load_module("recap-index");
      const once = (await load_module("recap-index")) === module;
      const text = await (await fetch("/generated/paged/feed-index.json")).text();
      const index = module.open(text);
      const at = index.find(oldest.id);
      const name = index.page_name(index.page(at));
      const onPage = (await (await fetch(`/generated/paged/${name}`)).json()).items.map((i) => i.id);
      let broken;
      try {
        module.open("<!doctype html><title>Not found</title>");
      } catch (error) {
        broken = error;
      }
      // Typed on a key at a time (each search through what the one before found), against a
      // second index asked for something else in between (each search through every event).
      const whole = module.open(text);
      const typedOn = [];
      for (const typed of [oldest.title, `${oldest.title.slice(0, 3)} ${year}`]) {
        for (let end = 1; end <= typed.length; end++) {
          const q = typed.slice(0, end);
          whole.search("\u0000", undefined, undefined);
          typedOn.push([q, [...index.search(q, undefined, undefined)].join(), [...whole.search(q, undefined, undefined)].join()]);
        }
      }
      const everything = index.search("", undefined, undefined);
      return {
        typedOn,
        once,
        len: index.count(),
        typed: everything instanceof Uint32Array,
        everything: [...everything],
        byTitle: [...index.search(oldest.title.toUpperCase(), undefined, undefined)],
        byYear: [...index.search("", year, undefined)],
        byTag: [...index.search("", undefined, tag.toUpperCase())],
        nothing: [...index.search("no such words anywhere", undefined, undefined)],
        at,
        page: index.page(at),
        name,
        onPage,
        missing: index.find("no such event") ?? null,
        beyond: index.page(index.count()),
        // An event crosses as an item in two flat arrays (recap_core::crossing::ItemWire).
        item: (({ strings, numbers }) => ({ strings: [...strings], numbers: [...numbers] }))(index.event(at)),
        noItem: index.event(index.count()) ?? null,
        years: [...index.years()],
        tags: index.tags(),
        broken: String(broken),
      };
    },
    { oldest, year, tag },
  );
  for (const [q, typed, fresh] of seen.typedOn) assert.equal(typed, fresh, `typed on to ${JSON.stringify(q)}`);
  assert.ok(seen.typedOn.some(([, typed]) => typed.split(",").length > 1), "a prefix matches several events");
  assert.equal(seen.once, true);
  assert.equal(seen.len, total);
  assert.equal(seen.typed, true);
  assert.deepEqual(seen.everything, positions(whole.items, () => true));
  // The oldest event is on the last page, and the index names that page's file.
  assert.ok(seen.byTitle.includes(total - 1), `${seen.byTitle}`);
  assert.equal(seen.at, total - 1);
  assert.equal(seen.page, pages);
  assert.equal(seen.name, `feed-${pages}.json`);
  assert.ok(seen.onPage.includes(oldest.id));
  assert.deepEqual(seen.byYear, positions(whole.items, (i) => i.date_published?.startsWith(`${year}-`)));
  assert.deepEqual(seen.byTag, positions(whole.items, (i) => (i.tags ?? []).some((t) => t.toLowerCase() === tag.toLowerCase())));
  assert.deepEqual(seen.nothing, []);
  assert.equal(seen.missing, null);
  assert.equal(seen.beyond, 0);
  assert.equal(seen.noItem, null);
  // The event as the app reads it (src/modules.rs reads it back whole): what the index knows,
  // talks with their speakers, its strings in the item's order.
  const known = [
    oldest.id,
    oldest.title,
    oldest._recap.location,
    ...oldest._recap.talks.flatMap((t) => [t.title, ...t.speakers.flatMap((s) => [s.name, s.org])]),
  ].filter((text) => text !== undefined && text !== null);
  assert.equal(seen.item.strings[0], oldest.id);
  let from = 0;
  for (const text of known) {
    const at = seen.item.strings.indexOf(text, from);
    assert.ok(at >= from, `${JSON.stringify(text)} in order in ${JSON.stringify(seen.item.strings)}`);
    from = at + 1;
  }
  assert.ok(seen.item.numbers.length > 0 && seen.item.numbers.every(Number.isInteger));
  assert.deepEqual(seen.years, years(whole.items));
  assert.deepEqual(seen.tags, tags(whole.items));
  assert.match(seen.broken, /^the search index cannot be read: /);
  assert.deepEqual(
    page.requests.filter((u) => /recap-index/.test(u)).map((u) => new URL(u).pathname),
    ["/recap-index.js", "/recap-index_bg.wasm"],
  );
  assert.deepEqual(errorsBesidesPictures(page), []);
});
