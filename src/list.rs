//! The event list as DOM, windowed: cards are built a chunk at a time as the list is scrolled
//! towards them, and chunks far out of view are emptied, their height kept, so that the page
//! holds about as many nodes with 10,000 events as with 50, and the scroll bar stays true for
//! what has been built.
//!
//! A chunk is one `ul.recap-events` of at most [`CHUNK`] cards of one year, inside that year's
//! `section.recap-year`. Built chunks within a viewport's height of the view are live; the others
//! are empty lists of their last height. A chunk holding the keyboard focus is never emptied.
//! The browser's find-in-page finds what is live: the search box is the way to find any event.

use recap_core::i18n::Catalogue;
use recap_core::markup::protocol::selector;
use recap_core::markup::views::{self, Fetch};
use recap_core::markup::{self, Node};
use recap_core::state::Window;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

use crate::render::{build, Dom, ImageFallback};

pub use recap_core::state::CHUNK;

/// How far beyond the view chunks are built and kept: one viewport's height above and below.
const MARGIN: &str = "100% 0px";

/// The `n`th card of the list, with its year (`None`: undated), or `None` if it is gone.
pub type Card = Rc<dyn Fn(usize, Fetch) -> Option<(Option<i32>, markup::Element)>>;

/// Called when the end of the list comes into view and every card is built: the next page of
/// the feed, if there is one.
pub type AtEnd = Rc<dyn Fn()>;

struct Inner {
    root: Element,
    end: Element,
    card: Card,
    at_end: Option<AtEnd>,
    /// The texts of the year headings.
    texts: Arc<Catalogue>,
    /// Which cards are built, in which chunks, which chunks hold their cards.
    window: Window,
    /// The list element of each chunk, in the window's order.
    chunks: Vec<Element>,
    /// The year and list of the section the next card goes into.
    section: Option<(Option<i32>, Element)>,
}

/// A windowed list on the page. Dropping it stops the building.
pub struct CardWindow {
    inner: Rc<RefCell<Inner>>,
    observer: Option<IntersectionObserver>,
    _callback: Option<Closure<dyn Fn(js_sys::Array, IntersectionObserver)>>,
    _images: ImageFallback,
}

impl CardWindow {
    /// A list of `len` cards, or `empty` when there are none; builds `first` cards at once (at
    /// least, to the end of a chunk), then a chunk a frame up to the first screen
    /// ([`recap_core::markup::pages::FIRST_CARDS`]), the rest as they come near the view.
    pub fn new(
        dom: &Dom,
        len: usize,
        first: usize,
        card: Card,
        at_end: Option<AtEnd>,
        empty: Option<markup::Element>,
        texts: Arc<Catalogue>,
    ) -> CardWindow {
        let root = dom.el("div", "recap-year-groups");
        // A card's picture that fails to load is swapped for its placeholder.
        let images = ImageFallback::listen(&root);
        let end = dom.child(&root, "div", "recap-list-end");
        let inner = Rc::new(RefCell::new(Inner {
            root,
            end,
            card,
            at_end,
            texts,
            window: Window::new(len),
            chunks: Vec::new(),
            section: None,
        }));
        if let (0, Some(empty)) = (len, empty) {
            let borrowed = inner.borrow();
            let _ = borrowed
                .root
                .insert_before(&build(dom, &empty), Some(&borrowed.end));
        }
        {
            let mut list = inner.borrow_mut();
            while list.window.short_of(first) {
                if !list.grow(dom) {
                    break;
                }
            }
        }
        crate::api::mark("recap:list-built");
        let callback_inner = Rc::clone(&inner);
        let callback = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                on_intersect(&callback_inner, &entries, &observer);
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(MARGIN);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
        if let Some(observer) = &observer {
            let list = inner.borrow();
            for chunk in &list.chunks {
                observer.observe(chunk);
            }
            observer.observe(&list.end);
        }
        fill(Rc::downgrade(&inner), observer.clone());
        CardWindow {
            inner,
            observer,
            _callback: Some(callback),
            _images: images,
        }
    }

    /// The list's element.
    pub fn element(&self) -> Element {
        self.inner.borrow().root.clone()
    }

    /// The list now has `len` cards (more have come): building goes on if its end is in view.
    pub fn extend(&self, len: usize) {
        self.inner.borrow_mut().window.set_len(len);
        if let Some(observer) = &self.observer {
            let end = self.inner.borrow().end.clone();
            // Observing again reports where it is now, in or out of view.
            observer.unobserve(&end);
            observer.observe(&end);
        }
    }
}

impl Drop for CardWindow {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.take() {
            observer.disconnect();
        }
    }
}

/// Builds the next chunk in the next frame, and so on to the first screen, while the list is
/// on the page (a list replaced on a keystroke is dropped, and its building stops).
fn fill(inner: Weak<RefCell<Inner>>, observer: Option<IntersectionObserver>) {
    let wanted = |list: &Inner| list.window.short_of(recap_core::markup::pages::FIRST_CARDS);
    if !inner.upgrade().is_some_and(|list| wanted(&list.borrow())) {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        let (Some(rc), Some(dom)) = (inner.upgrade(), Dom::new()) else {
            return;
        };
        {
            let mut list = rc.borrow_mut();
            let before = list.chunks.len();
            if list.grow(&dom) {
                if let Some(observer) = &observer {
                    for chunk in &list.chunks[before..] {
                        observer.observe(chunk);
                    }
                }
            }
        }
        fill(inner, observer);
    });
}

/// What the observer reports: the end in view builds the next chunk (or asks for the next page),
/// a chunk out of range is emptied, an emptied one back in range is built again.
fn on_intersect(
    inner: &Rc<RefCell<Inner>>,
    entries: &js_sys::Array,
    observer: &IntersectionObserver,
) {
    let Some(dom) = Dom::new() else {
        return;
    };
    let mut ask_next_page = None;
    {
        let mut list = inner.borrow_mut();
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                continue;
            };
            let target = entry.target();
            let near = entry.is_intersecting();
            if target == list.end {
                if !near {
                    continue;
                }
                let before = list.chunks.len();
                if list.grow(&dom) {
                    for chunk in &list.chunks[before..] {
                        observer.observe(chunk);
                    }
                    // Still in view after the new chunk: reported again.
                    observer.unobserve(&list.end);
                    observer.observe(&list.end);
                } else {
                    ask_next_page.clone_from(&list.at_end);
                }
            } else if let Some(at) = list.chunks.iter().position(|c| *c == target) {
                if list.window.set_near(at, near) {
                    list.revive(at);
                }
            }
        }
        list.trim();
    }
    if let Some(next_page) = ask_next_page {
        next_page();
    }
}

/// Puts a chunk's cards in its list as HTML, parsed by the browser in one call rather than
/// built a node at a time through the bindings (a few times faster per keystroke). The markup
/// escapes every text and attribute by construction ([`markup::to_html`]), so no feed string
/// can make markup of it.
fn fill_with(list: &Element, cards: &[Node]) {
    list.set_inner_html(&markup::to_html(cards));
}

impl Inner {
    /// Builds the next chunk; false when every card is built.
    fn grow(&mut self, dom: &Dom) -> bool {
        let start = self.window.built();
        let mut list: Option<Element> = None;
        let mut cards = Vec::new();
        while let Some(n) = self.window.next(start) {
            let fetch = if n == 0 { Fetch::Now } else { Fetch::Lazily };
            let Some((year, card)) = (self.card)(n, fetch) else {
                self.window.take();
                continue;
            };
            let same_year = matches!(&self.section, Some((y, _)) if *y == year);
            if !same_year && list.is_some() {
                // A new year starts the next chunk.
                break;
            }
            let target = match (&list, same_year) {
                (Some(list), _) => list.clone(),
                (None, true) => {
                    let section = self.section.as_ref().map(|(_, s)| s.clone());
                    let new = dom.el("ul", "recap-events");
                    if let Some(section) = section {
                        let _ = section.append_child(&new);
                    }
                    new
                }
                (None, false) => {
                    let section = build(dom, &views::year_section(year, &self.texts));
                    let _ = self.root.insert_before(&section, Some(&self.end));
                    let new = section
                        .query_selector(selector::CARDS)
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| section.clone());
                    self.section = Some((year, section));
                    new
                }
            };
            cards.push(Node::Element(card));
            list = Some(target);
            self.window.take();
        }
        match list {
            Some(list) => {
                fill_with(&list, &cards);
                self.chunks.push(list);
                self.window.add_run(start);
                true
            }
            None => false,
        }
    }

    /// When more than [`recap_core::state::KEPT`] cards are built, empties the chunks out of
    /// range, but not one that holds the keyboard focus.
    fn trim(&mut self) {
        let focus = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let chunks = &self.chunks;
        let emptied = self.window.trim(|at| {
            focus
                .as_ref()
                .is_some_and(|f| chunks.get(at).is_some_and(|c| c.contains(Some(f))))
        });
        for list in emptied.into_iter().filter_map(|at| chunks.get(at)) {
            // Whole pixels: formatting a float would cost the app several kilobytes.
            let height = list.get_bounding_client_rect().height().round() as u32;
            if let Some(list) = list.dyn_ref::<HtmlElement>() {
                let _ = list.style().set_property("height", &format!("{height}px"));
            }
            list.replace_children_with_node_0();
        }
    }

    /// Builds an emptied chunk's cards again.
    fn revive(&mut self, at: usize) {
        let Some(list) = self.chunks.get(at) else {
            return;
        };
        let cards: Vec<Node> = self
            .window
            .cards(at)
            .filter_map(|n| (self.card)(n, Fetch::Lazily))
            .map(|(_, card)| Node::Element(card))
            .collect();
        fill_with(list, &cards);
        if let Some(list) = list.dyn_ref::<HtmlElement>() {
            let _ = list.style().remove_property("height");
        }
    }
}
