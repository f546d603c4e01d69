use leptos::prelude::*;
use recap_core::i18n::Text;
use recap_core::load::retry_notice;
use recap_core::LoadError;

use super::Rendered;
use crate::render::{build, Dom};
use crate::texts::use_texts;
use recap_core::markup::views;

/// Why the feed could not be shown, and a way to try again; `retry_in`, when the app tries
/// again by itself.
#[component]
pub fn FeedErrorView(
    error: LoadError,
    /// The feed that was asked for.
    url: String,
    on_retry: Callback<()>,
    /// In how many milliseconds the app tries again by itself, if it does.
    #[prop(default = None)]
    retry_in: Option<u32>,
) -> impl IntoView {
    let t = use_texts();
    let hint = match retry_in {
        Some(ms) => retry_notice(ms, &t),
        None if error.is_retryable() => t.get(Text::OftenTemporary).to_owned(),
        None => t.get(Text::OnlyOnceFixed).to_owned(),
    };
    let tree = views::feed_error(&error.text(&t), &url, &hint, &t);
    let on_action = Callback::new(move |_| on_retry.run(()));
    view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &tree)) on_action /> }
}
