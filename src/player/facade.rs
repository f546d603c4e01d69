//! The recording's area before anything is loaded: the event's picture and a real button (the
//! facade), a link to the recording on its own site, and the chapter bar. Nothing here makes a
//! request to the player's host; hovering or focusing the button only preconnects to it.

use std::cell::Cell;

use recap_core::markup::protocol::{PLAY, TIME};
use recap_core::player::{Chapter, Player};
use recap_core::time::format_clock;
use recap_core::url::safe_src;
use recap_core::Item;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::render::{build, set, Dom};

/// The parts of the area that the player moves: the screen the facade then the player lives in,
/// the chapter bar's items with the index of their talk, and the preconnect listener, kept alive
/// as long as the area.
pub(super) struct Area {
    pub root: Element,
    pub screen: Element,
    pub chapters: Vec<(usize, Element)>,
    pub preconnect: Option<Closure<dyn Fn()>>,
}

/// The area for `item`, with a facade for `player` (none: the recording is only a link, or
/// there is none). `start` is the page's `?t=`; `origin` is where the player would come from.
pub(super) fn area(
    dom: &Dom,
    item: &Item,
    player: Option<&Player>,
    start: Option<u32>,
    origin: Option<&str>,
    chapters: &[Chapter],
) -> Area {
    let root = dom.el("section", "recap-video");
    set(&root, "aria-label", "Recording");
    let screen = dom.child(&root, "div", "recap-video__screen");
    let poster = item
        .image
        .as_deref()
        .and_then(safe_src)
        .or_else(|| match player {
            // The only third-party request before a click, and only for an event without a picture.
            Some(Player::YouTube(id)) => Some(format!("https://i.ytimg.com/vi/{id}/hqdefault.jpg")),
            _ => None,
        });
    let actions = dom.child(&root, "p", "recap-video__actions");
    let Some(player) = player else {
        poster_picture(dom, &screen, poster.as_deref());
        match item.recap.as_ref().and_then(|r| r.video.as_deref()) {
            Some(link) => {
                outside_link(dom, &actions, link, "recap-button", "Watch the recording");
            }
            None => {
                dom.text_child(
                    &actions,
                    "span",
                    "recap-video__none",
                    "No recording of this event.",
                );
            }
        }
        return Area {
            root,
            screen,
            chapters: Vec::new(),
            preconnect: None,
        };
    };

    let button = dom.child(&screen, "button", "recap-video__play");
    set(&button, "type", "button");
    set(&button, PLAY, "");
    poster_picture(dom, &button, poster.as_deref());
    let label = dom.child(&button, "span", "recap-video__label");
    dom.text_child(&label, "span", "recap-video__icon", "");
    let text = dom.text_child(&label, "span", "", "Play the recording");
    let title = item.display_title();
    dom.text_child(
        &text,
        "span",
        "recap-visually-hidden",
        &format!(" of {title}"),
    );
    if let Some(t) = start.filter(|&t| t > 0) {
        dom.text(&text, &format!(" from {}", format_clock(t)));
    }
    if let Some(recording) = item.recording() {
        let (site, href) = match player {
            Player::YouTube(_) => ("Watch on YouTube", recording.url_at(start.unwrap_or(0))),
            Player::Vimeo(_) => ("Watch on Vimeo", recording.url_at(start.unwrap_or(0))),
            _ => ("Download the recording", recording.id.clone()),
        };
        outside_link(dom, &actions, &href, "", site);
    }
    let preconnect = origin.map(|origin| preconnect_on_interest(&button, origin));
    let chapters = chapter_bar(dom, &root, item, chapters);
    Area {
        root,
        screen,
        chapters,
        preconnect,
    }
}

fn poster_picture(dom: &Dom, parent: &Element, src: Option<&str>) {
    match src {
        Some(src) => {
            let img = dom.child(parent, "img", "recap-video__poster");
            set(&img, "alt", "");
            set(&img, "decoding", "async");
            set(&img, "src", src);
        }
        None => {
            dom.child(
                parent,
                "div",
                "recap-video__poster recap-video__poster--placeholder",
            );
        }
    }
}

/// Connects early to the player's host, once, when the visitor shows interest in the button.
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

/// The timed talks as segments of the recording: buttons that jump there.
fn chapter_bar(
    dom: &Dom,
    area: &Element,
    item: &Item,
    segments: &[Chapter],
) -> Vec<(usize, Element)> {
    if segments.is_empty() {
        return Vec::new();
    }
    let talks = item.talks();
    let nav = dom.child(area, "nav", "recap-chapters");
    set(&nav, "aria-label", "Chapters");
    let ol = dom.child(&nav, "ol", "recap-chapters__list");
    let mut items = Vec::with_capacity(segments.len());
    for segment in segments {
        let li = dom.child(&ol, "li", "recap-chapters__item");
        let title = talks
            .get(segment.talk)
            .map(|talk| talk.title_or_place(segment.talk + 1))
            .unwrap_or_default();
        let clock = format_clock(segment.start);
        let button = dom.child(&li, "button", "recap-chapters__button");
        set(&button, "type", "button");
        set(&button, TIME, &segment.start.to_string());
        dom.text_child(&button, "span", "recap-chapters__time", &clock);
        dom.text(&button, " ");
        dom.text_child(&button, "span", "recap-chapters__title", &title);
        set(&button, "title", &format!("{clock} {title}"));
        items.push((segment.talk, li));
    }
    lay_out(&items, segments);
    items
}

/// Sizes the chapter bar's segments by their length in the recording (through the CSS object
/// model: no `style` attribute, which a strict Content-Security-Policy refuses).
pub(super) fn lay_out(items: &[(usize, Element)], segments: &[Chapter]) {
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

/// A link to elsewhere in `parent`, if its URL is allowed: the markup's own, one link policy.
fn outside_link(dom: &Dom, parent: &Element, url: &str, class: &str, text: &str) {
    if let Some(link) = recap_core::markup::views::outside_link(url, class, text) {
        let _ = parent.append_child(&build(dom, &link));
    }
}
