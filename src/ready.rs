//! The app's word that it shows its page: the page is mounted and every static part of it is
//! built. Whoever mounted the app may wait on it: a pre-rendered page is taken over at that
//! moment ([`crate::takeover`]).
//!
//! The app provides a [`Readiness`]. Each static part ([`Part`]) is counted when its view is
//! made, which happens for the whole page in one pass before any effect runs, and counts
//! itself done once built; the page says it is mounted ([`page_shown`]). When both hold, the
//! waiting callback runs, once.

use leptos::prelude::*;

/// What the app is waiting for before it says it is ready.
struct State {
    /// Static parts counted and not built yet.
    pending: usize,
    /// Whether a page (or the feed's error) is mounted.
    shown: bool,
    /// Runs once, when the page is shown with every part built.
    then: Option<Box<dyn FnOnce()>>,
}

/// The app's readiness, provided to its views by the app.
#[derive(Clone, Copy)]
pub struct Readiness(StoredValue<State, LocalStorage>);

impl Readiness {
    /// A readiness that runs `then` (if any) when the app is ready.
    pub fn new(then: Option<Box<dyn FnOnce()>>) -> Self {
        Readiness(StoredValue::new_local(State {
            pending: 0,
            shown: false,
            then,
        }))
    }

    fn change(self, change: impl FnOnce(&mut State)) {
        let then = self
            .0
            .try_update_value(|state| {
                change(state);
                if state.shown && state.pending == 0 {
                    state.then.take()
                } else {
                    None
                }
            })
            .flatten();
        // Outside the state's borrow: the callback may run the app's handlers.
        if let Some(then) = then {
            then();
        }
    }
}

/// A static part of the page that the app's readiness waits for.
#[derive(Clone, Copy)]
pub struct Part(Option<(Readiness, StoredValue<bool>)>);

impl Part {
    /// A part of the view being made, counted by the app's readiness. Outside the app (a view
    /// mounted alone, as in the component tests) nothing waits for it.
    pub fn counted() -> Self {
        Part(use_context::<Readiness>().map(|readiness| {
            readiness.change(|state| state.pending += 1);
            (readiness, StoredValue::new(false))
        }))
    }

    /// The part is built (or gone before it was: a page left at once). Only the first call
    /// counts.
    pub fn done(self) {
        let Some((readiness, done)) = self.0 else {
            return;
        };
        if done.try_update_value(|done| std::mem::replace(done, true)) == Some(false) {
            readiness.change(|state| state.pending -= 1);
        }
    }

    /// Counts the part done when its view is cleaned up, built or not.
    pub fn done_on_cleanup(self) {
        on_cleanup(move || self.done());
    }
}

/// Says, once the current view is mounted, that the page is shown.
pub fn page_shown() {
    if let Some(readiness) = use_context::<Readiness>() {
        Effect::new(move |_| readiness.change(|state| state.shown = true));
    }
}
