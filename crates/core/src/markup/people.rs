//! The pages of people across events: every speaker, one speaker's talks, every organisation,
//! one organisation's talks ([`crate::people`]). `recap-feed pages` pre-renders them and the
//! app's people module (`crates/people`) renders the same for the app's routes. Each is a page
//! of its own, in the same frame as the list and the event pages, made of the classes the
//! stylesheet already has for an event's talks. Their links are the app's links: to the event
//! pages, to a talk's moment on its event page (`?t=`), and between the people pages.

use super::node::Element;
use super::pages::{frame, part};
use super::protocol::{class, id};
use super::views::{route_link, section, Href};
use crate::i18n::{Catalogue, Text};
use crate::people::{Appearance, Named, Organisation, Page, People, Person};
use crate::route::{ListQuery, Route};
use crate::search::lowercase;
use crate::time::format_clock;

/// Where the pages link to.
#[derive(Clone, Copy)]
pub struct Links<'a> {
    /// Makes the links, as the event pages do.
    pub href: Href<'a>,
    /// The interface's texts.
    pub texts: &'a Catalogue,
}

impl Links<'_> {
    /// The href of a people page.
    pub fn page(&self, page: Page) -> String {
        (self.href)(&page.route())
    }

    fn list(&self) -> String {
        (self.href)(&Route::List(ListQuery::default()))
    }

    fn event(&self, id: &str, t: Option<u32>) -> String {
        (self.href)(&Route::Event {
            id: id.to_owned(),
            t,
        })
    }
}

/// "1 talk", "3 talks".
pub fn talks_text(n: usize, t: &Catalogue) -> String {
    t.count(Text::TalksOne, Text::TalksOther, n)
}

/// "1 person", "3 people".
pub fn people_text(n: usize, t: &Catalogue) -> String {
    t.count(Text::PeopleOne, Text::PeopleOther, n)
}

fn link(href: String, text: &str) -> Element {
    route_link(href, "").text(text)
}

/// `items` as links, separated by commas, after `lead` (nothing when there are none).
fn links_to(
    mut el: Element,
    lead: &str,
    items: &[Named],
    href: impl Fn(&str) -> String,
) -> Element {
    if items.is_empty() {
        return el;
    }
    el = el.text(lead);
    for (n, named) in items.iter().enumerate() {
        if n > 0 {
            el = el.text(", ");
        }
        el = el.child(link(href(&named.slug), &named.name));
    }
    el
}

/// The top of a people page: the way back, the heading and what it is about.
fn header(title: &str, crumbs: Vec<Element>, about: Element, t: &Catalogue) -> Element {
    let mut nav =
        Element::with_class("nav", "recap-crumbs").attr("aria-label", t.get(Text::Breadcrumb));
    for (n, crumb) in crumbs.into_iter().enumerate() {
        if n > 0 {
            nav = nav.text(" · ");
        }
        nav = nav.child(crumb);
    }
    Element::with_class("div", "recap-header")
        .child(nav)
        .child(
            Element::with_class("h1", "recap-page-title")
                .attr("tabindex", "-1")
                .text(title),
        )
        .child(about.attr("class", "recap-header__description"))
}

/// A people page's parts: its header, then its sections.
fn page(header: Element, sections: Vec<Element>) -> Vec<Element> {
    std::iter::once(header).chain(sections).collect()
}

/// A people page's parts as a whole page, in the frame of the list and the event pages, each
/// part in a `div` of [`class::RENDERED`] as the app holds each.
pub fn framed(parts: Vec<Element>) -> Element {
    let mut main = Element::with_class("div", class::MAIN);
    for p in parts {
        main = main.child(part(p));
    }
    frame(main)
}

/// An entry of an index: a linked name as its heading, and a line about it.
fn entry(href: String, name: &str, line: Element) -> Element {
    Element::with_class("li", "recap-talk")
        .child(Element::with_class("h2", "recap-talk__title").child(link(href, name)))
        .child(line.attr("class", "recap-talk__speakers"))
}

/// Whether a person is found by the search text `q`: every word of it is in their name or in
/// one of their organisations' names, folded as names are (case and accents aside).
pub fn finds(person: &Person, q: &str) -> bool {
    let mut text = lowercase(&crate::people::fold_name(&person.name));
    for org in &person.organisations {
        text.push(' ');
        text.push_str(&crate::people::fold_org(&org.name));
    }
    crate::people::fold_name(q)
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|word| text.contains(word))
}

/// The search of the speakers' list: a form that asks for the same page with `?q=`, so that it
/// works as a link does, and that the app answers as the visitor types.
fn speaker_search(q: &str, links: &Links) -> Element {
    let t = links.texts;
    let input = Element::with_class("input", "recap-input")
        .attr("id", id::PEOPLE_SEARCH)
        .attr("type", "search")
        .attr("name", "q")
        .attr("autocomplete", "off")
        .attr("value", q);
    Element::with_class("form", "recap-filters")
        .attr("role", "search")
        .attr("action", links.page(Page::Speakers))
        .attr("method", "get")
        .child(
            Element::with_class("div", "recap-field recap-field--grow")
                .child(
                    Element::new("label")
                        .attr("for", id::PEOPLE_SEARCH)
                        .text(t.get(Text::SearchSpeakers)),
                )
                .child(input),
        )
}

/// The speakers the search text `q` finds ([`finds`]), each linked to their page with how many
/// talks they gave and the organisations they spoke for; or that no one is found. The app's
/// people module writes it again, in its [`class::PEOPLE_LIST`], as the visitor types.
pub fn speakers_list(people: &People, links: &Links, q: &str) -> Element {
    let t = links.texts;
    let found: Vec<&Person> = people.people.iter().filter(|p| finds(p, q)).collect();
    if found.is_empty() && !people.people.is_empty() {
        return Element::with_class("p", "recap-empty").text(t.get(Text::NoSpeakerFound));
    }
    Element::with_class("ol", "recap-talks").children(found.iter().map(|p| {
        let line = links_to(
            Element::new("p").text(talks_text(p.talk_count(), t)),
            " · ",
            &p.organisations,
            |slug| links.page(Page::Organisation(slug)),
        );
        entry(links.page(Page::Speaker(&p.slug)), &p.name, line).into()
    }))
}

/// Every speaker, by name: each linked to their page, with how many talks they gave and the
/// organisations they spoke for; only those the search text `q` finds ([`finds`]) when it has
/// any, under a search form.
pub fn speakers_page(people: &People, links: &Links, q: &str) -> Vec<Element> {
    let t = links.texts;
    let events = {
        let mut ids: Vec<&str> = people
            .people
            .iter()
            .flat_map(|p| &p.talks)
            .map(|t| t.event_id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let about = Element::new("p").text(if people.people.is_empty() {
        t.get(Text::NoSpeakers).to_owned()
    } else {
        t.fill(
            Text::SpokeAt,
            &[
                ("people", &people_text(people.people.len(), t)),
                (
                    "events",
                    &t.count(Text::EventsOne, Text::EventsOther, events),
                ),
            ],
        )
    });
    let crumbs = vec![
        link(links.list(), t.get(Text::AllEvents)),
        link(links.page(Page::Organisations), t.get(Text::Organisations)),
    ];
    let search = (!people.people.is_empty()).then(|| speaker_search(q, links));
    let list = Element::with_class("div", "recap-people")
        .maybe(search)
        .child(
            Element::with_class("div", class::PEOPLE_LIST)
                .attr("aria-live", "polite")
                .child(speakers_list(people, links, q)),
        );
    page(header(t.get(Text::Speakers), crumbs, about, t), vec![list])
}

/// Every organisation, by name: each linked to its page, with how many talks were given for it
/// and by how many people.
pub fn organisations_page(people: &People, links: &Links) -> Vec<Element> {
    let t = links.texts;
    let about = Element::new("p").text(if people.organisations.is_empty() {
        t.get(Text::NoOrganisations).to_owned()
    } else {
        let count = t.count(
            Text::OrganisationsOne,
            Text::OrganisationsOther,
            people.organisations.len(),
        );
        t.fill(Text::SpokeFor, &[("organisations", &count)])
    });
    let crumbs = vec![
        link(links.list(), t.get(Text::AllEvents)),
        link(links.page(Page::Speakers), t.get(Text::Speakers)),
    ];
    let list =
        Element::with_class("ol", "recap-talks").children(people.organisations.iter().map(|o| {
            let line = Element::new("p").text(talks_by(o, t));
            entry(links.page(Page::Organisation(&o.slug)), &o.name, line).into()
        }));
    page(
        header(t.get(Text::Organisations), crumbs, about, t),
        vec![list],
    )
}

/// What the site is called in the people pages' titles: the feed's `title`, or "our events"
/// when it has none.
pub fn site_name(title: &str, t: &Catalogue) -> String {
    if title.trim().is_empty() {
        t.get(Text::OurEvents).to_owned()
    } else {
        title.to_owned()
    }
}

/// A people page as a whole: what its head says and what it shows.
pub struct PeopleView {
    /// The document's title.
    pub title: String,
    /// Its description, for search engines and link previews.
    pub description: String,
    /// Its Open Graph type.
    pub kind: &'static str,
    /// The page's parts ([`framed`] makes them a page).
    pub parts: Vec<Element>,
}

/// The people page `page` of `people`, on the site called `site`, its speakers' list searched
/// for `q`; `None` when no one has that slug (see [`People::find_person`], which also follows
/// a link made from a post's spelling).
pub fn people_view(
    people: &People,
    page: Page,
    q: &str,
    links: &Links,
    site: &str,
) -> Option<PeopleView> {
    let t = links.texts;
    let view = |title: String, description: String, kind, parts| PeopleView {
        title,
        description,
        kind,
        parts,
    };
    Some(match page {
        Page::Speakers => view(
            t.fill(Text::SpeakersAt, &[("site", site)]),
            t.fill(
                Text::SpeakersDescription,
                &[
                    ("people", &people_text(people.people.len(), t)),
                    ("site", site),
                ],
            ),
            "website",
            speakers_page(people, links, q),
        ),
        Page::Organisations => view(
            t.fill(Text::OrganisationsAt, &[("site", site)]),
            t.fill(Text::OrganisationsDescription, &[("site", site)]),
            "website",
            organisations_page(people, links),
        ),
        Page::Speaker(slug) => {
            let person = people.find_person(slug)?;
            view(
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
                speaker_page(person, links),
            )
        }
        Page::Organisation(slug) => {
            let org = people.find_organisation(slug)?;
            view(
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
                organisation_page(org, links),
            )
        }
    })
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

/// "5 talks by 3 people".
fn talks_by(org: &Organisation, t: &Catalogue) -> String {
    t.fill(
        Text::TalksBy,
        &[
            ("talks", &talks_text(org.talk_count(), t)),
            ("people", &people_text(org.people.len(), t)),
        ],
    )
}

/// One speaker: their talks, newest first, each with its event (linked to the event's page),
/// the date, the organisation they spoke for then, the others who gave it, a link that opens
/// the event at the talk's moment, and the takeaways.
pub fn speaker_page(person: &Person, links: &Links) -> Vec<Element> {
    let t = links.texts;
    let about = links_to(
        Element::new("p").text(talks_text(person.talk_count(), t)),
        " · ",
        &person.organisations,
        |slug| links.page(Page::Organisation(slug)),
    );
    let crumbs = vec![
        link(links.list(), t.get(Text::AllEvents)),
        link(links.page(Page::Speakers), t.get(Text::AllSpeakers)),
    ];
    let talks = talk_list(&person.talks, links, Some(&person.slug));
    page(header(&person.name, crumbs, about, t), vec![talks])
}

/// One organisation: the people who spoke for it, and its talks, newest first, as on a
/// speaker's page with who gave each.
pub fn organisation_page(org: &Organisation, links: &Links) -> Vec<Element> {
    let t = links.texts;
    let about = Element::new("p").text(format!("{}.", talks_by(org, t)));
    let crumbs = vec![
        link(links.list(), t.get(Text::AllEvents)),
        link(
            links.page(Page::Organisations),
            t.get(Text::AllOrganisations),
        ),
    ];
    let people = section(t.get(Text::People), "recap-people-title", "recap-section").child(
        Element::with_class("ul", "recap-sponsors").children(org.people.iter().map(|p| {
            Element::new("li")
                .child(link(links.page(Page::Speaker(&p.slug)), &p.name))
                .into()
        })),
    );
    let talks = talk_list(&org.talks, links, None);
    page(header(&org.name, crumbs, about, t), vec![people, talks])
}

/// The talks section. `whose`: the slug of the speaker whose page it is, left out of each
/// talk's speakers; on an organisation's page (`None`) every speaker is named.
fn talk_list(talks: &[Appearance], links: &Links, whose: Option<&str>) -> Element {
    let list = Element::with_class("ol", "recap-talks").children(
        talks
            .iter()
            .map(|talk| talk_item(talk, links, whose).into()),
    );
    section(
        links.texts.get(Text::Talks),
        "recap-people-talks-title",
        "recap-section",
    )
    .child(list)
}

fn talk_item(talk: &Appearance, links: &Links, whose: Option<&str>) -> Element {
    let t = links.texts;
    let mut about = Element::with_class("p", "recap-talk__speakers")
        .child(link(links.event(&talk.event_id, None), &talk.event_title));
    if let Some(date) = &talk.date {
        about = about.text(" · ").child(
            Element::new("time")
                .attr("datetime", date.as_str())
                .text(t.date_long(date)),
        );
    }
    let others: Vec<Named> = talk
        .speakers
        .iter()
        .filter(|s| Some(s.slug.as_str()) != whose)
        .cloned()
        .collect();
    match whose {
        Some(_) => {
            if let Some(org) = &talk.org {
                about = about
                    .text(format!(" · {} ", t.get(Text::ForOrganisation)))
                    .child(link(links.page(Page::Organisation(&org.slug)), &org.name));
            }
            let lead = format!(" · {} ", t.get(Text::WithPeople));
            about = links_to(about, &lead, &others, |slug| {
                links.page(Page::Speaker(slug))
            });
        }
        None => {
            let lead = format!(" · {} ", t.get(Text::ByPeople));
            about = links_to(about, &lead, &others, |slug| {
                links.page(Page::Speaker(slug))
            });
        }
    }
    let time = talk.start.map(|start| {
        let clock = format_clock(start);
        Element::with_class("p", "recap-talk__time").child(
            route_link(links.event(&talk.event_id, Some(start)), "recap-time")
                .attr(
                    "aria-label",
                    t.fill(
                        Text::PlayTalkFrom,
                        &[("time", &clock), ("title", &talk.title)],
                    ),
                )
                .text(clock),
        )
    });
    let takeaways = (!talk.takeaways.is_empty()).then(|| {
        Element::with_class("ul", "recap-talk__takeaways").children(
            talk.takeaways
                .iter()
                .map(|t| Element::new("li").text(t.as_str()).into()),
        )
    });
    Element::with_class("li", "recap-talk")
        .child(Element::with_class("h3", "recap-talk__title").text(talk.title.as_str()))
        .child(about)
        .maybe(time)
        .maybe(takeaways)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::to_html;
    use crate::parse_feed;
    use crate::route::{href_in, LinkForm};

    const FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
      {"id":"2031-05-01-spring","title":"Spring <meetup>","date_published":"2031-05-01T19:00:00Z",
       "_recap":{"talks":[
         {"title":"Pair & talk","start":1830,"takeaways":["Pairs <b>help</b>"],
          "speakers":[{"name":"Ada Lovelace","org":"Analytical Co"},{"name":"Grace Hopper","org":"Navy"}]}]}},
      {"id":"/2029/03/01/old","title":"Old one","date_published":"2029-03-01T19:00:00Z",
       "_recap":{"talks":[{"speakers":[{"name":"Dr. ada lovelace"}]}]}}
    ]}"#;

    fn html(el: Element) -> String {
        to_html(&[el.into()])
    }

    fn with<R>(f: impl FnOnce(&People, &Links) -> R) -> R {
        let feed = parse_feed(FEED).expect("a feed").feed;
        let people = People::from_items(&feed.items, &Catalogue::english());
        let href = |route: &Route| href_in(route, "/recap/", None, LinkForm::Directory);
        f(
            &people,
            &Links {
                texts: &Catalogue::english(),
                href: &href,
            },
        )
    }

    #[test]
    fn a_speaker_page_lists_their_talks_newest_first_with_time_links() {
        let page = with(|people, links| {
            html(framed(speaker_page(
                people.person("ada-lovelace").expect("Ada"),
                links,
            )))
        });
        let talks = r#"<div class="recap-rendered"><section class="recap-section" aria-labelledby="recap-people-talks-title"><h2 class="recap-section__title" id="recap-people-talks-title">Talks</h2><ol class="recap-talks"><li class="recap-talk"><h3 class="recap-talk__title">Pair &amp; talk</h3><p class="recap-talk__speakers"><a href="/recap/events/2031-05-01-spring/" data-route="">Spring &lt;meetup&gt;</a> · <time datetime="2031-05-01T19:00:00Z">Thursday 1 May 2031</time> · for <a href="/recap/organisations/analytical-co/" data-route="">Analytical Co</a> · with <a href="/recap/speakers/grace-hopper/" data-route="">Grace Hopper</a></p><p class="recap-talk__time"><a class="recap-time" href="/recap/events/2031-05-01-spring/?t=1830" data-route="" aria-label="Play from 30:30: Pair &amp; talk">30:30</a></p><ul class="recap-talk__takeaways"><li>Pairs &lt;b&gt;help&lt;/b&gt;</li></ul></li><li class="recap-talk"><h3 class="recap-talk__title">Talk 1</h3><p class="recap-talk__speakers"><a href="/recap/events/%2F2029%2F03%2F01%2Fold/" data-route="">Old one</a> · <time datetime="2029-03-01T19:00:00Z">Thursday 1 March 2029</time></p></li></ol></section></div>"#;
        assert!(page.starts_with(r#"<div class="recap"><div class="recap-main" role="main"><div class="recap-rendered"><div class="recap-header"><nav class="recap-crumbs" aria-label="Breadcrumb"><a href="/recap/" data-route="">← All events</a> · <a href="/recap/speakers/" data-route="">All speakers</a></nav><h1 class="recap-page-title" tabindex="-1">Ada Lovelace</h1><p class="recap-header__description">2 talks · <a href="/recap/organisations/analytical-co/" data-route="">Analytical Co</a></p></div></div>"#), "{page}");
        assert!(page.ends_with(&format!("{talks}</div></div>")), "{page}");
        // Every link is the app's: none leaves it.
        assert_eq!(
            page.matches("<a ").count(),
            page.matches(" data-route=").count(),
            "{page}"
        );
    }

    #[test]
    fn the_indexes_link_every_person_and_organisation() {
        let (speakers, orgs, navy) = with(|people, links| {
            (
                html(framed(speakers_page(people, links, ""))),
                html(framed(organisations_page(people, links))),
                html(framed(organisation_page(
                    people.organisation("navy").expect("Navy"),
                    links,
                ))),
            )
        });
        assert!(
            speakers.contains(
                r#"<p class="recap-header__description">2 people who spoke at 2 events.</p>"#
            ),
            "{speakers}"
        );
        assert!(speakers.contains(r#"<li class="recap-talk"><h2 class="recap-talk__title"><a href="/recap/speakers/ada-lovelace/" data-route="">Ada Lovelace</a></h2><p class="recap-talk__speakers">2 talks · <a href="/recap/organisations/analytical-co/" data-route="">Analytical Co</a></p></li><li class="recap-talk"><h2 class="recap-talk__title"><a href="/recap/speakers/grace-hopper/" data-route="">Grace Hopper</a></h2><p class="recap-talk__speakers">1 talk · <a href="/recap/organisations/navy/" data-route="">Navy</a></p></li>"#), "{speakers}");
        assert!(orgs.contains(r#"<a href="/recap/organisations/analytical-co/" data-route="">Analytical Co</a></h2><p class="recap-talk__speakers">1 talk by 1 person</p>"#), "{orgs}");
        assert!(
            orgs.contains(r#"<a href="/recap/speakers/" data-route="">Speakers</a>"#),
            "{orgs}"
        );
        assert!(navy.contains(r#"<ul class="recap-sponsors"><li><a href="/recap/speakers/grace-hopper/" data-route="">Grace Hopper</a></li></ul>"#), "{navy}");
        assert!(navy.contains(r#" · by <a href="/recap/speakers/ada-lovelace/" data-route="">Ada Lovelace</a>, <a href="/recap/speakers/grace-hopper/" data-route="">Grace Hopper</a></p>"#), "{navy}");
        assert!(
            navy.contains(r#"href="/recap/events/2031-05-01-spring/?t=1830""#),
            "{navy}"
        );
    }

    #[test]
    fn the_speakers_list_is_searched_by_name_and_organisation() {
        let found = |q: &str| {
            with(|people, links| {
                let page = html(framed(speakers_page(people, links, q)));
                let names: Vec<String> = people
                    .people
                    .iter()
                    .filter(|p| page.contains(&format!(">{}</a></h2>", p.name)))
                    .map(|p| p.name.clone())
                    .collect();
                (names, page)
            })
        };
        assert_eq!(found("").0, ["Ada Lovelace", "Grace Hopper"]);
        assert_eq!(found("ADA").0, ["Ada Lovelace"]);
        // Accents, case and word order aside; an organisation's name finds its people.
        assert_eq!(found("lóvelace ada").0, ["Ada Lovelace"]);
        assert_eq!(found("navy").0, ["Grace Hopper"]);
        assert_eq!(found("grace analytical").0, Vec::<String>::new());
        let (none, page) = found("nobody");
        assert!(none.is_empty());
        assert!(page.contains("No speaker matches this search."), "{page}");
        // The form asks for this page with the search, and shows what was searched.
        assert!(page.contains(r#"<form class="recap-filters" role="search" action="/recap/speakers/" method="get">"#), "{page}");
        assert!(
            page.contains(r#"name="q" autocomplete="off" value="nobody">"#),
            "{page}"
        );
    }

    #[test]
    fn empty_indexes_say_so() {
        let href = |route: &Route| href_in(route, "/", None, LinkForm::Directory);
        let links = Links {
            texts: &Catalogue::english(),
            href: &href,
        };
        let empty = People::default();
        assert!(html(framed(speakers_page(&empty, &links, "")))
            .contains("No one is named as a speaker yet."));
        assert!(html(framed(organisations_page(&empty, &links)))
            .contains("No speaker’s organisation is named yet."));
        assert_eq!(links.page(Page::Speaker("a-b")), "/speakers/a-b/");
    }
}
