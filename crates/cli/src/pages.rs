//! `recap-feed pages`: pre-rendered pages in a built site. The app's built `index.html` is the
//! template; the list's first screen goes into its mount element, and every event gets
//! `events/<id>/index.html` with its own title, description, canonical URL, Open Graph tags and
//! JSON-LD (the event, its recording and each talk's moment: `recap_core::markup::structured`).
//! With the site's address, `sitemap.xml` lists every page and `robots.txt` points to it. The
//! app still fetches the feed and takes over these pages. With a base, the site is first
//! rebased to it (`crate::rebase`).

use recap_core::markup::protocol::MOUNT;
use std::path::{Path, PathBuf};

use recap_core::i18n::{Catalogue, Lang, Text};
use recap_core::markup::pages::{event_page, list_page};
use recap_core::markup::protocol::PAGES;
use recap_core::markup::structured::{describe, event_json_ld, PageAddress};
use recap_core::markup::{escape, photos_in, to_html, Body, Element, Node};
use recap_core::people::People;
use recap_core::route::{href_in, LinkForm, ListQuery, Route};
use recap_core::{Feed, Item};

use crate::rebase::{base_href, rebase, RebaseError, Rebased};

/// Why the pages could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PagesError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The template lacks something the pages need.
    #[error("{0}")]
    Template(String),
    /// The site could not be rebased to the base asked for.
    #[error(transparent)]
    Rebase(#[from] RebaseError),
}

/// What was written.
#[derive(Debug, Default)]
pub struct Written {
    /// Event pages written.
    pub events: usize,
    /// Events left without a page: their id cannot be a directory name.
    pub skipped: Vec<String>,
    /// What rebasing the site did, when asked to.
    pub rebased: Option<Rebased>,
    /// Event pages that carry a recording's moments (`Clip`s in their JSON-LD).
    pub with_moments: usize,
    /// How many addresses `sitemap.xml` lists, when the site's address was given.
    pub sitemap: Option<usize>,
    /// The speakers' and organisations' pages.
    pub people: crate::people::PeoplePages,
}

/// The template: the built `index.html`, cut around its mount element's content.
#[derive(Debug, Clone)]
pub struct Template {
    /// Up to `<title>`.
    head: String,
    /// From `</title>` to the end of the mount element's start tag, with the pages marker.
    middle: String,
    /// From the mount element's end tag on.
    tail: String,
    /// The `<base href>`: the app's base path.
    base: String,
}

/// `head` with its `<html>` start tag saying the page's language (`lang`), in place of any it
/// said before.
fn with_lang(head: &str, lang: Lang) -> String {
    let Some(start) = head.find("<html") else {
        return head.to_owned();
    };
    let end = head[start..].find('>').map_or(head.len(), |e| start + e);
    let tag = &head[start + "<html".len()..end];
    let kept: Vec<&str> = tag
        .split_whitespace()
        .filter(|attr| !attr.to_ascii_lowercase().starts_with("lang="))
        .collect();
    let mut attrs = String::new();
    for attr in kept
        .iter()
        .copied()
        .chain([format!("lang={}", lang.code()).as_str()])
    {
        attrs.push(' ');
        attrs.push_str(attr);
    }
    format!("{}<html{attrs}{}", &head[..start], &head[end..])
}

impl Template {
    /// Reads the template. The mount element is the one with `data-recap`; its content (the
    /// boot message) must not hold another `div`.
    pub fn parse(html: &str) -> Result<Self, PagesError> {
        let missing = |what: &str| PagesError::Template(format!("index.html has no {what}"));
        let title_at = html.find("<title>").ok_or_else(|| missing("<title>"))?;
        let title_end = html[title_at..]
            .find("</title>")
            .map(|e| title_at + e + "</title>".len())
            .ok_or_else(|| missing("</title>"))?;
        let mount = html
            .find(MOUNT)
            .ok_or_else(|| missing(&format!("{MOUNT} mount element")))?;
        let open_at = html[..mount]
            .rfind('<')
            .ok_or_else(|| missing("mount element"))?;
        if !html[open_at..].starts_with("<div") {
            return Err(PagesError::Template(format!(
                "the {MOUNT} mount element must be a div"
            )));
        }
        let open_end = mount
            + html[mount..]
                .find('>')
                .ok_or_else(|| missing("end of the mount element's start tag"))?;
        let close_at = open_end
            + html[open_end..]
                .find("</div>")
                .ok_or_else(|| missing("end of the mount element"))?;
        if html[open_end..close_at].contains("<div") || title_end > open_at {
            return Err(PagesError::Template(
                "the mount element must come after <title> and hold no div".into(),
            ));
        }
        let start_tag = &html[open_at..open_end];
        let marker = if start_tag.contains(PAGES) {
            String::new()
        } else {
            format!(" {PAGES}=dir")
        };
        let head = strip_description(&html[..title_at]);
        Ok(Template {
            head,
            middle: format!("{}{marker}>", strip_preloads(&html[title_end..open_end])),
            tail: html[close_at..].to_owned(),
            base: base_href(&html[..open_at]).unwrap_or_else(|| "/".to_owned()),
        })
    }

    /// The app's base path, from `<base href>`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A page: the head tags after `<title>`, the content in the mount element.
    pub(crate) fn page(&self, head: &Head, content: &Element) -> String {
        let mut tags = vec![
            meta("name", "description", &head.description),
            meta("property", "og:title", &head.title),
            meta("property", "og:description", &head.description),
            meta("property", "og:type", head.kind),
        ];
        if let Some(url) = &head.url {
            tags.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
            tags.push(meta("property", "og:url", url));
        }
        if let Some(image) = &head.image {
            tags.push(meta("property", "og:image", image));
        }
        if let Some(json) = &head.json_ld {
            // Escaped for a script element by `event_json_ld`: no `<` in it.
            tags.push(format!(
                "<script type=\"application/ld+json\">{json}</script>"
            ));
        }
        format!(
            "{}<title>{}</title>{}{}{}{}",
            self.head,
            escape(&head.title),
            tags.concat(),
            self.middle,
            to_html(&[Node::Element(content.clone())]),
            self.tail
        )
    }
}

/// A `<meta>` tag.
fn meta(attr: &str, name: &str, content: &str) -> String {
    format!("<meta {attr}=\"{name}\" content=\"{}\">", escape(content))
}

/// The head without its `<meta name=description>` (each page writes its own).
fn strip_description(head: &str) -> String {
    without_tags(head, "<meta", |tag| tag.contains("name=description"))
}

/// The page without the app's preload links (its modules, its wasm, its feed): on a
/// pre-rendered page the app starts once the page has loaded (`scripts/boot.mjs`, which then
/// preloads its modules with their integrity), and fetching them early would only take
/// bandwidth from the first screen's pictures.
fn strip_preloads(html: &str) -> String {
    without_tags(html, "<link", |tag| {
        tag.contains("rel=preload") || tag.contains("rel=modulepreload")
    })
}

/// `html` without the tags that start with `start` and that `drop` picks, given the tag with
/// its quotes removed.
fn without_tags(html: &str, start: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(start) {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !drop(&tag.replace(['"', '\''], "")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What a page says about itself in its head.
pub(crate) struct Head {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) kind: &'static str,
    pub(crate) url: Option<String>,
    pub(crate) image: Option<String>,
    /// Structured data for search engines.
    pub(crate) json_ld: Option<String>,
}

/// Options of `recap-feed pages`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's public address (`https://example.org/recap/`), for canonical URLs and Open
    /// Graph; without it those are left out (they must be absolute).
    pub site_url: Option<String>,
    /// The path the site is served at (`/recap/`), when it was built for another: the site is
    /// rebased to it first ([`crate::rebase`]).
    pub base: Option<String>,
    /// The pages' language: their texts, dates and counts, and `<html lang>`, which the app
    /// reads when it takes a page over.
    pub lang: Lang,
}

/// An event's directory under `events/`: the id as the router writes it, one percent-encoded
/// path segment; `None` when that could not be a directory name.
pub fn event_dir(id: &str) -> Option<String> {
    let href = href_in(
        &Route::Event {
            id: id.to_owned(),
            t: None,
        },
        "/",
        None,
        LinkForm::Plain,
    );
    let segment = href.strip_prefix("/events/")?.to_owned();
    (!segment.is_empty() && segment != "." && segment != ".." && !segment.contains('/'))
        .then_some(segment)
}

/// Writes the pre-rendered list into `dist/index.html` and a page per event.
pub fn write_pages(feed: &Feed, dist: &Path, options: &Options) -> Result<Written, PagesError> {
    let rebased = options
        .base
        .as_deref()
        .map(|base| rebase(dist, base))
        .transpose()?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|source| PagesError::Io {
        path: index.clone(),
        source,
    })?;
    let mut template = Template::parse(&html)?;
    template.head = with_lang(&template.head, options.lang);
    let texts = Catalogue::builtin(options.lang);
    // The app as a host without rewrites answers an address with no page of its own: in the
    // pages' language too.
    let not_found = dist.join("404.html");
    if let Ok(page) = std::fs::read_to_string(&not_found) {
        write(&not_found, &with_lang(&page, options.lang))?;
    }
    let base = template.base().to_owned();
    let href = |route: &Route| href_in(route, &base, None, LinkForm::Directory);
    // Every speaker's name links to their page.
    let people = People::from_items(&feed.items, &texts);
    let speaker_href = |name: &str| {
        people
            .person_slug(name)
            .map(|slug| href(&Route::Speaker(slug.to_owned())))
    };
    let site = options
        .site_url
        .as_deref()
        .map(|s| format!("{}/", s.trim_end_matches('/')));
    // A path under the base, as an absolute URL on the site.
    let absolute = |path: &str| {
        site.as_ref()
            .map(|site| format!("{site}{}", path.strip_prefix(base.as_str()).unwrap_or(path)))
    };
    let absolute_image = |src: Option<&str>| {
        let src = src?;
        if src.starts_with("http://") || src.starts_with("https://") {
            return Some(src.to_owned());
        }
        let site = site.as_ref()?;
        Some(format!("{site}{}", src.trim_start_matches('/')))
    };
    let title = if feed.title.is_empty() {
        texts.get(Text::EventsTitle).to_owned()
    } else {
        feed.title.clone()
    };
    let list_href = href(&Route::List(ListQuery::default()));
    // Every page's address and when it last changed, for the sitemap.
    let mut addresses: Vec<(String, Option<String>)> = vec![(list_href.clone(), None)];
    let list = template.page(
        &Head {
            description: feed.description.clone().unwrap_or_else(|| {
                let events = texts.count(Text::EventsOne, Text::EventsOther, feed.items.len());
                texts.fill(Text::ListDescription, &[("events", &events)])
            }),
            title,
            kind: "website",
            url: absolute(&list_href),
            image: absolute_image(feed.items.first().and_then(|i| i.image.as_deref())),
            json_ld: None,
        },
        &list_page(feed, &href, &texts),
    );
    write(&index, &list)?;
    let mut written = Written {
        rebased,
        ..Written::default()
    };
    for (at, item) in feed.items.iter().enumerate() {
        let Some(dir) = event_dir(&item.id) else {
            written.skipped.push(item.id.clone());
            continue;
        };
        let neighbour = |i: Option<&Item>| i.map(|i| (i.id.clone(), i.display_title().to_owned()));
        let photos = item
            .content_html
            .as_deref()
            .map(|html| photos_in(html, item.url.as_deref()))
            .unwrap_or_default();
        let body = Body {
            neighbours: (
                neighbour(at.checked_sub(1).and_then(|n| feed.items.get(n))),
                neighbour(feed.items.get(at + 1)),
            ),
            href: &href,
            share: true,
            photos: &photos,
            full_recap: false,
            speaker_href: Some(&speaker_href),
            texts: &texts,
        };
        let page_href = href(&Route::Event {
            id: item.id.clone(),
            t: None,
        });
        let url = absolute(&page_href);
        let image = absolute_image(item.image.as_deref());
        let json_ld = event_json_ld(
            item,
            PageAddress {
                page: url.as_deref().unwrap_or(&page_href),
                image: image.as_deref(),
            },
            &texts,
        );
        if json_ld.as_ref().is_some_and(|data| data.moments > 0) {
            written.with_moments += 1;
        }
        let changed = item.date_modified.as_ref().or(item.date_published.as_ref());
        addresses.push((page_href.clone(), changed.map(ToString::to_string)));
        let page = template.page(
            &Head {
                title: item.display_title().to_owned(),
                description: describe(item, &texts),
                kind: "article",
                url,
                image,
                json_ld: json_ld.map(|data| data.json),
            },
            &event_page(item, &body),
        );
        let dir = dist.join("events").join(dir);
        std::fs::create_dir_all(&dir).map_err(|source| PagesError::Io {
            path: dir.clone(),
            source,
        })?;
        write(&dir.join("index.html"), &page)?;
        written.events += 1;
    }
    written.people =
        crate::people::write_people(feed, &people, dist, &template, &href, &absolute, &texts)?;
    let base = base.trim_end_matches('/');
    addresses.extend(
        written
            .people
            .paths
            .iter()
            .map(|path| (format!("{base}/{path}"), None)),
    );
    if let Some(site) = &site {
        let urls: Vec<(String, Option<String>)> = addresses
            .into_iter()
            .filter_map(|(path, changed)| Some((absolute(&path)?, changed)))
            .collect();
        write(&dist.join("sitemap.xml"), &sitemap(&urls))?;
        write(&dist.join("robots.txt"), &robots(site))?;
        written.sitemap = Some(urls.len());
    }
    Ok(written)
}

/// A sitemap (sitemaps.org 0.9) of absolute URLs, each with the time it last changed if known.
fn sitemap(urls: &[(String, Option<String>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, changed) in urls {
        xml.push_str(&format!("<url><loc>{}</loc>", escape(url)));
        if let Some(changed) = changed {
            xml.push_str(&format!("<lastmod>{}</lastmod>", escape(changed)));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled, and where the sitemap is. Crawlers read it at the
/// root of a host only: a site served under a path has to merge these lines into the host's.
fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n")
}

fn write(path: &Path, text: &str) -> Result<(), PagesError> {
    std::fs::write(path, text).map_err(|source| PagesError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html><html lang=en><meta charset=utf-8><base href=/recap/><meta content=\"Talks.\" name=description><title>Recap</title><link href=/recap/main.css rel=stylesheet><link as=fetch crossorigin href=feed.json rel=preload><link href=/recap/a.js rel=modulepreload><link as=fetch href=/recap/a_bg.wasm rel=\"preload\" type=application/wasm></head><body><div data-feed=feed.json data-recap id=recap><p class=recap-boot role=status>Loading events…</p><noscript><p>JS</p></noscript></div></body></html>";

    #[test]
    fn the_pages_say_their_language() {
        assert_eq!(
            with_lang(
                "<!doctype html><html lang=en><meta charset=utf-8>",
                Lang::De
            ),
            "<!doctype html><html lang=de><meta charset=utf-8>"
        );
        assert_eq!(
            with_lang(
                "<!DOCTYPE html>\n<html class=\"x\" LANG=\"en-GB\">",
                Lang::Fr
            ),
            "<!DOCTYPE html>\n<html class=\"x\" lang=fr>"
        );
        assert_eq!(with_lang("<html>", Lang::En), "<html lang=en>");
    }

    #[test]
    fn the_template_is_cut_around_the_mount_element() {
        let template = Template::parse(TRUNK).expect("a template");
        assert_eq!(template.base(), "/recap/");
        let page = template.page(
            &Head {
                title: "A <b> & \"c\"".into(),
                description: "D".into(),
                kind: "article",
                url: Some("https://e.org/recap/events/a/".into()),
                image: None,
                json_ld: None,
            },
            &Element::new("p").text("<hi>"),
        );
        assert_eq!(
            page,
            concat!(
                "<!doctype html><html lang=en><meta charset=utf-8><base href=/recap/>",
                "<title>A &lt;b&gt; &amp; &quot;c&quot;</title>",
                "<meta name=\"description\" content=\"D\"><meta property=\"og:title\" content=\"A &lt;b&gt; &amp; &quot;c&quot;\">",
                "<meta property=\"og:description\" content=\"D\"><meta property=\"og:type\" content=\"article\">",
                "<link rel=\"canonical\" href=\"https://e.org/recap/events/a/\"><meta property=\"og:url\" content=\"https://e.org/recap/events/a/\">",
                "<link href=/recap/main.css rel=stylesheet></head><body><div data-feed=feed.json data-recap id=recap data-pages=dir>",
                "<p>&lt;hi&gt;</p></div></body></html>"
            )
        );
        assert!(Template::parse("<title>x</title><p>").is_err());
    }

    /// A feed longer than a screen: the list holds its first screen of cards, counts them all,
    /// and every event still gets its page.
    #[test]
    fn the_list_holds_the_first_screen_and_every_event_gets_a_page() {
        use recap_core::markup::pages::PRE_RENDERED_CARDS;
        let events = PRE_RENDERED_CARDS + 10;
        let items: Vec<String> = (0..events)
            .map(|n| {
                format!(
                    r#"{{"id":"e{n}","title":"Meetup {n}","date_published":"{}-03-06T00:00:00Z"}}"#,
                    2100 - n
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{}]}}"#,
            items.join(",")
        );
        let feed = recap_core::parse_feed(&json).expect("a feed").feed;
        let dist = std::env::temp_dir().join(format!("recap-pages-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).expect("a folder");
        std::fs::write(dist.join("index.html"), TRUNK).expect("the template");
        let written = write_pages(&feed, &dist, &Options::default()).expect("pages");
        assert_eq!(written.events, events);
        let list = std::fs::read_to_string(dist.join("index.html")).expect("the list");
        assert_eq!(
            list.matches(r#"<li class="recap-event-card">"#).count(),
            PRE_RENDERED_CARDS
        );
        assert!(list.contains(&format!(">{events} events</p>")), "{list}");
        let last = dist.join(format!("events/e{}/index.html", events - 1));
        assert!(last.is_file(), "{last:?}");
        let _ = std::fs::remove_dir_all(&dist);
    }

    #[test]
    fn event_directories_are_one_segment() {
        assert_eq!(
            event_dir("2023-05-03-slug").as_deref(),
            Some("2023-05-03-slug")
        );
        assert_eq!(
            event_dir("/2023/05/03/slug").as_deref(),
            Some("%2F2023%2F05%2F03%2Fslug")
        );
        assert_eq!(event_dir(".."), None);
        assert_eq!(event_dir("."), None);
        assert_eq!(event_dir("../x").as_deref(), Some("..%2Fx"));
    }
}
