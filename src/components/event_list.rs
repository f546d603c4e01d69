use leptos::prelude::*;
use recap_core::Item;

use super::Rendered;
use crate::render::event_list;
use crate::router::use_router;

/// Events grouped by year, newest first, with the search matches marked.
#[component]
pub fn EventList(items: Vec<Item>, #[prop(optional, into)] query: String) -> impl IntoView {
    let router = use_router();
    view! {
        <Rendered render=Box::new(move |dom| event_list(dom, &items, &query, &|route| router.href(route))) />
    }
}
