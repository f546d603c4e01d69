//! Recap's web app: a thin layer of Leptos views over `recap-core`.
//!
//! [`start`] finds the mount element (`[data-recap]`, else `<body>`), decides which feed to
//! load and renders the [`App`]: the event list at the base path, an event at `events/{id}`.
//! [`mount_viewer`] renders the same app inside a `<recap-viewer>` element of another page,
//! leaving that page's address, history, title and styles alone.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api;
mod components;
mod config;
mod index;
mod list;
mod modules;
mod mount;
mod offline;
pub mod page_ref;
pub mod panic;
mod people;
pub mod ready;
pub mod render;
mod router;
mod takeover;
mod task;
pub mod texts;

pub use api::fetch_feed;
pub use components::{App, EventList, FeedErrorView};
pub use config::OnReady;
pub use mount::{mount_viewer, start, Mounted};
pub use router::{History, Router, RouterOptions};
