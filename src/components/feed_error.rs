use leptos::prelude::*;
use recap_core::load::retry_notice;
use recap_core::LoadError;

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
    let hint = match retry_in {
        Some(ms) => retry_notice(ms),
        None if error.is_retryable() => "This is often temporary.".to_owned(),
        None => "Trying again will only help once the feed is fixed.".to_owned(),
    };
    view! {
        <section class="recap-error" role="alert">
            <h1 class="recap-error__title">"The events could not be loaded"</h1>
            <p class="recap-error__message">{error.to_string()}</p>
            <p class="recap-error__detail">
                "Feed: " <code>{url}</code> ". " {hint}
            </p>
            <button class="recap-button" type="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </section>
    }
}
