//! Loading the talk extractor (`src/bin/recap-extract.rs`) on demand: a second wasm module,
//! fetched from beside the app only when a feed needs it, once per page. [`load_module`] is the
//! one loader of the modules beside the app (the search index, `src/index.rs`, uses it too), so
//! that the app ships one snippet for all of them.

use recap_core::parse::read_item;
use recap_core::Item;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

// This snippet is served from `snippets/recap-HASH/`: the modules are two folders up, beside
// the app's own files, wherever the page that embeds the app lives.
#[wasm_bindgen(inline_js = r#"
const modules = new Map();
export function load_module(name) {
  const beside = (file) => new URL(`../../${file}`, import.meta.url);
  if (!modules.has(name)) {
    modules.set(name, import(beside(`${name}.js`).href).then(async (module) => {
      await module.default({ module_or_path: beside(`${name}_bg.wasm`) });
      return module;
    }));
  }
  return modules.get(name);
}
export function extract_with(module, html, location, video) {
  return module.extract_recap(html, location, video);
}
"#)]
extern "C" {
    /// The module `{name}.js` beside the app's files, its wasm `{name}_bg.wasm` instantiated:
    /// fetched once per page, however often it is asked for.
    pub(crate) fn load_module(name: &str) -> js_sys::Promise;
    fn extract_with(
        module: &JsValue,
        html: &str,
        location: Option<&str>,
        video: Option<&str>,
    ) -> Option<String>;
}

/// Reads the talks, sponsors and next meetup of every item without `_recap.talks` from its
/// `content_html`, with the extractor module beside the app's files. Fails when the module cannot
/// be loaded.
pub async fn fill_talks(items: &mut [Item]) -> Result<(), String> {
    let module = JsFuture::from(load_module("recap-extract"))
        .await
        .map_err(|err| describe(&err))?;
    for item in items.iter_mut().filter(|item| item.needs_extraction()) {
        let meta = item.extraction_meta();
        let answer = extract_with(
            &module,
            item.content_html.as_deref().unwrap_or_default(),
            meta.location,
            meta.video,
        );
        if let Some(extracted) = answer.and_then(|text| read_item(&text).ok()) {
            item.fill_from(extracted.recap.unwrap_or_default());
        }
    }
    Ok(())
}

fn describe(err: &JsValue) -> String {
    js_sys::Error::from(err.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| "the extractor could not be loaded".to_owned())
}
