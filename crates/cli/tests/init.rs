//! `init` over invented sites in temporary folders: what it detects, what it writes, that it
//! never overwrites and that a second run changes nothing; and that the Jekyll template the
//! binary carries is the one in examples/.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{temp_dir, write_file};
use recap_feed::init::{detect, init, Generator, InitError, InitOptions, Outcome, DEFAULT_SCRIPT};

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

fn jekyll_site(name: &str) -> PathBuf {
    let site = temp_dir(name);
    write_file(
        &site,
        "_config.yml",
        "title: Harbour Rust\nurl: https://harbour.example\n",
    );
    write_file(
        &site,
        "_posts/2024-03-06-harbour-rust-march.md",
        "---\ntitle: Harbour Rust March\n---\nTalks.\n",
    );
    site
}

fn hugo_site(name: &str) -> PathBuf {
    let site = temp_dir(name);
    write_file(
        &site,
        "hugo.toml",
        "baseURL = \"https://harbour.example/\"\n",
    );
    write_file(&site, "content/posts/march.md", "---\ntitle: March\n---\n");
    site
}

fn eleventy_site(name: &str) -> PathBuf {
    let site = temp_dir(name);
    write_file(
        &site,
        "eleventy.config.js",
        "export default function () {}\n",
    );
    write_file(
        &site,
        "posts/2024-03-06-march.md",
        "---\ntitle: March\n---\n",
    );
    site
}

#[test]
fn detects_each_generator_by_its_config_file() {
    for (name, marker, generator) in [
        ("jekyll-yml", "_config.yml", Generator::Jekyll),
        ("jekyll-yaml", "_config.yaml", Generator::Jekyll),
        ("hugo-toml", "hugo.toml", Generator::Hugo),
        ("hugo-config", "config.toml", Generator::Hugo),
        ("hugo-yaml", "hugo.yaml", Generator::Hugo),
        ("eleventy", "eleventy.config.js", Generator::Eleventy),
        ("eleventy-mjs", "eleventy.config.mjs", Generator::Eleventy),
        ("eleventy-old", ".eleventy.js", Generator::Eleventy),
    ] {
        let site = temp_dir(name);
        write_file(&site, marker, "");
        assert_eq!(detect(&site).unwrap(), (generator, marker), "{marker}");
        fs::remove_dir_all(&site).unwrap();
    }
}

#[test]
fn an_unknown_folder_is_an_error_naming_what_was_looked_for() {
    let site = temp_dir("unknown");
    write_file(&site, "index.html", "<p>hello</p>");
    let err = init(&site, &InitOptions::default()).unwrap_err();
    assert!(matches!(err, InitError::Unknown { .. }), "{err:?}");
    let message = err.to_string();
    for name in [
        "_config.yml",
        "hugo.toml",
        "config.toml",
        "eleventy.config.js",
        ".eleventy.js",
    ] {
        assert!(message.contains(name), "{message}");
    }
    assert!(message.contains(&site.display().to_string()), "{message}");
    assert_eq!(tree(&site).len(), 1, "nothing written");

    let missing = site.join("no-such-site");
    let err = init(&missing, &InitOptions::default()).unwrap_err();
    assert!(matches!(err, InitError::NotAFolder(_)), "{err:?}");
    assert!(err.to_string().contains("no-such-site"), "{err}");
    fs::remove_dir_all(&site).unwrap();
}

#[test]
fn writes_every_template_with_the_script_and_reports_it() {
    for (site, generator) in [
        (jekyll_site("write-jekyll"), Generator::Jekyll),
        (hugo_site("write-hugo"), Generator::Hugo),
        (eleventy_site("write-eleventy"), Generator::Eleventy),
    ] {
        let before = tree(&site);
        let report = init(&site, &InitOptions::default()).unwrap();
        assert_eq!(report.generator, generator);
        assert_eq!(report.files.len(), generator.templates().len());
        let after = tree(&site);
        for (path, template) in generator.templates() {
            let file = report
                .files
                .iter()
                .find(|f| f.path == Path::new(path))
                .unwrap();
            assert_eq!(file.outcome, Outcome::Added, "{path}");
            let written = String::from_utf8(after[Path::new(path)].clone()).unwrap();
            assert_eq!(
                written,
                template.replace("__RECAP_SCRIPT__", DEFAULT_SCRIPT)
            );
            assert!(!written.contains("__RECAP"), "{path}: a placeholder left");
        }
        // The site's own files are untouched, and only the templates were added.
        for (path, bytes) in &before {
            assert_eq!(&after[path], bytes, "{}", path.display());
        }
        assert_eq!(after.len(), before.len() + generator.templates().len());

        let text = report.to_string();
        let article = if generator == Generator::Eleventy {
            "an"
        } else {
            "a"
        };
        assert!(
            text.contains(&format!(" {article} {generator} site")),
            "{text}"
        );
        assert!(text.contains(DEFAULT_SCRIPT), "{text}");
        for (path, _) in generator.templates() {
            assert!(text.contains(&format!("{path}: added")), "{text}");
        }
        let include = match generator {
            Generator::Jekyll => "{% include recap-event.html %}",
            Generator::Hugo => "{{ partial \"recap-event.html\" . }}",
            Generator::Eleventy => "{% include \"recap-event.njk\" %}",
        };
        assert!(text.contains(include), "{text}");
        fs::remove_dir_all(&site).unwrap();
    }
}

#[test]
fn the_script_option_is_written_into_the_files() {
    let site = eleventy_site("script");
    let options = InitOptions {
        script: Some("https://recaps.harbour.example/embed.js".to_owned()),
        dry_run: false,
    };
    init(&site, &options).unwrap();
    let data = fs::read_to_string(site.join("_data/recap.mjs")).unwrap();
    assert!(
        data.contains("script: \"https://recaps.harbour.example/embed.js\""),
        "{data}"
    );

    for bad in ["https://x.example/a b.js", "\"><script>", "{{ evil }}", ""] {
        let options = InitOptions {
            script: Some(bad.to_owned()),
            dry_run: false,
        };
        let err = init(&site, &options).unwrap_err();
        assert!(matches!(err, InitError::Script(_)), "{bad}: {err:?}");
    }
    fs::remove_dir_all(&site).unwrap();
}

#[test]
fn running_twice_changes_nothing() {
    for site in [
        jekyll_site("twice-jekyll"),
        hugo_site("twice-hugo"),
        eleventy_site("twice-eleventy"),
    ] {
        init(&site, &InitOptions::default()).unwrap();
        let once = tree(&site);
        let report = init(&site, &InitOptions::default()).unwrap();
        assert_eq!(tree(&site), once, "byte for byte");
        assert!(report
            .files
            .iter()
            .all(|f| f.outcome == Outcome::AlreadyThere));
        assert!(report.to_string().contains("already there"));
        fs::remove_dir_all(&site).unwrap();
    }
}

#[test]
fn an_existing_file_with_other_content_is_left_alone() {
    let site = jekyll_site("conflict");
    write_file(
        &site,
        "recaps.html",
        "---\ntitle: Our own recaps page\n---\n",
    );
    let before = tree(&site);
    let report = init(&site, &InitOptions::default()).unwrap();
    let after = tree(&site);
    assert_eq!(
        after[Path::new("recaps.html")],
        before[Path::new("recaps.html")]
    );
    let outcome = |path: &str| {
        report
            .files
            .iter()
            .find(|f| f.path == Path::new(path))
            .unwrap()
            .outcome
    };
    assert_eq!(outcome("recaps.html"), Outcome::LeftAlone);
    assert_eq!(outcome("feed.json"), Outcome::Added);
    assert!(report.has_conflicts());
    assert!(
        report
            .to_string()
            .contains("recaps.html: left alone: exists with other content"),
        "{report}"
    );
    fs::remove_dir_all(&site).unwrap();
}

#[test]
fn a_dry_run_writes_nothing() {
    let site = hugo_site("dry-run");
    let before = tree(&site);
    let options = InitOptions {
        script: None,
        dry_run: true,
    };
    let report = init(&site, &options).unwrap();
    assert_eq!(tree(&site), before);
    assert!(report.files.iter().all(|f| f.outcome == Outcome::Added));
    assert!(report.to_string().contains("would be added"), "{report}");
    fs::remove_dir_all(&site).unwrap();
}

#[test]
fn the_example_jekyll_templates_are_the_ones_init_writes() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (_, template) = Generator::Jekyll
        .templates()
        .iter()
        .find(|(path, _)| *path == "feed.json")
        .unwrap();
    for copy in [
        "examples/jekyll/feed.json",
        "examples/jekyll-site/feed.json",
    ] {
        let text = fs::read_to_string(repo.join(copy)).unwrap();
        assert_eq!(
            &text, template,
            "{copy} differs from crates/cli/templates/jekyll/feed.json"
        );
    }
}
