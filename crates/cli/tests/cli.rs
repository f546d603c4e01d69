//! The command line as an organiser meets it: help and version, errors that name what is
//! missing, a site's root instead of its `_posts`, the site's own settings, Jekyll's rules for
//! drafts and future posts, the site's own front-matter keys, the choice of recaps, and what a
//! deploy sees when a post cannot be read.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::{path_arg, recap_feed, stderr, stdout, temp_dir, write_files};
use serde_json::Value;

/// A recap post: a title, a recording and two talks with times.
fn post(title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\nlocation: Riverbend Library, Norwich\n{extra}---\n\
         Thanks to everyone who came along.\n\n\
         First up was Ada Quill from Loom Works discussing [Queues without tears](https://youtu.be/AbCdEfGhIjK?t=95).\n\n\
         Then Bo Marsh from Kettle Labs on [Cheap observability](https://youtu.be/AbCdEfGhIjK?t=1900).\n"
    )
}

/// Builds `site` into `dir/feed.json` with `extra` flags: the run and the feed, if written.
fn build(site: &Path, dir: &Path, extra: &[&str]) -> (Output, Option<Value>) {
    let out = dir.join("feed.json");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "build".to_owned(),
        path_arg(site),
        "--out".into(),
        path_arg(&out),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = recap_feed(&args);
    let feed = std::fs::read_to_string(&out)
        .ok()
        .map(|text| serde_json::from_str(&text).unwrap());
    (output, feed)
}

fn ids(feed: &Value) -> Vec<String> {
    let mut ids: Vec<String> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

fn item<'a>(feed: &'a Value, id: &str) -> &'a Value {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in {feed:#}"))
}

#[test]
fn every_subcommand_the_help_lists_answers_help() {
    let help = stdout(&recap_feed(&["--help"]));
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    for expected in [
        "build",
        "check",
        "pages",
        "rebase",
        "init",
        "completions",
        "help",
    ] {
        assert!(
            commands.contains(&expected),
            "{expected} not in {commands:?}"
        );
    }
    for command in commands {
        let output = recap_feed(&[command, "--help"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command} --help: {output:?}"
        );
    }
}

#[test]
fn every_subcommand_has_help_that_exits_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["build", "--help"],
        &["build", "-h"],
        &["check", "--help"],
        &["check", "-h"],
        &["pages", "--help"],
        &["pages", "-h"],
        &["rebase", "--help"],
        &["rebase", "-h"],
        &["init", "--help"],
        &["init", "-h"],
        &["completions", "--help"],
        &["completions", "-h"],
        &["help", "build"],
    ] {
        let output = recap_feed(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert!(stdout(&output).contains("Usage: recap-feed"), "{args:?}");
    }
    let help = stdout(&recap_feed(&["build", "--help"]));
    for flag in [
        "--out <FEED>",
        "--title",
        "--description",
        "--site-url",
        "--home-page-url",
        "--feed-url",
        "--permalink",
        "--pretty",
        "--page-size",
        "--keep-going",
        "--strict",
        "--key <FIELD=NAME>",
        "--tag",
        "--category",
        "--folder",
        "--timezone",
        "--future",
    ] {
        assert!(help.contains(flag), "build --help lacks {flag}:\n{help}");
    }
    assert!(stdout(&recap_feed(&["check", "--help"])).contains("--suggest"));
    assert!(stdout(&recap_feed(&["pages", "--help"])).contains("--dist <DIR>"));
}

#[test]
fn version_names_the_program_and_its_version() {
    let expected = format!("recap-feed {}\n", env!("CARGO_PKG_VERSION"));
    for flag in ["--version", "-V"] {
        let output = recap_feed(&[flag]);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(stdout(&output), expected);
    }
}

#[test]
fn a_usage_error_names_what_is_missing_and_exits_2() {
    let output = recap_feed(&["build", "_posts"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("the following required arguments were not provided")
            && err.contains("--out <FEED>"),
        "{err}"
    );
    let output = recap_feed(&["pages", "feed.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--dist <DIR>"));
    let output = recap_feed(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage: recap-feed"));
    let output = recap_feed(&["build", "x", "-o", "y.json", "--strict", "--keep-going"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_field_in_key_is_a_usage_error_naming_the_fields() {
    let output = recap_feed(&["build", "x", "-o", "y.json", "--key", "recording=youtube"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("\"recording\" is not a field"), "{err}");
    assert!(err.contains("video, location, talks"), "{err}");
    let output = recap_feed(&["build", "x", "-o", "y.json", "--key", "video"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("FIELD=NAME"));
}

#[test]
fn completions_print_a_script_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = recap_feed(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        assert!(
            script.len() > 200 && script.contains("recap-feed"),
            "{shell}"
        );
    }
    assert!(stdout(&recap_feed(&["completions", "bash"])).contains("--keep-going"));
    assert_eq!(recap_feed(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn given_the_sites_root_it_finds_the_posts_and_reads_nothing_else() {
    let site = temp_dir("root");
    write_files(
        &site,
        &[
            (
                "_config.yml",
                "title: Riverbend Tech Meetup\ndescription: Talks from our monthly evenings\n",
            ),
            ("README.md", "# Our site\n"),
            ("about.md", "---\ntitle: About\n---\nWho we are.\n"),
            ("index.md", "---\nlayout: home\n---\n"),
            ("_drafts/2024-09-01-someday.md", &post("Someday", "")),
            ("_posts/2024-03-06-march.md", &post("March meetup", "")),
            ("_posts/2024-04-03-april.md", &post("April meetup", "")),
            ("events/_posts/2024-05-01-may.md", &post("May meetup", "")),
        ],
    );
    let (output, feed) = build(&site, &site, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("README") && !err.contains("about.md"),
        "{err}"
    );
    assert!(!err.contains("not a post file name"), "{err}");
    let feed = feed.unwrap();
    assert_eq!(
        ids(&feed),
        ["2024-03-06-march", "2024-04-03-april", "2024-05-01-may"]
    );
    assert_eq!(feed["title"], "Riverbend Tech Meetup");
    assert_eq!(feed["description"], "Talks from our monthly evenings");
    // A post in events/_posts is in the category events, as Jekyll has it.
    assert_eq!(
        item(&feed, "2024-05-01-may")["_recap"]["talks"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let output = recap_feed(&["check", &path_arg(&site)]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("3 events readable, 0 left out"), "{out}");
    assert!(
        !out.contains("README") && !out.contains("about.md"),
        "{out}"
    );

    let output = recap_feed(&["check", "--talks", &path_arg(&site)]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stdout(&output).contains("3 posts, 6 talks"),
        "{}",
        stdout(&output)
    );

    // A root with a _config.yml and no _posts says so.
    let empty = temp_dir("root-empty");
    write_files(&empty, &[("_config.yml", "title: Nothing yet\n")]);
    let (output, feed) = build(&empty, &empty, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no _posts folder"),
        "{}",
        stderr(&output)
    );
    assert!(feed.is_none());
}

#[test]
fn the_feed_is_titled_by_the_sites_config_not_its_folder() {
    let dir = temp_dir("cache");
    let site = dir.join("cache");
    write_files(&site, &[("_posts/2024-03-06-march.md", &post("March", ""))]);
    let (_, feed) = build(&site.join("_posts"), &dir, &[]);
    assert_eq!(
        feed.unwrap()["title"],
        "cache",
        "no title anywhere: the folder's name"
    );
    write_files(&site, &[("_config.yml", "title: Riverbend Tech Meetup\n")]);
    let (output, feed) = build(&site.join("_posts"), &dir, &[]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(feed.unwrap()["title"], "Riverbend Tech Meetup");
    let (_, feed) = build(&site, &dir, &["--title", "Recaps"]);
    assert_eq!(feed.unwrap()["title"], "Recaps");
}

#[test]
fn a_bad_post_is_left_out_by_default_and_stops_everything_under_strict() {
    let site = temp_dir("strict");
    write_files(
        &site,
        &[
            ("_posts/2024-03-06-good.md", &post("Good", "")),
            (
                "_posts/2024-04-03-broken.md",
                "---\ntitle: Broken\nlocation: [Leeds\n---\nBody\n",
            ),
        ],
    );
    for extra in [&[][..], &["--keep-going"]] {
        let (output, feed) = build(&site, &site, extra);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{extra:?}: {err}");
        assert!(err.contains("2024-04-03-broken.md:"), "{err}");
        assert!(err.contains("wrote 1 events"), "{err}");
        assert!(err.contains("exit status 1"), "{err}");
        assert_eq!(ids(&feed.unwrap()), ["2024-03-06-good"]);
    }
    let (output, feed) = build(&site, &site, &["--strict"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("2024-04-03-broken.md:"), "{err}");
    assert!(err.contains("wrote nothing (--strict)"), "{err}");
    assert!(feed.is_none(), "--strict wrote a feed");

    // A bad entry of a talks: list counts too; a clean site passes --strict.
    std::fs::remove_file(site.join("_posts/2024-04-03-broken.md")).unwrap();
    let (output, feed) = build(&site, &site, &["--strict"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(feed.is_some());
    write_files(
        &site,
        &[(
            "_posts/2024-05-01-own.md",
            "---\ntitle: Own\ntalks:\n  - title: A\n    start: soon\n---\nBody\n",
        )],
    );
    let (output, feed) = build(&site, &site, &["--strict"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(feed.is_none());
}

#[test]
fn unpublished_and_future_posts_are_left_out_as_jekyll_leaves_them() {
    let site = temp_dir("jekyll-rules");
    write_files(
        &site,
        &[
            ("_posts/2024-03-06-march.md", &post("March", "")),
            (
                "_posts/2024-04-03-draft.md",
                &post("Draft", "published: false\n"),
            ),
            (
                "_posts/2024-04-10-kept.md",
                &post("Kept", "published: true\n"),
            ),
            (
                "_posts/2024-04-17-shelved.md",
                &post("Shelved", "published: no\n"),
            ),
            ("_posts/2999-01-06-far-ahead.md", &post("Far ahead", "")),
            (
                "_posts/2024-05-01-dated-ahead.md",
                &post("Dated ahead", "date: 2999-05-01 19:00\n"),
            ),
        ],
    );
    let (output, feed) = build(&site, &site, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(ids(&feed.unwrap()), ["2024-03-06-march", "2024-04-10-kept"]);
    assert!(
        err.contains("; 2 unpublished and 2 dated in the future left out"),
        "{err}"
    );
    assert!(err.contains("; 0 posts skipped,"), "{err}");

    let (_, feed) = build(&site, &site, &["--future"]);
    assert_eq!(
        ids(&feed.unwrap()),
        [
            "2024-03-06-march",
            "2024-04-10-kept",
            "2999-01-06-far-ahead",
            "2999-05-01-dated-ahead"
        ]
    );
    write_files(&site, &[("_config.yml", "future: yes\n")]);
    let (_, feed) = build(&site, &site, &[]);
    assert_eq!(ids(&feed.unwrap()).len(), 4);

    let output = recap_feed(&["check", &path_arg(&site)]);
    assert!(
        stdout(&output).contains("4 events readable"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("2 unpublished not in the feed"));
}

#[test]
fn a_site_names_its_own_front_matter_keys() {
    let site = temp_dir("keys");
    let body = "---\ntitle: March\nyoutube: AbCdEfGhIjK\nvenue: The Old Mill\nsessions:\n  - title: Queues without tears\n    start: \"1:35\"\n---\nThanks all.\n";
    write_files(&site, &[("_posts/2024-03-06-march.md", body)]);
    let (output, feed) = build(&site, &site, &[]);
    assert!(output.status.success());
    let recap = &item(feed.as_ref().unwrap(), "2024-03-06-march")["_recap"];
    assert!(recap["video"].is_null(), "{recap}");

    let (output, feed) = build(
        &site,
        &site,
        &[
            "--key",
            "video=youtube",
            "--key",
            "location=venue",
            "--key",
            "talks=sessions",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let recap = &item(feed.as_ref().unwrap(), "2024-03-06-march")["_recap"];
    assert!(
        recap["video"].as_str().unwrap().contains("AbCdEfGhIjK"),
        "{recap}"
    );
    assert_eq!(recap["location"], "The Old Mill");
    assert_eq!(recap["talks"][0]["title"], "Queues without tears");
    assert_eq!(recap["talks"][0]["start"], 95);

    // The same from _config.yml; a flag wins over it.
    write_files(
        &site,
        &[(
            "_config.yml",
            "recap:\n  keys:\n    video: youtube\n    location: city\n",
        )],
    );
    let (_, feed) = build(&site, &site, &["--key", "location=venue"]);
    let recap = &item(feed.as_ref().unwrap(), "2024-03-06-march")["_recap"];
    assert!(
        recap["video"].as_str().unwrap().contains("AbCdEfGhIjK"),
        "{recap}"
    );
    assert_eq!(recap["location"], "The Old Mill");

    write_files(
        &site,
        &[("_config.yml", "recap:\n  keys:\n    recording: youtube\n")],
    );
    let (output, feed) = build(&site, &site, &[]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("_config.yml:1: recap.keys:"), "{err}");
    assert!(err.contains("video, location"), "{err}");
    assert!(feed.is_none());
}

#[test]
fn the_site_chooses_its_recaps_by_tag_category_or_folder() {
    let site = temp_dir("choose");
    write_files(
        &site,
        &[
            (
                "_posts/2024-01-10-tagged.md",
                &post("Tagged", "tags: [recap, meetup]\n"),
            ),
            (
                "_posts/2024-02-14-filed.md",
                &post("Filed", "category: events\n"),
            ),
            (
                "_posts/meetups/2024-03-06-in-folder.md",
                &post("In a folder", ""),
            ),
            (
                "talks/_posts/2024-04-03-category-folder.md",
                &post("Category folder", ""),
            ),
            (
                "_posts/2024-05-01-podcast.md",
                &post("Podcast", "tags: podcast\ncategories: [audio]\n"),
            ),
        ],
    );
    let chosen = |extra: &[&str]| {
        let (output, feed) = build(&site, &site, extra);
        assert!(output.status.success(), "{output:?}");
        (ids(&feed.unwrap()), stderr(&output))
    };
    let (all, _) = chosen(&[]);
    assert_eq!(all.len(), 5);
    let (ids, err) = chosen(&["--tag", "recap"]);
    assert_eq!(ids, ["2024-01-10-tagged"]);
    assert!(err.contains("; 4 not recaps left out"), "{err}");
    assert_eq!(chosen(&["--category", "events"]).0, ["2024-02-14-filed"]);
    assert_eq!(
        chosen(&["--category", "talks"]).0,
        ["2024-04-03-category-folder"]
    );
    assert_eq!(chosen(&["--folder", "meetups"]).0, ["2024-03-06-in-folder"]);
    assert_eq!(
        chosen(&["--tag", "Recap", "--folder", "meetups", "--folder", "talks"]).0,
        [
            "2024-01-10-tagged",
            "2024-03-06-in-folder",
            "2024-04-03-category-folder"
        ]
    );

    write_files(
        &site,
        &[(
            "_config.yml",
            "recap:\n  tags: [recap]\n  categories: events\n",
        )],
    );
    let (ids, err) = chosen(&[]);
    assert_eq!(ids, ["2024-01-10-tagged", "2024-02-14-filed"]);
    assert!(err.contains("; 3 not recaps left out"), "{err}");
    // Flags choose instead of the config.
    assert_eq!(chosen(&["--folder", "meetups"]).0, ["2024-03-06-in-folder"]);
}

#[test]
fn the_sites_config_gives_the_address_description_and_time_zone() {
    let site = temp_dir("settings");
    write_files(
        &site,
        &[
            (
                "_config.yml",
                "title: Riverbend Tech Meetup\ndescription: Monthly talks by the river\nurl: https://riverbend.example\nbaseurl: /meet\ntimezone: America/New_York\npermalink: pretty\n",
            ),
            ("_posts/2024-03-06-march.md", &post("March", "date: 2024-03-06 19:00\n")),
            ("_posts/2024-07-10-july.md", &post("July", "")),
            (
                "_posts/2024-09-04-late.md",
                &post("Late", "date: 2024-09-05 02:30:00 +0000\nslug: late-night\n"),
            ),
        ],
    );
    let (output, feed) = build(&site, &site, &[]);
    assert!(output.status.success(), "{output:?}");
    let feed = feed.unwrap();
    assert_eq!(feed["title"], "Riverbend Tech Meetup");
    assert_eq!(feed["description"], "Monthly talks by the river");
    assert_eq!(feed["home_page_url"], "https://riverbend.example/meet/");
    assert_eq!(feed["feed_url"], "https://riverbend.example/meet/feed.json");
    let march = item(&feed, "2024-03-06-march");
    assert_eq!(march["date_published"], "2024-03-06T19:00:00-05:00");
    assert_eq!(
        march["url"],
        "https://riverbend.example/meet/2024/03/06/march/"
    );
    assert_eq!(
        item(&feed, "2024-07-10-july")["date_published"],
        "2024-07-10T00:00:00-04:00"
    );
    // 02:30 UTC on the 5th is the evening of the 4th in New York; the slug is the post's own.
    let late = item(&feed, "2024-09-04-late-night");
    assert_eq!(late["date_published"], "2024-09-05T02:30:00+00:00");

    let (_, feed) = build(
        &site,
        &site,
        &[
            "--timezone",
            "Europe/London",
            "--site-url",
            "https://recaps.example",
            "--description",
            "Recaps",
            "--feed-url",
            "https://recaps.example/all.json",
        ],
    );
    let feed = feed.unwrap();
    assert_eq!(feed["description"], "Recaps");
    assert_eq!(feed["home_page_url"], "https://recaps.example/");
    assert_eq!(feed["feed_url"], "https://recaps.example/all.json");
    assert_eq!(
        item(&feed, "2024-03-06-march")["date_published"],
        "2024-03-06T19:00:00+00:00"
    );
    assert!(ids(&feed).contains(&"2024-09-05-late-night".to_owned()));

    let (output, feed) = build(&site, &site, &["--timezone", "Europe/Lodnon"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("--timezone: time zone \"Europe/Lodnon\" is unknown"),
        "{err}"
    );
    assert!(feed.is_none());
    write_files(&site, &[("_config.yml", "timezone: Mars/Olympus\n")]);
    let (output, _) = build(&site, &site, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("_config.yml: time zone \"Mars/Olympus\" is unknown"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn pages_pre_renders_a_feed_built_from_a_site() {
    let site = temp_dir("pages");
    write_files(
        &site,
        &[
            ("_config.yml", "title: Riverbend Tech Meetup\n"),
            ("_posts/2024-03-06-march.md", &post("March meetup", "")),
            (
                "dist/index.html",
                "<!doctype html><html><head><title>Recap</title></head><body><div data-recap>Loading</div></body></html>\n",
            ),
        ],
    );
    let dist = site.join("dist");
    let (output, feed) = build(&site, &dist, &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(feed.is_some());
    let output = recap_feed(&[
        "pages",
        &path_arg(&dist.join("feed.json")),
        "--dist",
        &path_arg(&dist),
        "--site-url",
        "https://recaps.example.org/",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stderr(&output).contains("1 event pages"),
        "{}",
        stderr(&output)
    );
    let page = std::fs::read_to_string(dist.join("events/2024-03-06-march/index.html")).unwrap();
    assert!(page.contains("March meetup"), "{page}");
    assert!(page.contains("https://recaps.example.org/"), "{page}");
}
