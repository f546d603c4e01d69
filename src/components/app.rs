use std::rc::Rc;

use leptos::prelude::*;
use recap_core::{source::FeedSource, ParsedFeed, Severity};

use super::{EventList, FeedErrorView};
use crate::api::fetch_feed;

/// The whole app: loads the feed, then shows its events or what went wrong.
#[component]
pub fn App(source: FeedSource) -> impl IntoView {
    let FeedSource { url, notice } = source;
    let request_url = url.clone();
    let feed = LocalResource::new(move || fetch_feed(request_url.clone()));
    let retry = Callback::new(move |()| feed.refetch());

    view! {
        <div class="recap">
            {notice.map(|text| view! { <p class="recap-notice" role="status">{text}</p> })}
            <Suspense fallback=Skeleton>
                {move || {
                    let url = url.clone();
                    Suspend::new(async move {
                        match feed.await {
                            Ok(parsed) => view! { <FeedView parsed /> }.into_any(),
                            Err(error) => {
                                view! { <FeedErrorView error url on_retry=retry /> }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// A loaded feed: its name, what could not be read, its events.
#[component]
fn FeedView(parsed: Rc<ParsedFeed>) -> impl IntoView {
    let feed = &parsed.feed;
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if !feed.title.is_empty() {
            document.set_title(&feed.title);
        }
    }
    let problems = (!parsed.problems.is_empty()).then(|| {
        let skipped = parsed.skipped_items();
        let summary = match skipped {
            0 => "This feed has small problems; every event is shown.".to_owned(),
            1 => "1 event in this feed could not be read and is not shown.".to_owned(),
            n => format!("{n} events in this feed could not be read and are not shown."),
        };
        let lines = parsed
            .problems
            .iter()
            .map(|problem| {
                let class = match problem.severity {
                    Severity::Error => "recap-problems__error",
                    Severity::Warning => "recap-problems__warning",
                };
                view! { <li class=class><code>{problem.to_string()}</code></li> }
            })
            .collect_view();
        view! {
            <details class="recap-problems">
                <summary>{summary}</summary>
                <ul>{lines}</ul>
            </details>
        }
    });
    view! {
        <header class="recap-header">
            <h1 class="recap-header__title">{feed.title.clone()}</h1>
            {feed.description.clone().map(|d| view! { <p class="recap-header__description">{d}</p> })}
        </header>
        {problems}
        <EventList items=feed.items.clone() />
    }
}

/// Placeholder cards while the feed loads.
#[component]
fn Skeleton() -> impl IntoView {
    view! {
        <div class="recap-skeleton" aria-busy="true">
            <p class="recap-visually-hidden" role="status">"Loading events…"</p>
            <div class="recap-skeleton__title"></div>
            <ul class="recap-events" aria-hidden="true">
                {(0..6)
                    .map(|_| view! { <li class="recap-event-card recap-event-card--placeholder"></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
