use leptos::prelude::*;
use recap_core::markup::views;
use recap_core::route::Route;
use recap_core::Item;

use recap_core::player::PlayerHosts;

use super::app::IndexState;
use super::{FeedContext, FeedErrorView, NotFound, Rendered};
use crate::player::PlayerRef;
use crate::render::{event_body, Dom};
use crate::router::use_router;
use leptos::task::spawn_local;
use recap_core::markup::views::Neighbour;
use recap_core::LoadError;

/// One event, from the pages loaded; else, in a paginated feed, from the page its search index
/// names, fetched for it.
#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let context = expect_context::<FeedContext>();
    let wanted = id.clone();
    let wanted_page = id.clone();
    let found = Memo::new(move |_| context.holds(&wanted));
    // Not in the pages loaded: the index is asked which page holds it.
    let missing = RwSignal::new(false);
    let failed = RwSignal::new(None::<LoadError>);
    let asked = RwSignal::new(false);
    Effect::new(move |_| {
        if found.get() || asked.get() {
            return;
        }
        match context.index.get() {
            IndexState::Absent | IndexState::Failed => missing.set(true),
            IndexState::Idle => context.open_index(),
            IndexState::Loading => {}
            IndexState::Ready(..) => {
                asked.set(true);
                let id = wanted_page.clone();
                spawn_local(async move {
                    match context.fetch_page_of(&id).await {
                        Ok(true) => {}
                        Ok(false) => missing.set(true),
                        Err(err) => failed.set(Some(err)),
                    }
                });
            }
        }
    });
    let retry = Callback::new(move |()| {
        failed.set(None);
        asked.set(false);
    });
    move || match (
        found.get().then(|| context.find(&id)).flatten(),
        failed.get(),
    ) {
        (Some((item, newer, older)), _) => view! { <Event item newer older /> }.into_any(),
        (None, Some(error)) => {
            view! { <FeedErrorView error url=String::new() on_retry=retry /> }.into_any()
        }
        (None, None) if missing.get() => view! { <NotFound /> }.into_any(),
        (None, None) => view! {
            <p class="recap-boot" role="status">"Loading the event…"</p>
        }
        .into_any(),
    }
}

/// An event: its video, its talks with their moments, sponsors, next meetup, photos, the post.
#[component]
fn Event(item: Item, newer: Neighbour, older: Neighbour) -> impl IntoView {
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
