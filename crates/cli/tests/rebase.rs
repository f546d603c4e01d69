//! `recap-feed rebase` and `pages --base`: a site built for `/` made to work under a sub-path.
//! A small built site is written here as the build writes it for a given base (`site_for`,
//! after `scripts/boot.mjs`), so that the site built for `/` and rebased to `/recap/` can be
//! compared byte for byte with the one built for `/recap/`; every reference and integrity is
//! checked on its own too. When the repository holds a real build (`dist/`, and
//! `target/dist-subpath/` from `trunk build --public-url /recap/`), that is compared as well.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine as _;
use common::{path_arg, recap_feed, repo, stderr, temp_dir, write_file};
use sha2::{Digest, Sha256, Sha384};

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

const CSS: &str = ".recap{color:#123}";
const APP: &str =
    "import{x}from'./snippets/recap-0011223344556677/inline0.js';export default function(){}";
const SNIPPET: &str =
    "export function x(){return new URL('../../recap-extract.js',import.meta.url)}";
const WASM: &[u8] = b"\0asm\x01\0\0\0";

/// The files of a small site as the build writes them for `base`: the app's files, the boot
/// script named after its content, index.html and 404.html naming them under `base` with their
/// integrity, and the offline worker listing them.
fn site_for(base: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let css = "main-0123456789abcdef.css";
    let app = "recap-fedcba9876543210.js";
    let wasm = "recap-fedcba9876543210_bg.wasm";
    let snippet = "snippets/recap-0011223344556677/inline0.js";
    files.insert(css.into(), CSS.into());
    files.insert(app.into(), APP.into());
    files.insert(wasm.into(), WASM.into());
    files.insert(snippet.into(), SNIPPET.into());
    files.insert("recap-extract.js".into(), b"export default 1".to_vec());
    files.insert(
        "embed.js".into(),
        b"const app = 'recap-fedcba9876543210.js';".to_vec(),
    );
    files.insert("feed.json".into(), b"{}".to_vec());
    files.insert("images/logo.svg".into(), b"<svg/>".to_vec());
    let modules = format!(
        "[[\"{base}{app}\",\"{}\"],[\"{base}{snippet}\",\"{}\"]]",
        sri(APP.as_bytes()),
        sri(SNIPPET.as_bytes())
    );
    let boot = format!(
        "// Starts Recap.\nconst start = async () => {{\n  for (const [href, integrity] of {modules}) {{\n    if (document.querySelector(`link[rel=modulepreload][href=\"${{href}}\"]`)) continue;\n  }}\n  const {{ default: init }} = await import(\"{base}{app}\");\n  await init({{ module_or_path: fetch(\"{base}{wasm}\", {{ integrity: \"{}\" }}) }});\n}};\nstart();\nconst worker = navigator.serviceWorker;\nworker.getRegistrations().then((all) => all.filter((r) => r.active?.scriptURL.endsWith(\"{base}sw.js\")));\nworker.register(\"{base}sw.js\");\n",
        sri(WASM)
    );
    let boot_name = format!("boot-{}.js", &sha256_hex(boot.as_bytes())[..16]);
    let list = format!(
        "[\"./\",\"404.html\",\"{boot_name}\",\"favicon.svg\",\"{css}\",\"{app}\",\"{snippet}\",\"{wasm}\"]"
    );
    let worker = format!(
        "// Recap's service worker.\n\nconst BUILD = \"{}\";\n// The build's files, relative to this file.\nconst FILES = {list};\nconst FEED = \"feed.json\";\nconst here = (name) => new URL(name, self.location).href;\n",
        &sha256_hex(list.as_bytes())[..16]
    );
    let html = format!(
        "<!doctype html><html lang=en><meta charset=utf-8><base href={base}><meta content=\"Talks.\" name=description><title>Recap</title><link href=favicon.svg rel=icon><link as=fetch crossorigin href=feed.json rel=preload><link href={base}{css} integrity={} rel=stylesheet><script type=module src=\"{base}{boot_name}\" integrity=\"{}\"></script><link crossorigin href={base}{app} integrity={} rel=modulepreload><link crossorigin href={base}{snippet} integrity={} rel=modulepreload><link as=fetch crossorigin href={base}{wasm} integrity={} rel=preload type=application/wasm></head><body><div data-feed=feed.json data-recap id=recap><p class=recap-boot role=status>Loading events…</p></div></body></html>",
        sri(CSS.as_bytes()),
        sri(boot.as_bytes()),
        sri(APP.as_bytes()),
        sri(SNIPPET.as_bytes()),
        sri(WASM)
    );
    files.insert(boot_name, boot.into());
    files.insert("sw.js".into(), worker.into());
    files.insert("index.html".into(), html.clone().into());
    files.insert("404.html".into(), html.into());
    files.insert("favicon.svg".into(), b"<svg/>".to_vec());
    files
}

fn write_site(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in files {
        write_file(dir, name, bytes);
    }
}

/// Every file under `dir`, by its path relative to `dir`.
fn read_site(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().to_str().unwrap();
                files.insert(name.replace('\\', "/"), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The names that differ between two sites (missing on one side, or other bytes).
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    a.keys()
        .chain(b.keys())
        .filter(|name| a.get(*name) != b.get(*name))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The values of `href=`, `src=` and `integrity=` in `text`, with or without quotes, in order.
fn attributes(text: &str, name: &str) -> Vec<String> {
    let needle = format!("{name}=");
    text.match_indices(&needle)
        .filter(|(at, _)| text[..*at].ends_with([' ', '\t', '\n']))
        .map(|(at, _)| {
            let value = &text[at + needle.len()..];
            match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap().to_owned(),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap()
                    .to_owned(),
            }
        })
        .collect()
}

/// Checks that every absolute reference in the site's pages and boot script names one of its
/// files under `base`, and that every integrity given with a reference is that file's.
fn assert_references_hold(site: &BTreeMap<String, Vec<u8>>, base: &str) {
    for page in ["index.html", "404.html"] {
        let html = String::from_utf8(site[page].clone()).unwrap();
        assert_eq!(attributes(&html, "href")[0], base, "{page}: <base href>");
        for tag in html.split('<').filter(|t| t.contains("integrity=")) {
            let reference = attributes(tag, "href")
                .into_iter()
                .chain(attributes(tag, "src"))
                .next()
                .unwrap();
            let file = reference
                .strip_prefix(base)
                .unwrap_or_else(|| panic!("{page}: {reference} is not under {base}"));
            let bytes = site
                .get(file)
                .unwrap_or_else(|| panic!("{page}: no {file}"));
            assert_eq!(
                attributes(tag, "integrity"),
                [sri(bytes)],
                "{page}: the integrity of {file}"
            );
        }
        for reference in attributes(&html, "href")
            .into_iter()
            .chain(attributes(&html, "src"))
            .skip(1)
            .filter(|r| r.starts_with('/'))
        {
            let file = reference.strip_prefix(base).unwrap_or_else(|| {
                panic!("{page}: {reference} is not under {base}");
            });
            assert!(site.contains_key(file), "{page}: {reference}: no such file");
        }
    }
    let (boot_name, boot) = site
        .iter()
        .find(|(name, _)| name.starts_with("boot-"))
        .unwrap();
    let boot = String::from_utf8(boot.clone()).unwrap();
    assert_eq!(
        *boot_name,
        format!("boot-{}.js", &sha256_hex(boot.as_bytes())[..16])
    );
    let strings: Vec<&str> = boot.split('"').skip(1).step_by(2).collect();
    let absolute: Vec<&&str> = strings
        .iter()
        .filter(|s| s.starts_with('/') && s.len() > 1)
        .collect();
    assert!(absolute.len() >= 5, "{absolute:?}");
    for reference in absolute {
        let file = reference
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{boot_name}: {reference} is not under {base}"));
        assert!(site.contains_key(file), "{boot_name}: {reference}");
    }
    let worker = String::from_utf8(site["sw.js"].clone()).unwrap();
    let list = worker
        .split("const FILES = ")
        .nth(1)
        .unwrap()
        .split(";\n")
        .next()
        .unwrap();
    assert!(list.contains(&format!("\"{boot_name}\"")), "{list}");
    assert!(worker.contains(&format!(
        "const BUILD = \"{}\";",
        &sha256_hex(list.as_bytes())[..16]
    )));
}

#[test]
fn a_site_built_for_the_root_is_rebased_as_if_built_for_the_sub_path() {
    let built = site_for("/");
    assert_references_hold(&built, "/");
    let dir = temp_dir("root");
    write_site(&dir, &built);
    let output = recap_feed(&["rebase", &path_arg(&dir), "--base", "/recap/"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stderr(&output).contains("from / to /recap/"), "{output:?}");
    let rebased = read_site(&dir);
    assert_references_hold(&rebased, "/recap/");
    assert_eq!(
        differences(&rebased, &site_for("/recap/")),
        Vec::<String>::new()
    );
    // What does not name the base is left as it was.
    for name in [
        "embed.js",
        "recap-extract.js",
        "feed.json",
        "main-0123456789abcdef.css",
    ] {
        assert_eq!(rebased[name], built[name], "{name}");
    }
}

#[test]
fn rebasing_again_to_the_same_base_changes_nothing() {
    let dir = temp_dir("again");
    write_site(&dir, &site_for("/"));
    for base in ["/recap/", "/recap", "recap"] {
        let output = recap_feed(&["rebase", &path_arg(&dir), "--base", base]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert_eq!(
            differences(&read_site(&dir), &site_for("/recap/")),
            Vec::<String>::new()
        );
    }
    assert!(stderr(&recap_feed(&[
        "rebase",
        &path_arg(&dir),
        "--base",
        "/recap/"
    ]))
    .contains("already built for /recap/"));
}

#[test]
fn a_rebased_site_moves_to_another_base_and_back() {
    let dir = temp_dir("move");
    write_site(&dir, &site_for("/recap/"));
    for base in ["/meetups/recap/", "/", "/recap/"] {
        let output = recap_feed(&["rebase", &path_arg(&dir), "--base", base]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let site = read_site(&dir);
        assert_references_hold(&site, base);
        assert_eq!(
            differences(&site, &site_for(base)),
            Vec::<String>::new(),
            "{base}"
        );
    }
}

#[test]
fn bad_bases_and_sites_are_errors_that_say_what_is_wrong() {
    let dir = temp_dir("errors");
    write_site(&dir, &site_for("/"));
    let before = read_site(&dir);
    for (base, says) in [
        ("https://example.org/recap/", "not an address"),
        ("/recap/../x/", "plain segments"),
        ("/re cap/", "only letters"),
    ] {
        let output = recap_feed(&["rebase", &path_arg(&dir), "--base", base]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert!(
            stderr(&output).contains(says),
            "{base}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("--base"), "{}", stderr(&output));
    }
    assert!(differences(&read_site(&dir), &before).is_empty());

    let output = recap_feed(&[
        "rebase",
        &path_arg(&dir.join("missing")),
        "--base",
        "/recap/",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("index.html"),
        "{}",
        stderr(&output)
    );

    let plain = temp_dir("no-base");
    write_site(
        &plain,
        &BTreeMap::from([("index.html".to_owned(), b"<title>x</title>".to_vec())]),
    );
    let output = recap_feed(&["rebase", &path_arg(&plain), "--base", "/recap/"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no <base href>"),
        "{}",
        stderr(&output)
    );

    // Pre-rendered pages hold links for their base: they are written again after rebasing.
    let html = String::from_utf8(before["index.html"].clone())
        .unwrap()
        .replace("id=recap>", "id=recap data-pages=dir>");
    std::fs::write(dir.join("index.html"), html).unwrap();
    let output = recap_feed(&["rebase", &path_arg(&dir), "--base", "/recap/"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("pre-rendered"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn pages_with_a_base_rebases_then_pre_renders_under_it() {
    let dir = temp_dir("pages");
    write_site(&dir, &site_for("/"));
    std::fs::write(
        dir.join("feed.json"),
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"Riverbend Tech Meetup","items":[
            {"id":"2024-03-06-march","title":"March meetup","date_published":"2024-03-06T18:30:00Z",
             "content_html":"<p>Two talks on build pipelines.</p>"},
            {"id":"2024-02-07-february","title":"February meetup","date_published":"2024-02-07T18:30:00Z",
             "content_html":"<p>Lightning talks.</p>"}]}"#,
    )
    .unwrap();
    let output = recap_feed(&[
        "pages",
        &path_arg(&dir.join("feed.json")),
        "--dist",
        &path_arg(&dir),
        "--base",
        "/recap/",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stderr(&output).contains("rebased"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2 event pages"),
        "{}",
        stderr(&output)
    );
    let site = read_site(&dir);
    let expected = site_for("/recap/");
    // The plain app (404.html), the boot script and the worker are the sub-path build's.
    for name in ["404.html", "sw.js"] {
        assert_eq!(site[name], expected[name], "{name}");
    }
    let page = String::from_utf8(site["events/2024-03-06-march/index.html"].clone()).unwrap();
    assert!(page.contains("<base href=/recap/>"), "{page}");
    assert!(
        page.contains("/recap/events/2024-02-07-february/"),
        "{page}"
    );
    let boot = attributes(&page, "src")
        .into_iter()
        .find(|s| s.contains("boot-"))
        .unwrap();
    let file = boot.strip_prefix("/recap/").unwrap();
    assert_eq!(attributes(&page, "integrity").len(), 2, "{page}");
    assert!(page.contains(&sri(&site[file])), "{page}");
    // Run again on the rebased, pre-rendered site: the base is there already.
    let output = recap_feed(&["rebase", &path_arg(&dir), "--base", "/recap/"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(differences(&read_site(&dir), &site).is_empty());
}

/// With a real build in the repository (`trunk build --release`), its copy rebased to
/// `/recap/` is what `trunk build --public-url /recap/` wrote, when that build is there and as
/// new; else at least every reference and integrity holds.
#[test]
fn the_real_build_rebased_is_the_sub_path_build() {
    let dist = repo().join("dist");
    if !dist.join("index.html").is_file() || !dist.join("sw.js").is_file() {
        eprintln!("no built dist/ here: skipped");
        return;
    }
    let mut built = read_site(&dist);
    if String::from_utf8_lossy(&built["index.html"]).contains("data-pages") {
        eprintln!("dist/ is pre-rendered: skipped");
        return;
    }
    built.retain(|name, _| !name.starts_with(".stage/"));
    let dir = temp_dir("real");
    write_site(&dir, &built);
    let output = recap_feed(&["rebase", &path_arg(&dir), "--base", "/recap/"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let rebased = read_site(&dir);
    assert_references_hold(&rebased, "/recap/");
    let subpath = repo().join("target/dist-subpath");
    let newer = |a: &Path, b: &Path| {
        let time = |p: &Path| std::fs::metadata(p.join("index.html")).and_then(|m| m.modified());
        matches!((time(a), time(b)), (Ok(a), Ok(b)) if a >= b)
    };
    if subpath.join("index.html").is_file() && newer(&subpath, &dist) {
        let mut expected = read_site(&subpath);
        expected.retain(|name, _| !name.starts_with(".stage/"));
        assert_eq!(differences(&rebased, &expected), Vec::<String>::new());
    }
}
