//! Taking over a pre-rendered page (`recap-feed pages`): the app is mounted beside the
//! pre-rendered content, hidden, and replaces it in one step once it says it shows the same
//! page ([`crate::ready`]), so nothing flashes or moves. The scroll position stays; the search
//! box's text and focus carry over.

use recap_core::markup::protocol::{class, selector};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A takeover under way: the pre-rendered page's mount element and the app's hidden container.
pub struct Takeover {
    root: Element,
    container: HtmlElement,
}

impl Takeover {
    /// Adds the app's hidden container to the pre-rendered mount element.
    pub fn start(root: &Element) -> Option<Self> {
        let container: HtmlElement = crate::render::Dom::new()?
            .el("div", class::TAKEOVER)
            .dyn_into()
            .ok()?;
        let _ = container.set_attribute("hidden", "");
        root.append_child(&container).ok()?;
        Some(Takeover {
            root: root.clone(),
            container,
        })
    }

    /// Where the app mounts.
    pub fn container(&self) -> HtmlElement {
        self.container.clone()
    }

    /// Swaps at the next frame, before it is drawn: called once the app says it shows its page
    /// (every static part built), so that what the app does next in the same task is in too.
    pub fn finish(self) {
        leptos::prelude::request_animation_frame(move || self.swap());
    }

    /// Removes the pre-rendered page and shows the app in the same task, with what was typed in
    /// the search box.
    fn swap(self) {
        let search = |root: &Element| {
            root.query_selector(selector::SEARCH)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        };
        // The first in document order: the pre-rendered one, before the app's container.
        let typed = search(&self.root);
        let focused = matches!(self.root.query_selector(":focus"), Ok(Some(f)) if Some(&f) == typed.as_ref().map(|t| t.unchecked_ref::<Element>()));
        // The pre-rendered page is one element (`recap-feed pages` writes it so).
        if let Ok(Some(old)) = self.root.query_selector(selector::FRAME) {
            old.remove();
        }
        // In the same task as the removal: the document never lays out without either, so
        // the scroll position stays where it is.
        let _ = self.container.remove_attribute("hidden");
        if let (Some(old), Some(new)) = (typed, search(self.container.unchecked_ref())) {
            let value = old.value();
            if !value.is_empty() {
                new.set_value(&value);
                // As if typed: the app's search reads its input event (delegated: it bubbles).
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                    let _ = new.dispatch_event(&event);
                }
            }
            if focused {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = new.focus_with_options(&options);
                if let (Ok(Some(start)), Ok(Some(end))) =
                    (old.selection_start(), old.selection_end())
                {
                    let _ = new.set_selection_range(start, end);
                }
            }
        }
    }
}
