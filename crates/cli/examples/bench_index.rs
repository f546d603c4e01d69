//! How long reading a search index and searching it take: the index that
//! `recap-feed build --page-size N` wrote, read as the viewer reads it ([`Archive`]), then
//! every prefix of a few queries run over all of it as a visitor types.
//!
//!     cargo run --release -p recap-feed --example bench_index -- DIR/feed-index.json
use std::time::{Duration, Instant};

use recap_core::index::{parse_index, Archive};
use recap_core::route::ListQuery;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bench_index FEED-index.json")?;
    let text = std::fs::read_to_string(&path)?;
    let started = Instant::now();
    std::hint::black_box(parse_index(&text)?);
    let parsed = started.elapsed();
    let started = Instant::now();
    let archive = Archive::read(&text)?;
    let read = started.elapsed();
    println!(
        "{} events, {} bytes: parsed in {:.1} ms, read as an archive in {:.1} ms",
        archive.len(),
        text.len(),
        parsed.as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3
    );
    let queries = [
        "scaling build caches",
        "achebe",
        "halyard systems",
        "what we learned",
        "rust",
    ];
    let mut times: Vec<Duration> = Vec::new();
    let mut hits = 0;
    for query in queries {
        for end in 1..=query.len() {
            let q = ListQuery {
                q: query[..end].to_owned(),
                ..ListQuery::default()
            };
            let started = Instant::now();
            hits = archive.search(&q).len();
            times.push(started.elapsed());
        }
        println!("{query:?}: {hits} events");
    }
    times.sort();
    let at = |p: usize| times[(times.len() - 1) * p / 100].as_secs_f64() * 1e3;
    println!(
        "per keystroke over {} queries: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        at(50),
        at(95),
        at(100)
    );
    Ok(())
}
