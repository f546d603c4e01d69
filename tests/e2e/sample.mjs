// The bundled sample feed as the tests expect to see it, and small readers of the page.
import { readFileSync } from "node:fs";

export const sample = JSON.parse(readFileSync("public/feed.json", "utf8"));
export const newestFirst = [...sample.items].sort(
  (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published),
);

// The path of an event page: the id percent-encoded into one segment.
export const eventPath = (id) => `/events/${encodeURIComponent(id)}`;

// What a card says of a number of talks.
export const talkCount = (n) => (n === 0 ? "No talks listed" : n === 1 ? "1 talk" : `${n} talks`);

// The titles of the event cards, in page order.
export const cardTitles = (page) =>
  page.$$eval(".recap-event-card__title", (els) => els.map((e) => e.textContent));

// Opens a path of the app in place, as the back and forward buttons do: no reload.
export const goInApp = (page, path) =>
  page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);

// The talks an event page shows: title, speakers as written ("Name (Org), Name"), start.
export const shownTalks = (page) =>
  page.$$eval(".recap-talk", (els) =>
    els.map((el) => ({
      title: el.querySelector(".recap-talk__title").textContent,
      speakers: el.querySelector(".recap-talk__speakers")?.textContent ?? "",
      start: el.querySelector(".recap-time") ? Number(el.querySelector(".recap-time").dataset.t) : null,
    })),
  );

// The same for talks of the feed, as the page writes them.
export const feedTalks = (talks) =>
  talks.map((t, n) => ({
    title: t.title ?? `Talk ${n + 1}`,
    speakers: t.speakers.map((s) => (s.org ? `${s.name} (${s.org})` : s.name)).join(", "),
    start: t.start,
  }));
