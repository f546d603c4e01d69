//! Recognising video links: YouTube, Vimeo and media files.
//!
//! A small hand-written URL splitter, not a URL parser: it accepts `http`/`https` URLs (scheme
//! and host case-insensitive, port ignored, no `user@`) and scheme-less YouTube and Vimeo URLs
//! (`youtu.be/ID`), and tolerates what leaks from Markdown prose and HTML: surrounding
//! whitespace, a trailing `)`, `.` or `,`, and `&amp;` between query parameters.

use crate::time::parse_time_param;
use crate::url::raw_param;

/// Where a video lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoHost {
    /// youtube.com, youtu.be, youtube-nocookie.com.
    YouTube,
    /// vimeo.com, player.vimeo.com.
    Vimeo,
    /// A media file (`.mp4`, `.webm`, ...) played by the browser itself.
    File,
}

/// A recognised video link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoLink {
    /// The host.
    pub host: VideoHost,
    /// YouTube: the 11-character id; Vimeo: the numeric id; File: the whole URL without fragment.
    pub id: String,
    /// The start time the link names, in seconds.
    pub start: Option<u32>,
}

impl VideoLink {
    /// The canonical URL of the event video: YouTube `https://www.youtube.com/embed/ID`, Vimeo
    /// `https://player.vimeo.com/video/ID`, File the URL without fragment.
    pub fn embed_url(&self) -> String {
        match self.host {
            VideoHost::YouTube => format!("https://www.youtube.com/embed/{}", self.id),
            VideoHost::Vimeo => format!("https://player.vimeo.com/video/{}", self.id),
            VideoHost::File => self.id.clone(),
        }
    }

    /// A link that opens the video at `seconds` on the host's own site: YouTube
    /// `https://www.youtube.com/watch?v=ID&t=183s`, Vimeo `https://vimeo.com/ID#t=183s`,
    /// File `URL#t=183`.
    pub fn url_at(&self, seconds: u32) -> String {
        match self.host {
            VideoHost::YouTube => {
                format!("https://www.youtube.com/watch?v={}&t={seconds}s", self.id)
            }
            VideoHost::Vimeo => format!("https://vimeo.com/{}#t={seconds}s", self.id),
            VideoHost::File => format!("{}#t={seconds}", self.id),
        }
    }
}

/// Normalises an event video URL from front matter: `Some(`[`VideoLink::embed_url`]`)` when
/// [`parse_video_url`] recognises it, else `None`. Repairs the malformed
/// `https://www.youtube.com/embed/v=ID`.
pub fn normalize_event_video(url: &str) -> Option<String> {
    parse_video_url(url).map(|link| link.embed_url())
}

/// Recognises a YouTube, Vimeo or media-file URL, with the start time it names.
///
/// - YouTube (`youtube.com`, `www.`/`m.youtube.com`, `youtu.be`, `[www.]youtube-nocookie.com`):
///   `/watch?v=ID`, `/embed/ID` (also the malformed `/embed/v=ID`), `/live/ID`, `/shorts/ID`,
///   `/v/ID`, `youtu.be/ID`; the id is 11 chars of `[A-Za-z0-9_-]`.
/// - Vimeo: `vimeo.com/ID`, `vimeo.com/channels/NAME/ID`, `vimeo.com/showcase/X/video/ID`,
///   `player.vimeo.com/video/ID`; the id is 1 to 12 digits.
/// - File: an `http(s)` URL whose path ends with `.mp4`, `.webm`, `.ogg`, `.ogv`, `.mov` or
///   `.m4v` (any case).
///
/// The start comes from `t=` or `start=` in the query, else `t=` in the fragment (the media
/// fragment `#t=10,20` gives 10); for files only from the fragment. Anything else is `None`.
pub fn parse_video_url(url: &str) -> Option<VideoLink> {
    let parts = split_url(url)?;
    let (host, id) = match parts.host.as_str() {
        "youtube.com"
        | "www.youtube.com"
        | "m.youtube.com"
        | "youtube-nocookie.com"
        | "www.youtube-nocookie.com" => (VideoHost::YouTube, youtube_path_id(&parts)?),
        "youtu.be" => match segments(parts.path).as_slice() {
            [id] => (VideoHost::YouTube, youtube_id(id)?),
            _ => return None,
        },
        "vimeo.com" | "www.vimeo.com" | "player.vimeo.com" => (VideoHost::Vimeo, vimeo_id(&parts)?),
        _ if parts.has_scheme && is_media_path(parts.path) => {
            return Some(VideoLink {
                host: VideoHost::File,
                id: parts.without_fragment.to_owned(),
                start: fragment_start(parts.fragment),
            });
        }
        _ => return None,
    };
    Some(VideoLink {
        host,
        id: id.to_owned(),
        start: query_start(parts.query).or_else(|| fragment_start(parts.fragment)),
    })
}

/// The pieces of a URL this module looks at.
struct Parts<'a> {
    /// Whether it began with `http://` or `https://`.
    has_scheme: bool,
    /// The host, lowercased, without port.
    host: String,
    /// The path after the host's `/` (without it), before `?` and `#`.
    path: &'a str,
    /// The query after `?`, before `#`.
    query: &'a str,
    /// The fragment after `#`.
    fragment: &'a str,
    /// The cleaned URL up to its fragment.
    without_fragment: &'a str,
}

/// Splits a URL; `None` for other schemes, `user@` hosts, bad hosts or ports, and inner
/// whitespace or control characters.
fn split_url(url: &str) -> Option<Parts<'_>> {
    let url = url.trim().trim_end_matches([')', '.', ',']);
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (has_scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return None;
            }
            (true, rest)
        }
        _ => (false, url),
    };
    let (before_fragment, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let without_fragment = url.split('#').next().unwrap_or(url);
    let (host_path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let (authority, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !host_ok || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Parts {
        has_scheme,
        host: host.to_ascii_lowercase(),
        path,
        query,
        fragment,
        without_fragment,
    })
}

/// Whether `text` has the shape of a URL scheme (`https`, `javascript`, `svn+ssh`).
fn is_scheme(text: &str) -> bool {
    text.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// The non-empty `/`-separated segments of a path.
fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The start named by `t=` or else `start=` in a query.
fn query_start(query: &str) -> Option<u32> {
    raw_param(query, "t")
        .and_then(parse_time_param)
        .or_else(|| raw_param(query, "start").and_then(parse_time_param))
}

/// The start named by a media fragment `t=10`, `t=10,20`, `t=npt:10` or `t=1m5s`.
fn fragment_start(fragment: &str) -> Option<u32> {
    let value = raw_param(fragment, "t")?;
    let value = value.strip_prefix("npt:").unwrap_or(value);
    parse_time_param(value.split(',').next().unwrap_or_default())
}

/// The video id in a YouTube path (not youtu.be): `/watch?v=ID`, `/embed/ID`, `/embed/v=ID`,
/// `/live/ID`, `/shorts/ID`, `/v/ID`.
fn youtube_path_id<'a>(parts: &Parts<'a>) -> Option<&'a str> {
    match segments(parts.path).as_slice() {
        ["watch"] => youtube_id(raw_param(parts.query, "v")?),
        ["embed" | "live" | "shorts" | "v", id] => {
            let id = id.strip_prefix("v=").unwrap_or(id);
            // `/embed/videoseries?list=` and `/embed/live_stream?channel=` are not videos.
            if matches!(id, "videoseries" | "live_stream") {
                return None;
            }
            youtube_id(id)
        }
        _ => None,
    }
}

/// `id` when it is a YouTube video id: exactly 11 chars of `[A-Za-z0-9_-]`.
fn youtube_id(id: &str) -> Option<&str> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    valid.then_some(id)
}

/// The numeric id in a Vimeo path.
fn vimeo_id<'a>(parts: &Parts<'a>) -> Option<&'a str> {
    let segments = segments(parts.path);
    let id = match (parts.host.as_str(), segments.as_slice()) {
        ("player.vimeo.com", ["video", id]) => *id,
        ("player.vimeo.com", _) => return None,
        (_, [id] | ["channels", _, id] | ["showcase", _, "video", id]) => *id,
        _ => return None,
    };
    let valid = (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    valid.then_some(id)
}

/// Whether a path names a media file the browser plays itself.
fn is_media_path(path: &str) -> bool {
    let Some(last) = path.rsplit('/').next() else {
        return false;
    };
    let last = last.to_ascii_lowercase();
    [".mp4", ".webm", ".ogg", ".ogv", ".mov", ".m4v"]
        .iter()
        .any(|ext| last.len() > ext.len() && last.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "Ab3_dE-fGh1";

    /// The YouTube id and start of `url`, when it is a YouTube link.
    fn yt(url: &str) -> Option<(String, Option<u32>)> {
        parse_video_url(url)
            .filter(|l| l.host == VideoHost::YouTube)
            .map(|l| (l.id, l.start))
    }

    /// The Vimeo id and start of `url`, when it is a Vimeo link.
    fn vimeo(url: &str) -> Option<(String, Option<u32>)> {
        parse_video_url(url)
            .filter(|l| l.host == VideoHost::Vimeo)
            .map(|l| (l.id, l.start))
    }

    /// The URL and start of `url`, when it is a media file.
    fn file(url: &str) -> Option<(String, Option<u32>)> {
        parse_video_url(url)
            .filter(|l| l.host == VideoHost::File)
            .map(|l| (l.id, l.start))
    }

    fn expect_yt(cases: &[(&str, Option<u32>)]) {
        for (url, start) in cases {
            assert_eq!(yt(url), Some((ID.to_owned(), *start)), "{url}");
        }
    }

    #[test]
    fn youtube_watch() {
        expect_yt(&[
            ("https://www.youtube.com/watch?v=Ab3_dE-fGh1", None),
            ("https://youtube.com/watch?v=Ab3_dE-fGh1", None),
            ("https://m.youtube.com/watch?v=Ab3_dE-fGh1", None),
            ("https://www.youtube.com/watch/?v=Ab3_dE-fGh1", None),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=183",
                Some(183),
            ),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=183s",
                Some(183),
            ),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=1h2m3s",
                Some(3723),
            ),
            (
                "https://www.youtube.com/watch?feature=share&v=Ab3_dE-fGh1&t=183",
                Some(183),
            ),
            (
                "https://www.youtube.com/watch?list=PLx&index=2&v=Ab3_dE-fGh1&ab_channel=Meetup",
                None,
            ),
            ("https://www.youtube.com/watch?t=5&v=Ab3_dE-fGh1", Some(5)),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1#t=1m40s",
                Some(100),
            ),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&start=60",
                Some(60),
            ),
        ]);
    }

    #[test]
    fn youtube_paths() {
        expect_yt(&[
            ("https://www.youtube.com/embed/Ab3_dE-fGh1", None),
            ("https://www.youtube.com/embed/Ab3_dE-fGh1/", None),
            (
                "https://www.youtube.com/embed/Ab3_dE-fGh1?start=60",
                Some(60),
            ),
            (
                "https://www.youtube.com/embed/Ab3_dE-fGh1?start=60&end=90",
                Some(60),
            ),
            ("https://www.youtube.com/embed/v=Ab3_dE-fGh1", None),
            ("https://www.youtube.com/embed/v=Ab3_dE-fGh1?t=42", Some(42)),
            (
                "https://www.youtube.com/live/Ab3_dE-fGh1?feature=share&t=4075",
                Some(4075),
            ),
            ("https://www.youtube.com/live/Ab3_dE-fGh1?si=zZ9-yY8", None),
            ("https://www.youtube.com/shorts/Ab3_dE-fGh1", None),
            ("https://youtube.com/shorts/Ab3_dE-fGh1?feature=share", None),
            ("https://www.youtube.com/v/Ab3_dE-fGh1", None),
            ("https://www.youtube-nocookie.com/embed/Ab3_dE-fGh1", None),
            (
                "https://youtube-nocookie.com/embed/Ab3_dE-fGh1?start=7",
                Some(7),
            ),
        ]);
    }

    #[test]
    fn youtu_be() {
        expect_yt(&[
            ("https://youtu.be/Ab3_dE-fGh1", None),
            ("https://youtu.be/Ab3_dE-fGh1?t=1946", Some(1946)),
            (
                "https://youtu.be/Ab3_dE-fGh1?si=zZ9-yY8xW7&t=32m26s",
                Some(1946),
            ),
            ("https://youtu.be/Ab3_dE-fGh1?feature=shared", None),
            ("https://youtu.be/Ab3_dE-fGh1#t=3:03", Some(183)),
        ]);
    }

    #[test]
    fn youtube_leaks_from_prose_and_html() {
        expect_yt(&[
            ("https://youtu.be/Ab3_dE-fGh1?t=1946)", Some(1946)),
            ("https://youtu.be/Ab3_dE-fGh1?t=1946).", Some(1946)),
            ("https://www.youtube.com/watch?v=Ab3_dE-fGh1.", None),
            ("https://www.youtube.com/watch?v=Ab3_dE-fGh1,", None),
            ("  https://youtu.be/Ab3_dE-fGh1\n", None),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&amp;t=1m40s",
                Some(100),
            ),
            (
                "https://www.youtube.com/watch?feature=share&amp;v=Ab3_dE-fGh1&amp;t=183",
                Some(183),
            ),
            (
                "https://www.youtube.com/live/Ab3_dE-fGh1?feature=share&amp;t=183",
                Some(183),
            ),
            // Escaped twice, as a link copied out of HTML source into HTML can be; other links'
            // `t=` were already read so.
            (
                "https://www.youtube.com/live/Ab3_dE-fGh1?feature=share&amp;amp;t=183",
                Some(183),
            ),
        ]);
    }

    #[test]
    fn youtube_schemes_hosts_and_ports() {
        expect_yt(&[
            ("http://www.youtube.com/watch?v=Ab3_dE-fGh1", None),
            ("HTTPS://WWW.YOUTUBE.COM/watch?v=Ab3_dE-fGh1", None),
            ("Https://YouTu.Be/Ab3_dE-fGh1?t=10", Some(10)),
            (
                "HTTP://WWW.YOUTUBE.COM/watch?v=Ab3_dE-fGh1#t=1h2m3s",
                Some(3723),
            ),
            ("https://www.youtube.com:443/watch?v=Ab3_dE-fGh1", None),
            ("www.youtube.com/watch?v=Ab3_dE-fGh1&t=9", Some(9)),
            ("youtu.be/Ab3_dE-fGh1", None),
            ("youtube.com/embed/Ab3_dE-fGh1", None),
        ]);
    }

    #[test]
    fn youtube_start_precedence() {
        // The query wins over the fragment; `t` over `start`; an invalid `t` falls back.
        expect_yt(&[
            ("https://youtu.be/Ab3_dE-fGh1?t=10#t=20", Some(10)),
            ("https://youtu.be/Ab3_dE-fGh1?t=10&start=20", Some(10)),
            ("https://youtu.be/Ab3_dE-fGh1?t=bad&start=20", Some(20)),
            ("https://youtu.be/Ab3_dE-fGh1?t=bad#t=30", Some(30)),
            ("https://youtu.be/Ab3_dE-fGh1?t=", None),
            ("https://youtu.be/Ab3_dE-fGh1?t=-5", None),
            ("https://youtu.be/Ab3_dE-fGh1?t=99999999999s", None),
            ("https://youtu.be/Ab3_dE-fGh1?T=10", None),
            ("https://youtu.be/Ab3_dE-fGh1?at=10", None),
        ]);
    }

    #[test]
    fn youtube_without_a_valid_id() {
        for url in [
            "https://www.youtube.com/watch?v=Ab3_dE-fGh",
            "https://www.youtube.com/watch?v=Ab3_dE-fGh12",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=",
            "https://www.youtube.com/watch",
            "https://www.youtube.com/watch?vv=Ab3_dE-fGh1",
            "https://www.youtube.com/watch?v=Ab3_dE.fGh1",
            "https://www.youtube.com/watch?v=Ab3_dE-fGé",
            "https://youtu.be/Ab3_dE-fGh",
            "https://youtu.be/Ab3_dE-fGh12",
            "https://youtu.be/",
            "https://youtu.be/Ab3_dE-fGh1/extra",
            "https://www.youtube.com/embed/Ab3_dE-fGh",
            "https://www.youtube.com/embed/v=Ab3_dE-fGh12",
            "https://www.youtube.com/embed/",
            "https://www.youtube.com/embed/videoseries?list=PLabcdefgh",
            "https://www.youtube.com/embed/live_stream?channel=UCabc",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "https://www.youtube.com/@meetup",
            "https://www.youtube.com/playlist?list=PLabcdefgh",
            "https://www.youtube.com/",
            "https://www.youtube.com",
            "https://www.youtube.com/Ab3_dE-fGh1",
            "https://www.youtube.com/live/Ab3_dE-fGh1/extra",
        ] {
            assert_eq!(parse_video_url(url), None, "{url}");
        }
    }

    #[test]
    fn not_youtube_hosts() {
        for url in [
            "https://music.youtube.com/watch?v=Ab3_dE-fGh1",
            "https://youtube.com.evil.example/watch?v=Ab3_dE-fGh1",
            "https://evilyoutube.com/watch?v=Ab3_dE-fGh1",
            "https://evil@www.youtube.com/watch?v=Ab3_dE-fGh1",
            "https://user:pass@youtu.be/Ab3_dE-fGh1",
            "https://www.youtube.com:abc/watch?v=Ab3_dE-fGh1",
            "ftp://www.youtube.com/watch?v=Ab3_dE-fGh1",
            "javascript:alert(1)",
            "javascript://www.youtube.com/watch?v=Ab3_dE-fGh1",
            "data:text/html,youtu.be/Ab3_dE-fGh1",
            "//www.youtube.com/watch?v=Ab3_dE-fGh1",
            "https:/www.youtube.com/watch?v=Ab3_dE-fGh1",
            "https://www.you tube.com/watch?v=Ab3_dE-fGh1",
            "https://youtu.be/Ab3_dE\u{0}fGh1",
            "https://youtu.be/Ab3 dE-fGh1",
            "(https://youtu.be/Ab3_dE-fGh1)",
        ] {
            assert_eq!(parse_video_url(url), None, "{url}");
        }
    }

    #[test]
    fn malformed_event_video_is_repaired() {
        assert_eq!(
            normalize_event_video("https://www.youtube.com/embed/v=CqpMv0GUhjU").as_deref(),
            Some("https://www.youtube.com/embed/CqpMv0GUhjU")
        );
    }

    #[test]
    fn event_videos_normalised() {
        for url in [
            "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=5",
            "https://youtu.be/Ab3_dE-fGh1",
            "https://www.youtube.com/live/Ab3_dE-fGh1?feature=share",
            "https://www.youtube-nocookie.com/embed/Ab3_dE-fGh1",
            "https://www.youtube.com/embed/Ab3_dE-fGh1",
        ] {
            assert_eq!(
                normalize_event_video(url).as_deref(),
                Some("https://www.youtube.com/embed/Ab3_dE-fGh1"),
                "{url}"
            );
        }
        assert_eq!(
            normalize_event_video("https://vimeo.com/123456789").as_deref(),
            Some("https://player.vimeo.com/video/123456789")
        );
        assert_eq!(
            normalize_event_video("https://media.example.org/2024/may.mp4#t=5").as_deref(),
            Some("https://media.example.org/2024/may.mp4")
        );
        for url in [
            "",
            "   ",
            "not a url",
            "https://www.meetup.com/example-group/events/123456789/",
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUv/view?usp=sharing",
            "https://conference.example.org/session/cloud-native-talk",
            "https://www.youtube.com/channel/UCabc",
        ] {
            assert_eq!(normalize_event_video(url), None, "{url}");
        }
    }

    #[test]
    fn vimeo_forms() {
        for (url, id, start) in [
            ("https://vimeo.com/123456789", "123456789", None),
            ("https://www.vimeo.com/123456789", "123456789", None),
            ("http://vimeo.com/123456789", "123456789", None),
            ("HTTPS://VIMEO.COM/123456789", "123456789", None),
            ("https://vimeo.com/123456789/", "123456789", None),
            ("vimeo.com/123456789", "123456789", None),
            ("https://vimeo.com/123456789#t=215s", "123456789", Some(215)),
            ("https://vimeo.com/123456789#t=1m5s", "123456789", Some(65)),
            ("https://vimeo.com/123456789#t=215", "123456789", Some(215)),
            ("https://vimeo.com/123456789?t=30", "123456789", Some(30)),
            (
                "https://vimeo.com/123456789?t=30#t=40",
                "123456789",
                Some(30),
            ),
            ("https://vimeo.com/123456789).", "123456789", None),
            (
                "https://vimeo.com/channels/staff/123456789",
                "123456789",
                None,
            ),
            (
                "https://vimeo.com/channels/staffpicks/123456789#t=2m",
                "123456789",
                Some(120),
            ),
            (
                "https://vimeo.com/showcase/7654321/video/123456789",
                "123456789",
                None,
            ),
            (
                "https://player.vimeo.com/video/123456789",
                "123456789",
                None,
            ),
            (
                "https://player.vimeo.com/video/123456789?h=abc123&t=1m5s",
                "123456789",
                Some(65),
            ),
            (
                "https://player.vimeo.com/video/123456789#t=90",
                "123456789",
                Some(90),
            ),
            ("https://vimeo.com/1", "1", None),
            ("https://vimeo.com/123456789012", "123456789012", None),
        ] {
            assert_eq!(vimeo(url), Some((id.to_owned(), start)), "{url}");
        }
    }

    #[test]
    fn vimeo_rejected() {
        for url in [
            "https://vimeo.com/abc",
            "https://vimeo.com/12345a",
            "https://vimeo.com/a12345",
            "https://vimeo.com/1234567890123",
            "https://vimeo.com/",
            "https://vimeo.com",
            "https://vimeo.com/channels/staff",
            "https://vimeo.com/channels/staff/abc",
            "https://vimeo.com/showcase/7654321",
            "https://vimeo.com/showcase/7654321/video/abc",
            "https://vimeo.com/user/123456789",
            "https://player.vimeo.com/123456789",
            "https://player.vimeo.com/video/abc",
            "https://player.vimeo.com/video/",
            "https://vimeo.com/١٢٣",
            "https://evil.example/vimeo.com/123456789",
        ] {
            assert_eq!(parse_video_url(url), None, "{url}");
        }
    }

    #[test]
    fn media_files() {
        for (url, id, start) in [
            (
                "https://media.example.org/talks/2024.mp4",
                "https://media.example.org/talks/2024.mp4",
                None,
            ),
            (
                "https://media.example.org/talks/2024.MP4#t=10,20",
                "https://media.example.org/talks/2024.MP4",
                Some(10),
            ),
            (
                "https://media.example.org/a.webm#t=10",
                "https://media.example.org/a.webm",
                Some(10),
            ),
            (
                "https://media.example.org/a.ogg#t=75.5",
                "https://media.example.org/a.ogg",
                Some(75),
            ),
            (
                "https://media.example.org/a.ogv#t=npt:1:07:55",
                "https://media.example.org/a.ogv",
                Some(4075),
            ),
            (
                "http://media.example.org:8080/a.Mov",
                "http://media.example.org:8080/a.Mov",
                None,
            ),
            (
                "https://MEDIA.example.org/a.m4v?token=x&t=5#t=,20",
                "https://MEDIA.example.org/a.m4v?token=x&t=5",
                None,
            ),
            (
                "https://media.example.org/a.mp4?dl=1#t=3",
                "https://media.example.org/a.mp4?dl=1",
                Some(3),
            ),
            (
                "https://media.example.org/a.mp4).",
                "https://media.example.org/a.mp4",
                None,
            ),
            (
                "https://media.example.org/a.mp4#xywh=1,2,3,4&t=8",
                "https://media.example.org/a.mp4",
                Some(8),
            ),
        ] {
            assert_eq!(file(url), Some((id.to_owned(), start)), "{url}");
        }
    }

    #[test]
    fn not_media_files() {
        for url in [
            "https://media.example.org/watch?file=a.mp4",
            "https://media.example.org/player#a.mp4",
            "https://media.example.org/a.mp4/",
            "https://media.example.org/a.mp4/page",
            "https://media.example.org/a.mp3",
            "https://media.example.org/a.mkv",
            "https://media.example.org/.mp4",
            "https://media.example.org/a.mp4x",
            "https://media.example.org",
            "media.example.org/a.mp4",
            "ftp://media.example.org/a.mp4",
            "file:///home/me/a.mp4",
            "javascript:alert('a.mp4')",
            "https://user@media.example.org/a.mp4",
            "https:///a.mp4",
            "https://media.example.org/my talk.mp4",
            "https://médía.example.org/a.mp4",
        ] {
            assert_eq!(parse_video_url(url), None, "{url}");
        }
    }

    #[test]
    fn canonical_and_timed_urls() {
        let youtube = parse_video_url("https://youtu.be/Ab3_dE-fGh1?t=9").unwrap();
        assert_eq!(
            youtube.embed_url(),
            "https://www.youtube.com/embed/Ab3_dE-fGh1"
        );
        assert_eq!(
            youtube.url_at(183),
            "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=183s"
        );
        let vimeo = parse_video_url("https://vimeo.com/123456789#t=215s").unwrap();
        assert_eq!(
            vimeo.embed_url(),
            "https://player.vimeo.com/video/123456789"
        );
        assert_eq!(vimeo.url_at(65), "https://vimeo.com/123456789#t=65s");
        let file = parse_video_url("https://media.example.org/a.mp4#t=10,20").unwrap();
        assert_eq!(file.embed_url(), "https://media.example.org/a.mp4");
        assert_eq!(file.url_at(183), "https://media.example.org/a.mp4#t=183");
        assert_eq!(
            youtube.url_at(u32::MAX),
            "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=4294967295s"
        );
        // A timed link reads back to the same video and time.
        for link in [youtube, vimeo, file] {
            let again = parse_video_url(&link.url_at(4075)).unwrap();
            assert_eq!(
                (again.host, &again.id, again.start),
                (link.host, &link.id, Some(4075))
            );
            let embed = parse_video_url(&link.embed_url()).unwrap();
            assert_eq!(
                (embed.host, &embed.id, embed.start),
                (link.host, &link.id, None)
            );
        }
    }

    #[test]
    fn garbage_gives_none() {
        for url in [
            "",
            " ",
            ")",
            ".",
            "://",
            "https://",
            "https://?",
            "https://#",
            "http://:80/a.mp4",
            "https://@/",
            "é",
            "日本語のテキスト",
            "https://日本.example/動画.mp4",
            "https://youtu.be/日本語日本語日本語日本",
            "https://www.youtube.com/watch?v=日本語",
            "https://vimeo.com/🎥",
            "🎥 https://youtu.be/Ab3_dE-fGh1",
            "\u{0}\u{1}\u{7f}",
            "https://youtu.be/\u{10FFFF}",
        ] {
            assert_eq!(parse_video_url(url), None, "{url:?}");
        }
        let long = format!("https://youtu.be/{}", "a".repeat(100_000));
        assert_eq!(parse_video_url(&long), None);
        let many = format!("https://youtu.be/Ab3_dE-fGh1?{}t=5", "x=1&".repeat(10_000));
        assert_eq!(yt(&many), Some((ID.to_owned(), Some(5))));
    }
}
