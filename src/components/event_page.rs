use leptos::prelude::*;
use recap_core::markup::views;
use recap_core::route::Route;
use recap_core::Item;

use recap_core::player::PlayerHosts;

use super::{FeedContext, NotFound, Rendered};
use crate::player::PlayerRef;
use crate::render::{event_body, Dom};
use crate::router::use_router;

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
    // The way back to the list (not in an embed of one event) and the header.
    // One copy of the event, shared by the page's parts.
    let item = std::rc::Rc::new(item);
    let head_item = item.clone();
    let list = (!router.single()).then(|| router.href(&Route::List(Default::default())));
    let head = Box::new(move |dom: &Dom| {
        crate::render::build(dom, &views::event_head(&head_item, list.clone()))
    });
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
            <Rendered render=head />
            <Rendered render=video player=player.clone() />
            <Rendered render player />
        </article>
    }
    .into_any()
}
