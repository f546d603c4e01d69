//! All network code: fetching a feed page, and readying its items for the views.

use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use recap_core::{load::read_response, LoadError, ParsedFeed, Problem, Severity};

/// Fetches and reads the feed at `url` (relative to the page or absolute).
///
/// Items without `_recap.talks` get their talks from `content_html`, read by the browser's own
/// HTML parser in the extractor module, loaded for such feeds only; relative image URLs and
/// `next_url` are resolved against the address the feed was fetched from. The request is aborted
/// if the component that asked for it goes away first.
pub async fn fetch_feed(url: String) -> Result<ParsedFeed, LoadError> {
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
