//! The player module: loaded by the app when a visitor first asks for an event's recording, so
//! that a first visit carries none of this code. It loads the player in place of the facade (an
//! iframe for YouTube and Vimeo, a native `<video>` for media files), speaks the players'
//! postMessage protocols, and marks the talk that is playing.
//!
//! Every decision is made by [`recap_core::player::Session`], natively tested in `recap-core`;
//! this module only moves elements and messages. Its interface is declared for the app in
//! `lib.rs`, with the same names and types as the exports here.

#![forbid(unsafe_code)]

mod frames;
mod stage;

use std::cell::RefCell;
use std::rc::Rc;

use recap_core::player::{Player, PlayerHosts, Session};
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::Element;

use recap_player::NO_START;

/// One event page's player. The page holds it and ends it with `free()`, which drops its
/// listeners and timer; those listeners hold only weak handles on it.
#[wasm_bindgen]
pub struct Stage(Rc<RefCell<stage::Inner>>);

/// See `PlayerModule::stage` in `lib.rs`.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn stage(
    video: &str,
    starts: Vec<i32>,
    start: u32,
    title: &str,
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
        title.to_owned(),
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
fn index_pairs(talks: Vec<u32>, elements: Vec<Element>) -> impl Iterator<Item = (usize, Element)> {
    talks
        .into_iter()
        .filter_map(|t| usize::try_from(t).ok())
        .zip(elements)
}

fn main() {}
