use leptos::prelude::*;
use recap_core::markup::views;
use recap_core::people::link_slug;
use recap_core::player::PlayerHosts;
use recap_core::route::Route;
use recap_core::state::Lookup;
use recap_core::Item;

use super::{FeedContext, FeedErrorView, NotFound, Rendered};
use crate::player::PlayerRef;
use crate::post::open_full_recap;
use crate::render::{event_body, Dom};
use crate::router::use_router;
use crate::task::Task;
use crate::texts::use_texts;
use recap_core::i18n::Text;
use recap_core::markup::views::Neighbour;
use std::sync::Arc;

/// One event, from the pages loaded; else, in a paginated feed, from the page its search index
/// names, fetched for it ([`FeedContext::fetch_page_of`]) by the page's own task.
#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let context = expect_context::<FeedContext>();
    let wanted = id.clone();
    let found = Memo::new(move |_| context.holds(&wanted));
    // Not in the pages loaded: the index is asked which page holds it.
    let lookup = RwSignal::new(Lookup::default());
    let task = Task::new();
    let look = {
        let id = id.clone();
        move || {
            lookup.set(Lookup::Looking);
            let id = id.clone();
            task.run(async move {
                let fetched = context.fetch_page_of(&id).await;
                lookup.set(Lookup::after(fetched));
            });
        }
    };
    if !found.get_untracked() {
        look();
    }
    let retry = Callback::new(move |()| look());
    move || match (
        found.get().then(|| context.find(&id)).flatten(),
        lookup.get(),
    ) {
        (Some((item, newer, older)), _) => view! { <Event item newer older /> }.into_any(),
        (None, Lookup::Failed(error)) => {
            view! { <FeedErrorView error url=String::new() on_retry=retry /> }.into_any()
        }
        (None, Lookup::Missing) => view! { <NotFound /> }.into_any(),
        (None, Lookup::Looking) => {
            let text = use_texts().get(Text::LoadingEvent).to_owned();
            view! { <p class="recap-boot" role="status">{text}</p> }.into_any()
        }
    }
}

/// An event: its video, its talks with their moments, sponsors, next meetup, photos, the post.
#[component]
fn Event(item: Item, newer: Neighbour, older: Neighbour) -> impl IntoView {
    let router = use_router();
    let texts = use_texts();
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
    let hosts = expect_context::<PlayerHosts>();
    // The way back to the list (not in an embed of one event) and the header.
    // One copy of the event, shared by the page's parts.
    let item = std::rc::Rc::new(item);
    let head_item = item.clone();
    let list = (!router.single()).then(|| router.href(&Route::List(Default::default())));
    let head = {
        let texts = texts.clone();
        Box::new(move |dom: &Dom| {
            crate::render::build(dom, &views::event_head(&head_item, list.clone(), &texts))
        })
    };
    let video_item = item.clone();
    let video = {
        let player = player.clone();
        let texts = texts.clone();
        Box::new(move |dom: &Dom| player.video_area(dom, &video_item, t, &hosts, &texts))
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
                // Each speaker's name links to their page, unless the app shows this event alone.
                (!router.single())
                    .then_some(&|name: &str| Some(router.href(&Route::Speaker(link_slug(name))))),
                &texts,
            );
            // The talks are the player's to mark while they play.
            player.set_talks(talks);
            body
        })
    };
    // "Read the full recap": the post is written in when it is first opened, by the page's task.
    let post: Option<Arc<str>> = item.content_html.as_deref().map(Arc::from);
    let writing = Task::new();
    let post_texts = use_texts();
    let open_full = Callback::new(move |summary: web_sys::Element| {
        if let Some(post) = &post {
            open_full_recap(&summary, post.clone(), writing, post_texts.clone());
        }
    });
    view! {
        <article class="recap-event">
            <Rendered render=head />
            <Rendered render=video player=player.clone() />
            <Rendered render player on_action=open_full />
        </article>
    }
    .into_any()
}
