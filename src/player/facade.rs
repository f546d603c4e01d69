//! The recording's area before anything is loaded: the markup's (`recap_core::markup::views::
//! video_area`: the event's picture and a real button, the facade; a link to the recording on
//! its own site; the chapter bar) as DOM, with what only the page adds: the chapter bar's
//! segments sized, and a preconnect to the player's host when the visitor shows interest in the
//! button. Nothing here makes a request to the player's host before that.

use std::cell::Cell;

use recap_core::i18n::Catalogue;
use recap_core::markup::protocol::selector;
use recap_core::markup::views::{video_area, Facade};
use recap_core::player::{Chapter, Player};
use recap_core::Item;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::render::{materialise, set, Dom};

/// The parts of the area that the player moves: the screen the facade then the player lives in,
/// the chapter bar's items with the index of their talk, and the preconnect listener, kept alive
/// as long as the area.
pub(super) struct Area {
    pub root: Element,
    pub screen: Element,
    pub chapters: Vec<(usize, Element)>,
    pub preconnect: Option<Closure<dyn Fn()>>,
}

/// The area for `item` ([`video_area`]), with a facade for `player` (none: the recording is
/// only a link, or there is none). `start` is the page's `?t=`; `origin` is where the player
/// would come from.
pub(super) fn area(
    dom: &Dom,
    item: &Item,
    player: Option<&Player>,
    start: Option<u32>,
    origin: Option<&str>,
    chapters: &[Chapter],
    texts: &Catalogue,
) -> Area {
    let facade = player.map(|player| Facade {
        player,
        start,
        chapters,
    });
    let mut items = Vec::new();
    let root = materialise(dom, &video_area(item, facade, texts), &mut items);
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let screen = find(selector::VIDEO_SCREEN).unwrap_or_else(|| root.clone());
    let preconnect = origin
        .zip(find(selector::PLAY))
        .map(|(origin, button)| preconnect_on_interest(&button, origin));
    recap_player::lay_out_chapters(&items, chapters);
    Area {
        root,
        screen,
        chapters: items,
        preconnect,
    }
}

/// Connects early to the player's host and loads the player module, once, when the visitor
/// shows interest in the button.
fn preconnect_on_interest(button: &Element, origin: &str) -> Closure<dyn Fn()> {
    let origin = origin.to_owned();
    let done = Cell::new(false);
    let handler = Closure::<dyn Fn()>::new(move || {
        if done.replace(true) {
            return;
        }
        let Some(dom) = Dom::new() else {
            return;
        };
        // The player's own code, too: it is then there when the button is pressed.
        let _ = crate::modules::load_module(recap_player::NAME);
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
