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
//! Matching: in each post, the extracted talks are aligned with the expected ones in order (a
//! longest-common-subsequence alignment), and a pair may be aligned only if the two talks are
//! alike: the same start time, or, failing that, titles or speakers that share enough words.
//! The alignment maximises the summed likeness. Aligned pairs are the true positives of talk
//! precision and recall; the field scores are over aligned pairs only.
//!
//! Text is compared after folding typographic quotes and dashes, white space, case and trailing
//! `.`/`,`/`:`/`;`. Fields:
//! - title: equal (both absent counts as equal);
//! - speakers: the same names, in any order;
//! - organisations: the same organisations per speaker name (absent ones included);
//! - takeaways: the same list;
//! - start recall: of the expected talks with a start, how many got that start;
//!   start precision: of the extracted starts, how many are right.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use recap_feed::build::to_item;
use recap_feed::post::{read_post, Site};
use serde_json::Value;

/// A talk as the score sees it: normalised text.
#[derive(Debug, Clone, Default)]
struct Talk {
    title: Option<String>,
    speakers: Vec<(String, Option<String>)>,
    start: Option<u64>,
    takeaways: Vec<String>,
}

#[derive(Debug, Default)]
struct Score {
    posts: usize,
    exact_count: usize,
    expected: usize,
    extracted: usize,
    matched: usize,
    titles: usize,
    speakers: usize,
    orgs: usize,
    takeaways: usize,
    starts_expected: usize,
    starts_found: usize,
    extracted_starts: usize,
    extracted_starts_right: usize,
    /// Posts with no talks to find (announcements, show notes), and those given talks anyway.
    not_recaps: usize,
    not_recaps_with_talks: usize,
}

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
        let actual = serde_json::to_value(item.recap).map_err(|e| e.to_string())?;
        let expected = talks(&expected);
        let actual = talks(&actual);
        score_post(&stem, &expected, &actual, verbose, score);
    }
    Ok(())
}

fn talks(recap: &Value) -> Vec<Talk> {
    let Some(list) = recap.get("talks").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|t| Talk {
            title: t.get("title").and_then(Value::as_str).map(norm),
            speakers: t
                .get("speakers")
                .and_then(Value::as_array)
                .map(|s| {
                    s.iter()
                        .map(|s| {
                            (
                                s.get("name")
                                    .and_then(Value::as_str)
                                    .map(norm)
                                    .unwrap_or_default(),
                                s.get("org").and_then(Value::as_str).map(norm),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            start: t.get("start").and_then(Value::as_u64),
            takeaways: t
                .get("takeaways")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Folds typographic quotes and dashes, white space, case and trailing punctuation.
fn norm(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' | '″' => '"',
            '–' | '—' | '‐' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let squashed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    squashed
        .trim_end_matches(['.', ',', ':', ';'])
        .trim()
        .to_lowercase()
}

fn word_set(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (word_set(a), word_set(b));
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(&b).count() as f64;
    common / a.union(&b).count() as f64
}

/// How alike two talks are, 0 when they may not be aligned.
fn likeness(expected: &Talk, actual: &Talk) -> f64 {
    let same_start = expected.start.is_some() && expected.start == actual.start;
    let title = match (&expected.title, &actual.title) {
        (Some(a), Some(b)) => jaccard(a, b),
        _ => 0.0,
    };
    let names = |t: &Talk| {
        t.speakers
            .iter()
            .map(|s| s.0.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let speakers = jaccard(&names(expected), &names(actual));
    let mut like = title + speakers;
    if same_start {
        like += 2.0;
    }
    if same_start || title >= 0.3 || speakers >= 0.3 {
        like.max(0.01)
    } else {
        0.0
    }
}

/// The order-preserving alignment with the greatest summed likeness: pairs of indices.
fn align(expected: &[Talk], actual: &[Talk]) -> Vec<(usize, usize)> {
    let (n, m) = (expected.len(), actual.len());
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let like = likeness(&expected[i], &actual[j]);
            let take = if like > 0.0 {
                like + best[i + 1][j + 1]
            } else {
                0.0
            };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let like = likeness(&expected[i], &actual[j]);
        if like > 0.0 && (best[i][j] - (like + best[i + 1][j + 1])).abs() < 1e-9 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

fn score_post(name: &str, expected: &[Talk], actual: &[Talk], verbose: bool, s: &mut Score) {
    s.posts += 1;
    if expected.is_empty() {
        s.not_recaps += 1;
        s.not_recaps_with_talks += usize::from(!actual.is_empty());
    }
    s.expected += expected.len();
    s.extracted += actual.len();
    if expected.len() == actual.len() {
        s.exact_count += 1;
    } else if verbose {
        println!(
            "{name}: {} talks expected, {} found",
            expected.len(),
            actual.len()
        );
    }
    for t in actual {
        if t.start.is_some() {
            s.extracted_starts += 1;
        }
    }
    let pairs = align(expected, actual);
    s.matched += pairs.len();
    let mut seen = vec![false; expected.len()];
    for (i, j) in pairs {
        seen[i] = true;
        let (e, a) = (&expected[i], &actual[j]);
        let mut wrong = Vec::new();
        if e.title == a.title {
            s.titles += 1;
        } else {
            wrong.push(format!("title {:?} ≠ {:?}", e.title, a.title));
        }
        let names = |t: &Talk| {
            t.speakers
                .iter()
                .map(|p| p.0.clone())
                .collect::<BTreeSet<_>>()
        };
        if names(e) == names(a) {
            s.speakers += 1;
        } else {
            wrong.push(format!("speakers {:?} ≠ {:?}", names(e), names(a)));
        }
        let people = |t: &Talk| t.speakers.iter().cloned().collect::<BTreeSet<_>>();
        if people(e) == people(a) {
            s.orgs += 1;
        } else {
            wrong.push(format!("orgs {:?} ≠ {:?}", e.speakers, a.speakers));
        }
        if e.takeaways == a.takeaways {
            s.takeaways += 1;
        } else {
            wrong.push(format!(
                "takeaways {} ≠ {}",
                e.takeaways.len(),
                a.takeaways.len()
            ));
        }
        if e.start.is_some() {
            s.starts_expected += 1;
            if e.start == a.start {
                s.starts_found += 1;
            }
        }
        if a.start.is_some() && a.start == e.start {
            s.extracted_starts_right += 1;
        }
        if e.start != a.start {
            wrong.push(format!("start {:?} ≠ {:?}", e.start, a.start));
        }
        if verbose && !wrong.is_empty() {
            println!("{name} talk {}: {}", i + 1, wrong.join("; "));
        }
    }
    if verbose {
        for (i, e) in expected.iter().enumerate().filter(|(i, _)| !seen[*i]) {
            println!(
                "{name} talk {}: missed {:?} by {:?}",
                i + 1,
                e.title,
                e.speakers
            );
        }
    }
    // Expected starts of talks that were not found count against start recall too.
    s.starts_expected += expected
        .iter()
        .enumerate()
        .filter(|(i, e)| !seen[*i] && e.start.is_some())
        .count();
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Prints the figures, and returns them by the names `--min` takes.
fn report(s: &Score) -> Vec<(&'static str, f64)> {
    let precision = ratio(s.matched, s.extracted);
    let recall = ratio(s.matched, s.expected);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!(
        "posts {}  talks expected {}  extracted {}  matched {}",
        s.posts, s.expected, s.extracted, s.matched
    );
    println!("talk precision   {precision:.3}");
    println!("talk recall      {recall:.3}");
    println!("talk F1          {f1:.3}");
    println!("exact count      {:.3}", ratio(s.exact_count, s.posts));
    println!("titles           {:.3}", ratio(s.titles, s.matched));
    println!("speakers         {:.3}", ratio(s.speakers, s.matched));
    println!("organisations    {:.3}", ratio(s.orgs, s.matched));
    println!("takeaways        {:.3}", ratio(s.takeaways, s.matched));
    println!(
        "start recall     {:.3}",
        ratio(s.starts_found, s.starts_expected)
    );
    println!(
        "start precision  {:.3}",
        ratio(s.extracted_starts_right, s.extracted_starts)
    );
    println!(
        "not recaps       {} of {} given talks",
        s.not_recaps_with_talks, s.not_recaps
    );
    vec![
        ("precision", precision),
        ("recall", recall),
        ("f1", f1),
        ("exact", ratio(s.exact_count, s.posts)),
        ("titles", ratio(s.titles, s.matched)),
        ("speakers", ratio(s.speakers, s.matched)),
        ("orgs", ratio(s.orgs, s.matched)),
        ("takeaways", ratio(s.takeaways, s.matched)),
        ("start-recall", ratio(s.starts_found, s.starts_expected)),
        (
            "start-precision",
            ratio(s.extracted_starts_right, s.extracted_starts),
        ),
    ]
}
