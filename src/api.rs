//! All network code: fetching a feed page, and readying its items for the views.

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use gloo_net::http::{Request, Response};
use leptos::prelude::*;
use recap_core::load::{check_head, check_size, read_body, FEED_TIMEOUT_MS};
use recap_core::{LoadError, ParsedFeed, Problem, Severity};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// How feeds are fetched: by the app itself, or through a function of the page that embeds it
/// (`<recap-viewer>`'s loader), which shares one request per feed URL among the elements of a
/// page. That function takes the URL (and `true` when asking again) and returns a promise of a
/// `Response` of its own. Either way, a feed that has not arrived whole within the time limit is
/// given up on.
#[derive(Clone, Copy)]
pub struct Fetcher {
    shared: Option<StoredValue<js_sys::Function, LocalStorage>>,
    /// How long a feed may take, in milliseconds.
    timeout_ms: u32,
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher {
            shared: None,
            timeout_ms: FEED_TIMEOUT_MS,
        }
    }
}

impl Fetcher {
    /// Feeds fetched by the app itself, or through `fetch(url, again) -> Promise<Response>`,
    /// each within `timeout_ms`.
    pub fn new(fetch: Option<js_sys::Function>, timeout_ms: u32) -> Self {
        Fetcher {
            shared: fetch.map(StoredValue::new_local),
            timeout_ms,
        }
    }

    /// The page's loader, if the app has one, and the time limit in milliseconds: for a side
    /// module that fetches for itself.
    pub fn parts(&self) -> (Option<js_sys::Function>, u32) {
        (self.shared.map(|f| f.get_value()), self.timeout_ms)
    }

    /// The response for `url`: the app's own request (through `gloo-net`, aborted by `abort`),
    /// or the shared one, which goes on for the others.
    async fn get(
        &self,
        url: &str,
        again: bool,
        abort: Option<&AbortSignal>,
    ) -> Result<Response, String> {
        match self.shared.map(|f| f.get_value()) {
            Some(fetch) => {
                let promise = fetch
                    .call2(
                        &JsValue::NULL,
                        &JsValue::from_str(url),
                        &JsValue::from_bool(again),
                    )
                    .map_err(describe)?;
                let response = JsFuture::from(js_sys::Promise::resolve(&promise))
                    .await
                    .map_err(describe)?;
                response
                    .dyn_into::<web_sys::Response>()
                    .map(Response::from)
                    .map_err(|_| "the page's loader gave no response".to_owned())
            }
            None => {
                // Built here rather than by `gloo-net`'s builder, which would parse the URL again
                // to append a query (and leave a trailing `&` on one that has its own).
                let init = web_sys::RequestInit::new();
                init.set_signal(abort);
                let request =
                    web_sys::Request::new_with_str_and_init(url, &init).map_err(describe)?;
                Request::from(request).send().await.map_err(said)
            }
        }
    }
}

/// A promise resolved with `undefined` in `ms` milliseconds.
fn after(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
    })
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let _ = JsFuture::from(after(ms)).await;
}

/// Why a request gave nothing: its time was up first, or it failed, saying why.
enum Failed {
    Late,
    Said(String),
}

/// `work`'s answer, unless `deadline` settles first. Both are polled by the same task: a
/// deadline passed drops `work` (and the caller aborts its request).
async fn within<T>(
    deadline: &js_sys::Promise,
    work: impl Future<Output = Result<T, String>>,
) -> Result<T, Failed> {
    let mut work = pin!(work);
    let mut deadline = JsFuture::from(deadline.clone());
    poll_fn(|cx| {
        if let Poll::Ready(answer) = work.as_mut().poll(cx) {
            return Poll::Ready(answer.map_err(Failed::Said));
        }
        std::pin::Pin::new(&mut deadline)
            .poll(cx)
            .map(|_| Err(Failed::Late))
    })
    .await
}

/// What a thrown value says ([`crate::modules::describe`]), or that the request failed.
fn describe(err: JsValue) -> String {
    crate::modules::describe(&err, "the request failed")
}

/// What `gloo-net` says of a failed request: the browser's own message.
fn said(err: gloo_net::Error) -> String {
    match err {
        gloo_net::Error::JsError(js) => js.message,
        other => other.to_string(),
    }
}

/// Fetches and reads the feed at `url` (relative to the page or absolute); `again` when the
/// visitor, or the automatic retry, asks again after a failure.
///
/// The whole feed must arrive within the fetcher's time limit, and be at most
/// [`recap_core::load::MAX_FEED_BYTES`] (as the server announces it, and as read); the app's own
/// request is aborted when it fails either, or when the component that asked for it goes away
/// first (a shared request goes on for the others). Items without `_recap.talks` get their talks
/// from `content_html`, read by the browser's own HTML parser in the extractor module, loaded
/// for such feeds only; relative image URLs and `next_url` are resolved against the address the
/// feed was fetched from.
pub async fn fetch_feed(
    url: String,
    fetcher: Fetcher,
    again: bool,
) -> Result<ParsedFeed, LoadError> {
    let fetched = fetch_text(url, fetcher, again).await?;
    let mut parsed = read_body(fetched.content_type.as_deref(), &fetched.body)?;
    mark("recap:feed-parsed");
    parsed.saved = fetched.saved;
    if parsed.feed.items.iter().any(|item| item.needs_extraction()) {
        read_talks_in_browser(&mut parsed).await;
    }
    let feed_url = fetched.url;
    if let Some(next) = parsed.feed.next_url.take() {
        parsed.feed.next_url = Some(absolute(&next, Some(&feed_url)).unwrap_or(next));
    }
    // The search index and the people's, like the next page, are named relative to the page.
    if let Some(recap) = parsed.feed.recap.as_mut() {
        for index in [&mut recap.index, &mut recap.people].into_iter().flatten() {
            *index = absolute(index, Some(&feed_url)).unwrap_or_else(|| index.clone());
        }
    }
    // Most pictures are absolute already: only the others are resolved (a URL parse each).
    for item in &mut parsed.feed.items {
        if let Some(image) = item.image.as_ref().filter(|i| !i.starts_with("https://")) {
            item.image = absolute(image, Some(&feed_url)).or(item.image.take());
        }
    }
    Ok(parsed)
}

/// A file as fetched: its text, the address it came from (after redirects), its type, and
/// when it is the service worker's saved copy.
pub struct Fetched {
    pub body: String,
    pub url: String,
    content_type: Option<String>,
    saved: Option<String>,
}

/// Fetches the text at `url` within the fetcher's time limit and the feeds' size limit (see
/// [`fetch_feed`]).
pub async fn fetch_text(url: String, fetcher: Fetcher, again: bool) -> Result<Fetched, LoadError> {
    let ms = fetcher.timeout_ms;
    let deadline = after(ms);
    let controller = fetcher
        .shared
        .is_none()
        .then(|| AbortController::new().ok())
        .flatten();
    if let Some(controller) = controller.clone() {
        on_cleanup(move || controller.abort());
    }
    let stop = |err: LoadError| {
        if let Some(controller) = &controller {
            controller.abort();
        }
        err
    };
    let failed = |failed: Failed, arriving: bool| {
        stop(match failed {
            Failed::Late => LoadError::Timeout { ms, arriving },
            Failed::Said(why) => LoadError::Network(why),
        })
    };
    let signal = controller.as_ref().map(AbortController::signal);
    let response = within(&deadline, fetcher.get(&url, again, signal.as_ref()))
        .await
        .map_err(|e| failed(e, false))?;
    let headers = response.headers();
    check_head(
        response.status(),
        &response.status_text(),
        headers.get("content-length").as_deref(),
    )
    .map_err(stop)?;
    // As bytes, copied once into the app's memory: not decoded into a string of the page's and
    // encoded again into the app's (a quarter of a second for a feed of 33 MB).
    let bytes = within(&deadline, async { response.binary().await.map_err(said) })
        .await
        .map_err(|e| failed(e, true))?;
    check_size(bytes.len() as u64)?;
    let body = recap_core::load::body_text(bytes);
    mark("recap:feed-fetched");
    Ok(Fetched {
        body,
        url: absolute(&response.url(), None).unwrap_or(url),
        content_type: headers.get("content-type"),
        saved: headers.get(recap_core::offline::SAVED_HEADER),
    })
}

/// A mark on the page's performance timeline, for the benchmarks (`scripts/bench-archive.mjs`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// `url` resolved against `base` (default: the document's base URL).
pub fn absolute(url: &str, base: Option<&str>) -> Option<String> {
    let document_base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let base = base.map(str::to_owned).or(document_base)?;
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}

/// Has the extractor module read the talks of the items without `_recap.talks`. If it cannot
/// run, the events are shown without those talks and the feed's problems say why.
async fn read_talks_in_browser(parsed: &mut ParsedFeed) {
    if let Err(why) = crate::modules::fill_talks(&mut parsed.feed.items).await {
        parsed.problems.push(Problem {
            path: "items".to_owned(),
            message: format!("the talks in the posts could not be read here: {why}"),
            severity: Severity::Warning,
        });
    }
}
