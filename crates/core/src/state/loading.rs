//! Loading the feed's first page.

use crate::load::{retry_delay_ms, LoadError};
use crate::parse::ParsedFeed;

/// What the app shows of its feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Showing {
    /// Nothing yet: the feed is being fetched.
    #[default]
    Loading,
    /// The feed; `saved` (the time it was saved) when it is the service worker's saved copy,
    /// answered while the network was down.
    Feed {
        /// When the copy shown was saved, if it is one.
        saved: Option<String>,
    },
    /// Why the feed could not be shown, and in how many milliseconds the app asks again by
    /// itself, if it does.
    Failed {
        /// What went wrong.
        error: LoadError,
        /// The wait before the next automatic retry.
        retry_in: Option<u32>,
    },
}

/// Loading the feed's first page: what is shown, the feed answered (until the view takes it)
/// and the automatic retries asked so far.
///
/// A load runs as: [`FeedLoad::answer`] with each answer, which says how long to wait before
/// asking again, if at all; after that wait, [`FeedLoad::retry`], and ask again. A visitor's
/// "Try again" is [`FeedLoad::ask`]. Over a saved copy, [`FeedLoad::refresh`] starts asking for
/// a fresh feed on the same schedule; the copy stays shown until one comes.
#[derive(Debug, Default)]
pub struct FeedLoad {
    showing: Showing,
    /// Counts the changes of what is shown.
    shown: u32,
    feed: Option<ParsedFeed>,
    retries: u32,
}

impl FeedLoad {
    /// What is shown.
    pub fn showing(&self) -> &Showing {
        &self.showing
    }

    /// Changes whenever what is shown changes (and only then): the view follows it, not the
    /// retries counted.
    pub fn shown(&self) -> u32 {
        self.shown
    }

    fn show(&mut self, showing: Showing) {
        self.showing = showing;
        self.shown = self.shown.wrapping_add(1);
    }

    /// Loading afresh, asked by the visitor: nothing shown, the automatic retries counted from
    /// none.
    pub fn ask(&mut self) {
        self.show(Showing::Loading);
        self.feed = None;
        self.retries = 0;
    }

    /// An answer came: the feed is shown, or why it failed. Returns the wait in milliseconds
    /// before asking again by itself (see [`retry_delay_ms`]), if it does: after a transient
    /// failure while loading; over a saved copy, after any answer but a fresh feed.
    pub fn answer(&mut self, answer: Result<ParsedFeed, LoadError>) -> Option<u32> {
        let over_copy = match &self.showing {
            Showing::Feed { saved } => saved.is_some(),
            Showing::Loading | Showing::Failed { .. } => false,
        };
        match answer {
            Ok(parsed) if !over_copy || parsed.saved.is_none() => {
                self.show(Showing::Feed {
                    saved: parsed.saved.clone(),
                });
                self.feed = Some(parsed);
                None
            }
            _ if over_copy => retry_delay_ms(self.retries),
            Ok(_) => None,
            Err(error) => {
                let retry_in = error.retry_in_ms(self.retries);
                self.show(Showing::Failed { error, retry_in });
                retry_in
            }
        }
    }

    /// The wait after an answer is over: asked again, one automatic retry more. While loading,
    /// nothing is shown meanwhile; a saved copy stays shown.
    pub fn retry(&mut self) {
        self.retries += 1;
        if matches!(self.showing, Showing::Failed { .. }) {
            self.show(Showing::Loading);
        }
    }

    /// Over a saved copy, the network may be back: whether to ask for a fresh feed (the
    /// retries then counted from none).
    pub fn refresh(&mut self) -> bool {
        let over_copy = matches!(&self.showing, Showing::Feed { saved: Some(_) });
        if over_copy {
            self.retries = 0;
        }
        over_copy
    }

    /// The feed answered, for the view that shows it: moved out, once (a large archive is tens
    /// of megabytes).
    pub fn take_feed(&mut self) -> Option<ParsedFeed> {
        self.feed.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network() -> LoadError {
        LoadError::Network("offline".to_owned())
    }

    fn saved() -> ParsedFeed {
        ParsedFeed {
            saved: Some("2026-01-02T03:04:05Z".to_owned()),
            ..ParsedFeed::default()
        }
    }

    /// Runs `answers` through a load as the app does, and gives the waits it was told.
    fn waits(load: &mut FeedLoad, answers: Vec<Result<ParsedFeed, LoadError>>) -> Vec<u32> {
        let mut waits = Vec::new();
        for answer in answers {
            let Some(ms) = load.answer(answer) else { break };
            waits.push(ms);
            load.retry();
        }
        waits
    }

    #[test]
    fn a_feed_is_shown_once_and_taken_once() {
        let mut load = FeedLoad::default();
        assert_eq!(load.showing(), &Showing::Loading);
        assert_eq!(load.answer(Ok(ParsedFeed::default())), None);
        assert_eq!(load.showing(), &Showing::Feed { saved: None });
        assert!(load.take_feed().is_some());
        assert!(load.take_feed().is_none());
        // Taking it leaves what is shown alone.
        assert_eq!(load.showing(), &Showing::Feed { saved: None });
    }

    #[test]
    fn transient_failures_are_retried_on_the_schedule_then_left_to_the_visitor() {
        let mut load = FeedLoad::default();
        let answers = (0..10).map(|_| Err(network())).collect();
        assert_eq!(waits(&mut load, answers), [1000, 2000, 4000, 8000, 16000]);
        assert_eq!(
            load.showing(),
            &Showing::Failed {
                error: network(),
                retry_in: None
            }
        );
    }

    #[test]
    fn the_wait_is_shown_with_the_error_and_loading_is_shown_during_the_retry() {
        let mut load = FeedLoad::default();
        assert_eq!(load.answer(Err(network())), Some(1000));
        assert_eq!(
            load.showing(),
            &Showing::Failed {
                error: network(),
                retry_in: Some(1000)
            }
        );
        load.retry();
        assert_eq!(load.showing(), &Showing::Loading);
        assert_eq!(load.answer(Ok(ParsedFeed::default())), None);
        assert_eq!(load.showing(), &Showing::Feed { saved: None });
    }

    #[test]
    fn a_failure_that_asking_again_cannot_mend_is_not_retried() {
        let mut load = FeedLoad::default();
        assert_eq!(load.answer(Err(LoadError::Html)), None);
        assert_eq!(
            load.showing(),
            &Showing::Failed {
                error: LoadError::Html,
                retry_in: None
            }
        );
    }

    #[test]
    fn asking_again_counts_the_retries_from_none() {
        let mut load = FeedLoad::default();
        let answers = (0..3).map(|_| Err(network())).collect();
        assert_eq!(waits(&mut load, answers), [1000, 2000, 4000]);
        load.ask();
        assert_eq!(load.showing(), &Showing::Loading);
        assert_eq!(load.answer(Err(network())), Some(1000));
    }

    #[test]
    fn what_is_shown_is_counted_when_it_changes_only() {
        let mut load = FeedLoad::default();
        let mut last = load.shown();
        let mut changed = |load: &FeedLoad| {
            let now = load.shown();
            std::mem::replace(&mut last, now) != now
        };
        load.answer(Err(network()));
        assert!(changed(&load));
        load.retry();
        assert!(changed(&load), "loading again");
        load.answer(Ok(saved()));
        assert!(changed(&load));
        load.take_feed();
        assert!(load.refresh());
        assert!(!changed(&load));
        load.answer(Err(network()));
        load.retry();
        load.answer(Ok(saved()));
        assert!(!changed(&load), "over the copy, nothing shown changes");
        load.answer(Ok(ParsedFeed::default()));
        assert!(changed(&load));
    }

    #[test]
    fn a_saved_copy_is_shown_then_replaced_by_a_fresh_feed_only() {
        let mut load = FeedLoad::default();
        // Not over a copy: nothing to refresh.
        assert!(!load.refresh());
        assert_eq!(load.answer(Ok(saved())), None);
        assert!(matches!(load.showing(), Showing::Feed { saved: Some(_) }));
        assert!(load.take_feed().is_some());
        assert!(load.refresh());
        // The copy again, or a failure: the copy stays, asked again on the schedule.
        let answers = vec![Ok(saved()), Err(LoadError::Html), Err(network())];
        assert_eq!(waits(&mut load, answers), [1000, 2000, 4000]);
        assert!(matches!(load.showing(), Showing::Feed { saved: Some(_) }));
        assert!(load.take_feed().is_none());
        assert_eq!(load.answer(Ok(ParsedFeed::default())), None);
        assert_eq!(load.showing(), &Showing::Feed { saved: None });
        assert!(load.take_feed().is_some());
        assert!(!load.refresh());
    }

    #[test]
    fn refreshing_over_a_copy_gives_up_after_the_schedule_and_starts_again_when_asked() {
        let mut load = FeedLoad::default();
        load.answer(Ok(saved()));
        assert!(load.refresh());
        let answers = (0..10).map(|_| Ok(saved())).collect();
        assert_eq!(waits(&mut load, answers), [1000, 2000, 4000, 8000, 16000]);
        assert!(load.refresh());
        assert_eq!(load.answer(Err(network())), Some(1000));
    }
}
