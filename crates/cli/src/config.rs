//! Where a site's posts are, and the site's own settings: `_config.yml` (or `_config.yaml`) with
//! its `recap:` section.
//!
//! ```yaml
//! title: Riverbend Tech Meetup
//! description: Talks and recordings from our monthly evenings
//! url: https://riverbend.example
//! baseurl: /community
//! timezone: Europe/London
//! future: false
//! recap:
//!   keys: { video: youtube, location: venue }
//!   tags: [recap]
//!   categories: [events]
//!   folders: [meetups]
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde_norway::Value;

/// The configuration file names a Jekyll site uses, in the order Jekyll reads them.
pub const CONFIG_NAMES: [&str; 2] = ["_config.yml", "_config.yaml"];

/// A front-matter field that Recap reads, whose key a site may rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `title`.
    Title,
    /// `date`.
    Date,
    /// `slug`.
    Slug,
    /// `description`.
    Description,
    /// `image`.
    Image,
    /// `tags`.
    Tags,
    /// `categories`.
    Categories,
    /// `video`: the recording's URL.
    Video,
    /// `location`.
    Location,
    /// `talks`: the organiser's own list of talks.
    Talks,
    /// `published`.
    Published,
}

impl Field {
    /// Every field, in the order they are documented.
    pub const ALL: [Field; 11] = [
        Field::Title,
        Field::Date,
        Field::Slug,
        Field::Description,
        Field::Image,
        Field::Tags,
        Field::Categories,
        Field::Video,
        Field::Location,
        Field::Talks,
        Field::Published,
    ];

    /// The key Recap reads by default.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Date => "date",
            Field::Slug => "slug",
            Field::Description => "description",
            Field::Image => "image",
            Field::Tags => "tags",
            Field::Categories => "categories",
            Field::Video => "video",
            Field::Location => "location",
            Field::Talks => "talks",
            Field::Published => "published",
        }
    }

    /// `title, date, …`: for messages.
    pub fn names() -> String {
        Field::ALL.map(Field::key).join(", ")
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Field {
    type Err = String;
    fn from_str(text: &str) -> Result<Field, String> {
        Field::ALL
            .into_iter()
            .find(|f| f.key() == text)
            .ok_or_else(|| {
                format!(
                    "{text:?} is not a field Recap reads; the fields are {}",
                    Field::names()
                )
            })
    }
}

/// `FIELD=NAME`: read the front matter's `NAME` for `FIELD`.
pub fn parse_key(text: &str) -> Result<(Field, String), String> {
    let (field, name) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not FIELD=NAME, such as video=youtube"))?;
    let field: Field = field.trim().parse()?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "{text:?} names no front-matter key for {field}, such as {field}=my_{field}"
        ));
    }
    Ok((field, name.to_owned()))
}

/// Which front-matter key each field is read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys(BTreeMap<Field, String>);

impl Keys {
    /// The key to read for `field`: the site's own name, else the field's.
    pub fn of(&self, field: Field) -> &str {
        self.0.get(&field).map_or(field.key(), String::as_str)
    }

    /// Whether the site renamed `field`.
    pub fn renamed(&self, field: Field) -> bool {
        self.0.contains_key(&field)
    }

    /// Reads `field` from `name` from now on.
    pub fn set(&mut self, field: Field, name: String) {
        self.0.insert(field, name);
    }
}

/// Which posts are recaps: any post with one of the tags, one of the categories, or in one of
/// the folders. Nothing given: every post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Tags (front matter `tags`).
    pub tags: Vec<String>,
    /// Categories (front matter `categories`/`category`, and folders above `_posts`).
    pub categories: Vec<String>,
    /// Folders inside `_posts`, or above it (`events/_posts`).
    pub folders: Vec<String>,
}

impl Selection {
    /// Whether every post is a recap.
    pub fn is_all(&self) -> bool {
        self.tags.is_empty() && self.categories.is_empty() && self.folders.is_empty()
    }

    /// Whether a post with these tags, categories and folders is chosen. Names match without
    /// regard to case; a folder matches by its name or by its path (`events/2024`).
    pub fn chooses(&self, tags: &[String], categories: &[String], folders: &[String]) -> bool {
        let any = |wanted: &[String], have: &[String]| {
            wanted
                .iter()
                .any(|w| have.iter().any(|h| h.eq_ignore_ascii_case(w)))
        };
        if self.is_all() || any(&self.tags, tags) || any(&self.categories, categories) {
            return true;
        }
        let joined = folders.join("/");
        self.folders.iter().any(|w| {
            let w = w.trim_matches('/');
            folders.iter().any(|h| h.eq_ignore_ascii_case(w))
                || joined.eq_ignore_ascii_case(w)
                || joined
                    .to_ascii_lowercase()
                    .starts_with(&format!("{}/", w.to_ascii_lowercase()))
        })
    }
}

/// A site's `_config.yml`, as far as Recap reads it.
#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    /// The file, when there is one.
    pub path: Option<PathBuf>,
    /// `title`.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `baseurl`, without a trailing `/`.
    pub baseurl: String,
    /// `permalink`.
    pub permalink: Option<String>,
    /// `timezone`, an IANA name.
    pub timezone: Option<String>,
    /// `future`: whether posts dated after now are published.
    pub future: Option<bool>,
    /// `recap: { keys: … }`.
    pub keys: Keys,
    /// `recap: { tags: …, categories: …, folders: … }`.
    pub selection: Selection,
}

/// What is wrong with a site's configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not YAML, or a setting has the wrong shape.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The configuration file in `site_dir`, if any.
pub fn config_file(site_dir: &Path) -> Option<PathBuf> {
    CONFIG_NAMES
        .iter()
        .map(|name| site_dir.join(name))
        .find(|p| p.is_file())
}

/// Reads the site's configuration in `site_dir`; none there gives the defaults.
pub fn read_config(site_dir: &Path) -> Result<SiteConfig, ConfigError> {
    let Some(path) = config_file(site_dir) else {
        return Ok(SiteConfig::default());
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut config = parse_config(&shown, &text)?;
    config.path = Some(path);
    Ok(config)
}

/// Parses a `_config.yml`'s text; `path` names it in errors.
pub fn parse_config(path: &str, text: &str) -> Result<SiteConfig, ConfigError> {
    let invalid = |line: usize, message: String| ConfigError::Invalid {
        path: path.to_owned(),
        line,
        message,
    };
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.starts_with(&format!("{key}:")))
            .map_or(1, |i| i + 1)
    };
    let value: Value = serde_norway::from_str(text).map_err(|err| {
        let message = err.to_string();
        let message = message
            .find(" at line ")
            .map_or(message.clone(), |at| message[..at].to_owned());
        invalid(err.location().map_or(1, |l| l.line()), message)
    })?;
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => return Ok(SiteConfig::default()),
        _ => return Err(invalid(1, "expected `key: value` lines".to_owned())),
    };
    let text_of = |key: &str| map.get(key).and_then(scalar);
    let future = match map.get("future") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) if yaml11_bool(s).is_some() => yaml11_bool(s),
        Some(_) => {
            return Err(invalid(
                line_of("future"),
                "future: expected true or false".to_owned(),
            ))
        }
    };
    let mut config = SiteConfig {
        path: None,
        title: text_of("title"),
        description: text_of("description"),
        url: text_of("url").filter(|u| !u.is_empty()),
        baseurl: text_of("baseurl")
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned(),
        permalink: text_of("permalink"),
        timezone: text_of("timezone").filter(|z| !z.is_empty()),
        future,
        keys: Keys::default(),
        selection: Selection::default(),
    };
    let recap = match map.get("recap") {
        None | Some(Value::Null) => return Ok(config),
        Some(Value::Mapping(recap)) => recap,
        Some(_) => {
            return Err(invalid(
                line_of("recap"),
                "recap: expected a section with keys, tags, categories or folders".to_owned(),
            ))
        }
    };
    let at = line_of("recap");
    for (key, value) in recap {
        let key = key.as_str().unwrap_or_default();
        let list = || -> Result<Vec<String>, ConfigError> {
            match value {
                Value::Sequence(items) => items
                    .iter()
                    .map(|item| {
                        scalar(item).ok_or_else(|| {
                            invalid(at, format!("recap.{key}: expected a list of names"))
                        })
                    })
                    .collect(),
                Value::Null => Ok(Vec::new()),
                other => scalar(other)
                    .map(|s| vec![s])
                    .ok_or_else(|| invalid(at, format!("recap.{key}: expected a list of names"))),
            }
        };
        match key {
            "tags" => config.selection.tags = list()?,
            "categories" => config.selection.categories = list()?,
            "folders" => config.selection.folders = list()?,
            "keys" => {
                let Value::Mapping(keys) = value else {
                    return Err(invalid(
                        at,
                        "recap.keys: expected FIELD: NAME lines, such as `video: youtube`"
                            .to_owned(),
                    ));
                };
                for (field, name) in keys {
                    let field_text = field.as_str().unwrap_or_default();
                    let field: Field = field_text
                        .parse()
                        .map_err(|e| invalid(at, format!("recap.keys: {e}")))?;
                    let name = scalar(name).filter(|n| !n.is_empty()).ok_or_else(|| {
                        invalid(
                            at,
                            format!("recap.keys.{field}: expected the front-matter key to read"),
                        )
                    })?;
                    config.keys.set(field, name);
                }
            }
            other => {
                return Err(invalid(
                    at,
                    format!(
                        "recap.{other}: not a setting Recap reads; the settings are keys, tags, categories and folders"
                    ),
                ))
            }
        }
    }
    Ok(config)
}

/// `yes`/`no`/`on`/`off`/`true`/`false`, as Jekyll's YAML 1.1 reads them.
pub fn yaml11_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "y" => Some(true),
        "false" | "no" | "off" | "n" => Some(false),
        _ => None,
    }
}

/// A YAML scalar as text (a string, a number or a boolean).
pub(crate) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Where a site's posts are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The folder whose `_config.yml` is read: the site's root.
    pub site_dir: PathBuf,
    /// Whether the path given was the site's root (rather than a posts folder).
    pub given_root: bool,
    /// The posts folders: `_posts`, and `CATEGORY/_posts` for Jekyll's category folders, each
    /// with the folders between the site's root and it (`["events"]`).
    pub posts: Vec<(PathBuf, Vec<String>)>,
}

/// Whether `dir` looks like a site's root: it has a `_config.yml`/`_config.yaml` or a `_posts`
/// folder.
pub fn is_site_root(dir: &Path) -> bool {
    config_file(dir).is_some() || dir.join("_posts").is_dir()
}

/// Finds the posts of `path`: a site's root (its `_posts` folders are found) or a posts folder
/// (whose parent is the site's root).
pub fn locate(path: &Path) -> Located {
    if is_site_root(path) && path.file_name().is_none_or(|n| n != "_posts") {
        let mut posts = Vec::new();
        find_posts(path, &mut Vec::new(), &mut posts);
        posts.sort();
        return Located {
            site_dir: path.to_owned(),
            given_root: true,
            posts,
        };
    }
    let site_dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Located {
        site_dir,
        given_root: false,
        posts: vec![(path.to_owned(), Vec::new())],
    }
}

/// The `_posts` folders under a site's root, as Jekyll reads them: in the root and in folders
/// not starting with `_` or `.` (a few levels deep; not `node_modules` or `vendor`).
fn find_posts(dir: &Path, above: &mut Vec<String>, out: &mut Vec<(PathBuf, Vec<String>)>) {
    let posts = dir.join("_posts");
    if posts.is_dir() {
        out.push((posts, above.clone()));
    }
    if above.len() >= 3 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut inner: Vec<(PathBuf, String)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            let skip = name.starts_with(['_', '.'])
                || matches!(name.as_str(), "node_modules" | "vendor" | "target");
            (!skip && e.path().is_dir()).then(|| (e.path(), name))
        })
        .collect();
    inner.sort();
    for (path, name) in inner {
        above.push(name);
        find_posts(&path, above, out);
        above.pop();
    }
}

/// The site root of one post file: the folder above the `_posts` it is in, else its own folder's
/// parent.
pub fn site_of_post(path: &Path) -> PathBuf {
    let parent = path.parent().unwrap_or(Path::new("."));
    parent
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "_posts"))
        .and_then(Path::parent)
        .or_else(|| parent.parent())
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_settings_and_the_recap_section() {
        let config = parse_config(
            "_config.yml",
            "title: Riverbend\nurl: https://riverbend.example/\nbaseurl: /meet/\ntimezone: Europe/London\nfuture: true\nrecap:\n  keys: { video: youtube }\n  tags: recap\n  folders: [meetups]\n",
        )
        .unwrap();
        assert_eq!(config.title.as_deref(), Some("Riverbend"));
        assert_eq!(config.baseurl, "/meet");
        assert_eq!(config.timezone.as_deref(), Some("Europe/London"));
        assert_eq!(config.future, Some(true));
        assert_eq!(config.keys.of(Field::Video), "youtube");
        assert_eq!(config.keys.of(Field::Location), "location");
        assert_eq!(config.selection.tags, ["recap"]);
        assert_eq!(config.selection.folders, ["meetups"]);
    }

    #[test]
    fn an_unknown_field_names_the_valid_ones() {
        let err = parse_config("_config.yml", "recap:\n  keys:\n    recording: youtube\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("_config.yml:1: recap.keys:"), "{err}");
        assert!(err.contains("title, date, slug"), "{err}");
        let err = parse_key("vidoe=youtube").unwrap_err();
        assert!(err.contains("video, location"), "{err}");
        assert_eq!(
            parse_key("video=youtube"),
            Ok((Field::Video, "youtube".into()))
        );
    }

    #[test]
    fn selection_by_tag_category_or_folder() {
        let s = |t: &[&str], c: &[&str], f: &[&str]| Selection {
            tags: t.iter().map(|x| x.to_string()).collect(),
            categories: c.iter().map(|x| x.to_string()).collect(),
            folders: f.iter().map(|x| x.to_string()).collect(),
        };
        let v = |x: &[&str]| x.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(s(&[], &[], &[]).chooses(&[], &[], &[]));
        assert!(s(&["recap"], &[], &[]).chooses(&v(&["Recap"]), &[], &[]));
        assert!(!s(&["recap"], &[], &[]).chooses(&v(&["podcast"]), &[], &[]));
        assert!(s(&[], &["events"], &[]).chooses(&[], &v(&["events"]), &[]));
        assert!(s(&[], &[], &["meetups"]).chooses(&[], &[], &v(&["meetups", "2024"])));
        assert!(s(&[], &[], &["meetups/2024"]).chooses(&[], &[], &v(&["meetups", "2024"])));
        assert!(!s(&[], &[], &["2025"]).chooses(&[], &[], &v(&["meetups", "2024"])));
    }
}
