//! The people pages of `recap-feed pages`: `speakers/index.html` (every speaker),
//! `speakers/<slug>/index.html` (one speaker's talks across events), and the same for
//! organisations under `organisations/`, each with its own title, description and canonical URL
//! ([`recap_core::people`] gathers them; [`recap_core::markup::people`] writes them).
//!
//! These pages are for reading without the app: the app has no route for them, so they are
//! written without its script (it would answer them as an address it does not know). Their
//! links go to the pre-rendered event pages, a talk's time to its event at that moment (`?t=`).

use std::path::Path;

use recap_core::i18n::{Catalogue, Text};
use recap_core::markup::people::{
    organisation_page, organisations_page, people_text, speaker_page, speakers_page, talks_text,
    Links,
};
use recap_core::markup::views::Href;
use recap_core::markup::Element;
use recap_core::people::{Appearance, Page, People};
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

/// Writes the speakers' and organisations' pages of `feed` under `dist`, from `template` (as
/// the event pages are), with the event links `href` makes, under the site's `base` path;
/// `absolute` gives a path's public URL when the site's address is known.
pub fn write_people(
    feed: &Feed,
    dist: &Path,
    template: &Template,
    href: Href,
    base: &str,
    absolute: &dyn Fn(&str) -> Option<String>,
    texts: &Catalogue,
) -> Result<PeoplePages, PagesError> {
    let t = texts;
    let people = People::from_items(&feed.items, t);
    let links = Links { href, base, texts };
    let site = if feed.title.trim().is_empty() {
        t.get(Text::OurEvents).to_owned()
    } else {
        feed.title.clone()
    };
    let site = site.as_str();
    let mut written = PeoplePages::default();
    let mut put = |page: Page, head: Head, content: Element| -> Result<(), PagesError> {
        let head = Head {
            url: absolute(&links.page(page)),
            ..head
        };
        let path = page.path();
        let dir = dist.join(&path);
        std::fs::create_dir_all(&dir).map_err(|source| PagesError::Io {
            path: dir.clone(),
            source,
        })?;
        let file = dir.join("index.html");
        let html = without_scripts(&template.page(&head, &content));
        std::fs::write(&file, html).map_err(|source| PagesError::Io { path: file, source })?;
        written.paths.push(path);
        Ok(())
    };
    let head = |title: String, description: String, kind: &'static str| Head {
        title,
        description,
        kind,
        url: None,
        image: None,
        json_ld: None,
    };
    put(
        Page::Speakers,
        head(
            t.fill(Text::SpeakersAt, &[("site", site)]),
            t.fill(
                Text::SpeakersDescription,
                &[
                    ("people", &people_text(people.people.len(), t)),
                    ("site", site),
                ],
            ),
            "website",
        ),
        speakers_page(&people, &links),
    )?;
    put(
        Page::Organisations,
        head(
            t.fill(Text::OrganisationsAt, &[("site", site)]),
            t.fill(Text::OrganisationsDescription, &[("site", site)]),
            "website",
        ),
        organisations_page(&people, &links),
    )?;
    for person in &people.people {
        put(
            Page::Speaker(&person.slug),
            head(
                t.fill(Text::TalksAt, &[("name", &person.name), ("site", site)]),
                t.fill(
                    Text::SpeakerDescription,
                    &[
                        ("talks", &talks_text(person.talk_count(), t)),
                        ("name", &person.name),
                        ("site", site),
                    ],
                ) + &titles(&person.talks),
                "profile",
            ),
            speaker_page(person, &links),
        )?;
    }
    for org in &people.organisations {
        put(
            Page::Organisation(&org.slug),
            head(
                t.fill(Text::TalksAt, &[("name", &org.name), ("site", site)]),
                t.fill(
                    Text::OrganisationDescription,
                    &[
                        ("talks", &talks_text(org.talk_count(), t)),
                        ("people", &people_text(org.people.len(), t)),
                        ("name", &org.name),
                        ("site", site),
                    ],
                ) + &titles(&org.talks),
                "website",
            ),
            organisation_page(org, &links),
        )?;
    }
    written.speakers = people.people.len();
    written.organisations = people.organisations.len();
    Ok(written)
}

/// ": First talk; Second talk." (the newest few), or ".".
fn titles(talks: &[Appearance]) -> String {
    const SHOWN: usize = 5;
    let titles: Vec<&str> = talks.iter().take(SHOWN).map(|t| t.title.as_str()).collect();
    if titles.is_empty() {
        ".".to_owned()
    } else {
        let more = if talks.len() > SHOWN { "; …" } else { "" };
        format!(": {}{more}.", titles.join("; "))
    }
}

/// `html` without its `<script>` elements.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find("</script>")
            .map_or(rest.len(), |e| at + e + "</script>".len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_left_out() {
        assert_eq!(
            without_scripts(
                "<head><script type=module src=\"/boot.js\" integrity=\"x\"></script><link></head><body><script>a()</script>b</body>"
            ),
            "<head><link></head><body>b</body>"
        );
        assert_eq!(without_scripts("<p>no script</p>"), "<p>no script</p>");
        assert_eq!(without_scripts("a<script>never closed"), "a");
    }
}
