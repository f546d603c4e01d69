//! The pages of the feed loaded, its search index, its next page and an event looked for.

use crate::load::LoadError;
use crate::parse::{Problem, Severity};
use crate::{Feed, Item};

/// The feed as loaded: its first page and the pages after it in turn (JSON Feed `next_url`),
/// merged; and the pages fetched out of turn for the address of an event on a page not loaded,
/// each kept apart.
#[derive(Debug, Default)]
pub struct Pages {
    feed: Feed,
    strays: Vec<Feed>,
}

impl Pages {
    /// The feed's first page.
    pub fn new(feed: Feed) -> Self {
        Pages {
            feed,
            strays: Vec::new(),
        }
    }

    /// The pages loaded in turn, merged, newest first.
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    /// Adds the feed's next page: its new events, in place.
    pub fn add_page(&mut self, page: Feed) {
        self.feed.append_page(page);
    }

    /// The address of the feed's search index, if its first page names one.
    pub fn index_url(&self) -> Option<&str> {
        index_url(&self.feed)
    }

    /// Keeps a page fetched out of turn, apart from the others.
    pub fn add_stray(&mut self, page: Feed) {
        self.strays.push(page);
    }

    /// Whether a page loaded holds the event with this id.
    pub fn holds(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// The event with this id, with its newer and older neighbours on its page: from the pages
    /// loaded in turn, else from those fetched out of turn.
    pub fn find(&self, id: &str) -> Option<(&Item, Option<&Item>, Option<&Item>)> {
        self.feed
            .find(id)
            .or_else(|| self.strays.iter().find_map(|page| page.find(id)))
    }
}

/// Where the search index of a paginated feed is (`_recap.index` on its first page). `I` is
/// the index as read: the app's handle on it.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexState<I> {
    /// The feed has none: search and addresses cover the pages loaded.
    Absent,
    /// Not asked for yet: it is loaded on the first search.
    Idle,
    /// Being fetched and read.
    Loading,
    /// Read, with the address it came from (page names are relative to it).
    Ready(I, String),
    /// It could not be read; the feed's problems say why.
    Failed,
}

impl<I> IndexState<I> {
    /// For a feed whose first page is `feed`: idle when it names an index, else absent.
    pub fn of(feed: &Feed) -> Self {
        match index_url(feed) {
            Some(_) => IndexState::Idle,
            None => IndexState::Absent,
        }
    }

    /// Asked for: whether to fetch it now (it was idle; it is loading from now on).
    pub fn open(&mut self) -> bool {
        let idle = matches!(self, IndexState::Idle);
        if idle {
            *self = IndexState::Loading;
        }
        idle
    }

    /// The index from `url` is read (with the address it came from), or why not: the problem
    /// to report then.
    pub fn opened(&mut self, url: &str, read: Result<(I, String), String>) -> Option<Problem> {
        match read {
            Ok((index, from)) => {
                *self = IndexState::Ready(index, from);
                None
            }
            Err(why) => {
                *self = IndexState::Failed;
                Some(Problem {
                    path: url.to_owned(),
                    message: format!(
                        "{why}; search covers the events loaded so far, and an address of an older event is not found"
                    ),
                    severity: Severity::Warning,
                })
            }
        }
    }

    /// The index, once read, and the address it came from.
    pub fn ready(&self) -> Option<(&I, &str)> {
        match self {
            IndexState::Ready(index, url) => Some((index, url)),
            _ => None,
        }
    }

    /// Whether it is as it will stay: read, failed or absent (not idle, not loading).
    pub fn settled(&self) -> bool {
        !matches!(self, IndexState::Idle | IndexState::Loading)
    }
}

/// The address of the feed's search index, if its first page names one.
fn index_url(feed: &Feed) -> Option<&str> {
    feed.recap.as_ref().and_then(|r| r.index.as_deref())
}

/// The feed's next page (JSON Feed `next_url`): whether it is being fetched, and why it failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Older {
    loading: bool,
    error: Option<LoadError>,
}

impl Older {
    /// Asked for the next page of `feed`: its address to fetch, unless there is none or it is
    /// already being fetched. The last error is forgotten.
    pub fn start(&mut self, feed: &Feed) -> Option<String> {
        if self.loading {
            return None;
        }
        let url = feed.next_url.clone()?;
        self.loading = true;
        self.error = None;
        Some(url)
    }

    /// The page came (`None`) or failed.
    pub fn done(&mut self, error: Option<LoadError>) {
        self.loading = false;
        self.error = error;
    }

    /// Whether the next page is being fetched.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// Why the last fetch failed.
    pub fn error(&self) -> Option<&LoadError> {
        self.error.as_ref()
    }
}

/// An event asked for by its address and not in the pages loaded: the page the search index
/// puts it on is fetched for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Lookup {
    /// Being looked for (it is shown as soon as a page holding it is in).
    #[default]
    Looking,
    /// Nowhere: the feed has no index, the index could not be read or does not know it.
    Missing,
    /// Its page could not be fetched.
    Failed(LoadError),
}

impl Lookup {
    /// After fetching its page: whether the index knew the event, or why the page failed.
    pub fn after(fetched: Result<bool, LoadError>) -> Self {
        match fetched {
            Ok(true) => Lookup::Looking,
            Ok(false) => Lookup::Missing,
            Err(error) => Lookup::Failed(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::feed;
    use super::*;
    use crate::FeedRecap;

    #[test]
    fn pages_in_turn_merge_and_pages_out_of_turn_stay_apart() {
        let mut pages = Pages::new(feed(&[("c", "2024-03-01"), ("b", "2024-02-01")]));
        pages.add_page(feed(&[("b", "2024-02-01"), ("a", "2024-01-01")]));
        let ids: Vec<_> = pages.feed().items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        assert!(!pages.holds("old"));
        pages.add_stray(feed(&[("new", "2020-02-01"), ("old", "2020-01-01")]));
        assert!(pages.holds("old"));
        // Its neighbours are those of its own page, not of the merged feed.
        let (item, newer, older) = pages.find("old").expect("held");
        assert_eq!(item.id, "old");
        assert_eq!(newer.map(|i| i.id.as_str()), Some("new"));
        assert!(older.is_none());
        let (_, newer, older) = pages.find("b").expect("held");
        assert_eq!(
            (newer.map(|i| &i.id[..]), older.map(|i| &i.id[..])),
            (Some("c"), Some("a"))
        );
        assert_eq!(pages.feed().items.len(), 3);
    }

    #[test]
    fn the_index_is_fetched_once_when_the_feed_names_one() {
        let plain = feed(&[]);
        let mut state = IndexState::<u8>::of(&plain);
        assert_eq!(state, IndexState::Absent);
        assert!(!state.open());
        assert!(state.settled());

        let mut paginated = feed(&[]);
        paginated.recap = Some(FeedRecap {
            index: Some("https://example.org/index.bin".to_owned()),
            people: None,
            ..FeedRecap::default()
        });
        let mut state = IndexState::<u8>::of(&paginated);
        assert_eq!(state, IndexState::Idle);
        assert!(!state.settled());
        assert!(state.open());
        assert_eq!(state, IndexState::Loading);
        assert!(!state.open(), "asked again while loading");
        assert!(!state.settled());
        let from = "https://example.org/index.bin".to_owned();
        assert_eq!(state.opened("index.bin", Ok((7, from.clone()))), None);
        assert_eq!(state.ready(), Some((&7, from.as_str())));
        assert!(state.settled());
        assert!(!state.open());
    }

    #[test]
    fn an_index_that_cannot_be_read_is_a_warning_that_says_what_search_covers() {
        let mut state = IndexState::<u8>::Loading;
        let problem = state
            .opened("index.bin", Err("it is truncated".to_owned()))
            .expect("a problem");
        assert_eq!(state, IndexState::Failed);
        assert!(state.settled());
        assert!(state.ready().is_none());
        assert_eq!(problem.path, "index.bin");
        assert_eq!(problem.severity, Severity::Warning);
        assert!(problem
            .message
            .starts_with("it is truncated; search covers"));
    }

    #[test]
    fn the_next_page_is_fetched_one_at_a_time_and_its_error_kept_until_asked_again() {
        let mut first = feed(&[]);
        let mut older = Older::default();
        assert_eq!(older.start(&first), None, "no next page");
        assert!(!older.loading());
        first.next_url = Some("https://example.org/page-2.json".to_owned());
        assert_eq!(
            older.start(&first).as_deref(),
            Some("https://example.org/page-2.json")
        );
        assert!(older.loading());
        assert_eq!(older.start(&first), None, "already being fetched");
        older.done(Some(LoadError::Html));
        assert!(!older.loading());
        assert_eq!(older.error(), Some(&LoadError::Html));
        assert!(older.start(&first).is_some());
        assert_eq!(older.error(), None);
        older.done(None);
        assert_eq!(older, Older::default());
    }

    #[test]
    fn an_event_looked_for_is_missing_only_when_the_index_does_not_know_it() {
        assert_eq!(Lookup::default(), Lookup::Looking);
        assert_eq!(Lookup::after(Ok(true)), Lookup::Looking);
        assert_eq!(Lookup::after(Ok(false)), Lookup::Missing);
        assert_eq!(
            Lookup::after(Err(LoadError::Html)),
            Lookup::Failed(LoadError::Html)
        );
    }
}
