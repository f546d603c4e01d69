//! Shared by the integration tests: where the repository and the fixtures are, running the
//! built `recap-feed` within a time limit and reading what it printed, and folders and files of
//! a test's own.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed post the project started from: read from the project's shared folder beside the
/// repository (`RECAP_SEED_DIR` names another), never copied into it.
pub fn seed_post() -> PathBuf {
    let seed_dir = std::env::var_os("RECAP_SEED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/seed"));
    std::fs::read_dir(&seed_dir)
        .unwrap_or_else(|err| panic!("{}: {err}", seed_dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed post")
}

/// The folder of the extraction fixtures, `tests/fixtures/posts/_posts`.
pub fn posts_dir() -> PathBuf {
    repo().join("tests/fixtures/posts/_posts")
}

/// The path of a test feed, `tests/fixtures/feeds/NAME`, as an argument.
pub fn feed_fixture(name: &str) -> String {
    path_arg(&repo().join("tests/fixtures/feeds").join(name))
}

/// A path as a command-line argument.
pub fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Runs the built `recap-feed` with `args`, within [`RUN_TIMEOUT`].
pub fn recap_feed(args: &[&str]) -> Output {
    output_within_timeout(Command::new(env!("CARGO_BIN_EXE_recap-feed")).args(args))
}

/// What a run printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a run printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An empty folder of this test's own in the temporary directory: `name` is unique within its
/// test file, and the process id keeps test files and runs apart.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("recap-feed-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A site of this test's own: a [`temp_dir`] with an empty `_posts` folder.
pub fn site_dir(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    dir
}

/// Writes `contents` to `path` under `root`, making the folders on the way.
pub fn write_file(root: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// Writes `files` (path under `root`, text) under `root`.
pub fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        write_file(root, path, text);
    }
}

/// The extraction fixtures, `tests/fixtures/posts/_posts/*.md`, sorted.
pub fn fixture_posts() -> Vec<PathBuf> {
    let posts = posts_dir();
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
