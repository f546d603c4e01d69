//! A small router of the app's own: it handles clicks on the app's links only (never the host
//! page's), keeps shareable state where its [`History`] mode says and moves focus to the new
//! page's heading.
//!
//! The router is also the one place that touches the page around the app: its address, its
//! history, its scroll position and its title. The standalone app owns its page and uses all
//! four; an embed (`<recap-viewer>`) leaves them alone unless its host opts in to the fragment.

use leptos::html;
use leptos::prelude::*;
use recap_core::markup::protocol::selector;
use recap_core::route::{parse_fragment, parse_route, Addresses, LinkForm, Route};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Where the router keeps the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// The page's own path under the app's base (the standalone app): deep links, the back
    /// button, the document title and scrolling to the top are the app's.
    Page,
    /// In memory only (an embed): the host page's address, history, title and scroll position
    /// are left as they are.
    Memory,
    /// In the host page's fragment, `#recap=/events/…` (an embed whose host asked for
    /// `history="hash"`): deep links and the back button work; the title and scroll position
    /// are the host's.
    Hash,
}

/// How a router starts.
#[derive(Debug, Clone)]
pub struct RouterOptions {
    /// The app's base path on its own page (`/` or `/recap/`).
    pub base: String,
    /// The page's accepted `?feed=`, carried along in links.
    pub feed: Option<String>,
    /// Where the current page is kept.
    pub history: History,
    /// The page shown first when the address names none (an embed's `event`).
    pub start: Route,
    /// The standalone app's address (an embed's `base`): its links point there, so that opening
    /// one in a new tab or copying it gives the full app.
    pub app_url: Option<String>,
    /// The embed shows one event alone: no list to go back to, no newer and older events.
    pub single: bool,
    /// How links to events are written on the app's own page: the directory form when the site
    /// was pre-rendered (`recap-feed pages`), so that every link is a page a static host serves.
    pub links: LinkForm,
}

/// The current route and how to change it. Provided as context by the app.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    options: StoredValue<RouterOptions>,
    /// How its links are written, from its options.
    addresses: StoredValue<Addresses>,
    /// The app's root element: the new page's heading is looked for inside it, never in the
    /// host's document.
    root: NodeRef<html::Div>,
    /// A page opened ([`Router::go`]) whose heading was not written yet when the focus was to
    /// move to it: a page its side module writes ([`Router::written`]). With whether the
    /// visitor was scrolled into the app then: its heading is then brought to the window's top.
    focus_due: StoredValue<Option<bool>>,
}

impl Router {
    /// Reads the first route (from the page's location, or the start page) and follows the
    /// back and forward buttons when the address is the router's.
    pub fn new(options: RouterOptions, root: NodeRef<html::Div>) -> Self {
        let route = RwSignal::new(current_route(&options));
        if options.history != History::Memory {
            let for_pop = options.clone();
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                route.set(current_route(&for_pop));
            });
            on_cleanup(move || handle.remove());
        }
        let addresses = match (&options.history, &options.app_url) {
            (History::Page, _) => Addresses::Page {
                base: options.base.clone(),
                feed: options.feed.clone(),
                form: options.links,
            },
            (History::Memory, Some(app)) => Addresses::App(app.clone()),
            _ => Addresses::Fragment,
        };
        Router {
            route,
            options: StoredValue::new(options),
            addresses: StoredValue::new(addresses),
            root,
            focus_due: StoredValue::new(None),
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

    /// Whether the app shows one event alone.
    pub fn single(&self) -> bool {
        self.options.with_value(|o| o.single)
    }

    /// Whether the router's links can be opened again from elsewhere (copied, in a new tab):
    /// not for an embed in memory without the standalone app's address.
    pub fn shareable(&self) -> bool {
        self.options
            .with_value(|o| o.history != History::Memory || o.app_url.is_some())
    }

    /// The route an app URL (as [`Router::href`] writes it) names.
    pub fn route_of(&self, url: &str) -> Route {
        if let Some(route) = parse_fragment(url) {
            return route;
        }
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        self.options.with_value(|o| match (&o.history, &o.app_url) {
            (History::Page, _) => parse_route(path, query, &o.base),
            (_, Some(app)) => parse_route(path, query, app),
            _ => Route::NotFound,
        })
    }

    /// The URL of a route: a path under the base on the app's own page; in an embed, the
    /// standalone app's URL when it is known, else the fragment form `#recap=/events/…`.
    pub fn href(&self, route: &Route) -> String {
        self.addresses.with_value(|a| a.href(route))
    }

    /// How the router writes its links, for markup made elsewhere (a side module).
    pub fn addresses(&self) -> Addresses {
        self.addresses.get_value()
    }

    /// Sets the document title, on the app's own page only: an embed never changes its host's.
    pub fn set_title(&self, title: &str) {
        if self.options.with_value(|o| o.history) != History::Page {
            return;
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }

    /// Goes to a new page: a history entry (not in memory), focus on its heading. On its own
    /// page the app scrolls to the top; in an embed the host page scrolls only if the new
    /// heading is out of view, and only as far as it takes to show it.
    pub fn go(&self, route: Route) {
        self.write_history(&route, true);
        self.route.set(route);
        let this = *self;
        let own_page = self.options.with_value(|o| o.history) == History::Page;
        // Whether the visitor is scrolled into the app (an embed low on its host page).
        let inside = self
            .root
            .get_untracked()
            .is_some_and(|root| root.get_bounding_client_rect().top() < 0.0);
        request_animation_frame(move || {
            if own_page {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
            let focused = this.focus_heading(false);
            this.focus_due.set_value((!focused).then_some(inside));
        });
    }

    /// A page that a side module writes is written: if the focus was due to move to its
    /// heading when it opened, it moves now, unless the visitor has put it somewhere since. If
    /// the visitor was scrolled into the app, the heading comes to the window's top, where the
    /// page would have opened had it been there at once.
    pub fn written(&self) {
        let Some(inside) = self.focus_due.get_value() else {
            return;
        };
        let document = web_sys::window().and_then(|w| w.document());
        let body = document
            .as_ref()
            .and_then(|d| d.body())
            .map(web_sys::Element::from);
        let elsewhere = document
            .and_then(|d| d.active_element())
            .is_some_and(|el| Some(el) != body);
        if !elsewhere && self.focus_heading(inside) {
            self.focus_due.set_value(None);
        }
    }

    /// Moves the focus to the current page's heading (in an embed, `to_top`: brought to the
    /// window's top first); `false` when it has none yet.
    fn focus_heading(&self, to_top: bool) -> bool {
        let own_page = self.options.with_value(|o| o.history) == History::Page;
        let heading = self
            .root
            .get_untracked()
            .and_then(|root| root.query_selector(selector::PAGE_TITLE).ok().flatten())
            .and_then(|h| h.dyn_into::<HtmlElement>().ok());
        let Some(heading) = heading else {
            return false;
        };
        if to_top && !own_page {
            heading.scroll_into_view_with_bool(true);
        }
        focus_in_place(&heading, own_page);
        true
    }

    /// Changes the current page's state (search, filters, time) without a new history entry.
    pub fn replace(&self, route: Route) {
        self.write_history(&route, false);
        self.route.set(route);
    }

    fn write_history(&self, route: &Route, push: bool) {
        let url = match self.options.with_value(|o| o.history) {
            History::Memory => return,
            History::Page => self.href(route),
            History::Hash => {
                let Some(location) = web_sys::window().map(|w| w.location()) else {
                    return;
                };
                let page = format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                format!("{page}{}", self.href(route))
            }
        };
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
}

/// Focuses a page's heading. In an embed, without the browser's own scrolling: the host page
/// moves only when the heading is out of view.
fn focus_in_place(heading: &HtmlElement, own_page: bool) {
    if own_page {
        let _ = heading.focus();
        return;
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
    recap_dom::bring_into_view(heading);
}

fn current_route(options: &RouterOptions) -> Route {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Route::NotFound;
    };
    match options.history {
        History::Memory => options.start.clone(),
        History::Page => {
            let path = location.pathname().unwrap_or_default();
            let query = location.search().unwrap_or_default();
            parse_route(&path, &query, &options.base)
        }
        History::Hash => {
            let hash = location.hash().unwrap_or_default();
            parse_fragment(&hash).unwrap_or_else(|| options.start.clone())
        }
    }
}

/// The router from context. The app provides it before any view that links or navigates; a
/// view rendered without it is a bug of the caller, told as one.
pub fn use_router() -> Router {
    expect_context::<Router>()
}
