//! The large, static parts of the pages as DOM: the trees of `recap_core::markup` (the list's
//! header, errors, the skeleton), materialised by one non-generic function (`recap_dom`, which
//! the event module shares), and a listener that swaps broken pictures for their placeholder.
//! The list's windowing is [`crate::list`]'s; an event's page is the event module's.
//!
//! Leptos keeps the state, the routing and the form controls; these subtrees never change once
//! built, and writing them as `view!` trees costs several kilobytes of wasm per component (each
//! view type is compiled separately), against the first-visit size budget. The attributes the
//! delegated click handler reads are `recap_core::markup::protocol`'s. Text goes in as text
//! nodes, URLs through `safe_url`; the list's cards ([`crate::list`]) go in as the HTML
//! `recap_core::markup::to_html` writes of the same trees, every text and attribute escaped:
//! no feed string reaches `innerHTML` unescaped.

use recap_core::markup::protocol::PLACEHOLDER;
pub use recap_dom::{build, set, Dom};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

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
