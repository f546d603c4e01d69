//! Recognising video links: YouTube, Vimeo and media files.

use crate::time::parse_time_param;

/// Where a video lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoHost {
    /// youtube.com, youtu.be, youtube-nocookie.com.
    YouTube,
    /// vimeo.com, player.vimeo.com.
    Vimeo,
    /// A media file played by the browser itself.
    File,
}

/// A recognised video link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoLink {
    /// The host.
    pub host: VideoHost,
    /// YouTube: the 11-character id; Vimeo: the numeric id; File: the URL without fragment.
    pub id: String,
    /// The start time the link names, in seconds.
    pub start: Option<u32>,
}

impl VideoLink {
    /// The canonical URL of the event video.
    pub fn embed_url(&self) -> String {
        match self.host {
            VideoHost::YouTube => format!("https://www.youtube.com/embed/{}", self.id),
            VideoHost::Vimeo => format!("https://player.vimeo.com/video/{}", self.id),
            VideoHost::File => self.id.clone(),
        }
    }

    /// A link that opens the video at `seconds` on the host's own site.
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

/// Normalises an event video URL from front matter to its [`VideoLink::embed_url`].
pub fn normalize_event_video(url: &str) -> Option<String> {
    parse_video_url(url).map(|link| link.embed_url())
}

/// Recognises a YouTube, Vimeo or media-file URL, with the start time it names.
pub fn parse_video_url(url: &str) -> Option<VideoLink> {
    let url = url.trim().trim_end_matches([')', '.', ',']);
    let (scheme_less, has_scheme) = match url.find("://") {
        Some(i)
            if url[..i].eq_ignore_ascii_case("https") || url[..i].eq_ignore_ascii_case("http") =>
        {
            (&url[i + 3..], true)
        }
        Some(_) => return None,
        None => (url, false),
    };
    let (before_fragment, fragment) = scheme_less.split_once('#').unwrap_or((scheme_less, ""));
    let (host_path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let (authority, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    if authority.contains('@') {
        return None;
    }
    let host = authority
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let param = |name: &str| {
        query
            .split('&')
            .map(|pair| pair.strip_prefix("amp;").unwrap_or(pair))
            .find_map(|pair| {
                pair.split_once('=')
                    .filter(|(k, _)| *k == name)
                    .map(|(_, v)| v)
            })
    };
    let fragment_t = fragment
        .split('&')
        .find_map(|pair| pair.strip_prefix("t="))
        .and_then(|v| parse_time_param(v.split(',').next().unwrap_or_default()));
    let query_t = param("t")
        .or_else(|| param("start"))
        .and_then(parse_time_param);
    let start = query_t.or(fragment_t);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();

    match host.as_str() {
        "youtube.com"
        | "www.youtube.com"
        | "m.youtube.com"
        | "youtube-nocookie.com"
        | "www.youtube-nocookie.com" => {
            let id = match segments.as_slice() {
                ["watch"] => param("v")?,
                ["embed" | "live" | "shorts" | "v", id, ..] => id.strip_prefix("v=").unwrap_or(id),
                _ => return None,
            };
            youtube(id, start)
        }
        "youtu.be" => youtube(segments.first()?, start),
        "vimeo.com" | "www.vimeo.com" | "player.vimeo.com"
            if has_scheme || host != "player.vimeo.com" =>
        {
            let id = segments.last()?;
            let valid = matches!(
                segments.as_slice(),
                [_] | ["video", _] | ["channels", _, _] | ["showcase", _, "video", _]
            );
            (valid && (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())).then(
                || VideoLink {
                    host: VideoHost::Vimeo,
                    id: (*id).to_owned(),
                    start,
                },
            )
        }
        _ if has_scheme && !host.is_empty() => {
            let last = segments.last()?.to_ascii_lowercase();
            let media = [".mp4", ".webm", ".ogg", ".ogv", ".mov", ".m4v"]
                .iter()
                .any(|ext| last.ends_with(ext));
            media.then(|| VideoLink {
                host: VideoHost::File,
                id: url.split('#').next().unwrap_or(url).to_owned(),
                start: fragment_t,
            })
        }
        _ => None,
    }
}

fn youtube(id: &str, start: Option<u32>) -> Option<VideoLink> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    valid.then(|| VideoLink {
        host: VideoHost::YouTube,
        id: id.to_owned(),
        start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yt(url: &str) -> Option<(String, Option<u32>)> {
        parse_video_url(url)
            .filter(|l| l.host == VideoHost::YouTube)
            .map(|l| (l.id, l.start))
    }

    #[test]
    fn youtube_forms() {
        let id = "Ab3_dE-fGh1".to_owned();
        for (url, start) in [
            ("https://www.youtube.com/watch?v=Ab3_dE-fGh1", None),
            (
                "https://www.youtube.com/watch?feature=share&v=Ab3_dE-fGh1&t=183",
                Some(183),
            ),
            (
                "https://www.youtube.com/watch?v=Ab3_dE-fGh1&amp;t=1m40s",
                Some(100),
            ),
            ("https://youtu.be/Ab3_dE-fGh1?t=1946)", Some(1946)),
            ("https://youtu.be/Ab3_dE-fGh1?si=xyz", None),
            (
                "https://www.youtube.com/embed/Ab3_dE-fGh1?start=60",
                Some(60),
            ),
            ("https://www.youtube.com/embed/v=Ab3_dE-fGh1", None),
            (
                "https://www.youtube.com/live/Ab3_dE-fGh1?feature=share&t=4075",
                Some(4075),
            ),
            ("https://www.youtube.com/shorts/Ab3_dE-fGh1", None),
            ("https://www.youtube-nocookie.com/embed/Ab3_dE-fGh1", None),
            (
                "HTTP://WWW.YOUTUBE.COM/watch?v=Ab3_dE-fGh1#t=1h2m3s",
                Some(3723),
            ),
            ("youtu.be/Ab3_dE-fGh1", None),
        ] {
            assert_eq!(yt(url), Some((id.clone(), start)), "{url}");
        }
        for url in [
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=Ab3_dE-fGh12",
            "https://www.youtube.com/channel/UCabc",
            "https://evil@www.youtube.com/watch?v=Ab3_dE-fGh1",
            "javascript:alert(1)",
        ] {
            assert_eq!(yt(url), None, "{url}");
        }
        assert_eq!(
            normalize_event_video("https://www.youtube.com/embed/v=CqpMv0GUhjU").as_deref(),
            Some("https://www.youtube.com/embed/CqpMv0GUhjU")
        );
    }

    #[test]
    fn vimeo_and_files() {
        let vimeo = parse_video_url("https://vimeo.com/572548514#t=215s").unwrap();
        assert_eq!(
            (vimeo.host, vimeo.id.as_str(), vimeo.start),
            (VideoHost::Vimeo, "572548514", Some(215))
        );
        assert_eq!(
            vimeo.embed_url(),
            "https://player.vimeo.com/video/572548514"
        );
        assert_eq!(vimeo.url_at(65), "https://vimeo.com/572548514#t=65s");
        assert!(parse_video_url("https://player.vimeo.com/video/123").is_some());
        assert!(parse_video_url("https://vimeo.com/channels/staff/123").is_some());
        assert!(parse_video_url("https://vimeo.com/abc").is_none());
        let file = parse_video_url("https://media.example/talks/2024.MP4#t=10,20").unwrap();
        assert_eq!((file.host, file.start), (VideoHost::File, Some(10)));
        assert_eq!(file.id, "https://media.example/talks/2024.MP4");
        assert!(parse_video_url("https://media.example/watch?file=a.mp4").is_none());
        assert!(parse_video_url("https://drive.example/file/d/abc/view").is_none());
        assert_eq!(
            parse_video_url("https://youtu.be/Ab3_dE-fGh1")
                .unwrap()
                .url_at(183),
            "https://www.youtube.com/watch?v=Ab3_dE-fGh1&t=183s"
        );
    }
}
