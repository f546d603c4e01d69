use leptos::prelude::*;
use recap_core::markup::views;
use recap_core::route::Route;

use super::Rendered;
use crate::render::{build, Dom};
use crate::router::use_router;
use crate::texts::use_texts;
use recap_core::i18n::Text;

/// An address that names no page or no event.
#[component]
pub fn NotFound() -> impl IntoView {
    let router = use_router();
    let texts = use_texts();
    router.set_title(texts.get(Text::NotFoundPage));
    let list = router.href(&Route::List(Default::default()));
    view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &views::not_found(list.clone(), &texts))) /> }
}
