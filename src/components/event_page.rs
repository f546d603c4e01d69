use std::rc::Rc;

use leptos::prelude::*;
use recap_core::crossing::ItemWire;
use recap_core::i18n::{Catalogue, Text};
use recap_core::markup::views::{self, Neighbour};
use recap_core::player::PlayerHosts;
use recap_core::route::Route;
use recap_core::state::Lookup;
use recap_core::Item;
use recap_event::host::{EventModule, Written};

use super::{FeedContext, FeedErrorView, NotFound, Rendered};
use crate::modules::{describe, load_module, loaded, loader};
use crate::page_ref::PageRef;
use crate::ready::Part;
use crate::render::{build, set, Dom};
use crate::router::{use_router, Router};
use crate::task::Task;
use crate::texts::use_texts;

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
            super::app::status("recap-boot", use_texts().get(Text::LoadingEvent)).into_any()
        }
    }
}

/// An event: its header, video, talks with their moments, sponsors, next meetup, photos and
/// post, written by the event module (`crates/event`) in one static part; the page keeps its
/// handle on what the module wrote ([`PageRef`]) and hands it the clicks. The app is not ready
/// until the page is written (or could not be), so that a pre-rendered event page is taken over
/// by the same page.
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
    // The page owns what the module wrote: dropped with the page, its player's listeners and
    // timer go with it.
    let handle = PageRef::owned_by_page();
    let hosts = expect_context::<PlayerHosts>();
    let written = Part::counted();
    written.done_on_cleanup();
    let writing = Task::new();
    // Trying again after the module could not be loaded writes the page again.
    let attempt = RwSignal::new(0u32);
    let page = Rc::new(Page {
        item,
        neighbours: [newer, older]
            .map(|n| n.map(|(id, title)| vec![id, title]).unwrap_or_default()),
        t,
    });
    let render = {
        let (handle, texts, page) = (handle.clone(), texts.clone(), page.clone());
        Box::new(move |dom: &Dom| {
            attempt.track();
            let host = dom.el("div", "recap-event__parts");
            let loading = dom.text_child(&host, "p", "recap-boot", texts.get(Text::LoadingEvent));
            set(&loading, "role", "status");
            let (handle, texts, page, hosts, into) = (
                handle.clone(),
                texts.clone(),
                page.clone(),
                hosts.clone(),
                host.clone(),
            );
            let module = load_module(recap_event::NAME);
            writing.run(async move {
                let shown = loaded::<EventModule>(module, "the event's page could not be loaded")
                    .await
                    .and_then(|module| page.write(&module, &into, router, &texts, &hosts));
                match shown {
                    Ok(written) => handle.attach(written),
                    Err(why) => {
                        if let Some(dom) = Dom::new() {
                            into.replace_children_with_node_1(&build(
                                &dom,
                                &views::page_failed(&why, &texts),
                            ));
                        }
                    }
                }
                router.written();
                written.done();
            });
            host
        })
    };
    // "Read the full recap": the module writes the post in when it is first opened; the
    // error's "Try again" writes the page again.
    let opening = StoredValue::new_local(handle.clone());
    let on_action = Callback::new(move |action: web_sys::Element| {
        if action.tag_name().eq_ignore_ascii_case("summary") {
            opening.with_value(|handle| handle.open_full(&action));
        } else {
            attempt.update(|n| *n += 1);
        }
    });
    view! {
        <article class="recap-event">
            <Rendered render page=handle on_action />
        </article>
    }
    .into_any()
}

/// What the event module is given to write an event's page.
struct Page {
    item: Item,
    /// The newer and the older event, each as `[id, title]`, or empty.
    neighbours: [Vec<String>; 2],
    /// The page's `?t=`.
    t: Option<u32>,
}

impl Page {
    /// Has `module` write the page into `host`, its links the router's, in `texts`.
    fn write(
        &self,
        module: &EventModule,
        host: &web_sys::Element,
        router: Router,
        texts: &Catalogue,
        hosts: &PlayerHosts,
    ) -> Result<Written, String> {
        let wire = ItemWire::new(&self.item);
        let [newer, older] = self.neighbours.clone();
        let (kind, base, param, directory) = router.addresses().into_parts();
        module
            .write(
                host,
                wire.strings,
                wire.numbers,
                newer,
                older,
                self.t,
                router.shareable(),
                router.single(),
                kind,
                base,
                param,
                directory,
                texts.lang().code(),
                texts.texts(),
                &hosts.youtube,
                &hosts.vimeo,
                &loader(None),
            )
            .map_err(|why| describe(&why, "the event's page could not be written"))
    }
}
