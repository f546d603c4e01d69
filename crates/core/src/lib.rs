//! Recap's core: everything about a recap feed that is not a view.
//!
//! At the root: the JSON Feed 1.1 model with the `_recap` extension, as the viewer, the CLI and
//! outside tools exchange it ([`Feed`], [`Item`], [`Recap`], [`Talk`], [`Speaker`], [`Link`],
//! [`NextEvent`], [`Sponsor`], [`JSON_FEED_VERSION`]); RFC 3339 timestamps with dates in words
//! ([`Timestamp`]); reading a feed ([`parse_feed`]); and a post's HTML without its inline styles,
//! event handlers and `<base>`, before the browser parses it ([`without_inline_code`]). The
//! modules:
//!
//! - [`parse`]: reading a feed leniently: every problem is reported with its JSON path, a broken
//!   item is skipped and the rest is kept, items come out newest first.
//! - [`blocks`]: the block model that talk extraction reads; `markdown` (feature `markdown`)
//!   produces it from Markdown.
//! - [`crossing`]: an event as two flat arrays, as the app hands it to the event module.
//! - [`extract`]: talks, sponsors and the next meetup from a post's blocks.
//! - [`i18n`]: the interface in the site's language: one catalogue of texts per language, and
//!   dates, counts and numbers written its way.
//! - [`id`]: event ids: the one `YYYY-MM-DD-slug` scheme, and Jekyll's `/2024/03/06/slug` read as
//!   an alias of it.
//! - [`index`]: the compact search index of a paginated feed: every event's page and what
//!   search reads; the whole archive read from it, searched and looked up by id.
//! - [`load`]: turning an HTTP response into a feed or a visitor-facing error.
//! - [`markup`]: the static parts of the pages as a node tree, written as HTML or DOM.
//! - [`offline`]: a feed answered from the copy the site's service worker keeps.
//! - [`people`]: every speaker and organisation across events, with their talks: spellings of
//!   one name folded together, a slug for each one's page.
//! - [`player`]: the event video's players, their postMessage protocol, the talk playing, and
//!   the player's life on an event page as a state machine.
//! - [`route`]: the viewer's URLs.
//! - [`sanitize`]: the allow-list for a post's `content_html`.
//! - [`state`]: the viewer's state as plain types: loading the feed and its retries, the pages
//!   loaded and the search index, the list's events.
//! - [`search`]: searching and filtering the event list: what search reads, the years and the
//!   tags.
//! - [`source`]: which feed URL a page may load.
//! - [`url`]: which URLs from a feed may become links or sources.
//! - [`time`]: video timestamps: `t=1m40s`, `1:07:55`, and back.
//! - [`video`]: recognising YouTube, Vimeo and media-file links.
//!
//! It depends on neither the DOM nor Leptos, so all of it is tested natively. (In the browser,
//! search lower-cases text with the browser's own `toLowerCase`, through `js-sys`: the same
//! Unicode mapping, checked there by the app's component tests.)
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod blocks;
pub mod crossing;
mod date;
pub mod extract;
mod feed;
mod html_tags;
pub mod i18n;
pub mod id;
pub mod index;
mod inline;
pub mod load;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod markup;
pub mod offline;
pub mod parse;
pub mod people;
pub mod player;
pub mod route;
pub mod sanitize;
pub mod search;
pub mod source;
pub mod state;
pub mod time;
pub mod url;
pub mod video;

pub use date::{DateError, Timestamp};
pub use feed::{
    Feed, FeedRecap, Item, Link, NextEvent, Recap, Speaker, Sponsor, Talk, JSON_FEED_VERSION,
};
pub use inline::without_inline_code;
pub use load::LoadError;
pub use parse::{parse_feed, FeedError, ParsedFeed, Problem, Severity};
