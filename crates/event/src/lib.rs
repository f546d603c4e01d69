//! An event's page as a wasm module of its own (`recap-event.js` and `recap-event_bg.wasm`,
//! named after this package: [`NAME`]): its header, its recording's area (the facade and the
//! chapter bar), its talks with their moments, sponsors, next meetup and photos, and the place
//! of its full recap. The app fetches it when a visitor first opens an event (or, from the
//! list, shows interest in one), so that the first visit, a list of events, carries none of
//! this markup.
//!
//! It writes the same markup functions as `recap-feed pages` ([`recap_core::markup::views`]),
//! as DOM built node by node (`recap_dom`), never text from the feed as HTML; the app
//! keeps what moves: the player (`crates/player`) and the clicks (`data-*`,
//! [`recap_core::markup::protocol`]). It also writes the full recap, the post through the
//! allow-list sanitiser, when a visitor first opens it.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default) and the extern types the app calls it through (feature `host`). What
//! crosses is typed: the event as two flat arrays ([`recap_core::crossing::ItemWire`]),
//! strings, numbers, and back a class whose getters give the elements the player moves.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::crossing::ItemWire;
    use recap_core::i18n::{Catalogue, Lang};
    use recap_core::markup::pages::part;
    use recap_core::markup::photos_in;
    use recap_core::markup::protocol::selector;
    use recap_core::markup::views::{event_body, event_head, video_area, Body, Facade, Neighbour};
    use recap_core::people::link_slug;
    use recap_core::player::{PlayerHosts, Session};
    use recap_core::route::{Addresses, ListQuery, Route};
    use recap_dom::{materialise, Dom};
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    /// What the app needs of the page once written: the screen the facade (then the player)
    /// lives in, where the player would come from, the chapter bar's items and the talks'
    /// elements, each with the index of its talk.
    #[wasm_bindgen]
    pub struct Written {
        screen: Option<Element>,
        origin: Option<String>,
        chapters: Vec<Element>,
        chapter_talks: Vec<u32>,
        talks: Vec<Element>,
        talk_indices: Vec<u32>,
    }

    #[wasm_bindgen]
    impl Written {
        /// The recording's screen, when the page can play it.
        #[wasm_bindgen(getter)]
        pub fn screen(&self) -> Option<Element> {
            self.screen.clone()
        }

        /// The player's origin, to connect to early (YouTube's or Vimeo's).
        #[wasm_bindgen(getter)]
        pub fn origin(&self) -> Option<String> {
            self.origin.clone()
        }

        /// The chapter bar's items.
        #[wasm_bindgen(getter)]
        pub fn chapters(&self) -> Vec<Element> {
            self.chapters.clone()
        }

        /// The index of each chapter's talk.
        #[wasm_bindgen(getter)]
        pub fn chapter_talks(&self) -> Vec<u32> {
            self.chapter_talks.clone()
        }

        /// The talks' elements in the list of talks.
        #[wasm_bindgen(getter)]
        pub fn talks(&self) -> Vec<Element> {
            self.talks.clone()
        }

        /// The index of each of those talks.
        #[wasm_bindgen(getter)]
        pub fn talk_indices(&self) -> Vec<u32> {
            self.talk_indices.clone()
        }
    }

    /// A newer or older event from `[id, title]` (anything else: none).
    fn neighbour(mut pair: Vec<String>) -> Neighbour {
        let title = pair.pop()?;
        let id = pair.pop()?;
        pair.is_empty().then_some((id, title))
    }

    /// Writes the page of the event `strings` and `numbers` hold ([`ItemWire`]) into `host`,
    /// in the three parts the pre-rendered page has: its header, its recording's area and the
    /// rest. `newer` and `older` are the neighbouring events as `[id, title]`, or empty; `t`
    /// is the page's `?t=`; `share`: each time gets a "Copy link" button; `alone`: the app
    /// shows this event alone (an embed of one event), without a way back to the list or
    /// links to people's pages. Links are written as `addressing`, `base`, `param` and
    /// `directory` say ([`Addresses::into_parts`]), in the app's catalogue of `lang`, whose
    /// `texts` these are ([`Catalogue::texts`]); `youtube` and `vimeo` are
    /// where their players come from. Throws when the arrays are not an event's.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen]
    pub fn write(
        host: Element,
        strings: Vec<String>,
        numbers: Vec<u32>,
        newer: Vec<String>,
        older: Vec<String>,
        t: Option<u32>,
        share: bool,
        alone: bool,
        addressing: u8,
        base: String,
        param: Option<String>,
        directory: bool,
        lang: String,
        texts: Vec<String>,
        youtube: String,
        vimeo: String,
    ) -> Result<Written, String> {
        let item = ItemWire { strings, numbers }
            .item()
            .ok_or("the event did not reach its page whole")?;
        let texts = Catalogue::from_texts(Lang::from_tag(&lang), texts);
        let addresses = Addresses::from_parts(addressing, base, param, directory);
        let href = |route: &Route| addresses.href(route);
        let list = (!alone).then(|| href(&Route::List(ListQuery::default())));
        let head = event_head(&item, list, &texts);

        let hosts = PlayerHosts { youtube, vimeo };
        let session = Session::for_item(&item, t);
        let player = session.as_ref().map(Session::player);
        let origin = player.and_then(|p| p.origin(&hosts)).map(str::to_owned);
        let segments = session.as_ref().map(Session::chapters).unwrap_or_default();
        let facade = player.map(|player| Facade {
            player,
            start: t,
            chapters: &segments,
        });
        let area = video_area(&item, facade, &texts);

        // The post's pictures, read as the pre-rendered pages read them; a relative one is the
        // page's, as the browser would read it in the post.
        let page = host
            .owner_document()
            .and_then(|d| d.base_uri().ok().flatten());
        let photos = item
            .content_html
            .as_deref()
            .map(|html| photos_in(html, page.as_deref()))
            .unwrap_or_default();
        // Each speaker's name links to their page, unless the event is shown alone.
        let speaker = |name: &str| Some(href(&Route::Speaker(link_slug(name))));
        let body = event_body(
            &item,
            &Body {
                neighbours: (neighbour(newer), neighbour(older)),
                href: &href,
                share,
                photos: &photos,
                full_recap: item.content_html.is_some(),
                speaker_href: (!alone).then_some(&speaker),
                texts: &texts,
            },
        );
        let dom = Dom::new().ok_or("there is no document to write the event in")?;
        let (mut chapters, mut talks) = (Vec::new(), Vec::new());
        let head = materialise(&dom, &part(head), &mut Vec::new());
        let area = materialise(&dom, &part(area), &mut chapters);
        let body = materialise(&dom, &part(body), &mut talks);
        host.replace_children_with_node_3(&head, &area, &body);
        recap_player::lay_out_chapters(&chapters, &segments);
        let screen = session.and(area.query_selector(selector::VIDEO_SCREEN).ok().flatten());
        let ((chapter_talks, chapters), (talk_indices, talks)) = (apart(chapters), apart(talks));
        Ok(Written {
            screen,
            origin,
            chapters,
            chapter_talks,
            talks,
            talk_indices,
        })
    }

    /// The full recap of a post, written when a visitor first opens it: the allowed part of
    /// `content_html` as nodes of the page's document
    /// ([`recap_extract::sanitize::sanitized_fragment`]), or nothing without a document.
    #[wasm_bindgen]
    pub fn full_recap(content_html: &str) -> Option<web_sys::DocumentFragment> {
        let document = web_sys::window()?.document()?;
        Some(recap_extract::sanitize::sanitized_fragment(
            &document,
            content_html,
        ))
    }

    /// The indices and the elements of `keyed`, apart, as they cross.
    fn apart(keyed: Vec<(usize, Element)>) -> (Vec<u32>, Vec<Element>) {
        keyed
            .into_iter()
            .map(|(key, el)| (u32::try_from(key).unwrap_or(u32::MAX), el))
            .unzip()
    }
}

/// The app's side: the loaded module and what it answers, as extern types whose methods and
/// getters are the exports above, name for name.
#[cfg(feature = "host")]
pub mod host {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsValue;
    use web_sys::Element;

    #[wasm_bindgen]
    extern "C" {
        /// The loaded module: its namespace object, once its wasm is instantiated.
        pub type EventModule;
        /// Writes an event's page into `host` (see the module's `write`), or throws why not.
        #[allow(clippy::too_many_arguments)]
        #[wasm_bindgen(method, catch)]
        pub fn write(
            this: &EventModule,
            host: &Element,
            strings: Vec<String>,
            numbers: Vec<u32>,
            newer: Vec<String>,
            older: Vec<String>,
            t: Option<u32>,
            share: bool,
            alone: bool,
            addressing: u8,
            base: String,
            param: Option<String>,
            directory: bool,
            lang: &str,
            texts: Vec<String>,
            youtube: &str,
            vimeo: &str,
        ) -> Result<Written, JsValue>;

        /// The full recap of a post, as nodes of the page's document (the allowed part of
        /// `content_html`); nothing without a document.
        #[wasm_bindgen(method)]
        pub fn full_recap(
            this: &EventModule,
            content_html: &str,
        ) -> Option<web_sys::DocumentFragment>;

        /// `export::Written`: what the app needs of the page written.
        pub type Written;
        /// The recording's screen, when the page can play it.
        #[wasm_bindgen(method, getter)]
        pub fn screen(this: &Written) -> Option<Element>;
        /// The player's origin, to connect to early.
        #[wasm_bindgen(method, getter)]
        pub fn origin(this: &Written) -> Option<String>;
        /// The chapter bar's items.
        #[wasm_bindgen(method, getter)]
        pub fn chapters(this: &Written) -> Vec<Element>;
        /// The index of each chapter's talk.
        #[wasm_bindgen(method, getter)]
        pub fn chapter_talks(this: &Written) -> Vec<u32>;
        /// The talks' elements.
        #[wasm_bindgen(method, getter)]
        pub fn talks(this: &Written) -> Vec<Element>;
        /// The index of each of those talks.
        #[wasm_bindgen(method, getter)]
        pub fn talk_indices(this: &Written) -> Vec<u32>;
    }
}
