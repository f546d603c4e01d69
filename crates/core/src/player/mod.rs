//! The event video's player: which player a recording gets and the address that loads it
//! (here), the postMessage protocol spoken with it ([`PlayerEvent`]), the talks as chapters of the
//! recording ([`Chapter`]), and the player's life on an event page as a state machine
//! ([`Session`]).
//!
//! The web app builds the facade, the iframe or the `<video>` element and moves the messages;
//! every decision about them is made here, so it is tested natively.

mod chapters;
mod messages;
mod session;

pub use chapters::Chapter;
pub(crate) use chapters::{chapters, starts, talk_at};
pub use messages::PlayerEvent;
pub use session::{Action, Session};

use crate::route::percent_encode;
use crate::url::safe_url;
use crate::video::{parse_video_url, VideoHost};
use crate::Item;

/// The origins the embedded players are loaded from. Configuration, so that tests can point
/// them at a local fake player that speaks the same protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerHosts {
    /// YouTube's privacy-enhanced player, `https://www.youtube-nocookie.com`.
    pub youtube: String,
    /// Vimeo's player, `https://player.vimeo.com`.
    pub vimeo: String,
}

impl Default for PlayerHosts {
    fn default() -> Self {
        PlayerHosts {
            youtube: "https://www.youtube-nocookie.com".to_owned(),
            vimeo: "https://player.vimeo.com".to_owned(),
        }
    }
}

impl PlayerHosts {
    /// The defaults, with each override used when it is a bare `http(s)` origin
    /// (`https://host[:port]`, no path, query or credentials); anything else is ignored.
    pub fn with_overrides(youtube: Option<&str>, vimeo: Option<&str>) -> Self {
        let defaults = PlayerHosts::default();
        PlayerHosts {
            youtube: youtube.and_then(origin).unwrap_or(defaults.youtube),
            vimeo: vimeo.and_then(origin).unwrap_or(defaults.vimeo),
        }
    }
}

/// `text` as an origin (`scheme://host[:port]`, lower-cased), when it is nothing more.
pub fn origin(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/');
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    (matches!(scheme.as_str(), "http" | "https") && host_ok)
        .then(|| format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

/// How an event's recording is played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Player {
    /// A YouTube video, by its id, in the privacy-enhanced iframe player.
    YouTube(String),
    /// A Vimeo video, by its numeric id, in Vimeo's iframe player.
    Vimeo(String),
    /// A media file, played by a native `<video>`.
    File(String),
    /// Any other video link: shown as a link, never put in an iframe.
    Link(String),
}

impl Player {
    /// The player for an event's `_recap.video`, if it has one.
    pub(crate) fn for_item(item: &Item) -> Option<Player> {
        Player::for_video(item.recap.as_ref()?.video.as_deref()?)
    }

    /// The player for a recording's address (an event's `_recap.video`); `None` when it is not
    /// a safe link at all.
    pub fn for_video(video: &str) -> Option<Player> {
        Some(match parse_video_url(video) {
            Some(link) => match link.host {
                VideoHost::YouTube => Player::YouTube(link.id),
                VideoHost::Vimeo => Player::Vimeo(link.id),
                VideoHost::File => Player::File(link.id),
            },
            None => Player::Link(safe_url(video)?),
        })
    }

    /// The origin of the iframe player, whose messages alone are listened to.
    pub fn origin<'a>(&self, hosts: &'a PlayerHosts) -> Option<&'a str> {
        match self {
            Player::YouTube(_) => Some(&hosts.youtube),
            Player::Vimeo(_) => Some(&hosts.vimeo),
            Player::File(_) | Player::Link(_) => None,
        }
    }

    /// The iframe's address, playing from `start` at once. `page_origin` is the embedding
    /// page's origin, which YouTube needs to talk back.
    pub fn embed_src(&self, hosts: &PlayerHosts, page_origin: &str, start: u32) -> Option<String> {
        match self {
            Player::YouTube(id) => Some(format!(
                "{}/embed/{id}?enablejsapi=1&origin={}&start={start}&autoplay=1&playsinline=1&rel=0",
                hosts.youtube,
                percent_encode(page_origin)
            )),
            Player::Vimeo(id) => Some(format!(
                "{}/video/{id}?autoplay=1&playsinline=1&dnt=1#t={start}s",
                hosts.vimeo
            )),
            Player::File(_) | Player::Link(_) => None,
        }
    }

    /// The media file's address, starting at `start` (a media fragment).
    pub fn file_src(&self, start: u32) -> Option<String> {
        match self {
            Player::File(url) if start > 0 => Some(format!("{url}#t={start}")),
            Player::File(url) => Some(url.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(recap: &str) -> Item {
        serde_json::from_str(&format!(r#"{{"id":"e1","_recap":{recap}}}"#)).unwrap()
    }

    fn item_with_video(video: &str) -> Item {
        item(&serde_json::json!({ "video": video }).to_string())
    }

    #[test]
    fn each_kind_of_recording_gets_its_player() {
        let player = |v: &str| Player::for_item(&item_with_video(v));
        assert_eq!(
            player("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s"),
            Some(Player::YouTube("dQw4w9WgXcQ".to_owned()))
        );
        assert_eq!(
            player("https://vimeo.com/76979871"),
            Some(Player::Vimeo("76979871".to_owned()))
        );
        assert_eq!(
            player("https://media.example.org/meetup.mp4#t=30"),
            Some(Player::File(
                "https://media.example.org/meetup.mp4".to_owned()
            ))
        );
        assert_eq!(
            player("https://videos.example.org/watch/42"),
            Some(Player::Link(
                "https://videos.example.org/watch/42".to_owned()
            ))
        );
        assert_eq!(player("javascript:alert(1)"), None);
        assert_eq!(Player::for_item(&item("{}")), None);
    }

    #[test]
    fn youtube_loads_privacy_enhanced_with_the_api_and_the_start() {
        let player = Player::YouTube("dQw4w9WgXcQ".to_owned());
        let hosts = PlayerHosts::default();
        assert_eq!(
            player
                .embed_src(&hosts, "https://meetup.example.org", 183)
                .as_deref(),
            Some(
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1\
                 &origin=https%3A%2F%2Fmeetup.example.org&start=183&autoplay=1&playsinline=1&rel=0"
            )
        );
        assert_eq!(
            player.origin(&hosts),
            Some("https://www.youtube-nocookie.com")
        );
        assert_eq!(
            player.seek_messages(183),
            [
                r#"{"event":"command","func":"seekTo","args":[183,true],"id":1,"channel":"widget"}"#,
                r#"{"event":"command","func":"playVideo","args":[],"id":1,"channel":"widget"}"#,
            ]
        );
    }

    #[test]
    fn vimeo_and_files_start_at_the_moment() {
        let hosts = PlayerHosts::default();
        let vimeo = Player::Vimeo("76979871".to_owned());
        assert_eq!(
            vimeo.embed_src(&hosts, "https://x.example", 65).as_deref(),
            Some("https://player.vimeo.com/video/76979871?autoplay=1&playsinline=1&dnt=1#t=65s")
        );
        assert_eq!(
            vimeo.seek_messages(65),
            [
                r#"{"method":"setCurrentTime","value":65}"#,
                r#"{"method":"play"}"#
            ]
        );
        let file = Player::File("https://m.example/a.webm".to_owned());
        assert_eq!(
            file.file_src(0).as_deref(),
            Some("https://m.example/a.webm")
        );
        assert_eq!(
            file.file_src(90).as_deref(),
            Some("https://m.example/a.webm#t=90")
        );
        assert_eq!(file.embed_src(&hosts, "https://x.example", 0), None);
        assert_eq!(
            Player::Link("https://v.example/1".to_owned()).handshake(),
            None
        );
    }

    #[test]
    fn hosts_accept_only_bare_origins() {
        let hosts = PlayerHosts::with_overrides(Some("http://127.0.0.1:4000/"), Some("file:///x"));
        assert_eq!(hosts.youtube, "http://127.0.0.1:4000");
        assert_eq!(hosts.vimeo, "https://player.vimeo.com");
        for bad in [
            "https://evil.example/path",
            "https://user@evil.example",
            "javascript://x",
            "https://",
            "https://a.example?x",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
        assert_eq!(
            origin("HTTPS://Player.Example:8443").as_deref(),
            Some("https://player.example:8443")
        );
    }
}
