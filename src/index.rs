//! The search index of a paginated feed, searched by a wasm module of its own
//! (`src/bin/recap-index.rs`, `recap-index.js` and `recap-index_bg.wasm` beside the app's
//! files), loaded once per page when the index is first needed, like the talk extractor.
//!
//! Positions are places in feed order, 0 for the newest event; pages are 1 for the first.

use recap_core::parse::read_item;
use recap_core::route::ListQuery;
use recap_core::Item;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::extractor::load_module;

/// The module's file names beside the app's: `recap-index.js`, `recap-index_bg.wasm`.
const MODULE: &str = "recap-index";

#[wasm_bindgen]
extern "C" {
    /// An `Index` made by the module.
    #[derive(Clone)]
    type JsIndex;
    #[wasm_bindgen(method)]
    fn search(this: &JsIndex, q: &str, year: Option<i32>, tag: Option<&str>) -> Vec<u32>;
    #[wasm_bindgen(method)]
    fn find(this: &JsIndex, id: &str) -> Option<u32>;
    #[wasm_bindgen(method)]
    fn page(this: &JsIndex, position: u32) -> u32;
    #[wasm_bindgen(method)]
    fn page_name(this: &JsIndex, page: u32) -> Option<String>;
    #[wasm_bindgen(method)]
    fn item(this: &JsIndex, position: u32) -> Option<String>;
    #[wasm_bindgen(method)]
    fn years(this: &JsIndex) -> Vec<i32>;
    #[wasm_bindgen(method)]
    fn tags(this: &JsIndex) -> Vec<String>;
    #[wasm_bindgen(method)]
    fn len(this: &JsIndex) -> u32;
}

/// Every event of an archive, read from its index by the module.
#[derive(Clone)]
pub struct ArchiveIndex {
    index: JsIndex,
}

/// The module on its way: started with [`ArchiveIndex::load`] while the index file is fetched.
pub struct Loading(js_sys::Promise);

impl ArchiveIndex {
    /// Starts loading the module (once per page: a later load is the same module).
    pub fn load() -> Loading {
        Loading(load_module(MODULE))
    }

    /// Reads the text of an index file with the module once it is loaded. Fails, saying why, when the
    /// module cannot be loaded or the index cannot be read.
    pub async fn open(module: Loading, text: String) -> Result<ArchiveIndex, String> {
        let module = JsFuture::from(module.0)
            .await
            .map_err(|err| describe(&err, "the search index could not be loaded"))?;
        let class = js_sys::Reflect::get(&module, &JsValue::from_str("Index"))
            .ok()
            .and_then(|class| class.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| "the search index module has no Index".to_owned())?;
        let args = js_sys::Array::of1(&JsValue::from_str(&text));
        let index = js_sys::Reflect::construct(&class, &args)
            .map_err(|err| describe(&err, "the search index cannot be read"))?;
        Ok(ArchiveIndex {
            index: index.unchecked_into(),
        })
    }

    /// The positions of the events that pass the search and filters, newest first.
    pub fn search(&self, query: &ListQuery) -> Vec<u32> {
        self.index
            .search(&query.q, query.year, query.tag.as_deref())
    }

    /// The position of the event with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.find(id)
    }

    /// The page the event at `position` is on, 1 for the first; 0 when there is no such event.
    pub fn page(&self, position: u32) -> u32 {
        self.index.page(position)
    }

    /// The file name of `page`, relative to the index file, when the index names it.
    pub fn page_name(&self, page: u32) -> Option<String> {
        self.index.page_name(page)
    }

    /// The event at `position` as far as the index knows it: id, title, date, tags, location,
    /// and the talks with their titles and speakers.
    pub fn item(&self, position: u32) -> Option<Item> {
        self.index
            .item(position)
            .and_then(|text| read_item(&text).ok())
    }

    /// The years of all the events, newest first.
    pub fn years(&self) -> Vec<i32> {
        self.index.years()
    }

    /// The tags of all the events, most used first.
    pub fn tags(&self) -> Vec<String> {
        self.index.tags()
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        usize::try_from(self.index.len()).unwrap_or(usize::MAX)
    }
}

/// What a thrown error says: the index's own sentence (the module throws a string), an
/// `Error`'s message, else `fallback`.
fn describe(err: &JsValue, fallback: &str) -> String {
    err.as_string()
        .or_else(|| {
            err.dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
        })
        .unwrap_or_else(|| fallback.to_owned())
}
