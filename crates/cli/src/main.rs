//! `recap-feed`: Jekyll posts → a Recap JSON Feed, and feed checks.
#![forbid(unsafe_code)]

use std::num::NonZeroUsize;
use std::path::Path;
use std::process::ExitCode;

use recap_core::Severity;
use recap_feed::build::{build, site, to_item, Options, TalkSource};
use recap_feed::check::{check_feed, check_item, talk_table, Finding};
use recap_feed::paginate::{paginate, write_paginated};
use recap_feed::post::read_post;
use recap_feed::suggest::{cue_notes, doubts, talks_yaml};

const USAGE: &str = "\
usage:
  recap-feed build POSTS_DIR --out FEED.json [--title T] [--home-page-url URL]
                   [--feed-url URL] [--permalink date|pretty|none|TEMPLATE] [--pretty]
                   [--page-size N]
  recap-feed check FEED.json|POSTS_DIR
  recap-feed check --talks POSTS_DIR
  recap-feed check --talks --suggest POST.md
  recap-feed pages FEED.json --dist DIR [--site-url URL]

build   reads a Jekyll _posts folder and writes a JSON Feed 1.1 with talks, times and
        takeaways in each item's _recap (a post's own `talks:` list replaces what is
        extracted). A post, or an entry of a `talks:` list, that cannot be read is reported
        with its file and line and left out; the exit status is 1 when any was.
        With --page-size N, FEED.json holds the newest N events and names the next page
        (FEED-2.json, FEED-3.json …) in next_url, and FEED-index.json beside it is the
        search index of every event; pages an earlier build left beyond the last are
        removed.
check   reports what a reader would miss: items or posts that cannot be read (errors, exit
        status 1), talks without a time, videos that cannot be played, a next meetup
        without a link (warnings). With --talks, it lists per post the talks found
        instead: start, title, speakers, and whether the post's own `talks:` list
        gave them or the extractor did; under an extracted post's table, a `?` line for
        each thing to check (no title, a title that reads as a sentence, no speaker, an
        organisation the post gives elsewhere, no start, a time link with no talk), a
        `·` line for a talk whose title or speakers came from a weaker cue (a title
        told only by its place before the time, a first name matched to the roster),
        and at the end how many talks to check. With --suggest, for one post, it prints the
        extracted talks as a `talks:` list to paste into the post's front matter, each
        thing to check a `# check:` comment.
pages   pre-renders a built site (trunk build): DIR/index.html, the template, gets the
        list's first screen, and every event gets DIR/events/<id>/index.html, readable
        without JavaScript, with its own title, description and Open Graph tags (canonical
        and og:url/og:image need --site-url, the site's public address). The app takes
        these pages over and still fetches the feed. The pages of a paginated feed beside
        FEED.json (FEED-2.json …, through next_url) are read too.";

fn main() -> ExitCode {
    match try_main(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("recap-feed: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_main(args: Vec<String>) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("build") => run_build(&args[1..]),
        Some("check") => {
            let flags = |flag: &str| args[1..].iter().filter(|a| *a == flag).count();
            let paths: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with('-')).collect();
            let (talks, suggest) = (flags("--talks"), flags("--suggest"));
            match (talks, suggest, paths.as_slice()) {
                _ if talks + suggest + paths.len() != args.len() - 1 => Err(USAGE.to_owned()),
                (0, 0, [path]) => run_check(Path::new(path)),
                (1, 0, [path]) => run_talks(Path::new(path)),
                (1, 1, [path]) => run_suggest(Path::new(path)),
                _ => Err(USAGE.to_owned()),
            }
        }
        Some("pages") => run_pages(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn run_build(args: &[String]) -> Result<ExitCode, String> {
    let mut dir = None;
    let mut out = None;
    let mut pretty = false;
    let mut page_size = None;
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--out" | "-o" => out = Some(value()?),
            "--title" => options.title = Some(value()?),
            "--home-page-url" => options.home_page_url = Some(value()?),
            "--feed-url" => options.feed_url = Some(value()?),
            "--permalink" => options.permalink = Some(value()?),
            "--pretty" => pretty = true,
            "--page-size" => page_size = Some(parse_page_size(&value()?)?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            path if dir.is_none() => dir = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
        }
    }
    let (Some(dir), Some(out)) = (dir, out) else {
        return Err(USAGE.to_owned());
    };
    let output = build(Path::new(&dir), &options).map_err(|e| e.to_string())?;
    for skipped in &output.skipped {
        eprintln!("recap-feed: skipped {skipped}");
    }
    let talk_errors: Vec<_> = output.built.iter().flat_map(|b| &b.talk_errors).collect();
    for error in &talk_errors {
        eprintln!("recap-feed: {error}");
    }
    let talks: usize = output.feed.items.iter().map(|i| i.talks().len()).sum();
    let wrote = match page_size {
        None => {
            let json = if pretty {
                serde_json::to_string_pretty(&output.feed)
            } else {
                serde_json::to_string(&output.feed)
            }
            .map_err(|e| format!("cannot write the feed: {e}"))?;
            std::fs::write(&out, json + "\n").map_err(|e| format!("{out}: {e}"))?;
            out.clone()
        }
        Some(page_size) => {
            let out_path = Path::new(&out);
            let first = out_path
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| format!("{out}: --out must name a file"))?;
            let paginated = paginate(&output.feed, first, page_size);
            let written =
                write_paginated(&paginated, out_path, pretty).map_err(|e| e.to_string())?;
            for path in &written.removed {
                eprintln!(
                    "recap-feed: removed {}, a page beyond the last",
                    path.display()
                );
            }
            format!(
                "{out} and {} more pages of at most {page_size}, and the search index to {}",
                written.pages.len() - 1,
                written.index.display()
            )
        }
    };
    eprintln!(
        "recap-feed: wrote {} events with {talks} talks to {wrote}; {} posts skipped, {} talks from front matter left out",
        output.feed.items.len(),
        output.skipped.len(),
        talk_errors.len()
    );
    Ok(if output.skipped.is_empty() && talk_errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `--page-size`: a whole number of events, at least 1.
fn parse_page_size(text: &str) -> Result<NonZeroUsize, String> {
    match text.parse::<usize>() {
        Ok(n) => NonZeroUsize::new(n).ok_or_else(|| {
            "--page-size must be at least 1: it is how many events each page of the feed holds"
                .to_owned()
        }),
        Err(_) => Err(format!(
            "--page-size takes a whole number of events per page, such as 100, not {text:?}"
        )),
    }
}

fn run_pages(args: &[String]) -> Result<ExitCode, String> {
    let mut feed_path = None;
    let mut dist = None;
    let mut options = recap_feed::pages::Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--dist" => dist = Some(value()?),
            "--site-url" => options.site_url = Some(value()?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            path if feed_path.is_none() => feed_path = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
        }
    }
    let (Some(feed_path), Some(dist)) = (feed_path, dist) else {
        return Err(USAGE.to_owned());
    };
    let read = recap_feed::paginate::read_pages(Path::new(&feed_path))?;
    if let Some(why) = &read.stopped {
        eprintln!("recap-feed: {why}");
    }
    if read.pages() > 1 {
        eprintln!(
            "recap-feed: read {} pages, {} events, from {feed_path} on",
            read.pages(),
            read.feed.items.len()
        );
    }
    let written = recap_feed::pages::write_pages(&read.feed, Path::new(&dist), &options)
        .map_err(|e| e.to_string())?;
    for id in &written.skipped {
        eprintln!("recap-feed: no page for {id:?}: not a directory name");
    }
    eprintln!(
        "recap-feed: pre-rendered the list and {} event pages in {dist}",
        written.events
    );
    Ok(ExitCode::SUCCESS)
}

fn run_talks(dir: &Path) -> Result<ExitCode, String> {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        return Err(format!("{shown}: --talks reads a posts folder"));
    }
    let output = build(dir, &Options::default()).map_err(|e| e.to_string())?;
    let site = site(dir, &Options::default());
    // File order: a post's table, then what could not be read of it.
    let mut entries: Vec<(String, usize, String)> = Vec::new();
    let (mut extracted, mut to_check, mut time_links) = (0, 0, 0);
    for built in &output.built {
        let place = built.path.display().to_string();
        let talks = built.item.talks();
        // The post was read a moment ago; its extracted talks are doubted against its body.
        let doubts = match built.talks_from {
            TalkSource::Extraction => read_post(&built.path, &site)
                .map(|post| doubts(&post, talks))
                .unwrap_or_default(),
            TalkSource::FrontMatter => Vec::new(),
        };
        if built.talks_from == TalkSource::Extraction {
            extracted += talks.len();
        }
        to_check += (0..talks.len())
            .filter(|&n| doubts.iter().any(|d| d.talk() == Some(n)))
            .count();
        time_links += doubts.iter().filter(|d| d.talk().is_none()).count();
        let mut table = talk_table(&place, &built.item, built.talks_from, &doubts);
        // Which talks came from a weaker cue, for a second look.
        if built.talks_from == TalkSource::Extraction {
            let notes = read_post(&built.path, &site)
                .map(|post| cue_notes(&post))
                .unwrap_or_default();
            for (n, note) in notes {
                table.push_str(&format!("  · talk {}: {note}\n", n + 1));
            }
        }
        for err in &built.talk_errors {
            let line = format!("{}: error: {}\n", err.place(), err.reason());
            entries.push((place.clone(), err.line, line));
        }
        entries.push((place, 0, table));
    }
    for err in &output.skipped {
        let line = format!("{}: error: {}\n", err.place(), err.reason());
        entries.push((err.path().to_owned(), 0, line));
    }
    entries.sort();
    for (_, _, text) in &entries {
        print!("{text}");
    }
    let talks: usize = output.built.iter().map(|b| b.item.talks().len()).sum();
    let own = output
        .built
        .iter()
        .filter(|b| b.talks_from == TalkSource::FrontMatter)
        .count();
    let none = output
        .built
        .iter()
        .filter(|b| b.item.talks().is_empty())
        .count();
    let talk_errors: usize = output.built.iter().map(|b| b.talk_errors.len()).sum();
    println!(
        "{shown}: {}, {} (from the front matter in {}, none found in {}); {} and {} left out",
        plural(output.built.len(), "post"),
        plural(talks, "talk"),
        plural(own, "post"),
        plural(none, "post"),
        plural(output.skipped.len(), "post"),
        plural(talk_errors, "talk"),
    );
    println!(
        "{shown}: {to_check} of {} to check, and {} with no talk",
        plural(extracted, "extracted talk"),
        plural(time_links, "time link"),
    );
    Ok(if output.skipped.is_empty() && talk_errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `check --talks --suggest`: one post's extracted talks as a front-matter `talks:` list, with
/// what to check as comments, on stdout.
fn run_suggest(path: &Path) -> Result<ExitCode, String> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(format!("{shown}: --suggest reads one post file"));
    }
    let posts_dir = path.parent().unwrap_or(Path::new("."));
    let site = site(posts_dir, &Options::default());
    let post = read_post(path, &site).map_err(|e| e.to_string())?;
    if post.talks.is_some() {
        return Err(format!(
            "{shown}: the post lists its own talks in its front matter; remove its `talks:` list to see what the extractor finds"
        ));
    }
    for error in &post.talk_errors {
        eprintln!("recap-feed: {error}");
    }
    let (item, _) = to_item(&post, "", &site);
    let talks = item.talks();
    let doubts = doubts(&post, talks);
    print!("{}", talks_yaml(talks, &doubts, post.video.as_deref()));
    let to_check = (0..talks.len())
        .filter(|&n| doubts.iter().any(|d| d.talk() == Some(n)))
        .count();
    let time_links = doubts.iter().filter(|d| d.talk().is_none()).count();
    eprintln!(
        "recap-feed: {shown}: {}, {to_check} to check, {} with no talk; paste the list into the post's front matter",
        plural(talks.len(), "talk"),
        plural(time_links, "time link"),
    );
    Ok(ExitCode::SUCCESS)
}

/// `1 post`, `2 posts`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn run_check(path: &Path) -> Result<ExitCode, String> {
    let shown = path.display().to_string();
    let (count, findings) = if path.is_dir() {
        let output = build(path, &Options::default()).map_err(|e| e.to_string())?;
        let mut findings: Vec<Finding> = output
            .skipped
            .iter()
            .map(|err| Finding {
                severity: Severity::Error,
                place: err.place(),
                message: err.reason(),
            })
            .collect();
        for built in &output.built {
            let place = built.path.display().to_string();
            // A post's findings all name the post, so a repeat can only be among its own.
            let own = findings.len();
            findings.extend(built.talk_errors.iter().map(|err| Finding {
                severity: Severity::Error,
                place: err.place(),
                message: err.reason(),
            }));
            findings.extend(check_item(&built.item, &place));
            for diagnostic in &built.diagnostics {
                let finding = Finding {
                    severity: Severity::Warning,
                    place: place.clone(),
                    message: diagnostic.clone(),
                };
                if !findings[own..].contains(&finding) {
                    findings.push(finding);
                }
            }
        }
        (output.built.len(), findings)
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        check_feed(&text).map_err(|e| format!("{shown}: {e}"))?
    };
    let mut errors = 0;
    for finding in &findings {
        let level = match finding.severity {
            Severity::Error => {
                errors += 1;
                "error"
            }
            Severity::Warning => "warning",
        };
        // Posts are named by their own file; feed findings by the feed file and a JSON path.
        if path.is_dir() {
            println!("{}: {level}: {}", finding.place, finding.message);
        } else {
            println!("{shown}: {level}: {}: {}", finding.place, finding.message);
        }
    }
    println!(
        "{shown}: {count} events readable, {errors} left out, {} warnings",
        findings.len() - errors
    );
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
