//! The loaded players and what passes between them and the page: postMessage to and from an
//! iframe player (read only from its exact origin and window), the handshake timer, and a
//! native `<video>`'s position. Each player removes its listeners and timer when dropped.

use recap_core::player::PlayerEvent;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlIFrameElement, HtmlMediaElement, MessageEvent};

/// How often the handshake is sent until the player answers, in milliseconds.
const HANDSHAKE_EVERY_MS: i32 = 250;

/// A YouTube or Vimeo iframe player.
pub(crate) struct FramePlayer {
    frame: HtmlIFrameElement,
    /// The player's origin: messages go only there and are read only from there.
    origin: String,
    on_message: Closure<dyn Fn(MessageEvent)>,
    /// Kept alive while the interval calls it.
    _on_tick: Closure<dyn Fn()>,
    interval: Option<i32>,
}

impl FramePlayer {
    /// Listens to `frame`'s messages and starts the handshake timer: each message goes to
    /// `heard`, each tick to `tick`.
    pub fn listen(
        frame: HtmlIFrameElement,
        origin: String,
        heard: impl Fn(MessageEvent) + 'static,
        tick: impl Fn() + 'static,
    ) -> FramePlayer {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(heard);
        let on_tick = Closure::<dyn Fn()>::new(tick);
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
        FramePlayer {
            frame,
            origin,
            on_message,
            _on_tick: on_tick,
            interval,
        }
    }

    /// The iframe element.
    pub fn element(&self) -> &HtmlIFrameElement {
        &self.frame
    }

    /// Sends `message` to the player, addressed to its origin only.
    pub fn post(&self, message: &str) {
        if let Some(target) = self.frame.content_window() {
            let _ = target.post_message(&JsValue::from_str(message), &self.origin);
        }
    }

    pub fn stop_handshake(&mut self) {
        if let (Some(id), Some(window)) = (self.interval.take(), web_sys::window()) {
            window.clear_interval_with_handle(id);
        }
    }

    /// The text of `event` when it comes from this player's exact origin and window (YouTube
    /// sends JSON text, Vimeo objects); `None` for anything else.
    pub fn said(&self, event: &MessageEvent) -> Option<String> {
        let from_player = event.origin() == self.origin
            && match (event.source(), self.frame.content_window()) {
                (Some(source), Some(window)) => js_sys::Object::is(&source, &window),
                _ => false,
            };
        if !from_player {
            return None;
        }
        let data = event.data();
        data.as_string().or_else(|| {
            js_sys::JSON::stringify(&data)
                .ok()
                .and_then(|s| s.as_string())
        })
    }
}

impl Drop for FramePlayer {
    fn drop(&mut self) {
        self.stop_handshake();
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.on_message.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A native `<video>` playing a media file.
pub(crate) struct MediaPlayer {
    video: HtmlMediaElement,
    on_time: Closure<dyn Fn()>,
    /// Swallows a refused `play()` (a browser that blocks playing without a tap): the controls
    /// stay there to press.
    ignore: Closure<dyn FnMut(JsValue)>,
}

impl MediaPlayer {
    /// Calls `moved` as `video` plays, and plays it (within the click, so that one tap plays
    /// on phones too).
    pub fn listen(video: HtmlMediaElement, moved: impl Fn() + 'static) -> MediaPlayer {
        let on_time = Closure::<dyn Fn()>::new(moved);
        let _ =
            video.add_event_listener_with_callback("timeupdate", on_time.as_ref().unchecked_ref());
        let media = MediaPlayer {
            video,
            on_time,
            ignore: Closure::new(|_: JsValue| {}),
        };
        media.play();
        media
    }

    /// The `<video>` element.
    pub fn element(&self) -> &HtmlMediaElement {
        &self.video
    }

    /// Where the video is, as a player report.
    pub fn position(&self) -> PlayerEvent {
        let duration = self.video.duration();
        PlayerEvent::Time {
            current: self.video.current_time(),
            duration: (duration.is_finite() && duration > 0.0).then_some(duration),
        }
    }

    /// Moves the video to `seconds` and plays it.
    pub fn seek(&self, seconds: u32) {
        self.video.set_current_time(f64::from(seconds));
        self.play();
    }

    fn play(&self) {
        if let Ok(playing) = self.video.play() {
            let _ = playing.catch(&self.ignore);
        }
    }
}

impl Drop for MediaPlayer {
    fn drop(&mut self) {
        let _ = self.video.remove_event_listener_with_callback(
            "timeupdate",
            self.on_time.as_ref().unchecked_ref(),
        );
    }
}
