use leptos::prelude::*;
use recap_core::route::Route;

use super::set_title;
use crate::router::AppLink;

/// An address that names no page or no event.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Not found");
    view! {
        <section class="recap-not-found">
            <h1 class="recap-page-title" tabindex="-1">"This event isn’t here"</h1>
            <p>"The link may be old, or the event may have moved. Every event is in the list."</p>
            <AppLink to=Route::List(Default::default()) class="recap-button">
                "See all events"
            </AppLink>
        </section>
    }
}
