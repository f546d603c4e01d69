//! A Jekyll `_posts` folder → a JSON Feed 1.1 with `_recap`.

use std::path::{Path, PathBuf};

use recap_core::extract::{extract, EventMeta};
use recap_core::markdown::{to_blocks, to_html};
use recap_core::video::parse_video_url;
use recap_core::{Feed, Item, Talk, Timestamp, JSON_FEED_VERSION};

use crate::config::{
    locate, read_config, site_of_post, ConfigError, Field, Located, Selection, SiteConfig,
};
use crate::post::{permalink, read_post, Post, PostError, Site, TalkError};

/// How to build the feed. Every setting left out comes from the site's `_config.yml`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The feed's title; default: `_config.yml`'s `title`, else the site folder's name.
    pub title: Option<String>,
    /// The feed's description; default: `_config.yml`'s `description`.
    pub description: Option<String>,
    /// The site's address, for item URLs; default: `_config.yml`'s `url` + `baseurl`.
    pub home_page_url: Option<String>,
    /// Where the feed will live; default: the home page URL and `feed_file`.
    pub feed_url: Option<String>,
    /// The feed's file name, for the default `feed_url`.
    pub feed_file: Option<String>,
    /// The permalink style; default: `_config.yml`'s `permalink`, else Jekyll's `date`.
    pub permalink: Option<String>,
    /// The site's time zone, an IANA name; default: `_config.yml`'s `timezone`, else UTC.
    pub timezone: Option<String>,
    /// Publish posts dated after now; default: `_config.yml`'s `future`, else no.
    pub future: bool,
    /// Front-matter keys of the site's own, over `_config.yml`'s `recap.keys`.
    pub keys: Vec<(Field, String)>,
    /// Which posts are recaps; when any is given, instead of `_config.yml`'s `recap:` choice.
    pub selection: Selection,
    /// Now, in Unix seconds, for future-dated posts; default: the clock.
    pub now: Option<i64>,
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

/// Posts that read but were left out of the feed, as Jekyll or the site's choice of recaps
/// leaves them out. Not errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// `published: false`.
    pub unpublished: Vec<PathBuf>,
    /// Dated after now, on a site that does not publish those.
    pub future: Vec<PathBuf>,
    /// Not chosen as recaps (by tag, category or folder).
    pub not_recaps: Vec<PathBuf>,
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
    /// Posts that read but are not in the feed.
    pub left_out: LeftOut,
    /// Where the posts were found, and the site's settings.
    pub settings: Settings,
}

/// What is wrong with the site as a whole.
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
    /// A site's root with no `_posts` folder in it.
    #[error("{path}: no _posts folder in this site (give the posts folder itself, or the folder that holds _posts)")]
    NoPosts {
        /// The site's root.
        path: String,
    },
    /// The site's configuration does not read.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The time zone is not one the zone database knows.
    #[error("{from}: time zone {name:?} is unknown ({reason}); give an IANA name such as Europe/London or America/New_York, or UTC")]
    TimeZone {
        /// As written.
        name: String,
        /// Where it was written: `--timezone` or the configuration file.
        from: String,
        /// What the zone database said.
        reason: String,
    },
}

/// Where a site's posts are and how they are read: `_config.yml` with the options over it.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the posts are.
    pub located: Located,
    /// The site's configuration, as read.
    pub config: SiteConfig,
    /// What the posts are read with.
    pub site: Site,
    /// The home page URL, ending in `/`; empty when not known.
    pub home_page_url: String,
    /// Whether posts dated after now are published.
    pub future: bool,
    /// Which posts are recaps.
    pub selection: Selection,
}

/// Finds the posts of `path` (a site's root or a posts folder) and reads the site's settings,
/// `options` first.
pub fn settings(path: &Path, options: &Options) -> Result<Settings, BuildError> {
    let located = locate(path);
    if located.given_root && located.posts.is_empty() {
        return Err(BuildError::NoPosts {
            path: path.display().to_string(),
        });
    }
    let config = read_config(&located.site_dir)?;
    settings_from(located, config, options)
}

/// The settings of a post file on its own: its site is the folder above its `_posts`.
pub fn settings_of_post(path: &Path, options: &Options) -> Result<Settings, BuildError> {
    let site_dir = site_of_post(path);
    let config = read_config(&site_dir)?;
    let located = Located {
        posts: vec![(
            path.parent().unwrap_or(Path::new(".")).to_owned(),
            Vec::new(),
        )],
        site_dir,
        given_root: false,
    };
    settings_from(located, config, options)
}

fn settings_from(
    located: Located,
    config: SiteConfig,
    options: &Options,
) -> Result<Settings, BuildError> {
    let home_page_url = options
        .home_page_url
        .clone()
        .or_else(|| {
            config
                .url
                .clone()
                .map(|u| format!("{}{}", u.trim_end_matches('/'), config.baseurl))
        })
        .map(|u| format!("{}/", u.trim_end_matches('/')))
        .filter(|u| u != "/")
        .unwrap_or_default();
    let (zone_name, from) = match (&options.timezone, &config.timezone) {
        (Some(name), _) => (Some(name.clone()), "--timezone".to_owned()),
        (None, Some(name)) => (
            Some(name.clone()),
            config
                .path
                .as_ref()
                .map_or("_config.yml".to_owned(), |p| p.display().to_string()),
        ),
        (None, None) => (None, String::new()),
    };
    let timezone = match zone_name {
        None => None,
        Some(name) => {
            Some(
                jiff::tz::TimeZone::get(name.trim()).map_err(|err| BuildError::TimeZone {
                    name: name.clone(),
                    from,
                    reason: err.to_string(),
                })?,
            )
        }
    };
    let mut keys = config.keys.clone();
    for (field, name) in &options.keys {
        keys.set(*field, name.clone());
    }
    let site = Site {
        url: config.url.clone().unwrap_or_default(),
        baseurl: config.baseurl.clone(),
        permalink: options
            .permalink
            .clone()
            .or(config.permalink.clone())
            .unwrap_or_default(),
        timezone,
        keys,
    };
    let selection = if options.selection.is_all() {
        config.selection.clone()
    } else {
        options.selection.clone()
    };
    Ok(Settings {
        future: options.future || config.future.unwrap_or(false),
        located,
        config,
        site,
        home_page_url,
        selection,
    })
}

/// Reads every `*.md` / `*.markdown` post of a site: `path` is the site's root (its `_posts`
/// folders are found) or a posts folder (Jekyll's `_posts`, sub-folders too).
pub fn build(path: &Path, options: &Options) -> Result<Output, BuildError> {
    let settings = settings(path, options)?;
    let site = &settings.site;
    let url = settings.home_page_url.clone();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for (posts_dir, above) in &settings.located.posts {
        let entries = std::fs::read_dir(posts_dir).map_err(|source| BuildError::Folder {
            path: posts_dir.display().to_string(),
            source,
        })?;
        let mut found = Vec::new();
        let mut reading = Vec::from_iter(posts_dir.canonicalize().ok());
        collect(entries, &mut reading, &mut found, &mut skipped);
        for file in found {
            // The folders a post is in: above `_posts`, then inside it.
            let mut folders = above.clone();
            if let Some(inside) = file.parent().and_then(|p| p.strip_prefix(posts_dir).ok()) {
                folders.extend(
                    inside
                        .components()
                        .filter_map(|c| c.as_os_str().to_str().map(str::to_owned)),
                );
            }
            files.push((file, above.clone(), folders));
        }
    }
    files.sort();

    let now = options
        .now
        .unwrap_or_else(|| jiff::Timestamp::now().as_second());
    let mut left_out = LeftOut::default();
    let mut built = Vec::with_capacity(files.len());
    for (path, above, folders) in files {
        match read_post(&path, site) {
            Ok(mut post) => {
                // Jekyll's category folders (`events/_posts`) are the post's categories too.
                for category in above.iter().rev() {
                    if !post.categories.contains(category) {
                        post.categories.insert(0, category.clone());
                    }
                }
                if post.unpublished {
                    left_out.unpublished.push(path);
                    continue;
                }
                let when = Timestamp::parse(&post.published).map(|t| t.unix_seconds());
                if !settings.future && when.is_ok_and(|t| t > now) {
                    left_out.future.push(path);
                    continue;
                }
                if !settings
                    .selection
                    .chooses(&post.tags, &post.categories, &folders)
                {
                    left_out.not_recaps.push(path);
                    continue;
                }
                let (item, diagnostics) = to_item(&post, &url, site);
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
        .or(settings.config.title.clone())
        .unwrap_or_else(|| site_name(path, &settings.located));
    let feed_url = options.feed_url.clone().or_else(|| {
        let file = options.feed_file.as_deref()?;
        (!url.is_empty()).then(|| format!("{url}{file}"))
    });
    let feed = Feed {
        version: JSON_FEED_VERSION.to_owned(),
        title,
        home_page_url: (!url.is_empty()).then(|| url.clone()),
        feed_url,
        description: options
            .description
            .clone()
            .or(settings.config.description.clone()),
        next_url: None,
        items: built.iter().map(|b| b.item.clone()).collect(),
        recap: None,
    };
    Ok(Output {
        feed,
        built,
        skipped,
        left_out,
        settings,
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

/// The feed's title when the site has none: the site folder's name.
fn site_name(posts_dir: &Path, located: &Located) -> String {
    let dir = if located.given_root {
        posts_dir
    } else if posts_dir.file_name().is_some_and(|n| n == "_posts") {
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

/// The settings that the posts of `path` (a site's root or a posts folder) are read with, as
/// [`build`] reads them.
pub fn site(path: &Path, options: &Options) -> Result<Site, BuildError> {
    Ok(settings(path, options)?.site)
}
