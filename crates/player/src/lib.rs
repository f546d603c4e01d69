//! The player module's interface, as the app sees it: the module (`recap-player.js` and
//! `recap-player_bg.wasm` beside the app's files, built from this crate's binary) makes one
//! [`Stage`] per event page when the visitor first asks for the recording, and the page drives
//! it from then on.
//!
//! This file and `main.rs` are the two sides of one interface: every function and method
//! declared here is exported there with the same name and types. The app never links the
//! module's code: it loads the module on demand and calls it
//! through these declarations.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::Element;

/// The module's file names beside the app's: `recap-player.js`, `recap-player_bg.wasm`.
pub const MODULE: &str = "recap-player";

/// A talk without a start, in the `starts` given to [`PlayerModule::stage`].
pub const NO_START: i32 = -1;

#[wasm_bindgen]
extern "C" {
    /// The loaded module (its namespace object).
    pub type PlayerModule;

    /// The player of one event page, over its facade. `video` is the event's `_recap.video`;
    /// `starts` each talk's start in seconds ([`NO_START`] for a talk without one); `start` the
    /// page's `?t=` (0 for none); `title` the event's title, for the player's accessible name;
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
        title: &str,
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
