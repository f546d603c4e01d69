//! Markup as data: the static parts of the pages as a small node tree, one source for two
//! outputs. Natively [`to_html`] writes it as escaped HTML (`recap-feed pages` pre-renders the
//! site with it); in the browser the app materialises the same tree as DOM nodes.
//!
//! - [`node`]: the tree and its serialiser. No raw-HTML node: every feed string is text.
//! - [`protocol`]: the names the markup and the app share: `data-*` attributes, classes, ids and
//!   the selectors built from them.
//! - [`views`]: the list's header, search form and count, event cards, the list's year groups, an
//!   event's header, recording and body.
//! - [`pages`]: whole pages for pre-rendering: the list's first screen, an event page.
//! - [`people`]: the pages of people across events: every speaker, a speaker's talks, every
//!   organisation, an organisation's talks.
//! - [`photos`]: the pictures in a post, found without a parser.
//! - [`structured`]: an event page's JSON-LD for search engines: the event, its recording and
//!   each talk's moment in it.

pub mod node;
pub mod pages;
pub mod people;
pub mod photos;
pub mod protocol;
pub mod structured;
pub mod views;

pub use node::{escape, to_html, Element, Node};
pub use photos::photos_in;
pub use views::{
    event_body, event_card, event_head, event_header, video_area, year_groups, Body, Facade,
    Neighbour, Photo,
};

#[cfg(test)]
mod tests;
