//! `recap-feed check` on the shared test feeds.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

mod common;

use common::{
    feed_fixture, fixture_posts, output_within_timeout, path_arg, posts_dir, recap_feed, repo,
    site_dir, stdout,
};

#[test]
fn a_clean_feed_passes() {
    let path = feed_fixture("small.json");
    let output = recap_feed(&["check", &path]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("{path}: 2 events readable, 0 left out, 0 warnings\n")
    );
}

#[test]
fn broken_items_are_listed_with_file_and_json_path_and_fail_the_check() {
    let path = feed_fixture("partly-broken.json");
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
    let path = feed_fixture("not-json.json");
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
    let path = repo().join("public/feed.json");
    let output = recap_feed(&["check", &path_arg(&path)]);
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
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("unrecognized subcommand 'frobnicate'") && err.contains("Usage: recap-feed"),
        "{err}"
    );
}

#[test]
fn build_writes_a_feed_that_the_viewer_reads() {
    let posts = posts_dir();
    let dir = site_dir("build");
    let out = dir.join("feed.json");
    let output = recap_feed(&[
        "build",
        &posts.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--title",
        "Fixture meetups",
        "--home-page-url",
        "https://meetups.example/",
        "--permalink",
        "pretty",
    ]);
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    let parsed = recap_core::parse_feed(&text).unwrap();
    assert_eq!(parsed.problems, vec![]);
    let feed = parsed.feed;
    assert_eq!(feed.title, "Fixture meetups");
    assert!(feed.items.len() >= 30);
    let seedlike = feed
        .items
        .iter()
        .find(|i| i.id == "2023-06-07-seed-shaped")
        .unwrap();
    assert_eq!(
        seedlike.url.as_deref(),
        Some("https://meetups.example/2023/06/07/seed-shaped/")
    );
    assert!(seedlike.content_html.as_deref().unwrap().contains("<h3>"));
    let starts: Vec<_> = seedlike.talks().iter().map(|t| t.start).collect();
    assert_eq!(starts, [None, Some(183), Some(4075)]);
    let dates: Vec<_> = feed
        .items
        .iter()
        .map(|i| i.date_published.as_ref().unwrap().unix_seconds())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[test]
fn build_skips_a_broken_post_with_its_file_and_line_and_keeps_the_others() {
    let dir = site_dir("broken");
    let posts = dir.join("_posts");
    std::fs::write(
        posts.join("2024-01-10-good.md"),
        "---\ntitle: Good\nlocation: Leeds, UK\n---\nFirst up was Ada Lovelace from Loom Works discussing [Punch cards at scale](https://youtu.be/AbCdEfGhIjK?t=95).\n",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-02-14-broken.md"),
        "---\ntitle: Broken\nlocation: [Leeds\ntags: x\n---\nBody\n",
    )
    .unwrap();
    std::fs::write(posts.join("notes.md"), "---\ntitle: x\n---\n").unwrap();
    let out = dir.join("feed.json");
    let output = recap_feed(&[
        "build",
        &posts.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    let broken = posts.join("2024-02-14-broken.md");
    assert!(
        err.contains(&format!("skipped {}:4: front matter:", broken.display())),
        "{err}"
    );
    assert!(err.contains("notes.md: not a post file name"), "{err}");
    assert!(err.contains("wrote 1 events with 1 talks"), "{err}");
    let feed = recap_core::parse_feed(&std::fs::read_to_string(&out).unwrap())
        .unwrap()
        .feed;
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].talks()[0].start, Some(95));

    // check on the folder reports the same, as errors.
    let output = recap_feed(&["check", &posts.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains(&format!("{}:4: error: front matter:", broken.display())),
        "{out}"
    );
}

#[test]
fn check_on_a_posts_folder_reports_what_readers_would_miss() {
    let posts = posts_dir();
    let output = recap_feed(&["check", &posts.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    let out = stdout(&output);
    assert!(
        out.contains("2020-02-12-severn-cloud-native-february-2020.md: warning: talk \"Game days for game studios\": the link says 38:35 but the text says 38:55; the link wins"),
        "{out}"
    );
    assert!(
        out.contains("2023-06-07-seed-shaped.md: warning: talk 1 (\"Do we still need a staging environment?\") has no start time"),
        "{out}"
    );
    assert!(out.contains(
        "2020-11-18-dataops-dublin-november-2020.md: warning: the next meetup has no RSVP link"
    ));
    assert!(out.contains(" 0 left out, "), "{out}");
}

/// A site with one post that lists its own talks, one left to the extractor, and one whose
/// `talks:` list has a bad entry.
fn site_with_own_talks(name: &str) -> PathBuf {
    let dir = site_dir(name);
    let posts = dir.join("_posts");
    std::fs::write(
        posts.join("2024-03-06-own.md"),
        "\
---
title: March
video: https://www.youtube.com/watch?v=AbCdEfGhIjK
talks:
  - title: Calm in a Crisis
    speakers:
      - name: Priya Natarajan
        org: Quillbyte
    start: \"3:03\"
    takeaways:
      - Write the runbook first.
    links:
      - label: slides
        url: https://slides.example/calm
  - speakers:
      - name: Dana Ruiz
        org: Fernhill
      - name: Sam Osei
    start: 1:07:55
  - title: Lightning round
---
Our speakers were people whose names the extractor would not find.

Thanks to [Loom Works](https://loom.example/) for sponsoring the evening!
",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-01-10-extracted.md"),
        "---\ntitle: January\nvideo: https://youtu.be/AbCdEfGhIjK\n---\nFirst up was Ada Lovelace from Loom Works discussing [Punch cards at scale](https://youtu.be/AbCdEfGhIjK?t=95).\n",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-02-14-bad-talk.md"),
        "---\ntitle: February\ntalks:\n  - title: Fine\n  - title: Not fine\n    start: after the break\n---\nBody\n",
    )
    .unwrap();
    posts
}

#[test]
fn check_talks_lists_each_posts_talks_and_where_they_came_from() {
    let posts = site_with_own_talks("talks-table");
    let p = posts.display();
    let output = recap_feed(&["check", "--talks", &posts.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!(
            "\
{p}/2024-01-10-extracted.md: 1 talk, extracted
  1  1:35  Punch cards at scale  Ada Lovelace (Loom Works)
{p}/2024-02-14-bad-talk.md: 1 talk, from the front matter
  1  -  Fine  (no speaker)
{p}/2024-02-14-bad-talk.md:6: error: front matter: talks[1].start: invalid value: string \"after the break\", expected seconds into the video (183) or clock text (3:03, 1:07:55); that talk is left out
{p}/2024-03-06-own.md: 3 talks, from the front matter
  1  3:03     Calm in a Crisis  Priya Natarajan (Quillbyte)
  2  1:07:55  (no title)        Dana Ruiz (Fernhill), Sam Osei
  3  -        Lightning round   (no speaker)
{p}: 3 posts, 5 talks (from the front matter in 2 posts, none found in 0 posts); 0 posts and 1 talk left out
{p}: 0 of 1 extracted talk to check, and 0 time links with no talk
"
        )
    );
    // The flag may come after the folder too.
    let after = recap_feed(&["check", &posts.to_string_lossy(), "--talks"]);
    assert_eq!(after.stdout, output.stdout);
}

#[test]
fn a_posts_own_talks_go_into_the_feed_and_the_body_still_gives_the_rest() {
    let posts = site_with_own_talks("own-talks");
    let out = posts.join("../feed.json");
    let output = recap_feed(&[
        "build",
        &posts.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    // A bad entry is reported and makes the build fail; the post is written without that talk.
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    let bad = posts.join("2024-02-14-bad-talk.md");
    assert!(
        err.contains(&format!(
            "recap-feed: {}:6: front matter: talks[1].start: invalid value",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.contains("wrote 3 events with 5 talks"), "{err}");
    let feed = recap_core::parse_feed(&std::fs::read_to_string(&out).unwrap())
        .unwrap()
        .feed;
    let own = feed
        .items
        .iter()
        .find(|i| i.id == "2024-03-06-own")
        .unwrap();
    let talks = own.talks();
    assert_eq!(talks.len(), 3);
    assert_eq!(talks[0].title.as_deref(), Some("Calm in a Crisis"));
    assert_eq!(talks[0].start, Some(183));
    assert_eq!(talks[0].takeaways, ["Write the runbook first."]);
    assert_eq!(talks[0].links[0].label, "slides");
    // A talk's moment links into the event's recording, as an extracted talk's does.
    assert_eq!(
        talks[1].video_url.as_deref(),
        Some("https://www.youtube.com/watch?v=AbCdEfGhIjK&t=4075s")
    );
    assert_eq!(talks[2].start, None);
    assert_eq!(talks[2].video_url, None);
    let recap = own.recap.as_ref().unwrap();
    assert_eq!(recap.sponsors.len(), 1, "{recap:?}");
    assert_eq!(recap.sponsors[0].name, "Loom Works");
    let partly = feed
        .items
        .iter()
        .find(|i| i.id == "2024-02-14-bad-talk")
        .unwrap();
    assert_eq!(partly.talks().len(), 1);

    // check reports the bad entry as an error, warns about the talk without a time, once, and
    // about nothing the body said.
    let output = recap_feed(&["check", &posts.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "{}:6: error: front matter: talks[1].start:",
            bad.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "2024-03-06-own.md: warning: talk 3 (\"Lightning round\") has no start time\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches(": warning: ").count(), 1, "{out}");
}

/// A post that `build` reads, for the tests of what it cannot read.
const GOOD_POST: &str = "---\ntitle: Good\nlocation: Leeds, UK\n---\nFirst up was Ada Lovelace from Loom Works discussing [Punch cards at scale](https://youtu.be/AbCdEfGhIjK?t=95).\n";

#[cfg(unix)]
#[test]
fn build_names_a_symlink_loop_a_broken_link_and_a_file_not_utf8_and_keeps_the_others() {
    use std::os::unix::fs::symlink;
    let dir = site_dir("unreadable");
    let posts = dir.join("_posts");
    std::fs::write(posts.join("2024-01-10-good.md"), GOOD_POST).unwrap();
    // A sub-folder with a post and a link back up to the posts folder: a loop.
    std::fs::create_dir(posts.join("2023")).unwrap();
    std::fs::write(posts.join("2023/2023-05-03-older.md"), GOOD_POST).unwrap();
    symlink(&posts, posts.join("2023/again")).unwrap();
    // A link to itself, named like a post; a link to nothing.
    symlink("2024-03-01-self.md", posts.join("2024-03-01-self.md")).unwrap();
    symlink("missing.md", posts.join("2024-04-01-gone.md")).unwrap();
    // Latin-1, not UTF-8, on the third line.
    std::fs::write(
        posts.join("2024-02-14-latin1.md"),
        b"---\ntitle: Caf\xe9\n---\nBody\n",
    )
    .unwrap();
    let out = dir.join("feed.json");
    let output = recap_feed(&[
        "build",
        &posts.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    let at = |name: &str| posts.join(name).display().to_string();
    assert!(
        err.contains(&format!(
            "skipped {}: a symbolic link loop",
            at("2023/again")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped {}: a symbolic link to 2024-03-01-self.md, which cannot be followed:",
            at("2024-03-01-self.md")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped {}: a symbolic link to missing.md, which cannot be followed: No such file",
            at("2024-04-01-gone.md")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped {}:2: not UTF-8 text",
            at("2024-02-14-latin1.md")
        )),
        "{err}"
    );
    assert!(err.contains("wrote 2 events"), "{err}");
    let feed = recap_core::parse_feed(&std::fs::read_to_string(&out).unwrap())
        .unwrap()
        .feed;
    let ids: Vec<_> = feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["2024-01-10-good", "2023-05-03-older"]);

    // check on the folder says the same, as errors.
    let output = recap_feed(&["check", &posts.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let said = stdout(&output);
    assert!(said.contains("a symbolic link loop"), "{said}");
    assert!(said.contains("not UTF-8 text"), "{said}");
}

#[cfg(unix)]
#[test]
fn build_names_a_post_and_a_folder_it_may_not_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site_dir("permissions");
    let posts = dir.join("_posts");
    std::fs::write(posts.join("2024-01-10-good.md"), GOOD_POST).unwrap();
    let secret = posts.join("2024-02-14-secret.md");
    std::fs::write(&secret, GOOD_POST).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let closed = posts.join("2023");
    std::fs::create_dir(&closed).unwrap();
    std::fs::write(closed.join("2023-05-03-older.md"), GOOD_POST).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = dir.join("feed.json");
    let args = [
        "build",
        &*posts.to_string_lossy(),
        "--out",
        &*out.to_string_lossy(),
    ];
    let output = if std::fs::read(&secret).is_ok() {
        // A privileged user (root, as in CI) reads files whatever their mode: the build runs as
        // the unprivileged `nobody` instead (setpriv, from util-linux), with a copy of the binary
        // where that user may run it and a folder it may write the feed into.
        let binary = dir.join("recap-feed");
        std::fs::copy(env!("CARGO_BIN_EXE_recap-feed"), &binary).unwrap();
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        output_within_timeout(
            Command::new("setpriv")
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&binary)
                .args(args),
        )
    } else {
        recap_feed(&args)
    };
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains(&format!("skipped {}: cannot read:", secret.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped {}: cannot read the folder:",
            closed.display()
        )),
        "{err}"
    );
    assert!(err.contains("wrote 1 events"), "{err}");
}

/// A site with a post whose extracted talks have something to check of each kind the extractor
/// gives here, and a post whose own `talks:` list, with a talk as bare, is not doubted.
fn site_with_doubts(name: &str) -> PathBuf {
    let dir = site_dir(name);
    let posts = dir.join("_posts");
    std::fs::write(
        posts.join("2024-04-10-doubts.md"),
        "\
---
title: April
video: https://youtu.be/AbCdEfGhIjK
---
Our speakers were Dana Ruiz (Fernhill) and Sam Osei (Quillbyte).

03:03 Cost is a feature - Dana Ruiz
41:07 Calm in a Crisis - Sam Osei, Quillbyte
[1:02:00](https://youtu.be/AbCdEfGhIjK?t=3720) Panel and Q&A

Our last speaker, Yuki Tanaka from Stockton Embedded, showed how far a five-pound microcontroller can go with Rust. Her points:

* No standard library does not mean no \"abstractions\": really.
* Probe-based debugging feels normal.
",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-03-06-own.md"),
        "---\ntitle: March\nvideo: https://youtu.be/AbCdEfGhIjK\ntalks:\n  - speakers:\n      - name: Dana Ruiz\n---\nBody\n",
    )
    .unwrap();
    posts
}

#[test]
fn check_talks_says_which_talks_came_from_a_weaker_cue() {
    let dir = site_dir("talks-cues");
    let posts = dir.join("_posts");
    std::fs::write(
        posts.join("2024-05-08-cues.md"),
        "\
---
title: May
video: https://youtu.be/AbCdEfGhIjK
---
Our speakers were Dana Ruiz from Fernhill and Sam Osei from Quillbyte.

Dana got us going with a look at Alert Fatigue Is a Design Bug, at 2:45 in the recording.

Sam Osei from Quillbyte then presented [Calm in a Crisis](https://youtu.be/AbCdEfGhIjK?t=2467).
",
    )
    .unwrap();
    let output = recap_feed(&["check", "--talks", &posts.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    let out = stdout(&output);
    assert!(
        out.contains(
            "  · talk 1: title from its place before the time; speakers from a first name and the roster\n"
        ),
        "{out}"
    );
    // A linked title and a speaker clause are sure cues: no note.
    assert!(!out.contains("· talk 2"), "{out}");
}

#[test]
fn check_talks_marks_what_to_check_under_an_extracted_posts_table_and_counts_it() {
    let posts = site_with_doubts("talks-doubts");
    let p = posts.display();
    let output = recap_feed(&["check", "--talks", &posts.to_string_lossy()]);
    // Talks to check are no error.
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!(
            "\
{p}/2024-03-06-own.md: 1 talk, from the front matter
  1  -  (no title)  Dana Ruiz
{p}/2024-04-10-doubts.md: 3 talks, extracted
  1  3:03   Cost is a feature  Dana Ruiz
  2  41:07  Calm in a Crisis   Sam Osei (Quillbyte)
  3  -      (no title)         Yuki Tanaka (Stockton Embedded)
  ? talk 1: Dana Ruiz has no organisation here; the post names \"Fernhill\" elsewhere
  ? talk 3: no title
  ? talk 3: no start, and the post has a recording
  ? a time link with no talk: 1:02:00 \"1:02:00 Panel and Q&A\"
{p}: 2 posts, 4 talks (from the front matter in 1 post, none found in 0 posts); 0 posts and 0 talks left out
{p}: 2 of 3 extracted talks to check, and 1 time link with no talk
"
        )
    );
}

#[test]
fn suggest_prints_the_extracted_talks_as_a_talks_list_with_what_to_check() {
    let posts = site_with_doubts("suggest");
    let post = posts.join("2024-04-10-doubts.md");
    let post = post.to_string_lossy();
    let output = recap_feed(&["check", "--talks", "--suggest", &post]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        "\
# check: a time link with no talk: 1:02:00 \"1:02:00 Panel and Q&A\"
talks:
  # check: Dana Ruiz has no organisation here; the post names \"Fernhill\" elsewhere
  - title: \"Cost is a feature\"
    speakers:
      - name: \"Dana Ruiz\"
    start: \"3:03\"
  - title: \"Calm in a Crisis\"
    speakers:
      - name: \"Sam Osei\"
        org: \"Quillbyte\"
    start: \"41:07\"
  # check: no title
  # check: no start, and the post has a recording
  - speakers:
      - name: \"Yuki Tanaka\"
        org: \"Stockton Embedded\"
    takeaways:
      - \"No standard library does not mean no \\\"abstractions\\\": really.\"
      - \"Probe-based debugging feels normal.\"
"
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        err,
        format!("recap-feed: {post}: 3 talks, 2 to check, 1 time link with no talk; paste the list into the post's front matter\n")
    );
    // In any order.
    let again = recap_feed(&["check", "--suggest", &post, "--talks"]);
    assert_eq!(again.stdout, output.stdout);
}

#[test]
fn suggest_reads_one_post_whose_talks_are_extracted() {
    let posts = site_with_doubts("suggest-refused");
    let folder = posts.to_string_lossy();
    let output = recap_feed(&["check", "--talks", "--suggest", &folder]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains(&format!("{folder}: --suggest reads one post file")));

    let own = posts.join("2024-03-06-own.md");
    let output = recap_feed(&["check", "--talks", "--suggest", &own.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("the post lists its own talks"),
        "{output:?}"
    );
    assert!(output.stdout.is_empty());

    let post = posts.join("2024-04-10-doubts.md");
    let post = post.to_string_lossy();
    for args in [
        &["check", "--suggest", &*post][..],
        &["check", "--talks", "--suggest", &*post, &*post],
        &["check", "--talks", "--talks", &*post],
        &["check", "--talks", "--suggest", "--pretty", &*post],
    ] {
        let output = recap_feed(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.starts_with("error: ") && err.contains("Usage: recap-feed check"),
            "{args:?}: {err}"
        );
    }
}

/// The moment a talk's video link opens, as the viewer reads it: the recording at its start when
/// it has no link of its own (as the feed gives a talk of a `talks:` list).
fn moment(talk: &recap_core::Talk, recording: Option<&str>) -> Option<String> {
    use recap_core::video::parse_video_url;
    let url = talk
        .video_url
        .clone()
        .or_else(|| Some(parse_video_url(recording?)?.url_at(talk.start?)))?;
    Some(match parse_video_url(&url) {
        Some(video) => format!("{:?} {} {:?}", video.host, video.id, video.start),
        None => url,
    })
}

#[test]
fn every_fixtures_suggestion_pasted_into_its_front_matter_gives_the_same_talks() {
    use recap_feed::build::{site, to_item, Options};
    use recap_feed::post::{parse_post, read_post};

    let mut compared = 0;
    for path in fixture_posts() {
        let site = site(path.parent().unwrap(), &Options::default()).unwrap();
        let post = read_post(&path, &site).unwrap();
        let (item, _) = to_item(&post, "", &site);
        let extracted = item.talks();
        if extracted.is_empty() || post.talks.is_some() {
            continue;
        }
        let shown = path.display().to_string();
        let output = recap_feed(&["check", "--talks", "--suggest", &shown]);
        assert!(output.status.success(), "{shown}: {output:?}");
        let suggested = stdout(&output);

        // Pasted at the end of the front matter.
        let text = std::fs::read_to_string(&path).unwrap();
        let end = 4 + text[4..].find("\n---").unwrap() + 1;
        let pasted = format!("{}{suggested}{}", &text[..end], &text[end..]);
        let stem = path.file_stem().unwrap().to_string_lossy();
        let read = parse_post(&shown, &stem, &pasted, &site).unwrap();
        assert_eq!(read.talk_errors, [], "{shown}:\n{suggested}");
        // The talks come from the pasted list, not from the body again.
        assert!(read.talks.is_some(), "{shown}:\n{suggested}");
        let (again, _) = to_item(&read, "", &site);
        let own = again.talks();
        assert_eq!(own.len(), extracted.len(), "{shown}:\n{suggested}");
        for (mine, theirs) in own.iter().zip(extracted) {
            assert_eq!(mine.title, theirs.title, "{shown}");
            assert_eq!(mine.speakers, theirs.speakers, "{shown}");
            assert_eq!(mine.start, theirs.start, "{shown}");
            assert_eq!(mine.takeaways, theirs.takeaways, "{shown}");
            assert_eq!(mine.links, theirs.links, "{shown}");
            let recording = post.video.as_deref();
            assert_eq!(
                moment(mine, recording),
                moment(theirs, recording),
                "{shown}"
            );
        }
        compared += 1;
    }
    assert!(compared >= 80, "only {compared} fixtures with talks");
}
