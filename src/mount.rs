//! Reading the host page: where to mount, the app's base path, which feed to load.

use leptos::prelude::*;
use recap_core::player::PlayerHosts;
use recap_core::source::{choose_feed, QueryFeed};
use wasm_bindgen::JsCast;

use crate::components::App;

/// Where the app lives and what it loads.
#[derive(Debug, Clone)]
pub struct Config {
    /// The feed to load, and a notice when a `?feed=` was refused.
    pub source: recap_core::source::FeedSource,
    /// The app's base path (`/`, or `/recap/` when built with `--public-url /recap/`).
    pub base: String,
    /// The page's own `?feed=` value when it was accepted, carried along in the app's links.
    pub feed_param: Option<String>,
    /// Where the video players come from (the mount element's `data-youtube-host` and
    /// `data-vimeo-host`).
    pub hosts: PlayerHosts,
}

/// Mounts the app on the page's `[data-recap]` element (else on `<body>`).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let document = window.document();
    let root = document
        .as_ref()
        .and_then(|document| document.query_selector("[data-recap]").ok().flatten());
    let attribute = |name: &str| root.as_ref().and_then(|el| el.get_attribute(name));
    let data_feed = attribute("data-feed");
    let hosts = PlayerHosts::with_overrides(
        attribute("data-youtube-host").as_deref(),
        attribute("data-vimeo-host").as_deref(),
    );
    let query = query_feed(&window);
    let feed_param = query
        .as_ref()
        .filter(|(q, _)| q.same_origin)
        .map(|(_, raw)| raw.clone());
    let source = choose_feed(data_feed.as_deref(), query.map(|(q, _)| q));
    let base = document
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_owned());
    let config = Config {
        source,
        base,
        feed_param,
        hosts,
    };
    let app = move || view! { <App config=config.clone() /> };
    match root {
        Some(root) => {
            // Replace the static "Loading events…" that the page shows while the app boots.
            root.set_text_content(None);
            leptos::mount::mount_to(root.unchecked_into(), app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// The page's `?feed=` parameter, resolved by the browser's own URL parser, with the raw value.
fn query_feed(window: &web_sys::Window) -> Option<(QueryFeed, String)> {
    let location = window.location();
    let page = location.href().ok()?;
    let value = web_sys::Url::new(&page).ok()?.search_params().get("feed")?;
    let Ok(resolved) = web_sys::Url::new_with_base(&value, &page) else {
        return Some((
            QueryFeed {
                href: value.clone(),
                same_origin: false,
            },
            value,
        ));
    };
    let origin = resolved.origin();
    // Opaque origins ("null": file:, data:) never count as the same site.
    let same_origin = origin != "null" && location.origin().ok().as_deref() == Some(&origin);
    Some((
        QueryFeed {
            href: resolved.href(),
            same_origin,
        },
        value,
    ))
}
