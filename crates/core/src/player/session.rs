//! The player's life on an event page, as a state machine: the facade, then the player loading
//! (with the jump asked for meanwhile), then ready.
//!
//! The web app tells a [`Session`] what happened (the facade was pressed, a time was clicked,
//! the handshake timer fired, the player said something) and carries out the [`Action`]s it
//! returns, in order. Every decision is made here and tested natively; the page only moves
//! elements and messages.
//!
//! A report of the old position that was already on its way when a jump was asked for must not
//! move the highlight back. Such a report is recognised by what it says, never by how long ago
//! the jump was: after a jump, reports are not believed until one lands near its target (or
//! [`STALE_REPORTS_MAX`] in a row have missed it: then the seek did not take, or the visitor
//! moved the player with its own controls, and the player is right).

use super::{chapters, talk_at, Chapter, Player, PlayerEvent};
use crate::Item;

/// After a jump, how many reports in a row may miss its target before they are believed again.
/// Reports of the old position in flight when the seek was sent are one or two at most (players
/// report a few times a second).
pub(super) const STALE_REPORTS_MAX: u32 = 8;

/// How far before a jump's target a report may be and still show the jump has landed, in
/// seconds: players seek to a key frame just before the target. The same second of slack as
/// [`talk_at`], so a landed report highlights the talk jumped to.
const LANDS_BEFORE: f64 = 1.0;

/// How far after it: the recording plays on while the seek and the report travel.
const LANDS_AFTER: f64 = 30.0;

/// Where the recording is in its life on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The facade: nothing is loaded and nothing has been requested from the player's host.
    Facade,
    /// The iframe player is loading and has not answered the handshake yet. A jump asked for
    /// meanwhile waits here, the latest one winning.
    Loading {
        /// Where to seek once the player answers.
        pending: Option<u32>,
    },
    /// The player answers (or is a media element, which needs no handshake): jumps go at once.
    Ready,
}

/// What the page must do, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the facade with the player, playing from `start` seconds. An iframe player also
    /// starts the handshake timer. With `focus`, focus moves into the player: the facade's button
    /// that had it is gone.
    Load {
        /// Seconds into the recording.
        start: u32,
        /// Whether focus moves into the player.
        focus: bool,
    },
    /// Send this message to the iframe player.
    Post(String),
    /// Stop the handshake timer.
    StopHandshake,
    /// Move the media element to these seconds and play it.
    SeekMedia(u32),
    /// Mark this talk (its index in the event's list) as the one playing; `None`: no talk.
    Highlight(Option<usize>),
    /// Size the chapter bar's segments: the recording's length is now known.
    LayOut(Vec<Chapter>),
    /// Bring the recording into view: the jump may have been asked for from far below it.
    Reveal,
}

/// The last jump, until a report shows it has landed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Seek {
    target: u32,
    /// Reports since the jump that were not near its target.
    misses: u32,
}

/// One event page's recording: its player, its talks' starts and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    player: Player,
    starts: Vec<Option<u32>>,
    /// The moment the page's URL names (`?t=`), for the first play.
    start: u32,
    phase: Phase,
    playing: Option<usize>,
    duration: Option<f64>,
    seek: Option<Seek>,
}

impl Session {
    /// The session for an event whose recording can be played on the page (YouTube, Vimeo or
    /// a media file; a plain link has none), starting at the page's `?t=` when it has one.
    pub fn for_item(item: &Item, start: Option<u32>) -> Option<Session> {
        let player = Player::for_item(item).filter(|p| !matches!(p, Player::Link(_)))?;
        Some(Session::new(player, super::starts(item.talks()), start))
    }

    /// A session in the facade phase.
    pub fn new(player: Player, starts: Vec<Option<u32>>, start: Option<u32>) -> Session {
        Session {
            player,
            starts,
            start: start.unwrap_or(0),
            phase: Phase::Facade,
            playing: None,
            duration: None,
            seek: None,
        }
    }

    /// The player.
    pub fn player(&self) -> &Player {
        &self.player
    }

    #[cfg(test)]
    /// Where the recording is in its life.
    pub(crate) fn phase(&self) -> Phase {
        self.phase
    }

    /// The talk highlighted as playing.
    pub fn playing(&self) -> Option<usize> {
        self.playing
    }

    /// The chapter bar's segments, sized by the recording's length once it is known.
    pub fn chapters(&self) -> Vec<Chapter> {
        chapters(&self.starts, self.duration)
    }

    /// The facade's button was pressed: the player loads at the page's moment and takes the
    /// focus. Once loaded, there is no facade to press.
    pub fn play(&mut self) -> Vec<Action> {
        if self.phase != Phase::Facade {
            return Vec::new();
        }
        let start = self.start;
        let mut actions = vec![self.load(start, true)];
        // A player may report where it was before it reaches `start`.
        self.seek = (start > 0).then_some(Seek {
            target: start,
            misses: 0,
        });
        actions.extend(self.highlight(f64::from(start)));
        actions
    }

    /// A time or a chapter was clicked: the recording moves there and plays. A loaded player is
    /// moved in place; one still loading moves once it answers; the facade loads the player
    /// there.
    pub fn jump(&mut self, seconds: u32) -> Vec<Action> {
        let mut actions = match self.phase {
            Phase::Facade => vec![self.load(seconds, false)],
            Phase::Loading { .. } => {
                self.phase = Phase::Loading {
                    pending: Some(seconds),
                };
                Vec::new()
            }
            Phase::Ready => self.seek_actions(seconds),
        };
        self.seek = Some(Seek {
            target: seconds,
            misses: 0,
        });
        actions.extend(self.highlight(f64::from(seconds)));
        actions.push(Action::Reveal);
        actions
    }

    /// The handshake timer fired: the handshake again while the player has not answered.
    pub fn tick(&mut self) -> Vec<Action> {
        match (self.phase, self.player.handshake()) {
            (Phase::Loading { .. }, Some(handshake)) => vec![Action::Post(handshake)],
            _ => vec![Action::StopHandshake],
        }
    }

    /// The player said something (the page has checked that it came from the player's exact
    /// origin and window; a media element's `timeupdate` counts as a report too).
    pub fn heard(&mut self, event: PlayerEvent) -> Vec<Action> {
        let mut actions = Vec::new();
        match self.phase {
            Phase::Facade => return actions,
            Phase::Loading { pending } => {
                self.phase = Phase::Ready;
                actions.push(Action::StopHandshake);
                // A player that spoke before it was asked (Vimeo's `ready`) gets it now.
                actions.extend(self.player.handshake().map(Action::Post));
                if let Some(seconds) = pending {
                    actions.extend(self.seek_actions(seconds));
                }
            }
            Phase::Ready => {}
        }
        let (current, duration) = match event {
            PlayerEvent::Ready { duration } => (None, duration),
            PlayerEvent::Time { current, duration } => (Some(current), duration),
        };
        if let Some(duration) = duration.filter(|d| d.is_finite() && *d > 0.0) {
            if self.duration.is_none() {
                self.duration = Some(duration);
                actions.push(Action::LayOut(self.chapters()));
            }
        }
        if let Some(current) = current.filter(|c| c.is_finite()) {
            if self.believe(current) {
                actions.extend(self.highlight(current));
            }
        }
        actions
    }

    fn load(&mut self, start: u32, focus: bool) -> Action {
        self.phase = match self.player.handshake() {
            Some(_) => Phase::Loading { pending: None },
            None => Phase::Ready,
        };
        Action::Load { start, focus }
    }

    fn seek_actions(&self, seconds: u32) -> Vec<Action> {
        match self.player {
            Player::File(_) => vec![Action::SeekMedia(seconds)],
            _ => self
                .player
                .seek_messages(seconds)
                .into_iter()
                .map(Action::Post)
                .collect(),
        }
    }

    /// Whether a reported position is believed: always, unless a jump has not been seen to land
    /// yet (see the module's documentation).
    fn believe(&mut self, current: f64) -> bool {
        let Some(seek) = &mut self.seek else {
            return true;
        };
        let target = f64::from(seek.target);
        if (target - LANDS_BEFORE..=target + LANDS_AFTER).contains(&current) {
            self.seek = None;
            return true;
        }
        seek.misses += 1;
        if seek.misses >= STALE_REPORTS_MAX {
            self.seek = None;
            return true;
        }
        false
    }

    fn highlight(&mut self, seconds: f64) -> Option<Action> {
        let playing = talk_at(&self.starts, seconds);
        (playing != std::mem::replace(&mut self.playing, playing))
            .then_some(Action::Highlight(playing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTS: [Option<u32>; 4] = [Some(0), None, Some(183), Some(4075)];

    fn youtube(start: Option<u32>) -> Session {
        Session::new(
            Player::YouTube("dQw4w9WgXcQ".into()),
            STARTS.to_vec(),
            start,
        )
    }

    fn time(current: f64) -> PlayerEvent {
        PlayerEvent::Time {
            current,
            duration: None,
        }
    }

    fn handshake() -> Action {
        Action::Post(r#"{"event":"listening","id":1,"channel":"widget"}"#.into())
    }

    fn seek_to(seconds: u32) -> [Action; 2] {
        [
            Action::Post(format!(
                r#"{{"event":"command","func":"seekTo","args":[{seconds},true],"id":1,"channel":"widget"}}"#
            )),
            Action::Post(
                r#"{"event":"command","func":"playVideo","args":[],"id":1,"channel":"widget"}"#
                    .into(),
            ),
        ]
    }

    /// A YouTube session that has loaded and answered the handshake, playing the first talk.
    fn ready() -> Session {
        let mut session = youtube(None);
        session.play();
        session.heard(PlayerEvent::Ready { duration: None });
        session.heard(time(1.0));
        assert_eq!(session.phase(), Phase::Ready);
        session
    }

    #[test]
    fn the_facade_loads_the_player_at_the_pages_moment_and_hands_it_the_focus() {
        let mut session = youtube(Some(200));
        assert_eq!(session.phase(), Phase::Facade);
        assert_eq!(
            session.play(),
            [
                Action::Load {
                    start: 200,
                    focus: true
                },
                Action::Highlight(Some(2)),
            ]
        );
        assert_eq!(session.phase(), Phase::Loading { pending: None });
        assert_eq!(
            session.play(),
            [],
            "once loaded there is no facade to press"
        );
    }

    #[test]
    fn the_handshake_is_sent_until_the_player_answers() {
        let mut session = youtube(None);
        assert_eq!(
            session.tick(),
            [Action::StopHandshake],
            "no timer before loading"
        );
        session.play();
        assert_eq!(session.tick(), [handshake()]);
        assert_eq!(session.tick(), [handshake()]);
        assert_eq!(
            session.heard(PlayerEvent::Ready { duration: None }),
            [Action::StopHandshake, handshake()]
        );
        assert_eq!(session.phase(), Phase::Ready);
        assert_eq!(session.tick(), [Action::StopHandshake]);
    }

    #[test]
    fn a_jump_on_the_facade_loads_the_player_there_without_taking_the_focus() {
        let mut session = youtube(None);
        assert_eq!(
            session.jump(4075),
            [
                Action::Load {
                    start: 4075,
                    focus: false
                },
                Action::Highlight(Some(3)),
                Action::Reveal,
            ]
        );
        // The player starts where it was loaded: its first reports are believed.
        assert_eq!(
            session.heard(time(4075.2)),
            [Action::StopHandshake, handshake()]
        );
        assert_eq!(session.playing(), Some(3));
    }

    #[test]
    fn a_jump_while_loading_waits_for_the_answer_and_the_latest_wins() {
        let mut session = youtube(None);
        session.play();
        assert_eq!(
            session.jump(183),
            [Action::Highlight(Some(2)), Action::Reveal]
        );
        assert_eq!(
            session.jump(4075),
            [Action::Highlight(Some(3)), Action::Reveal]
        );
        assert_eq!(
            session.phase(),
            Phase::Loading {
                pending: Some(4075)
            }
        );
        let mut expected = vec![Action::StopHandshake, handshake()];
        expected.extend(seek_to(4075));
        // The player's first report is of where it was loaded, before the seek: not believed.
        assert_eq!(session.heard(time(0.5)), expected);
        assert_eq!(session.playing(), Some(3));
        assert_eq!(session.heard(time(4075.0)), []);
        assert_eq!(session.playing(), Some(3));
    }

    #[test]
    fn a_jump_on_a_ready_player_seeks_it_in_place() {
        let mut session = ready();
        let mut expected = seek_to(183).to_vec();
        expected.extend([Action::Highlight(Some(2)), Action::Reveal]);
        assert_eq!(session.jump(183), expected);
        assert_eq!(session.phase(), Phase::Ready);
    }

    #[test]
    fn a_report_of_the_old_position_does_not_move_the_highlight_back() {
        let mut session = ready();
        session.jump(4075);
        // Sent before the player had the seek, received after the jump.
        assert_eq!(session.heard(time(12.0)), []);
        assert_eq!(session.heard(time(12.2)), []);
        assert_eq!(session.playing(), Some(3));
        // Landed, a little before the target: from now on every report counts.
        assert_eq!(
            session.heard(time(4073.9)),
            [],
            "too early: still in flight"
        );
        assert_eq!(session.heard(time(4074.1)), []);
        assert_eq!(session.heard(time(190.0)), [Action::Highlight(Some(2))]);
    }

    #[test]
    fn a_jump_that_never_lands_gives_way_to_the_player() {
        let mut session = ready();
        session.jump(4075);
        for _ in 1..STALE_REPORTS_MAX {
            assert_eq!(session.heard(time(200.0)), []);
        }
        assert_eq!(session.heard(time(200.0)), [Action::Highlight(Some(2))]);
        assert_eq!(session.heard(time(10.0)), [Action::Highlight(Some(0))]);
    }

    #[test]
    fn a_new_jump_replaces_the_one_in_flight() {
        let mut session = ready();
        session.jump(4075);
        session.jump(183);
        // Near the first target, but that is not where the visitor asked to be any more.
        assert_eq!(session.heard(time(4075.0)), []);
        assert_eq!(session.playing(), Some(2));
        assert_eq!(session.heard(time(183.5)), []);
        assert_eq!(session.heard(time(4100.0)), [Action::Highlight(Some(3))]);
    }

    #[test]
    fn a_play_from_a_moment_ignores_reports_from_before_it() {
        let mut session = youtube(Some(4075));
        session.play();
        session.heard(PlayerEvent::Ready { duration: None });
        assert_eq!(session.heard(time(0.0)), []);
        assert_eq!(session.playing(), Some(3));
        session.heard(time(4075.0));
        assert_eq!(session.heard(time(0.0)), [Action::Highlight(Some(0))]);
    }

    #[test]
    fn the_chapters_are_sized_once_the_length_is_known() {
        let mut session = ready();
        let actions = session.heard(PlayerEvent::Time {
            current: 2.0,
            duration: Some(5000.0),
        });
        assert_eq!(actions, [Action::LayOut(chapters(&STARTS, Some(5000.0)))]);
        assert_eq!(session.chapters()[2].end, Some(5000));
        let again = session.heard(PlayerEvent::Ready {
            duration: Some(6000.0),
        });
        assert_eq!(again, [], "the first length known stays");
        let nonsense = Session::new(Player::File("a.webm".into()), STARTS.to_vec(), None);
        let mut nonsense = nonsense;
        nonsense.play();
        assert_eq!(
            nonsense.heard(PlayerEvent::Time {
                current: f64::NAN,
                duration: Some(f64::INFINITY)
            }),
            []
        );
    }

    #[test]
    fn a_media_file_needs_no_handshake() {
        let mut session = Session::new(
            Player::File("https://m.example/a.webm".into()),
            STARTS.to_vec(),
            None,
        );
        assert_eq!(
            session.play(),
            [
                Action::Load {
                    start: 0,
                    focus: true
                },
                Action::Highlight(Some(0))
            ]
        );
        assert_eq!(session.phase(), Phase::Ready);
        assert_eq!(session.tick(), [Action::StopHandshake]);
        assert_eq!(
            session.jump(183),
            [
                Action::SeekMedia(183),
                Action::Highlight(Some(2)),
                Action::Reveal
            ]
        );
    }

    #[test]
    fn vimeo_says_ready_first_and_gets_the_handshake_then() {
        let mut session = Session::new(Player::Vimeo("76979871".into()), STARTS.to_vec(), None);
        assert_eq!(
            session.heard(PlayerEvent::Ready { duration: None }),
            [],
            "no player yet"
        );
        session.play();
        assert_eq!(
            session.heard(PlayerEvent::Ready { duration: None }),
            [
                Action::StopHandshake,
                Action::Post(r#"{"method":"addEventListener","value":"timeupdate"}"#.into())
            ]
        );
        let mut expected = vec![
            Action::Post(r#"{"method":"setCurrentTime","value":183}"#.into()),
            Action::Post(r#"{"method":"play"}"#.into()),
        ];
        expected.extend([Action::Highlight(Some(2)), Action::Reveal]);
        assert_eq!(session.jump(183), expected);
    }

    #[test]
    fn only_playable_recordings_get_a_session() {
        let item = |video: &str| -> Item {
            serde_json::from_value(serde_json::json!({
                "id": "e", "_recap": { "video": video, "talks": [{"start": 60}] }
            }))
            .unwrap()
        };
        let session = Session::for_item(&item("https://youtu.be/dQw4w9WgXcQ"), Some(61)).unwrap();
        assert_eq!(session.start, 61);
        assert_eq!(session.chapters().len(), 1);
        assert!(Session::for_item(&item("https://videos.example.org/watch/42"), None).is_none());
    }
}
