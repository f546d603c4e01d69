use leptos::prelude::*;
use recap_core::i18n::Text;
use recap_core::load::retry_notice;
use recap_core::LoadError;

use crate::texts::use_texts;

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
    view! {
        <section class="recap-error" role="alert">
            <h1 class="recap-error__title">{t.get(Text::LoadFailed).to_owned()}</h1>
            <p class="recap-error__message">{error.text(&t)}</p>
            <p class="recap-error__detail">
                {t.get(Text::FeedIs).to_owned()} " " <code>{url}</code> ". " {hint}
            </p>
            <button class="recap-button" type="button" on:click=move |_| on_retry.run(())>
                {t.get(Text::TryAgain).to_owned()}
            </button>
        </section>
    }
}
