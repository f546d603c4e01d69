//! `recap-feed rebase`: a built site made for one public path (`trunk build`, for `/`) made to
//! work under another (`/recap/`), as `trunk build --public-url /recap/` would have built it,
//! with no Rust toolchain.
//!
//! The built files name the base in a few places, all written by Trunk and `scripts/boot.mjs`:
//! `index.html` and `404.html` (`<base href>`, the app's base path, and the absolute `href`/`src`
//! of the stylesheet, the boot script, the modules and the wasm), and the boot script
//! `boot-HASH.js` (the app's modules and wasm it loads, the offline worker it registers). The
//! rest is relative: the offline worker's file list (`sw.js`), the embed script, the on-demand
//! modules (found beside the app's script), the feed. Each absolute reference to a file of the
//! build moves to the new base. The boot script's bytes change, so it is renamed after its
//! new hash, as the build names it, and its new integrity (sha384) replaces the old wherever
//! it is given; the offline worker's file list and build id follow the new name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use recap_core::markup::protocol::PAGES;
use sha2::{Digest, Sha256, Sha384};

/// Why a site could not be rebased.
#[derive(Debug, thiserror::Error)]
pub enum RebaseError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The base given is not a path the site can be served at.
    #[error("--base {base:?}: {why}")]
    Base {
        /// The base given.
        base: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// The folder is not a built site this can rebase.
    #[error("{path}: {why}")]
    Site {
        /// The file at fault.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
}

/// What was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebased {
    /// The base the site was built for.
    pub from: String,
    /// The base it is now built for.
    pub to: String,
    /// The files rewritten (relative to the site's folder, with `/`), in the order written.
    pub rewritten: Vec<String>,
    /// Files renamed after their new content: (old name, new name).
    pub renamed: Vec<(String, String)>,
}

impl Rebased {
    /// Whether anything changed (the site was built for another base).
    pub fn changed(&self) -> bool {
        self.from != self.to
    }
}

/// The base as the build writes it: a path from the site's root, with `/` at both ends
/// (`recap` and `/recap` are `/recap/`). Only letters, digits and `-._~%+` between the slashes,
/// so that it goes into attributes and scripts as it is.
pub fn normalize_base(base: &str) -> Result<String, RebaseError> {
    let fail = |why| RebaseError::Base {
        base: base.to_owned(),
        why,
    };
    if base.contains("://") || base.starts_with("//") {
        return Err(fail(
            "give the path the site is served at (such as /recap/), not an address",
        ));
    }
    let path = base.trim_matches('/');
    if path.is_empty() {
        return Ok("/".to_owned());
    }
    for segment in path.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." {
            return Err(fail(
                "a path of plain segments, such as /recap/ or /meetups/recap/",
            ));
        }
        if !segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~%+".contains(c))
        {
            return Err(fail(
                "only letters, digits and -._~%+ between the slashes, such as /recap/",
            ));
        }
    }
    Ok(format!("/{path}/"))
}

/// Rebases the built site in `dist` to `base` (normalized by [`normalize_base`]). A site already
/// built for `base` is left as it is; one built for another base is rebased from that one.
pub fn rebase(dist: &Path, base: &str) -> Result<Rebased, RebaseError> {
    let to = normalize_base(base)?;
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    let site = |path: &Path, why: String| RebaseError::Site {
        path: path.to_owned(),
        why,
    };
    let from = base_href(&index).ok_or_else(|| {
        site(
            &index_path,
            "no <base href>: not a site built by trunk build".to_owned(),
        )
    })?;
    let mut done = Rebased {
        from: from.clone(),
        to: to.clone(),
        rewritten: Vec::new(),
        renamed: Vec::new(),
    };
    if from == to {
        return Ok(done);
    }
    if index.contains(PAGES) {
        return Err(site(
            &index_path,
            format!(
                "pre-rendered (recap-feed pages) for {from}; rebase the site as built (the release's site/), then pre-render it: recap-feed pages FEED --dist DIR --base {to}"
            ),
        ));
    }
    let files = files_in(dist)?;
    let plain_404 = dist.join("404.html");
    let pages: Vec<(PathBuf, String)> = std::iter::once(Ok((index_path.clone(), index)))
        .chain(
            plain_404
                .is_file()
                .then(|| read(&plain_404).map(|html| (plain_404.clone(), html))),
        )
        .collect::<Result<_, _>>()?;

    // The scripts the pages start (the boot script): their references, then their new names.
    let mut scripts = BTreeSet::new();
    for (_, html) in &pages {
        for_each_attribute(html, |tag, name, value| {
            if tag == "script" && name == "src" {
                if let Some(file) = value.strip_prefix(from.as_str()) {
                    if file.ends_with(".js") && files.contains(file) {
                        scripts.insert(file.to_owned());
                    }
                }
            }
            None
        });
    }
    let mut names = BTreeMap::new();
    let mut integrity = BTreeMap::new();
    let mut writes: Vec<(String, String)> = Vec::new();
    for script in &scripts {
        let path = dist.join(script);
        let old = read(&path)?;
        let new = rebase_script(&old, &from, &to, &files);
        if new == old {
            continue;
        }
        let renamed = hashed_name(script, &new);
        integrity.insert(sri(old.as_bytes()), sri(new.as_bytes()));
        if renamed != *script {
            names.insert(script.clone(), renamed.clone());
            done.renamed.push((script.clone(), renamed.clone()));
        }
        writes.push((renamed, new));
    }

    // The offline worker's list of the build's files, and its build id, follow the new names.
    let worker = dist.join("sw.js");
    if !names.is_empty() && worker.is_file() {
        let text = read(&worker)?;
        let new = rename_in_worker(&text, &names).map_err(|why| site(&worker, why))?;
        if new != text {
            writes.push(("sw.js".to_owned(), new));
        }
    }

    for (path, html) in &pages {
        let new = rebase_page(html, &from, &to, &files, &names, &integrity);
        let name = path
            .strip_prefix(dist)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
        writes.push((name, new));
    }

    // New files first, the pages that name them next, the old files last: a site served while
    // it is rebased names only files that are there.
    for (name, text) in &writes {
        write(&dist.join(name), text)?;
        done.rewritten.push(name.clone());
    }
    for old in names.keys() {
        let path = dist.join(old);
        std::fs::remove_file(&path).map_err(|source| RebaseError::Io { path, source })?;
    }
    Ok(done)
}

/// The boot script with every string naming a file of the build under `from` moved to `to`.
fn rebase_script(js: &str, from: &str, to: &str, files: &BTreeSet<String>) -> String {
    let mut out = String::with_capacity(js.len() + 64);
    let mut rest = js;
    while let Some(at) = rest.find(['"', '\'']) {
        let quote = &rest[at..=at];
        let escaped = rest[..at].ends_with('\\');
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        if escaped {
            continue;
        }
        if let Some(file) = rest.strip_prefix(from) {
            if let Some(end) = file.find(quote) {
                let name = &file[..end];
                if !name.contains('\\') && files.contains(name) {
                    out.push_str(to);
                    out.push_str(name);
                    out.push_str(quote);
                    rest = &file[end + 1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page with `<base href>` set to `to`, every `href` and `src` naming a file of the build
/// under `from` moved to `to` (under its new name, if renamed), and the integrity of every file
/// rewritten replaced.
fn rebase_page(
    html: &str,
    from: &str,
    to: &str,
    files: &BTreeSet<String>,
    names: &BTreeMap<String, String>,
    integrity: &BTreeMap<String, String>,
) -> String {
    for_each_attribute(html, |tag, name, value| match name {
        "href" if tag == "base" && value == from => Some(to.to_owned()),
        "href" | "src" => {
            let file = value.strip_prefix(from)?;
            files.contains(file).then(|| {
                let file = names.get(file).map_or(file, String::as_str);
                format!("{to}{file}")
            })
        }
        "integrity" => integrity.get(value).cloned(),
        _ => None,
    })
}

/// `html` with the value of each attribute for which `change(tag, attribute, value)` says so
/// replaced, keeping its quotes (tag and attribute names in lower case). Text, comments and the
/// content of scripts and styles are left as they are.
fn for_each_attribute(
    html: &str,
    mut change: impl FnMut(&str, &str, &str) -> Option<String>,
) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 256);
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| i + p) {
        if html[lt..].starts_with("<!--") {
            i = html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let name_end = html[lt + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |e| lt + 1 + e);
        let tag = html[lt + 1..name_end].to_ascii_lowercase();
        if tag.is_empty() {
            i = lt + 1;
            continue;
        }
        let mut j = name_end;
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let name_start = j;
            while j < bytes.len() && !b" \t\r\n\x0c=>/".contains(&bytes[j]) {
                j += 1;
            }
            let attribute = html[name_start..j].to_ascii_lowercase();
            if bytes.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            let (start, end, next) = match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[j + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| j + 1 + e);
                    (j + 1, end, (end + 1).min(html.len()))
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    (j, end, end)
                }
            };
            if let Some(value) = change(&tag, &attribute, &html[start..end]) {
                out.push_str(&html[copied..start]);
                out.push_str(&value);
                copied = end;
            }
            j = next;
        }
        i = (j + 1).min(html.len());
        if tag == "script" || tag == "style" {
            let close = format!("</{tag}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// The offline worker with the renamed files in its list, and the build id the build computes
/// from that list (the first 16 hex digits of the sha256 of the list as JSON).
fn rename_in_worker(worker: &str, names: &BTreeMap<String, String>) -> Result<String, String> {
    let line = |start: &str| {
        let at = worker
            .find(start)
            .ok_or_else(|| format!("no `{start}` line in the offline worker"))?;
        let end = worker[at..]
            .find(";\n")
            .map(|e| at + e)
            .ok_or_else(|| format!("the offline worker's `{start}` line has no end"))?;
        Ok::<_, String>((at + start.len(), end))
    };
    let (list_at, list_end) = line("const FILES = ")?;
    let (build_at, build_end) = line("const BUILD = ")?;
    let files: Vec<String> = serde_json::from_str(&worker[list_at..list_end])
        .map_err(|e| format!("the offline worker's file list: {e}"))?;
    let files: Vec<String> = files
        .into_iter()
        .map(|f| names.get(&f).cloned().unwrap_or(f))
        .collect();
    let list = serde_json::to_string(&files)
        .map_err(|e| format!("the offline worker's file list: {e}"))?;
    let build = format!("{:?}", &hex(&Sha256::digest(list.as_bytes()))[..16]);
    let mut parts = [(build_at, build_end, build), (list_at, list_end, list)];
    parts.sort_by_key(|p| p.0);
    let mut out = String::with_capacity(worker.len());
    let mut copied = 0;
    for (start, end, text) in parts {
        out.push_str(&worker[copied..start]);
        out.push_str(&text);
        copied = end;
    }
    out.push_str(&worker[copied..]);
    Ok(out)
}

/// `NAME-HASH.js` renamed after `content` as the build names it (the first 16 hex digits of its
/// sha256); other names are kept.
fn hashed_name(file: &str, content: &str) -> String {
    let (dir, name) = file.rsplit_once('/').map_or(("", file), |(d, n)| (d, n));
    let Some((stem, _)) = name
        .strip_suffix(".js")
        .and_then(|s| s.rsplit_once('-'))
        .filter(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return file.to_owned();
    };
    let renamed = format!(
        "{stem}-{}.js",
        &hex(&Sha256::digest(content.as_bytes()))[..16]
    );
    if dir.is_empty() {
        renamed
    } else {
        format!("{dir}/{renamed}")
    }
}

/// The subresource integrity of `bytes`, as the build writes it: `sha384-` and base64.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file under `dir`, relative, with `/` between folders.
fn files_in(dir: &Path) -> Result<BTreeSet<String>, RebaseError> {
    let mut found = BTreeSet::new();
    let mut folders = vec![(dir.to_owned(), String::new())];
    while let Some((folder, prefix)) = folders.pop() {
        let io = |source| RebaseError::Io {
            path: folder.clone(),
            source,
        };
        for entry in std::fs::read_dir(&folder).map_err(io)? {
            let entry = entry.map_err(io)?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let kind = entry.file_type().map_err(io)?;
            if kind.is_dir() {
                folders.push((entry.path(), format!("{prefix}{name}/")));
            } else {
                found.insert(format!("{prefix}{name}"));
            }
        }
    }
    Ok(found)
}

fn read(path: &Path) -> Result<String, RebaseError> {
    std::fs::read_to_string(path).map_err(|source| RebaseError::Io {
        path: path.to_owned(),
        source,
    })
}

fn write(path: &Path, text: &str) -> Result<(), RebaseError> {
    std::fs::write(path, text).map_err(|source| RebaseError::Io {
        path: path.to_owned(),
        source,
    })
}

/// The `href` of `<base>`, quoted or not.
pub(crate) fn base_href(head: &str) -> Option<String> {
    let at = head.find("<base")?;
    let tag = &head[at..at + head[at..].find('>')?];
    let value = tag.split_once("href=")?.1;
    let value = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next()?,
        _ => value.split(char::is_whitespace).next()?,
    };
    let value = value.trim_end_matches('/');
    Some(format!("{value}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_paths_with_slashes_at_both_ends() {
        assert_eq!(normalize_base("/recap/").unwrap(), "/recap/");
        assert_eq!(normalize_base("recap").unwrap(), "/recap/");
        assert_eq!(normalize_base("/a/b").unwrap(), "/a/b/");
        assert_eq!(normalize_base("/").unwrap(), "/");
        assert_eq!(normalize_base("").unwrap(), "/");
        for bad in [
            "https://e.org/recap/",
            "//e.org/",
            "/a//b/",
            "/../x/",
            "/re cap/",
            "/a\"b/",
            "/a?b/",
        ] {
            assert!(normalize_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn attributes_are_found_quoted_or_not() {
        let html = "<!-- <a href=/x> --><base href=/><link href=/a.css rel=stylesheet><script type=module src=\"/b.js\" integrity='sha384-B'></script><p>href=/a.css</p><img src=/a.css alt>";
        let mut seen = Vec::new();
        let out = for_each_attribute(html, |tag, name, value| {
            seen.push(format!("{tag} {name}={value}"));
            (value == "/a.css").then(|| "/r/a.css".to_owned())
        });
        assert_eq!(
            seen,
            [
                "base href=/",
                "link href=/a.css",
                "link rel=stylesheet",
                "script type=module",
                "script src=/b.js",
                "script integrity=sha384-B",
                "img src=/a.css",
            ]
        );
        assert_eq!(
            out,
            html.replace("link href=/a.css", "link href=/r/a.css")
                .replace("img src=/a.css", "img src=/r/a.css")
        );
    }

    #[test]
    fn scripts_move_only_the_build_s_files() {
        let files: BTreeSet<String> = ["a.js", "sw.js", "s/i.js"].map(String::from).into();
        let js = r#"import("/a.js"); f('/s/i.js'); g("/b.js"); h("/sw.js", "\"/a.js"); x = "/";"#;
        assert_eq!(
            rebase_script(js, "/", "/recap/", &files),
            r#"import("/recap/a.js"); f('/recap/s/i.js'); g("/b.js"); h("/recap/sw.js", "\"/a.js"); x = "/";"#
        );
    }

    #[test]
    fn the_boot_script_is_named_after_its_content() {
        let named = hashed_name("boot-0123456789abcdef.js", "x");
        assert!(named.starts_with("boot-2d711642b726b044"), "{named}");
        assert_eq!(hashed_name("boot.js", "x"), "boot.js");
        assert_eq!(hashed_name("a-b.js", "x"), "a-b.js");
    }
}
