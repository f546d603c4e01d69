//! All network code: fetching a feed page, and readying its items for the views.

use leptos::prelude::*;
use recap_core::{load::read_response, LoadError, ParsedFeed, Problem, Severity};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// How feeds are fetched: by the app itself, or through a function of the page that embeds it
/// (`<recap-viewer>`'s loader), which shares one request per feed URL among the elements of a
/// page. That function takes the URL and returns a promise of a `Response` of its own.
#[derive(Clone, Copy, Default)]
pub struct Fetcher(Option<StoredValue<js_sys::Function, LocalStorage>>);

impl Fetcher {
    /// Feeds fetched through `fetch(url) -> Promise<Response>`.
    pub fn shared(fetch: js_sys::Function) -> Self {
        Fetcher(Some(StoredValue::new_local(fetch)))
    }

    /// The response for `url`. The app's own request is aborted if the component that asked
    /// for it goes away first; a shared one goes on for the others.
    async fn get(&self, url: &str) -> Result<Response, JsValue> {
        let promise = match self.0.map(|f| f.get_value()) {
            Some(fetch) => fetch
                .call1(&JsValue::NULL, &JsValue::from_str(url))?
                .dyn_into()?,
            None => {
                let window = web_sys::window().ok_or(JsValue::NULL)?;
                let init = web_sys::RequestInit::new();
                if let Ok(controller) = web_sys::AbortController::new() {
                    init.set_signal(Some(&controller.signal()));
                    on_cleanup(move || controller.abort());
                }
                window.fetch_with_str_and_init(url, &init)
            }
        };
        JsFuture::from(promise).await?.dyn_into()
    }
}

/// A failed request, as the feed's error says it.
fn network(err: JsValue) -> LoadError {
    LoadError::Network(
        err.dyn_ref::<js_sys::Error>()
            .and_then(|e| e.message().as_string())
            .or_else(|| err.as_string())
            .unwrap_or_else(|| "the request failed".to_owned()),
    )
}

/// Fetches and reads the feed at `url` (relative to the page or absolute).
///
/// Items without `_recap.talks` get their talks from `content_html`, read by the browser's own
/// HTML parser in the extractor module, loaded for such feeds only; relative image URLs and
/// `next_url` are resolved against the address the feed was fetched from. The request is aborted
/// if the component that asked for it goes away first (a shared request goes on for the others).
pub async fn fetch_feed(url: String, fetcher: Fetcher) -> Result<ParsedFeed, LoadError> {
    let response = fetcher.get(&url).await.map_err(network)?;
    let body = if response.ok() {
        let text = JsFuture::from(response.text().map_err(network)?)
            .await
            .map_err(network)?;
        text.as_string().unwrap_or_default()
    } else {
        String::new()
    };
    let mut parsed = read_response(response.status(), &response.status_text(), &body)?;
    parsed.saved = response
        .headers()
        .get(recap_core::offline::SAVED_HEADER)
        .ok()
        .flatten();
    if parsed.feed.items.iter().any(|item| item.needs_extraction()) {
        read_talks_in_browser(&mut parsed).await;
    }
    let feed_url = absolute(&response.url(), None).unwrap_or(url);
    if let Some(next) = parsed.feed.next_url.take() {
        parsed.feed.next_url = Some(absolute(&next, Some(&feed_url)).unwrap_or(next));
    }
    for item in &mut parsed.feed.items {
        if let Some(image) = &item.image {
            item.image = absolute(image, Some(&feed_url)).or(item.image.take());
        }
    }
    Ok(parsed)
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
    if let Err(why) = crate::extractor::fill_talks(&mut parsed.feed.items).await {
        parsed.problems.push(Problem {
            path: "items".to_owned(),
            message: format!("the talks in the posts could not be read here: {why}"),
            severity: Severity::Warning,
        });
    }
}
