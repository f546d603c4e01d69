use leptos::prelude::*;
use recap_core::markup::protocol::class;
use recap_core::markup::views::Neighbour;
use recap_core::{route::Route, Feed, Item, LoadError, ParsedFeed, Problem, Severity};

use super::{EventPage, FeedErrorView, ListPage, NotFound};
use crate::api::{fetch_feed, fetch_text, sleep, Fetcher};
use crate::index::ArchiveIndex;
use crate::mount::{Config, OnReady};
use crate::ready::{page_shown, Readiness};
use crate::router::Router;

/// The loaded feed, shared with the pages: all pages fetched so far, merged.
#[derive(Clone, Copy)]
pub struct FeedContext {
    /// The feed, newest first.
    pub feed: RwSignal<Feed>,
    /// What could not be read, from every page.
    pub problems: RwSignal<Vec<Problem>>,
    /// The search index of a paginated feed (`_recap.index` on its first page).
    pub index: RwSignal<IndexState, LocalStorage>,
    /// Pages fetched out of turn, for an address of an event on a page not loaded, each apart.
    pub strays: RwSignal<Vec<Feed>>,
    fetcher: Fetcher,
}

/// Where the search index is.
#[derive(Clone)]
pub enum IndexState {
    /// The feed has none: search and addresses cover the pages loaded.
    Absent,
    /// Not asked for yet: it is loaded on the first search.
    Idle,
    Loading,
    /// Read, with the address it came from (page names are relative to it).
    Ready(ArchiveIndex, String),
    /// It could not be read; the feed's problems say why.
    Failed,
}

impl FeedContext {
    fn new(parsed: ParsedFeed, fetcher: Fetcher) -> Self {
        let has_index = parsed
            .feed
            .recap
            .as_ref()
            .is_some_and(|r| r.index.is_some());
        FeedContext {
            feed: RwSignal::new(parsed.feed),
            problems: RwSignal::new(parsed.problems),
            index: RwSignal::new_local(if has_index {
                IndexState::Idle
            } else {
                IndexState::Absent
            }),
            strays: RwSignal::new(Vec::new()),
            fetcher,
        }
    }

    /// Adds an older page of the feed (JSON Feed `next_url`): its new events and its problems.
    /// In place: the events already held are not copied.
    pub fn add_page(&self, page: ParsedFeed) {
        self.feed.update(|feed| {
            feed.append_page(page.feed);
        });
        self.problems.update(|p| p.extend(page.problems));
    }

    /// Loads the search index, if the feed has one and it is not loaded or loading.
    pub fn open_index(&self) {
        let url = self
            .feed
            .with_untracked(|f| f.recap.as_ref().and_then(|r| r.index.clone()));
        let (Some(url), IndexState::Idle) = (url, self.index.get_untracked()) else {
            return;
        };
        self.index.set(IndexState::Loading);
        let context = *self;
        leptos::task::spawn_local(async move {
            // The module and the file, side by side.
            let module = ArchiveIndex::load();
            let opened = match fetch_text(url.clone(), context.fetcher, false).await {
                Ok(fetched) => ArchiveIndex::open(module, fetched.body)
                    .await
                    .map(|index| IndexState::Ready(index, fetched.url)),
                Err(err) => Err(err.to_string()),
            };
            let state = opened.unwrap_or_else(|why| {
                context.problems.update(|p| {
                    p.push(Problem {
                        path: url,
                        message: format!(
                            "{why}; search covers the events loaded so far, and an address of an older event is not found"
                        ),
                        severity: Severity::Warning,
                    })
                });
                IndexState::Failed
            });
            context.index.set(state);
        });
    }

    /// Whether a page loaded holds the event with this id (tracked).
    pub fn holds(&self, id: &str) -> bool {
        let held = |feed: &Feed| feed.find(id).is_some();
        self.feed.with(held) || self.strays.with(|pages| pages.iter().any(held))
    }

    /// The event with this id, with its newer and older neighbours, from the pages loaded.
    pub fn find(&self, id: &str) -> Option<(Item, Neighbour, Neighbour)> {
        let neighbour = |i: Option<&Item>| i.map(|i| (i.id.clone(), i.display_title().to_owned()));
        let found = |feed: &Feed| {
            feed.find(id)
                .map(|(item, newer, older)| (item.clone(), neighbour(newer), neighbour(older)))
        };
        self.feed.with_untracked(found).or_else(|| {
            self.strays
                .with_untracked(|pages| pages.iter().find_map(found))
        })
    }

    /// Fetches the page the index puts the event `id` on and keeps it apart: false when the
    /// index does not know the event; fails when the page cannot be fetched.
    pub async fn fetch_page_of(&self, id: &str) -> Result<bool, LoadError> {
        let IndexState::Ready(index, index_url) = self.index.get_untracked() else {
            return Ok(false);
        };
        let name = index
            .find(id)
            .map(|at| index.page(at))
            .and_then(|page| index.page_name(page));
        let Some(url) = name.and_then(|n| crate::api::absolute(&n, Some(&index_url))) else {
            return Ok(false);
        };
        let page = fetch_feed(url, self.fetcher, false).await?;
        self.problems.update(|p| p.extend(page.problems));
        self.strays.update(|pages| pages.push(page.feed));
        Ok(true)
    }
}

/// The whole app: loads the feed, then shows the page the router names. `on_ready` runs once
/// it shows that page (or the feed's error), every static part built.
#[component]
pub fn App(
    config: Config,
    /// What waits for the app to show its page.
    #[prop(optional)]
    on_ready: OnReady,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let owns_page = config.owns_page();
    let fetcher = config.fetcher();
    let Config {
        source,
        router,
        hosts,
        ..
    } = config;
    provide_context(Router::new(router, root));
    provide_context(hosts);
    provide_context(fetcher);
    provide_context(Readiness::new(on_ready.0));
    let role = MainRole(owns_page.then_some("main"));
    provide_context(role);
    let url = source.url.clone();
    // None while loading; else the answer and, after a transient failure, when the next
    // automatic retry comes. A plain signal and task are lighter than a resource and Suspense.
    let state = RwSignal::new(None::<(Result<ParsedFeed, LoadError>, Option<u32>)>);
    // Counts the loads asked for: the automatic retries of an earlier one stop.
    let loads = StoredValue::new(0_u32);
    // The app's own: a request is aborted when the app goes, not when the error view does.
    let owner = Owner::current();
    let load = move |again: bool| {
        let this = loads.get_value() + 1;
        loads.set_value(this);
        let url = url.clone();
        state.set(None);
        let task = async move {
            let mut again = again;
            let mut retries = 0;
            loop {
                let result = fetch_feed(url.clone(), fetcher, again).await;
                let wait = result.as_ref().err().and_then(|e| e.retry_in_ms(retries));
                state.set(Some((result, wait)));
                let Some(ms) = wait else { return };
                sleep(ms).await;
                // Asked again meanwhile, or the app is gone.
                if loads.try_get_value() != Some(this) || state.is_disposed() {
                    return;
                }
                retries += 1;
                again = true;
                state.set(None);
            }
        };
        // Scoped: the request registers its abort with this component.
        if let Some(owner) = &owner {
            owner.with(|| leptos::task::spawn_local_scoped(task));
        }
    };
    load(false);
    let retry = Callback::new(move |()| load(true));
    let shown_url = source.url.clone();
    // Over a saved copy (the network was down): the fresh feed replaces it once the browser is
    // back online, or once the service worker says a late answer came in. The network may take
    // a moment longer than the browser's word to come back: it is asked again on the automatic
    // retries' schedule.
    let fresh_url = source.url.clone();
    let refresh = move || {
        let showing_copy =
            state.with_untracked(|s| matches!(s, Some((Ok(p), _)) if p.saved.is_some()));
        if showing_copy {
            let url = fresh_url.clone();
            leptos::task::spawn_local_scoped(async move {
                let mut retries = 0;
                loop {
                    if let Ok(parsed) = fetch_feed(url.clone(), fetcher, true).await {
                        if parsed.saved.is_none() {
                            state.set(Some((Ok(parsed), None)));
                            return;
                        }
                    }
                    let Some(ms) = recap_core::load::retry_delay_ms(retries) else {
                        return;
                    };
                    sleep(ms).await;
                    if state.is_disposed() {
                        return;
                    }
                    retries += 1;
                }
            });
        }
    };
    crate::offline::on_fresh_feed(refresh);

    view! {
        <div class=class::FRAME node_ref=root>
            {source.notice.map(|text| view! { <p class="recap-notice" role="status">{text}</p> })}
            {move || match state.with(|s| s.as_ref().map(|(r, wait)| r.as_ref().map(|p| p.saved.clone()).map_err(|e| (e.clone(), *wait)))) {
                None => view! { <Skeleton /> }.into_any(),
                Some(Ok(saved)) => {
                    // The pages take the feed: moved, not copied (a large archive is tens of
                    // megabytes). The state keeps whether it is a saved copy.
                    let parsed = state
                        .try_update_untracked(|s| match s {
                            Some((Ok(p), _)) => ParsedFeed {
                                feed: std::mem::take(&mut p.feed),
                                problems: std::mem::take(&mut p.problems),
                                saved: p.saved.clone(),
                            },
                            _ => ParsedFeed::default(),
                        })
                        .unwrap_or_default();
                    let saved = saved.as_deref().map(|saved| {
                        let text = recap_core::offline::saved_copy_notice(saved);
                        view! { <p class="recap-offline" role="status">{text}</p> }
                    });
                    view! { {saved} <Loaded parsed /> }.into_any()
                }
                Some(Err((error, retry_in))) => {
                    let url = shown_url.clone();
                    page_shown();
                    view! {
                        <div class=class::MAIN role=role.0>
                            <FeedErrorView error url on_retry=retry retry_in />
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// The role of the app's main content: the page's main landmark when the app is the page; none
/// in an embed, whose host page has its own.
#[derive(Clone, Copy)]
struct MainRole(Option<&'static str>);

/// The pages, once the first page of the feed is in.
#[component]
fn Loaded(parsed: ParsedFeed) -> impl IntoView {
    let context = FeedContext::new(parsed, use_context::<Fetcher>().unwrap_or_default());
    provide_context(context);
    let router = expect_context::<Router>();
    // Only a change of page re-renders the page; typing in the search does not.
    let page = Memo::new(move |_| match router.route() {
        Route::List(_) => Route::List(Default::default()),
        Route::Event { id, .. } => Route::Event { id, t: None },
        Route::NotFound => Route::NotFound,
    });
    let role = use_context::<MainRole>().and_then(|r| r.0);
    page_shown();
    view! {
        <div class=class::MAIN role=role>
            {move || match page.get() {
                Route::List(_) => view! { <ListPage /> }.into_any(),
                Route::Event { id, .. } => view! { <EventPage id /> }.into_any(),
                Route::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </div>
    }
}

/// What could not be read in the feed, folded away.
#[component]
pub fn FeedProblems() -> impl IntoView {
    let context = expect_context::<FeedContext>();
    move || {
        context.problems.with(|problems| {
            (!problems.is_empty()).then(|| {
                let skipped = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                let summary = match skipped {
                    0 => "This feed has small problems; every event is shown.".to_owned(),
                    1 => "1 event in this feed could not be read and is not shown.".to_owned(),
                    n => format!("{n} events in this feed could not be read and are not shown."),
                };
                let lines = problems
                    .iter()
                    .map(|problem| {
                        let class = match problem.severity {
                            Severity::Error => "recap-problems__error",
                            Severity::Warning => "recap-problems__warning",
                        };
                        view! { <li class=class><code>{problem.to_string()}</code></li> }
                    })
                    .collect_view();
                view! {
                    <details class="recap-problems">
                        <summary>{summary}</summary>
                        <ul>{lines}</ul>
                    </details>
                }
            })
        })
    }
}

/// Placeholder cards while the feed loads.
#[component]
fn Skeleton() -> impl IntoView {
    view! {
        <div class="recap-skeleton" aria-busy="true">
            <p class="recap-visually-hidden" role="status">"Loading events…"</p>
            <div class="recap-skeleton__title"></div>
            <ul class="recap-events" aria-hidden="true">
                {(0..6)
                    .map(|_| view! { <li class="recap-event-card recap-event-card--placeholder"></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
