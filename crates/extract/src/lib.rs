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
//! code). What crosses is typed, with no JSON text: the post's text and what the item already
//! says, and back an item's `_recap` as two flat arrays (`recap_core::crossing::ItemWire`). The
//! app's test `src/modules.rs` calls the host side on the built module.

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
    use recap_core::crossing::ItemWire;
    use recap_core::extract::{extract, EventMeta};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// What the post `content_html` says of its talks, sponsors and next meetup, as an item's
    /// `_recap` in two flat arrays (`ItemWire::of_recap`). `location` and `video` are what the
    /// item's `_recap` already says.
    #[wasm_bindgen]
    pub fn extract_recap(
        content_html: &str,
        location: Option<String>,
        video: Option<String>,
    ) -> Wire {
        let blocks = super::blocks_from_html(content_html);
        let meta = EventMeta {
            location: location.as_deref(),
            video: video.as_deref(),
        };
        let ItemWire { strings, numbers } = ItemWire::of_recap(&extract(&blocks, meta).recap);
        Wire { strings, numbers }
    }

    /// The two arrays of an [`ItemWire`].
    #[wasm_bindgen(getter_with_clone)]
    pub struct Wire {
        #[wasm_bindgen(readonly)]
        pub strings: Vec<String>,
        #[wasm_bindgen(readonly)]
        pub numbers: Vec<u32>,
    }
}

/// The app's side: the loaded module and what it answers, as extern types whose methods and
/// getters are the exports above, name for name.
#[cfg(feature = "host")]
pub mod host {
    use recap_core::crossing::ItemWire;
    use recap_core::extract::EventMeta;
    use recap_core::Recap;
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
        ) -> Wire;

        /// `export::Wire`.
        type Wire;
        #[wasm_bindgen(method, getter)]
        fn strings(this: &Wire) -> Vec<String>;
        #[wasm_bindgen(method, getter)]
        fn numbers(this: &Wire) -> Vec<u32>;
    }

    impl Extractor {
        /// What the post `content_html` says of its talks, sponsors and next meetup, told what
        /// the item already says (`meta`): for `recap_core::Item::fill_from`. `None` when the
        /// module's answer is not a `_recap`.
        pub fn extract(&self, content_html: &str, meta: EventMeta<'_>) -> Option<Recap> {
            let wire = self.extract_recap(content_html, meta.location, meta.video);
            ItemWire {
                strings: wire.strings(),
                numbers: wire.numbers(),
            }
            .recap()
        }
    }
}
