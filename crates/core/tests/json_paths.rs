//! The feed reader locates a broken item's fault by scanning the JSON text at the position
//! serde_json reports, instead of shipping a path-tracking deserializer. Here every way of
//! breaking a rich item (each value in turn replaced by a value of another kind, each key in
//! turn removed), written compactly and pretty-printed, must give the same path as
//! `serde_path_to_error`, the reference.
#![allow(clippy::unwrap_used)]

use recap_core::{parse_feed, Item};
use serde_json::{json, Value};

/// The item of the feed fixture that sets every field.
fn rich_item() -> Value {
    let feed: Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/feeds/every-field.json"
    ))
    .unwrap();
    feed["items"][0].clone()
}

/// Every value in the tree, by its pointer (`/_recap/talks/0/start`).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                pointers(inner, format!("{at}/{key}"), out);
            }
        }
        Value::Array(list) => {
            for (i, inner) in list.iter().enumerate() {
                pointers(inner, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// The path `serde_path_to_error` gives, as the feed reader words it.
fn reference(item_text: &str) -> Option<String> {
    let mut deserializer = serde_json::Deserializer::from_str(item_text);
    let err = serde_path_to_error::deserialize::<_, Item>(&mut deserializer).err()?;
    Some(match err.path().to_string().as_str() {
        "." => "items[0]".to_owned(),
        inner => format!("items[0].{inner}"),
    })
}

/// The path the feed reader gives for the item's problem, if it left the item out.
fn ours(item_text: &str) -> Option<String> {
    let feed = format!(
        "{{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \"t\",\n  \"items\": [{item_text}]\n}}"
    );
    let parsed = parse_feed(&feed).unwrap();
    parsed.problems.first().map(|p| p.path.clone())
}

#[test]
fn every_broken_item_is_located_as_the_reference_locates_it() {
    let item = rich_item();
    let mut all = Vec::new();
    pointers(&item, String::new(), &mut all);
    let replacements = [
        json!("text"),
        json!(-5),
        json!(1.5),
        json!(true),
        json!(null),
        json!({}),
        json!([]),
        json!({"x": [1, {"y": "]"}]}),
        json!(["a", {"b": 2}]),
        json!([[1], "x"]),
        json!({"a": {}}),
        json!("2023-13-45T99:00:00Z"),
    ];
    let mut variants = Vec::new();
    for pointer in all.iter().filter(|p| !p.is_empty()) {
        for replacement in &replacements {
            let mut broken = item.clone();
            *broken.pointer_mut(pointer).unwrap() = replacement.clone();
            variants.push(broken);
        }
        // The key itself removed, when its parent is an object.
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let mut broken = item.clone();
        if let Some(Value::Object(map)) = broken.pointer_mut(parent) {
            map.remove(key);
            variants.push(broken);
        }
    }
    let mut compared = 0;
    for broken in &variants {
        for text in [
            serde_json::to_string(broken).unwrap(),
            serde_json::to_string_pretty(broken).unwrap(),
        ] {
            let expected = reference(&text);
            assert_eq!(ours(&text), expected, "for the item {text}");
            compared += usize::from(expected.is_some());
        }
    }
    // Most changes break the item; each of those was located.
    assert!(compared > 300, "only {compared} broken items compared");
}
