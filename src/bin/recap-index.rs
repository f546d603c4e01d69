//! The search index of a paginated feed (`feed-index.json`) as a wasm module of its own: fetched
//! by the app only when a visitor searches an archive larger than its first page or opens an
//! event that is not on it, so the first visit never downloads this code.
//!
//! It reads the index with `recap-core` ([`Archive`]) and answers with positions in feed order
//! (0 for the newest event), the page each event is on, and the events as JSON Feed items.

use recap_core::index::Archive;
use recap_core::route::ListQuery;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

/// Every event of an archive, read from its index.
#[wasm_bindgen]
pub struct Index {
    archive: Archive,
    /// The last search and what it found: the next, when it only narrows it (a visitor typing
    /// on), looks through those alone.
    last: RefCell<Option<(ListQuery, Vec<u32>)>>,
}

#[wasm_bindgen]
impl Index {
    /// Reads the text of an index file; throws a sentence saying what is wrong with it.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Index, String> {
        Archive::read(text)
            .map(|archive| Index {
                archive,
                last: RefCell::new(None),
            })
            .map_err(|err| err.to_string())
    }

    /// The positions of the events that pass the search text `q` and the filters, newest first.
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

    /// The page the event at `position` is on, 1 for the first; 0 when there is no such event.
    pub fn page(&self, position: u32) -> u32 {
        self.archive.page(position)
    }

    /// The file name of `page`, relative to the index, when the index names it.
    pub fn page_name(&self, page: u32) -> Option<String> {
        self.archive.page_name(page).map(str::to_owned)
    }

    /// The event at `position` as a JSON Feed item (id, title, date, tags, `_recap.location`
    /// and the talks with their speakers), for the app's own item reader.
    pub fn item(&self, position: u32) -> Option<String> {
        serde_json::to_string(self.archive.item(position)?).ok()
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
    pub fn len(&self) -> u32 {
        u32::try_from(self.archive.len()).unwrap_or(u32::MAX)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.archive.is_empty()
    }
}

fn main() {}
