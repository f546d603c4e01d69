//! The viewer's state as plain types: each decides what the app shows and what it does next,
//! and the app holds it in a signal and runs what it decides (fetches, timers, the DOM).
//!
//! - [`FeedLoad`]: loading the feed's first page, its automatic retries after a transient
//!   failure, and a fresh feed replacing a saved copy; what it shows is a [`Showing`].
//! - [`Pages`]: the pages of the feed loaded, in turn and out of turn; [`IndexState`]: where
//!   the search index is; [`Older`]: the feed's next page being fetched; [`Lookup`]: an event
//!   asked for by its address and not in the pages loaded.
//! - [`Listing`]: which events the list shows, and whether more of them can go below the list
//!   built or it must be built again; [`Window`]: which of its cards are built, in which runs,
//!   and which runs hold their cards.

mod list;
mod loading;
mod pages;
mod window;

pub use list::{At, Listing, Search};
pub use loading::{FeedLoad, Showing};
pub use pages::{IndexState, Lookup, Older, Pages};
pub use window::{Window, CHUNK, KEPT};

#[cfg(test)]
pub(crate) mod fixture {
    use crate::{parse_feed, Feed};

    /// A feed of items with these ids and dates (`YYYY-MM-DD`), each titled after its id.
    pub fn feed(items: &[(&str, &str)]) -> Feed {
        let items: Vec<String> = items
            .iter()
            .map(|(id, date)| {
                format!(
                    r#"{{"id":"{id}","title":"Meetup {id}","date_published":"{date}T18:00:00Z","tags":["t-{id}"]}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Test","items":[{}]}}"#,
            items.join(",")
        );
        parse_feed(&json).expect("a test feed").feed
    }
}
