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

/// How long one run of a command may take before the test fails.
pub const RUN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs a command to its end, as [`std::process::Command::output`] does, but kills it and fails
/// the test when it runs longer than [`RUN_TIMEOUT`].
pub fn output_within_timeout(command: &mut std::process::Command) -> std::process::Output {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::Instant;

    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting, so that a full pipe cannot stall the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        out.read_to_end(&mut bytes).map(|_| bytes)
    });
    let stderr = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        err.read_to_end(&mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + RUN_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} ran longer than {RUN_TIMEOUT:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    std::process::Output {
        status,
        stdout: stdout.join().unwrap().unwrap(),
        stderr: stderr.join().unwrap().unwrap(),
    }
}
