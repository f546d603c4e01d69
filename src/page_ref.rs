//! The app's handle on an event page that the event module (`crates/event`) wrote ([`PageRef`]):
//! the module holds the page's recording (a facade until the visitor asks for it, then one
//! player that time links and the chapter bar move in place; the player itself is a module of
//! its own, `crates/player`) and writes its full recap. The app hands it the clicks, and ends
//! it when the page goes, which ends the player, its listeners and its timer.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use leptos::prelude::StoredValue;
use recap_event::host::Written;
use web_sys::Element;

/// The module's page, ended when the page lets it go.
struct Owned(Written);

impl Drop for Owned {
    fn drop(&mut self) {
        self.0.free();
    }
}

/// A handle on an event page, once the module has written it: its recording and its full
/// recap. Weak: the page owns it.
#[derive(Clone, Default)]
pub struct PageRef(Weak<RefCell<Option<Owned>>>);

impl PageRef {
    /// A handle owned by the current reactive owner (the event page): what it holds is ended
    /// when the page is cleaned up.
    pub fn owned_by_page() -> PageRef {
        let slot = Rc::new(RefCell::new(None));
        let handle = PageRef(Rc::downgrade(&slot));
        StoredValue::new_local(slot);
        handle
    }

    /// The page the event module wrote: it replaces any earlier one of this page.
    pub fn attach(&self, written: Written) {
        if let Some(slot) = self.0.upgrade() {
            slot.replace(Some(Owned(written)));
        }
    }

    /// The facade's button was pressed: play from the page's moment.
    pub fn play(&self) {
        self.with(|page| page.play());
    }

    /// Moves the recording to `seconds` and plays it. `false` when the page has no player to
    /// move (or is gone).
    pub fn jump(&self, seconds: u32) -> bool {
        self.with(|page| page.jump(seconds)).unwrap_or(false)
    }

    /// "Read the full recap" (its `summary`) was opened: its post is written in, once.
    pub fn open_full(&self, summary: &Element) {
        self.with(|page| page.open_full(summary));
    }

    fn with<R>(&self, f: impl FnOnce(&Written) -> R) -> Option<R> {
        let slot = self.0.upgrade()?;
        let slot = slot.try_borrow().ok()?;
        slot.as_ref().map(|owned| f(&owned.0))
    }
}
