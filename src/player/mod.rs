//! The event video on the page: a facade until the visitor asks for the recording, then one
//! player (an iframe for YouTube and Vimeo, a native `<video>` for media files) that time links
//! and the chapter bar move in place, and the talk that is playing, highlighted.
//!
//! - [`facade`]: the area before anything loads: picture, button, links, chapter bar.
//! - [`stage`]: the page's player: the state machine of [`recap_core::player::Session`] and the
//!   elements it moves.
//! - [`messages`]: what passes between the page and a loaded player.
//!
//! Every decision is made by the session, natively tested in `recap-core`; this module only
//! moves elements and messages. The event page owns its player ([`PlayerRef::owned_by_page`])
//! and drops it with the page, which removes the player's listeners and stops its handshake;
//! the click handlers and the player's own listeners hold weak handles.

mod facade;
mod messages;
mod stage;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use leptos::prelude::StoredValue;
use recap_core::player::{PlayerHosts, Session};
use recap_core::Item;
use web_sys::{Element, MessageEvent};

use crate::render::Dom;
use stage::{Loaded, Stage, CHAPTER_PLAYING};

/// What an event page holds for its recording.
#[derive(Default)]
struct Slot {
    stage: Option<Stage>,
    /// The talks in the page's list, with their index: handed over by the page.
    talks: Vec<(usize, Element)>,
}

/// A handle on an event page's player. Weak: the page owns the player.
#[derive(Clone, Default)]
pub struct PlayerRef(Weak<RefCell<Slot>>);

impl PlayerRef {
    /// A player owned by the current reactive owner (the event page): it is dropped when the
    /// page is cleaned up.
    pub fn owned_by_page() -> PlayerRef {
        let slot = Rc::new(RefCell::new(Slot::default()));
        let handle = PlayerRef(Rc::downgrade(&slot));
        StoredValue::new_local(slot);
        handle
    }

    /// The recording's area for `item` (see [`facade`]); `start` is the page's `?t=`. The
    /// player it sets up replaces any earlier one of this page.
    pub fn video_area(
        &self,
        dom: &Dom,
        item: &Item,
        start: Option<u32>,
        hosts: &PlayerHosts,
    ) -> Element {
        let session = Session::for_item(item, start);
        let player = session.as_ref().map(Session::player);
        let origin = player.and_then(|p| p.origin(hosts));
        let chapters = session.as_ref().map(Session::chapters).unwrap_or_default();
        let area = facade::area(dom, item, player, start, origin, &chapters);
        let stage = session.map(|session| Stage {
            session,
            hosts: hosts.clone(),
            title: item.display_title().to_owned(),
            this: self.clone(),
            screen: area.screen,
            marks: area
                .chapters
                .into_iter()
                .map(|(talk, el)| (talk, el, CHAPTER_PLAYING))
                .collect(),
            loaded: None,
            _preconnect: area.preconnect,
        });
        self.with_slot(|slot| {
            slot.stage = stage;
            let talks = slot.talks.clone();
            if let Some(stage) = &mut slot.stage {
                stage.mark_talks(talks);
            }
        });
        area.root
    }

    /// Hands over the page's talk elements, each with the index of its talk, to be marked
    /// while that talk plays.
    pub fn set_talks(&self, talks: Vec<(usize, Element)>) {
        self.with_slot(|slot| {
            slot.talks = talks.clone();
            if let Some(stage) = &mut slot.stage {
                stage.mark_talks(talks);
            }
        });
    }

    /// The facade's button was pressed: play from the page's moment.
    pub fn play(&self) {
        self.with_stage(|stage| {
            let actions = stage.session.play();
            stage.apply(actions);
        });
    }

    /// Moves the recording to `seconds` and plays it: in place when the player is loaded, else
    /// by loading it there. `false` when the page has no player to move.
    pub fn jump(&self, seconds: u32) -> bool {
        self.with_stage(|stage| {
            let actions = stage.session.jump(seconds);
            stage.apply(actions);
        })
        .is_some()
    }

    /// A message reached the page: the session hears it if it comes from the player.
    fn on_message(&self, event: &MessageEvent) {
        self.with_stage(|stage| {
            let Some(Loaded::Frame(frame)) = &stage.loaded else {
                return;
            };
            let Some(said) = frame
                .said(event)
                .and_then(|text| stage.session.player().read_message(&text))
            else {
                return;
            };
            let actions = stage.session.heard(said);
            stage.apply(actions);
        });
    }

    /// The handshake timer fired.
    fn on_tick(&self) {
        self.with_stage(|stage| {
            let actions = stage.session.tick();
            stage.apply(actions);
        });
    }

    /// The `<video>` reported its position.
    fn on_media_time(&self) {
        self.with_stage(|stage| {
            let Some(Loaded::Media(media)) = &stage.loaded else {
                return;
            };
            let actions = stage.session.heard(media.position());
            stage.apply(actions);
        });
    }

    fn with_slot<R>(&self, f: impl FnOnce(&mut Slot) -> R) -> Option<R> {
        let slot = self.0.upgrade()?;
        let mut slot = slot.try_borrow_mut().ok()?;
        Some(f(&mut slot))
    }

    fn with_stage<R>(&self, f: impl FnOnce(&mut Stage) -> R) -> Option<R> {
        self.with_slot(|slot| slot.stage.as_mut().map(f)).flatten()
    }
}
