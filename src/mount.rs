//! Reading the host page: where to mount, the app's base path, which feed to load; and mounting
//! the app inside a `<recap-viewer>` element ([`mount_viewer`]).

use leptos::prelude::*;
use recap_core::i18n::Lang;
use recap_core::load::feed_timeout_ms;
use recap_core::markup::protocol::{
    selector, FEED, FEED_TIMEOUT, LANG, PAGES, VIMEO_HOST, YOUTUBE_HOST,
};
use recap_core::player::PlayerHosts;
use recap_core::route::{LinkForm, Route};
use recap_core::source::{choose_feed, FeedSource, QueryFeed};
use wasm_bindgen::{JsCast, JsValue};

use crate::components::App;
use crate::config::{Config, OnReady};
use crate::router::{History, RouterOptions};

/// Mounts the app on the page's `[data-recap]` element (else on `<body>`, unless the page holds
/// `<recap-viewer>` elements: those mount themselves through [`mount_viewer`]).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let document = window.document();
    let root = document
        .as_ref()
        .and_then(|document| document.query_selector(selector::MOUNT).ok().flatten());
    let embeds = !window.custom_elements().get("recap-viewer").is_undefined();
    if root.is_none() && embeds {
        return;
    }
    let attribute = |name: &str| root.as_ref().and_then(|el| el.get_attribute(name));
    let data_feed = attribute(FEED);
    let hosts = PlayerHosts::with_overrides(
        attribute(YOUTUBE_HOST).as_deref(),
        attribute(VIMEO_HOST).as_deref(),
    );
    let query = query_feed(&window);
    let feed_param = query
        .as_ref()
        .filter(|(q, _)| q.same_origin)
        .map(|(_, raw)| raw.clone());
    let source = choose_feed(data_feed.as_deref(), query.map(|(q, _)| q));
    let base = document
        .as_ref()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_owned());
    let config = Config {
        source,
        router: RouterOptions {
            base,
            feed: feed_param,
            history: History::Page,
            start: Route::List(Default::default()),
            app_url: None,
            single: false,
            links: if attribute(PAGES).as_deref() == Some("dir") {
                LinkForm::Directory
            } else {
                LinkForm::Plain
            },
        },
        hosts,
        fetch: None,
        timeout_ms: feed_timeout_ms(attribute(FEED_TIMEOUT).as_deref()),
        lang: Lang::from_tag(
            &attribute(LANG)
                .or_else(|| page_lang(document.as_ref()))
                .unwrap_or_default(),
        ),
    };
    let root = match root {
        // A pre-rendered page stays until the app has the same page to show.
        Some(root) if root.has_attribute(PAGES) => {
            let Some(takeover) = crate::takeover::Takeover::start(&root) else {
                return;
            };
            let container = takeover.container();
            // Swapped in when the app says it shows its page.
            let ready = OnReady::new(move || takeover.finish());
            // The app lives as long as its page: its handle is never dropped (dropping it would
            // unmount the app).
            std::mem::forget(mount(container, config, ready));
            return;
        }
        Some(root) => {
            // Replace the static "Loading events…" that the page shows while the app boots.
            root.set_text_content(None);
            root.unchecked_into()
        }
        None => match document.and_then(|d| d.body()) {
            Some(body) => body,
            None => return,
        },
    };
    // The app lives as long as its page: its handle is never dropped (dropping it would
    // unmount the app).
    std::mem::forget(mount(root, config, OnReady::default()));
}

/// Mounts the app in `root`; a panic shows an error there (see [`crate::panic`]).
fn mount(root: web_sys::HtmlElement, config: Config, on_ready: OnReady) -> Mounted {
    crate::panic::install();
    crate::panic::register(&root);
    let handle = leptos::mount::mount_to(root, move || view! { <App config on_ready /> });
    Mounted(Box::new(handle))
}

/// An app mounted in an element; dropping it unmounts the app.
pub struct Mounted(#[allow(dead_code)] Box<dyn std::any::Any>);

/// Mounts the app in `root` (inside a `<recap-viewer>`'s shadow root) with the element's
/// options, as the embed loader passes them: `feed` (an absolute URL), `event`, `youtubeHost`,
/// `vimeoHost`, `base` (the standalone app's address), `history` (`"hash"` or `"memory"`),
/// `feedTimeout` (milliseconds), `lang` (else the host page's `<html lang>`) and `fetch` (the
/// loader's shared fetch). Returns `None` without a feed.
pub fn mount_viewer(root: web_sys::HtmlElement, options: &JsValue) -> Option<Mounted> {
    let text = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.trim().is_empty())
    };
    let feed = text("feed")?;
    let event = text("event");
    let history = match text("history").as_deref() {
        Some("hash") => History::Hash,
        _ => History::Memory,
    };
    let fetch = js_sys::Reflect::get(options, &JsValue::from_str("fetch"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let config = Config {
        source: FeedSource {
            url: feed,
            notice: None,
        },
        router: RouterOptions {
            base: "/".to_owned(),
            feed: None,
            history,
            single: event.is_some(),
            start: match event {
                Some(id) => Route::Event { id, t: None },
                None => Route::List(Default::default()),
            },
            app_url: text("base"),
            links: LinkForm::Plain,
        },
        hosts: PlayerHosts::with_overrides(
            text("youtubeHost").as_deref(),
            text("vimeoHost").as_deref(),
        ),
        fetch,
        timeout_ms: feed_timeout_ms(text("feedTimeout").as_deref()),
        lang: Lang::from_tag(
            &text("lang")
                .or_else(|| page_lang(web_sys::window()?.document().as_ref()))
                .unwrap_or_default(),
        ),
    };
    Some(mount(root, config, OnReady::default()))
}

/// The page's language, as its `<html lang>` says.
fn page_lang(document: Option<&web_sys::Document>) -> Option<String> {
    document?.document_element()?.get_attribute("lang")
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
