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
