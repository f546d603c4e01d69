//! A Jekyll `_posts` folder → a JSON Feed 1.1 with `_recap`.

use std::path::{Path, PathBuf};

use recap_core::extract::{extract, EventMeta};
use recap_core::markdown::{to_blocks, to_html};
use recap_core::video::parse_video_url;
use recap_core::{Feed, Item, Talk, Timestamp, JSON_FEED_VERSION};

use crate::post::{permalink, read_post, Post, PostError, Site, TalkError};

/// How to build the feed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The feed's title; default: `_config.yml`'s `title`, else the site folder's name.
    pub title: Option<String>,
    /// The site's address, for item URLs; default: `_config.yml`'s `url` + `baseurl`.
    pub home_page_url: Option<String>,
    /// Where the feed will live.
    pub feed_url: Option<String>,
    /// The permalink style; default: `_config.yml`'s `permalink`, else Jekyll's `date`.
    pub permalink: Option<String>,
}

/// A post that was read, with what the extractor noticed.
#[derive(Debug, Clone)]
pub struct Built {
    /// The file.
    pub path: PathBuf,
    /// Its feed item.
    pub item: Item,
    /// What a reader would miss.
    pub diagnostics: Vec<String>,
    /// Where its talks come from.
    pub talks_from: TalkSource,
    /// Entries of its `talks:` list that could not be read and were left out.
    pub talk_errors: Vec<TalkError>,
}

/// Where a post's talks come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkSource {
    /// The post's own `talks:` list.
    FrontMatter,
    /// The extractor, reading the post's body.
    Extraction,
}

impl TalkSource {
    /// Of a post.
    pub fn of(post: &Post) -> TalkSource {
        if post.talks.is_some() {
            TalkSource::FrontMatter
        } else {
            TalkSource::Extraction
        }
    }
}

/// The result of reading a folder: the feed, the posts, and the files left out.
#[derive(Debug)]
pub struct Output {
    /// The feed, items newest first.
    pub feed: Feed,
    /// Per post, what the extractor noticed.
    pub built: Vec<Built>,
    /// Files that could not be read as posts, with why.
    pub skipped: Vec<PostError>,
}

/// What is wrong with the folder as a whole.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The folder cannot be listed.
    #[error("{path}: cannot read the folder: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads every `*.md` / `*.markdown` post in `posts_dir` (Jekyll's `_posts`, sub-folders too).
pub fn build(posts_dir: &Path, options: &Options) -> Result<Output, BuildError> {
    let config = read_config(posts_dir);
    let url = options
        .home_page_url
        .clone()
        .or_else(|| {
            config
                .url
                .clone()
                .map(|u| format!("{}{}/", u.trim_end_matches('/'), config.baseurl))
        })
        .unwrap_or_default();
    let site = site_from(&config, options);
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let entries = std::fs::read_dir(posts_dir).map_err(|source| BuildError::Folder {
        path: posts_dir.display().to_string(),
        source,
    })?;
    let mut reading = Vec::from_iter(posts_dir.canonicalize().ok());
    collect(entries, &mut reading, &mut files, &mut skipped);
    files.sort();

    let mut built = Vec::with_capacity(files.len());
    for path in files {
        match read_post(&path, &site) {
            Ok(post) => {
                let (item, diagnostics) = to_item(&post, &url, &site);
                built.push(Built {
                    path,
                    item,
                    diagnostics,
                    talks_from: TalkSource::of(&post),
                    talk_errors: post.talk_errors,
                });
            }
            Err(err) => skipped.push(err),
        }
    }
    built.sort_by(|a, b| {
        b.item
            .date_published
            .as_ref()
            .map(Timestamp::unix_seconds)
            .cmp(&a.item.date_published.as_ref().map(Timestamp::unix_seconds))
            .then_with(|| a.item.id.cmp(&b.item.id))
    });
    let title = options
        .title
        .clone()
        .or(config.title)
        .unwrap_or_else(|| site_name(posts_dir));
    let feed = Feed {
        version: JSON_FEED_VERSION.to_owned(),
        title,
        home_page_url: (!url.is_empty()).then(|| url.clone()),
        feed_url: options.feed_url.clone(),
        description: config.description,
        next_url: None,
        items: built.iter().map(|b| b.item.clone()).collect(),
        recap: None,
    };
    Ok(Output {
        feed,
        built,
        skipped,
    })
}

/// Gathers the post files under a folder, sub-folders first-class. Symbolic links are followed,
/// except one that leads back to a folder being read (`reading`: the folders from the top down
/// to this one, resolved), which is reported as a loop. What cannot be read is reported in
/// `skipped`, and the rest is read.
fn collect(
    entries: std::fs::ReadDir,
    reading: &mut Vec<PathBuf>,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<PostError>,
) {
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                let path = reading.last().map(|p| p.display().to_string());
                skipped.push(PostError::Folder {
                    path: path.unwrap_or_default(),
                    source,
                });
                continue;
            }
        };
        let path = entry.path();
        let shown = || path.display().to_string();
        let is_post = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "markdown")
        );
        // Follows a link: what it leads to.
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(source) if is_post => {
                let target =
                    std::fs::read_link(&path).map_or_else(|_| shown(), |t| t.display().to_string());
                skipped.push(PostError::BrokenLink {
                    path: shown(),
                    target,
                    source,
                });
                continue;
            }
            Err(_) => continue,
        };
        if !metadata.is_dir() {
            if is_post {
                files.push(path);
            }
            continue;
        }
        let resolved = path.canonicalize().unwrap_or_else(|_| path.clone());
        if reading.contains(&resolved) {
            skipped.push(PostError::Loop {
                path: shown(),
                target: resolved.display().to_string(),
            });
            continue;
        }
        match std::fs::read_dir(&path) {
            Ok(inner) => {
                reading.push(resolved);
                collect(inner, reading, files, skipped);
                reading.pop();
            }
            Err(source) => skipped.push(PostError::Folder {
                path: shown(),
                source,
            }),
        }
    }
}

/// The feed item of a post, and what a reader would miss. Talks come from the post's `talks:`
/// list when it has one, else from its body; sponsors and the next meetup always from its body.
pub fn to_item(post: &Post, home_page_url: &str, site: &Site) -> (Item, Vec<String>) {
    let blocks = to_blocks(&post.body);
    let meta = EventMeta {
        location: post.location.as_deref(),
        video: post.video.as_deref(),
    };
    let mut extraction = extract(&blocks, meta);
    if let Some(talks) = &post.talks {
        // What the extractor noticed about talks it found no longer applies; what it noticed
        // about the event does.
        extraction.diagnostics = extract(&[], meta).diagnostics;
        let recording = extraction.recap.video.as_deref().and_then(parse_video_url);
        let talks = talks
            .iter()
            .map(|talk| Talk {
                video_url: talk
                    .video_url
                    .clone()
                    .or_else(|| Some(recording.as_ref()?.url_at(talk.start?))),
                ..talk.clone()
            })
            .collect();
        extraction.recap.talks = Some(talks);
    }
    let base = home_page_url.trim_end_matches('/');
    let absolute = |path: &str| {
        if path.starts_with('/') && !base.is_empty() {
            // The home page URL already carries the base URL.
            let path = path
                .strip_prefix(site.baseurl.as_str())
                .filter(|p| p.starts_with('/'))
                .unwrap_or(path);
            format!("{base}{path}")
        } else {
            path.to_owned()
        }
    };
    let item = Item {
        id: post.id.clone(),
        url: (!base.is_empty()).then(|| absolute(&permalink(post, &site.permalink))),
        title: post.title.clone(),
        summary: post.description.clone(),
        content_html: Some(to_html(&post.body)),
        content_text: None,
        image: post.image.as_deref().map(absolute),
        date_published: Timestamp::parse(&post.published).ok(),
        date_modified: None,
        tags: post.tags.clone(),
        recap: Some(extraction.recap),
    };
    (item, extraction.diagnostics)
}

/// The site settings that the posts in `posts_dir` are read with, as [`build`] reads them:
/// `_config.yml` beside the folder, with `options` first.
pub fn site(posts_dir: &Path, options: &Options) -> Site {
    site_from(&read_config(posts_dir), options)
}

fn site_from(config: &Config, options: &Options) -> Site {
    Site {
        url: config.url.clone().unwrap_or_default(),
        baseurl: config.baseurl.clone(),
        permalink: options
            .permalink
            .clone()
            .or(config.permalink.clone())
            .unwrap_or_default(),
    }
}

#[derive(Default)]
struct Config {
    title: Option<String>,
    description: Option<String>,
    url: Option<String>,
    baseurl: String,
    permalink: Option<String>,
}

/// `_config.yml` beside the posts folder, when there is one and it reads.
fn read_config(posts_dir: &Path) -> Config {
    let Some(site_dir) = posts_dir.parent() else {
        return Config::default();
    };
    let Ok(text) = std::fs::read_to_string(site_dir.join("_config.yml")) else {
        return Config::default();
    };
    let Ok(serde_norway::Value::Mapping(map)) =
        serde_norway::from_str::<serde_norway::Value>(&text)
    else {
        return Config::default();
    };
    let get = |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    Config {
        title: get("title"),
        description: get("description"),
        url: get("url"),
        baseurl: get("baseurl")
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned(),
        permalink: get("permalink"),
    }
}

fn site_name(posts_dir: &Path) -> String {
    let dir = if posts_dir.file_name().is_some_and(|n| n == "_posts") {
        posts_dir.parent().unwrap_or(posts_dir)
    } else {
        posts_dir
    };
    dir.canonicalize()
        .ok()
        .as_deref()
        .unwrap_or(dir)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("Recap")
        .to_owned()
}
