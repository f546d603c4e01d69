//! An event's page as a wasm module of its own (`recap-event.js` and `recap-event_bg.wasm`,
//! named after this package: [`NAME`]): its header, its recording's area (the facade and the
//! chapter bar), its talks with their moments, sponsors, next meetup and photos, and the place
//! of its full recap. The app fetches it when a visitor first opens an event (or, from the
//! list, shows interest in one), so that the first visit, a list of events, carries none of
//! this markup.
//!
//! It writes the same markup functions as `recap-feed pages` ([`recap_core::markup::views`]),
//! as DOM built node by node (`recap_dom`), never text from the feed as HTML. It holds the
//! page's recording (`player`: the facade, then the player module, `crates/player`, loaded
//! through the app's loader when asked for) and writes the full recap, the post through the
//! allow-list sanitiser, when a visitor first opens it; the app keeps the clicks (`data-*`,
//! [`recap_core::markup::protocol`]) and hands them over.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default) and the extern types the app calls it through (feature `host`). What
//! crosses is typed: the event as two flat arrays ([`recap_core::crossing::ItemWire`]),
//! strings, numbers, and back a class whose methods are what a visitor asks of the page.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "module")]
mod player;

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::crossing::ItemWire;
    use recap_core::i18n::{Catalogue, Lang, Text};
    use recap_core::markup::pages::part;
    use recap_core::markup::photos_in;
    use recap_core::markup::protocol::selector;
    use recap_core::markup::views::{event_body, event_head, video_area, Body, Facade, Neighbour};
    use recap_core::people::link_slug;
    use recap_core::player::{PlayerHosts, Session};
    use recap_core::route::{Addresses, ListQuery, Route};
    use recap_dom::{materialise, Dom};
    use recap_player::NO_START;
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    use crate::player::{Player, Recording};

    /// The page written, as the app holds it: its recording's player and its full recap. The
    /// app ends it with `free()` when the page goes, which ends the player.
    #[wasm_bindgen]
    pub struct Written {
        player: Player,
        /// The post, for its full recap.
        post: Option<String>,
    }

    #[wasm_bindgen]
    impl Written {
        /// The facade's button was pressed: play from the page's moment.
        pub fn play(&self) {
            self.player.play();
        }

        /// A time or chapter was clicked: the recording moves to `seconds` and plays, in place
        /// (loading the player there first if need be). `false` when the page has no recording
        /// that plays on it: a time is then a link to the recording's own site.
        pub fn jump(&self, seconds: u32) -> bool {
            self.player.jump(seconds)
        }

        /// "Read the full recap" (its `summary`) was opened: the post is written into its body,
        /// the allowed part of it ([`recap_extract::sanitize::sanitized_fragment`]), once.
        pub fn open_full(&self, summary: Element) {
            let body = summary
                .parent_element()
                .and_then(|details| details.query_selector(selector::FULL_BODY).ok().flatten());
            let (Some(body), Some(post)) = (body, &self.post) else {
                return;
            };
            if !body.has_attribute("aria-busy") {
                return;
            }
            if let Some(document) = body.owner_document() {
                body.set_text_content(None);
                let _ = body.append_child(&recap_extract::sanitize::sanitized_fragment(
                    &document, post,
                ));
            }
            let _ = body.remove_attribute("aria-busy");
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
    /// `texts` these are ([`Catalogue::texts`]); `youtube` and `vimeo` are where their players
    /// come from, and `loader` the app's (a module's name to a promise of it), which loads the
    /// player module when the recording is asked for. Throws when the arrays are not an event's.
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
        loader: js_sys::Function,
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
        let find = |selector: &str| area.query_selector(selector).ok().flatten();
        let recording = session
            .and(find(selector::VIDEO_SCREEN))
            .zip(item.recap.as_ref().and_then(|r| r.video.clone()))
            .map(|(screen, video)| Recording {
                video,
                starts: item
                    .talks()
                    .iter()
                    .map(|talk| {
                        talk.start
                            .and_then(|s| i32::try_from(s).ok())
                            .unwrap_or(NO_START)
                    })
                    .collect(),
                start: t.unwrap_or(0),
                label: texts.fill(Text::RecordingOf, &[("title", item.display_title())]),
                hosts,
                screen,
                chapters,
            });
        let player = Player::new(recording, talks, loader, find(selector::PLAY), origin);
        Ok(Written {
            player,
            post: item.content_html,
        })
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
            loader: &js_sys::Function,
        ) -> Result<Written, JsValue>;

        /// `export::Written`: the page written, its player and its full recap.
        pub type Written;
        /// The facade's button was pressed.
        #[wasm_bindgen(method)]
        pub fn play(this: &Written);
        /// A time or chapter was clicked: `false` when the page has no recording to move.
        #[wasm_bindgen(method)]
        pub fn jump(this: &Written, seconds: u32) -> bool;
        /// "Read the full recap" was opened: its post is written in, once.
        #[wasm_bindgen(method)]
        pub fn open_full(this: &Written, summary: &Element);
        /// Ends the page: its player goes, with its listeners and timer.
        #[wasm_bindgen(method)]
        pub fn free(this: &Written);
    }
}
