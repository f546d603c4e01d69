// Recap's settings for this site: which pages are recaps, the front matter names it reads, and
// where the viewer's script is served. Read by recap-feed.11ty.mjs (the feed at /feed.json),
// recaps.11ty.mjs (the recaps page) and _includes/recap-event.njk (a post's event).

const settings = {
  // The viewer's script: embed.js of a Recap release's site/ folder, wherever it is served.
  script: "__RECAP_SCRIPT__",
  // Where the feed is written.
  feed: "/feed.json",
  // The recaps: the pages of this collection (say "posts" or "recaps") when set…
  collection: "",
  // …else every dated page in this folder of the input.
  folder: "posts",
  // Only the pages with one of these tags, when any are given.
  tags: [],
  // The front matter names of the recording's URL and of the venue.
  keys: { video: "video", location: "location" },
  // The time zone of the day in each event id (YYYY-MM-DD-slug).
  timeZone: "UTC",
  // The feed's title, description and the site's address; empty: from _data/metadata.
  title: "",
  description: "",
  url: "",
  // The layout of the recaps page (say "base.njk"); empty: a page of its own.
  layout: "",
};

const day = (date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: settings.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);

/** A page's event id: its day in `timeZone`, then its slug (front matter `slug`, else the file's). */
function eventId(page, slug) {
  return `${day(page.date)}-${slug || page.fileSlug}`;
}

/** The recap pages of `collections`, newest first. */
function pages(collections) {
  const chosen = settings.collection
    ? collections[settings.collection] ?? []
    : (collections.all ?? []).filter(
        (item) => item.date && item.inputPath.split("/").slice(0, -1).includes(settings.folder),
      );
  return chosen
    .filter((item) => item.data.published !== false && item.data.draft !== true)
    .filter(
      (item) =>
        settings.tags.length === 0 || [item.data.tags ?? []].flat().some((t) => settings.tags.includes(t)),
    )
    .sort((a, b) => b.date - a.date);
}

/** The site's title, description and address (without a trailing slash). */
function site(data) {
  const meta = data.metadata ?? {};
  return {
    title: settings.title || meta.title || "",
    description: settings.description || meta.description || "",
    url: (settings.url || meta.url || "").replace(/\/+$/, ""),
  };
}

export default { ...settings, eventId, pages, site };
