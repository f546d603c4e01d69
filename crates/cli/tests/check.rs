//! `recap-feed check` on the shared test feeds.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "../../tests/fixtures/feeds",
        name,
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

fn recap_feed(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recap-feed"))
        .args(args)
        .output()
        .expect("recap-feed runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_clean_feed_passes() {
    let path = fixture("small.json");
    let output = recap_feed(&["check", &path]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("{path}: 2 events readable, 0 left out, 0 warnings\n")
    );
}

#[test]
fn broken_items_are_listed_with_file_and_json_path_and_fail_the_check() {
    let path = fixture("partly-broken.json");
    let output = recap_feed(&["check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with(&format!(
        "{path}: error: items[1].date_published: not RFC 3339"
    )));
    assert!(lines[1].starts_with(&format!(
        "{path}: error: items[3]._recap.talks[0].start: invalid type"
    )));
    assert_eq!(
        lines[2],
        format!("{path}: 2 events readable, 2 left out, 0 warnings")
    );
}

#[test]
fn a_document_that_is_not_json_names_file_and_line() {
    let path = fixture("not-json.json");
    let output = recap_feed(&["check", &path]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.starts_with(&format!("recap-feed: {path}: the feed is not valid JSON")),
        "{err}"
    );
    assert!(err.contains("(line 5, column 1)"), "{err}");
}

#[test]
fn the_sample_feed_is_clean() {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "../../public/feed.json"]
        .iter()
        .collect();
    let output = recap_feed(&["check", &path.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    let out = stdout(&output);
    assert!(out.contains(" 0 left out, "), "{out}");
    // The sample has talks before the stream started and a next meetup without a sign-up link:
    // warnings that name the item.
    assert!(
        out.contains("warning: item \"2025-03-05-harbourside-cloud-native-march-2025\": talk 1"),
        "{out}"
    );
}

#[test]
fn a_missing_file_and_bad_usage_are_errors() {
    let output = recap_feed(&["check", "/nonexistent/feed.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/feed.json"));
    let output = recap_feed(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("recap-feed check FEED.json"));
}
