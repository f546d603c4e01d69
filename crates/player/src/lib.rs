//! The event video's player as a wasm module of its own (`recap-player.js` and
//! `recap-player_bg.wasm`, named after this package: [`NAME`]): loaded by the app when a visitor
//! first asks for an event's recording (or shows interest in its button), so that a first visit
//! carries none of this code. It loads the player in place of the facade (an iframe for YouTube
//! and Vimeo, a native `<video>` for media files), speaks the players' postMessage protocols, and
//! marks the talk that is playing. Every decision is made by `recap_core::player::Session`,
//! natively tested in `recap-core`; this module only moves elements and messages.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default; `src/main.rs` links them into the module Trunk builds) and, beside it,
//! the extern types the app calls it through (feature `host`, which compiles none of the module's
//! code). What crosses is typed: a class with methods, strings, numbers, arrays of numbers and
//! of elements. The app's test `src/modules.rs` calls every method of the host side on the built
//! module.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "module")]
mod frames;
#[cfg(feature = "module")]
mod stage;

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

use recap_core::player::Chapter;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A talk without a start, in the `starts` given to `stage`.
pub const NO_START: i32 = -1;

/// Sizes the chapter bar's items (each with the index of its talk) by their segments' length in
/// the recording, through the CSS object model: no `style` attribute, which a strict
/// Content-Security-Policy refuses. The facade lays them out as the page is built, the module
/// again once the recording's length is known.
pub fn lay_out_chapters(items: &[(usize, Element)], segments: &[Chapter]) {
    for (talk, li) in items {
        let (Some(segment), Some(li)) = (
            segments.iter().find(|s| s.talk == *talk),
            li.dyn_ref::<HtmlElement>(),
        ) else {
            continue;
        };
        // In tenths of a percent: integers spare the wasm the float formatting code.
        let grow = (segment.width * 10.0).round() as u32;
        let _ = li.style().set_property("flex-grow", &grow.to_string());
    }
}

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use std::cell::RefCell;
    use std::rc::Rc;

    use recap_core::player::{Player, PlayerHosts, Session};
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    use crate::{stage, NO_START};

    /// One event page's player. The page holds it and ends it with `free()`, which drops its
    /// listeners and timer; those listeners hold only weak handles on it.
    #[wasm_bindgen]
    pub struct Stage(Rc<RefCell<stage::Inner>>);

    /// The player of one event page, over its facade (see `host::PlayerModule::stage`); `None`
    /// when the recording cannot be played on the page.
    #[wasm_bindgen]
    #[allow(clippy::too_many_arguments)]
    pub fn stage(
        video: &str,
        starts: Vec<i32>,
        start: u32,
        label: &str,
        youtube: &str,
        vimeo: &str,
        screen: Element,
        chapter_talks: Vec<u32>,
        chapters: Vec<Element>,
    ) -> Option<Stage> {
        let player = Player::for_video(video).filter(|p| !matches!(p, Player::Link(_)))?;
        let starts = starts
            .into_iter()
            .map(|s| (s != NO_START).then(|| u32::try_from(s).ok()).flatten())
            .collect();
        let session = Session::new(player, starts, (start > 0).then_some(start));
        let hosts = PlayerHosts::with_overrides(Some(youtube), Some(vimeo));
        let marks = index_pairs(chapter_talks, chapters)
            .map(|(talk, el)| (talk, el, stage::CHAPTER_PLAYING))
            .collect();
        Some(Stage(stage::Inner::new(
            session,
            hosts,
            label.to_owned(),
            screen,
            marks,
        )))
    }

    #[wasm_bindgen]
    impl Stage {
        /// The facade's button was pressed: play from the page's moment.
        pub fn play(&self) {
            stage::Inner::act(&self.0, |session| session.play());
        }

        /// A time or chapter was clicked: the recording moves to `seconds` and plays.
        pub fn jump(&self, seconds: u32) {
            stage::Inner::act(&self.0, |session| session.jump(seconds));
        }

        /// The page's talk elements, each with the index of its talk, to mark while it plays.
        pub fn mark_talks(&self, talks: Vec<u32>, elements: Vec<Element>) {
            if let Ok(mut inner) = self.0.try_borrow_mut() {
                inner.mark_talks(index_pairs(talks, elements).collect());
            }
        }
    }

    /// Elements paired with the talk index given for each.
    fn index_pairs(
        talks: Vec<u32>,
        elements: Vec<Element>,
    ) -> impl Iterator<Item = (usize, Element)> {
        talks
            .into_iter()
            .filter_map(|t| usize::try_from(t).ok())
            .zip(elements)
    }
}

/// The app's side: the loaded module, as the app calls it.
#[cfg(feature = "host")]
pub mod host {
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    #[wasm_bindgen]
    extern "C" {
        /// The loaded module (its namespace object).
        pub type PlayerModule;

        /// The player of one event page, over its facade. `video` is the event's `_recap.video`;
        /// `starts` each talk's start in seconds ([`NO_START`](crate::NO_START) for a talk without one); `start` the
        /// page's `?t=` (0 for none); `label` the player's accessible name ("Recording of …", in the page's language);
        /// `youtube` and `vimeo` the origins the players come from; `screen` the element the facade
        /// lives in, which the player replaces; `chapters` the chapter bar's items, each with the
        /// index of its talk in `chapter_talks`. `None` when the recording cannot be played on the
        /// page.
        #[wasm_bindgen(method)]
        #[allow(clippy::too_many_arguments)]
        pub fn stage(
            this: &PlayerModule,
            video: &str,
            starts: Vec<i32>,
            start: u32,
            label: &str,
            youtube: &str,
            vimeo: &str,
            screen: &Element,
            chapter_talks: Vec<u32>,
            chapters: Vec<Element>,
        ) -> Option<Stage>;

        /// One event page's player (see [`PlayerModule::stage`]).
        pub type Stage;

        /// The facade's button was pressed: play from the page's moment.
        #[wasm_bindgen(method)]
        pub fn play(this: &Stage);

        /// A time or chapter was clicked: the recording moves to `seconds` and plays.
        #[wasm_bindgen(method)]
        pub fn jump(this: &Stage, seconds: u32);

        /// The page's talk elements, each with the index of its talk in `talks`, to be marked
        /// while that talk plays.
        #[wasm_bindgen(method)]
        pub fn mark_talks(this: &Stage, talks: Vec<u32>, elements: Vec<Element>);

        /// Ends the player's life on the page: its listeners and timer go (the module's `free`).
        #[wasm_bindgen(method)]
        pub fn free(this: &Stage);
    }
}
