// Recap's service worker: the standalone site's offline revisits. `scripts/boot.mjs` writes it
// into each build as `sw.js`, with that build's files; `boot-HASH.js` registers it (the embed
// never does). See docs/hosting.md, "Offline".
//
// - The build's files (hashed names) are kept at install, in a cache of this build's own, and
//   served from it; the caches of other builds are deleted when this one takes over, so a page
//   never mixes two builds' files.
// - Pages and the site's other files (pictures, the on-demand modules: the event page's, the
//   extractor, the search index, the people's pages, the player) come from the network first,
//   and are kept in this build's cache for when it is down. The event page's module is kept at
//   install too, so that events open offline.
// - Feeds (same-origin JSON) come from the network first; the last good answer of each is kept,
//   stamped with the time it was saved (`x-recap-saved`). With the network down, or silent for
//   FEED_WAIT_MS, the copy is served; the answer that arrives later replaces the copy and the
//   open pages are told (`{ recap: "feed", url }`), so that they can show it.

const BUILD = "@@BUILD@@";
// The build's files, relative to this file.
const FILES = @@FILES@@;
// Files kept at install but asked of the network first (their names carry no hash).
const KEPT = @@KEPT@@;
// The feed the site's index.html names, kept at install.
const FEED = @@FEED@@;
const FEED_WAIT_MS = 4000;

const APP_CACHE = `recap-app-${BUILD}`;
const FEED_CACHE = "recap-feeds";
const SAVED = "x-recap-saved";
const here = (name) => new URL(name, self.location).href;
const files = new Set(FILES.map(here));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(APP_CACHE);
      await cache.addAll([...files, ...KEPT.map(here)]);
      if (FEED) await keepFeed(here(FEED)).catch(() => {});
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("recap-app-") && name !== APP_CACHE) await caches.delete(name);
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (files.has(url.href)) {
    event.respondWith(caches.match(request, { cacheName: APP_CACHE }).then((kept) => kept ?? fetch(request)));
  } else if (url.pathname.endsWith(".json") || (request.headers.get("accept") ?? "").includes("json")) {
    event.respondWith(feed(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

// A page: from the network, else as kept, else the plain app (404.html), which opens any route.
async function page(request) {
  try {
    const answer = await fetch(request);
    if (answer.ok) (await caches.open(APP_CACHE)).put(request, answer.clone());
    return answer;
  } catch (error) {
    const kept = (await caches.match(request, { cacheName: APP_CACHE, ignoreSearch: true })) ?? (await caches.match(here("404.html"), { cacheName: APP_CACHE }));
    if (kept) return kept;
    throw error;
  }
}

async function networkFirst(request) {
  try {
    const answer = await fetch(request);
    if (answer.ok) (await caches.open(APP_CACHE)).put(request, answer.clone());
    return answer;
  } catch (error) {
    const kept = await caches.match(request, { cacheName: APP_CACHE });
    if (kept) return kept;
    throw error;
  }
}

// Fetches a feed and keeps a good answer, stamped; gives the network's answer.
async function keepFeed(url, init) {
  const answer = await fetch(url, init);
  if (answer.ok && (answer.headers.get("content-type") ?? "").includes("json")) {
    const headers = new Headers(answer.headers);
    headers.set(SAVED, new Date().toISOString());
    const body = await answer.clone().arrayBuffer();
    await (await caches.open(FEED_CACHE)).put(url, new Response(body, { status: 200, headers }));
  }
  return answer;
}

async function feed(request) {
  const key = request.url;
  const fresh = keepFeed(key, { signal: request.signal });
  const kept = await caches.match(key, { cacheName: FEED_CACHE });
  if (!kept) return fresh;
  // With a copy: the network's answer if it comes in time and is not a server error; else the
  // copy. A good answer that comes later replaces the copy, and the open pages are told.
  const timer = new Promise((resolve) => setTimeout(resolve, FEED_WAIT_MS, "late"));
  const first = await Promise.race([fresh.catch(() => "failed"), timer]);
  if (first instanceof Response && first.status < 500) return first;
  if (first === "late") {
    fresh.then(
      async (answer) => {
        if (!answer.ok) return;
        for (const client of await self.clients.matchAll()) client.postMessage({ recap: "feed", url: key });
      },
      () => {},
    );
  }
  return kept;
}
