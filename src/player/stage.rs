//! The player of one event page: its [`Session`] (the state machine in `recap-core`) and the
//! elements it moves. It carries out the session's actions: loading the player in place of the
//! facade, sending messages, marking the talk playing, sizing the chapters.

use recap_core::player::{Action, PlayerHosts, Session};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlIFrameElement, HtmlMediaElement};

use super::facade::lay_out;
use super::messages::{FramePlayer, MediaPlayer};
use super::PlayerRef;
use crate::render::{bring_into_view, set, Dom};

/// A loaded player.
pub(super) enum Loaded {
    Frame(FramePlayer),
    Media(MediaPlayer),
}

pub(super) struct Stage {
    pub session: Session,
    /// Where the players come from.
    pub hosts: PlayerHosts,
    /// The event's title, for the player's accessible name.
    pub title: String,
    /// This stage's own handle, for the listeners of the player it loads.
    pub this: PlayerRef,
    /// Where the facade, then the player, lives.
    pub screen: Element,
    /// What is marked while its talk plays: the chapter bar's items and the talks in the list,
    /// each with the index of its talk and the class that marks it.
    pub marks: Vec<(usize, Element, &'static str)>,
    pub loaded: Option<Loaded>,
    /// The facade's preconnect listener, kept alive while the facade may be there.
    pub _preconnect: Option<Closure<dyn Fn()>>,
}

impl Stage {
    /// Takes the page's talk elements as the ones to mark in the list, marked as they stand.
    pub fn mark_talks(&mut self, talks: Vec<(usize, Element)>) {
        self.marks.retain(|(_, _, class)| *class != TALK_PLAYING);
        self.marks
            .extend(talks.into_iter().map(|(talk, el)| (talk, el, TALK_PLAYING)));
        self.highlight(self.session.playing());
    }

    /// Carries out `actions` in order.
    pub fn apply(&mut self, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Load { start, focus } => self.load(start, focus),
                Action::Post(message) => {
                    if let Some(Loaded::Frame(frame)) = &self.loaded {
                        frame.post(&message);
                    }
                }
                Action::StopHandshake => {
                    if let Some(Loaded::Frame(frame)) = &mut self.loaded {
                        frame.stop_handshake();
                    }
                }
                Action::SeekMedia(seconds) => {
                    if let Some(Loaded::Media(media)) = &self.loaded {
                        media.seek(seconds);
                    }
                }
                Action::Highlight(playing) => self.highlight(playing),
                Action::LayOut(segments) => {
                    let chapters: Vec<(usize, Element)> = self
                        .marks
                        .iter()
                        .filter(|(_, _, class)| *class == CHAPTER_PLAYING)
                        .map(|(talk, el, _)| (*talk, el.clone()))
                        .collect();
                    lay_out(&chapters, &segments);
                }
                // Scrolls the recording into view when a jump was asked for from below it (on wide
                // screens it stays beside the talks and nothing moves).
                Action::Reveal => bring_into_view(&self.screen),
            }
        }
    }

    /// Replaces the facade with the player, playing from `start`; with `focus`, focus moves
    /// into it, since the button that had it is gone.
    fn load(&mut self, start: u32, focus: bool) {
        if self.loaded.is_some() {
            return;
        }
        let Some(dom) = Dom::new() else {
            return;
        };
        let page_origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let label = format!("Recording of {}", self.title);
        let player = self.session.player();
        self.loaded = if let (Some(src), Some(origin)) = (
            player.embed_src(&self.hosts, &page_origin, start),
            player.origin(&self.hosts),
        ) {
            let frame = dom.el("iframe", "recap-video__player");
            set(&frame, "title", &label);
            set(
                &frame,
                "allow",
                "autoplay; encrypted-media; picture-in-picture; fullscreen",
            );
            set(&frame, "referrerpolicy", "strict-origin-when-cross-origin");
            set(&frame, "src", &src);
            self.screen.replace_children_with_node_1(&frame);
            let origin = origin.to_owned();
            frame
                .dyn_into::<HtmlIFrameElement>()
                .ok()
                .map(|frame| Loaded::Frame(FramePlayer::listen(frame, origin, &self.this)))
        } else if let Some(src) = player.file_src(start) {
            let video = dom.el("video", "recap-video__player");
            set(&video, "controls", "");
            set(&video, "playsinline", "");
            set(&video, "preload", "metadata");
            set(&video, "aria-label", &label);
            set(&video, "src", &src);
            self.screen.replace_children_with_node_1(&video);
            video
                .dyn_into::<HtmlMediaElement>()
                .ok()
                .map(|video| Loaded::Media(MediaPlayer::listen(video, &self.this)))
        } else {
            None
        };
        if focus {
            let element: Option<&HtmlElement> = match &self.loaded {
                Some(Loaded::Frame(frame)) => Some(frame.element()),
                Some(Loaded::Media(media)) => Some(media.element()),
                None => None,
            };
            if let Some(element) = element {
                let _ = element.focus();
            }
        }
    }

    /// Marks the talk `playing` in the talk list and in the chapter bar, and unmarks the rest.
    fn highlight(&self, playing: Option<usize>) {
        for (talk, el, class) in &self.marks {
            let on = Some(*talk) == playing;
            let _ = el.class_list().toggle_with_force(class, on);
            if on {
                set(el, "aria-current", "true");
            } else {
                let _ = el.remove_attribute("aria-current");
            }
        }
    }
}

/// The class of a chapter bar item whose talk is playing.
pub(super) const CHAPTER_PLAYING: &str = "recap-chapters__item--playing";

/// The class of a talk in the list that is playing.
pub(super) const TALK_PLAYING: &str = "recap-talk--playing";
