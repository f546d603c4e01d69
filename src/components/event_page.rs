use leptos::prelude::*;
use recap_core::route::Route;
use recap_core::time::format_clock;
use recap_core::url::safe_url;
use recap_core::Item;

use super::{set_title, FeedContext, NotFound, Rendered};
use crate::render::event_body;
use crate::router::{use_router, AppLink};

/// One event: its video, its talks with their moments, sponsors, next meetup, photos, the post.
#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let context = expect_context::<FeedContext>();
    let found = context.feed.with_untracked(|feed| {
        feed.find(&id).map(|(item, newer, older)| {
            let neighbour =
                |i: Option<&Item>| i.map(|i| (i.id.clone(), i.display_title().to_owned()));
            (item.clone(), neighbour(newer), neighbour(older))
        })
    });
    let Some((item, newer, older)) = found else {
        return view! { <NotFound /> }.into_any();
    };
    set_title(item.display_title());
    let router = use_router();
    let t = Memo::new(move |_| match router.route() {
        Route::Event { t, .. } => t,
        _ => None,
    });
    let date = item.date_published.as_ref().map(|d| {
        view! { <time datetime=d.as_str().to_owned()>{d.date_in_words()}</time> }
    });
    let location = item
        .location()
        .map(|l| view! { <span>{l.to_owned()}</span> });
    let title = item.display_title().to_owned();
    let summary = item.summary.clone();
    let rendered = item.clone();
    let render = Box::new(move |dom: &crate::render::Dom| {
        event_body(dom, &rendered, (newer.clone(), older.clone()), &|route| {
            router.href(route)
        })
    });
    view! {
        <article class="recap-event">
            <nav class="recap-crumbs" aria-label="Breadcrumb">
                <AppLink to=Route::List(Default::default())>"← All events"</AppLink>
            </nav>
            <header class="recap-event__header">
                <h1 class="recap-page-title" tabindex="-1">{title}</h1>
                <p class="recap-event__meta">{date} {location}</p>
                {summary.map(|s| view! { <p class="recap-event__summary">{s}</p> })}
            </header>
            <VideoArea item t />
            <Rendered render />
        </article>
    }
    .into_any()
}

/// The recording: its poster and a link to it, at the chosen moment.
#[component]
fn VideoArea(item: Item, t: Memo<Option<u32>>) -> impl IntoView {
    let poster = item.image.as_deref().and_then(safe_url);
    let recording = item.recording();
    let title = item.display_title().to_owned();
    view! {
        <section class="recap-video" aria-label="Recording">
            {match poster {
                Some(src) => view! { <img class="recap-video__poster" src=src alt=format!("Photo from {title}") /> }.into_any(),
                None => view! { <div class="recap-video__poster recap-video__poster--placeholder"></div> }.into_any(),
            }}
            <div class="recap-video__actions">
                {match recording {
                    Some(video) => {
                        let href = move || match t.get() {
                            Some(t) => video.url_at(t),
                            None => video.url_at(0),
                        };
                        let label = move || match t.get() {
                            Some(t) => format!("Watch the recording from {}", format_clock(t)),
                            None => "Watch the recording".to_owned(),
                        };
                        view! { <a class="recap-button" href=href rel="noopener">{label}</a> }.into_any()
                    }
                    None => view! { <p class="recap-video__none">"No recording of this event."</p> }.into_any(),
                }}
            </div>
        </section>
    }
}
