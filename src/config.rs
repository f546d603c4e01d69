//! What the app is given when it is mounted: where it lives and what it loads ([`Config`], read
//! from the host page by `src/mount.rs`), and what waits for it to show its page ([`OnReady`]).

use recap_core::player::PlayerHosts;
use recap_core::source::FeedSource;

use crate::api::Fetcher;
use crate::router::{History, RouterOptions};

/// Where the app lives and what it loads.
#[derive(Debug, Clone)]
pub struct Config {
    /// The feed to load, and a notice when a `?feed=` was refused.
    pub source: FeedSource,
    /// Where the router keeps its place, and what it shows first.
    pub router: RouterOptions,
    /// Where the video players come from (the mount element's `data-youtube-host` and
    /// `data-vimeo-host`, or the embed's `youtube-host` and `vimeo-host`).
    pub hosts: PlayerHosts,
    /// The embed loader's shared fetch (`fetch(url, again) -> Promise<Response>`), if any.
    pub fetch: Option<js_sys::Function>,
    /// How long the feed may take to arrive, in milliseconds (the mount element's
    /// `data-feed-timeout`, or the embed's `feed-timeout`; default 15 s).
    pub timeout_ms: u32,
    /// The interface's language (the mount element's `data-lang`, the embed's `lang`, else the
    /// page's `<html lang>`).
    pub lang: recap_core::i18n::Lang,
}

impl Config {
    /// Whether the app is the page (standalone) rather than an element of another page.
    pub fn owns_page(&self) -> bool {
        self.router.history == History::Page
    }

    /// How feeds are fetched.
    pub fn fetcher(&self) -> Fetcher {
        Fetcher::new(self.fetch.clone(), self.timeout_ms)
    }
}

/// What runs once the app shows its page, every static part built (see [`crate::ready`]).
#[derive(Default)]
pub struct OnReady(pub(crate) Option<Box<dyn FnOnce()>>);

impl OnReady {
    /// Runs `then` once the app is ready.
    pub fn new(then: impl FnOnce() + 'static) -> Self {
        OnReady(Some(Box::new(then)))
    }
}
