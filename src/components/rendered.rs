use leptos::html;
use leptos::prelude::*;
use recap_core::markup::protocol::{class, selector, COPY, TIME};
use recap_core::route::Route;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MouseEvent};

use crate::api::absolute;
use crate::page_ref::PageRef;
use crate::ready::Part;
use crate::render::{Dom, ImageFallback};
use crate::router::{use_router, Router};
use crate::task::Task;
use crate::texts::use_texts;
use recap_core::i18n::{Catalogue, Text};
use std::sync::Arc;

/// A static DOM subtree built by [`crate::render`], rebuilt whenever a signal it reads changes.
/// The app's readiness waits for its first build ([`crate::ready`]).
///
/// Clicks inside are delegated: app links (`data-route`) navigate in place, times and chapters
/// (`data-t`) move the event `page`'s recording there and set the page's `?t=`, the facade
/// (`data-play`) plays the recording, copy buttons (`data-copy`) copy their link, and the part's
/// action button (`data-action`) runs `on_action` with itself.
#[component]
pub fn Rendered(
    render: Box<dyn Fn(&Dom) -> Element>,
    /// The event page the event module wrote, when this part is one.
    #[prop(optional)]
    page: PageRef,
    /// What the part's action button does.
    #[prop(optional)]
    on_action: Option<Callback<Element>>,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let router = use_router();
    let part = Part::counted();
    part.done_on_cleanup();
    // A picture in the subtree that fails to load is swapped for its placeholder; the listener
    // goes with the component.
    let images = StoredValue::new_local(None::<ImageFallback>);
    Effect::new(move |_| {
        let (Some(host), Some(dom)) = (host.get(), Dom::new()) else {
            return;
        };
        if images.with_value(Option::is_none) {
            images.set_value(Some(ImageFallback::listen(&host)));
        }
        // A part rebuilt under the focus (its action button pressed) gives it back to its action.
        let focused = dom
            .document()
            .active_element()
            .is_some_and(|el| host.contains(Some(&el)));
        host.replace_children_with_node_1(&render(&dom));
        if focused {
            let action = host.query_selector(selector::ACTION).ok().flatten();
            if let Some(action) = action.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = action.focus();
            }
        }
        part.done();
    });
    // Copying a link waits for the clipboard: a task of this part, stopped with it.
    let copying = Task::new();
    let texts = use_texts();
    view! {
        <div
            class=class::RENDERED
            node_ref=host
            on:click=move |ev| on_click(&ev, router, &page, copying, &texts, on_action)
            on:pointerover=move |ev| on_interest(&ev, router)
            on:focusin=move |ev| on_interest(&ev, router)
        ></div>
    }
}

/// A visitor shows interest in a link to an event (points at it or focuses it): the event
/// module starts loading, so that the page is there at once when the link is followed.
fn on_interest(ev: &web_sys::Event, router: Router) {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest(selector::ROUTE).ok().flatten());
    let href = link.and_then(|link| link.get_attribute("href"));
    if href.is_some_and(|href| matches!(router.route_of(&href), Route::Event { .. })) {
        let _ = crate::modules::load_module(recap_event::NAME);
    }
}

fn on_click(
    ev: &MouseEvent,
    router: Router,
    page: &PageRef,
    copying: Task,
    texts: &Arc<Catalogue>,
    on_action: Option<Callback<Element>>,
) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    if let Some(link) = closest(selector::ROUTE) {
        ev.prevent_default();
        router.go(router.route_of(&link.get_attribute("href").unwrap_or_default()));
    } else if closest(selector::PLAY).is_some() {
        page.play();
    } else if let Some(time) = closest(selector::TIME) {
        let Some(t) = time.get_attribute(TIME).and_then(|t| t.parse().ok()) else {
            return;
        };
        // Without a player on the page, a link to the recording on its own site is followed.
        let outside = time
            .get_attribute("href")
            .is_some_and(|href| href.starts_with("http"));
        if !page.jump(t) && outside {
            return;
        }
        ev.prevent_default();
        if let Route::Event { id, .. } = router.route_untracked() {
            router.replace(Route::Event { id, t: Some(t) });
        }
    } else if let (Some(action), Some(el)) = (on_action, closest(selector::ACTION)) {
        action.run(el);
    } else if let Some(button) = closest(selector::COPY) {
        let link = button.get_attribute(COPY).unwrap_or_default();
        if let Some(url) = absolute(&link, None) {
            copy_link(button, url, copying, texts.clone());
        }
    }
}

/// Copies `url` to the clipboard and says so on the button once it is done. A page without a
/// clipboard (served over plain http from another machine) shows the link, selected, to copy
/// by hand.
fn copy_link(button: Element, url: String, copying: Task, texts: Arc<Catalogue>) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        show_link(&button, &url, &texts);
        return;
    };
    let written = clipboard.write_text(&url);
    copying.run(async move {
        match wasm_bindgen_futures::JsFuture::from(written).await {
            Ok(_) => button.set_text_content(Some(texts.get(Text::LinkCopied))),
            Err(_) => show_link(&button, &url, &texts),
        }
    });
}

/// Says the link could not be copied and puts it beside the button, selected, to copy by hand.
fn show_link(button: &Element, url: &str, texts: &Catalogue) {
    button.set_text_content(Some(texts.get(Text::CopyByHand)));
    let Some(dom) = Dom::new() else {
        return;
    };
    let field = button
        .next_element_sibling()
        .filter(|next| next.class_list().contains(class::COPY_FIELD))
        .unwrap_or_else(|| {
            let field = dom.el("input", class::COPY_FIELD);
            let _ = button.after_with_node_1(&field);
            field
        });
    crate::render::set(&field, "readonly", "");
    crate::render::set(&field, "aria-label", texts.get(Text::LinkToMoment));
    if let Ok(field) = field.dyn_into::<web_sys::HtmlInputElement>() {
        field.set_value(url);
        let _ = field.focus();
        field.select();
    }
}
