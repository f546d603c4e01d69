//! A feed in pages of N events (JSON Feed `next_url`), with the search index beside them.
//!
//! For `--out DIR/feed.json`: `feed.json` holds the newest N events, `feed-2.json` the next N
//! and so on, each page's `next_url` naming the next page relative to itself; `feed-index.json`
//! is the search index ([`recap_core::index`]), named by the first page's top-level `_recap`,
//! and names every page in turn, so that the page of any event can be fetched directly;
//! `feed-people.json`, named there too, is the people's index: the same with every talk's
//! moment and takeaways, what the speakers' and organisations' pages read.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use recap_core::index::SearchIndex;
use recap_core::{Feed, FeedRecap};

/// The file names of a paginated feed, from the first page's name (`feed.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    stem: String,
    /// `.json`, or empty when the first page's name has no extension.
    extension: String,
}

impl Names {
    /// The names that go with the first page's file name.
    pub fn new(first_page: &str) -> Names {
        match first_page.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => Names {
                stem: stem.to_owned(),
                extension: format!(".{ext}"),
            },
            _ => Names {
                stem: first_page.to_owned(),
                extension: String::new(),
            },
        }
    }

    /// Page `n` (1-based): `feed.json`, `feed-2.json`, `feed-3.json` …
    pub fn page(&self, n: usize) -> String {
        match n {
            0 | 1 => format!("{}{}", self.stem, self.extension),
            n => format!("{}-{n}{}", self.stem, self.extension),
        }
    }

    /// The search index: `feed-index.json`.
    pub fn index(&self) -> String {
        format!("{}-index{}", self.stem, self.extension)
    }

    /// The people's index: `feed-people.json`.
    pub fn people(&self) -> String {
        format!("{}-people{}", self.stem, self.extension)
    }

    /// The page number of a file named like a page after the first (`feed-7.json` → 7):
    /// digits without a leading zero, 2 or more.
    pub fn page_number(&self, name: &str) -> Option<usize> {
        let digits = name
            .strip_prefix(self.stem.as_str())?
            .strip_prefix('-')?
            .strip_suffix(self.extension.as_str())?;
        if digits.is_empty()
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        digits.parse().ok().filter(|&n| n >= 2)
    }
}

/// A feed cut into pages, with its index.
#[derive(Debug, Clone)]
pub struct Paginated {
    /// Each page's file name and feed, the first (newest) first.
    pub pages: Vec<(String, Feed)>,
    /// The index's file name.
    pub index_name: String,
    /// The search index of all the pages.
    pub index: SearchIndex,
    /// The people's index's file name.
    pub people_name: String,
    /// The people's index of all the pages.
    pub people: SearchIndex,
}

/// Cuts `feed` (items newest first) into pages of `page_size` events. `first_page` is the first
/// page's file name. Every page has the feed's title, home page and description; `feed_url`,
/// when the feed has one, is each page's own address. A feed with no events is one empty page.
pub fn paginate(feed: &Feed, first_page: &str, page_size: NonZeroUsize) -> Paginated {
    let names = Names::new(first_page);
    let chunks: Vec<&[recap_core::Item]> = if feed.items.is_empty() {
        vec![&[]]
    } else {
        feed.items.chunks(page_size.get()).collect()
    };
    let count = chunks.len();
    // The pages sit beside the index, so their names are their addresses relative to it.
    let mut index = SearchIndex::from_pages(chunks.iter().copied());
    index.page_names = (1..=count).map(|n| names.page(n)).collect();
    let mut people = SearchIndex::people_from_pages(chunks.iter().copied());
    people.page_names = index.page_names.clone();
    let pages = chunks
        .iter()
        .enumerate()
        .map(|(at, items)| {
            let n = at + 1;
            let name = names.page(n);
            let feed_url = feed.feed_url.as_ref().map(|url| match n {
                1 => url.clone(),
                _ => sibling(url, &name),
            });
            let page = Feed {
                version: feed.version.clone(),
                title: feed.title.clone(),
                home_page_url: feed.home_page_url.clone(),
                feed_url,
                description: feed.description.clone(),
                next_url: (n < count).then(|| names.page(n + 1)),
                items: items.to_vec(),
                recap: (n == 1).then(|| FeedRecap {
                    index: Some(names.index()),
                    people: Some(names.people()),
                    pages: u32::try_from(count).ok(),
                    items: u32::try_from(feed.items.len()).ok(),
                }),
            };
            (name, page)
        })
        .collect();
    Paginated {
        pages,
        index_name: names.index(),
        index,
        people_name: names.people(),
        people,
    }
}

/// `url` with its last path segment replaced by `name`.
fn sibling(url: &str, name: &str) -> String {
    let path_end = url.find(['?', '#']).unwrap_or(url.len());
    let host_start = url[..path_end].find("://").map_or(0, |at| at + 3);
    match url[host_start..path_end].rfind('/') {
        Some(slash) => format!("{}{name}", &url[..=host_start + slash]),
        None if host_start > 0 => format!("{}/{name}", &url[..path_end]),
        None => name.to_owned(),
    }
}

/// What [`write_paginated`] wrote and removed.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// The pages, the first first.
    pub pages: Vec<PathBuf>,
    /// The search index.
    pub index: PathBuf,
    /// The people's index.
    pub people: PathBuf,
    /// Pages of an earlier build with more pages, removed.
    pub removed: Vec<PathBuf>,
}

/// A file that could not be written or removed.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct WriteError {
    /// The file.
    pub path: String,
    /// Why.
    pub source: std::io::Error,
}

/// Writes the pages and the index beside `out` (the first page's path), then removes the pages
/// beyond the last one that an earlier build left there: only files named like a page of this
/// feed (`feed-7.json`), nothing else in the folder. The first page is written last, so that a
/// reader never finds a `next_url` whose page is not there yet.
pub fn write_paginated(
    paginated: &Paginated,
    out: &Path,
    pretty: bool,
) -> Result<Written, WriteError> {
    let dir = out.parent().unwrap_or(Path::new(""));
    let first = out
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("feed.json");
    let names = Names::new(first);
    let write = |path: &Path, json: Result<String, serde_json::Error>| {
        let fail = |source| WriteError {
            path: path.display().to_string(),
            source,
        };
        let json = json.map_err(|e| fail(std::io::Error::other(e)))?;
        std::fs::write(path, json + "\n").map_err(fail)
    };
    let to_json = |feed: &Feed| {
        if pretty {
            serde_json::to_string_pretty(feed)
        } else {
            serde_json::to_string(feed)
        }
    };
    let index = dir.join(&paginated.index_name);
    write(&index, serde_json::to_string(&paginated.index))?;
    let people = dir.join(&paginated.people_name);
    write(&people, serde_json::to_string(&paginated.people))?;
    let mut pages = Vec::with_capacity(paginated.pages.len());
    for (at, (name, feed)) in paginated.pages.iter().enumerate().rev() {
        let path = if at == 0 {
            out.to_path_buf()
        } else {
            dir.join(name)
        };
        write(&path, to_json(feed))?;
        pages.push(path);
    }
    pages.reverse();

    let mut removed = Vec::new();
    let listed = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    })
    .map_err(|source| WriteError {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in listed.flatten() {
        let name = entry.file_name();
        let stale = name
            .to_str()
            .and_then(|n| names.page_number(n))
            .is_some_and(|n| n > paginated.pages.len());
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = dir.join(&name);
            std::fs::remove_file(&path).map_err(|source| WriteError {
                path: path.display().to_string(),
                source,
            })?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(Written {
        pages,
        index,
        people,
        removed,
    })
}

/// A feed read from its first page and the pages after it.
#[derive(Debug, Clone)]
pub struct ReadBack {
    /// Every event of the pages read, newest first; `next_url` is the first one not followed.
    pub feed: Feed,
    /// How many pages were read.
    pages: usize,
    /// Why the chain of pages stopped before its end, when it did.
    pub stopped: Option<String>,
}

impl ReadBack {
    /// How many pages were read, the first included.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

/// Reads the feed at `first` and each page its `next_url` names beside it (`feed-2.json`, as
/// `build --page-size` writes them), so that the whole archive can be pre-rendered. A `next_url`
/// that is not a file name in the same folder (another site, another folder), or that leads
/// back to a page already read, ends the chain and says so in [`ReadBack::stopped`]; a page that
/// is named but cannot be read or is not a feed is an error.
pub fn read_pages(first: &Path) -> Result<ReadBack, String> {
    let dir = first.parent().unwrap_or(Path::new(""));
    let read = |path: &Path| -> Result<Feed, String> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let parsed = recap_core::parse_feed(&text).map_err(|e| format!("{shown}: {e}"))?;
        Ok(parsed.feed)
    };
    let mut feed = read(first)?;
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    seen.insert(first.to_path_buf());
    let mut pages = 1;
    let mut stopped = None;
    while let Some(next) = feed.next_url.clone() {
        let sibling = !next.is_empty()
            && !next.contains(['/', '\\', ':', '?', '#'])
            && !matches!(next.as_str(), "." | "..");
        if !sibling {
            stopped = Some(format!(
                "next_url {next:?} is not a page beside {}; its events are not included",
                first.display()
            ));
            break;
        }
        let path = dir.join(&next);
        if !seen.insert(path.clone()) {
            stopped = Some(format!(
                "next_url {next:?} leads back to a page already read"
            ));
            feed.next_url = None;
            break;
        }
        let page = read(&path).map_err(|e| format!("{e} (named by next_url)"))?;
        feed.append_page(page);
        pages += 1;
    }
    Ok(ReadBack {
        feed,
        pages,
        stopped,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_pages_and_recognises_only_page_names() {
        let names = Names::new("feed.json");
        assert_eq!(names.page(1), "feed.json");
        assert_eq!(names.page(2), "feed-2.json");
        assert_eq!(names.page(12), "feed-12.json");
        assert_eq!(names.index(), "feed-index.json");
        assert_eq!(names.page_number("feed-7.json"), Some(7));
        assert_eq!(names.page_number("feed-12.json"), Some(12));
        for other in [
            "feed.json",
            "feed-1.json",
            "feed-07.json",
            "feed-index.json",
            "feed-.json",
            "feed-7.json.bak",
            "feed-7x.json",
            "other-7.json",
            "feed-7.jsonx",
            "myfeed-7.json",
        ] {
            assert_eq!(names.page_number(other), None, "{other}");
        }
        let bare = Names::new("events");
        assert_eq!(bare.page(3), "events-3");
        assert_eq!(bare.page_number("events-3"), Some(3));
        assert_eq!(Names::new("all.feed.json").page(2), "all.feed-2.json");
    }

    #[test]
    fn the_index_names_each_page_and_each_event_is_on_the_page_it_names() {
        let feed = recap_core::parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"e","date_published":"2024-05-01T00:00:00Z"},{"id":"d","date_published":"2024-04-01T00:00:00Z"},
            {"id":"c","date_published":"2024-03-01T00:00:00Z"},{"id":"b","date_published":"2024-02-01T00:00:00Z"},
            {"id":"a","date_published":"2024-01-01T00:00:00Z"}]}"#,
        )
        .unwrap()
        .feed;
        let paginated = paginate(&feed, "all.json", NonZeroUsize::new(2).unwrap());
        let names: Vec<&str> = paginated.pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["all.json", "all-2.json", "all-3.json"]);
        assert_eq!(paginated.index.page_names, names);
        let json = serde_json::to_string(&paginated.index).unwrap();
        let archive = recap_core::index::Archive::read(&json).unwrap();
        for (name, page) in &paginated.pages {
            for item in &page.items {
                let at = archive.find(&item.id).unwrap();
                let page = archive.page(at);
                assert_eq!(archive.page_name(page), Some(name.as_str()), "{}", item.id);
            }
        }
        assert!(
            json.starts_with(r#"{"v":2,"u":["all.json","all-2.json","all-3.json"],"#),
            "{json}"
        );
    }

    #[test]
    fn each_page_is_its_own_address() {
        assert_eq!(
            sibling("https://x.org/recap/feed.json", "feed-2.json"),
            "https://x.org/recap/feed-2.json"
        );
        assert_eq!(
            sibling("https://x.org/feed.json?v=3", "feed-2.json"),
            "https://x.org/feed-2.json"
        );
        assert_eq!(sibling("feed.json", "feed-2.json"), "feed-2.json");
        assert_eq!(
            sibling("https://x.org", "feed-2.json"),
            "https://x.org/feed-2.json"
        );
    }
}
