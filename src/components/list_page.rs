use leptos::prelude::*;
use leptos::task::spawn_local;
use recap_core::markup::pages::count_text;
use recap_core::markup::views;
use recap_core::route::{ListQuery, Route};
use recap_core::search::Prepared;
use recap_core::LoadError;
use std::cell::RefCell;
use std::rc::Rc;

use super::app::IndexState;
use super::search_form::{Count, SearchForm};
use super::{FeedContext, FeedProblems, Rendered};
use crate::api::{fetch_feed, Fetcher};
use crate::list::{AtEnd, Card, CardWindow};
use crate::render::Dom;
use crate::router::use_router;

/// The list on the page, and what it was built from: the positions in the feed of the events
/// it shows (none when the search index found them), and the feed's length and last event then.
struct Shown {
    positions: Option<Rc<RefCell<Vec<usize>>>>,
    list: CardWindow,
    query: ListQuery,
    seen: usize,
    last: Option<String>,
}

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

    // The index is loaded on the first search, or at once for an address with one.
    if query.with_untracked(ListQuery::is_filtered) {
        context.open_index();
    }
    let older = Older::new(context);

    // The list is built again for another search; older pages only add cards to it.
    let shown_count = RwSignal::new(0usize);
    let rebuild = RwSignal::new(0u32);
    let shown = StoredValue::new_local(None::<Shown>);
    // The first list shows the first screen whole, as pre-rendered; a search's list, built on a
    // keystroke, shows its first chunk at once and the rest of the first screen in the frames
    // after, so that typing is not held up by cards below the fold.
    let built = std::cell::Cell::new(false);
    let render = Box::new(move |dom: &Dom| {
        rebuild.track();
        let first = if built.replace(true) {
            crate::list::CHUNK
        } else {
            recap_core::markup::pages::FIRST_CARDS
        };
        let query = query.get();
        // Read only for a search: the index coming in leaves the whole list alone.
        let index = match query.is_filtered().then(|| context.index.get()) {
            Some(IndexState::Ready(index, _)) => Some(index),
            _ => None,
        };
        let href = move |route: &Route| router.href(route);
        let (card, len, positions, seen, last): (Card, _, _, _, _) = match index {
            // Every event the index finds: as loaded when its page is, else as the index has it.
            Some(index) => {
                let found = index.search(&query);
                let len = found.len();
                let q = query.q.clone();
                let card: Card = Rc::new(move |n, fetch| {
                    let indexed = index.item(*found.get(n)?)?;
                    let year = indexed.date_published.as_ref().map(|d| d.year());
                    let card = context.feed.with_untracked(|f| {
                        let loaded = f.items.iter().find(|i| i.id == indexed.id);
                        views::event_card(loaded.unwrap_or(&indexed), &q, &href, fetch)
                    });
                    Some((year, card))
                });
                (card, len, None, 0, None)
            }
            None => {
                let prepared = Prepared::new(&query);
                let (positions, seen, last) = context.feed.with_untracked(|f| {
                    let positions: Vec<usize> = f
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(_, item)| prepared.matches(item))
                        .map(|(n, _)| n)
                        .collect();
                    (
                        positions,
                        f.items.len(),
                        f.items.last().map(|i| i.id.clone()),
                    )
                });
                let len = positions.len();
                let positions = Rc::new(RefCell::new(positions));
                let card: Card = {
                    let positions = Rc::clone(&positions);
                    let q = query.q.clone();
                    Rc::new(move |n, fetch| {
                        let at = *positions.borrow().get(n)?;
                        context.feed.with_untracked(|f| {
                            let item = f.items.get(at)?;
                            let year = item.date_published.as_ref().map(|d| d.year());
                            Some((year, views::event_card(item, &q, &href, fetch)))
                        })
                    })
                };
                (card, len, Some(positions), seen, last)
            }
        };
        shown_count.set(len);
        // Scrolling to the end loads the next page of the whole list; a search's list has the
        // button.
        let filtered = query.is_filtered();
        let at_end: Option<AtEnd> = (!filtered).then(|| Rc::new(move || older.load()) as AtEnd);
        let empty = (!filtered).then(views::no_events);
        let list = CardWindow::new(dom, len, first, card, at_end, empty);
        let element = list.element();
        shown.set_value(Some(Shown {
            positions,
            list,
            query,
            seen,
            last,
        }));
        element
    });
    // An older page: its events that match go below the list's, unless it brought events newer
    // than the list's last one (a feed out of order), which reorders the list.
    Effect::new(move |_| {
        let grown = context.feed.with(|f| {
            shown.with_value(|s| {
                let s = s.as_ref().filter(|s| s.positions.is_some())?;
                let in_place =
                    s.seen == 0 || f.items.get(s.seen - 1).map(|i| &i.id) == s.last.as_ref();
                Some(in_place && f.items.len() >= s.seen)
            })
        });
        match grown {
            Some(true) => shown.update_value(|s| {
                let Some(s) = s else { return };
                let Some(positions) = s.positions.clone() else {
                    return;
                };
                context.feed.with_untracked(|f| {
                    let prepared = Prepared::new(&s.query);
                    let mut positions = positions.borrow_mut();
                    positions.extend(
                        (s.seen..f.items.len())
                            .filter(|&n| f.items.get(n).is_some_and(|i| prepared.matches(i))),
                    );
                    s.seen = f.items.len();
                    s.last = f.items.last().map(|i| i.id.clone());
                    shown_count.set(positions.len());
                    s.list.extend(positions.len());
                });
            }),
            Some(false) => rebuild.update(|n| *n += 1),
            None => {}
        }
    });
    let count_text = move || {
        let filtered = query.with(ListQuery::is_filtered);
        let total = match context.index.get() {
            IndexState::Ready(index, _) if filtered => index.len(),
            _ => context.feed.with(|f| f.total()),
        };
        count_text(shown_count.get(), total, filtered)
    };

    view! {
        <Rendered render=header />
        <FeedProblems />
        // As pre-rendered (recap_core::markup::pages), so that what is typed there carries over.
        <SearchForm query />
        <Count text=Signal::derive(count_text) />
        {move || {
            (shown_count.get() == 0 && query.with(ListQuery::is_filtered)).then(|| {
                let clear = move |_| router.replace(Route::List(ListQuery::default()));
                view! {
                    <div class="recap-empty">
                        <p>"No event matches. Try fewer or other words, or another year or tag."</p>
                        <button class="recap-button" type="button" on:click=clear>
                            "Clear search and filters"
                        </button>
                    </div>
                }
            })
        }}
        <Rendered render />
        <LoadOlder older />
    }
}

/// The feed's next page (JSON Feed `next_url`): whether it is being fetched, and why it failed.
#[derive(Clone, Copy)]
struct Older {
    context: FeedContext,
    loading: RwSignal<bool>,
    error: RwSignal<Option<LoadError>>,
    fetcher: Fetcher,
}

impl Older {
    fn new(context: FeedContext) -> Self {
        Older {
            context,
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            fetcher: use_context::<Fetcher>().unwrap_or_default(),
        }
    }

    /// Fetches the next page and adds it, unless it is already being fetched.
    fn load(self) {
        // Already absolute: resolved against the page that named it when it was fetched.
        let next = self.context.feed.with_untracked(|f| f.next_url.clone());
        let (Some(url), false) = (next, self.loading.get_untracked()) else {
            return;
        };
        self.loading.set(true);
        self.error.set(None);
        spawn_local(async move {
            match fetch_feed(url, self.fetcher, false).await {
                Ok(page) => self.context.add_page(page),
                Err(err) => self.error.set(Some(err)),
            }
            self.loading.set(false);
        });
    }
}

/// "Load older events": the feed's next page, added below. The list also asks for it when its
/// end comes into view.
#[component]
fn LoadOlder(older: Older) -> impl IntoView {
    let Older { loading, error, .. } = older;
    let has_next = Memo::new(move |_| older.context.feed.with(|f| f.next_url.is_some()));
    move || {
        has_next.get().then(|| {
            view! {
                <div class="recap-more">
                    {move || error.get().map(|e| view! { <p class="recap-more__error" role="alert">{e.to_string()}</p> })}
                    <button class="recap-button" type="button" on:click=move |_| older.load() disabled=move || loading.get()>
                        {move || if loading.get() { "Loading older events…" } else { "Load older events" }}
                    </button>
                </div>
            }
        })
    }
}
