//! The large, static parts of the pages as DOM: the trees of `recap_core::markup` (event cards,
//! an event's talks and sections), materialised by one non-generic function, and the few
//! elements the player builds itself ([`Dom`]). The list's windowing is [`crate::list`]'s.
//!
//! Leptos keeps the state, the routing and the form controls; these subtrees never change once
//! built, and writing them as `view!` trees costs several kilobytes of wasm per component (each
//! view type is compiled separately), against the first-visit size budget. The attributes the
//! delegated click handler reads are `recap_core::markup::protocol`'s. Text goes in as text
//! nodes, URLs through `safe_url`; the list's cards ([`crate::list`]) go in as the HTML
//! `recap_core::markup::to_html` writes of the same trees, every text and attribute escaped:
//! no feed string reaches `innerHTML` unescaped.

use recap_core::i18n::Catalogue;
use recap_core::markup::protocol::PLACEHOLDER;
use recap_core::markup::views::{self, Body, Neighbour};
use recap_core::markup::{self, Node};
use recap_core::route::Route;
use recap_core::Item;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Builds elements in one document.
pub struct Dom {
    doc: Document,
    /// A detached element returned if the document ever refuses to create one.
    sink: Element,
}

impl Dom {
    /// The page's document, if there is one.
    pub fn new() -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let sink = doc.create_element("div").ok()?;
        Some(Dom { doc, sink })
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// A new element with a class (none when empty). Falls back to a `div` if the tag is refused.
    pub fn el(&self, tag: &str, class: &str) -> Element {
        let el = self
            .doc
            .create_element(tag)
            .unwrap_or_else(|_| self.sink.clone());
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el
    }

    /// A new child element.
    pub fn child(&self, parent: &Element, tag: &str, class: &str) -> Element {
        let el = self.el(tag, class);
        let _ = parent.append_child(&el);
        el
    }

    /// Appends text.
    pub fn text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.doc.create_text_node(text));
    }

    /// A new child element holding text.
    pub fn text_child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let el = self.child(parent, tag, class);
        self.text(&el, text);
        el
    }
}

/// Sets an attribute, ignoring the (impossible) failure for valid names.
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Swaps a picture under its root that fails to load for its placeholder (the drawn one its
/// `data-placeholder` names): one listener for the whole subtree, since an image's `error` does
/// not bubble but is seen on the way down. Dropping it removes the listener.
pub struct ImageFallback {
    root: Element,
    handler: Closure<dyn Fn(web_sys::Event)>,
}

impl ImageFallback {
    /// Listens under `root`.
    pub fn listen(root: &Element) -> ImageFallback {
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            let Some(img) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let (Some(class), Some(dom)) = (img.get_attribute(PLACEHOLDER), Dom::new()) else {
                return;
            };
            let placeholder = dom.el("div", &class);
            set(&placeholder, "aria-hidden", "true");
            let _ = img.replace_with_with_node_1(&placeholder);
        });
        let _ = root.add_event_listener_with_callback_and_bool(
            "error",
            handler.as_ref().unchecked_ref(),
            true,
        );
        ImageFallback {
            root: root.clone(),
            handler,
        }
    }
}

impl Drop for ImageFallback {
    fn drop(&mut self) {
        let _ = self.root.remove_event_listener_with_callback_and_bool(
            "error",
            self.handler.as_ref().unchecked_ref(),
            true,
        );
    }
}

/// Turns a markup tree into DOM nodes. Elements marked with a key are collected with it.
pub fn materialise(
    dom: &Dom,
    tree: &markup::Element,
    keyed: &mut Vec<(usize, Element)>,
) -> Element {
    let el = dom.el(tree.tag, "");
    for (name, value) in &tree.attrs {
        set(&el, name, value);
    }
    for child in &tree.children {
        match child {
            Node::Text(text) => dom.text(&el, text),
            Node::Element(child) => {
                let _ = el.append_child(&materialise(dom, child, keyed));
            }
        }
    }
    if let Some(key) = tree.key {
        keyed.push((key, el.clone()));
    }
    el
}

/// Materialises a tree that has no keyed elements.
pub fn build(dom: &Dom, tree: &markup::Element) -> Element {
    materialise(dom, tree, &mut Vec::new())
}

/// Everything on an event page below its recording ([`views::event_body`]): the full recap's
/// body is left empty, for the extractor module to write when it is opened (`crate::post`).
/// `share`: each time gets a "Copy link" button. Also gives the talks' elements with their
/// index, for the player to mark the one playing.
pub fn event_body(
    dom: &Dom,
    item: &Item,
    neighbours: (Neighbour, Neighbour),
    href: &dyn Fn(&Route) -> String,
    share: bool,
    speaker_href: Option<views::SpeakerHref>,
    texts: &Catalogue,
) -> (Element, Vec<(usize, Element)>) {
    // The post's pictures, read natively as the pre-rendered pages read them; a relative one is
    // the page's, as the browser would read it in the post.
    let page = dom.document().base_uri().ok().flatten();
    let photos = item
        .content_html
        .as_deref()
        .map(|html| markup::photos_in(html, page.as_deref()))
        .unwrap_or_default();
    let tree = views::event_body(
        item,
        &Body {
            neighbours,
            href,
            share,
            photos: &photos,
            full_recap: item.content_html.is_some(),
            speaker_href,
            texts,
        },
    );
    let mut talks = Vec::new();
    let root = materialise(dom, &tree, &mut talks);
    (root, talks)
}
