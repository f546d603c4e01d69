//! The in-browser talk extractor: a wasm module of its own (`recap-extract.js` and
//! `recap-extract_bg.wasm`, named after this package: [`NAME`]), fetched by the app only for a
//! feed whose items lack `_recap.talks` (a plain Jekyll `feed.json`). A feed made by `recap-feed`
//! already carries its talks, and its visitors never download this code.
//!
//! For one item it builds the block model from `content_html` with the browser's `DOMParser`
//! ([`blocks_from_html`]) and runs the same extractor as the CLI. The allow-list sanitiser of an
//! event's full recap (`sanitize`, feature `sanitize`) reads the post with the same parser; the
//! event module (`crates/event`) links it.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default; `src/main.rs` links them into the module Trunk builds) and, beside it,
//! the extern types the app calls it through (feature `host`, which compiles none of the module's
//! code). What crosses is typed: classes with read-only getters, strings, numbers, `Option`s and
//! arrays, no JSON text. The app's test `src/modules.rs` calls every getter of the host side on the
//! built module.

#[cfg(feature = "walker")]
mod blocks;
mod parse;
#[cfg(feature = "sanitize")]
pub mod sanitize;

#[cfg(feature = "walker")]
pub use blocks::blocks_from_html;
pub use parse::parse_body;

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::extract::{extract, EventMeta};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// What the post `content_html` says of its talks, sponsors and next meetup. `location` and
    /// `video` are what the item's `_recap` already says.
    #[wasm_bindgen]
    pub fn extract_recap(
        content_html: &str,
        location: Option<String>,
        video: Option<String>,
    ) -> Extracted {
        let blocks = super::blocks_from_html(content_html);
        let meta = EventMeta {
            location: location.as_deref(),
            video: video.as_deref(),
        };
        Extracted::from(extract(&blocks, meta).recap)
    }

    /// An item's `_recap` as read from its post.
    #[wasm_bindgen]
    pub struct Extracted {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub location: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub video: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub talks: Option<Vec<ExtractedTalk>>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub next_event: Option<ExtractedNext>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub sponsors: Vec<ExtractedSponsor>,
    }

    /// A talk: `recap_core::Talk`.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct ExtractedTalk {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub title: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub speakers: Vec<ExtractedSpeaker>,
        #[wasm_bindgen(readonly)]
        pub start: Option<u32>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub video_url: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub takeaways: Vec<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub links: Vec<ExtractedLink>,
    }

    /// A speaker: `recap_core::Speaker`.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct ExtractedSpeaker {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub name: String,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub org: Option<String>,
    }

    /// A talk's link: `recap_core::Link`.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct ExtractedLink {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub label: String,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub url: String,
    }

    /// The next meetup: `recap_core::NextEvent`.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct ExtractedNext {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub date_text: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub rsvp_url: Option<String>,
    }

    /// A sponsor: `recap_core::Sponsor`.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct ExtractedSponsor {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub name: String,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub url: Option<String>,
    }

    impl From<recap_core::Recap> for Extracted {
        fn from(recap: recap_core::Recap) -> Self {
            Extracted {
                location: recap.location,
                video: recap.video,
                talks: recap.talks.map(|talks| {
                    talks
                        .into_iter()
                        .map(|talk| ExtractedTalk {
                            title: talk.title,
                            speakers: talk
                                .speakers
                                .into_iter()
                                .map(|s| ExtractedSpeaker {
                                    name: s.name,
                                    org: s.org,
                                })
                                .collect(),
                            start: talk.start,
                            video_url: talk.video_url,
                            takeaways: talk.takeaways,
                            links: talk
                                .links
                                .into_iter()
                                .map(|l| ExtractedLink {
                                    label: l.label,
                                    url: l.url,
                                })
                                .collect(),
                        })
                        .collect()
                }),
                next_event: recap.next_event.map(|n| ExtractedNext {
                    date_text: n.date_text,
                    rsvp_url: n.rsvp_url,
                }),
                sponsors: recap
                    .sponsors
                    .into_iter()
                    .map(|s| ExtractedSponsor {
                        name: s.name,
                        url: s.url,
                    })
                    .collect(),
            }
        }
    }
}

/// The app's side: the loaded module and what it answers, as extern types whose methods and
/// getters are the exports above, name for name.
#[cfg(feature = "host")]
pub mod host {
    use recap_core::extract::EventMeta;
    use recap_core::{Link, NextEvent, Recap, Speaker, Sponsor, Talk};
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// The loaded module: its namespace object, once its wasm is instantiated.
        pub type Extractor;
        #[wasm_bindgen(method)]
        fn extract_recap(
            this: &Extractor,
            content_html: &str,
            location: Option<&str>,
            video: Option<&str>,
        ) -> Extracted;

        /// `export::Extracted`.
        pub type Extracted;
        #[wasm_bindgen(method, getter)]
        fn location(this: &Extracted) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn video(this: &Extracted) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn talks(this: &Extracted) -> Option<Vec<ExtractedTalk>>;
        #[wasm_bindgen(method, getter)]
        fn next_event(this: &Extracted) -> Option<ExtractedNext>;
        #[wasm_bindgen(method, getter)]
        fn sponsors(this: &Extracted) -> Vec<ExtractedSponsor>;

        type ExtractedTalk;
        #[wasm_bindgen(method, getter)]
        fn title(this: &ExtractedTalk) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn speakers(this: &ExtractedTalk) -> Vec<ExtractedSpeaker>;
        #[wasm_bindgen(method, getter)]
        fn start(this: &ExtractedTalk) -> Option<u32>;
        #[wasm_bindgen(method, getter)]
        fn video_url(this: &ExtractedTalk) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn takeaways(this: &ExtractedTalk) -> Vec<String>;
        #[wasm_bindgen(method, getter)]
        fn links(this: &ExtractedTalk) -> Vec<ExtractedLink>;

        type ExtractedSpeaker;
        #[wasm_bindgen(method, getter)]
        fn name(this: &ExtractedSpeaker) -> String;
        #[wasm_bindgen(method, getter)]
        fn org(this: &ExtractedSpeaker) -> Option<String>;

        type ExtractedLink;
        #[wasm_bindgen(method, getter)]
        fn label(this: &ExtractedLink) -> String;
        #[wasm_bindgen(method, getter)]
        fn url(this: &ExtractedLink) -> String;

        type ExtractedNext;
        #[wasm_bindgen(method, getter)]
        fn date_text(this: &ExtractedNext) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn rsvp_url(this: &ExtractedNext) -> Option<String>;

        type ExtractedSponsor;
        #[wasm_bindgen(method, getter)]
        fn name(this: &ExtractedSponsor) -> String;
        #[wasm_bindgen(method, getter)]
        fn url(this: &ExtractedSponsor) -> Option<String>;
    }

    impl Extractor {
        /// What the post `content_html` says of its talks, sponsors and next meetup, told what
        /// the item already says (`meta`): for `recap_core::Item::fill_from`.
        pub fn extract(&self, content_html: &str, meta: EventMeta<'_>) -> Recap {
            self.extract_recap(content_html, meta.location, meta.video)
                .recap()
        }
    }

    impl Extracted {
        /// Read into the feed's own model.
        pub fn recap(&self) -> Recap {
            Recap {
                location: self.location(),
                video: self.video(),
                talks: self.talks().map(|talks| talks.iter().map(talk).collect()),
                next_event: self.next_event().map(|next| NextEvent {
                    date_text: next.date_text(),
                    rsvp_url: next.rsvp_url(),
                }),
                sponsors: self
                    .sponsors()
                    .iter()
                    .map(|s| Sponsor {
                        name: s.name(),
                        url: s.url(),
                    })
                    .collect(),
            }
        }
    }

    fn talk(talk: &ExtractedTalk) -> Talk {
        Talk {
            title: talk.title(),
            speakers: talk
                .speakers()
                .iter()
                .map(|s| Speaker {
                    name: s.name(),
                    org: s.org(),
                })
                .collect(),
            start: talk.start(),
            video_url: talk.video_url(),
            takeaways: talk.takeaways(),
            links: talk
                .links()
                .iter()
                .map(|l| Link {
                    label: l.label(),
                    url: l.url(),
                })
                .collect(),
        }
    }
}
