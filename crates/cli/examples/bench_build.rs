//! How long `build` takes on 1,000 posts: the fixture posts, copied under new dates into a
//! temporary `_posts` folder, read, extracted, rendered and serialised like `recap-feed build`.
//!
//!     cargo run --release -p recap-feed --example bench_build [-- POSTS]
use std::path::Path;
use std::time::Instant;

use recap_feed::build::{build, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/posts/_posts");
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(&fixtures)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            sources.push(std::fs::read_to_string(&path)?);
        }
    }
    sources.sort();
    let dir = std::env::temp_dir().join(format!("recap-bench-{}", std::process::id()));
    let posts = dir.join("_posts");
    std::fs::create_dir_all(&posts)?;
    for i in 0..count {
        let (year, month, day) = (2000 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
        let name = format!("{year}-{month:02}-{day:02}-meetup-{i}.md");
        std::fs::write(posts.join(name), &sources[i % sources.len()])?;
    }
    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let output = build(&posts, &Options::default())?;
        let json = serde_json::to_string(&output.feed)?;
        runs.push(started.elapsed());
        assert_eq!(output.feed.items.len(), count);
        std::hint::black_box(json);
    }
    runs.sort();
    println!(
        "build of {count} posts: median {:.1} ms (min {:.1} ms, max {:.1} ms, 5 runs)",
        runs[2].as_secs_f64() * 1e3,
        runs[0].as_secs_f64() * 1e3,
        runs[4].as_secs_f64() * 1e3
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
