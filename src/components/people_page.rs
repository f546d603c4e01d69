use leptos::prelude::*;
use recap_core::i18n::Text;
use recap_core::markup::views;

use super::{FeedContext, Rendered};
use crate::people::People;
use crate::ready::Part;
use crate::render::{build, Dom};
use crate::router::use_router;
use crate::task::Task;
use crate::texts::use_texts;

/// A speakers' or organisations' page, shown by the people module ([`People`]) in one static
/// part, written again when the route changes: the module also says when there is no such page
/// or the people cannot be read. The app is not ready until the page is shown (or
/// could not be), so that a pre-rendered people page is taken over by the same page, not by a
/// loading notice.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let people = expect_context::<People>();
    let context = expect_context::<FeedContext>();
    let router = use_router();
    let texts = use_texts();
    let site = context.with_feed_untracked(|feed| feed.title.clone());
    let written = Part::counted();
    written.done_on_cleanup();
    let task = Task::new();
    let render = Box::new(move |dom: &Dom| {
        let route = router.route();
        let holder = dom.el("div", "recap-people-page");
        let loading = build(dom, &views::skeleton(Some(texts.get(Text::LoadingPeople))));
        let _ = holder.append_child(&loading);
        let (people, texts, site, host) =
            (people.clone(), texts.clone(), site.clone(), holder.clone());
        task.run(async move {
            let source = people.source().to_owned();
            match people
                .show(host.clone(), route, site, router.addresses(), &texts)
                .await
            {
                Ok(title) => router.set_title(&title),
                Err(why) => {
                    let hint = texts.get(Text::OftenTemporary);
                    if let Some(dom) = Dom::new() {
                        let error = views::feed_error(&why, &source, hint, &texts);
                        host.replace_children_with_node_1(&build(&dom, &error));
                    }
                }
            }
            router.written();
            written.done();
        });
        holder
    });
    // Trying again writes the page again.
    let retry = Callback::new(move |_| router.replace(router.route_untracked()));
    view! { <Rendered render on_action=retry /> }
}
