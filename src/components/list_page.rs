use leptos::prelude::*;
use recap_core::markup::pages::count_text;
use recap_core::markup::views;
use recap_core::route::{ListQuery, Route};
use recap_core::state::{At, Listing, Older, Search};
use std::rc::Rc;

use super::search_form::SearchForm;
use super::{FeedContext, FeedProblems, Rendered};
use crate::api::fetch_feed;
use crate::list::{AtEnd, Card, CardWindow};
use crate::render::{build, Dom};
use crate::router::use_router;
use crate::task::Task;
use crate::texts::use_texts;
use recap_core::i18n::Text;

/// The event list: search, filters, events by year, older pages on demand.
#[component]
pub fn ListPage() -> impl IntoView {
    let router = use_router();
    let context = expect_context::<FeedContext>();
    let query = Memo::new(move |_| match router.route() {
        Route::List(query) => query,
        _ => ListQuery::default(),
    });
    let texts = use_texts();
    let title = context.with_feed_untracked(|f| f.title.clone());
    router.set_title(if title.is_empty() {
        texts.get(Text::EventsTitle)
    } else {
        &title
    });
    let header = {
        let texts = texts.clone();
        Box::new(move |dom: &Dom| {
            context
                .with_feed_untracked(|f| crate::render::build(dom, &views::list_header(f, &texts)))
        })
    };

    // The index is loaded on the first search, or at once for an address with one.
    if query.with_untracked(ListQuery::is_filtered) {
        context.open_index();
    }
    let older = OlderPages::new(context);

    // Which events the list shows (recap_core::state::Listing): built again for another search
    // or when the index answers it; older pages only add cards below.
    let listing = Memo::new(move |before: Option<&Listing>| {
        query.with(|query| {
            // The index is read only for a search: its coming in leaves the whole list alone.
            let index = query.is_filtered().then(|| context.index()).flatten();
            let search = index.map(|index| move |q: &ListQuery| index.search(q));
            context.with_feed(|f| {
                Listing::follow(
                    before,
                    query,
                    &f.items,
                    search.as_ref().map(|s| s as Search),
                )
            })
        })
    });
    let built = Memo::new(move |_| listing.with(Listing::built));
    let shown_count = move || listing.with(Listing::len);
    // The list on the page, dropped with the page.
    let list = StoredValue::new_local(None::<CardWindow>);
    // The first list shows the first screen whole, as pre-rendered; a search's list, built on a
    // keystroke, shows its first chunk at once and the rest of the first screen in the frames
    // after, so that typing is not held up by cards below the fold.
    let first_built = std::cell::Cell::new(false);
    let render = {
        let texts = texts.clone();
        Box::new(move |dom: &Dom| {
            // Read, not only tracked: a memo is brought up to date when read.
            let _built = built.get();
            let first = if first_built.replace(true) {
                crate::list::CHUNK
            } else {
                recap_core::markup::pages::FIRST_CARDS
            };
            let (q, filtered, len) = listing.with_untracked(|l| {
                let filtered = query.with_untracked(ListQuery::is_filtered);
                (query.with_untracked(|q| q.q.clone()), filtered, l.len())
            });
            let index = context.index_untracked();
            let t = texts.clone();
            let card: Card = Rc::new(move |n, fetch| {
                let href = |route: &Route| router.href(route);
                match listing.with_untracked(|l| l.at(n))? {
                    At::Feed(at) => context.with_feed_untracked(|f| {
                        let item = f.items.get(at)?;
                        let year = item.date_published.as_ref().map(|d| d.year());
                        Some((year, views::event_card(item, &q, &href, fetch, &t)))
                    }),
                    // As loaded when its page is, else as the index has it.
                    At::Index(at) => {
                        let indexed = index.as_ref()?.item(at)?;
                        let year = indexed.date_published.as_ref().map(|d| d.year());
                        let card = context.with_feed_untracked(|f| {
                            let loaded = f.items.iter().find(|i| i.id == indexed.id);
                            views::event_card(loaded.unwrap_or(&indexed), &q, &href, fetch, &t)
                        });
                        Some((year, card))
                    }
                }
            });
            // Scrolling to the end loads the next page of the whole list; a search's list has the
            // button.
            let at_end: Option<AtEnd> = (!filtered).then(|| Rc::new(move || older.load()) as AtEnd);
            let empty = (!filtered).then(|| views::no_events(&texts));
            let window = CardWindow::new(dom, len, first, card, at_end, empty, texts.clone());
            let element = window.element();
            list.set_value(Some(window));
            element
        })
    };
    // An older page: the list built goes on below with its events that match, and goes on
    // building if its end is in view (the DOM follows the listing; no signal is written).
    Effect::new(
        move |before: Option<(u32, Option<usize>, Option<String>)>| {
            let (built, seen, len) = listing.with(|l| (l.built(), l.seen(), l.len()));
            let next = context.with_feed(|f| f.next_url.clone());
            let now = (built, seen, next);
            if seen.is_some() && before.is_some_and(|b| b.0 == built && b != now) {
                list.with_value(|list| {
                    if let Some(list) = list {
                        list.extend(len);
                    }
                });
            }
            now
        },
    );
    let count_text = {
        let texts = texts.clone();
        move || {
            let filtered = query.with(ListQuery::is_filtered);
            let total = match context.index() {
                Some(index) if filtered => index.len(),
                _ => context.with_feed(|f| f.total()),
            };
            count_text(shown_count(), total, filtered, &texts)
        }
    };
    let no_match = views::no_match(&texts);

    view! {
        <Rendered render=header />
        <FeedProblems />
        // As pre-rendered (recap_core::markup::pages), so that what is typed there carries over.
        <SearchForm query count=Signal::derive(count_text) />
        {move || {
            (shown_count() == 0 && query.with(ListQuery::is_filtered)).then(|| {
                let clear = Callback::new(move |_| router.replace(Route::List(ListQuery::default())));
                let tree = no_match.clone();
                view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &tree)) on_action=clear /> }
            })
        }}
        <Rendered render />
        <LoadOlder older />
    }
}

/// The feed's next page (JSON Feed `next_url`): fetched by the list's task, its state
/// ([`Older`]) shown below the list.
#[derive(Clone, Copy)]
struct OlderPages {
    context: FeedContext,
    state: RwSignal<Older>,
    task: Task,
}

impl OlderPages {
    fn new(context: FeedContext) -> Self {
        OlderPages {
            context,
            state: RwSignal::new(Older::default()),
            task: Task::new(),
        }
    }

    /// Fetches the next page and adds it, unless it is already being fetched.
    fn load(self) {
        // Already absolute: resolved against the page that named it when it was fetched. Told
        // only when it starts: asked while loading or without a next page, nothing changes.
        let next = self.context.with_feed_untracked(|f| {
            self.state
                .try_maybe_update(|state| {
                    let url = state.start(f);
                    (url.is_some(), url)
                })
                .flatten()
        });
        let Some(url) = next else {
            return;
        };
        let fetcher = self.context.fetcher();
        self.task.run(async move {
            let error = match fetch_feed(url, fetcher, false).await {
                Ok(page) => {
                    self.context.add_page(page);
                    None
                }
                Err(err) => Some(err),
            };
            self.state.update(|state| state.done(error));
        });
    }
}

/// "Load older events": the feed's next page, added below. The list also asks for it when its
/// end comes into view.
#[component]
fn LoadOlder(older: OlderPages) -> impl IntoView {
    let state = older.state;
    let loading = move || state.with(Older::loading);
    let texts = use_texts();
    let has_next = Memo::new(move |_| older.context.with_feed(|f| f.next_url.is_some()));
    move || {
        has_next.get().then(|| {
            let texts = texts.clone();
            let render = Box::new(move |dom: &Dom| {
                let error = state.with(|s| s.error().map(|e| e.text(&texts)));
                build(dom, &views::load_older(loading(), error.as_deref(), &texts))
            });
            let load = Callback::new(move |_| older.load());
            view! { <Rendered render on_action=load /> }
        })
    }
}
