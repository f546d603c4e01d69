use leptos::prelude::*;
use recap_core::route::Route;
use recap_core::Item;

use recap_core::player::PlayerHosts;

use super::{FeedContext, NotFound, Rendered};
use crate::player::PlayerRef;
use crate::render::{event_body, Dom};
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
    let router = use_router();
    router.set_title(item.display_title());
    // An embed of one event shows it alone: no way back to a list, no newer and older events.
    let (newer, older) = if router.single() {
        (None, None)
    } else {
        (newer, older)
    };
    let t = match router.route_untracked() {
        Route::Event { t, .. } => t,
        _ => None,
    };
    // The page owns its player: dropped with the page, its listeners and timer go with it.
    let player = PlayerRef::owned_by_page();
    let hosts = use_context::<PlayerHosts>().unwrap_or_default();
    let date = item.date_published.as_ref().map(|d| {
        view! { <time datetime=d.as_str().to_owned()>{d.date_in_words()}</time> }
    });
    let location = item
        .location()
        .map(|l| view! { <span>{l.to_owned()}</span> });
    let title = item.display_title().to_owned();
    let summary = item.summary.clone();
    let video_item = item.clone();
    let video = {
        let player = player.clone();
        Box::new(move |dom: &Dom| player.video_area(dom, &video_item, t, &hosts))
    };
    let rendered = item.clone();
    let render = {
        let player = player.clone();
        Box::new(move |dom: &Dom| {
            let (body, talks) = event_body(
                dom,
                &rendered,
                (newer.clone(), older.clone()),
                &|route| router.href(route),
                router.shareable(),
            );
            // The talks are the player's to mark while they play.
            player.set_talks(talks);
            body
        })
    };
    view! {
        <article class="recap-event">
            <nav class="recap-crumbs" aria-label="Breadcrumb" hidden=router.single()>
                <AppLink to=Route::List(Default::default())>"← All events"</AppLink>
            </nav>
            <header class="recap-event__header">
                <h1 class="recap-page-title" tabindex="-1">{title}</h1>
                <p class="recap-event__meta">{date} {location}</p>
                {summary.map(|s| view! { <p class="recap-event__summary">{s}</p> })}
            </header>
            <Rendered render=video player=player.clone() />
            <Rendered render player />
        </article>
    }
    .into_any()
}
