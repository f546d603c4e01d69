//! The search index of a paginated feed (`feed-index.json`) as a wasm module of its own
//! (`recap-index.js` and `recap-index_bg.wasm`, named after this package: [`NAME`]): fetched by
//! the app only when a visitor searches an archive larger than its first page or opens an event
//! that is not on it, so the first visit never downloads this code.
//!
//! It reads the index with `recap-core` (`recap_core::index::Archive`) and answers with
//! positions in feed order (0 for the newest event), the page each event is on, and the events
//! as far as the index knows them.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default; `src/main.rs` links them into the module Trunk builds) and, beside it,
//! the extern types the app calls it through (feature `host`, which compiles none of the module's
//! code). What crosses is typed: classes with methods and read-only getters, strings, numbers,
//! `Option`s and arrays, no JSON text. The app's test `src/modules.rs` calls every method of the
//! host side on the built module.

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::index::Archive;
    use recap_core::route::ListQuery;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Reads the text of an index file; throws a sentence saying what is wrong with it.
    #[wasm_bindgen]
    pub fn open(text: &str) -> Result<ArchiveReader, String> {
        Archive::read(text)
            .map(|archive| ArchiveReader {
                archive,
                last: RefCell::new(None),
            })
            .map_err(|err| err.to_string())
    }

    /// Every event of an archive, read from its index.
    #[wasm_bindgen]
    pub struct ArchiveReader {
        archive: Archive,
        /// The last search and what it found: the next, when it only narrows it (a visitor
        /// typing on), looks through those alone.
        last: RefCell<Option<(ListQuery, Vec<u32>)>>,
    }

    #[wasm_bindgen]
    impl ArchiveReader {
        /// The positions of the events that pass the search text `q` and the filters, newest
        /// first.
        pub fn search(&self, q: &str, year: Option<i32>, tag: Option<String>) -> Vec<u32> {
            let query = ListQuery {
                q: q.to_owned(),
                tag,
                year,
            };
            let mut last = self.last.borrow_mut();
            let found = match last.as_ref() {
                Some((before, within)) if recap_core::search::narrows(before, &query) => {
                    self.archive.search_within(&query, within)
                }
                _ => self.archive.search(&query),
            };
            *last = Some((query, found.clone()));
            found
        }

        /// The position of the event with this id.
        pub fn find(&self, id: &str) -> Option<u32> {
            self.archive.find(id)
        }

        /// The page the event at `position` is on, 1 for the first; 0 when there is no such
        /// event.
        pub fn page(&self, position: u32) -> u32 {
            self.archive.page(position)
        }

        /// The file name of `page`, relative to the index, when the index names it.
        pub fn page_name(&self, page: u32) -> Option<String> {
            self.archive.page_name(page).map(str::to_owned)
        }

        /// The event at `position`: id, title, date, tags, location and the talks with their
        /// speakers.
        pub fn event(&self, position: u32) -> Option<IndexedEvent> {
            self.archive.item(position).map(IndexedEvent::from)
        }

        /// The years of all the events, newest first.
        pub fn years(&self) -> Vec<i32> {
            self.archive.years()
        }

        /// The tags of all the events, most used first.
        pub fn tags(&self) -> Vec<String> {
            self.archive.tags()
        }

        /// How many events there are.
        pub fn count(&self) -> u32 {
            u32::try_from(self.archive.len()).unwrap_or(u32::MAX)
        }
    }

    /// An event as the index knows it.
    #[wasm_bindgen]
    pub struct IndexedEvent {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub id: String,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub title: Option<String>,
        /// When it was published, as the index writes it (RFC 3339).
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub date: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub tags: Vec<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub location: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub talks: Vec<IndexedTalk>,
    }

    /// A talk: its title and speakers.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct IndexedTalk {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub title: Option<String>,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub speakers: Vec<IndexedSpeaker>,
    }

    /// A speaker and their organisation.
    #[wasm_bindgen]
    #[derive(Clone)]
    pub struct IndexedSpeaker {
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub name: String,
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub org: Option<String>,
    }

    impl From<&recap_core::Item> for IndexedEvent {
        fn from(item: &recap_core::Item) -> Self {
            IndexedEvent {
                id: item.id.clone(),
                title: item.title.clone(),
                date: item.date_published.as_ref().map(ToString::to_string),
                tags: item.tags.clone(),
                location: item.location().map(str::to_owned),
                talks: item
                    .talks()
                    .iter()
                    .map(|talk| IndexedTalk {
                        title: talk.title.clone(),
                        speakers: talk
                            .speakers
                            .iter()
                            .map(|s| IndexedSpeaker {
                                name: s.name.clone(),
                                org: s.org.clone(),
                            })
                            .collect(),
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
    use recap_core::{Item, Recap, Speaker, Talk, Timestamp};
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsValue;

    #[wasm_bindgen]
    extern "C" {
        /// The loaded module: its namespace object, once its wasm is instantiated.
        pub type IndexModule;
        /// Reads an index file's text; throws a sentence saying what is wrong with it.
        #[wasm_bindgen(method, catch)]
        pub fn open(this: &IndexModule, text: &str) -> Result<ArchiveReader, JsValue>;

        /// `export::ArchiveReader`.
        #[derive(Clone)]
        pub type ArchiveReader;
        #[wasm_bindgen(method)]
        pub fn search(
            this: &ArchiveReader,
            q: &str,
            year: Option<i32>,
            tag: Option<&str>,
        ) -> Vec<u32>;
        #[wasm_bindgen(method)]
        pub fn find(this: &ArchiveReader, id: &str) -> Option<u32>;
        #[wasm_bindgen(method)]
        pub fn page(this: &ArchiveReader, position: u32) -> u32;
        #[wasm_bindgen(method)]
        pub fn page_name(this: &ArchiveReader, page: u32) -> Option<String>;
        #[wasm_bindgen(method)]
        fn event(this: &ArchiveReader, position: u32) -> Option<IndexedEvent>;
        #[wasm_bindgen(method)]
        pub fn years(this: &ArchiveReader) -> Vec<i32>;
        #[wasm_bindgen(method)]
        pub fn tags(this: &ArchiveReader) -> Vec<String>;
        #[wasm_bindgen(method)]
        pub fn count(this: &ArchiveReader) -> u32;

        type IndexedEvent;
        #[wasm_bindgen(method, getter)]
        fn id(this: &IndexedEvent) -> String;
        #[wasm_bindgen(method, getter)]
        fn title(this: &IndexedEvent) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn date(this: &IndexedEvent) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn tags(this: &IndexedEvent) -> Vec<String>;
        #[wasm_bindgen(method, getter)]
        fn location(this: &IndexedEvent) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn talks(this: &IndexedEvent) -> Vec<IndexedTalk>;

        type IndexedTalk;
        #[wasm_bindgen(method, getter)]
        fn title(this: &IndexedTalk) -> Option<String>;
        #[wasm_bindgen(method, getter)]
        fn speakers(this: &IndexedTalk) -> Vec<IndexedSpeaker>;

        type IndexedSpeaker;
        #[wasm_bindgen(method, getter)]
        fn name(this: &IndexedSpeaker) -> String;
        #[wasm_bindgen(method, getter)]
        fn org(this: &IndexedSpeaker) -> Option<String>;
    }

    impl ArchiveReader {
        /// The event at `position` as far as the index knows it, as a feed item: id, title,
        /// date, tags, location, and the talks with their titles and speakers.
        pub fn item(&self, position: u32) -> Option<Item> {
            let event = self.event(position)?;
            Some(Item {
                id: event.id(),
                url: None,
                title: event.title(),
                summary: None,
                content_html: None,
                content_text: None,
                image: None,
                date_published: event.date().and_then(|d| Timestamp::parse(&d).ok()),
                date_modified: None,
                tags: event.tags(),
                recap: Some(Recap {
                    location: event.location(),
                    talks: Some(
                        event
                            .talks()
                            .iter()
                            .map(|talk| Talk {
                                title: talk.title(),
                                speakers: talk
                                    .speakers()
                                    .iter()
                                    .map(|s| Speaker {
                                        name: s.name(),
                                        org: s.org(),
                                    })
                                    .collect(),
                                ..Talk::default()
                            })
                            .collect(),
                    ),
                    ..Recap::default()
                }),
            })
        }
    }
}
