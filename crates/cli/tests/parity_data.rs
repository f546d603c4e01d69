//! Parity data for the browser: every post fixture as the HTML it renders to, with the blocks
//! (`Debug`-printed, one string per block) and the `_recap` that the native (Markdown) path reads
//! from it. The web app's `tests/parity.rs` walks that HTML with the browser's parser and must
//! build the same blocks and extract the same `_recap`.
//!
//! `RECAP_BLESS=1 cargo test -p recap-feed --test parity_data` rewrites
//! `tests/fixtures/posts/parity.json`; otherwise the committed file must be up to date.

#![allow(clippy::unwrap_used)]

use recap_feed::build::to_item;
use recap_feed::post::{read_post, Site};
use serde_json::{json, Value};

mod common;

use common::{fixture_posts, repo};

/// One entry per post: its name, its HTML and its native `_recap`.
fn parity_entries() -> Value {
    let paths = fixture_posts();
    let site = Site::default();
    let entries = paths
        .iter()
        .map(|path| {
            let post = read_post(path, &site).unwrap_or_else(|err| panic!("{err}"));
            let html = recap_core::markdown::to_html(&post.body);
            let blocks: Vec<String> = recap_core::markdown::to_blocks(&post.body)
                .iter()
                .map(|block| format!("{block:?}"))
                .collect();
            let (item, _) = to_item(&post, "", &site);
            let recap = item.recap.unwrap();
            json!({
                "name": path.file_stem().unwrap().to_string_lossy(),
                "html": html,
                "blocks": blocks,
                "location": recap.location,
                "video": recap.video,
                "talks": recap.talks,
                "sponsors": recap.sponsors,
                "next_event": recap.next_event,
            })
        })
        .collect();
    Value::Array(entries)
}

#[test]
fn parity_json_is_up_to_date() {
    let path = repo().join("tests/fixtures/posts/parity.json");
    let fresh = serde_json::to_string_pretty(&parity_entries()).unwrap() + "\n";
    if std::env::var("RECAP_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "parity.json is stale: run RECAP_BLESS=1 cargo test -p recap-feed --test parity_data"
    );
}
