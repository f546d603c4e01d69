//! A second opinion beside the hand-written fixtures: recap posts composed from parts (sentence
//! frames, openings, title and speaker shapes, time forms, post shapes) by a seeded generator
//! that knows what a careful reader would extract from each, scored field by field by
//! `recap_core::extract::score`, as `crates/cli/examples/score_fixtures.rs` scores the fixtures.
//!
//! `RECAP_GEN_POSTS` sets how many posts (default 5,000), `RECAP_GEN_SEED` the seed (decimal or
//! `0x…`). With `--nocapture` the test prints the per-field scores and the accuracy of each class
//! of part (post shape, frame family, speaker shape, name, time form, time parameter, title shape,
//! title form). When a floor is not met, or when `RECAP_GEN_FAILURES=DIR` is set, up to
//! `FAILURES_PER_CLASS` failing posts of each class go into DIR (relative to the workspace root) as `NNNNNN-<class>.md`: the post
//! with its front matter, then the truth and the extraction as JSON, ready to become a fixture.
//! `scripts/soak-extract.sh` runs many more posts in release mode.
#![cfg(feature = "markdown")]
#![allow(clippy::unwrap_used)]

#[path = "generated/compose.rs"]
mod compose;
#[path = "generated/rng.rs"]
mod rng;
#[path = "generated/words.rs"]
mod words;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use recap_core::extract::score::{ratio, Score, ScoredTalk, TalkScore};
use recap_core::extract::{extract, EventMeta};
use recap_core::markdown::to_blocks;
use serde_json::{json, Value};

use compose::{GenPost, TruthTalk};

// Floors: the scores measured over the default run, less about 0.01 to 0.02. They only go up: raise
// them when the extractor gets better, never lower them to make a change pass.
const FLOOR_TALK_PRECISION: f64 = 0.98;
const FLOOR_TALK_RECALL: f64 = 0.95;
const FLOOR_TALK_F1: f64 = 0.97;
const FLOOR_EXACT_COUNT: f64 = 0.92;
const FLOOR_TITLES: f64 = 0.96;
const FLOOR_SPEAKERS: f64 = 0.97;
const FLOOR_ORGS: f64 = 0.97;
const FLOOR_TAKEAWAYS: f64 = 0.99;
const FLOOR_START_RECALL: f64 = 0.97;
const FLOOR_START_PRECISION: f64 = 0.98;
/// Non-recap posts from which no talk is extracted.
const FLOOR_NONRECAP_CLEAN: f64 = 0.95;

const DEFAULT_POSTS: u64 = 5_000;
const DEFAULT_SEED: u64 = 0x5EED_2EC4_0001;
const FAILURES_PER_CLASS: usize = 50;

fn truth_talk(t: &TruthTalk) -> ScoredTalk {
    ScoredTalk::new(
        t.title.as_deref(),
        t.speakers.iter().map(|(n, o)| (n.as_str(), o.as_deref())),
        t.start.map(u64::from),
        t.takeaways.iter().map(String::as_str),
    )
}

/// How the talks of one class of part fared.
#[derive(Debug, Default, Clone)]
struct ClassScore {
    talks: usize,
    found: usize,
    title: usize,
    speakers: usize,
    orgs: usize,
    starts: usize,
    starts_right: usize,
    takeaways: usize,
    all: usize,
}

/// How the posts of one shape fared.
#[derive(Debug, Default, Clone)]
struct ShapeScore {
    posts: usize,
    exact_count: usize,
    right: usize,
    extra_talks: usize,
    with_talks: usize,
}

/// The scores with their floors, in the order they are printed.
fn fields(s: &Score) -> Vec<(&'static str, f64, f64)> {
    vec![
        ("talk precision", s.precision(), FLOOR_TALK_PRECISION),
        ("talk recall", s.recall(), FLOOR_TALK_RECALL),
        ("talk F1", s.f1(), FLOOR_TALK_F1),
        ("exact count", s.exact(), FLOOR_EXACT_COUNT),
        ("titles", s.titles(), FLOOR_TITLES),
        ("speakers", s.speakers(), FLOOR_SPEAKERS),
        ("organisations", s.orgs(), FLOOR_ORGS),
        ("takeaways", s.takeaways(), FLOOR_TAKEAWAYS),
        ("start recall", s.start_recall(), FLOOR_START_RECALL),
        (
            "start precision",
            s.start_precision(),
            FLOOR_START_PRECISION,
        ),
        // The posts with no talks to find are those of the non-recap shapes.
        (
            "non-recap clean",
            1.0 - ratio(s.not_recaps_with_talks, s.not_recaps.max(1)),
            FLOOR_NONRECAP_CLEAN,
        ),
    ]
}

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim().replace('_', "");
    match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    }
}

fn extract_post(post: &GenPost) -> recap_core::Recap {
    let blocks = to_blocks(&post.markdown);
    let meta = EventMeta {
        location: post.location.as_deref(),
        video: post.video.as_deref(),
    };
    extract(&blocks, meta).recap
}

#[test]
fn generated_posts_are_extracted() {
    let posts = env_u64("RECAP_GEN_POSTS").unwrap_or(DEFAULT_POSTS);
    let seed = env_u64("RECAP_GEN_SEED").unwrap_or(DEFAULT_SEED);
    // A relative directory is taken from the workspace root, not from this crate's folder.
    let failures_dir = std::env::var_os("RECAP_GEN_FAILURES")
        .map(PathBuf::from)
        .map(|dir| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(dir)
        });
    let started = Instant::now();

    let mut score = Score::default();
    let mut classes: BTreeMap<(&'static str, String), ClassScore> = BTreeMap::new();
    let mut shapes: BTreeMap<&'static str, ShapeScore> = BTreeMap::new();
    // Failing posts kept for the dump: class → post indices.
    let mut failing: BTreeMap<String, Vec<u64>> = BTreeMap::new();

    for index in 0..posts {
        let post = compose::post(seed, index);
        let recap = extract_post(&post);
        let expected: Vec<ScoredTalk> = post.talks.iter().map(truth_talk).collect();
        let actual: Vec<ScoredTalk> = recap
            .talks
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(ScoredTalk::from)
            .collect();
        let scored = score.add(&expected, &actual);
        let (results, extra) = (scored.talks, scored.extra);
        let shape = shapes.entry(post.shape).or_default();
        shape.posts += 1;
        shape.exact_count += usize::from(expected.len() == actual.len());
        shape.extra_talks += extra;
        shape.with_talks += usize::from(!actual.is_empty());
        let all_right = extra == 0 && results.iter().all(TalkScore::right);
        shape.right += usize::from(all_right);
        let mut keep = |class: String| {
            let list = failing.entry(class).or_default();
            if list.len() < FAILURES_PER_CLASS && list.last() != Some(&index) {
                list.push(index);
            }
        };
        if extra > 0 {
            keep(format!("shape-{}-extra", post.shape));
        }
        for (truth, r) in post.talks.iter().zip(&results) {
            for &(dim, ref value) in &truth.classes {
                let c = classes.entry((dim, value.clone())).or_default();
                c.talks += 1;
                c.found += usize::from(r.found);
                c.title += usize::from(r.found && r.title);
                c.speakers += usize::from(r.found && r.speakers);
                c.orgs += usize::from(r.found && r.orgs);
                c.takeaways += usize::from(r.found && r.takeaways);
                c.all += usize::from(r.right());
                if truth.start.is_some() {
                    c.starts += 1;
                    c.starts_right += usize::from(r.found && r.start);
                }
                if !r.right() && dim != "shape" {
                    keep(format!("{dim}-{value}"));
                }
            }
            if !r.right() {
                keep(format!("shape-{}", post.shape));
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();

    println!(
        "generated posts {}  seed {seed:#x}  talks expected {}  extracted {}  matched {}  in {elapsed:.1} s",
        score.posts, score.expected, score.extracted, score.matched
    );
    println!("{:<18}{:>9}{:>8}", "field", "measured", "floor");
    let scores = fields(&score);
    for (name, value, floor) in &scores {
        println!("{name:<18}{value:>9.3}{floor:>8.2}");
    }
    print_shapes(&shapes);
    print_classes(&classes);

    let below: Vec<String> = scores
        .iter()
        .filter(|(_, value, floor)| value < floor)
        .map(|(name, value, floor)| format!("{name} {value:.3} < {floor:.2}"))
        .collect();
    let dir = failures_dir.or_else(|| {
        (!below.is_empty()).then(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gen-failures"))
    });
    if let Some(dir) = dir {
        let written = write_failures(&dir, seed, &failing);
        println!("{written} failing posts written to {}", dir.display());
    }
    assert!(below.is_empty(), "below the floors: {}", below.join(", "));
}

fn print_shapes(shapes: &BTreeMap<&'static str, ShapeScore>) {
    println!();
    println!(
        "{:<22}{:>7}{:>8}{:>8}{:>8}{:>11}",
        "by post shape", "posts", "exact", "right", "extra", "with talks"
    );
    for (shape, s) in shapes {
        println!(
            "  {shape:<20}{:>7}{:>8.3}{:>8.3}{:>8}{:>11}",
            s.posts,
            ratio(s.exact_count, s.posts),
            ratio(s.right, s.posts),
            s.extra_talks,
            s.with_talks
        );
    }
}

fn print_classes(classes: &BTreeMap<(&'static str, String), ClassScore>) {
    let header = |dim: &str| {
        println!();
        println!(
            "{:<24}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}",
            format!("by {dim}"),
            "talks",
            "found",
            "title",
            "speak",
            "orgs",
            "start",
            "takew",
            "all"
        );
    };
    let row = |value: &str, c: &ClassScore| {
        println!(
            "  {value:<22}{:>7}{:>7.3}{:>7.3}{:>7.3}{:>7.3}{:>7.3}{:>7.3}{:>7.3}",
            c.talks,
            ratio(c.found, c.talks),
            ratio(c.title, c.found),
            ratio(c.speakers, c.found),
            ratio(c.orgs, c.found),
            ratio(c.starts_right, c.starts),
            ratio(c.takeaways, c.found),
            ratio(c.all, c.talks)
        );
    };
    let mut last = "";
    for ((dim, value), c) in classes {
        if *dim != last {
            header(dim);
            last = dim;
        }
        row(value, c);
    }
    let mut worst: Vec<_> = classes
        .iter()
        .filter(|(_, c)| c.talks >= 30)
        .map(|((dim, value), c)| (ratio(c.all, c.talks), format!("{dim}={value}"), c))
        .collect();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    header("worst classes (all right)");
    for (_, name, c) in worst.iter().take(15) {
        row(name, c);
    }
}

/// Writes the failing posts kept for each class; returns how many files were written.
fn write_failures(dir: &Path, seed: u64, failing: &BTreeMap<String, Vec<u64>>) -> usize {
    if std::fs::create_dir_all(dir).is_err() {
        return 0;
    }
    let mut written = 0;
    for (class, indices) in failing {
        for &index in indices {
            let post = compose::post(seed, index);
            let recap = extract_post(&post);
            let text = failure_text(seed, index, &post, &recap);
            let file = dir.join(format!("{index:06}-{class}.md"));
            if std::fs::write(file, text).is_ok() {
                written += 1;
            }
        }
    }
    written
}

fn failure_text(seed: u64, index: u64, post: &GenPost, recap: &recap_core::Recap) -> String {
    let expected: Vec<ScoredTalk> = post.talks.iter().map(truth_talk).collect();
    let extracted = recap.talks.clone().unwrap_or_default();
    let actual: Vec<ScoredTalk> = extracted.iter().map(ScoredTalk::from).collect();
    let scored = Score::default().add(&expected, &actual);
    let (results, extra) = (scored.talks, scored.extra);
    let truth: Vec<Value> = post
        .talks
        .iter()
        .zip(&results)
        .map(|(t, r)| {
            json!({
                "title": t.title,
                "speakers": t.speakers.iter().map(|(n, o)| json!({"name": n, "org": o})).collect::<Vec<_>>(),
                "start": t.start,
                "takeaways": t.takeaways,
                "classes": t.classes.iter().map(|(d, v)| format!("{d}={v}")).collect::<Vec<_>>(),
                "wrong": r.wrong(),
            })
        })
        .collect();
    let got: Vec<Value> = extracted
        .iter()
        .map(|t| {
            json!({
                "title": t.title,
                "speakers": t.speakers.iter().map(|s| json!({"name": s.name, "org": s.org})).collect::<Vec<_>>(),
                "start": t.start,
                "video_url": t.video_url,
                "takeaways": t.takeaways,
            })
        })
        .collect();
    let report = json!({
        "seed": format!("{seed:#x}"),
        "post": index,
        "shape": post.shape,
        "extra_talks": extra,
        "truth": truth,
        "extracted": got,
    });
    let mut front = format!("---\nlayout: post\ntitle: \"Generated post {index}\"\n");
    if let Some(location) = &post.location {
        front.push_str(&format!("location: {location}\n"));
    }
    if let Some(video) = &post.video {
        front.push_str(&format!("video: {video}\n"));
    }
    front.push_str("---\n\n");
    format!(
        "{front}{}\n<!--\n```json\n{}\n```\n-->\n",
        post.markdown,
        serde_json::to_string_pretty(&report).unwrap_or_default()
    )
}
