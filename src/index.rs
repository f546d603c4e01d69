//! The search index of a paginated feed, searched by a wasm module of its own (`crates/index`,
//! `recap-index.js` and `recap-index_bg.wasm` beside the app's files), loaded once per page when
//! the index is first needed, like the talk extractor (`src/modules.rs`).
//!
//! Positions are places in feed order, 0 for the newest event; pages are 1 for the first.

use recap_core::route::ListQuery;
use recap_core::Item;
use recap_index::host::{ArchiveReader, IndexModule};

use crate::modules::{describe, load_module, loaded};

/// Every event of an archive, read from its index by the module.
#[derive(Clone)]
pub struct ArchiveIndex {
    reader: ArchiveReader,
}

/// The module on its way: started with [`ArchiveIndex::load`] while the index file is fetched.
pub struct Loading(js_sys::Promise);

impl ArchiveIndex {
    /// Starts loading the module (once per page: a later load is the same module).
    pub fn load() -> Loading {
        Loading(load_module(recap_index::NAME))
    }

    /// Reads the text of an index file with the module once it is loaded. Fails, saying why,
    /// when the module cannot be loaded or the index cannot be read.
    pub async fn open(module: Loading, text: String) -> Result<ArchiveIndex, String> {
        let module: IndexModule = loaded(module.0, "the search index could not be loaded").await?;
        let reader = module
            .open(&text)
            .map_err(|err| describe(&err, "the search index cannot be read"))?;
        Ok(ArchiveIndex { reader })
    }

    /// The positions of the events that pass the search and filters, newest first.
    pub fn search(&self, query: &ListQuery) -> Vec<u32> {
        self.reader
            .search(&query.q, query.year, query.tag.as_deref())
    }

    /// The position of the event with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.reader.find(id)
    }

    /// The page the event at `position` is on, 1 for the first; 0 when there is no such event.
    pub fn page(&self, position: u32) -> u32 {
        self.reader.page(position)
    }

    /// The file name of `page`, relative to the index file, when the index names it.
    pub fn page_name(&self, page: u32) -> Option<String> {
        self.reader.page_name(page)
    }

    /// The event at `position` as far as the index knows it: id, title, date, tags, location,
    /// and the talks with their titles and speakers.
    pub fn item(&self, position: u32) -> Option<Item> {
        self.reader.item(position)
    }

    /// The years of all the events, newest first.
    pub fn years(&self) -> Vec<i32> {
        self.reader.years()
    }

    /// The tags of all the events, most used first.
    pub fn tags(&self) -> Vec<String> {
        self.reader.tags()
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        usize::try_from(self.reader.count()).unwrap_or(usize::MAX)
    }
}
