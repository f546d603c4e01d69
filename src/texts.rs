//! The interface's texts in the page's language (`recap_core::i18n`): English is built in; the
//! catalogue of another language is fetched once, from `i18n/` beside the app's files, before
//! the app shows anything in it. A catalogue that cannot be fetched leaves the app in English,
//! and says why in the console. (Whether a catalogue lacks texts is `recap-core`'s test to
//! tell, not every visitor's browser.)

use std::sync::Arc;

use leptos::prelude::*;
use recap_core::i18n::{Catalogue, Lang};

use crate::task::Task;

/// The app's catalogue: the one context every view reads its texts from.
#[derive(Clone, Copy)]
pub struct Texts(RwSignal<Option<Arc<Catalogue>>>);

impl Texts {
    /// The texts of `lang`: at once for English, else once its catalogue is fetched by `task`,
    /// within `ms` milliseconds.
    pub fn load(lang: Lang, ms: u32, task: Task) -> Texts {
        if lang == Lang::En {
            return Texts::of(Catalogue::english());
        }
        let texts = Texts(RwSignal::new(None));
        let file = format!("i18n/{}.txt", lang.code());
        let fetched = crate::modules::text_beside(&file, ms);
        task.run(async move {
            let catalogue = match wasm_bindgen_futures::JsFuture::from(fetched).await {
                Ok(text) => Catalogue::parse(lang, &text.as_string().unwrap_or_default()),
                Err(why) => {
                    // Said by the loader: the file's address and the server's answer.
                    web_sys::console::warn_2(&"the texts stay English:".into(), &why);
                    Catalogue::english()
                }
            };
            texts.0.set(Some(Arc::new(catalogue)));
        });
        texts
    }

    /// The texts of a catalogue at hand.
    pub fn of(catalogue: Catalogue) -> Texts {
        Texts(RwSignal::new(Some(Arc::new(catalogue))))
    }

    /// Whether the texts are here (tracked).
    pub fn ready(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// The texts: the language's once they are here, English before.
    pub fn get(&self) -> Arc<Catalogue> {
        self.0
            .with_untracked(Clone::clone)
            .unwrap_or_else(|| Arc::new(Catalogue::english()))
    }
}

/// The app's texts (see [`Texts`]).
pub fn use_texts() -> Arc<Catalogue> {
    expect_context::<Texts>().get()
}
