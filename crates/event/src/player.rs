//! The recording of a written event page: a facade until the visitor asks for it, then one
//! player, made by the player module (`crates/player`), loaded the first time the visitor asks
//! for the recording (or shows interest in its button) through the app's loader. What is asked
//! while it loads is handed to it, in order, once it is there. Every decision is made by
//! `recap_core::player::Session`, natively tested in `recap-core`; the player module's stage
//! holds it. The page owns its player: freed with the page, the stage goes, with its listeners
//! and timer.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use recap_core::player::PlayerHosts;
use recap_player::host::{PlayerModule, Stage};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

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

/// What the player module needs to make the page's player.
pub(crate) struct Recording {
    /// The event's `_recap.video`.
    pub video: String,
    /// Each talk's start, [`recap_player::NO_START`] for none.
    pub starts: Vec<i32>,
    /// The page's `?t=`, 0 for none.
    pub start: u32,
    /// The player's accessible name.
    pub label: String,
    pub hosts: PlayerHosts,
    /// The element the facade lives in, which the player replaces.
    pub screen: Element,
    /// The chapter bar's items, with the index of their talk.
    pub chapters: Vec<(usize, Element)>,
}

struct Slot {
    recording: Option<Recording>,
    module: Module,
    /// The talks in the page's list, with their index, marked while they play.
    talks: Vec<(usize, Element)>,
    /// The app's loader: the name of a module beside the app's files to a promise of it.
    loader: js_sys::Function,
    /// The facade's preconnect listener, kept as long as the page.
    preconnect: Option<Closure<dyn Fn()>>,
}

/// The page's player (none without a recording that plays on the page).
pub(crate) struct Player(Rc<RefCell<Slot>>);

impl Player {
    /// The player of a page with `recording` (none: nothing to play) whose talks are `talks`;
    /// `play` is the facade's button and `origin` where the player comes from, connected to
    /// early when the visitor shows interest in the button.
    pub fn new(
        recording: Option<Recording>,
        talks: Vec<(usize, Element)>,
        loader: js_sys::Function,
        play: Option<Element>,
        origin: Option<String>,
    ) -> Player {
        let player = Player(Rc::new(RefCell::new(Slot {
            recording,
            module: Module::Idle,
            talks,
            loader,
            preconnect: None,
        })));
        let preconnect = origin
            .zip(play)
            .map(|(origin, button)| player.preconnect_on_interest(&button, origin));
        if let Ok(mut slot) = player.0.try_borrow_mut() {
            slot.preconnect = preconnect;
        }
        player
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

    fn ask(&self, request: Request) -> bool {
        let load = {
            let Ok(mut slot) = self.0.try_borrow_mut() else {
                return false;
            };
            if slot.recording.is_none() {
                return false;
            }
            match &mut slot.module {
                Module::Ready(Owned(stage)) => {
                    carry_out(stage, request);
                    false
                }
                Module::Loading(pending) => {
                    pending.push(request);
                    false
                }
                Module::Idle => {
                    slot.module = Module::Loading(vec![request]);
                    true
                }
            }
        };
        if load {
            self.load();
        }
        true
    }

    /// Loads the player module and makes the page's player with it, then hands it what was
    /// asked for meanwhile. A page freed meanwhile gets nothing.
    fn load(&self) {
        let slot: Weak<RefCell<Slot>> = Rc::downgrade(&self.0);
        let Some(promise) = load(&self.0.borrow().loader) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let module = JsFuture::from(promise)
                .await
                .ok()
                .map(JsCast::unchecked_into::<PlayerModule>);
            let Some(slot) = slot.upgrade() else {
                return;
            };
            let Ok(mut slot) = slot.try_borrow_mut() else {
                return;
            };
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
    }

    /// Connects early to the player's host and loads the player module, once, when the visitor
    /// shows interest in the facade's `button`.
    fn preconnect_on_interest(&self, button: &Element, origin: String) -> Closure<dyn Fn()> {
        let done = Cell::new(false);
        let slot = Rc::downgrade(&self.0);
        let handler = Closure::<dyn Fn()>::new(move || {
            if done.replace(true) {
                return;
            }
            // The player's own code, too: it is then there when the button is pressed.
            if let Some(slot) = slot.upgrade() {
                let _ = load(&slot.borrow().loader);
            }
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) else {
                return;
            };
            let _ = link.set_attribute("rel", "preconnect");
            let _ = link.set_attribute("href", &origin);
            let _ = head.append_child(&link);
        });
        for event in ["pointerenter", "focus"] {
            let _ =
                button.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        }
        handler
    }
}

/// The player module, asked of the app's `loader` (fetched once per page however often).
fn load(loader: &js_sys::Function) -> Option<js_sys::Promise> {
    let name = JsValue::from_str(recap_player::NAME);
    let answer = loader.call1(&JsValue::NULL, &name).ok()?;
    Some(js_sys::Promise::resolve(&answer))
}

fn carry_out(stage: &Stage, request: Request) {
    match request {
        Request::Play => stage.play(),
        Request::Jump(seconds) => stage.jump(seconds),
    }
}

/// The talk indices and the elements of `marked`, apart, as the player module takes them.
fn split(marked: &[(usize, Element)]) -> (Vec<u32>, Vec<Element>) {
    marked
        .iter()
        .map(|(talk, el)| (u32::try_from(*talk).unwrap_or(u32::MAX), el.clone()))
        .unzip()
}
