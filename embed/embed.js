/*! Recap embed @@VERSION@@ | MIT OR Apache-2.0 */
// Recap's embed: defines <recap-viewer>, the app in an element of any page.
//
//   <script type="module" src="https://recaps.example.org/embed.js"></script>
//   <recap-viewer feed="https://example.org/feed.json"></recap-viewer>
//
// This file keeps its name from build to build; it loads the app's files, whose names change,
// from beside itself (wherever it is served). Each element renders in a shadow root of its own,
// with the app's stylesheet; its light-DOM children (a plain link, say) show until the app is
// up, and without script. The elements of a page are independent, and share one request per
// feed URL. See docs/embedding.md for the attributes, theming and what a host allows.

const beside = (name) => new URL(name, import.meta.url).href;
const APP = beside("@@APP_JS@@");
const WASM = beside("@@APP_WASM@@");
const STYLES = beside("@@APP_CSS@@");

// The app, loaded once for all the elements of the page: its script and its wasm at once.
let app;
const loadApp = () => {
  if (!app) {
    const wasm = fetch(WASM);
    wasm.catch(() => {}); // a failure is reported by the app's start below
    app = import(APP).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
  }
  return app;
};

// One request per feed URL for all the elements of the page; each gets a response of its own.
// A request that failed (or was answered with an error) is made again by the next element that
// asks once one has had its answer, and so is one that an element asks for again (its "Try
// again", or its automatic retry after a timeout): a request that never ended is not reused.
const feeds = new Map();
// Asking again bypasses the browser's cache, which would otherwise hold the new request until
// an earlier one for the same URL, still unanswered, ends.
function request(url, again) {
  const entry = { handed: false, failed: false };
  entry.response = fetch(url, again ? { cache: "no-store" } : {}).then(
    (answer) => {
      entry.failed = !answer.ok;
      return answer;
    },
    (error) => {
      entry.failed = true;
      throw error;
    },
  );
  feeds.set(url, entry);
  return entry;
}
// Asks for a feed early, while the app loads.
function prefetchFeed(url) {
  if (!feeds.has(url)) request(url).response.catch(() => {});
}
// The app's fetch: a promise of a response of the feed at `url`; `again` after a failure.
function fetchFeed(url, again) {
  let entry = feeds.get(url);
  if (!entry || again || (entry.failed && entry.handed)) entry = request(url, again);
  entry.handed = true;
  return entry.response.then((answer) => answer.clone());
}

// The fragment (`#recap=/events/…`) belongs to one element at a time: the first connected with
// history="hash". Any other keeps its place in memory.
let fragmentOwner = null;

// The attributes that remount the app when they change. `theme` is not one: the stylesheet reads
// it (`:host([theme="dark"])`), so a change restyles the element in place.
const ATTRIBUTES = ["feed", "event", "youtube-host", "vimeo-host", "base", "history", "feed-timeout", "lang"];

class RecapViewer extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  // The release, for a host to read: customElements.get("recap-viewer").version.
  static version = "@@VERSION@@";

  #viewer = null;
  #mount = null;
  #fallback = null;
  #styled = null;
  // Bumped on every (re)mount and disconnection: a late load for an older one is dropped.
  #generation = 0;

  connectedCallback() {
    if (!this.shadowRoot) this.#build();
    this.#render();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
    if (fragmentOwner === this) fragmentOwner = null;
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && this.shadowRoot) this.#render();
  }

  #build() {
    const root = this.attachShadow({ mode: "open" });
    const styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = STYLES;
    this.#styled = new Promise((done) => {
      styles.addEventListener("load", done, { once: true });
      styles.addEventListener("error", done, { once: true });
    });
    this.#fallback = document.createElement("slot");
    this.#mount = document.createElement("div");
    this.#mount.hidden = true;
    root.append(styles, this.#fallback, this.#mount);
  }

  #unmount() {
    this.#viewer?.unmount();
    this.#viewer?.free();
    this.#viewer = null;
    this.#mount?.replaceChildren();
  }

  async #render() {
    const generation = ++this.#generation;
    this.#unmount();
    const url = (value) => {
      try {
        return value ? new URL(value, document.baseURI).href : null;
      } catch {
        return null;
      }
    };
    const feed = url(this.getAttribute("feed"));
    if (!feed) {
      console.error("<recap-viewer> needs a feed attribute: the URL of a JSON Feed.");
      return;
    }
    // The feed is asked for now, while the app loads; the app's own request shares it.
    prefetchFeed(feed);
    if (this.getAttribute("history") === "hash") fragmentOwner ??= this;
    const options = {
      feed,
      event: this.getAttribute("event"),
      youtubeHost: this.getAttribute("youtube-host"),
      vimeoHost: this.getAttribute("vimeo-host"),
      base: url(this.getAttribute("base")),
      history: fragmentOwner === this ? "hash" : "memory",
      feedTimeout: this.getAttribute("feed-timeout"),
      // The element's language, else the host page's.
      lang: this.getAttribute("lang") || document.documentElement.lang,
      fetch: fetchFeed,
    };
    let module;
    try {
      [module] = await Promise.all([loadApp(), this.#styled]);
    } catch (error) {
      console.error("<recap-viewer>: the app could not be loaded", error);
      return;
    }
    if (generation !== this.#generation) return;
    this.#viewer = module.mount_viewer(this.#mount, options);
    this.#mount.hidden = false;
    this.#fallback.remove();
  }
}

if (!customElements.get("recap-viewer")) customElements.define("recap-viewer", RecapViewer);
