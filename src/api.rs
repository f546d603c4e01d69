//! All network code: fetching the feed.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use recap_core::{load::read_response, LoadError, ParsedFeed};

/// Fetches and reads the feed at `url` (relative to the page or absolute).
///
/// Items without `_recap.talks` (a plain Jekyll `feed.json`) get their talks from
/// `content_html`, read by the browser's own HTML parser and the same extractor as the CLI's. The
/// request is aborted if the component that asked for it goes away first.
pub async fn fetch_feed(url: String) -> Result<Arc<ParsedFeed>, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    if let Some(controller) = controller {
        on_cleanup(move || controller.abort());
    }
    let network = |err: gloo_net::Error| LoadError::Network(err.to_string());
    let response = Request::get(&url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(network)?;
    let body = if response.ok() {
        response.text().await.map_err(network)?
    } else {
        String::new()
    };
    let mut parsed = read_response(response.status(), &response.status_text(), &body)?;
    for item in parsed
        .feed
        .items
        .iter_mut()
        .filter(|item| item.needs_extraction())
    {
        let blocks = crate::dom::blocks_from_html(item.content_html.as_deref().unwrap_or_default());
        item.extract_talks_from(&blocks);
    }
    Ok(Arc::new(parsed))
}
