//! Reading the host page: where to mount and which feed to load.

use leptos::prelude::*;
use recap_core::source::{choose_feed, QueryFeed};
use wasm_bindgen::JsCast;

use crate::components::App;

/// Mounts the app on the page's `[data-recap]` element (else on `<body>`).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = window
        .document()
        .and_then(|document| document.query_selector("[data-recap]").ok().flatten());
    let data_feed = root.as_ref().and_then(|el| el.get_attribute("data-feed"));
    let source = choose_feed(data_feed.as_deref(), query_feed(&window));
    let app = move || view! { <App source=source.clone() /> };
    match root {
        Some(root) => {
            // Replace the static "Loading events…" that the page shows while the app boots.
            root.set_text_content(None);
            leptos::mount::mount_to(root.unchecked_into(), app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// The page's `?feed=` parameter, resolved by the browser's own URL parser.
fn query_feed(window: &web_sys::Window) -> Option<QueryFeed> {
    let location = window.location();
    let page = location.href().ok()?;
    let value = web_sys::Url::new(&page).ok()?.search_params().get("feed")?;
    let Ok(resolved) = web_sys::Url::new_with_base(&value, &page) else {
        return Some(QueryFeed {
            href: value,
            same_origin: false,
        });
    };
    let origin = resolved.origin();
    // Opaque origins ("null": file:, data:) never count as the same site.
    let same_origin = origin != "null" && location.origin().ok().as_deref() == Some(&origin);
    Some(QueryFeed {
        href: resolved.href(),
        same_origin,
    })
}
