//! An event's full recap: the post through the allow-list sanitiser, written by the event
//! module (`crates/event`, see `src/modules.rs`) when a visitor first opens "Read the full
//! recap". Until then the body is empty and busy (`aria-busy`); the first visit carries no
//! sanitiser.

use recap_core::i18n::{Catalogue, Text};
use recap_core::markup::protocol::selector;
use recap_event::host::EventModule;
use std::sync::Arc;
use web_sys::Element;

use crate::modules::{load_module, loaded};
use crate::task::Task;

/// Marks a body whose post is on its way, so that a second click does not ask again.
const WRITING: &str = "data-writing";

/// Writes the post `html` into the full recap's body, once, when its summary `summary` is
/// first clicked, by `task` (the event page's). If the module cannot be loaded the body says so
/// and stays busy: opening it again tries again.
pub fn open_full_recap(summary: &Element, html: Arc<str>, task: Task, texts: Arc<Catalogue>) {
    let body = summary
        .parent_element()
        .and_then(|details| details.query_selector(selector::FULL_BODY).ok().flatten());
    let Some(body) = body.filter(|b| b.has_attribute("aria-busy") && !b.has_attribute(WRITING))
    else {
        return;
    };
    let _ = body.set_attribute(WRITING, "");
    body.set_text_content(None);
    task.run(async move {
        let module = loaded::<EventModule>(
            load_module(recap_event::NAME),
            "the full recap could not be loaded",
        )
        .await;
        match module.map(|module| module.full_recap(&html)) {
            Ok(Some(post)) => {
                let _ = body.append_child(&post);
                let _ = body.remove_attribute("aria-busy");
            }
            Ok(None) => {
                let _ = body.remove_attribute("aria-busy");
            }
            Err(why) => {
                web_sys::console::warn_1(&why.into());
                body.set_text_content(Some(texts.get(Text::FullRecapFailed)));
            }
        }
        let _ = body.remove_attribute(WRITING);
    });
}
