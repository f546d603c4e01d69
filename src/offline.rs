//! Offline revisits: the page hears when a fresh feed may replace the saved copy it shows.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `refresh` whenever the browser comes back online or the site's service worker posts a
/// message (it posts one when a feed's late answer came in: `{ recap: "feed" }`), for as long
/// as the calling component lives.
pub fn on_fresh_feed(refresh: impl Fn() + Clone + 'static) {
    let online = window_event_listener_untyped("online", {
        let refresh = refresh.clone();
        move |_| refresh()
    });
    on_cleanup(move || online.remove());
    let Some(worker) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"serviceWorker".into()).ok())
        .and_then(|w| w.dyn_into::<web_sys::EventTarget>().ok())
    else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(refresh);
    let _ = worker.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    let held = StoredValue::new_local((worker, listener));
    on_cleanup(move || {
        held.try_with_value(|(worker, listener)| {
            worker.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        });
    });
}
