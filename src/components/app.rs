use leptos::prelude::*;
use recap_core::markup::protocol::class;
use recap_core::markup::views::Neighbour;
use recap_core::route::Route;
use recap_core::state::{FeedLoad, IndexState, Pages, Showing};
use recap_core::{Feed, Item, LoadError, ParsedFeed, Problem, Severity};
use std::task::{Poll, Waker};

use super::{EventPage, FeedErrorView, ListPage, NotFound, PeoplePage, Rendered};
use crate::api::{fetch_feed, fetch_text, sleep, Fetcher};
use crate::config::{Config, OnReady};
use crate::index::ArchiveIndex;
use crate::people::People;
use crate::ready::{page_shown, Readiness};
use crate::render::{build, Dom};
use crate::router::Router;
use crate::task::Task;
use crate::texts::{use_texts, Texts};
use recap_core::i18n::Text;
use recap_core::markup::views;

/// The loaded feed, shared with the pages: all pages fetched so far ([`Pages`]), what could not
/// be read in them, and the search index ([`IndexState`]). Read through its methods (tracked
/// unless they say otherwise); changed by its named operations only.
#[derive(Clone, Copy)]
pub struct FeedContext {
    pages: RwSignal<Pages>,
    /// What could not be read, from every page.
    problems: RwSignal<Vec<Problem>>,
    index: RwSignal<IndexState<ArchiveIndex>, LocalStorage>,
    /// The tasks waiting for the index to be read or to fail.
    waiting: StoredValue<Vec<Waker>>,
    /// Loading the index: the feed's, not a page's, so that leaving a page does not stop it.
    index_task: Task,
    fetcher: Fetcher,
}

impl FeedContext {
    fn new(parsed: ParsedFeed, fetcher: Fetcher) -> Self {
        FeedContext {
            index: RwSignal::new_local(IndexState::of(&parsed.feed)),
            pages: RwSignal::new(Pages::new(parsed.feed)),
            problems: RwSignal::new(parsed.problems),
            waiting: StoredValue::new(Vec::new()),
            index_task: Task::new(),
            fetcher,
        }
    }

    /// How the pages fetch feeds.
    pub fn fetcher(&self) -> Fetcher {
        self.fetcher
    }

    /// Reads the feed: the pages loaded in turn, merged (tracked).
    pub fn with_feed<T>(&self, read: impl FnOnce(&Feed) -> T) -> T {
        self.pages.with(|pages| read(pages.feed()))
    }

    /// Reads the feed without tracking.
    pub fn with_feed_untracked<T>(&self, read: impl FnOnce(&Feed) -> T) -> T {
        self.pages.with_untracked(|pages| read(pages.feed()))
    }

    /// Reads what could not be read in the pages loaded (tracked).
    pub fn with_problems<T>(&self, read: impl FnOnce(&[Problem]) -> T) -> T {
        self.problems.with(|problems| read(problems))
    }

    /// The search index, once it is read (tracked).
    pub fn index(&self) -> Option<ArchiveIndex> {
        self.index
            .with(|state| state.ready().map(|(index, _)| index.clone()))
    }

    /// The search index, once it is read, without tracking.
    pub fn index_untracked(&self) -> Option<ArchiveIndex> {
        self.index
            .with_untracked(|state| state.ready().map(|(index, _)| index.clone()))
    }

    /// Adds an older page of the feed (JSON Feed `next_url`): its new events and its problems.
    /// In place: the events already held are not copied.
    pub fn add_page(&self, page: ParsedFeed) {
        self.pages.update(|pages| pages.add_page(page.feed));
        self.problems.update(|p| p.extend(page.problems));
    }

    /// Loads the search index, if the feed has one and it is not loaded or loading.
    pub fn open_index(&self) {
        let url = self
            .pages
            .with_untracked(|p| p.index_url().map(str::to_owned));
        // Only a change of state is told: asking again on every keystroke wakes no one.
        let opened = |state: &mut IndexState<ArchiveIndex>| {
            let open = state.open();
            (open, open)
        };
        let Some(url) = url.filter(|_| self.index.try_maybe_update(opened) == Some(true)) else {
            return;
        };
        let context = *self;
        self.index_task.run(async move {
            // The module and the file, side by side.
            let module = ArchiveIndex::load();
            let read = match fetch_text(url.clone(), context.fetcher, false).await {
                Ok(fetched) => ArchiveIndex::open(module, fetched.body)
                    .await
                    .map(|index| (index, fetched.url)),
                Err(err) => Err(err.to_string()),
            };
            if let Some(problem) = context.index.try_update(|s| s.opened(&url, read)).flatten() {
                context.problems.update(|p| p.push(problem));
            }
            for waiting in context
                .waiting
                .try_update_value(std::mem::take)
                .unwrap_or_default()
            {
                waiting.wake();
            }
        });
    }

    /// Resolves once the index is read, has failed, or is known to be absent.
    async fn index_settled(self) {
        std::future::poll_fn(|cx| {
            let waiting = self.index.try_with_untracked(IndexState::settled) == Some(false)
                && self
                    .waiting
                    .try_update_value(|w| w.push(cx.waker().clone()))
                    .is_some();
            if waiting {
                Poll::Pending
            } else {
                Poll::Ready(())
            }
        })
        .await;
    }

    /// Whether a page loaded holds the event with this id (tracked).
    pub fn holds(&self, id: &str) -> bool {
        self.pages.with(|pages| pages.holds(id))
    }

    /// The event with this id, with its newer and older neighbours, from the pages loaded.
    pub fn find(&self, id: &str) -> Option<(Item, Neighbour, Neighbour)> {
        let neighbour = |i: Option<&Item>| i.map(|i| (i.id.clone(), i.display_title().to_owned()));
        self.pages.with_untracked(|pages| {
            pages
                .find(id)
                .map(|(item, newer, older)| (item.clone(), neighbour(newer), neighbour(older)))
        })
    }

    /// Fetches the page the search index puts the event `id` on, and keeps it apart: false
    /// when the feed has no index, it cannot be read or it does not know the event; fails when
    /// the page cannot be fetched. Opens the index first if need be.
    pub async fn fetch_page_of(self, id: &str) -> Result<bool, LoadError> {
        self.open_index();
        self.index_settled().await;
        let name = self.index.with_untracked(|state| {
            let (index, index_url) = state.ready()?;
            let page = index.page(index.find(id)?);
            crate::api::absolute(&index.page_name(page)?, Some(index_url))
        });
        let Some(url) = name else {
            return Ok(false);
        };
        let page = fetch_feed(url, self.fetcher, false).await?;
        self.problems.update(|p| p.extend(page.problems));
        self.pages.update(|pages| pages.add_stray(page.feed));
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
        lang,
        timeout_ms,
        ..
    } = config;
    // The texts, fetched beside the feed when they are not English: nothing is shown in the
    // language until they are here.
    let texts = Texts::load(lang, timeout_ms, Task::new());
    provide_context(texts);
    let router = Router::new(router, root);
    // An event's page needs the event module: fetched beside the feed, not after it.
    if matches!(router.route_untracked(), Route::Event { .. }) {
        let _ = crate::modules::load_module(recap_event::NAME);
    }
    provide_context(router);
    provide_context(hosts);
    provide_context(fetcher);
    provide_context(Readiness::new(on_ready.0));
    let role = MainRole(owns_page.then_some("main"));
    provide_context(role);
    // Loading the feed (recap_core::state::FeedLoad): what is shown, and the automatic retries.
    // A plain signal and task are lighter than a resource and Suspense. Its readers are told
    // only when what is shown changes, not when a retry is counted.
    let load = RwSignal::new(FeedLoad::default());
    fn step<U>(load: RwSignal<FeedLoad>, change: impl FnOnce(&mut FeedLoad) -> U) -> Option<U> {
        load.try_maybe_update(|l| {
            let before = l.shown();
            let out = change(l);
            (l.shown() != before, out)
        })
    }
    // The app's own: a request is aborted when the app goes, not when the error view does, and
    // asking again stops the load before (its automatic retries with it).
    let task = Task::new();
    let url = source.url.clone();
    let run = move |again: bool| {
        let url = url.clone();
        task.run(async move {
            let mut again = again;
            loop {
                let answer = fetch_feed(url.clone(), fetcher, again).await;
                let Some(ms) = step(load, |l| l.answer(answer)).flatten() else {
                    return;
                };
                sleep(ms).await;
                step(load, FeedLoad::retry);
                again = true;
            }
        });
    };
    run(false);
    let retry = {
        let run = run.clone();
        Callback::new(move |()| {
            step(load, FeedLoad::ask);
            run(true);
        })
    };
    // Over a saved copy (the network was down): the fresh feed replaces it once the browser is
    // back online, or once the service worker says a late answer came in. The network may take
    // a moment longer than the browser's word to come back: it is asked again on the automatic
    // retries' schedule.
    crate::offline::on_fresh_feed(move || {
        if step(load, FeedLoad::refresh) == Some(true) {
            run(true);
        }
    });
    let shown_url = source.url.clone();
    let people_url = source.url.clone();

    view! {
        <div class=class::FRAME node_ref=root>
            {source.notice.map(|text| status("recap-notice", &text))}
            {move || match load.with(|l| l.showing().clone()) {
                // Before another language's texts are here, the status says nothing rather than
                // English.
                _ if !texts.ready() => view! { <Skeleton status=None /> }.into_any(),
                Showing::Loading => {
                    let status = texts.get().get(Text::LoadingEvents).to_owned();
                    view! { <Skeleton status=Some(status) /> }.into_any()
                }
                Showing::Feed { saved } => {
                    // The pages take the feed: moved, not copied.
                    let parsed = load
                        .try_update_untracked(FeedLoad::take_feed)
                        .flatten()
                        .unwrap_or_default();
                    let saved = saved.as_deref().map(|saved| {
                        let text = recap_core::offline::saved_copy_notice(saved, &texts.get());
                        status("recap-offline", &text)
                    });
                    let url = people_url.clone();
                    view! { {saved} <Loaded parsed url /> }.into_any()
                }
                Showing::Failed { error, retry_in } => {
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

/// The pages, once the first page of the feed (fetched from `url`) is in.
#[component]
fn Loaded(parsed: ParsedFeed, url: String) -> impl IntoView {
    let fetcher = expect_context::<Fetcher>();
    let index = parsed.feed.recap.as_ref().and_then(|r| r.people.clone());
    provide_context(People {
        feed: url,
        index,
        fetcher,
        copy: parsed.saved.clone(),
    });
    let context = FeedContext::new(parsed, fetcher);
    provide_context(context);
    let router = expect_context::<Router>();
    // Only a change of page re-renders the page; typing in a search does not.
    let page = Memo::new(move |_| match router.route() {
        Route::List(_) => Route::List(Default::default()),
        Route::Event { id, .. } => Route::Event { id, t: None },
        Route::Speakers(_) => Route::Speakers(String::new()),
        other => other,
    });
    let role = expect_context::<MainRole>().0;
    page_shown();
    view! {
        <div class=class::MAIN role=role>
            {move || match page.get() {
                Route::List(_) => view! { <ListPage /> }.into_any(),
                Route::Event { id, .. } => view! { <EventPage id /> }.into_any(),
                Route::Speakers(_)
                | Route::Speaker(_)
                | Route::Organisations
                | Route::Organisation(_) => view! { <PeoplePage /> }.into_any(),
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
        context.with_problems(|problems| {
            (!problems.is_empty()).then(|| {
                let skipped = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                let t = use_texts();
                let summary = match skipped {
                    0 => t.get(Text::ProblemsSmall).to_owned(),
                    n => t.count(Text::ProblemsOne, Text::ProblemsOther, n),
                };
                let tree = views::problems(&summary, problems);
                view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &tree)) /> }
            })
        })
    }
}

/// A line that says what is going on ([`views::status`]), as a static part.
pub(super) fn status(class: &str, text: &str) -> impl IntoView {
    let tree = views::status(class, text);
    view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &tree)) /> }
}

/// Placeholder cards while the feed loads.
#[component]
fn Skeleton(status: Option<String>) -> impl IntoView {
    let tree = views::skeleton(status.as_deref());
    view! { <Rendered render=Box::new(move |dom: &Dom| build(dom, &tree)) /> }
}
