use leptos::prelude::*;
use recap_core::{Feed, Item};
use std::rc::Rc;
use std::sync::Arc;

use super::Rendered;
use crate::render::{event_list, Href};
use crate::router::use_router;

/// Events grouped by year, newest first, with the search matches marked.
#[component]
pub fn EventList(items: Vec<Item>, #[prop(optional, into)] query: String) -> impl IntoView {
    let router = use_router();
    let shown: Vec<usize> = (0..items.len()).collect();
    let feed = Arc::new(Feed {
        version: String::new(),
        title: String::new(),
        home_page_url: None,
        feed_url: None,
        description: None,
        next_url: None,
        items,
        recap: None,
    });
    view! {
        <Rendered render=Box::new(move |dom| {
            let href: Href = Rc::new(move |route| router.href(route));
            event_list(dom, feed.clone(), shown.clone(), query.clone(), href)
        }) />
    }
}
