//! Recap's core: everything about a recap feed that is not a view.
//!
//! - [`feed`]: the JSON Feed 1.1 model with the `_recap` extension, as the viewer, the CLI and
//!   outside tools exchange it.
//! - [`parse`]: reading a feed leniently: every problem is reported with its JSON path, a broken
//!   item is skipped and the rest is kept, items come out newest first.
//! - [`date`]: RFC 3339 timestamps and dates in words.
//! - [`load`]: turning an HTTP response into a feed or a visitor-facing error.
//! - [`source`]: which feed URL a page may load.
//! - [`url`]: which URLs from a feed may become links.
//!
//! It depends on neither the DOM nor Leptos, so all of it is tested natively.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod date;
pub mod feed;
pub mod load;
pub mod parse;
pub mod source;
pub mod url;

pub use date::Timestamp;
pub use feed::{Feed, Item, Link, NextEvent, Recap, Speaker, Sponsor, Talk};
pub use load::LoadError;
pub use parse::{parse_feed, FeedError, ParsedFeed, Problem, Severity};
