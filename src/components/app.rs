use std::sync::Arc;

use leptos::prelude::*;
use recap_core::{source::FeedSource, LoadError, ParsedFeed, Severity};

use super::{EventList, FeedErrorView};
use crate::api::fetch_feed;

/// The whole app: loads the feed, then shows its events or what went wrong.
#[component]
pub fn App(source: FeedSource) -> impl IntoView {
    let FeedSource { url, notice } = source;
    // None while loading. A signal and a task: lighter in the wasm than a resource and Suspense.
    let state = RwSignal::new(None::<Result<Arc<ParsedFeed>, LoadError>>);
    let request_url = url.clone();
    let load = move || {
        state.set(None);
        let url = request_url.clone();
        // Scoped: the request registers its abort with this component.
        leptos::task::spawn_local_scoped(async move { state.set(Some(fetch_feed(url).await)) });
    };
    load();
    let retry = Callback::new(move |()| load());

    view! {
        <div class="recap">
            {notice.map(|text| view! { <p class="recap-notice" role="status">{text}</p> })}
            {move || match state.get() {
                None => view! { <Skeleton /> }.into_any(),
                Some(Ok(parsed)) => view! { <FeedView parsed /> }.into_any(),
                Some(Err(error)) => {
                    view! { <FeedErrorView error url=url.clone() on_retry=retry /> }.into_any()
                }
            }}
        </div>
    }
}

/// A loaded feed: its name, what could not be read, its events.
#[component]
fn FeedView(parsed: Arc<ParsedFeed>) -> impl IntoView {
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
