use leptos::prelude::*;
use recap_core::route::Route;
use recap_core::search::{by_year, highlight};
use recap_core::url::safe_url;
use recap_core::Item;

use crate::router::AppLink;

/// Text with the search matches marked.
#[component]
pub fn Highlighted(#[prop(into)] text: String, #[prop(into)] query: String) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark class="recap-mark">{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// Events grouped by year, newest first, with the search matches marked.
#[component]
pub fn EventList(items: Vec<Item>, #[prop(optional, into)] query: String) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="recap-empty">"This feed has no events yet."</p> }.into_any();
    }
    by_year(&items)
        .into_iter()
        .map(|(year, group)| {
            let heading = year.map_or_else(|| "Undated".to_owned(), |y| y.to_string());
            let cards = group
                .into_iter()
                .map(|item| view! { <EventCard item=item.clone() query=query.clone() /> })
                .collect_view();
            let label = format!("Events in {heading}");
            view! {
                <section class="recap-year" aria-label=label>
                    <h2 class="recap-year__title">{heading}</h2>
                    <ul class="recap-events">{cards}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// One event: picture, title, date, place, talks, organisations, recording badge.
#[component]
pub fn EventCard(item: Item, #[prop(optional, into)] query: String) -> impl IntoView {
    let title = item.display_title().to_owned();
    let to = Route::Event {
        id: item.id.clone(),
        t: None,
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
    let orgs = item.orgs().join(", ");
    let orgs = (!orgs.is_empty()).then(|| {
        view! {
            <p class="recap-event-card__orgs">
                <Highlighted text=orgs query=query.clone() />
            </p>
        }
    });
    let badge = item
        .recording()
        .map(|_| view! { <span class="recap-badge">"Recording"</span> });
    // Talks that match the search, so that a visitor sees why the event is listed.
    let terms = query.trim().to_lowercase();
    let matching_talks = (!terms.is_empty())
        .then(|| {
            item.talks()
                .iter()
                .filter_map(|t| t.title.clone())
                .filter(|t| {
                    let lower = t.to_lowercase();
                    terms.split_whitespace().any(|term| lower.contains(term))
                })
                .map(|t| view! { <li><Highlighted text=t query=query.clone() /></li> })
                .collect::<Vec<_>>()
        })
        .filter(|talks| !talks.is_empty())
        .map(|talks| view! { <ul class="recap-event-card__matches" aria-label="Matching talks">{talks}</ul> });
    view! {
        <li class="recap-event-card">
            <article class="recap-event-card__body">
                <CardImage src=item.image.clone() title=title.clone() />
                <h3 class="recap-event-card__title">
                    <AppLink to class="recap-event-card__link">
                        <Highlighted text=title query=query.clone() />
                    </AppLink>
                </h3>
                <p class="recap-event-card__meta">{date} {location}</p>
                <p class="recap-event-card__facts">
                    <span class="recap-event-card__talks">{item.talk_count_text()}</span>
                    {badge}
                </p>
                {orgs}
                {matching_talks}
            </article>
        </li>
    }
}

/// The event's picture, lazily loaded; a drawn placeholder when there is none or it fails.
#[component]
fn CardImage(src: Option<String>, title: String) -> impl IntoView {
    let failed = RwSignal::new(false);
    let src = src.as_deref().and_then(safe_url);
    move || {
        match (&src, failed.get()) {
        (Some(src), false) => view! {
            <img
                class="recap-event-card__image"
                src=src.clone()
                alt=format!("Photo from {title}")
                loading="lazy"
                decoding="async"
                width="1200"
                height="675"
                on:error=move |_| failed.set(true)
            />
        }
        .into_any(),
        _ => view! { <div class="recap-event-card__image recap-event-card__image--placeholder" aria-hidden="true"></div> }
            .into_any(),
    }
    }
}
