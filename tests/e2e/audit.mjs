// What a page may hold, and a check of the whole document against it, for pages that show a
// hostile feed. Runs in the page (page.evaluate(auditDocument, options)).
//
// Outside a post: only the app's own elements and attributes. Inside the sanitised post
// (`.recap-full__body`): only the sanitiser's allow-list (recap_core::sanitize). Anywhere: no
// `on*` attribute, no script, data or vbscript URL, no `srcdoc`, no `<base>` but the app's, no
// `<meta http-equiv>`, no `<form>`, no script but the app's own in the head (and a pre-rendered
// page's one JSON-LD data block of schema.org JSON), no frame but the player's, no id or name
// the app did not write, and every link that leaves the site with the one `rel` policy.
export const OUTSIDE_REL = "noopener noreferrer nofollow ugc";

// The sanitiser's allow-list: elements kept, and attributes on them.
const POST_TAGS =
  "p br hr h2 h3 h4 h5 h6 strong b em i u s del ins small sub sup mark blockquote q cite code pre kbd ul ol li dl dt dd a img figure figcaption table thead tbody tfoot tr th td caption abbr time span div";
const POST_ATTRS = "href cite src colspan rowspan start width height title alt datetime rel loading decoding";

// The app's own markup (recap_core::markup, the Leptos views, the player).
const APP_TAGS =
  "div section article header nav h1 h2 h3 p ul ol li a img time span mark code button input select option label details summary iframe video noscript";
const APP_ATTRS =
  "class id role tabindex href src alt title loading decoding width height datetime rel type value for placeholder autocomplete readonly hidden open disabled controls playsinline preload allow referrerpolicy aria-label aria-labelledby aria-live aria-hidden aria-busy aria-current aria-selected aria-describedby aria-invalid data-recap data-feed data-pages data-youtube-host data-vimeo-host data-route data-t data-play data-copy data-action data-placeholder";
const APP_IDS =
  "recap recap-search recap-year recap-tag recap-talks-title recap-sponsors-title recap-next-title recap-photos-title";
const HEAD_TAGS = "meta title link script base style";

export function auditDocument({ frameOrigins, rel, allow }) {
  // The pre-rendered page's one JSON-LD data block (never run): schema.org JSON, no source.
  const structuredData = (el) => {
    if (el.type !== "application/ld+json" || el.hasAttribute("src")) return false;
    if (el !== document.head.querySelector('script[type="application/ld+json"]')) return false;
    try {
      return JSON.parse(el.textContent)["@context"] === "https://schema.org";
    } catch {
      return false;
    }
  };
  const set = (words) => new Set(words.split(/\s+/));
  const [postTags, postAttrs, appTags, appAttrs, appIds, headTags] = [
    "POST_TAGS",
    "POST_ATTRS",
    "APP_TAGS",
    "APP_ATTRS",
    "APP_IDS",
    "HEAD_TAGS",
  ].map((name) => set(allow[name]));
  const problems = [];
  const describe = (el) => {
    const html = el.outerHTML ?? String(el);
    return html.length > 160 ? `${html.slice(0, 160)}…` : html;
  };
  const say = (el, what) => problems.push(`${what}: ${describe(el)}`);
  // As a browser reads a URL: tabs and newlines anywhere, controls and spaces at the ends.
  const scheme = (value) => {
    const cleaned = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
    return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase() ?? null;
  };
  const URL_ATTRS = set("href src action formaction xlink:href poster data background cite srcset ping lowsrc dynsrc");
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    const inHead = el.closest("head") !== null;
    const inPost = el.parentElement?.closest(".recap-full__body") != null;
    if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") say(el, `an element in ${el.namespaceURI}`);
    if (tag === "html" || tag === "head" || tag === "body") {
      // the document's own
    } else if (inHead) {
      if (!headTags.has(tag)) say(el, "an element the head does not have");
      // The build's own: its Content-Security-Policy, first in the head, and its boot file.
      const policy = el === document.head.querySelector("meta[http-equiv]") && el.httpEquiv === "Content-Security-Policy" && el.content.startsWith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';");
      if (tag === "meta" && el.hasAttribute("http-equiv") && !policy) say(el, "meta http-equiv");
      if (tag === "base" && el.getAttribute("href") !== "/") say(el, "a base that is not the app's");
      const boot = el.type === "module" && /^\/boot-[0-9a-f]{16}\.js$/.test(el.getAttribute("src") ?? "") && el.integrity && el.textContent === "";
      if (tag === "script" && !boot && !structuredData(el)) say(el, "a script that is not the app's");
    } else if (inPost) {
      if (!postTags.has(tag)) say(el, "an element outside the sanitiser's allow-list");
    } else if (!appTags.has(tag)) {
      say(el, "an element the app does not make");
    }
    if (!inHead && ["script", "base", "meta", "link", "style", "form", "object", "embed", "frame", "template", "svg", "math"].includes(tag)) {
      say(el, `a ${tag} in the body`);
    }
    if (tag === "iframe" && !frameOrigins.some((origin) => (el.getAttribute("src") ?? "").startsWith(`${origin}/`))) {
      say(el, "a frame that is not the player's");
    }
    for (const { name: raw, value } of el.attributes) {
      const name = raw.toLowerCase();
      if (name.startsWith("on")) say(el, `an event handler ${name}`);
      if (name === "srcdoc") say(el, "srcdoc");
      if (name === "name" && !inHead) say(el, "a name (clobbers document properties)");
      if (URL_ATTRS.has(name)) {
        const s = scheme(value);
        const favicon = inHead && tag === "link" && el.rel === "icon";
        if (s && ["javascript", "data", "vbscript"].includes(s) && !favicon) say(el, `a ${s}: URL in ${name}`);
      }
      if (inHead || tag === "html") continue;
      if (inPost ? !postAttrs.has(name) : !appAttrs.has(name)) {
        // The chapter bar's segments are sized through the CSS object model.
        const chapter = name === "style" && el.matches("li.recap-chapters__item") && /^flex-grow: \d+;$/.test(value);
        if (!chapter) say(el, `an attribute ${name} outside the allow-list`);
      }
      if (name === "id" && !appIds.has(value)) say(el, `an id the app did not write (${value})`);
    }
  }
  for (const a of document.querySelectorAll("a[href]")) {
    const url = new URL(a.href, location.href);
    if (/^https?:$/.test(url.protocol) && url.origin !== location.origin && a.rel !== rel) {
      say(a, `a link that leaves the site without rel="${rel}"`);
    }
  }
  return problems;
}

// The lists above, passed to auditDocument.
export const ALLOW = { POST_TAGS, POST_ATTRS, APP_TAGS, APP_ATTRS, APP_IDS, HEAD_TAGS };
