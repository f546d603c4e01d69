//! The player of one event page: its [`Session`] and the elements it moves. It carries out the
//! session's actions: loading the player in place of the facade, sending messages, marking the
//! talk playing, sizing the chapters.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use recap_core::player::{Action, Chapter, PlayerHosts, Session};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlIFrameElement, HtmlMediaElement, MessageEvent};

use crate::frames::{FramePlayer, MediaPlayer};

/// The class of a chapter bar item whose talk is playing.
pub(crate) const CHAPTER_PLAYING: &str = "recap-chapters__item--playing";

/// The class of a talk in the list that is playing.
const TALK_PLAYING: &str = "recap-talk--playing";

/// A weak handle on a stage, for the listeners of the player it loads.
pub(crate) type Handle = Weak<RefCell<Inner>>;

/// A loaded player.
enum Loaded {
    Frame(FramePlayer),
    Media(MediaPlayer),
}

pub(crate) struct Inner {
    session: Session,
    /// Where the players come from.
    hosts: PlayerHosts,
    /// The player's accessible name, in the page's language.
    label: String,
    /// This stage's own handle, for the listeners of the player it loads.
    this: Handle,
    /// Where the facade, then the player, lives.
    screen: Element,
    /// What is marked while its talk plays: the chapter bar's items and the talks in the list,
    /// each with the index of its talk and the class that marks it.
    marks: Vec<(usize, Element, &'static str)>,
    loaded: Option<Loaded>,
}

impl Inner {
    pub(crate) fn new(
        session: Session,
        hosts: PlayerHosts,
        label: String,
        screen: Element,
        marks: Vec<(usize, Element, &'static str)>,
    ) -> Rc<RefCell<Inner>> {
        Rc::new_cyclic(|this| {
            RefCell::new(Inner {
                session,
                hosts,
                label,
                this: this.clone(),
                screen,
                marks,
                loaded: None,
            })
        })
    }

    /// Tells the session something and carries out what it answers. Ignored while the stage is
    /// busy (a listener firing inside an action).
    pub(crate) fn act(stage: &RefCell<Inner>, tell: impl FnOnce(&mut Session) -> Vec<Action>) {
        if let Ok(mut inner) = stage.try_borrow_mut() {
            let actions = tell(&mut inner.session);
            inner.apply(actions);
        }
    }

    /// A message reached the page: the session hears it if it comes from the player.
    pub(crate) fn on_message(this: &Handle, event: &MessageEvent) {
        let Some(stage) = this.upgrade() else { return };
        let Ok(mut inner) = stage.try_borrow_mut() else {
            return;
        };
        let Some(Loaded::Frame(frame)) = &inner.loaded else {
            return;
        };
        let Some(said) = frame
            .said(event)
            .and_then(|text| inner.session.player().read_message(&text))
        else {
            return;
        };
        let actions = inner.session.heard(said);
        inner.apply(actions);
    }

    /// The handshake timer fired.
    pub(crate) fn on_tick(this: &Handle) {
        if let Some(stage) = this.upgrade() {
            Inner::act(&stage, Session::tick);
        }
    }

    /// The `<video>` reported its position.
    pub(crate) fn on_media_time(this: &Handle) {
        let Some(stage) = this.upgrade() else { return };
        let Ok(mut inner) = stage.try_borrow_mut() else {
            return;
        };
        let Some(Loaded::Media(media)) = &inner.loaded else {
            return;
        };
        let position = media.position();
        let actions = inner.session.heard(position);
        inner.apply(actions);
    }

    /// Takes the page's talk elements as the ones to mark in the list, marked as they stand.
    pub(crate) fn mark_talks(&mut self, talks: Vec<(usize, Element)>) {
        self.marks.retain(|(_, _, class)| *class != TALK_PLAYING);
        self.marks
            .extend(talks.into_iter().map(|(talk, el)| (talk, el, TALK_PLAYING)));
        self.highlight(self.session.playing());
    }

    /// Carries out `actions` in order.
    fn apply(&mut self, actions: Vec<Action>) {
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
                Action::LayOut(segments) => self.lay_out(&segments),
                // Scrolls the recording into view when a jump was asked for from below it (on
                // wide screens it stays beside the talks and nothing moves).
                Action::Reveal => recap_dom::bring_into_view(&self.screen),
            }
        }
    }

    /// Replaces the facade with the player, playing from `start`; with `focus`, focus moves
    /// into it, since the button that had it is gone.
    fn load(&mut self, start: u32, focus: bool) {
        if self.loaded.is_some() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let page_origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let label = self.label.clone();
        let player = self.session.player();
        let element = |tag: &str, attrs: &[(&str, &str)]| {
            let el = document.create_element(tag).ok()?;
            el.set_class_name("recap-video__player");
            for (name, value) in attrs {
                let _ = el.set_attribute(name, value);
            }
            self.screen.replace_children_with_node_1(&el);
            Some(el)
        };
        self.loaded = if let (Some(src), Some(origin)) = (
            player.embed_src(&self.hosts, &page_origin, start),
            player.origin(&self.hosts),
        ) {
            let frame = element(
                "iframe",
                &[
                    ("title", &label),
                    (
                        "allow",
                        "autoplay; encrypted-media; picture-in-picture; fullscreen",
                    ),
                    ("referrerpolicy", "strict-origin-when-cross-origin"),
                    ("src", &src),
                ],
            );
            let origin = origin.to_owned();
            frame
                .and_then(|f| f.dyn_into::<HtmlIFrameElement>().ok())
                .map(|frame| {
                    let (heard, tick) = (self.this.clone(), self.this.clone());
                    Loaded::Frame(FramePlayer::listen(
                        frame,
                        origin,
                        move |event| Inner::on_message(&heard, &event),
                        move || Inner::on_tick(&tick),
                    ))
                })
        } else if let Some(src) = player.file_src(start) {
            let video = element(
                "video",
                &[
                    ("controls", ""),
                    ("playsinline", ""),
                    ("preload", "metadata"),
                    ("aria-label", &label),
                    ("src", &src),
                ],
            );
            video
                .and_then(|v| v.dyn_into::<HtmlMediaElement>().ok())
                .map(|video| {
                    let this = self.this.clone();
                    Loaded::Media(MediaPlayer::listen(video, move || {
                        Inner::on_media_time(&this)
                    }))
                })
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
                let _ = el.set_attribute("aria-current", "true");
            } else {
                let _ = el.remove_attribute("aria-current");
            }
        }
    }

    /// Sizes the chapter bar's segments by their length in the recording, now that it is known.
    fn lay_out(&self, segments: &[Chapter]) {
        let chapters: Vec<(usize, Element)> = self
            .marks
            .iter()
            .filter(|(_, _, class)| *class == CHAPTER_PLAYING)
            .map(|(talk, li, _)| (*talk, li.clone()))
            .collect();
        crate::lay_out_chapters(&chapters, segments);
    }
}
