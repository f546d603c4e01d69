//! Rendering a post's untrusted `content_html` through the allow-list in
//! [`recap_core::sanitize`]: the full recap of an event page, written by this module when a
//! visitor opens it (the app's first visit carries none of this code).
//!
//! The HTML is parsed by `DOMParser` into an inert document (no scripts run, nothing loads), then
//! walked; what is allowed is rebuilt as new nodes of the page's document. No feed string ever
//! reaches `inner_html`.

use recap_core::sanitize::{
    added_attributes, attribute, element, required_attribute, Action, MAX_DEPTH, MAX_NODES,
};
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, Node};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// A fragment of `document` holding the allowed part of `html`: allowed elements with allowed
/// attributes, and text. Never panics; on any DOM error the part concerned is left out.
pub fn sanitized_fragment(document: &Document, html: &str) -> DocumentFragment {
    match crate::parse_body(html) {
        Some(body) => sanitized_copy(document, &body),
        None => document.create_document_fragment(),
    }
}

/// The allowed part of a post already parsed with [`crate::parse_body`]. Whatever the
/// parser put in `<head>` (base, meta, link, script, style, title…) was never in `body`.
pub fn sanitized_copy(document: &Document, body: &Node) -> DocumentFragment {
    let fragment = document.create_document_fragment();
    let mut budget = MAX_NODES;
    copy_children(document, body, &fragment, 0, &mut budget);
    fragment
}

/// The action for an element of the parsed document; foreign namespaces are dropped.
fn action(el: &Element) -> Action {
    if el.namespace_uri().as_deref() == Some(HTML_NS) {
        element(&el.local_name())
    } else {
        Action::Drop
    }
}

fn copy_children(doc: &Document, from: &Node, to: &Node, depth: usize, budget: &mut usize) {
    let mut next = from.first_child();
    while let Some(node) = next {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        copy_node(doc, &node, to, depth, budget);
        next = node.next_sibling();
    }
}

fn copy_node(doc: &Document, node: &Node, to: &Node, depth: usize, budget: &mut usize) {
    if node.node_type() == Node::TEXT_NODE {
        append_text(doc, to, &node.node_value().unwrap_or_default());
        return;
    }
    // Comments, doctypes and processing instructions are dropped.
    let Some(el) = node.dyn_ref::<Element>() else {
        return;
    };
    let action = action(el);
    if action == Action::Drop {
        return;
    }
    if depth >= MAX_DEPTH {
        return flatten(doc, node, to, budget);
    }
    let Action::Keep(tag) = action else {
        return copy_children(doc, node, to, depth + 1, budget);
    };
    let attrs = el.attributes();
    let kept: Vec<(String, String)> = (0..attrs.length())
        .filter_map(|i| attrs.item(i))
        .filter_map(|attr| {
            let name = attr.name();
            attribute(tag, &name, &attr.value()).map(|value| (name, value))
        })
        .collect();
    if required_attribute(tag).is_some_and(|req| !kept.iter().any(|(name, _)| name == req)) {
        return;
    }
    let Ok(out) = doc.create_element(tag) else {
        return;
    };
    // Added first, so an img is lazy before it has a src.
    for (name, value) in added_attributes(tag) {
        let _ = out.set_attribute(name, value);
    }
    for (name, value) in &kept {
        let _ = out.set_attribute(name, value);
    }
    copy_children(doc, node, &out, depth + 1, budget);
    let _ = to.append_child(&out);
}

/// The text below `root`, without the text of dropped elements, as one text node. Iterative, so
/// nesting of any depth costs no stack.
fn flatten(doc: &Document, root: &Node, to: &Node, budget: &mut usize) {
    let mut text = String::new();
    let mut next = root.first_child();
    while let Some(node) = next {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        let mut descend = false;
        if node.node_type() == Node::TEXT_NODE {
            text.push_str(&node.node_value().unwrap_or_default());
        } else if let Some(el) = node.dyn_ref::<Element>() {
            descend = action(el) != Action::Drop;
        }
        next = descend
            .then(|| node.first_child())
            .flatten()
            .or_else(|| following(&node, root));
    }
    append_text(doc, to, &text);
}

/// The next node after `node`'s subtree in document order, staying below `root`.
fn following(node: &Node, root: &Node) -> Option<Node> {
    let mut current = node.clone();
    loop {
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent_node()?;
        if current.is_same_node(Some(root)) {
            return None;
        }
    }
}

fn append_text(doc: &Document, to: &Node, text: &str) {
    if !text.is_empty() {
        let _ = to.append_child(&doc.create_text_node(text));
    }
}
