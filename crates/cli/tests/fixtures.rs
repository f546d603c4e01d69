//! Extraction fixtures: every post in `tests/fixtures/posts/_posts` must give exactly the
//! `_recap` written by hand in `tests/fixtures/posts/expected/`. The seed post that the project
//! started from is read from `../shared/seed/` (never copied here) and must give its three talks.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use recap_feed::build::to_item;
use recap_feed::post::{parse_post, read_post, Site};

mod common;

use common::{fixture_posts, repo, seed_post};

fn recap_json(path: &Path) -> serde_json::Value {
    let site = Site::default();
    let post = read_post(path, &site).unwrap_or_else(|err| panic!("{err}"));
    let (item, _) = to_item(&post, "", &site);
    serde_json::to_value(item.recap).unwrap()
}

#[test]
fn every_fixture_gives_its_expected_recap() {
    let paths = fixture_posts();
    let actual_dir = repo().join("target/fixtures-actual");
    let _ = std::fs::remove_dir_all(&actual_dir);
    std::fs::create_dir_all(&actual_dir).unwrap();
    let mut failures = Vec::new();
    for path in &paths {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected_path = repo().join(format!("tests/fixtures/posts/expected/{stem}.json"));
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let actual = recap_json(path);
        if actual != expected {
            // Written for diffing: `diff tests/fixtures/posts/expected/X.json target/fixtures-actual/X.json`.
            let pretty = serde_json::to_string_pretty(&actual).unwrap();
            std::fs::write(actual_dir.join(format!("{stem}.json")), pretty + "\n").unwrap();
            failures.push(stem);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ (actual output in target/fixtures-actual/): {failures:#?}",
        failures.len(),
        paths.len()
    );
}

#[test]
fn the_seed_post_gives_its_three_talks() {
    // CI and every checkout have the project's shared folder beside the repository.
    let seed = seed_post();
    let text = std::fs::read_to_string(&seed).unwrap();
    let site = Site::default();
    let post = parse_post(&seed.display().to_string(), "2023-05-03-seed", &text, &site).unwrap();
    let (item, _) = to_item(&post, "", &site);
    let recap = item.recap.unwrap();
    let talks = recap.talks.unwrap();
    assert_eq!(talks.len(), 3, "{talks:#?}");

    let who = |i: usize| -> Vec<(String, Option<String>)> {
        talks[i]
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.org.clone()))
            .collect()
    };
    let s = |name: &str, org: &str| (name.to_owned(), Some(org.to_owned()));
    assert_eq!(who(0), [s("Andrey Kozichev", "MetaOps")]);
    assert_eq!(
        who(1),
        [
            s("Thomas Meadows", "Jetstack"),
            s("Josh van Leeuwen", "Diagrid")
        ]
    );
    assert_eq!(who(2), [s("David Adegbiyi", "Cancer Research UK")]);

    assert_eq!(
        talks[0].title.as_deref(),
        Some("Is OpenSource Enterprise APM a reality?")
    );
    assert_eq!(
        talks[1].title.as_deref(),
        Some("Cert-manager can do SPIFFE? Solving multi-cloud workload identity using a de facto standard tool")
    );
    assert_eq!(
        talks[2].title.as_deref(),
        Some("Building fundraising software using cloud-native and event-driven architectures")
    );
    let starts: Vec<Option<u32>> = talks.iter().map(|t| t.start).collect();
    assert_eq!(starts, [None, Some(183), Some(4075)]);
    assert_eq!(talks[0].video_url, None);
    assert_eq!(
        talks[1].video_url.as_deref(),
        Some("https://www.youtube.com/live/CqpMv0GUhjU?feature=share&t=183")
    );
    assert!(talks.iter().all(|t| t.takeaways.len() == 3), "{talks:#?}");

    assert_eq!(
        recap.video.as_deref(),
        Some("https://www.youtube.com/embed/CqpMv0GUhjU")
    );
    assert_eq!(recap.location.as_deref(), Some("London, UK"));
    assert_eq!(recap.sponsors.len(), 1);
    assert_eq!(recap.sponsors[0].name, "Sysdig");
    let next = recap.next_event.unwrap();
    assert_eq!(next.date_text.as_deref(), Some("Wednesday 3rd May"));
    assert!(next.rsvp_url.unwrap().contains("meetup.com"));
}
