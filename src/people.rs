//! The speakers' and organisations' pages, shown by a wasm module of their own (`crates/people`,
//! `recap-people.js` and `recap-people_bg.wasm` beside the app's files), loaded once per page
//! when a visitor first opens one, like the search index (`src/index.rs`).
//!
//! The module fetches what it reads itself, through the page's loader when the app has one: the
//! people's index of a paginated archive (the search index's layout with every talk's moment
//! and takeaways, `recap_core::index`), else the feed. The browser's cache answers at once what the app fetched already. It keeps what it
//! read for the pages after, and writes each page into the element it is given, its links the
//! router's own.

use recap_core::i18n::Catalogue;
use recap_core::route::{Addresses, Route};
use recap_people::host::PeopleModule;
use wasm_bindgen_futures::JsFuture;

use crate::api::Fetcher;
use crate::modules::{describe, load_module, loaded};

/// Where the people of the loaded feed are read from, and how: provided by the loaded feed's
/// view, for its people pages.
#[derive(Clone)]
pub struct People {
    /// The feed's address.
    pub feed: String,
    /// Its people's index's, when it has one (a feed in pages).
    pub index: Option<String>,
    pub fetcher: Fetcher,
    /// When the feed the app shows is the offline worker's saved copy: the time it was saved.
    pub copy: Option<String>,
}

impl People {
    /// The file the people are read from: the people's index, else the feed.
    pub fn source(&self) -> &str {
        self.index.as_deref().unwrap_or(&self.feed)
    }

    /// Shows the people page at `route` in `host`, for the feed titled `site`, in `texts`, its
    /// links written as `addresses` says; or that there is no such page, or why the people cannot be
    /// read (the module says so in `host`): the document's title for what is shown, or why
    /// the module could not be loaded.
    pub async fn show(
        self,
        host: web_sys::Element,
        route: Route,
        site: String,
        addresses: Addresses,
        texts: &Catalogue,
    ) -> Result<String, String> {
        let module: PeopleModule = loaded(
            load_module(recap_people::NAME),
            "the speakers' pages could not be loaded",
        )
        .await?;
        let (kind, base, param, directory) = addresses.into_parts();
        let (shared, ms) = self.fetcher.parts();
        let shown = module.show(
            &host,
            &recap_core::route::href(&route, "/", None),
            &site,
            kind,
            base,
            param,
            directory,
            &self.feed,
            self.index.clone(),
            texts.lang().code(),
            texts.texts(),
            self.copy,
            shared,
            ms,
        );
        JsFuture::from(shown)
            .await
            .map(|title| title.as_string().unwrap_or_default())
            .map_err(|err| describe(&err, "the speakers could not be read"))
    }
}
