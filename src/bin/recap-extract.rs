//! The in-browser talk extractor: a wasm module of its own, fetched by the app only for a feed
//! whose items lack `_recap.talks` (a plain Jekyll `feed.json`). A feed made by `recap-feed`
//! already carries its talks, and its visitors never download this code.
//!
//! For one item it builds the block model from `content_html` with the browser's `DOMParser`
//! and runs the same extractor as the CLI.

use recap_core::extract::{extract, EventMeta};
use wasm_bindgen::prelude::wasm_bindgen;

/// What the post `content_html` says of its talks, sponsors and next meetup, as a JSON Feed item
/// `{"id": "extracted", "_recap": {…}}` (read by the app's own item reader). `location` and
/// `video` are what the item's `_recap` already says.
#[wasm_bindgen]
pub fn extract_recap(
    content_html: &str,
    location: Option<String>,
    video: Option<String>,
) -> Option<String> {
    let blocks = recap::html_blocks::blocks_from_html(content_html);
    let meta = EventMeta {
        location: location.as_deref(),
        video: video.as_deref(),
    };
    let recap = serde_json::to_string(&extract(&blocks, meta).recap).ok()?;
    Some(format!(r#"{{"id":"extracted","_recap":{recap}}}"#))
}

fn main() {}
