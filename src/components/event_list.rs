use leptos::prelude::*;
use recap_core::markup::pages::FIRST_CARDS;
use recap_core::markup::views;
use recap_core::route::Route;
use recap_core::Item;
use std::rc::Rc;

use super::Rendered;
use crate::list::{Card, CardWindow};
use crate::router::use_router;
use crate::texts::use_texts;

/// Events grouped by year, newest first, with the search matches marked; built as they are
/// scrolled to.
#[component]
pub fn EventList(items: Vec<Item>, #[prop(optional, into)] query: String) -> impl IntoView {
    let router = use_router();
    let texts = use_texts();
    let items = Rc::new(items);
    // The list lives as long as the view.
    let list = StoredValue::new_local(None::<CardWindow>);
    view! {
        <Rendered render=Box::new(move |dom| {
            let count = items.len();
            let items = Rc::clone(&items);
            let query = query.clone();
            let t = texts.clone();
            let card: Card = Rc::new(move |n, fetch| {
                let item = items.get(n)?;
                let year = item.date_published.as_ref().map(|d| d.year());
                let href = |route: &Route| router.href(route);
                Some((year, views::event_card(item, &query, &href, fetch, &t)))
            });
            let empty = Some(views::no_events(&texts));
            let built = CardWindow::new(dom, count, FIRST_CARDS, card, None, empty, texts.clone());
            let element = built.element();
            list.set_value(Some(built));
            element
        }) />
    }
}
