//! Structured data for search engines: an event page's JSON-LD, so that a search result can
//! name the event and open its recording at each talk (the engines' "key moments").
//!
//! One `@graph` of two nodes:
//!
//! - a schema.org `Event`: name, start date, place, description, picture, and the speakers as
//!   `Person` performers with their organisation;
//! - when the event has a recording, a `VideoObject` with what the engines require of one (name,
//!   description, thumbnail, upload date) and a `Clip` per timed talk: its name, `startOffset`,
//!   `endOffset` where the next talk starts, and a `url` that opens this page at that second
//!   (`?t=183`), the address the viewer itself writes for a moment.
//!
//! A recording with no picture to show for it (a Vimeo video or a media file, and an event
//! without `image`) gets no `VideoObject`: a thumbnail is required, and a made-up one would be
//! worse than none. Neither does an event without a date: the upload date is required too.

use serde_json::{json, Map, Value};

use crate::i18n::{Catalogue, Text};
use crate::video::VideoHost;
use crate::Item;

/// Where an event page is and the picture it shows, as absolute URLs when the site's address
/// is known (`recap-feed pages --site-url`), else as paths from the site's root.
#[derive(Debug, Clone, Copy)]
pub struct PageAddress<'a> {
    /// The event page: `https://example.org/recap/events/2024-03-06-march/`.
    pub page: &'a str,
    /// The event's picture, if it has one.
    pub image: Option<&'a str>,
}

/// An event's description for a person reading a search result: its summary, else its talks'
/// titles, else how many talks it had.
pub fn describe(item: &Item, t: &Catalogue) -> String {
    if let Some(summary) = item.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        return summary.trim().to_owned();
    }
    let titles: Vec<&str> = item
        .talks()
        .iter()
        .filter_map(|t| t.title.as_deref())
        .collect();
    if titles.is_empty() {
        item.talk_count_text(t)
    } else {
        format!("{}: {}.", t.get(Text::Talks), titles.join("; "))
    }
}

/// The moments of the recording: each timed talk's name and its start and end in seconds, in
/// the order they play. A talk ends where the next one starts; the last one has no end.
pub fn moments(item: &Item, t: &Catalogue) -> Vec<(String, u32, Option<u32>)> {
    let mut timed: Vec<(String, u32)> = item
        .talks()
        .iter()
        .enumerate()
        .filter_map(|(n, talk)| Some((talk.title_or_place(n + 1, t), talk.start?)))
        .collect();
    timed.sort_by_key(|&(_, start)| start);
    let starts: Vec<u32> = timed.iter().map(|&(_, start)| start).collect();
    timed
        .into_iter()
        .enumerate()
        .map(|(n, (name, start))| {
            let end = starts[n + 1..].iter().copied().find(|&next| next > start);
            (name, start, end)
        })
        .collect()
}

/// An event page's structured data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuredData {
    /// The JSON-LD, ready to stand inside `<script type="application/ld+json">`: `<`, `>` and
    /// `&` are written as JSON escapes, so no feed text can close the element.
    pub json: String,
    /// How many of the recording's moments (`Clip`s) it names.
    pub moments: usize,
}

/// The event's JSON-LD; `None` for an event without a date (both an `Event` and a
/// `VideoObject` require one). Its names and descriptions are in the catalogue's language.
pub fn event_json_ld(item: &Item, at: PageAddress, t: &Catalogue) -> Option<StructuredData> {
    let mut graph = Vec::new();
    let date = item.date_published.as_ref().map(ToString::to_string);
    let video = date
        .as_deref()
        .and_then(|date| video_object(item, at, date, t));
    let moments = video
        .as_ref()
        .and_then(|v| v["hasPart"].as_array())
        .map_or(0, Vec::len);
    if let Some(date) = &date {
        let mut event = object(&[
            ("@type", json!("Event")),
            ("@id", json!(format!("{}#event", at.page))),
            ("name", json!(item.display_title())),
            ("startDate", json!(date)),
            ("description", json!(describe(item, t))),
            ("url", json!(at.page)),
            (
                "eventAttendanceMode",
                json!("https://schema.org/OfflineEventAttendanceMode"),
            ),
            ("eventStatus", json!("https://schema.org/EventScheduled")),
        ]);
        if let Some(place) = item.location().map(str::trim).filter(|p| !p.is_empty()) {
            event.insert(
                "location".into(),
                json!({"@type": "Place", "name": place, "address": place}),
            );
        }
        if let Some(image) = at.image {
            event.insert("image".into(), json!([image]));
        }
        let people = performers(item);
        if !people.is_empty() {
            event.insert("performer".into(), Value::Array(people));
        }
        if video.is_some() {
            event.insert(
                "recordedIn".into(),
                json!({"@id": format!("{}#recording", at.page)}),
            );
        }
        graph.push(Value::Object(event));
    }
    graph.extend(video);
    if graph.is_empty() {
        return None;
    }
    let document = json!({"@context": "https://schema.org", "@graph": graph});
    let json = document
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    Some(StructuredData { json, moments })
}

/// The recording as a `VideoObject` with its talks as `Clip`s, when it has a thumbnail.
fn video_object(item: &Item, at: PageAddress, date: &str, t: &Catalogue) -> Option<Value> {
    let recording = item.recording()?;
    let thumbnail = at.image.map(str::to_owned).or_else(|| {
        (recording.host == VideoHost::YouTube)
            .then(|| format!("https://i.ytimg.com/vi/{}/hqdefault.jpg", recording.id))
    })?;
    let mut video = object(&[
        ("@type", json!("VideoObject")),
        ("@id", json!(format!("{}#recording", at.page))),
        (
            "name",
            json!(t.fill(Text::RecordingOf, &[("title", item.display_title())])),
        ),
        ("description", json!(describe(item, t))),
        ("thumbnailUrl", json!([thumbnail])),
        ("uploadDate", json!(date)),
        ("url", json!(at.page)),
    ]);
    match recording.host {
        VideoHost::File => video.insert("contentUrl".into(), json!(recording.id)),
        _ => video.insert("embedUrl".into(), json!(recording.embed_url())),
    };
    let clips: Vec<Value> = moments(item, t)
        .into_iter()
        .map(|(name, start, end)| {
            let mut clip = object(&[
                ("@type", json!("Clip")),
                ("name", json!(name)),
                ("startOffset", json!(start)),
                ("url", json!(format!("{}?t={start}", at.page))),
            ]);
            if let Some(end) = end {
                clip.insert("endOffset".into(), json!(end));
            }
            Value::Object(clip)
        })
        .collect();
    if !clips.is_empty() {
        video.insert("hasPart".into(), Value::Array(clips));
    }
    Some(Value::Object(video))
}

/// The speakers, each once, as `Person`s with the organisation they spoke for.
fn performers(item: &Item) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    let mut people = Vec::new();
    for speaker in item.talks().iter().flat_map(|t| &t.speakers) {
        let name = speaker.name.trim();
        if name.is_empty() || seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let mut person = object(&[("@type", json!("Person")), ("name", json!(name))]);
        if let Some(org) = speaker
            .org
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            person.insert(
                "affiliation".into(),
                json!({"@type": "Organization", "name": org}),
            );
        }
        people.push(Value::Object(person));
    }
    people
}

fn object(fields: &[(&str, Value)]) -> Map<String, Value> {
    fields
        .iter()
        .map(|(key, value)| ((*key).to_owned(), value.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed;

    fn item(recap: &str, extra: &str) -> Item {
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {{"id":"2024-03-06-march","title":"March <Meetup>","date_published":"2024-03-06T18:30:00Z"{extra},
              "_recap":{recap}}}]}}"#
        );
        parse_feed(&json).expect("a feed").feed.items.remove(0)
    }

    const AT: PageAddress = PageAddress {
        page: "https://example.org/events/2024-03-06-march/",
        image: None,
    };

    fn graph(json: &str) -> Vec<Value> {
        let value: Value = serde_json::from_str(json).expect("JSON");
        assert_eq!(value["@context"], "https://schema.org");
        value["@graph"].as_array().expect("a graph").clone()
    }

    #[test]
    fn a_recorded_event_has_clips_that_end_where_the_next_talk_starts() {
        let item = item(
            r#"{"location":"Hall 2, Leeds","video":"https://youtu.be/abcdefghijk",
               "talks":[{"title":"Second","speakers":[{"name":"Bo Lind"}],"start":4075},
                        {"title":"First","speakers":[{"name":"Ada Quist","org":"Loom"}],"start":183},
                        {"title":"Untimed","speakers":[{"name":"Ada Quist"}]}]}"#,
            "",
        );
        let data = event_json_ld(&item, AT, &Catalogue::english()).expect("JSON-LD");
        assert_eq!(data.moments, 2, "the two timed talks");
        let graph = graph(&data.json);
        let event = &graph[0];
        assert_eq!(event["@type"], "Event");
        assert_eq!(event["name"], "March <Meetup>");
        assert_eq!(event["startDate"], "2024-03-06T18:30:00Z");
        assert_eq!(event["location"]["address"], "Hall 2, Leeds");
        let performers = event["performer"].as_array().expect("performers");
        assert_eq!(performers.len(), 2, "each speaker once");
        assert_eq!(performers[1]["name"], "Ada Quist");
        assert_eq!(performers[1]["affiliation"]["name"], "Loom");
        let video = &graph[1];
        assert_eq!(video["@type"], "VideoObject");
        assert_eq!(event["recordedIn"]["@id"], video["@id"]);
        assert_eq!(
            video["thumbnailUrl"][0],
            "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"
        );
        assert_eq!(video["uploadDate"], "2024-03-06T18:30:00Z");
        assert_eq!(
            video["embedUrl"],
            "https://www.youtube.com/embed/abcdefghijk"
        );
        let clips = video["hasPart"].as_array().expect("clips");
        assert_eq!(clips.len(), 2, "the untimed talk is no moment");
        assert_eq!(clips[0]["name"], "First");
        assert_eq!(clips[0]["startOffset"], 183);
        assert_eq!(clips[0]["endOffset"], 4075);
        assert_eq!(
            clips[0]["url"],
            "https://example.org/events/2024-03-06-march/?t=183"
        );
        assert_eq!(clips[1]["startOffset"], 4075);
        assert!(
            clips[1].get("endOffset").is_none(),
            "the last talk's end is unknown"
        );
    }

    #[test]
    fn feed_text_cannot_close_the_script_element() {
        let item = item(
            r#"{"talks":[{"title":"</script><script>alert(1)</script>","start":5}],
               "video":"https://youtu.be/abcdefghijk"}"#,
            "",
        );
        let json = event_json_ld(&item, AT, &Catalogue::english())
            .expect("JSON-LD")
            .json;
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let graph = graph(&json);
        assert_eq!(
            graph[1]["hasPart"][0]["name"],
            "</script><script>alert(1)</script>"
        );
    }

    #[test]
    fn a_recording_without_a_thumbnail_or_date_is_no_video_object() {
        let vimeo = item(r#"{"video":"https://vimeo.com/123456","talks":[]}"#, "");
        let graph_of = |item: &Item, at| {
            graph(
                &event_json_ld(item, at, &Catalogue::english())
                    .expect("JSON-LD")
                    .json,
            )
        };
        assert_eq!(graph_of(&vimeo, AT).len(), 1, "the event alone");
        let pictured = PageAddress {
            image: Some("https://example.org/m.jpg"),
            ..AT
        };
        let graph = graph_of(&vimeo, pictured);
        assert_eq!(graph[1]["thumbnailUrl"][0], "https://example.org/m.jpg");
        assert_eq!(graph[0]["image"][0], "https://example.org/m.jpg");
        assert!(
            graph[1].get("hasPart").is_none(),
            "no timed talks, no clips"
        );

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"x","_recap":{"video":"https://youtu.be/abcdefghijk"}}]}"#;
        let undated = parse_feed(json).expect("a feed").feed.items.remove(0);
        assert_eq!(event_json_ld(&undated, AT, &Catalogue::english()), None);
    }

    #[test]
    fn talks_that_start_together_end_together() {
        let item = item(
            r#"{"talks":[{"title":"A","start":60},{"title":"B","start":60},{"start":900}]}"#,
            "",
        );
        assert_eq!(
            moments(&item, &Catalogue::english()),
            vec![
                ("A".to_owned(), 60, Some(900)),
                ("B".to_owned(), 60, Some(900)),
                ("Talk 3".to_owned(), 900, None),
            ]
        );
    }

    #[test]
    fn the_description_is_the_summary_else_the_talks() {
        let summary = item(
            r#"{"talks":[{"title":"A"}]}"#,
            r#","summary":" An evening. ""#,
        );
        assert_eq!(describe(&summary, &Catalogue::english()), "An evening.");
        let talks = item(r#"{"talks":[{"title":"A"},{"title":"B"}]}"#, "");
        assert_eq!(describe(&talks, &Catalogue::english()), "Talks: A; B.");
    }
}
