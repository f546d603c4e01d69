//! Taking over a pre-rendered page (`recap-feed pages`): the app is mounted beside the
//! pre-rendered content, hidden, and replaces it in one step once it shows the same page, so
//! nothing flashes or moves. The scroll position stays; the search box's text and focus carry
//! over.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// The search box, in the pre-rendered page and in the app.
const SEARCH: &str = "#recap-search";

/// A takeover under way: the pre-rendered page's mount element and the app's hidden container.
pub struct Takeover {
    root: Element,
    container: HtmlElement,
}

impl Takeover {
    /// Adds the app's hidden container to the pre-rendered mount element.
    pub fn start(root: &Element) -> Option<Self> {
        let container: HtmlElement = crate::render::Dom::new()?
            .el("div", "recap-takeover")
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

    /// Checks every frame whether the app shows its page (its main region, every static part
    /// built), then swaps.
    pub fn finish_when_ready(self) {
        leptos::prelude::request_animation_frame(move || {
            let found =
                |selector: &str| matches!(self.container.query_selector(selector), Ok(Some(_)));
            if found(".recap-main") && !found(".recap-rendered:empty") {
                self.swap();
            } else {
                self.finish_when_ready();
            }
        });
    }

    /// Removes the pre-rendered page and shows the app in the same task, with what was typed in
    /// the search box.
    fn swap(self) {
        let search = |root: &Element| {
            root.query_selector(SEARCH)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        };
        // The first in document order: the pre-rendered one, before the app's container.
        let typed = search(&self.root);
        let focused = matches!(self.root.query_selector(":focus"), Ok(Some(f)) if Some(&f) == typed.as_ref().map(|t| t.unchecked_ref::<Element>()));
        // The pre-rendered page is one element (`recap-feed pages` writes it so).
        if let Ok(Some(old)) = self.root.query_selector(":scope > .recap") {
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
