use leptos::prelude::*;
use recap_core::{url::safe_url, Item};

/// The events, newest first, as cards.
#[component]
pub fn EventList(items: Vec<Item>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="recap-empty">"This feed has no events yet."</p> }.into_any();
    }
    view! {
        <ul class="recap-events">
            {items.into_iter().map(|item| view! { <EventCard item /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One event: title, date, location, number of talks.
#[component]
fn EventCard(item: Item) -> impl IntoView {
    let title = item.display_title().to_owned();
    let heading = match item.url.as_deref().and_then(safe_url) {
        Some(href) => view! { <a class="recap-event-card__link" href=href>{title}</a> }.into_any(),
        None => title.into_any(),
    };
    let date = item.date_published.as_ref().map(|date| {
        view! {
            <time class="recap-event-card__date" datetime=date.as_str().to_owned()>
                {date.date_in_words()}
            </time>
        }
    });
    let location = item
        .location()
        .map(|place| view! { <span class="recap-event-card__location">{place.to_owned()}</span> });
    view! {
        <li class="recap-event-card">
            <article>
                <h2 class="recap-event-card__title">{heading}</h2>
                <p class="recap-event-card__meta">
                    {date}
                    {location}
                    <span class="recap-event-card__talks">{item.talk_count_text()}</span>
                </p>
            </article>
        </li>
    }
}
