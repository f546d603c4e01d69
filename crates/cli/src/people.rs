//! The people pages of `recap-feed pages`: `speakers/index.html` (every speaker),
//! `speakers/<slug>/index.html` (one speaker's talks across events), and the same for
//! organisations under `organisations/`, each with its own title, description and canonical URL
//! ([`recap_core::people`] gathers them; [`recap_core::markup::people`] writes them).
//!
//! They read without script, like the event pages, and carry the app's script like them: the
//! app takes them over where it runs (the speakers' search answers as the visitor types). Their
//! links go to the pre-rendered event pages, a talk's time to its event at that moment (`?t=`).

use std::path::Path;

use recap_core::i18n::Catalogue;
use recap_core::markup::people::{framed, people_view, site_name, Links};
use recap_core::markup::views::Href;
use recap_core::people::{Page, People};
use recap_core::Feed;

use crate::pages::{Head, PagesError, Template};

/// The people pages written.
#[derive(Debug, Default)]
pub struct PeoplePages {
    /// Speakers with a page of their own.
    pub speakers: usize,
    /// Organisations with a page of their own.
    pub organisations: usize,
    /// Every page written, as its directory relative to the site (`speakers/`,
    /// `speakers/ada-lovelace/`, `organisations/`, …), for a sitemap.
    pub paths: Vec<String>,
}

/// Writes the pages of `people`, the speakers and organisations of `feed`, under `dist`, from
/// `template` (as the event pages are), with the links `href` makes; `absolute` gives a path's
/// public URL when the site's address is known.
pub fn write_people(
    feed: &Feed,
    people: &People,
    dist: &Path,
    template: &Template,
    href: Href,
    absolute: &dyn Fn(&str) -> Option<String>,
    texts: &Catalogue,
) -> Result<PeoplePages, PagesError> {
    let links = Links { href, texts };
    let site = site_name(&feed.title, texts);
    let mut written = PeoplePages::default();
    let pages = [Page::Speakers, Page::Organisations]
        .into_iter()
        .chain(people.people.iter().map(|p| Page::Speaker(&p.slug)))
        .chain(
            people
                .organisations
                .iter()
                .map(|o| Page::Organisation(&o.slug)),
        );
    for page in pages {
        let Some(view) = people_view(people, page, "", &links, &site) else {
            continue;
        };
        let head = Head {
            title: view.title,
            description: view.description,
            kind: view.kind,
            url: absolute(&links.page(page)),
            image: None,
            json_ld: None,
        };
        let path = page.path();
        let dir = dist.join(&path);
        std::fs::create_dir_all(&dir).map_err(|source| PagesError::Io {
            path: dir.clone(),
            source,
        })?;
        let file = dir.join("index.html");
        let html = template.page(&head, &framed(view.parts));
        std::fs::write(&file, html).map_err(|source| PagesError::Io { path: file, source })?;
        written.paths.push(path);
    }
    written.speakers = people.people.len();
    written.organisations = people.organisations.len();
    Ok(written)
}
