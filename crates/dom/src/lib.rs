//! The core's markup trees (`recap_core::markup`) as DOM: one non-generic function that
//! materialises a tree in the page's document, for the app and for the modules that write a page
//! of their own (`crates/event`). Text goes in as text nodes, exactly as the feed has it (no HTML
//! parser in between, which would drop a NUL or fold a line break), attributes as set. Also
//! [`bring_into_view`], which the app's router and the player module share.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use recap_core::markup::{self, Node};
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

/// Scrolls `el` into view, as little as it takes, when it is not in view; else nothing moves.
/// (The player module reveals the recording with it; the app, the heading of a page it opens.)
pub fn bring_into_view(el: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = el.get_bounding_client_rect();
    if rect.top() < 0.0 || rect.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
