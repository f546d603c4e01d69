//! Shared by the integration tests: where the repository and the post fixtures are.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The extraction fixtures, `tests/fixtures/posts/_posts/*.md`, sorted.
pub fn fixture_posts() -> Vec<PathBuf> {
    let posts = repo().join("tests/fixtures/posts/_posts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&posts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 30, "only {} fixtures", paths.len());
    paths
}
