//! The event video's player: which player a recording gets, the address that loads it, the
//! postMessage protocol spoken with it, and which talk is playing.
//!
//! The web app builds the facade, the iframe or the `<video>` element and moves the messages;
//! every decision about them is made here, so it is tested natively.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::route::percent_encode;
use crate::url::safe_url;
use crate::video::{parse_video_url, VideoHost};
use crate::{Item, Talk};

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
    pub fn for_item(item: &Item) -> Option<Player> {
        let video = item.recap.as_ref()?.video.as_deref()?;
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

    /// The message that asks the player to start talking, sent until it answers: YouTube's
    /// `listening`, Vimeo's subscription to `timeupdate`.
    pub fn handshake(&self) -> Option<String> {
        match self {
            Player::YouTube(_) => {
                Some(r#"{"event":"listening","id":1,"channel":"widget"}"#.to_owned())
            }
            Player::Vimeo(_) => {
                Some(r#"{"method":"addEventListener","value":"timeupdate"}"#.to_owned())
            }
            Player::File(_) | Player::Link(_) => None,
        }
    }

    /// The messages that move a loaded player to `seconds` and play it, in order.
    pub fn seek_messages(&self, seconds: u32) -> Vec<String> {
        match self {
            Player::YouTube(_) => vec![
                youtube_command("seekTo", &format!("[{seconds},true]")),
                youtube_command("playVideo", "[]"),
            ],
            Player::Vimeo(_) => vec![
                format!(r#"{{"method":"setCurrentTime","value":{seconds}}}"#),
                r#"{"method":"play"}"#.to_owned(),
            ],
            Player::File(_) | Player::Link(_) => Vec::new(),
        }
    }

    /// Reads a message from the player (the caller has checked its origin and window).
    /// Anything that is not understood is `None`.
    pub fn read_message(&self, data: &str) -> Option<PlayerEvent> {
        let message: Message<'_> = serde_json::from_str(data).ok()?;
        // The part that carries the times; any other shape of it counts as no times.
        let times = match self {
            Player::YouTube(_) => message.info,
            Player::Vimeo(_) => message.data,
            Player::File(_) | Player::Link(_) => return None,
        }
        .and_then(|raw| serde_json::from_str::<Times>(raw.get()).ok())
        .unwrap_or_default();
        let seconds = |v: Option<f64>| v.filter(|s| s.is_finite() && *s >= 0.0);
        let current = seconds(times.current_time.or(times.seconds));
        let duration = seconds(times.duration).filter(|d| *d > 0.0);
        let event = message.event.as_str();
        match (self, event, current) {
            (Player::YouTube(_), "infoDelivery" | "initialDelivery", Some(current))
            | (Player::Vimeo(_), "timeupdate" | "playProgress", Some(current)) => {
                Some(PlayerEvent::Time { current, duration })
            }
            (
                Player::YouTube(_),
                "onReady" | "initialDelivery" | "infoDelivery" | "onStateChange",
                _,
            )
            | (Player::Vimeo(_), "ready", _) => Some(PlayerEvent::Ready { duration }),
            _ => None,
        }
    }
}

/// A message from a player: YouTube's `{"event", "info"}` or Vimeo's `{"event", "data"}`.
#[derive(Deserialize)]
struct Message<'a> {
    event: String,
    #[serde(borrow, default)]
    info: Option<&'a RawValue>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

/// The times in a message (YouTube's `currentTime`, Vimeo's `seconds`; both `duration`).
#[derive(Deserialize, Default)]
struct Times {
    #[serde(default, rename = "currentTime")]
    current_time: Option<f64>,
    #[serde(default)]
    seconds: Option<f64>,
    #[serde(default)]
    duration: Option<f64>,
}

fn youtube_command(func: &str, args: &str) -> String {
    format!(r#"{{"event":"command","func":"{func}","args":{args},"id":1,"channel":"widget"}}"#)
}

/// What a player said.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlayerEvent {
    /// It is listening: commands may be sent. The recording's length, when it says.
    Ready {
        /// Seconds.
        duration: Option<f64>,
    },
    /// Where it is now, in seconds, and the recording's length when it says.
    Time {
        /// Seconds from the start.
        current: f64,
        /// Seconds.
        duration: Option<f64>,
    },
}

/// The talk playing at `seconds`: the one with the latest start at or before it (a second of
/// slack, as players land just before a seek target). `None` before the first timed talk.
pub fn talk_at(talks: &[Talk], seconds: f64) -> Option<usize> {
    talks
        .iter()
        .enumerate()
        .filter_map(|(i, talk)| Some((i, talk.start?)))
        .filter(|&(_, start)| f64::from(start) <= seconds + 1.0)
        .max_by_key(|&(i, start)| (start, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

/// How long after a jump the player's reports of the old position are not believed, in
/// milliseconds.
pub const JUMP_SETTLES_MS: f64 = 2000.0;

/// Whether a reported time should move the highlight. `jump` is the last jump not yet seen
/// through: its target in seconds and how many milliseconds ago it was asked for. A report of
/// the old position that was already on its way is not believed, so the highlight does not
/// flick back; one near the target, or any once the jump has had time to settle, is.
pub fn report_counts(current: f64, jump: Option<(u32, f64)>) -> bool {
    match jump {
        Some((target, ago)) => ago >= JUMP_SETTLES_MS || (current - f64::from(target)).abs() <= 3.0,
        None => true,
    }
}

/// One talk as a segment of the recording, for the chapter bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// Index of the talk in the event's list.
    pub talk: usize,
    /// Where it starts, in seconds.
    pub start: u32,
    /// Where the next talk starts or the recording ends, when known.
    pub end: Option<u32>,
    /// Left edge, in percent of the bar.
    pub left: f64,
    /// Width, in percent of the bar.
    pub width: f64,
}

/// The timed talks as segments of the recording, in the order they play. The bar spans the
/// recording's `duration` when known; otherwise it ends one typical talk after the last start.
pub fn chapters(talks: &[Talk], duration: Option<f64>) -> Vec<Chapter> {
    let mut timed: Vec<(usize, u32)> = talks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, t.start?)))
        .collect();
    timed.sort_unstable_by_key(|&(i, start)| (start, i));
    timed.dedup_by_key(|&mut (_, start)| start);
    let Some(&(_, last)) = timed.last() else {
        return Vec::new();
    };
    let first = timed.first().map_or(0, |&(_, s)| s);
    let known_end = duration.map(|d| d.ceil() as u32).filter(|&end| end > last);
    let typical = if timed.len() > 1 {
        (last - first) / (timed.len() as u32 - 1)
    } else {
        last.max(600)
    };
    let total = f64::from(known_end.unwrap_or(last.saturating_add(typical.max(60))));
    timed
        .iter()
        .enumerate()
        .map(|(n, &(talk, start))| {
            let end = timed.get(n + 1).map(|&(_, s)| s).or(known_end);
            let bar_end = end.map_or(total, f64::from);
            Chapter {
                talk,
                start,
                end,
                left: f64::from(start) * 100.0 / total,
                width: (bar_end - f64::from(start)) * 100.0 / total,
            }
        })
        .collect()
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

    fn talks(starts: &[Option<u32>]) -> Vec<Talk> {
        starts
            .iter()
            .map(|&start| Talk {
                start,
                ..Talk::default()
            })
            .collect()
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

    #[test]
    fn youtube_messages_are_read_defensively() {
        let yt = Player::YouTube("dQw4w9WgXcQ".to_owned());
        assert_eq!(
            yt.read_message(
                r#"{"event":"infoDelivery","info":{"currentTime":183.4,"duration":5400}}"#
            ),
            Some(PlayerEvent::Time {
                current: 183.4,
                duration: Some(5400.0)
            })
        );
        assert_eq!(
            yt.read_message(r#"{"event":"onReady","id":1,"channel":"widget","info":null}"#),
            Some(PlayerEvent::Ready { duration: None })
        );
        assert_eq!(
            yt.read_message(r#"{"event":"onStateChange","info":1}"#),
            Some(PlayerEvent::Ready { duration: None })
        );
        assert_eq!(
            yt.read_message(r#"{"event":"infoDelivery","info":{"volume":50}}"#),
            Some(PlayerEvent::Ready { duration: None })
        );
        for junk in [
            "",
            "not json",
            "[]",
            "null",
            r#"{"event":42}"#,
            r#"{"event":"infoDelivery","info":{"currentTime":-5}}"#,
            r#"{"event":"somethingElse","info":{"currentTime":5}}"#,
            r#"{"method":"setCurrentTime"}"#,
        ] {
            assert!(
                !matches!(yt.read_message(junk), Some(PlayerEvent::Time { .. })),
                "{junk}"
            );
        }
        assert_eq!(yt.read_message(r#"{"event":"somethingElse"}"#), None);
        assert_eq!(
            yt.read_message(r#"{"event":"infoDelivery","info":{"currentTime":"NaN"}}"#),
            Some(PlayerEvent::Ready { duration: None })
        );
    }

    #[test]
    fn vimeo_messages_are_read_defensively() {
        let vimeo = Player::Vimeo("1".to_owned());
        assert_eq!(
            vimeo.read_message(r#"{"event":"timeupdate","data":{"seconds":61.5,"duration":3000}}"#),
            Some(PlayerEvent::Time {
                current: 61.5,
                duration: Some(3000.0)
            })
        );
        assert_eq!(
            vimeo.read_message(r#"{"event":"ready","player_id":"x"}"#),
            Some(PlayerEvent::Ready { duration: None })
        );
        assert_eq!(
            vimeo.read_message(r#"{"event":"timeupdate","data":7}"#),
            None
        );
        assert_eq!(
            vimeo.read_message(r#"{"event":"infoDelivery","info":{"currentTime":3}}"#),
            None
        );
    }

    #[test]
    fn the_playing_talk_is_the_latest_started() {
        let list = talks(&[Some(0), None, Some(183), Some(4075)]);
        assert_eq!(talk_at(&list, 0.0), Some(0));
        assert_eq!(
            talk_at(&list, 182.5),
            Some(2),
            "a seek lands just before its target"
        );
        assert_eq!(talk_at(&list, 4074.9), Some(3));
        assert_eq!(talk_at(&list, 99999.0), Some(3));
        assert_eq!(talk_at(&talks(&[Some(300)]), 10.0), None);
        assert_eq!(talk_at(&talks(&[None, None]), 10.0), None);
    }

    #[test]
    fn reports_of_the_old_position_after_a_jump_are_not_believed() {
        assert!(report_counts(10.0, None));
        assert!(
            !report_counts(10.0, Some((183, 50.0))),
            "in flight before the seek"
        );
        assert!(report_counts(182.4, Some((183, 50.0))));
        assert!(report_counts(185.0, Some((183, 900.0))));
        assert!(
            report_counts(10.0, Some((183, JUMP_SETTLES_MS))),
            "the seek did not take"
        );
    }

    #[test]
    fn an_untitled_talk_is_named_by_its_place() {
        let list = talks(&[Some(0), None]);
        assert_eq!(list[1].title_or_place(2), "Talk 2");
    }

    #[test]
    fn chapters_span_the_recording() {
        let list = talks(&[Some(0), None, Some(183), Some(4075)]);
        let known = chapters(&list, Some(5000.0));
        assert_eq!(
            known
                .iter()
                .map(|c| (c.talk, c.start, c.end))
                .collect::<Vec<_>>(),
            [
                (0, 0, Some(183)),
                (2, 183, Some(4075)),
                (3, 4075, Some(5000))
            ]
        );
        let total: f64 = known.iter().map(|c| c.width).sum();
        assert!((total - 100.0).abs() < 1e-9);
        assert!((known[2].left - 81.5).abs() < 1e-9);

        let unknown = chapters(&list, None);
        assert_eq!(unknown[2].end, None);
        let last = &unknown[2];
        assert!((last.left + last.width - 100.0).abs() < 1e-9);
        assert!(last.width > 0.0);

        // A duration shorter than the last start is ignored; talks out of order are sorted.
        let odd = chapters(&talks(&[Some(900), Some(60)]), Some(10.0));
        assert_eq!(
            odd.iter()
                .map(|c| (c.talk, c.start, c.end))
                .collect::<Vec<_>>(),
            [(1, 60, Some(900)), (0, 900, None)]
        );
        assert!(chapters(&talks(&[None]), Some(100.0)).is_empty());
        let single = chapters(&talks(&[Some(0)]), None);
        assert!((single[0].width - 100.0).abs() < 1e-9);
        // Absurd starts from a feed give a bar, not an overflow.
        let huge = chapters(&talks(&[Some(0), Some(u32::MAX)]), None);
        assert_eq!(huge.len(), 2);
        assert!(huge.iter().all(|c| c.width.is_finite() && c.width >= 0.0));
        assert_eq!(talk_at(&talks(&[Some(u32::MAX)]), f64::MAX), Some(0));
    }
}
