use leptos::prelude::*;
use recap_core::LoadError;

/// Why the feed could not be shown, and a way to try again.
#[component]
pub fn FeedErrorView(
    error: LoadError,
    /// The feed that was asked for.
    url: String,
    on_retry: Callback<()>,
) -> impl IntoView {
    let hint = if error.is_retryable() {
        "This is often temporary."
    } else {
        "Trying again will only help once the feed is fixed."
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
