//! Recap's web app: a thin layer of Leptos views over `recap-core`.
//!
//! [`start`] finds the mount element (`[data-recap]`, else `<body>`), decides which feed to
//! load and renders the [`App`].
//!
//! [`dom`] (the browser's parser → the block model, for extracting talks from `content_html`)
//! and [`sanitize`] (the allow-list for showing `content_html`) are the pieces of the event
//! viewer that are ready; the viewer's pages are not shipped yet (see the README).

mod api;
mod components;
pub mod dom;
mod mount;
pub mod sanitize;

pub use api::fetch_feed;
pub use components::{App, EventList, FeedErrorView};
pub use mount::start;
