//! Recap's web app: a thin layer of Leptos views over `recap-core`.
//!
//! [`start`] finds the mount element (`[data-recap]`, else `<body>`), decides which feed to
//! load and renders the [`App`].

mod api;
mod components;
mod mount;

pub use api::fetch_feed;
pub use components::{App, EventList, FeedErrorView};
pub use mount::start;
