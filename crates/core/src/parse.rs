//! Reading a feed leniently: problems are reported with their JSON path, broken items are
//! skipped, everything else is kept.

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::feed::{Feed, FeedRecap, Item};

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The item could not be read and was left out.
    Error,
    /// Something is off, but nothing was left out.
    Warning,
}

/// One problem in a feed, located by its JSON path (`items[3].date_published`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document: `items[3]._recap.talks[0].start`.
    pub path: String,
    /// What is wrong, for a person.
    pub message: String,
    /// Whether something was left out because of it.
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A feed with the problems met while reading it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    /// The readable part of the feed, items newest first.
    pub feed: Feed,
    /// Every problem, in document order.
    pub problems: Vec<Problem>,
    /// When this is the copy the site's service worker saved, answered while the network was
    /// down: the time it was saved ([`crate::offline`]).
    pub saved: Option<String>,
}

impl ParsedFeed {
    #[cfg(test)]
    /// How many items were left out.
    pub(crate) fn skipped_items(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// Why a document cannot be read as a feed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The text is not JSON.
    #[error("the feed is not valid JSON: {message} (line {line}, column {column})")]
    NotJson {
        /// What the JSON parser met.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// The JSON is not shaped like a JSON Feed.
    #[error("the document is not a JSON Feed: {0}")]
    NotAFeed(String),
    /// The document says it is something other than JSON Feed 1 (another version, or another
    /// format with a `version` of its own): its items may mean something else.
    #[error("its \"version\" is {0:?}, not JSON Feed 1 (\"https://jsonfeed.org/version/1.1\")")]
    Version(String),
}

/// The top level of a feed, with items kept raw so that each is read on its own.
#[derive(Deserialize)]
struct RawFeed<'a> {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    home_page_url: Option<String>,
    #[serde(default)]
    feed_url: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    next_url: Option<String>,
    #[serde(borrow)]
    items: Option<Vec<&'a RawValue>>,
    /// Read on its own, so that a malformed extension costs only itself.
    #[serde(rename = "_recap", default, borrow)]
    recap: Option<&'a RawValue>,
}

/// Reads a JSON Feed document.
///
/// Fails only when the document is not JSON or has no `items` list. Otherwise every item that
/// can be read is kept, each one that cannot is reported as an [`Severity::Error`] and skipped,
/// and the items are ordered newest first (undated items last, in feed order).
pub fn parse_feed(text: &str) -> Result<ParsedFeed, FeedError> {
    let raw: RawFeed<'_> = serde_json::from_str(text).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            return FeedError::NotJson {
                message: strip_position(&err),
                line: err.line(),
                column: err.column(),
            };
        }
        match path_of(text, &err).as_str() {
            "." => FeedError::NotAFeed(format!("expected an object, {}", strip_position(&err))),
            path => FeedError::NotAFeed(format!("{path}: {}", strip_position(&err))),
        }
    })?;
    let raw_items = raw
        .items
        .ok_or_else(|| FeedError::NotAFeed("it has no \"items\" list".to_owned()))?;

    let mut problems = Vec::new();
    let warn = |problems: &mut Vec<Problem>, path: &str, message: String| {
        problems.push(Problem {
            path: path.to_owned(),
            message,
            severity: Severity::Warning,
        });
    };
    let version = raw.version.unwrap_or_default();
    let version_one = [
        "https://jsonfeed.org/version/1",
        "http://jsonfeed.org/version/1",
    ];
    let known = |v: &str| {
        version_one.iter().any(|one| {
            v.strip_prefix(one)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    };
    if !version.trim().is_empty() && !known(&version) {
        return Err(FeedError::Version(version));
    }
    if version.trim().is_empty() {
        warn(
            &mut problems,
            "version",
            format!("expected \"https://jsonfeed.org/version/1.1\", found {version:?}"),
        );
    }
    let title = raw.title.unwrap_or_default();
    if title.trim().is_empty() {
        warn(
            &mut problems,
            "title",
            "missing; the feed has no name".to_owned(),
        );
    }

    let recap = raw.recap.and_then(|recap| {
        serde_json::from_str::<FeedRecap>(recap.get())
            .map_err(|err| {
                let path = match path_of(recap.get(), &err).as_str() {
                    "." => "_recap".to_owned(),
                    inner if inner.starts_with('[') => format!("_recap{inner}"),
                    inner => format!("_recap.{inner}"),
                };
                let message = format!("{}; the extension is ignored", strip_position(&err));
                warn(&mut problems, &path, message);
            })
            .ok()
    });

    let mut items: Vec<Item> = Vec::with_capacity(raw_items.len());
    let mut seen_ids = crate::id::Seen::with_capacity(raw_items.len());
    for (index, raw_item) in raw_items.iter().enumerate() {
        match parse_item(raw_item.get(), index) {
            Ok(item) if !seen_ids.insert(&item.id) => problems.push(Problem {
                path: format!("items[{index}].id"),
                message: format!(
                    "{:?} is used by an earlier item; this one is left out",
                    item.id
                ),
                severity: Severity::Error,
            }),
            Ok(item) => items.push(item),
            Err(problem) => problems.push(problem),
        }
    }
    // Equal and undated items keep their feed order.
    crate::feed::newest_first(&mut items);

    Ok(ParsedFeed {
        feed: Feed {
            version,
            title,
            home_page_url: raw.home_page_url,
            feed_url: raw.feed_url,
            description: raw.description,
            next_url: raw.next_url,
            items,
            recap,
        },
        problems,
        saved: None,
    })
}

/// Reads one item, as [`parse_feed`] reads each of its items (the app reads the extractor's
/// answers with it, so no second copy of the item reader ships).
pub fn read_item(text: &str) -> Result<Item, Problem> {
    parse_item(text, 0)
}

fn parse_item(text: &str, index: usize) -> Result<Item, Problem> {
    let error = |path: String, message: String| Problem {
        path,
        message,
        severity: Severity::Error,
    };
    let item: Item = serde_json::from_str(text).map_err(|err| {
        let path = match path_of(text, &err).as_str() {
            "." => format!("items[{index}]"),
            inner => format!("items[{index}].{inner}"),
        };
        error(path, strip_position(&err))
    })?;
    if item.id.trim().is_empty() {
        return Err(error(
            format!("items[{index}].id"),
            "must not be empty".to_owned(),
        ));
    }
    Ok(item)
}

/// Where in `text` a (non-syntax) error of serde_json happened, as a JSON path: `.` for the top
/// level, else like `_recap.talks[1].start`.
///
/// serde_json reports a refused value at the position just after it (at its first byte when it
/// is of the wrong kind for a typed field), and a missing field just after the object that
/// lacks it; the model's own visitors keep to that (see `Scalar` in the `feed` module). The
/// innermost value open at that position is then the one at fault. It is found by scanning the
/// text, which is valid JSON, so no path-tracking deserializer has to ship in the wasm;
/// `tests/json_paths.rs` checks the paths against `serde_path_to_error` on every way of
/// breaking a rich item.
fn path_of(text: &str, err: &serde_json::Error) -> String {
    let line_start = match err.line() {
        0 | 1 => 0,
        line => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let offset = line_start + err.column();
    json_path_at(text, offset)
}

/// One open container while scanning: an object with the key of the value being read, or an
/// array with the index of the element being read.
enum Open<'a> {
    Object(Option<&'a str>),
    Array(usize),
}

/// The path of the value open at byte `offset` of the JSON `text`.
fn json_path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut key_next = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if std::mem::take(&mut key_next) {
                    if let Some(Open::Object(key)) = open.last_mut() {
                        *key = text.get(start..j.min(bytes.len()));
                    }
                }
                i = j;
            }
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Array(index)) => *index += 1,
                Some(Open::Object(key)) => {
                    *key = None;
                    key_next = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for part in &open {
        match part {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Object(None) => {}
            Open::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// serde_json appends " at line L column C"; inside an item that position means little.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed_with_items(items: &str) -> String {
        format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Test meetup","items":[{items}]}}"#
        )
    }

    #[test]
    fn reads_the_design_example_with_every_recap_field() {
        let text = include_str!("../../../tests/fixtures/feeds/every-field.json");
        let parsed = parse_feed(text).unwrap();
        assert_eq!(parsed.problems, vec![]);
        let feed = &parsed.feed;
        assert_eq!(
            feed.next_url.as_deref(),
            Some("https://example.org/feed-2.json")
        );
        let item = &feed.items[0];
        assert_eq!(item.location(), Some("London, UK"));
        let talks = item.talks();
        assert_eq!(talks.len(), 2);
        assert_eq!(talks[0].start, Some(183));
        assert_eq!(talks[0].speakers[1].org, None);
        assert_eq!(talks[0].links[0].label, "slides");
        assert_eq!(talks[1].title, None);
        let recap = item.recap.as_ref().unwrap();
        assert_eq!(recap.sponsors[0].name, "Acme");
        assert_eq!(
            recap.next_event.as_ref().unwrap().date_text.as_deref(),
            Some("Wednesday 3rd May")
        );
    }

    #[test]
    fn ignores_unknown_keys_everywhere() {
        let text = feed_with_items(
            r#"{"id":"a","surprise":1,"_other_ext":{"x":1},"_recap":{"colour":"red","talks":[{"title":"t","mood":"great","speakers":[{"name":"n","pronouns":"they"}]}]}}"#,
        );
        let parsed = parse_feed(&text).unwrap();
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.feed.items[0].talks()[0].speakers[0].name, "n");
    }

    #[test]
    fn reads_the_top_level_recap_extension_and_ignores_other_top_level_keys() {
        let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","_other":[1],
            "icon":"x.png","_recap":{"index":"feed-index.json","pages":5,"items":10000,"later":true},
            "next_url":"feed-2.json","items":[{"id":"a"}]}"#;
        let parsed = parse_feed(text).unwrap();
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(
            parsed.feed.recap,
            Some(FeedRecap {
                index: Some("feed-index.json".into()),
                people: None,
                pages: Some(5),
                items: Some(10_000),
            })
        );
        assert_eq!(parsed.feed.next_url.as_deref(), Some("feed-2.json"));
        let written = serde_json::to_string(&parsed.feed).unwrap();
        assert!(written.contains(r#""_recap":{"index":"feed-index.json","pages":5,"items":10000}"#));
        assert_eq!(parse_feed(&written).unwrap().feed, parsed.feed);
        // A feed without it writes none.
        let plain = parse_feed(&feed_with_items(r#"{"id":"a"}"#)).unwrap().feed;
        assert_eq!(plain.recap, None);
        assert!(!serde_json::to_string(&plain).unwrap().contains("_recap"));
    }

    #[test]
    fn a_malformed_top_level_recap_is_a_warning_and_the_items_are_kept() {
        for (recap, path) in [
            (r#"{"pages":"five"}"#, "_recap.pages"),
            (r#"{"index":3}"#, "_recap.index"),
            (r#"[1,2]"#, "_recap[0]"),
            (r#""feed-index.json""#, "_recap"),
        ] {
            let text = format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","_recap":{recap},"items":[{{"id":"a"}}]}}"#
            );
            let parsed = parse_feed(&text).unwrap();
            assert_eq!(parsed.feed.recap, None, "{recap}");
            assert_eq!(parsed.feed.items.len(), 1);
            assert_eq!(parsed.problems.len(), 1, "{recap}");
            assert_eq!(parsed.problems[0].path, path);
            assert_eq!(parsed.problems[0].severity, Severity::Warning);
        }
    }

    #[test]
    fn skips_broken_items_with_their_json_path_and_keeps_the_rest() {
        let text = feed_with_items(
            r#"
            {"id":"ok-1","date_published":"2023-01-01T00:00:00Z"},
            {"id":"bad-date","date_published":"last Tuesday"},
            {"id":"ok-2"},
            {"id":"bad-start","_recap":{"talks":[{"title":"x","start":null},{"title":"y","start":-5}]}},
            {"title":"no id"},
            "not an object",
            {"id":"  "},
            {"id":"ok-1"}
            "#,
        );
        let parsed = parse_feed(&text).unwrap();
        let ids: Vec<_> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["ok-1", "ok-2"]);
        let problems: Vec<_> = parsed.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(
            problems[0].starts_with("items[1].date_published: not RFC 3339"),
            "{problems:#?}"
        );
        assert_eq!(
            problems[1],
            "items[3]._recap.talks[1].start: invalid value: integer `-5`, expected whole seconds into the video, such as 183, or null"
        );
        assert_eq!(problems[2], "items[4]: missing field `id`");
        assert!(problems[3].starts_with("items[5]: invalid type: string"));
        assert_eq!(problems[4], "items[6].id: must not be empty");
        assert!(problems[5].starts_with("items[7].id: \"ok-1\" is used by an earlier item"));
        assert_eq!(parsed.skipped_items(), 6);
    }

    #[test]
    fn orders_items_newest_first_by_instant_with_undated_last() {
        let text = feed_with_items(
            r#"
            {"id":"undated-1"},
            {"id":"2022","date_published":"2022-06-01T18:00:00Z"},
            {"id":"2024","date_published":"2024-01-10T18:00:00Z"},
            {"id":"undated-2"},
            {"id":"late-utc","date_published":"2023-03-01T10:00:00Z"},
            {"id":"early-local","date_published":"2023-03-01T11:00:00+05:00"}
            "#,
        );
        let parsed = parse_feed(&text).unwrap();
        let ids: Vec<_> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "2024",
                "late-utc",
                "early-local",
                "2022",
                "undated-1",
                "undated-2"
            ]
        );
    }

    #[test]
    fn orders_many_events_in_no_order_as_a_stable_sort_does() {
        // Instants that repeat, some before 1970, some undated, in no order.
        let mut items = Vec::new();
        let mut expected: Vec<(Option<i64>, usize)> = Vec::new();
        for i in 0..500 {
            let pick = (i * 7919) % 61;
            let date = (pick % 7 != 0).then(|| {
                format!(
                    "{}-0{}-0{}T0{}:00:00Z",
                    1940 + pick,
                    1 + pick % 9,
                    1 + pick % 8,
                    pick % 10
                )
            });
            let seconds = date
                .as_deref()
                .map(|d| crate::Timestamp::parse(d).unwrap().unix_seconds());
            items.push(match &date {
                Some(d) => format!(r#"{{"id":"e{i}","date_published":"{d}"}}"#),
                None => format!(r#"{{"id":"e{i}"}}"#),
            });
            expected.push((seconds, i));
        }
        expected.sort_by_key(|&(seconds, _)| std::cmp::Reverse(seconds));
        let parsed = parse_feed(&feed_with_items(&items.join(","))).unwrap();
        let ids: Vec<&str> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
        let expected: Vec<String> = expected.iter().map(|(_, i)| format!("e{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn ids_and_starts_of_every_json_kind_are_read_or_refused_with_their_paths() {
        let cases: Vec<String> = [
            r#"{"id": "a"}"#,
            r#"{"id": 7}"#,
            r#"{"id": -7}"#,
            r#"{"id": 7.5}"#,
            r#"{"id": null}"#,
            r#"{"id": true}"#,
            r#"{"id": [1]}"#,
            r#"{"id": {"x": 1}}"#,
            r#"{"id": 18446744073709551615}"#,
            r#"{"id": "b", "_recap": {"talks": [{"start": 183}]}}"#,
            r#"{"id": "c", "_recap": {"talks": [{"start": null}]}}"#,
            r#"{"id": "d", "_recap": {"talks": [{"start": -5}]}}"#,
            r#"{"id": "e", "_recap": {"talks": [{"start": 4294967296}]}}"#,
            r#"{"id": "f", "_recap": {"talks": [{"start": 1.5}]}}"#,
            r#"{"id": "g", "_recap": {"talks": [{"start": "30:00"}]}}"#,
            r#"{"id": "h", "_recap": {"talks": [{"start": [1, 2]}]}}"#,
            r#"{"id": "i", "_recap": {"talks": [{"start": {"s": 1}}]}}"#,
            r#"{"id": "j", "_recap": {"talks": [{"start": false}]}}"#,
            r#"{"id": "k", "_recap": {"talks": [{}]}}"#,
        ]
        .iter()
        .map(|item| {
            let parsed = parse_feed(&feed_with_items(item)).unwrap();
            match (parsed.feed.items.first(), parsed.problems.first()) {
                (Some(item), None) => {
                    format!("{} {:?}", item.id, item.talks().first().map(|t| t.start))
                }
                (_, Some(problem)) => problem.to_string(),
                (None, None) => "nothing".to_owned(),
            }
        })
        .collect();
        let path = "items[0]._recap.talks[0].start";
        let seconds = "expected whole seconds into the video, such as 183, or null";
        let string = "expected a string";
        assert_eq!(
            cases,
            [
                "a None".to_owned(),
                "7 None".to_owned(),
                "-7 None".to_owned(),
                format!("items[0].id: invalid type: floating point `7.5`, {string}"),
                format!("items[0].id: invalid type: null, {string}"),
                format!("items[0].id: invalid type: boolean `true`, {string}"),
                format!("items[0].id: invalid type: sequence, {string}"),
                format!("items[0].id: invalid type: map, {string}"),
                "18446744073709551615 None".to_owned(),
                "b Some(Some(183))".to_owned(),
                "c Some(None)".to_owned(),
                format!("{path}: invalid value: integer `-5`, {seconds}"),
                format!("{path}: invalid value: integer `4294967296`, {seconds}"),
                format!("{path}: invalid type: floating point `1.5`, {seconds}"),
                format!("{path}: invalid type: string \"30:00\", {seconds}"),
                format!("{path}: invalid type: sequence, {seconds}"),
                format!("{path}: invalid type: map, {seconds}"),
                format!("{path}: invalid type: boolean `false`, {seconds}"),
                "k Some(None)".to_owned(),
            ]
        );
    }

    #[test]
    fn accepts_numeric_ids() {
        let parsed = parse_feed(&feed_with_items(r#"{"id": 42}"#)).unwrap();
        assert_eq!(parsed.feed.items[0].id, "42");
    }

    #[test]
    fn top_level_problems_are_warnings_or_errors_with_position() {
        let parsed = parse_feed(r#"{"items":[]}"#).unwrap();
        let problems: Vec<_> = parsed.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "version: expected \"https://jsonfeed.org/version/1.1\", found \"\"",
                "title: missing; the feed has no name"
            ]
        );
        assert_eq!(parsed.skipped_items(), 0);

        let err = parse_feed("{\n  \"items\": [\n    {\"id\": \"a\",}\n  ]\n}").unwrap_err();
        assert!(matches!(err, FeedError::NotJson { line: 3, .. }), "{err:?}");
        assert!(err.to_string().contains("(line 3, column"), "{err}");

        assert_eq!(
            parse_feed("{\"title\": \"x\"}").unwrap_err(),
            FeedError::NotAFeed("it has no \"items\" list".to_owned())
        );
        assert!(matches!(parse_feed("[1,2]"), Err(FeedError::NotAFeed(_))));
        for other in [
            "https://jsonfeed.org/version/2",
            "https://jsonfeed.org/version/10",
            "2.0",
        ] {
            let err = parse_feed(&format!(r#"{{"version":"{other}","items":[]}}"#)).unwrap_err();
            assert_eq!(err, FeedError::Version(other.to_owned()));
            assert_eq!(
                err.to_string(),
                format!(
                    "its \"version\" is \"{other}\", not JSON Feed 1 (\"https://jsonfeed.org/version/1.1\")"
                )
            );
        }
        for one in [
            "https://jsonfeed.org/version/1",
            "https://jsonfeed.org/version/1.1",
            "http://jsonfeed.org/version/1",
        ] {
            let parsed = parse_feed(&format!(r#"{{"version":"{one}","title":"T","items":[]}}"#));
            assert_eq!(parsed.unwrap().problems, []);
        }
        assert!(matches!(parse_feed(""), Err(FeedError::NotJson { .. })));
        assert!(matches!(
            parse_feed(r#"{"items": {"id": "a"}}"#),
            Err(FeedError::NotAFeed(m)) if m.starts_with("items: invalid type")
        ));
    }

    #[test]
    fn round_trips_through_serde() {
        let text = feed_with_items(
            r#"{"id":"a","date_published":"2023-05-03T18:30:00+01:00","_recap":{"location":"Here","talks":[{"title":"t","start":3}]}}"#,
        );
        let parsed = parse_feed(&text).unwrap();
        let written = serde_json::to_string(&parsed.feed).unwrap();
        assert_eq!(parse_feed(&written).unwrap().feed, parsed.feed);
    }

    #[test]
    fn never_panics_on_truncated_or_mangled_input() {
        let text = feed_with_items(
            r#"{"id":"a","date_published":"2023-05-03T18:30:00Z","_recap":{"talks":[{"title":"t","start":3,"speakers":[{"name":"x","org":"y"}]}]}}"#,
        );
        for end in 0..text.len() {
            let _ = parse_feed(&text[..end]);
        }
        for (i, _) in text.char_indices() {
            let mut mangled = text.clone();
            mangled.replace_range(i..i + 1, "\"");
            let _ = parse_feed(&mangled);
        }
    }
}

#[cfg(test)]
mod feed_tests {
    use super::*;

    fn feed(items: &str) -> Feed {
        parse_feed(&format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{items}]}}"#
        ))
        .unwrap()
        .feed
    }

    #[test]
    fn pages_merge_without_duplicates_and_neighbours_are_found() {
        let mut first = feed(
            r#"{"id":"c","date_published":"2024-03-01T00:00:00Z"},{"id":"b","date_published":"2024-02-01T00:00:00Z"}"#,
        );
        let older = feed(
            r#"{"id":"b","date_published":"2024-02-01T00:00:00Z"},{"id":"a","date_published":"2024-01-01T00:00:00Z"}"#,
        );
        assert_eq!(first.append_page(older), 1);
        let ids: Vec<_> = first.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        let (item, newer, older) = first.find("b").unwrap();
        assert_eq!(
            (
                item.id.as_str(),
                newer.map(|i| i.id.as_str()),
                older.map(|i| i.id.as_str())
            ),
            ("b", Some("c"), Some("a"))
        );
        assert!(first.find("zzz").is_none());
    }

    #[test]
    fn appending_a_large_page_keeps_each_id_once() {
        // 20,000 held and 20,000 offered, half of them known. (How long it takes is the
        // archive benchmark's to measure, not a unit test's.)
        let items = |from: usize, to: usize| {
            (from..to)
                .map(|n| format!(r#"{{"id":"e{n}","date_published":"2000-01-01T00:00:00Z"}}"#))
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut first = feed(&items(0, 20_000));
        let page = feed(&items(10_000, 30_000));
        assert_eq!(first.append_page(page), 10_000);
        assert_eq!(first.items.len(), 30_000);
        let ids: std::collections::HashSet<&str> =
            first.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 30_000);
        // A page whose own items repeat an id adds it once.
        let mut one = feed(r#"{"id":"x"}"#);
        let mut twice = feed(r#"{"id":"y"}"#);
        twice.items.push(twice.items[0].clone());
        assert_eq!(one.append_page(twice), 1);
    }

    #[test]
    fn the_total_is_what_the_first_page_says_or_what_is_read() {
        let mut first = feed(r#"{"id":"a"},{"id":"b"}"#);
        assert_eq!(first.total(), 2);
        first.recap = Some(crate::FeedRecap {
            items: Some(10_000),
            ..Default::default()
        });
        assert_eq!(first.total(), 10_000);
        // A page that says less than it holds is not believed.
        first.recap = Some(crate::FeedRecap {
            items: Some(1),
            ..Default::default()
        });
        assert_eq!(first.total(), 2);
    }

    #[test]
    fn extraction_fills_only_what_the_feed_lacks() {
        let mut items = feed(
            r#"{"id":"a","content_html":"<p>x</p>","_recap":{"location":"Leeds","video":null}}"#,
        )
        .items;
        let item = &mut items[0];
        assert!(item.needs_extraction());
        item.fill_from(crate::Recap {
            location: Some("Elsewhere".into()),
            video: Some("https://youtu.be/AbCdEfGhIjK".into()),
            talks: Some(vec![crate::Talk {
                title: Some("T".into()),
                ..Default::default()
            }]),
            next_event: None,
            sponsors: vec![],
        });
        assert!(!item.needs_extraction());
        assert_eq!(item.location(), Some("Leeds"));
        assert_eq!(item.talks().len(), 1);
    }

    #[test]
    fn talks_are_read_from_blocks_with_the_feeds_own_video() {
        use crate::blocks::{Block, Inline};
        let mut items = feed(
            r#"{"id":"a","content_html":"<p>…</p>","_recap":{"location":"Leeds","video":"https://www.youtube.com/embed/v=AbCdEfGhIjK"}}"#,
        )
        .items;
        let item = &mut items[0];
        let blocks = [Block::Paragraph(vec![
            Inline::Text("First up was Ada Lovelace from Loom Works discussing ".into()),
            Inline::Link {
                text: "Punch cards at scale".into(),
                url: "https://youtu.be/AbCdEfGhIjK?t=95".into(),
            },
        ])];
        let extracted = crate::extract::extract(&blocks, item.extraction_meta()).recap;
        item.fill_from(extracted);
        let talk = &item.talks()[0];
        assert_eq!(talk.title.as_deref(), Some("Punch cards at scale"));
        assert_eq!(talk.start, Some(95));
        assert_eq!(item.location(), Some("Leeds"));
        // The feed's own (malformed) video is kept as written.
        assert_eq!(
            item.recap.as_ref().unwrap().video.as_deref(),
            Some("https://www.youtube.com/embed/v=AbCdEfGhIjK")
        );
        assert_eq!(item.talks().len(), 1);
        assert!(item.recording().is_some());
    }
}
