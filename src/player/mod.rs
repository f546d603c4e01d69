//! The event video on the page: a facade until the visitor asks for the recording, then one
//! player (an iframe for YouTube and Vimeo, a native `<video>` for media files) that time links
//! and the chapter bar move in place, and the talk that is playing, highlighted.
//!
//! - the area before anything loads (picture, button, links, chapter bar) is the event
//!   module's to write (`crates/event`); the page hands its elements over ([`PlayerRef::attach`])
//!   and connects early to the player's host when the visitor shows interest in the button.
//! - the player itself is a module of its own (`crates/player`, [`recap_player`]; its host side is what the app calls), loaded the
//!   first time the visitor asks for the recording (or shows interest in the button): it makes
//!   the player, speaks its messages and marks the talk playing. What is asked for while it
//!   loads is handed to it, in order, once it is there.
//!
//! Every decision is made by [`recap_core::player::Session`], natively tested in `recap-core`.
//! The event page owns its player ([`PlayerRef::owned_by_page`]) and drops it with the page,
//! which ends the module's stage: its listeners and handshake timer go. The click handlers hold
//! weak handles.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use leptos::prelude::StoredValue;
use recap_core::i18n::{Catalogue, Text};
use recap_core::markup::protocol::selector;
use recap_core::player::PlayerHosts;
use recap_core::Item;
use recap_event::host::Written;
use recap_player::host::{PlayerModule, Stage};
use recap_player::{NAME, NO_START};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::modules::{load_module, loaded};
use crate::render::{set, Dom};
use crate::task::Task;

/// What the visitor asked of the recording.
#[derive(Clone, Copy)]
enum Request {
    Play,
    Jump(u32),
}

/// The module's stage for this page, ended when the page lets it go.
struct Owned(Stage);

impl Drop for Owned {
    fn drop(&mut self) {
        self.0.free();
    }
}

/// Where the page's player is.
#[derive(Default)]
enum Module {
    /// Not asked for yet (or it could not be loaded: it is tried again on the next request).
    #[default]
    Idle,
    /// Loading, with what was asked for meanwhile, in order.
    Loading(Vec<Request>),
    Ready(Owned),
}

/// What the module needs to make the page's player.
struct Recording {
    video: String,
    starts: Vec<i32>,
    start: u32,
    /// The player's accessible name.
    label: String,
    hosts: PlayerHosts,
    screen: Element,
    chapters: Vec<(usize, Element)>,
    /// The facade's preconnect listener, kept alive while the facade may be there.
    _preconnect: Option<wasm_bindgen::prelude::Closure<dyn Fn()>>,
}

/// What an event page holds for its recording.
#[derive(Default)]
struct Slot {
    /// Loading the module: a task of the page, stopped with it.
    loading: Option<Task>,
    recording: Option<Recording>,
    module: Module,
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
        let slot = Rc::new(RefCell::new(Slot {
            loading: Some(Task::new()),
            ..Slot::default()
        }));
        let handle = PlayerRef(Rc::downgrade(&slot));
        StoredValue::new_local(slot);
        handle
    }

    /// The recording of `item`, once its page is written (`page`, by the event module, in
    /// `root`): its screen, chapters and the player's origin. `start` is the page's `?t=`. The
    /// player it sets up replaces any earlier one of this page; the talks' elements are marked
    /// while they play.
    pub fn attach(
        &self,
        item: &Item,
        start: Option<u32>,
        hosts: &PlayerHosts,
        texts: &Catalogue,
        root: &Element,
        page: &Written,
    ) {
        let chapters = marked(page.chapter_talks(), page.chapters());
        let play = root.query_selector(selector::PLAY).ok().flatten();
        let preconnect = page
            .origin()
            .zip(play)
            .map(|(origin, button)| preconnect_on_interest(&button, origin));
        let video = item.recap.as_ref().and_then(|r| r.video.clone());
        let recording = page.screen().zip(video).map(|(screen, video)| Recording {
            video,
            starts: item
                .talks()
                .iter()
                .map(|talk| {
                    talk.start
                        .and_then(|s| i32::try_from(s).ok())
                        .unwrap_or(NO_START)
                })
                .collect(),
            start: start.unwrap_or(0),
            label: texts.fill(Text::RecordingOf, &[("title", item.display_title())]),
            hosts: hosts.clone(),
            screen,
            chapters,
            _preconnect: preconnect,
        });
        self.with_slot(|slot| {
            slot.recording = recording;
            slot.module = Module::Idle;
        });
        self.set_talks(marked(page.talk_indices(), page.talks()));
    }

    /// Hands over the page's talk elements, each with the index of its talk, to be marked
    /// while that talk plays.
    pub fn set_talks(&self, talks: Vec<(usize, Element)>) {
        self.with_slot(|slot| {
            if let Module::Ready(Owned(stage)) = &slot.module {
                let (indices, elements) = split(&talks);
                stage.mark_talks(indices, elements);
            }
            slot.talks = talks;
        });
    }

    /// The facade's button was pressed: play from the page's moment.
    pub fn play(&self) {
        self.ask(Request::Play);
    }

    /// Moves the recording to `seconds` and plays it: in place when the player is loaded, else
    /// by loading it there. `false` when the page has no player to move.
    pub fn jump(&self, seconds: u32) -> bool {
        self.ask(Request::Jump(seconds))
    }

    /// Hands `request` to the player, loading it first if need be. `false` without a recording
    /// to play on the page.
    fn ask(&self, request: Request) -> bool {
        let load = self.with_slot(|slot| {
            // No recording to play on the page.
            slot.recording.as_ref()?;
            match &mut slot.module {
                Module::Ready(Owned(stage)) => {
                    carry_out(stage, request);
                    Some(false)
                }
                Module::Loading(pending) => {
                    pending.push(request);
                    Some(false)
                }
                Module::Idle => {
                    slot.module = Module::Loading(vec![request]);
                    Some(true)
                }
            }
        });
        match load.flatten() {
            Some(true) => {
                self.load();
                true
            }
            Some(false) => true,
            None => false,
        }
    }

    /// Loads the module and makes the page's player with it, then hands it what was asked
    /// for meanwhile. The page going away stops the loading (a task of the page).
    fn load(&self) {
        let this = self.clone();
        let module = load_module(NAME);
        let Some(task) = self.with_slot(|slot| slot.loading).flatten() else {
            return;
        };
        task.run(async move {
            let module = loaded::<PlayerModule>(module, "").await.ok();
            this.with_slot(|slot| {
                let stage = module.and_then(|module| {
                    let recording = slot.recording.as_ref()?;
                    let (talks, chapters) = split(&recording.chapters);
                    module.stage(
                        &recording.video,
                        recording.starts.clone(),
                        recording.start,
                        &recording.label,
                        &recording.hosts.youtube,
                        &recording.hosts.vimeo,
                        &recording.screen,
                        talks,
                        chapters,
                    )
                });
                let pending = match std::mem::take(&mut slot.module) {
                    Module::Loading(pending) => pending,
                    _ => Vec::new(),
                };
                let Some(stage) = stage.map(Owned) else {
                    return;
                };
                if !slot.talks.is_empty() {
                    let (indices, elements) = split(&slot.talks);
                    stage.0.mark_talks(indices, elements);
                }
                for request in pending {
                    carry_out(&stage.0, request);
                }
                slot.module = Module::Ready(stage);
            });
        });
    }

    fn with_slot<R>(&self, f: impl FnOnce(&mut Slot) -> R) -> Option<R> {
        let slot = self.0.upgrade()?;
        let mut slot = slot.try_borrow_mut().ok()?;
        Some(f(&mut slot))
    }
}

fn carry_out(stage: &Stage, request: Request) {
    match request {
        Request::Play => stage.play(),
        Request::Jump(seconds) => stage.jump(seconds),
    }
}

/// Elements each with the index of its talk, from the two lists the event module gives.
fn marked(talks: Vec<u32>, elements: Vec<Element>) -> Vec<(usize, Element)> {
    talks
        .into_iter()
        .map(|t| t as usize)
        .zip(elements)
        .collect()
}

/// Connects early to the player's host and loads the player module, once, when the visitor
/// shows interest in the facade's `button`.
fn preconnect_on_interest(button: &Element, origin: String) -> Closure<dyn Fn()> {
    let done = Cell::new(false);
    let handler = Closure::<dyn Fn()>::new(move || {
        if done.replace(true) {
            return;
        }
        let Some(dom) = Dom::new() else {
            return;
        };
        // The player's own code, too: it is then there when the button is pressed.
        let _ = load_module(NAME);
        let link = dom.el("link", "");
        set(&link, "rel", "preconnect");
        set(&link, "href", &origin);
        if let Some(head) = dom.document().head() {
            let _ = head.append_child(&link);
        }
    });
    for event in ["pointerenter", "focus"] {
        let _ = button.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    }
    handler
}

/// The talk indices and the elements of `marked`, apart, as the module takes them.
fn split(marked: &[(usize, Element)]) -> (Vec<u32>, Vec<Element>) {
    marked
        .iter()
        .map(|(talk, el)| (u32::try_from(*talk).unwrap_or(u32::MAX), el.clone()))
        .unzip()
}
