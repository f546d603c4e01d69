//! The interface's texts in the page's language (`recap_core::i18n`): English is built in; the
//! catalogue of another language is fetched once, from `i18n/` beside the app's files, before
//! the app shows anything in it. A catalogue that cannot be fetched leaves the app in English.

use std::sync::Arc;

use leptos::prelude::*;
use recap_core::i18n::{Catalogue, Lang};

use crate::api::{fetch_text, Fetcher};
use crate::task::Task;

/// The app's catalogue: the one context every view reads its texts from.
#[derive(Clone, Copy)]
pub struct Texts(RwSignal<Option<Arc<Catalogue>>>);

impl Texts {
    /// The texts of `lang`: at once for English, else once its catalogue is fetched by `task`
    /// (within `fetcher`'s time limit).
    pub fn load(lang: Lang, fetcher: Fetcher, task: Task) -> Texts {
        if lang == Lang::En {
            return Texts(RwSignal::new(Some(Arc::new(Catalogue::english()))));
        }
        let texts = Texts(RwSignal::new(None));
        let url = crate::modules::beside_app(&format!("i18n/{}.txt", lang.code()));
        task.run(async move {
            let catalogue = match fetch_text(url.clone(), fetcher, false).await {
                Ok(fetched) => {
                    let (catalogue, problems) = Catalogue::parse(lang, &fetched.body);
                    if !problems.is_empty() {
                        warn(&format!("{url}: {}", problems.join("; ")));
                    }
                    catalogue
                }
                Err(err) => {
                    warn(&format!("{url}: {err}; the texts stay English"));
                    Catalogue::english()
                }
            };
            texts.0.set(Some(Arc::new(catalogue)));
        });
        texts
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

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
