//! `recap-feed build --page-size N`: the pages, the search index, stale pages.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::{path_arg, posts_dir, recap_feed, temp_dir};
use recap_core::index::{parse_index, Archive};
use recap_core::{parse_feed, Feed, FeedRecap};

fn posts() -> String {
    path_arg(&posts_dir())
}

fn build(out: &Path, extra: &[&str]) -> Output {
    let out = out.to_string_lossy();
    let mut args = vec![
        "build",
        "--title",
        "Fixture meetups",
        "--home-page-url",
        "https://meetups.example/",
        "--feed-url",
        "https://meetups.example/recap/feed.json",
    ];
    let posts = posts();
    args.extend([posts.as_str(), "--out", &out]);
    args.extend(extra);
    recap_feed(&args)
}

fn read(path: &Path) -> Feed {
    let parsed = parse_feed(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(parsed.problems, vec![], "{}", path.display());
    parsed.feed
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn pages_chain_through_next_url_and_hold_the_whole_feed_newest_first() {
    let whole_dir = temp_dir("whole");
    assert!(build(&whole_dir.join("feed.json"), &[]).status.success());
    let whole = read(&whole_dir.join("feed.json"));
    assert_eq!(whole.next_url, None);
    assert_eq!(whole.recap, None);
    assert_eq!(names(&whole_dir), ["feed.json"], "no index without pages");
    let total = whole.items.len();
    assert!(total > 20, "{total}");

    let dir = temp_dir("paged");
    let output = build(&dir.join("feed.json"), &["--page-size", "10"]);
    assert!(output.status.success(), "{output:?}");
    let pages = total.div_ceil(10);
    let mut expected: Vec<String> = (2..=pages).map(|n| format!("feed-{n}.json")).collect();
    expected.extend([
        "feed-index.json".into(),
        "feed-people.json".into(),
        "feed.json".into(),
    ]);
    expected.sort();
    assert_eq!(names(&dir), expected);

    // Follow next_url from the first page, as the app does.
    let mut items = Vec::new();
    let mut name = "feed.json".to_owned();
    let mut followed = Vec::new();
    let mut seen = 0;
    loop {
        seen += 1;
        followed.push(name.clone());
        let page = read(&dir.join(&name));
        assert_eq!(page.version, whole.version);
        assert_eq!(page.title, "Fixture meetups");
        assert_eq!(page.home_page_url, whole.home_page_url);
        assert_eq!(page.description, whole.description);
        assert_eq!(
            page.feed_url.as_deref(),
            Some(format!("https://meetups.example/recap/{name}").as_str())
        );
        if seen == 1 {
            assert_eq!(
                page.recap,
                Some(FeedRecap {
                    index: Some("feed-index.json".into()),
                    people: Some("feed-people.json".into()),
                    pages: Some(u32::try_from(pages).unwrap()),
                    items: Some(u32::try_from(total).unwrap()),
                })
            );
        } else {
            assert_eq!(page.recap, None);
        }
        let last = seen == pages;
        assert_eq!(
            page.items.len(),
            if last { total - 10 * (pages - 1) } else { 10 }
        );
        items.extend(page.items);
        match page.next_url {
            Some(next) => {
                assert!(!last);
                assert_eq!(next, format!("feed-{}.json", seen + 1));
                name = next;
            }
            None => break,
        }
    }
    assert_eq!(seen, pages);
    assert_eq!(items, whole.items, "the pages together are the whole feed");

    // The index: every event once, with its page, and the pages' names.
    let index_text = std::fs::read_to_string(dir.join("feed-index.json")).unwrap();
    assert_eq!(parse_index(&index_text).unwrap().page_names, followed);
    let archive = Archive::read(&index_text).unwrap();
    assert_eq!(archive.len(), total);
    for (at, item) in (0u32..).zip(&whole.items) {
        let read = archive.item(at).unwrap();
        assert_eq!(read.id, item.id);
        assert_eq!(archive.page(at) as usize, at as usize / 10 + 1);
        assert_eq!(read.title, item.title);
        assert_eq!(read.date_published, item.date_published);
        assert_eq!(read.tags, item.tags);
        assert_eq!(read.location(), item.location());
        assert_eq!(read.talks().len(), item.talks().len());
        for (a, b) in read.talks().iter().zip(item.talks()) {
            assert_eq!((&a.title, &a.speakers), (&b.title, &b.speakers));
        }
    }
    // The oldest event's page, straight from the index.
    let oldest = archive.find(&whole.items[total - 1].id).unwrap();
    assert_eq!(oldest as usize, total - 1);
    assert_eq!(archive.page(oldest) as usize, pages);
    assert_eq!(
        archive.page_name(archive.page(oldest)),
        Some(format!("feed-{pages}.json").as_str())
    );
}

#[test]
fn stale_pages_are_removed_and_nothing_else() {
    let dir = temp_dir("stale");
    let keep = [
        "feed-07.json",
        "feed-9.json.bak",
        "other-9.json",
        "notes.txt",
        "feed-index.json.old",
    ];
    for name in keep
        .iter()
        .chain(&["feed-2.json", "feed-40.json", "feed-41.json"])
    {
        std::fs::write(dir.join(name), "old").unwrap();
    }
    std::fs::create_dir(dir.join("feed-50.json")).unwrap();
    let output = build(&dir.join("feed.json"), &["--page-size", "30"]);
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("feed-40.json, a page beyond the last"),
        "{stderr}"
    );
    let names = names(&dir);
    for name in keep {
        assert!(names.contains(&name.to_owned()), "{name} kept");
    }
    assert!(!names.contains(&"feed-40.json".to_owned()));
    assert!(!names.contains(&"feed-41.json".to_owned()));
    // A folder is not a page, whatever its name.
    assert!(dir.join("feed-50.json").is_dir());
    // Page 2 is rewritten.
    let page2 = read(&dir.join("feed-2.json"));
    assert!(!page2.items.is_empty());
}

#[test]
fn a_page_size_of_one_page_has_no_next_url() {
    let dir = temp_dir("one");
    let output = build(&dir.join("all.json"), &["--page-size", "100000"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        names(&dir),
        ["all-index.json", "all-people.json", "all.json"]
    );
    let feed = read(&dir.join("all.json"));
    let index = parse_index(&std::fs::read_to_string(dir.join("all-index.json")).unwrap()).unwrap();
    assert_eq!(index.page_names, ["all.json"]);
    assert_eq!(feed.next_url, None);
    assert_eq!(feed.recap.as_ref().unwrap().pages, Some(1));
    assert_eq!(feed.recap.unwrap().index.as_deref(), Some("all-index.json"));
}

#[test]
fn an_empty_folder_is_one_empty_page() {
    let dir = temp_dir("empty");
    std::fs::create_dir(dir.join("_posts")).unwrap();
    let out = dir.join("feed.json");
    let output = recap_feed(&[
        "build",
        &dir.join("_posts").to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--page-size",
        "5",
    ]);
    assert!(output.status.success(), "{output:?}");
    let feed = read(&out);
    assert!(feed.items.is_empty());
    assert_eq!(feed.next_url, None);
    assert_eq!(feed.recap.as_ref().unwrap().items, Some(0));
    let index = std::fs::read_to_string(dir.join("feed-index.json")).unwrap();
    assert!(Archive::read(&index).unwrap().is_empty());
    assert_eq!(parse_index(&index).unwrap().page_names, ["feed.json"]);
}

#[test]
fn a_page_size_that_is_not_a_positive_number_is_refused_before_anything_is_written() {
    let dir = temp_dir("zero");
    for (size, message) in [
        ("0", "--page-size must be at least 1"),
        ("ten", "--page-size takes a whole number of events per page"),
        ("-3", "--page-size takes a whole number"),
    ] {
        let output = build(&dir.join("feed.json"), &["--page-size", size]);
        assert_eq!(output.status.code(), Some(2), "{size}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{size}: {stderr}");
    }
    assert_eq!(names(&dir), Vec::<String>::new());
}

#[test]
fn the_pages_read_back_are_the_whole_feed_and_a_chain_that_leaves_the_folder_stops() {
    let dir = temp_dir("readback");
    let out = dir.join("feed.json");
    assert!(build(&out, &["--page-size", "8"]).status.success());
    let whole_dir = temp_dir("readback-whole");
    assert!(build(&whole_dir.join("feed.json"), &[]).status.success());
    let whole = read(&whole_dir.join("feed.json"));

    let back = recap_feed::paginate::read_pages(&out).unwrap();
    assert_eq!(back.pages(), whole.items.len().div_ceil(8));
    assert_eq!(back.stopped, None);
    assert_eq!(back.feed.items, whole.items);
    assert_eq!(back.feed.next_url, None);
    assert_eq!(
        back.feed.recap.unwrap().index.as_deref(),
        Some("feed-index.json")
    );

    // Page 2 names a page on another site, then page 3 loops back to page 2.
    let page2 = std::fs::read_to_string(dir.join("feed-2.json")).unwrap();
    let elsewhere = page2.replace(
        r#""next_url":"feed-3.json""#,
        r#""next_url":"https://x.example/feed-3.json""#,
    );
    assert_ne!(elsewhere, page2);
    std::fs::write(dir.join("feed-2.json"), &elsewhere).unwrap();
    let back = recap_feed::paginate::read_pages(&out).unwrap();
    assert_eq!(back.pages(), 2);
    assert_eq!(back.feed.items.len(), 16);
    assert!(back
        .stopped
        .unwrap()
        .contains("https://x.example/feed-3.json"));

    let looping = page2.replace(r#""next_url":"feed-3.json""#, r#""next_url":"feed.json""#);
    std::fs::write(dir.join("feed-2.json"), &looping).unwrap();
    let back = recap_feed::paginate::read_pages(&out).unwrap();
    assert_eq!(back.pages(), 2);
    assert!(back.stopped.unwrap().contains("leads back"));

    // A page that is named but missing is an error that names it.
    std::fs::write(dir.join("feed-2.json"), &page2).unwrap();
    std::fs::remove_file(dir.join("feed-3.json")).unwrap();
    let err = recap_feed::paginate::read_pages(&out).unwrap_err();
    assert!(
        err.contains("feed-3.json") && err.contains("named by next_url"),
        "{err}"
    );
}

#[test]
fn the_peoples_index_holds_every_talks_moment_and_takeaways_and_the_search_index_none() {
    let whole_dir = temp_dir("people-whole");
    assert!(build(&whole_dir.join("feed.json"), &[]).status.success());
    let whole = read(&whole_dir.join("feed.json"));
    let dir = temp_dir("people-paged");
    assert!(build(&dir.join("feed.json"), &["--page-size", "10"])
        .status
        .success());
    let archive = |name: &str| {
        recap_core::index::Archive::read(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let (people, search) = (archive("feed-people.json"), archive("feed-index.json"));
    assert_eq!(people.len(), whole.items.len());
    let moments = |talks: &[recap_core::Talk]| -> Vec<(Option<u32>, Vec<String>)> {
        talks
            .iter()
            .map(|t| (t.start, t.takeaways.clone()))
            .collect()
    };
    for (at, item) in (0u32..).zip(&whole.items) {
        let read = people.item(at).unwrap();
        assert_eq!(read.id, item.id);
        assert_eq!(moments(read.talks()), moments(item.talks()), "{}", item.id);
        let lean = search.item(at).unwrap().talks();
        assert!(lean
            .iter()
            .all(|t| t.start.is_none() && t.takeaways.is_empty()));
    }
    assert!(whole
        .items
        .iter()
        .flat_map(|i| i.talks())
        .any(|t| t.start.is_some() && !t.takeaways.is_empty()));
    // The first search reads the smaller one.
    let size = |name: &str| std::fs::metadata(dir.join(name)).unwrap().len();
    assert!(size("feed-index.json") < size("feed-people.json"));
}
