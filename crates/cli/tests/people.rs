//! `recap-feed pages`: the speakers' and organisations' pages. An invented feed where one person
//! speaks at three events under four spellings, and another with the same family name speaks
//! once.
#![allow(clippy::unwrap_used)]

mod common;

use common::{path_arg, recap_feed, stderr, temp_dir, write_files};

const FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Lantern Street Devs","items":[
  {"id":"2032-04-07-april","title":"April at Lantern Street","date_published":"2032-04-07T18:30:00Z",
   "_recap":{"video":"https://www.youtube.com/watch?v=AbCdEfGhIjK","talks":[
     {"title":"Opening words","start":0,"speakers":[{"name":"Ottilie Castellanos","org":"Kiln Works"}]},
     {"title":"Queues that forgive","start":754,"takeaways":["Retry with a budget, not a count."],
      "speakers":[{"name":"Dr. Renée  Castellanos","org":"Tidewater Labs Ltd"},{"name":"Ottilie Castellanos","org":"Kiln Works"}]}]}},
  {"id":"2031-11-05-november","title":"November at Lantern Street","date_published":"2031-11-05T18:30:00Z",
   "_recap":{"talks":[
     {"title":"Small binaries","start":2401,"speakers":[{"name":"RENEE CASTELLANOS","org":"tidewater labs"}]},
     {"title":"Untimed lightning talk","speakers":[{"name":"renee castellanos"}]}]}},
  {"id":"2030-02-12-february","title":"February at Lantern Street","date_published":"2030-02-12T18:30:00Z",
   "_recap":{"talks":[
     {"title":"First steps with tracing","start":95,"speakers":[{"name":"Renée Castellanos","org":"Brightmoor College"}]}]}}
]}"#;

const TEMPLATE: &str = "<!doctype html><html><head><title>Recap</title><script type=module src=/boot.js></script></head><body><div data-recap>Loading</div></body></html>\n";

#[test]
fn a_person_under_several_spellings_gets_one_page_with_all_their_talks() {
    let dir = temp_dir("people");
    write_files(&dir, &[("feed.json", FEED), ("dist/index.html", TEMPLATE)]);
    let dist = dir.join("dist");
    let output = recap_feed(&[
        "pages",
        &path_arg(&dir.join("feed.json")),
        "--dist",
        &path_arg(&dist),
        "--site-url",
        "https://lantern.example.org/",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let err = stderr(&output);
    assert!(err.contains("3 event pages"), "{err}");
    assert!(
        err.contains("wrote 2 speaker pages and 3 organisation pages"),
        "{err}"
    );
    let read = |path: &str| std::fs::read_to_string(dist.join(path)).unwrap();

    // Renée: every spelling one person, under the most complete one; her talks newest first,
    // each with its time link to the event at that second.
    let renee = read("speakers/renee-castellanos/index.html");
    assert!(
        renee.contains("<title>Renée Castellanos: talks at Lantern Street Devs</title>"),
        "{renee}"
    );
    assert!(renee.contains(r#"<h1 class="recap-page-title" tabindex="-1">Renée Castellanos</h1>"#));
    assert!(renee.contains(
        r#"<link rel="canonical" href="https://lantern.example.org/speakers/renee-castellanos/">"#
    ));
    let talks: Vec<&str> = renee
        .split(r#"<h3 class="recap-talk__title">"#)
        .skip(1)
        .map(|t| &t[..t.find('<').unwrap()])
        .collect();
    assert_eq!(
        talks,
        [
            "Queues that forgive",
            "Small binaries",
            "Untimed lightning talk",
            "First steps with tracing"
        ]
    );
    for (event, t) in [
        ("2032-04-07-april", 754),
        ("2031-11-05-november", 2401),
        ("2030-02-12-february", 95),
    ] {
        let link = format!(r#"<a class="recap-time" href="/events/{event}/?t={t}" data-route="""#);
        assert!(renee.contains(&link), "{link} in {renee}");
    }
    assert_eq!(renee.matches(r#"class="recap-time""#).count(), 3);
    assert!(renee.contains(
        r#"<a href="/events/2030-02-12-february/" data-route="">February at Lantern Street</a>"#
    ));
    assert!(renee.contains("Retry with a budget, not a count."));
    // The organisation at the time, spellings of one organisation one.
    assert!(renee.contains(
        r#"for <a href="/organisations/tidewater-labs/" data-route="">Tidewater Labs Ltd</a> · with <a href="/speakers/ottilie-castellanos/" data-route="">Ottilie Castellanos</a>"#
    ), "{renee}");
    assert!(renee.contains(
        r#"for <a href="/organisations/brightmoor-college/" data-route="">Brightmoor College</a>"#
    ));
    // The app's page, like the event pages: its script takes the page over where it runs.
    assert!(renee.contains("<script"), "{renee}");

    // Every spelling on the event pages links to the one page.
    for event in [
        "2032-04-07-april",
        "2031-11-05-november",
        "2030-02-12-february",
    ] {
        let page = read(&format!("events/{event}/index.html"));
        assert!(
            page.contains(r#"href="/speakers/renee-castellanos/" data-route="">"#),
            "{event}: {page}"
        );
    }

    // The same family name, another person: a page of her own, with the talk they shared.
    let ottilie = read("speakers/ottilie-castellanos/index.html");
    assert_eq!(ottilie.matches(r#"<li class="recap-talk">"#).count(), 2);
    assert!(ottilie.contains("?t=754"));
    assert!(!ottilie.contains("Small binaries"));

    // The indexes link every page.
    let speakers = read("speakers/index.html");
    assert!(speakers.contains(r#"<a href="/speakers/renee-castellanos/" data-route="">Renée Castellanos</a></h2><p class="recap-talk__speakers">4 talks · "#), "{speakers}");
    assert!(speakers.contains(r#"<a href="/speakers/ottilie-castellanos/" data-route="">Ottilie Castellanos</a></h2><p class="recap-talk__speakers">2 talks · "#), "{speakers}");
    let orgs = read("organisations/index.html");
    for slug in ["tidewater-labs", "kiln-works", "brightmoor-college"] {
        assert!(
            orgs.contains(&format!(r#"href="/organisations/{slug}/""#)),
            "{orgs}"
        );
        assert!(dist
            .join(format!("organisations/{slug}/index.html"))
            .is_file());
    }
    let kiln = read("organisations/kiln-works/index.html");
    assert!(kiln.contains("2 talks by 1 person."), "{kiln}");
    assert_eq!(
        std::fs::read_dir(dist.join("speakers")).unwrap().count(),
        3,
        "two people and the index"
    );
    // The sitemap lists them.
    let sitemap = read("sitemap.xml");
    for path in [
        "speakers/",
        "speakers/renee-castellanos/",
        "speakers/ottilie-castellanos/",
        "organisations/",
        "organisations/kiln-works/",
    ] {
        let url = format!("<loc>https://lantern.example.org/{path}</loc>");
        assert!(sitemap.contains(&url), "{url} in {sitemap}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_pages_written_are_listed_for_a_sitemap() {
    let dir = temp_dir("people-listed");
    write_files(&dir, &[("dist/index.html", TEMPLATE)]);
    let feed = recap_core::parse_feed(FEED).unwrap().feed;
    let written = recap_feed::pages::write_pages(
        &feed,
        &dir.join("dist"),
        &recap_feed::pages::Options::default(),
    )
    .unwrap();
    assert_eq!(written.people.speakers, 2);
    assert_eq!(written.people.organisations, 3);
    assert_eq!(
        written.people.paths,
        [
            "speakers/",
            "organisations/",
            "speakers/ottilie-castellanos/",
            "speakers/renee-castellanos/",
            "organisations/brightmoor-college/",
            "organisations/kiln-works/",
            "organisations/tidewater-labs/",
        ]
    );
    for path in &written.people.paths {
        assert!(
            dir.join("dist").join(path).join("index.html").is_file(),
            "{path}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
