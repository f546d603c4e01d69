//! What a visitor sees if the app panics: a short message and a way to reload, written as plain
//! DOM into every element the app is mounted in, instead of a page that stopped answering. In a
//! release build a panic aborts (a wasm trap) right after the hook, so the hook touches nothing
//! of the app's state: only the DOM, through `web-sys`.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::Element;

thread_local! {
    /// The elements the app is mounted in.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// The attribute set on a mount element whose app panicked.
pub const PANIC_ATTRIBUTE: &str = recap_core::markup::protocol::PANIC;

/// Sends every panic to [`show_error_state`] (once is enough; again is harmless).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location();
        web_sys::console::error_3(
            &JsValue::from_str("recap: panic"),
            &JsValue::from_str(location.map_or("", |l| l.file())),
            &location.map_or(JsValue::UNDEFINED, |l| l.line().into()),
        );
        show_error_state();
    }));
}

/// Remembers an element the app is mounted in, for [`show_error_state`].
pub fn register(root: &Element) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.retain(|r| r.is_connected());
            roots.push(root.clone());
        }
    });
}

/// Replaces what the app showed in each of its elements with a message and a reload link, and
/// marks the elements with [`PANIC_ATTRIBUTE`].
pub fn show_error_state() {
    ROOTS.with(|roots| {
        let Ok(roots) = roots.try_borrow() else {
            return;
        };
        for root in roots.iter() {
            let _ = write_error(root);
        }
    });
}

/// The error state: fixed markup, no feed content (a link to the page itself reloads it, with
/// no script left to run).
const ERROR: &str = "<section class=\"recap-error\" role=\"alert\"><p class=\"recap-error__message\">Something went wrong in Recap. Reload the page.</p><a class=\"recap-button\" href=\"\">Reload</a></section>";

fn write_error(root: &Element) -> Result<(), JsValue> {
    root.set_inner_html(ERROR);
    root.remove_attribute("hidden")?;
    root.set_attribute(PANIC_ATTRIBUTE, "")
}
