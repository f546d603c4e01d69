use leptos::html;
use leptos::prelude::*;
use recap_core::route::Route;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

use crate::api::absolute;
use crate::render::Dom;
use crate::router::{use_router, Router};

/// A static DOM subtree built by [`crate::render`], rebuilt whenever a signal it reads changes.
///
/// Clicks inside are delegated: app links (`data-route`) navigate in place, times and chapters
/// (`data-t`) move the recording there and set the page's `?t=`, the facade (`data-play`) plays
/// the recording, copy buttons (`data-copy`) copy their link.
#[component]
pub fn Rendered(render: Box<dyn Fn(&Dom) -> Element>) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let router = use_router();
    Effect::new(move |_| {
        let (Some(host), Some(dom)) = (host.get(), Dom::new()) else {
            return;
        };
        host.replace_children_with_node_1(&render(&dom));
    });
    view! { <div class="recap-rendered" node_ref=host on:click=move |ev| on_click(&ev, router)></div> }
}

fn on_click(ev: &MouseEvent, router: Router) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    if let Some(link) = closest("a[data-route]") {
        ev.prevent_default();
        router.go(router.route_of(&link.get_attribute("href").unwrap_or_default()));
    } else if closest("[data-play]").is_some() {
        crate::player::play();
    } else if let Some(time) = closest("[data-t]") {
        let Some(t) = time.get_attribute("data-t").and_then(|t| t.parse().ok()) else {
            return;
        };
        // Without a player on the page, a link to the recording on its own site is followed.
        let outside = time
            .get_attribute("href")
            .is_some_and(|href| href.starts_with("http"));
        if !crate::player::jump(t) && outside {
            return;
        }
        ev.prevent_default();
        if let Route::Event { id, .. } = router.route_untracked() {
            router.replace(Route::Event { id, t: Some(t) });
        }
    } else if let Some(button) = closest("button[data-copy]") {
        let link = button.get_attribute("data-copy").unwrap_or_default();
        if let (Some(window), Some(url)) = (web_sys::window(), absolute(&link, None)) {
            let _ = window.navigator().clipboard().write_text(&url);
            button.set_text_content(Some("Link copied"));
        }
    }
}
