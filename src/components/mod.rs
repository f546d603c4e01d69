//! The views. Each public component has its own file; small private pieces live beside it.

mod app;
mod event_list;
mod feed_error;

pub use app::App;
pub use event_list::EventList;
pub use feed_error::FeedErrorView;
