use leptos::prelude::*;
use leptos::task::spawn_local;
use recap_core::markup::pages::count_text;
use recap_core::markup::views;
use recap_core::route::{ListQuery, Route};
use recap_core::search::{matches, tags, years};
use recap_core::LoadError;

use super::{FeedContext, FeedProblems, Rendered};
use crate::api::{fetch_feed, Fetcher};
use crate::render::{event_list, Dom, Href};
use crate::router::use_router;
use std::rc::Rc;

/// The event list: search, filters, events by year, older pages on demand.
#[component]
pub fn ListPage() -> impl IntoView {
    let router = use_router();
    let context = expect_context::<FeedContext>();
    let query = Memo::new(move |_| match router.route() {
        Route::List(query) => query,
        _ => ListQuery::default(),
    });
    let title = context.feed.with_untracked(|f| f.title.clone());
    router.set_title(if title.is_empty() { "Events" } else { &title });
    let header = Box::new(move |dom: &Dom| {
        context
            .feed
            .with_untracked(|f| crate::render::build(dom, &views::list_header(f)))
    });

    let set_query = move |change: &dyn Fn(&mut ListQuery)| {
        let mut next = query.get_untracked();
        change(&mut next);
        router.replace(Route::List(next));
    };
    let all_years = move || context.feed.with(|f| years(&f.items));
    let all_tags = move || context.feed.with(|f| tags(&f.items));
    // The feed (shared, not copied) and the positions of the events that match.
    let visible = move || {
        let query = query.get();
        let feed = context.feed.get();
        let shown: Vec<usize> = feed
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches(item, &query))
            .map(|(n, _)| n)
            .collect();
        (feed, shown)
    };
    // The count runs the search again rather than share it through a memo: a memo of the
    // positions costs 2.3 KB of wasm (brotli), a second search about 1 ms per 1,000 events.
    let count_text = move || {
        let query = query.get();
        let shown = context
            .feed
            .with(|f| f.items.iter().filter(|item| matches(item, &query)).count());
        let total = context.feed.with(|f| f.items.len());
        count_text(shown, total, query.is_filtered())
    };

    view! {
        <Rendered render=header />
        <FeedProblems />
        // As pre-rendered (recap_core::markup::pages), so that what is typed there carries over.
        <div class="recap-filters" role="search" aria-label="Search and filter events">
            <div class="recap-field recap-field--grow">
                <label for="recap-search">"Search talks, speakers, organisations"</label>
                <input
                    id="recap-search"
                    class="recap-input"
                    type="search"
                    autocomplete="off"
                    placeholder="e.g. eBPF, GitOps, a speaker"
                    prop:value=move || query.get().q
                    on:input:target=move |ev| {
                        let value = ev.target().value();
                        set_query(&|q| q.q = value.clone());
                    }
                />
            </div>
            <div class="recap-field">
                <label for="recap-year">"Year"</label>
                <select
                    id="recap-year"
                    class="recap-input"
                    prop:value=move || query.get().year.map(|y| y.to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let year = ev.target().value().parse().ok();
                        set_query(&|q| q.year = year);
                    }
                >
                    <option value="">"All years"</option>
                    {move || all_years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </div>
            <div class="recap-field">
                <label for="recap-tag">"Tag"</label>
                <select
                    id="recap-tag"
                    class="recap-input"
                    prop:value=move || query.get().tag.unwrap_or_default()
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        let tag = (!value.is_empty()).then_some(value);
                        set_query(&|q| q.tag = tag.clone());
                    }
                >
                    <option value="">"All tags"</option>
                    {move || all_tags().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <p class="recap-count" role="status" aria-live="polite">{count_text}</p>
        {move || {
            let (feed, shown) = visible();
            if shown.is_empty() && query.with(ListQuery::is_filtered) {
                let clear = move |_| router.replace(Route::List(ListQuery::default()));
                view! {
                    <div class="recap-empty">
                        <p>"No event matches. Try fewer or other words, or another year or tag."</p>
                        <button class="recap-button" type="button" on:click=clear>
                            "Clear search and filters"
                        </button>
                    </div>
                }
                    .into_any()
            } else {
                let q = query.get().q;
                view! {
                    <Rendered render=Box::new(move |dom| {
                        let href: Href = Rc::new(move |route| router.href(route));
                        event_list(dom, feed.clone(), shown.clone(), q.clone(), href)
                    }) />
                }
                .into_any()
            }
        }}
        <LoadOlder />
    }
}

/// "Load older events": the feed's next page (JSON Feed `next_url`), added below.
#[component]
fn LoadOlder() -> impl IntoView {
    let context = expect_context::<FeedContext>();
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<LoadError>);
    let fetcher = use_context::<Fetcher>().unwrap_or_default();
    let next_url = Memo::new(move |_| context.feed.with(|f| f.next_url.clone()));
    let load = move |_| {
        // Already absolute: resolved against the page that named it when it was fetched.
        let Some(url) = next_url.get_untracked() else {
            return;
        };
        loading.set(true);
        error.set(None);
        spawn_local(async move {
            match fetch_feed(url, fetcher, false).await {
                Ok(page) => context.add_page(page),
                Err(err) => error.set(Some(err)),
            }
            loading.set(false);
        });
    };
    move || {
        next_url.get().map(|_| {
            view! {
                <div class="recap-more">
                    {move || error.get().map(|e| view! { <p class="recap-more__error" role="alert">{e.to_string()}</p> })}
                    <button class="recap-button" type="button" on:click=load disabled=move || loading.get()>
                        {move || if loading.get() { "Loading older events…" } else { "Load older events" }}
                    </button>
                </div>
            }
        })
    }
}
