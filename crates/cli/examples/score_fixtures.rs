//! Scores talk extraction against hand-written expectations.
//!
//! ```text
//! cargo run -q -p recap-feed --example score_fixtures -- [--verbose] [--min FIELD=VALUE]... DIR...
//! ```
//!
//! `--min f1=0.98` fails (exit status 1) when that figure comes out lower, so that CI holds a
//! set of posts to its score; FIELD is one of the report's figures (`precision`, `recall`, `f1`,
//! `exact`, `titles`, `speakers`, `orgs`, `takeaways`, `start-recall`, `start-precision`).
//!
//! Each `DIR` holds `_posts/*.md` and `expected/*.json` (the `_recap` a careful reader would
//! write), as `tests/fixtures/posts` and `tests/fixtures/posts/holdout` do. The scores are summed
//! over every post of every directory.
//!
//! The matching and the figures are `recap_core::extract::score`'s
//! (`crates/core/src/extract/score.rs`), which scores the generated posts of
//! `crates/core/tests/generated.rs` too: talks are aligned in order by likeness, and titles,
//! speakers, organisations, takeaways and starts are compared over the aligned pairs, after
//! folding typographic quotes and dashes, white space, case and trailing punctuation.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use recap_core::extract::score::{Score, ScoredTalk};
use recap_feed::build::to_item;
use recap_feed::post::{read_post, Site};
use serde_json::Value;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut dirs = Vec::new();
    let mut floors: Vec<(String, f64)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--verbose" || arg == "-v" {
            verbose = true;
        } else if arg == "--min" {
            let floor = args.next().and_then(|f| {
                let (field, value) = f.split_once('=')?;
                Some((field.to_owned(), value.parse::<f64>().ok()?))
            });
            match floor {
                Some(floor) => floors.push(floor),
                None => {
                    eprintln!("--min takes FIELD=VALUE, as in --min f1=0.98");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        eprintln!(
            "usage: score_fixtures [--verbose] [--min FIELD=VALUE]... DIR... (each with _posts/ and expected/)"
        );
        return ExitCode::FAILURE;
    }
    let mut score = Score::default();
    for dir in &dirs {
        if let Err(err) = score_dir(dir, verbose, &mut score) {
            eprintln!("{}: {err}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let figures = report(&score);
    let mut below = false;
    for (field, floor) in &floors {
        match figures.iter().find(|(name, _)| name == field) {
            Some((_, value)) if value + 1e-9 < *floor => {
                eprintln!("{field} {value:.3} is below its floor {floor:.3}");
                below = true;
            }
            Some(_) => {}
            None => {
                eprintln!("--min: no figure named {field:?}");
                below = true;
            }
        }
    }
    if below {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn score_dir(dir: &Path, verbose: bool, score: &mut Score) -> Result<(), String> {
    let mut posts: Vec<PathBuf> = std::fs::read_dir(dir.join("_posts"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    posts.sort();
    let site = Site::default();
    for path in posts {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_path = dir.join("expected").join(format!("{stem}.json"));
        let expected: Value = std::fs::read_to_string(&expected_path)
            .map_err(|e| format!("{}: {e}", expected_path.display()))
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))?;
        let post = read_post(&path, &site).map_err(|e| e.to_string())?;
        let (item, _) = to_item(&post, "", &site);
        let expected = talks(&expected);
        let actual: Vec<ScoredTalk> = item
            .recap
            .and_then(|recap| recap.talks)
            .unwrap_or_default()
            .iter()
            .map(ScoredTalk::from)
            .collect();
        score_post(&stem, &expected, &actual, verbose, score);
    }
    Ok(())
}

fn str_of<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    value.get(field).and_then(Value::as_str)
}

/// The expected talks of a `_recap` written as JSON.
fn talks(recap: &Value) -> Vec<ScoredTalk> {
    let Some(list) = recap.get("talks").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|t| {
            let speakers = t.get("speakers").and_then(Value::as_array);
            let takeaways = t.get("takeaways").and_then(Value::as_array);
            ScoredTalk::new(
                str_of(t, "title"),
                speakers
                    .into_iter()
                    .flatten()
                    .map(|s| (str_of(s, "name").unwrap_or_default(), str_of(s, "org"))),
                t.get("start").and_then(Value::as_u64),
                takeaways.into_iter().flatten().filter_map(Value::as_str),
            )
        })
        .collect()
}

fn score_post(
    name: &str,
    expected: &[ScoredTalk],
    actual: &[ScoredTalk],
    verbose: bool,
    score: &mut Score,
) {
    let post = score.add(expected, actual);
    if !verbose {
        return;
    }
    if expected.len() != actual.len() {
        println!(
            "{name}: {} talks expected, {} found",
            expected.len(),
            actual.len()
        );
    }
    for &(i, j) in &post.pairs {
        let (Some(e), Some(a), Some(r)) = (expected.get(i), actual.get(j), post.talks.get(i))
        else {
            continue;
        };
        let mut wrong = Vec::new();
        if !r.title {
            wrong.push(format!("title {:?} ≠ {:?}", e.title, a.title));
        }
        if !r.speakers {
            wrong.push(format!("speakers {:?} ≠ {:?}", e.names(), a.names()));
        }
        if !r.orgs {
            wrong.push(format!("orgs {:?} ≠ {:?}", e.speakers, a.speakers));
        }
        if !r.takeaways {
            wrong.push(format!(
                "takeaways {} ≠ {}",
                e.takeaways.len(),
                a.takeaways.len()
            ));
        }
        if !r.start {
            wrong.push(format!("start {:?} ≠ {:?}", e.start, a.start));
        }
        if !wrong.is_empty() {
            println!("{name} talk {}: {}", i + 1, wrong.join("; "));
        }
    }
    for (i, (e, _)) in expected
        .iter()
        .zip(&post.talks)
        .enumerate()
        .filter(|(_, (_, r))| !r.found)
    {
        println!(
            "{name} talk {}: missed {:?} by {:?}",
            i + 1,
            e.title,
            e.speakers
        );
    }
}

/// Prints the figures, and returns them by the names `--min` takes.
fn report(s: &Score) -> Vec<(&'static str, f64)> {
    println!(
        "posts {}  talks expected {}  extracted {}  matched {}",
        s.posts, s.expected, s.extracted, s.matched
    );
    println!("talk precision   {:.3}", s.precision());
    println!("talk recall      {:.3}", s.recall());
    println!("talk F1          {:.3}", s.f1());
    println!("exact count      {:.3}", s.exact());
    println!("titles           {:.3}", s.titles());
    println!("speakers         {:.3}", s.speakers());
    println!("organisations    {:.3}", s.orgs());
    println!("takeaways        {:.3}", s.takeaways());
    println!("start recall     {:.3}", s.start_recall());
    println!("start precision  {:.3}", s.start_precision());
    println!(
        "not recaps       {} of {} given talks",
        s.not_recaps_with_talks, s.not_recaps
    );
    s.figures()
}
