//! Markdown/HTML parity, in headless Chromium: every post fixture's rendered HTML, read by the
//! browser's parser through `recap_extract::blocks_from_html`, must give exactly the blocks and the
//! `_recap` that the native Markdown path gives (`tests/fixtures/posts/parity.json`, written by
//! `RECAP_BLESS=1 cargo test -p recap-feed --test parity_data`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use recap_core::blocks::{Block, Inline};
use recap_core::extract::{extract, EventMeta};
use recap_extract::blocks_from_html;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PARITY: &str = include_str!("fixtures/posts/parity.json");

#[wasm_bindgen_test]
fn every_fixture_gives_the_same_blocks_from_html_as_from_markdown() {
    let fixtures: Vec<Value> = serde_json::from_str(PARITY).unwrap();
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let name = fixture["name"].as_str().unwrap();
        let expected: Vec<String> = fixture["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap().to_owned())
            .collect();
        let actual: Vec<String> = blocks_from_html(fixture["html"].as_str().unwrap())
            .iter()
            .map(|block| format!("{block:?}"))
            .collect();
        if actual != expected {
            let at = actual
                .iter()
                .zip(&expected)
                .position(|(a, e)| a != e)
                .unwrap_or(actual.len().min(expected.len()));
            failures.push(format!(
                "{name}: {} blocks from HTML, {} from Markdown; block {at} differs:\n  from HTML:     {:?}\n  from Markdown: {:?}",
                actual.len(),
                expected.len(),
                actual.get(at),
                expected.get(at),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn every_fixture_gives_the_same_recap_from_html_as_from_markdown() {
    let fixtures: Vec<Value> = serde_json::from_str(PARITY).unwrap();
    assert!(fixtures.len() >= 30, "only {} fixtures", fixtures.len());
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let name = fixture["name"].as_str().unwrap();
        let html = fixture["html"].as_str().unwrap();
        let blocks = blocks_from_html(html);
        let extraction = extract(
            &blocks,
            EventMeta {
                location: fixture["location"].as_str(),
                video: fixture["video"].as_str(),
            },
        );
        let actual = serde_json::to_value(&extraction.recap).unwrap();
        let expected = json!({
            "location": fixture["location"],
            "video": fixture["video"],
            "talks": fixture["talks"],
            "sponsors": fixture["sponsors"],
            "next_event": fixture["next_event"],
        });
        if actual != expected {
            failures.push(format!(
                "{name}:\n  from HTML:     {actual}\n  from Markdown: {expected}\n  blocks: {blocks:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n")
    );
}

/// As Jekyll's kramdown writes it: heading ids, indented items, white space between elements,
/// typographic quotes, a loose list item, a `<br />` hard break.
const KRAMDOWN: &str = r#"<p>Thanks to <a href="https://acme.example/">Acme</a> for sponsoring us.</p>

<h3 id="overview">Overview</h3>

<p>Kicking off our evening was Ada Byron from Acme asking <a href="https://youtu.be/AbCdEfGhIjK?t=183">Who’s holding the pager?</a> (starting at 3:03). Her takeaways noted that:</p>

<ul>
  <li>Pagers don’t sleep.</li>
  <li>Write the “runbook” first,
with <em>everyone</em>.</li>
  <li>
    <p>Alerts need owners.</p>
  </li>
</ul>

<p>Next up we had Grace Hopper from Navy Labs discussing <a href="https://youtu.be/AbCdEfGhIjK?t=1200">Compilers for everyone</a> (starting at 20:00). She talked about how:</p>

<ul>
  <li>Nanoseconds are a length.<br />
Really.</li>
</ul>
"#;

fn text(t: &str) -> Inline {
    Inline::Text(t.into())
}

fn link(t: &str, url: &str) -> Inline {
    Inline::Link {
        text: t.into(),
        url: url.into(),
    }
}

#[wasm_bindgen_test]
fn reads_kramdown_html() {
    let blocks = blocks_from_html(KRAMDOWN);
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![
                text("Thanks to "),
                link("Acme", "https://acme.example/"),
                text(" for sponsoring us."),
            ]),
            Block::Heading {
                level: 3,
                inlines: vec![text("Overview")]
            },
            Block::Paragraph(vec![
                text("Kicking off our evening was Ada Byron from Acme asking "),
                link(
                    "Who’s holding the pager?",
                    "https://youtu.be/AbCdEfGhIjK?t=183"
                ),
                text(" (starting at 3:03). Her takeaways noted that:"),
            ]),
            Block::List(vec![
                vec![text("Pagers don’t sleep.")],
                vec![
                    text("Write the “runbook” first,"),
                    Inline::Break,
                    text("with "),
                    Inline::Emphasis("everyone".into()),
                    text("."),
                ],
                vec![text("Alerts need owners. ")],
            ]),
            Block::Paragraph(vec![
                text("Next up we had Grace Hopper from Navy Labs discussing "),
                link(
                    "Compilers for everyone",
                    "https://youtu.be/AbCdEfGhIjK?t=1200"
                ),
                text(" (starting at 20:00). She talked about how:"),
            ]),
            Block::List(vec![vec![
                text("Nanoseconds are a length."),
                Inline::Break,
                text("Really."),
            ]]),
        ]
    );

    let recap = extract(&blocks, EventMeta::default()).recap;
    let talks = serde_json::to_value(recap.talks.unwrap()).unwrap();
    assert_eq!(
        talks,
        json!([
            {
                "title": "Who’s holding the pager?",
                "speakers": [{"name": "Ada Byron", "org": "Acme"}],
                "start": 183,
                "video_url": "https://youtu.be/AbCdEfGhIjK?t=183",
                "takeaways": [
                    "Pagers don’t sleep.",
                    "Write the “runbook” first, with everyone.",
                    "Alerts need owners."
                ],
                "links": []
            },
            {
                "title": "Compilers for everyone",
                "speakers": [{"name": "Grace Hopper", "org": "Navy Labs"}],
                "start": 1200,
                "video_url": "https://youtu.be/AbCdEfGhIjK?t=1200",
                "takeaways": ["Nanoseconds are a length. Really."],
                "links": []
            }
        ])
    );
    assert_eq!(
        serde_json::to_value(&recap.sponsors).unwrap(),
        json!([{"name": "Acme", "url": "https://acme.example/"}])
    );
}

#[wasm_bindgen_test]
fn reads_embeds_images_and_skips_scripts() {
    let blocks = blocks_from_html(
        "<div class=\"video\"><iframe src=\"https://www.youtube.com/embed/AbCdEfGhIjK\"></iframe></div>\
         <script>document.title = 'x';</script><style>p{}</style>\
         <p>Group photo:\n<img src=\"/images/a.jpeg\" alt=\"us\" /></p>\
         <blockquote><p>Quoted <strong>bold</strong><strong>er</strong></p></blockquote>\
         <div>loose <code>text</code></div>",
    );
    assert_eq!(
        blocks,
        vec![
            Block::Embed {
                url: "https://www.youtube.com/embed/AbCdEfGhIjK".into()
            },
            Block::Image {
                alt: "us".into(),
                url: "/images/a.jpeg".into()
            },
            Block::Paragraph(vec![text("Group photo:")]),
            Block::Paragraph(vec![text("Quoted "), Inline::Emphasis("bolder".into())]),
            Block::Paragraph(vec![text("loose text")]),
        ]
    );
}

#[wasm_bindgen_test]
fn garbage_does_not_panic() {
    let big = "<p><a href=\"https://x.example/(\">[a]https://y.example/)".repeat(4_000);
    assert!(big.len() > 200_000);
    let deep = "<div><ul><li><em>".repeat(2_000);
    for html in [
        "",
        "<p><a>",
        "<<<",
        "<a href>",
        "</p></li></ul>",
        "<table><tr>loose<td>x</td></tr></table>",
        "<pre>a\nb</pre>",
        "<br><br>\n",
        "<ul><ul><li>x</li></ul><li>",
        big.as_str(),
        deep.as_str(),
    ] {
        let blocks = blocks_from_html(html);
        let _ = extract(&blocks, EventMeta::default());
    }
    assert!(blocks_from_html("").is_empty());
    assert_eq!(
        blocks_from_html("<<<"),
        vec![Block::Paragraph(vec![text("<<<")])]
    );
}
