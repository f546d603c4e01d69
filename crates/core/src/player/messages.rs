//! The postMessage protocols of the iframe players: the handshake that makes a player talk,
//! the commands that move it, and a defensive reading of what it says.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::Player;

impl Player {
    /// The message that asks the player to start talking, sent until it answers: YouTube's
    /// `listening`, Vimeo's subscription to `timeupdate`.
    pub(crate) fn handshake(&self) -> Option<String> {
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
    pub(crate) fn seek_messages(&self, seconds: u32) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
