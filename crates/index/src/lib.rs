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
//! code). What crosses is typed, with no JSON text: a class with methods, strings, numbers and
//! arrays, and an event as an item in two flat arrays (`recap_core::crossing::ItemWire`). The
//! app's test `src/modules.rs` calls every method of the host side on the built module.

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::crossing::ItemWire;
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

        /// The event at `position` as far as the index knows it (id, title, date, tags,
        /// location and the talks with their speakers), as an item in two flat arrays
        /// (`ItemWire`).
        pub fn event(&self, position: u32) -> Option<Wire> {
            let ItemWire { strings, numbers } = ItemWire::new(self.archive.item(position)?);
            Some(Wire { strings, numbers })
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
    use recap_core::Item;
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
        fn event(this: &ArchiveReader, position: u32) -> Option<Wire>;
        #[wasm_bindgen(method)]
        pub fn years(this: &ArchiveReader) -> Vec<i32>;
        #[wasm_bindgen(method)]
        pub fn tags(this: &ArchiveReader) -> Vec<String>;
        #[wasm_bindgen(method)]
        pub fn count(this: &ArchiveReader) -> u32;

        /// `export::Wire`.
        type Wire;
        #[wasm_bindgen(method, getter)]
        fn strings(this: &Wire) -> Vec<String>;
        #[wasm_bindgen(method, getter)]
        fn numbers(this: &Wire) -> Vec<u32>;
    }

    impl ArchiveReader {
        /// The event at `position` as far as the index knows it, as a feed item: id, title,
        /// date, tags, location, and the talks with their titles and speakers.
        pub fn item(&self, position: u32) -> Option<Item> {
            let wire = self.event(position)?;
            ItemWire {
                strings: wire.strings(),
                numbers: wire.numbers(),
            }
            .item()
        }
    }
}
