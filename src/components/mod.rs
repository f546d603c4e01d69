//! The views. Each public component has its own file; small private pieces live beside it.

mod app;
mod event_list;
mod event_page;
mod feed_error;
mod list_page;
mod not_found;
mod people_page;
mod rendered;
mod search_form;

pub use app::{App, FeedContext, FeedProblems};
pub use event_list::EventList;
pub use event_page::EventPage;
pub use feed_error::FeedErrorView;
pub use list_page::ListPage;
pub use not_found::NotFound;
pub use people_page::PeoplePage;
pub use rendered::Rendered;
