//! A small router of the app's own: it handles clicks on the app's links only (never the host
//! page's), keeps shareable state in the URL and moves focus to the new page's heading.

use leptos::prelude::*;
use recap_core::route::{href, parse_route, Route};
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

/// The current route and how to change it. Provided as context by the app.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    base: StoredValue<String>,
    feed: StoredValue<Option<String>>,
}

impl Router {
    /// Reads the route from the page's location and follows the back and forward buttons.
    pub fn new(base: String, feed: Option<String>) -> Self {
        let route = RwSignal::new(current_route(&base));
        let base_for_pop = base.clone();
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            route.set(current_route(&base_for_pop));
        });
        on_cleanup(move || handle.remove());
        Router {
            route,
            base: StoredValue::new(base),
            feed: StoredValue::new(feed),
        }
    }

    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// Reads the current route without tracking.
    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// The route an app URL (`/events/…?t=…`) names.
    pub fn route_of(&self, href: &str) -> Route {
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        parse_route(path, query, &self.base.get_value())
    }

    /// The URL of a route.
    pub fn href(&self, route: &Route) -> String {
        href(
            route,
            &self.base.get_value(),
            self.feed.get_value().as_deref(),
        )
    }

    /// Goes to a new page: a history entry, scroll to the top, focus on its heading.
    pub fn go(&self, route: Route) {
        self.write_history(&route, true);
        self.route.set(route);
        request_animation_frame(|| {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
                if let Some(heading) = window.document().and_then(|d| {
                    d.query_selector("[data-recap] h1, .recap h1")
                        .ok()
                        .flatten()
                }) {
                    let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
    }

    /// Changes the current page's state (search, filters, time) without a new history entry.
    pub fn replace(&self, route: Route) {
        self.write_history(&route, false);
        self.route.set(route);
    }

    fn write_history(&self, route: &Route, push: bool) {
        let url = self.href(route);
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    }

    /// A click handler for an app link: plain left clicks navigate in place; modified clicks
    /// (new tab, new window) are left to the browser.
    pub fn on_click(&self, route: Route) -> impl Fn(MouseEvent) + 'static {
        let router = *self;
        move |ev: MouseEvent| {
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            ev.prevent_default();
            router.go(route.clone());
        }
    }
}

fn current_route(base: &str) -> Route {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Route::NotFound;
    };
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    parse_route(&path, &query, base)
}

/// The router from context.
pub fn use_router() -> Router {
    use_context::<Router>().unwrap_or_else(|| Router::new("/".to_owned(), None))
}

/// A link to a page of the app.
#[component]
pub fn AppLink(
    /// Where to.
    to: Route,
    #[prop(optional, into)] class: String,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = router.href(&to);
    view! {
        <a class=class href=href on:click=router.on_click(to)>
            {children()}
        </a>
    }
}
