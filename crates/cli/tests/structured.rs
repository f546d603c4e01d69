//! What search engines read of a pre-rendered site: every event page's JSON-LD is parsed and
//! checked against what the engines require of an event, a video and its key moments, and
//! `sitemap.xml` must list every page. The seed post's page must mark its two timed talks.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use recap_core::{Feed, JSON_FEED_VERSION};
use recap_feed::build::to_item;
use recap_feed::pages::{write_pages, Options};
use recap_feed::post::{parse_post, Site};
use serde_json::Value;

mod common;

use common::{path_arg, recap_feed, repo, seed_post, stderr, write_file};

const SITE: &str = "https://recaps.example.org/meetup/";

/// A built site's `index.html`, as the pages' template.
const TEMPLATE: &str = "<!doctype html><html lang=en><base href=/meetup/><title>Recap</title></head><body><div data-recap>Loading</div></body></html>\n";

/// A folder of this test's own with the template in it.
fn dist(name: &str) -> PathBuf {
    let dir = common::temp_dir(name);
    write_file(&dir, "index.html", TEMPLATE);
    dir
}

/// The JSON-LD documents of a page.
fn json_ld(page: &str) -> Vec<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    page.split(OPEN)
        .skip(1)
        .map(|rest| {
            let json = &rest[..rest.find("</script>").expect("a closed script")];
            serde_json::from_str(json).unwrap_or_else(|err| panic!("{err}: {json}"))
        })
        .collect()
}

/// The nodes of a document's `@graph` of a type.
fn of_type<'a>(document: &'a Value, kind: &str) -> Vec<&'a Value> {
    document["@graph"]
        .as_array()
        .map(|graph| graph.iter().filter(|n| n["@type"] == kind).collect())
        .unwrap_or_default()
}

/// Notes each of `keys` that `node` lacks or leaves empty.
fn need(problems: &mut Vec<String>, node: &Value, what: &str, keys: &[&str]) {
    for key in keys {
        let value = &node[*key];
        if value.is_null() || value == "" || value.as_array().is_some_and(Vec::is_empty) {
            problems.push(format!("{what} without {key}"));
        }
    }
}

/// What is missing or wrong in an event page's JSON-LD, for the page at `url`: the properties
/// the engines require of an `Event`, a `VideoObject` and its `Clip`s, and clips that open this
/// page at their second, in order, each ending where the next starts.
fn problems(document: &Value, url: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if document["@context"] != "https://schema.org" {
        need(&mut problems, document, "the document", &["@context"]);
    }
    let events = of_type(document, "Event");
    if events.len() != 1 {
        return vec![format!("{} events", events.len())];
    }
    need(
        &mut problems,
        events[0],
        "the event",
        &["name", "startDate", "url"],
    );
    for video in of_type(document, "VideoObject") {
        need(
            &mut problems,
            video,
            "the video",
            &["name", "description", "thumbnailUrl", "uploadDate"],
        );
        if video["embedUrl"].is_null() && video["contentUrl"].is_null() {
            problems.push("a video without embedUrl or contentUrl".to_owned());
        }
        let clips = video["hasPart"].as_array().cloned().unwrap_or_default();
        for (n, clip) in clips.iter().enumerate() {
            need(
                &mut problems,
                clip,
                "a clip",
                &["name", "startOffset", "url"],
            );
            let start = clip["startOffset"].as_u64().unwrap_or(u64::MAX);
            if clip["url"] != format!("{url}?t={start}") {
                problems.push(format!("clip {n} opens {} at {start}", clip["url"]));
            }
            match (clip["endOffset"].as_u64(), clips.get(n + 1)) {
                (Some(end), Some(next)) if Some(end) != next["startOffset"].as_u64() => {
                    problems.push(format!("clip {n} ends at {end}, not where the next starts"))
                }
                (Some(end), _) if end <= start => {
                    problems.push(format!("clip {n} ends at {end}, before it starts"))
                }
                (None, Some(_)) => problems.push(format!("clip {n} has no end")),
                _ => {}
            }
            if clips[..n]
                .iter()
                .any(|c| c["startOffset"].as_u64() > Some(start))
            {
                problems.push(format!("clip {n} is out of order"));
            }
        }
    }
    problems
}

/// The pre-rendered event pages under `dist`, with the canonical URL of each.
fn event_pages(dist: &Path) -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dist.join("events"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
            (format!("{SITE}events/{name}/"), page)
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn the_seed_posts_page_marks_its_two_timed_talks_in_the_recording() {
    let seed = seed_post();
    let text = std::fs::read_to_string(&seed).unwrap();
    let site = Site::default();
    let post = parse_post(&seed.display().to_string(), "2023-05-03-seed", &text, &site).unwrap();
    let (item, _) = to_item(&post, "", &site);
    let feed = Feed {
        version: JSON_FEED_VERSION.to_owned(),
        title: "Meetup".to_owned(),
        items: vec![item],
        ..Feed::default()
    };
    let dist = dist("seed");
    let options = Options {
        site_url: Some(SITE.to_owned()),
        base: None,
        lang: recap_core::i18n::Lang::En,
    };
    let written = write_pages(&feed, &dist, &options).unwrap();
    assert_eq!((written.events, written.with_moments), (1, 1));
    let [(url, page)] = &event_pages(&dist)[..] else {
        panic!("one page");
    };
    let documents = json_ld(page);
    assert_eq!(documents.len(), 1, "one JSON-LD document");
    assert_eq!(problems(&documents[0], url), Vec::<String>::new());
    let video = of_type(&documents[0], "VideoObject");
    let clips = video[0]["hasPart"].as_array().unwrap();
    let starts: Vec<u64> = clips
        .iter()
        .map(|c| c["startOffset"].as_u64().unwrap())
        .collect();
    assert_eq!(starts, [183, 4075]);
    assert_eq!(clips[0]["endOffset"], 4075);
    assert_eq!(clips[1]["url"], format!("{url}?t=4075"));
    assert!(
        clips[0]["name"]
            .as_str()
            .unwrap()
            .starts_with("Cert-manager can do SPIFFE?"),
        "{clips:#?}"
    );
    let event = of_type(&documents[0], "Event");
    assert_eq!(event[0]["location"]["name"], "London, UK");
    assert_eq!(event[0]["performer"].as_array().unwrap().len(), 4);
}

#[test]
fn every_event_page_of_the_sample_carries_valid_json_ld_and_the_sitemap_lists_every_page() {
    let dist = dist("sample");
    let feed = dist.join("feed.json");
    std::fs::copy(repo().join("public/feed.json"), &feed).unwrap();
    let output = recap_feed(&[
        "pages",
        &path_arg(&feed),
        "--dist",
        &path_arg(&dist),
        "--site-url",
        SITE.trim_end_matches('/'),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let pages = event_pages(&dist);
    assert!(pages.len() >= 10, "{} pages", pages.len());
    let mut with_clips = 0;
    for (url, page) in &pages {
        let documents = json_ld(page);
        assert_eq!(documents.len(), 1, "{url}");
        assert_eq!(problems(&documents[0], url), Vec::<String>::new(), "{url}");
        let videos = of_type(&documents[0], "VideoObject");
        with_clips += usize::from(videos.iter().any(|v| v["hasPart"].is_array()));
    }
    assert!(
        with_clips >= pages.len() - 2,
        "{with_clips} of {}",
        pages.len()
    );
    assert!(
        stderr(&output).contains(&format!("{with_clips} with their talks' moments")),
        "{}",
        stderr(&output)
    );

    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    let listed: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</loc>").unwrap()])
        // The people pages are listed too (tests/people.rs): here, the list and the events.
        .filter(|url| {
            !url.starts_with(&format!("{SITE}speakers/"))
                && !url.starts_with(&format!("{SITE}organisations/"))
        })
        .collect();
    let mut expected: Vec<String> = pages.iter().map(|(url, _)| url.clone()).collect();
    expected.insert(0, SITE.to_owned());
    let mut listed_sorted: Vec<String> = listed.iter().map(|s| (*s).to_owned()).collect();
    listed_sorted[1..].sort();
    assert_eq!(listed_sorted, expected);
    let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {SITE}sitemap.xml")),
        "{robots}"
    );
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // Each broken document must be caught, or the checks above prove nothing.
    let url = "https://e.org/events/a/";
    let good = serde_json::json!({"@context": "https://schema.org", "@graph": [
        {"@type": "Event", "name": "E", "startDate": "2024-01-01T00:00:00Z", "url": url},
        {"@type": "VideoObject", "name": "V", "description": "D", "thumbnailUrl": ["https://e.org/t.jpg"],
         "uploadDate": "2024-01-01T00:00:00Z", "embedUrl": "https://www.youtube.com/embed/x",
         "hasPart": [
            {"@type": "Clip", "name": "A", "startOffset": 10, "endOffset": 20, "url": format!("{url}?t=10")},
            {"@type": "Clip", "name": "B", "startOffset": 20, "url": format!("{url}?t=20")}]}]});
    assert_eq!(problems(&good, url), Vec::<String>::new());
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut document = good.clone();
        change(&mut document);
        problems(&document, url)
    };
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "no thumbnail",
            Box::new(|d: &mut Value| d["@graph"][1]["thumbnailUrl"] = Value::Null),
        ),
        (
            "no upload date",
            Box::new(|d: &mut Value| d["@graph"][1]["uploadDate"] = Value::Null),
        ),
        (
            "no start date",
            Box::new(|d: &mut Value| d["@graph"][0]["startDate"] = "".into()),
        ),
        (
            "a clip elsewhere",
            Box::new(|d: &mut Value| {
                d["@graph"][1]["hasPart"][0]["url"] = "https://e.org/other/?t=10".into()
            }),
        ),
        (
            "an early end",
            Box::new(|d: &mut Value| d["@graph"][1]["hasPart"][0]["endOffset"] = 15.into()),
        ),
        (
            "no end",
            Box::new(|d: &mut Value| {
                d["@graph"][1]["hasPart"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("endOffset");
            }),
        ),
        (
            "no event",
            Box::new(|d: &mut Value| d["@graph"][0]["@type"] = "Thing".into()),
        ),
    ];
    for (what, change) in cases {
        assert!(!broken(&*change).is_empty(), "{what} was not caught");
    }
}
