//! The speakers' and organisations' pages (`speakers/`, `speakers/<slug>/`, `organisations/`,
//! `organisations/<slug>/`) as a wasm module of its own (`recap-people.js` and
//! `recap-people_bg.wasm`, named after this package: [`NAME`]): fetched by the app only when a
//! visitor opens one of those pages, so the first visit never downloads this code.
//!
//! It fetches the feed, or a paginated archive's people's index, the search index's layout with
//! every talk's moment and takeaways ([`recap_core::index`]), so that a speaker's page of a
//! whole archive needs no other file: through the page's loader when the app has one (an embed's), else
//! itself, within the app's time limit and its feeds' size limit. The browser's cache answers
//! at once what the app fetched already. It gathers the people with
//! [`recap_core::people::People`] and writes their pages with the same markup functions as
//! `recap-feed pages` ([`recap_core::markup::people`]): the app shows what the pre-rendered
//! pages show.
//!
//! This file is the module's one interface, both sides of it: what the module exports (feature
//! `module`, the default) and the extern types the app calls it through (feature `host`). What
//! crosses is typed: a class with methods and read-only getters, strings, numbers, `Option`s and
//! arrays. The pages cross as HTML text, as the pre-rendered pages are written: markup built by
//! the core's escaping writer, never text from the feed as HTML.

/// The module's name: its files beside the app's are `{NAME}.js` and `{NAME}_bg.wasm` (Trunk
/// names them after this package).
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// What the module exports.
#[cfg(feature = "module")]
mod export {
    use recap_core::i18n::Text;
    use recap_core::i18n::{Catalogue, Lang};
    use recap_core::index::Archive;
    use recap_core::load::MAX_FEED_BYTES;
    use recap_core::markup::pages::part;
    use recap_core::markup::people::{people_view, site_name, speakers_list, Links};
    use recap_core::markup::protocol::{class, id};
    use recap_core::markup::to_html;
    use recap_core::markup::views;
    use recap_core::people::{Page, People};
    use recap_core::route::ListQuery;
    use recap_core::route::{parse_route, Addresses, Route};
    use recap_core::Item;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The text at `url`, fetched through the page's loader `shared` when there is one (it
    /// takes the URL and `false`, for not asking again, and gives a promise of a `Response`),
    /// else by the module itself; within `ms` milliseconds and the feeds' size limit. Fails
    /// with a sentence saying why not.
    async fn fetch_text(
        url: &str,
        shared: Option<js_sys::Function>,
        ms: u32,
    ) -> Result<String, String> {
        let failed = |why: JsValue| {
            why.as_string()
                .or_else(|| {
                    why.dyn_ref::<js_sys::Error>()
                        .and_then(|e| e.message().as_string())
                })
                .map(|why| format!("{url}: {why}"))
                .unwrap_or_else(|| format!("{url} could not be fetched"))
        };
        let window = web_sys::window().ok_or("no window to fetch from")?;
        let asked = match shared {
            Some(shared) => shared
                .call2(&JsValue::NULL, &JsValue::from_str(url), &JsValue::FALSE)
                .map(|answer| js_sys::Promise::resolve(&answer))
                .map_err(failed)?,
            None => {
                let init = web_sys::RequestInit::new();
                init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(ms)));
                window.fetch_with_str_and_init(url, &init)
            }
        };
        // The loader's request has no signal of ours: a late answer is given up on here.
        let late = js_sys::Promise::new(&mut |_, reject| {
            let why = JsValue::from_str(&format!("no answer within {} s", ms / 1000));
            let give_up = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = reject.call1(&JsValue::NULL, &why);
            });
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                give_up.unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        });
        let race =
            |promise: js_sys::Promise| js_sys::Promise::race(&js_sys::Array::of2(&promise, &late));
        let answer: web_sys::Response = JsFuture::from(race(asked))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| format!("{url}: the page's loader gave no response"))?;
        if !answer.ok() {
            return Err(format!("{url}: the server answered {}", answer.status()));
        }
        let too_large = || format!("{url} is larger than {MAX_FEED_BYTES} bytes");
        let announced = answer.headers().get("content-length").ok().flatten();
        if announced
            .and_then(|n| n.trim().parse::<u64>().ok())
            .is_some_and(|n| n > MAX_FEED_BYTES)
        {
            return Err(too_large());
        }
        let text = JsFuture::from(race(answer.text().map_err(failed)?))
            .await
            .map_err(failed)?
            .as_string()
            .unwrap_or_default();
        if text.len() as u64 > MAX_FEED_BYTES {
            return Err(too_large());
        }
        Ok(text)
    }

    /// The people read, by the file and the language they were read in: a visitor going from
    /// page to page has them read once.
    struct Read {
        source: String,
        people: People,
        texts: Catalogue,
    }

    thread_local! {
        static READ: RefCell<Option<Rc<Read>>> = const { RefCell::new(None) };
    }

    /// The people of the feed at `feed`, or of its people's index at `index` when it has one (a
    /// paginated archive), fetched through the page's loader `shared` if there is one, within
    /// `ms` milliseconds, in the catalogue `texts`; read once for the feed the app shows (`copy`:
    /// when that is the offline worker's saved copy, the time it was saved; a fresher feed is
    /// read again).
    async fn read(
        feed: &str,
        index: Option<&str>,
        texts: Catalogue,
        copy: Option<&str>,
        shared: Option<js_sys::Function>,
        ms: u32,
    ) -> Result<Rc<Read>, String> {
        let source = format!(
            "{} {} {}",
            index.unwrap_or(feed),
            texts.lang().code(),
            copy.unwrap_or_default()
        );
        if let Some(read) = READ
            .with_borrow(|r| r.clone())
            .filter(|r| r.source == source)
        {
            return Ok(read);
        }
        let items = match index {
            Some(index) => items_of_index(&fetch_text(index, shared, ms).await?)?,
            None => items_of_pages(&[fetch_text(feed, shared, ms).await?])?,
        };
        let people = People::from_items(&items, &texts);
        let read = Rc::new(Read {
            source,
            people,
            texts,
        });
        READ.set(Some(read.clone()));
        Ok(read)
    }

    /// Shows the people page at `path` (an app path as the router writes it under `/`:
    /// `/speakers/ada-lovelace/`, `/speakers/?q=ada`) in `host`, each part in a `div` of
    /// [`class::RENDERED`] as the pre-rendered page has it; its links written as `addressing`
    /// ([`Addresses::into_parts`]) says with `base` (the app's base path, or the standalone app's
    /// address), `param` (the page's `?feed=`) and `directory` links; `site` is the feed's
    /// title, what the titles call the site ([`site_name`]). The people are those of the feed at
    /// `feed` or of its index at `index` (see `read`; `copy`: the time the offline worker saved
    /// the copy the app shows, if it does). Its texts are the app's catalogue of `lang`, whose
    /// `texts` these are ([`Catalogue::texts`]). On the speakers' list, the search answers as the visitor types. When there is
    /// no such page (no one has its slug), it says so, as the app says of an address it does
    /// not know; when the people cannot be fetched or read, it says why, with the part's action
    /// button to try again. Resolves with the document's title for what it shows.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen]
    pub async fn show(
        host: web_sys::Element,
        path: String,
        site: String,
        addressing: u8,
        base: String,
        param: Option<String>,
        directory: bool,
        feed: String,
        index: Option<String>,
        lang: String,
        texts: Vec<String>,
        copy: Option<String>,
        shared: Option<js_sys::Function>,
        ms: u32,
    ) -> String {
        let addresses = Addresses::from_parts(addressing, base, param, directory);
        let texts = Catalogue::from_texts(Lang::from_tag(&lang), texts);
        let copy = copy.as_deref();
        let read = match read(&feed, index.as_deref(), texts.clone(), copy, shared, ms).await {
            Ok(read) => read,
            Err(why) => {
                let source = index.as_deref().unwrap_or(&feed);
                let hint = texts.get(Text::OftenTemporary);
                let error = views::feed_error(&why, source, hint, &texts);
                host.set_inner_html(&to_html(&[part(error).into()]));
                return texts.get(Text::LoadFailed).to_owned();
            }
        };
        let (path, query) = path.split_once('?').unwrap_or((&path, ""));
        let route = parse_route(path, query, "/");
        let (page, q) = match &route {
            Route::Speakers(q) => (Some(Page::Speakers), q.as_str()),
            Route::Speaker(slug) => (Some(Page::Speaker(slug)), ""),
            Route::Organisations => (Some(Page::Organisations), ""),
            Route::Organisation(slug) => (Some(Page::Organisation(slug)), ""),
            _ => (None, ""),
        };
        let href = |route: &Route| addresses.href(route);
        let links = Links {
            href: &href,
            texts: &read.texts,
        };
        let site = site_name(&site, &read.texts);
        let Some(view) = page.and_then(|page| people_view(&read.people, page, q, &links, &site))
        else {
            let list = addresses.href(&Route::List(ListQuery::default()));
            let missing = views::not_found(list, &read.texts);
            host.set_inner_html(&to_html(&[part(missing).into()]));
            return read.texts.get(Text::NotFoundPage).to_owned();
        };
        let parts: Vec<_> = view.parts.into_iter().map(|p| part(p).into()).collect();
        host.set_inner_html(&to_html(&parts));
        if page == Some(Page::Speakers) {
            search_as_typed(&host, read, addresses);
        }
        view.title
    }

    /// Rewrites the speakers' list in `host` as the visitor types in its search.
    fn search_as_typed(host: &web_sys::Element, read: Rc<Read>, addresses: Addresses) {
        let found = |selector: &str| host.query_selector(selector).ok().flatten();
        let (Some(input), Some(list)) = (
            found(&format!("#{}", id::PEOPLE_SEARCH)),
            found(&format!(".{}", class::PEOPLE_LIST)),
        ) else {
            return;
        };
        let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let typed = input.clone();
        let on_input = Closure::<dyn Fn()>::new(move || {
            let href = |route: &Route| addresses.href(route);
            let links = Links {
                href: &href,
                texts: &read.texts,
            };
            let shown = speakers_list(&read.people, &links, &typed.value());
            list.set_inner_html(&to_html(&[shown.into()]));
        });
        // Owned by the page from now on: dropped with the input when the page goes.
        input.set_oninput(Some(&on_input.into_js_value().unchecked_into()));
        // The list answers as it is typed: submitting the search asks for nothing more.
        if let Some(form) = input.form() {
            let on_submit = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
                ev.prevent_default();
            });
            form.set_onsubmit(Some(&on_submit.into_js_value().unchecked_into()));
        }
    }

    /// Every event of a paginated archive, as its index has it.
    fn items_of_index(text: &str) -> Result<Vec<Item>, String> {
        let archive = Archive::read(text).map_err(|e| e.to_string())?;
        Ok((0u32..).map_while(|at| archive.item(at).cloned()).collect())
    }

    /// The items of the feed's pages; those without `_recap.talks` get them from their post,
    /// as the app's extractor reads it.
    fn items_of_pages(pages: &[String]) -> Result<Vec<Item>, String> {
        let mut items = Vec::new();
        for text in pages {
            let parsed = recap_core::load::read_body(None, text).map_err(|e| e.to_string())?;
            items.extend(parsed.feed.items);
        }
        for item in items.iter_mut().filter(|item| item.needs_extraction()) {
            let blocks =
                recap_extract::blocks_from_html(item.content_html.as_deref().unwrap_or_default());
            let extracted = recap_core::extract::extract(&blocks, item.extraction_meta());
            item.fill_from(extracted.recap);
        }
        Ok(items)
    }
}

/// The app's side: the loaded module and what it answers, as extern types whose methods and
/// getters are the exports above, name for name.
#[cfg(feature = "host")]
pub mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// The loaded module: its namespace object, once its wasm is instantiated.
        pub type PeopleModule;
        /// Shows a people page in `host` (see the module's `show`), or says why it cannot: a
        /// promise of the document's title for what it shows.
        #[wasm_bindgen(method)]
        #[allow(clippy::too_many_arguments)]
        pub fn show(
            this: &PeopleModule,
            host: &web_sys::Element,
            path: &str,
            site: &str,
            addressing: u8,
            base: String,
            param: Option<String>,
            directory: bool,
            feed: &str,
            index: Option<String>,
            lang: &str,
            texts: Vec<String>,
            copy: Option<String>,
            shared: Option<js_sys::Function>,
            ms: u32,
        ) -> js_sys::Promise;
    }
}
