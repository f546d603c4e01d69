//! Reading one Jekyll post: file name, YAML front matter, Liquid, Markdown.

use std::path::Path;

use recap_core::Talk;
use serde_norway::Value;

use crate::config::{scalar, Field, Keys};
use crate::talks::{front_matter_talks, FrontMatterTalks};

/// What goes wrong reading a post. Every variant names the file; YAML errors name the line.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    /// The file could not be read (permissions, or it is not a file).
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}: not UTF-8 text (save the post as UTF-8)")]
    NotUtf8 {
        /// The file.
        path: String,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
    },
    /// A folder inside the posts folder could not be listed; its posts are left out.
    #[error("{path}: cannot read the folder: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A symbolic link that leads to a folder already being read: following it would never end.
    #[error("{path}: a symbolic link loop (it leads back to {target}); not followed")]
    Loop {
        /// The link.
        path: String,
        /// The folder it leads back to.
        target: String,
    },
    /// A symbolic link, named like a post, that leads nowhere (to nothing, or to itself).
    #[error("{path}: a symbolic link to {target}, which cannot be followed: {source}")]
    BrokenLink {
        /// The link.
        path: String,
        /// Where it points.
        target: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file name is not `YYYY-MM-DD-slug.md`.
    #[error("{path}: not a post file name (expected YYYY-MM-DD-slug.md)")]
    Name {
        /// The file.
        path: String,
    },
    /// The file has no front matter between `---` lines.
    #[error("{path}:1: no front matter (a post starts with a line `---`)")]
    NoFrontMatter {
        /// The file.
        path: String,
    },
    /// The front matter is not valid YAML, or not a mapping.
    #[error("{path}:{line}: front matter: {message}")]
    Yaml {
        /// The file.
        path: String,
        /// 1-based line in the file.
        line: usize,
        /// What the YAML parser said.
        message: String,
    },
}

impl PostError {
    /// Where: `path` or `path:line`.
    pub fn place(&self) -> String {
        match self {
            PostError::Read { path, .. }
            | PostError::Name { path }
            | PostError::Folder { path, .. }
            | PostError::Loop { path, .. }
            | PostError::BrokenLink { path, .. } => path.clone(),
            PostError::NoFrontMatter { path } => format!("{path}:1"),
            PostError::Yaml { path, line, .. } | PostError::NotUtf8 { path, line } => {
                format!("{path}:{line}")
            }
        }
    }

    /// The file.
    pub fn path(&self) -> &str {
        match self {
            PostError::Read { path, .. }
            | PostError::NotUtf8 { path, .. }
            | PostError::Folder { path, .. }
            | PostError::Loop { path, .. }
            | PostError::BrokenLink { path, .. }
            | PostError::Name { path }
            | PostError::NoFrontMatter { path }
            | PostError::Yaml { path, .. } => path,
        }
    }

    /// What, without the place.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let place = self.place();
        full.strip_prefix(&place)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&full)
            .to_owned()
    }
}

/// An entry of a post's `talks:` list that cannot be read. The post is kept: without that talk,
/// or, when `talks:` is not a list at all, with the talks extracted from its body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: front matter: {message}; {}", if *.list_unread { "the talks are extracted from the post instead" } else { "that talk is left out" })]
pub struct TalkError {
    /// The file.
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong, naming the entry: `talks[1].start: …`.
    pub message: String,
    /// Whether the whole list could not be read (rather than one entry).
    pub list_unread: bool,
}

impl TalkError {
    /// Where: `path:line`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.path, self.line)
    }

    /// What, without the place.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        full.strip_prefix(&format!("{}: ", self.place()))
            .unwrap_or(&full)
            .to_owned()
    }
}

/// Site settings that posts are rendered with (from `_config.yml` and the command line).
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// `site.url`, such as `https://example.org`.
    pub url: String,
    /// `site.baseurl`, such as `/blog`.
    pub baseurl: String,
    /// The permalink style: `date`, `pretty`, `none`, `ordinal` or a template.
    pub permalink: String,
    /// The site's time zone (`timezone`): dates written without an offset are in it, and a
    /// post's day is its day there. None: UTC.
    pub timezone: Option<jiff::tz::TimeZone>,
    /// Which front-matter key each field is read from.
    pub keys: Keys,
}

/// A post, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    /// `YYYY-MM-DD-slug`: the post's day and slug.
    pub id: String,
    /// `YYYY-MM-DD`: the front matter's `date` in the site's time zone, else the file name's.
    pub date: String,
    /// The RFC 3339 publication time.
    pub published: String,
    /// Front matter `published: false`: the post is a draft, left out of the feed.
    pub unpublished: bool,
    /// Front matter `slug`, else the slug from the file name.
    pub slug: String,
    /// Front matter `title`.
    pub title: Option<String>,
    /// Front matter `description`.
    pub description: Option<String>,
    /// Front matter `location`.
    pub location: Option<String>,
    /// Front matter `image`, Liquid resolved.
    pub image: Option<String>,
    /// Front matter `video`.
    pub video: Option<String>,
    /// Front matter `tags` (a list, or a space-separated string).
    pub tags: Vec<String>,
    /// Front matter `categories` (or `category`).
    pub categories: Vec<String>,
    /// Front matter `permalink`.
    pub permalink: Option<String>,
    /// Front matter `talks`: the organiser's own list, which replaces extraction.
    pub talks: Option<Vec<Talk>>,
    /// The entries of `talks` that could not be read, and were left out.
    pub talk_errors: Vec<TalkError>,
    /// The Markdown body, Liquid resolved.
    pub body: String,
}

/// Reads and parses a post file.
pub fn read_post(path: &Path, site: &Site) -> Result<Post, PostError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PostError::Read {
        path: shown.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|err| PostError::NotUtf8 {
        line: 1 + err.as_bytes()[..err.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        path: shown.clone(),
    })?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    parse_post(&shown, stem, &text, site)
}

/// Parses a post's text; `name` is the file name without extension.
pub fn parse_post(path: &str, name: &str, text: &str, site: &Site) -> Result<Post, PostError> {
    let (date, slug) = split_name(name).ok_or_else(|| PostError::Name {
        path: path.to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml, body) = split_front_matter(text).ok_or_else(|| PostError::NoFrontMatter {
        path: path.to_owned(),
    })?;
    let value: Value = serde_norway::from_str(yaml).map_err(|err| PostError::Yaml {
        path: path.to_owned(),
        // The front matter starts on the file's second line.
        line: err.location().map_or(1, |l| l.line() + 1),
        message: strip_location(&err.to_string()),
    })?;
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => Default::default(),
        _ => {
            return Err(PostError::Yaml {
                path: path.to_owned(),
                line: 2,
                message: "expected `key: value` lines".to_owned(),
            })
        }
    };
    let keys = &site.keys;
    let field = |field: Field| {
        map.get(keys.of(field))
            .and_then(scalar)
            .map(|s| liquid(&s, site))
    };
    let list = |key: &str| match map.get(key) {
        Some(Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other)
            .map(|s| s.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let date_key = keys.of(Field::Date);
    let (date, published) = match field(Field::Date) {
        Some(written) => match front_matter_date_in(&written, site.timezone.as_ref()) {
            Some((day, rfc3339)) => (day, rfc3339),
            None => {
                return Err(PostError::Yaml {
                    path: path.to_owned(),
                    line: line_of(yaml, &format!("{date_key}:")) + 1,
                    message: format!(
                    "{date_key} {written:?} is not a date like 2023-05-03 or 2023-05-03 18:30:00 +0100"
                ),
                })
            }
        },
        None => front_matter_date_in(date, site.timezone.as_ref())
            .unwrap_or_else(|| (date.to_owned(), format!("{date}T00:00:00Z"))),
    };
    let talks_key = keys.of(Field::Talks);
    let own = if map.contains_key(talks_key) {
        if talks_key == "talks" {
            front_matter_talks(yaml)
        } else {
            front_matter_talks(&renamed_key(yaml, talks_key, "talks"))
        }
    } else {
        FrontMatterTalks::default()
    };
    let talk_errors = own
        .errors
        .into_iter()
        .map(|err| TalkError {
            path: path.to_owned(),
            // The front matter starts on the file's second line.
            line: err.line + 1,
            message: match err.message.strip_prefix("talks") {
                Some(rest) if talks_key != "talks" => format!("{talks_key}{rest}"),
                _ => err.message,
            },
            list_unread: own.talks.is_none(),
        })
        .collect();
    let mut categories = list(keys.of(Field::Categories));
    if !keys.renamed(Field::Categories) {
        categories.extend(list("category"));
    }
    let slug = field(Field::Slug)
        .map(|s| safe_segment(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slug.to_owned());
    let unpublished = match map.get(keys.of(Field::Published)) {
        Some(Value::Bool(b)) => !b,
        Some(Value::String(s)) => crate::config::yaml11_bool(s) == Some(false),
        _ => false,
    };
    let video = field(Field::Video).map(|v| {
        // A site with its own key for the recording often keeps only the YouTube video's id.
        if keys.renamed(Field::Video) && is_youtube_id(&v) {
            format!("https://www.youtube.com/watch?v={v}")
        } else {
            v
        }
    });
    Ok(Post {
        id: format!("{date}-{slug}"),
        date,
        published,
        unpublished,
        slug,
        title: field(Field::Title),
        description: field(Field::Description),
        location: field(Field::Location),
        image: field(Field::Image),
        video,
        tags: list(keys.of(Field::Tags)),
        categories,
        permalink: map
            .get("permalink")
            .and_then(scalar)
            .map(|s| liquid(&s, site)),
        talks: own.talks,
        talk_errors,
        body: liquid(body, site),
    })
}

/// The front matter with its top-level key `from` read as `to` (and a `to` of its own set
/// aside), line for line, so that errors keep their lines.
fn renamed_key(yaml: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 16);
    for line in yaml.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(from).filter(|r| r.starts_with(':')) {
            out.push_str(to);
            out.push_str(rest);
        } else if let Some(rest) = line.strip_prefix(to).filter(|r| r.starts_with(':')) {
            out.push_str("recap_unread_");
            out.push_str(to);
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A YouTube video id: eleven of `A-Z a-z 0-9 - _`.
fn is_youtube_id(text: &str) -> bool {
    text.len() == 11
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A front-matter slug as one path segment: `/`, `\\`, spaces and controls become `-`.
fn safe_segment(slug: &str) -> String {
    slug.trim()
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim_matches(['-', '.'])
        .to_owned()
}

/// `2023-05-03-slug` → (`2023-05-03`, `slug`).
fn split_name(name: &str) -> Option<(&str, &str)> {
    let date = name.get(..10)?;
    let slug = name.get(10..)?.strip_prefix('-')?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    (shape && !slug.is_empty()).then_some((date, slug))
}

/// Splits `---\nyaml\n---\nbody`.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

fn line_of(yaml: &str, key: &str) -> usize {
    yaml.lines()
        .position(|l| l.starts_with(key))
        .map_or(1, |i| i + 1)
}

fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Front matter `date`: `2023-05-03`, `2023-05-03 18:30`, `2023-05-03 18:30:00 +0100`,
/// `2023-05-03T18:30:00Z` → (`2023-05-03`, RFC 3339); without an offset, in UTC.
#[cfg(test)]
fn front_matter_date(written: &str) -> Option<(String, String)> {
    front_matter_date_in(written, None)
}

/// Front matter `date` read in a site's time zone: a date or time written without an offset is
/// in the zone, and the day is the day there.
pub fn front_matter_date_in(
    written: &str,
    zone: Option<&jiff::tz::TimeZone>,
) -> Option<(String, String)> {
    let (day, rfc3339, offset_written) = front_matter_date_utc(written)?;
    let Some(zone) = zone else {
        return Some((day, rfc3339));
    };
    if offset_written {
        let instant: jiff::Timestamp = rfc3339.parse().ok()?;
        let local = zone.to_datetime(instant).date();
        return Some((local.to_string(), rfc3339));
    }
    // `…Z` as written without an offset: the same wall-clock time, in the zone.
    let civil = rfc3339.strip_suffix('Z')?;
    let datetime: jiff::civil::DateTime = civil.parse().ok()?;
    let instant = zone.to_timestamp(datetime).ok()?;
    let seconds = zone.to_offset(instant).seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    let rfc3339 = format!("{civil}{sign}{:02}:{:02}", minutes / 60, minutes % 60);
    recap_core::Timestamp::parse(&rfc3339).ok()?;
    Some((day, rfc3339))
}

/// (day, RFC 3339 with `Z` when no offset was written, whether an offset was written).
fn front_matter_date_utc(written: &str) -> Option<(String, String, bool)> {
    let written = written.trim();
    let day = written.get(..10)?;
    split_name(&format!("{day}-x"))?;
    let rest = written[10..].trim_start_matches(['T', ' ']);
    if rest.is_empty() {
        let rfc3339 = format!("{day}T00:00:00Z");
        recap_core::Timestamp::parse(&rfc3339).ok()?;
        return Some((day.to_owned(), rfc3339, false));
    }
    let (time, zone) = rest
        .split_once(' ')
        .map_or((rest, ""), |(t, z)| (t, z.trim()));
    let (time, zone) = match time
        .find(['Z', 'z', '+'])
        .or_else(|| time.get(1..).and_then(|t| t.find('-').map(|i| i + 1)))
    {
        Some(i) if zone.is_empty() => (&time[..i], &time[i..]),
        _ => (time, zone),
    };
    let time = match time.len() {
        5 => format!("{time}:00"),
        _ => time.to_owned(),
    };
    let offset_written = !zone.is_empty();
    let zone = match zone {
        "" | "Z" | "z" | "UTC" => "Z".to_owned(),
        z if z.len() == 5 && !z.contains(':') => format!("{}:{}", &z[..3], &z[3..]),
        z => z.to_owned(),
    };
    let rfc3339 = format!("{day}T{time}{zone}");
    recap_core::Timestamp::parse(&rfc3339).ok()?;
    Some((day.to_owned(), rfc3339, offset_written))
}

/// Resolves `{{ site.baseurl }}` and `{{ site.url }}`; drops every other Liquid tag and output.
pub fn liquid(text: &str, site: &Site) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [rest.find("{{"), rest.find("{%")]
            .into_iter()
            .flatten()
            .min();
        let Some(open) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..open]);
        let is_output = rest[open..].starts_with("{{");
        let close = if is_output { "}}" } else { "%}" };
        let Some(len) = rest[open + 2..].find(close) else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = rest[open + 2..open + 2 + len]
            .trim_matches(['-', ' '])
            .trim();
        if is_output {
            match inner.split('|').next().map(str::trim) {
                Some("site.baseurl") => out.push_str(&site.baseurl),
                Some("site.url") => out.push_str(&site.url),
                _ => {}
            }
        }
        rest = &rest[open + 2 + len + 2..];
    }
}

/// The post's URL path under the site, from its permalink style.
pub fn permalink(post: &Post, style: &str) -> String {
    if let Some(own) = &post.permalink {
        return own.clone();
    }
    let template = match style {
        "" | "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        template => template,
    };
    let (year, month, day) = (&post.date[..4], &post.date[5..7], &post.date[8..10]);
    let categories = post.categories.join("/");
    let path = template
        .replace(":categories", &categories)
        .replace(":year", year)
        .replace(":month", month)
        .replace(":day", day)
        .replace(":title", &post.slug)
        .replace(":output_ext", ".html");
    let mut clean = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && clean.ends_with('/')) {
            clean.push(c);
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            url: "https://meet.example".into(),
            baseurl: "/blog".into(),
            ..Site::default()
        }
    }

    #[test]
    fn reads_front_matter_and_body() {
        let post = parse_post(
            "p.md",
            "2023-05-03-may-meetup",
            "---\ntitle: \"May: the one\"\nlocation: London, UK\nimage: \"{{ site.baseurl }}/i.jpeg\"\ntags:\n  - Meetup\n  - 2023\n---\nHello {{ site.url }}{% include x.html %}!\n",
            &site(),
        )
        .unwrap();
        assert_eq!(post.title.as_deref(), Some("May: the one"));
        assert_eq!(post.image.as_deref(), Some("/blog/i.jpeg"));
        assert_eq!(post.tags, ["Meetup", "2023"]);
        assert_eq!(post.body, "Hello https://meet.example!\n");
        assert_eq!(post.published, "2023-05-03T00:00:00Z");
        assert_eq!(permalink(&post, "pretty"), "/2023/05/03/may-meetup/");
        assert_eq!(permalink(&post, "date"), "/2023/05/03/may-meetup.html");
    }

    #[test]
    fn broken_yaml_names_the_file_line() {
        let err = parse_post(
            "_posts/x.md",
            "2023-05-03-x",
            "---\ntitle: ok\nlocation: [unclosed\nvideo: x\n---\nbody",
            &site(),
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("_posts/x.md:"), "{message}");
        assert!(
            matches!(err, PostError::Yaml { line, .. } if (3..=5).contains(&line)),
            "{message}"
        );
    }

    #[test]
    fn talks_in_front_matter_replace_nothing_else() {
        let post = parse_post(
            "p.md",
            "2023-05-03-may",
            "---\ntitle: May\ntalks:\n  - title: Calm in a Crisis\n    start: \"41:07\"\nlocation: Leeds\n---\nBody\n",
            &site(),
        )
        .unwrap();
        let talks = post.talks.unwrap();
        assert_eq!(talks[0].title.as_deref(), Some("Calm in a Crisis"));
        assert_eq!(talks[0].start, Some(2467));
        assert_eq!(post.location.as_deref(), Some("Leeds"));
        assert_eq!(post.body, "Body\n");
        let without = parse_post("p.md", "2023-05-03-may", "---\ntitle: May\n---\n", &site());
        assert_eq!(without.unwrap().talks, None);
    }

    #[test]
    fn a_bad_talk_is_left_out_with_its_file_line_and_the_rest_is_kept() {
        let post = parse_post(
            "_posts/2023-05-03-may.md",
            "2023-05-03-may",
            "---\ntitle: May\ntalks:\n  - title: A\n  - title: B\n    start: soon\n  - title: C\n    speaker: Dana\n  - title: D\nlocation: Leeds\n---\nBody\n",
            &site(),
        )
        .unwrap();
        let titles: Vec<_> = post
            .talks
            .unwrap()
            .into_iter()
            .map(|t| t.title.unwrap())
            .collect();
        assert_eq!(titles, ["A", "D"]);
        assert_eq!(post.location.as_deref(), Some("Leeds"));
        assert_eq!(post.body, "Body\n");
        let errors: Vec<String> = post.talk_errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with(
                "_posts/2023-05-03-may.md:6: front matter: talks[1].start: invalid value: string \"soon\""
            ),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].ends_with("; that talk is left out"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with(
                "_posts/2023-05-03-may.md:8: front matter: talks[2]: unknown field `speaker`"
            ),
            "{}",
            errors[1]
        );
        assert_eq!(post.talk_errors[1].place(), "_posts/2023-05-03-may.md:8");
    }

    #[test]
    fn talks_that_are_not_a_list_leave_extraction_in_place() {
        let post = parse_post(
            "p.md",
            "2023-05-03-may",
            "---\ntitle: May\ntalks: Dana Ruiz on queues\n---\nBody\n",
            &site(),
        )
        .unwrap();
        assert_eq!(post.talks, None);
        assert_eq!(
            post.talk_errors[0].reason(),
            "front matter: talks: invalid type: string \"Dana Ruiz on queues\", expected a list of talks (`talks: []` for none); the talks are extracted from the post instead"
        );
        assert_eq!(post.talk_errors[0].line, 3);
    }

    #[test]
    fn dates_in_front_matter() {
        assert_eq!(
            front_matter_date("2023-05-03 18:30:00 +0100"),
            Some(("2023-05-03".into(), "2023-05-03T18:30:00+01:00".into()))
        );
        assert_eq!(
            front_matter_date("2023-05-03 18:30").map(|d| d.1),
            Some("2023-05-03T18:30:00Z".into())
        );
        assert_eq!(
            front_matter_date("2023-05-03T18:30:00-05:00").map(|d| d.1),
            Some("2023-05-03T18:30:00-05:00".into())
        );
        assert_eq!(front_matter_date("May 3rd"), None);
        assert_eq!(front_matter_date("2023-02-30"), None);
    }

    #[test]
    fn dates_without_an_offset_are_in_the_sites_time_zone() {
        let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
        let in_london = |written: &str| front_matter_date_in(written, Some(&london));
        assert_eq!(
            in_london("2024-07-10"),
            Some(("2024-07-10".into(), "2024-07-10T00:00:00+01:00".into()))
        );
        assert_eq!(
            in_london("2024-01-10 18:30").map(|d| d.1),
            Some("2024-01-10T18:30:00+00:00".into())
        );
        // Written with an offset: kept, and the day is London's.
        assert_eq!(
            in_london("2024-07-10 23:30:00 -0500"),
            Some(("2024-07-11".into(), "2024-07-10T23:30:00-05:00".into()))
        );
        let post = parse_post(
            "p.md",
            "2024-07-10-july",
            "---\ntitle: July\nslug: summer/social\n---\n",
            &Site {
                timezone: Some(london),
                ..site()
            },
        )
        .unwrap();
        assert_eq!(post.id, "2024-07-10-summer-social");
        assert_eq!(post.published, "2024-07-10T00:00:00+01:00");
    }

    #[test]
    fn a_sites_own_keys_are_read_and_drafts_are_marked() {
        let mut keys = Keys::default();
        keys.set(Field::Video, "youtube".into());
        keys.set(Field::Talks, "sessions".into());
        let site = Site { keys, ..site() };
        let post = parse_post(
            "p.md",
            "2024-03-06-march",
            "---\ntitle: March\nyoutube: AbCdEfGhIjK\npublished: false\ncategory: events\nsessions:\n  - title: A\n    start: soon\ntalks: not read\n---\n",
            &site,
        )
        .unwrap();
        assert_eq!(
            post.video.as_deref(),
            Some("https://www.youtube.com/watch?v=AbCdEfGhIjK")
        );
        assert!(post.unpublished);
        assert_eq!(post.categories, ["events"]);
        assert_eq!(post.talks, Some(vec![]));
        assert_eq!(post.talk_errors[0].line, 8);
        assert!(
            post.talk_errors[0]
                .message
                .starts_with("sessions[0].start:"),
            "{}",
            post.talk_errors[0].message
        );
    }

    #[test]
    fn names_and_front_matter_are_required() {
        assert!(matches!(
            parse_post("a.md", "notes", "---\n---\n", &site()),
            Err(PostError::Name { .. })
        ));
        assert!(matches!(
            parse_post("a.md", "2023-01-01-a", "no front matter", &site()),
            Err(PostError::NoFrontMatter { .. })
        ));
    }
}
