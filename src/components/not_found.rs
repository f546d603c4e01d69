use leptos::prelude::*;
use recap_core::route::Route;

use crate::router::{use_router, AppLink};

/// An address that names no page or no event.
#[component]
pub fn NotFound() -> impl IntoView {
    use_router().set_title("Not found");
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
