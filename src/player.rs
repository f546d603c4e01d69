//! The event video on the page: a facade until the visitor asks for the recording, then one
//! player (an iframe for YouTube and Vimeo, a native `<video>` for media files) that time links
//! and the chapter bar move in place, and the talk that is playing, highlighted.
//!
//! Built as plain DOM like [`crate::render`]. What to load, what to send and how to read the
//! answers is decided by [`recap_core::player`]; this module only moves elements and messages.
//! There is one player per page, kept in a thread-local and dropped with the page: dropping it
//! removes its listeners and stops its handshake.

use std::cell::RefCell;

use recap_core::player::{chapters, report_counts, talk_at, Player, PlayerEvent, PlayerHosts};
use recap_core::time::format_clock;
use recap_core::url::safe_url;
use recap_core::{Item, Talk};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlIFrameElement, HtmlMediaElement, MessageEvent};

use crate::render::{set, Dom};

/// How often the handshake is sent until the player answers, in milliseconds.
const HANDSHAKE_EVERY_MS: i32 = 250;

thread_local! {
    static HOSTS: RefCell<PlayerHosts> = RefCell::new(PlayerHosts::default());
    static STAGE: RefCell<Option<Stage>> = const { RefCell::new(None) };
    /// Shared by every facade: connects early to the player's host.
    static PRECONNECT: Closure<dyn Fn()> = Closure::new(preconnect);
    /// Swallows a refused `play()` (a browser that blocks playing without a tap): the controls
    /// stay there to press.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

/// Sets where the iframe players are loaded from (the mount element's `data-youtube-host` and
/// `data-vimeo-host`).
pub fn configure(hosts: PlayerHosts) {
    HOSTS.with(|h| *h.borrow_mut() = hosts);
}

/// The player of the page on show.
struct Stage {
    /// The event's id: a page only takes down its own player.
    key: String,
    player: Player,
    talks: Vec<Talk>,
    title: String,
    /// Where the facade, then the player, lives.
    screen: Element,
    /// The chapter bar's items, with the index of their talk.
    chapters: Vec<(usize, Element)>,
    /// The moment the page's URL names, for the first play.
    start: Option<u32>,
    loaded: Option<Loaded>,
    /// Whether the iframe player has answered the handshake.
    answered: bool,
    /// A jump asked for before the player answered.
    pending: Option<u32>,
    playing: Option<usize>,
    duration: Option<f64>,
    /// The last jump not yet seen through: target seconds, and when it was asked (ms).
    jump: Option<(u32, f64)>,
    preconnected: bool,
}

enum Loaded {
    Frame {
        frame: HtmlIFrameElement,
        origin: String,
        on_message: Closure<dyn Fn(MessageEvent)>,
        /// Kept alive while the interval calls it.
        _on_tick: Closure<dyn Fn()>,
        interval: Option<i32>,
    },
    Video {
        video: HtmlMediaElement,
        on_time: Closure<dyn Fn()>,
    },
}

impl Drop for Stage {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        match &self.loaded {
            Some(Loaded::Frame {
                on_message,
                interval,
                ..
            }) => {
                let _ = window.remove_event_listener_with_callback(
                    "message",
                    on_message.as_ref().unchecked_ref(),
                );
                if let Some(id) = interval {
                    window.clear_interval_with_handle(*id);
                }
            }
            Some(Loaded::Video { video, on_time }) => {
                let _ = video.remove_event_listener_with_callback(
                    "timeupdate",
                    on_time.as_ref().unchecked_ref(),
                );
            }
            None => {}
        }
    }
}

/// The recording's area of an event page: the facade (the event's picture and a real button),
/// a link to the recording on its own site, and the chapter bar. `start` is the page's `?t=`.
pub fn video_area(dom: &Dom, item: &Item, start: Option<u32>) -> Element {
    let area = dom.el("section", "recap-video");
    set(&area, "aria-label", "Recording");
    let title = item.display_title().to_owned();
    let player = Player::for_item(item);
    let screen = dom.child(&area, "div", "recap-video__screen");
    let poster = item
        .image
        .as_deref()
        .and_then(safe_url)
        .or_else(|| match &player {
            // The only third-party request before a click, and only for an event without a picture.
            Some(Player::YouTube(id)) => Some(format!("https://i.ytimg.com/vi/{id}/hqdefault.jpg")),
            _ => None,
        });
    let actions = dom.child(&area, "p", "recap-video__actions");
    let Some(player) = player.filter(|p| !matches!(p, Player::Link(_))) else {
        poster_picture(dom, &screen, poster.as_deref());
        match item.recap.as_ref().and_then(|r| r.video.as_deref()) {
            Some(link) => {
                dom.outside_link(&actions, link, "recap-button", "Watch the recording");
            }
            None => {
                dom.text_child(
                    &actions,
                    "span",
                    "recap-video__none",
                    "No recording of this event.",
                );
            }
        }
        STAGE.with(|s| s.borrow_mut().take());
        return area;
    };

    let button = dom.child(&screen, "button", "recap-video__play");
    set(&button, "type", "button");
    set(&button, "data-play", "");
    poster_picture(dom, &button, poster.as_deref());
    let label = dom.child(&button, "span", "recap-video__label");
    dom.text_child(&label, "span", "recap-video__icon", "");
    let text = dom.text_child(&label, "span", "", "Play the recording");
    dom.text_child(
        &text,
        "span",
        "recap-visually-hidden",
        &format!(" of {title}"),
    );
    if let Some(t) = start.filter(|&t| t > 0) {
        dom.text(&text, &format!(" from {}", format_clock(t)));
    }
    if let Some(recording) = item.recording() {
        let (site, href) = match &player {
            Player::YouTube(_) => ("Watch on YouTube", recording.url_at(start.unwrap_or(0))),
            Player::Vimeo(_) => ("Watch on Vimeo", recording.url_at(start.unwrap_or(0))),
            _ => ("Download the recording", recording.id.clone()),
        };
        dom.outside_link(&actions, &href, "", site);
    }

    let talks = item.talks().to_vec();
    let chapter_items = chapter_bar(dom, &area, &talks);
    let stage = Stage {
        key: item.id.clone(),
        player,
        talks,
        title,
        screen,
        chapters: chapter_items,
        start,
        loaded: None,
        answered: false,
        pending: None,
        playing: None,
        duration: None,
        jump: None,
        preconnected: false,
    };
    // Connecting early to the player's host only when the visitor shows interest.
    PRECONNECT.with(|handler| {
        for event in ["pointerenter", "focus"] {
            let _ =
                button.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        }
    });
    STAGE.with(|s| *s.borrow_mut() = Some(stage));
    area
}

/// Forgets the player of the event `key`, if it is the one on show: its listeners and
/// handshake stop.
pub fn unmount(key: &str) {
    STAGE.with(|s| {
        let mut stage = s.borrow_mut();
        if stage.as_ref().is_some_and(|stage| stage.key == key) {
            stage.take();
        }
    });
}

/// The facade's button was pressed: play from the page's moment.
pub fn play() {
    with_stage(|stage| {
        let start = stage.start.unwrap_or(0);
        load(stage, start);
        highlight(stage, f64::from(start));
    });
}

/// Moves the recording to `seconds` and plays it: in place when the player is loaded, else by
/// loading it there. `false` when the page has no player to move.
pub fn jump(seconds: u32) -> bool {
    with_stage(|stage| {
        match &stage.loaded {
            Some(Loaded::Frame { frame, origin, .. }) if stage.answered => {
                for message in stage.player.seek_messages(seconds) {
                    post(frame, origin, &message);
                }
            }
            Some(Loaded::Frame { .. }) => stage.pending = Some(seconds),
            Some(Loaded::Video { video, .. }) => {
                video.set_current_time(f64::from(seconds));
                play_media(video);
            }
            None => load(stage, seconds),
        }
        stage.jump = Some((seconds, now_ms()));
        highlight(stage, f64::from(seconds));
        bring_into_view(&stage.screen);
    })
    .is_some()
}

fn with_stage<R>(f: impl FnOnce(&mut Stage) -> R) -> Option<R> {
    STAGE.with(|s| s.try_borrow_mut().ok()?.as_mut().map(f))
}

fn poster_picture(dom: &Dom, parent: &Element, src: Option<&str>) {
    match src {
        Some(src) => {
            let img = dom.child(parent, "img", "recap-video__poster");
            set(&img, "alt", "");
            set(&img, "decoding", "async");
            set(&img, "src", src);
        }
        None => {
            dom.child(
                parent,
                "div",
                "recap-video__poster recap-video__poster--placeholder",
            );
        }
    }
}

/// The timed talks as segments of the recording: buttons that jump there.
fn chapter_bar(dom: &Dom, area: &Element, talks: &[Talk]) -> Vec<(usize, Element)> {
    let segments = chapters(talks, None);
    if segments.is_empty() {
        return Vec::new();
    }
    let nav = dom.child(area, "nav", "recap-chapters");
    set(&nav, "aria-label", "Chapters");
    let ol = dom.child(&nav, "ol", "recap-chapters__list");
    let mut items = Vec::with_capacity(segments.len());
    for segment in &segments {
        let li = dom.child(&ol, "li", "recap-chapters__item");
        let title = talks[segment.talk].title_or_place(segment.talk + 1);
        let clock = format_clock(segment.start);
        let button = dom.child(&li, "button", "recap-chapters__button");
        set(&button, "type", "button");
        set(&button, "data-t", &segment.start.to_string());
        dom.text_child(&button, "span", "recap-chapters__time", &clock);
        dom.text(&button, " ");
        dom.text_child(&button, "span", "recap-chapters__title", &title);
        set(&button, "title", &format!("{clock} {title}"));
        items.push((segment.talk, li));
    }
    lay_out(&items, talks, None);
    items
}

/// Sizes the chapter bar's segments by their length in the recording.
fn lay_out(items: &[(usize, Element)], talks: &[Talk], duration: Option<f64>) {
    let segments = chapters(talks, duration);
    for (talk, li) in items {
        if let Some(segment) = segments.iter().find(|s| s.talk == *talk) {
            // In tenths of a percent: integers spare the wasm the float formatting code.
            let grow = (segment.width * 10.0).round() as u32;
            set(li, "style", &format!("flex-grow:{grow}"));
        }
    }
}

fn preconnect() {
    let origin = with_stage(|stage| {
        let origin = HOSTS.with(|h| stage.player.origin(&h.borrow()).map(str::to_owned));
        (!std::mem::replace(&mut stage.preconnected, true))
            .then_some(origin)
            .flatten()
    })
    .flatten();
    let (Some(origin), Some(dom)) = (origin, Dom::new()) else {
        return;
    };
    let link = dom.el("link", "");
    set(&link, "rel", "preconnect");
    set(&link, "href", &origin);
    if let Some(head) = dom.document().head() {
        let _ = head.append_child(&link);
    }
}

/// Replaces the facade with the player, playing from `start`.
fn load(stage: &mut Stage, start: u32) {
    if stage.loaded.is_some() {
        return;
    }
    let Some(dom) = Dom::new() else {
        return;
    };
    let page_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let hosts = HOSTS.with(|h| h.borrow().clone());
    let label = format!("Recording of {}", stage.title);
    if let (Some(src), Some(origin)) = (
        stage.player.embed_src(&hosts, &page_origin, start),
        stage.player.origin(&hosts),
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
        stage.screen.replace_children_with_node_1(&frame);
        let Ok(frame) = frame.dyn_into::<HtmlIFrameElement>() else {
            return;
        };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
        let on_tick = Closure::<dyn Fn()>::new(handshake);
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        }
        let interval = window.and_then(|w| {
            w.set_interval_with_callback_and_timeout_and_arguments_0(
                on_tick.as_ref().unchecked_ref(),
                HANDSHAKE_EVERY_MS,
            )
            .ok()
        });
        stage.loaded = Some(Loaded::Frame {
            frame,
            origin: origin.to_owned(),
            on_message,
            _on_tick: on_tick,
            interval,
        });
    } else if let Some(src) = stage.player.file_src(start) {
        let video = dom.el("video", "recap-video__player");
        set(&video, "controls", "");
        set(&video, "playsinline", "");
        set(&video, "preload", "metadata");
        set(&video, "aria-label", &label);
        set(&video, "src", &src);
        stage.screen.replace_children_with_node_1(&video);
        let Ok(video) = video.dyn_into::<HtmlMediaElement>() else {
            return;
        };
        let on_time = Closure::<dyn Fn()>::new(on_video_time);
        let _ =
            video.add_event_listener_with_callback("timeupdate", on_time.as_ref().unchecked_ref());
        // Called within the click, so that one tap plays on phones too.
        play_media(&video);
        stage.loaded = Some(Loaded::Video { video, on_time });
    }
}

/// Scrolls the recording into view when a jump was asked for from below it (on wide screens it
/// stays beside the talks and nothing moves).
fn bring_into_view(screen: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = screen.get_bounding_client_rect();
    if rect.top() < 0.0 || rect.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        screen.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn play_media(video: &HtmlMediaElement) {
    if let Ok(playing) = video.play() {
        IGNORE.with(|ignore| {
            let _ = playing.catch(ignore);
        });
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn post(frame: &HtmlIFrameElement, origin: &str, message: &str) {
    if let Some(target) = frame.content_window() {
        let _ = target.post_message(&JsValue::from_str(message), origin);
    }
}

/// Sent until the player answers.
fn handshake() {
    with_stage(|stage| {
        if let (Some(Loaded::Frame { frame, origin, .. }), Some(message)) =
            (&stage.loaded, stage.player.handshake())
        {
            post(frame, origin, &message);
        }
    });
}

/// A message to the page: read only when it comes from the player's exact origin and window.
fn on_message(event: MessageEvent) {
    with_stage(|stage| {
        let Some(Loaded::Frame {
            frame,
            origin,
            interval,
            ..
        }) = &mut stage.loaded
        else {
            return;
        };
        let from_player = event.origin() == *origin
            && match (event.source(), frame.content_window()) {
                (Some(source), Some(window)) => js_sys::Object::is(&source, &window),
                _ => false,
            };
        if !from_player {
            return;
        }
        let data = event.data();
        // YouTube sends JSON text, Vimeo objects.
        let text = data.as_string().or_else(|| {
            js_sys::JSON::stringify(&data)
                .ok()
                .and_then(|s| s.as_string())
        });
        let Some(said) = text.and_then(|t| stage.player.read_message(&t)) else {
            return;
        };
        let frame = frame.clone();
        let origin = origin.clone();
        if let Some(id) = interval.take() {
            if let Some(window) = web_sys::window() {
                window.clear_interval_with_handle(id);
            }
        }
        if !std::mem::replace(&mut stage.answered, true) {
            // A player that spoke first (Vimeo's unasked `ready`) gets the handshake now.
            if let Some(message) = stage.player.handshake() {
                post(&frame, &origin, &message);
            }
        }
        if let Some(seconds) = stage.pending.take() {
            for message in stage.player.seek_messages(seconds) {
                post(&frame, &origin, &message);
            }
        }
        let (current, duration) = match said {
            PlayerEvent::Ready { duration } => (None, duration),
            PlayerEvent::Time { current, duration } => (Some(current), duration),
        };
        learn_duration(stage, duration);
        if let Some(current) = current {
            reported(stage, current);
        }
    });
}

fn on_video_time() {
    with_stage(|stage| {
        let Some(Loaded::Video { video, .. }) = &stage.loaded else {
            return;
        };
        let (current, duration) = (video.current_time(), video.duration());
        learn_duration(stage, Some(duration).filter(|d| d.is_finite() && *d > 0.0));
        reported(stage, current);
    });
}

/// The player says where it is: the highlight follows, unless it is a report of the position
/// before the last jump.
fn reported(stage: &mut Stage, current: f64) {
    let jump = stage.jump.map(|(target, at)| (target, now_ms() - at));
    if !report_counts(current, jump) {
        return;
    }
    stage.jump = None;
    highlight(stage, current);
}

fn learn_duration(stage: &mut Stage, duration: Option<f64>) {
    if duration.is_some() && stage.duration.is_none() {
        stage.duration = duration;
        lay_out(&stage.chapters, &stage.talks, duration);
    }
}

/// Marks the talk playing at `seconds`, in the talk list and in the chapter bar.
fn highlight(stage: &mut Stage, seconds: f64) {
    let playing = talk_at(&stage.talks, seconds);
    if playing == stage.playing {
        return;
    }
    stage.playing = playing;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let talks = document.query_selector_all(".recap-talk[data-talk]").ok();
    let marks = talks
        .iter()
        .flat_map(|list| (0..list.length()).filter_map(|i| list.item(i)))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .map(|el| {
            let index = el.get_attribute("data-talk").and_then(|i| i.parse().ok());
            (index, el, "recap-talk--playing")
        })
        .chain(
            stage
                .chapters
                .iter()
                .map(|(talk, li)| (Some(*talk), li.clone(), "recap-chapters__item--playing")),
        );
    for (index, el, class) in marks {
        let on = index.is_some() && index == playing;
        let _ = el.class_list().toggle_with_force(class, on);
        if on {
            set(&el, "aria-current", "true");
        } else {
            let _ = el.remove_attribute("aria-current");
        }
    }
}
