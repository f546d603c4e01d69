//! The pages of people across events, for pre-rendering: every speaker, one speaker's talks,
//! every organisation, one organisation's talks ([`crate::people`]). Each is a page of its own,
//! in the same frame as the list and the event pages, made of the classes the stylesheet already
//! has for an event's talks. Their links are plain links (the app does not open these pages in
//! place): to the event pages, to a talk's moment on its event page (`?t=`), and between the
//! people pages.

use super::node::Element;
use super::pages::{frame, part};
use super::protocol::class;
use super::views::{section, Href};
use crate::i18n::{Catalogue, Text};
use crate::people::{Appearance, Named, Organisation, Page, People, Person};
use crate::route::{ListQuery, Route};
use crate::time::format_clock;

/// Where the pages link to.
#[derive(Clone, Copy)]
pub struct Links<'a> {
    /// Makes the links to the list and to the events, as the event pages do.
    pub href: Href<'a>,
    /// The site's base path, `/` or `/recap/`: the people pages are under it.
    pub base: &'a str,
    /// The interface's texts.
    pub texts: &'a Catalogue,
}

impl Links<'_> {
    /// The href of a people page.
    pub fn page(&self, page: Page) -> String {
        let base = self.base.trim_end_matches('/');
        format!("{base}/{}", page.path())
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
    Element::new("a").attr("href", href).text(text)
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

fn page(header: Element, sections: Vec<Element>) -> Element {
    let mut main = Element::with_class("div", class::MAIN).child(part(header));
    for s in sections {
        main = main.child(part(s));
    }
    frame(main)
}

/// An entry of an index: a linked name as its heading, and a line about it.
fn entry(href: String, name: &str, line: Element) -> Element {
    Element::with_class("li", "recap-talk")
        .child(Element::with_class("h2", "recap-talk__title").child(link(href, name)))
        .child(line.attr("class", "recap-talk__speakers"))
}

/// Every speaker, by name: each linked to their page, with how many talks they gave and the
/// organisations they spoke for.
pub fn speakers_page(people: &People, links: &Links) -> Element {
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
    let list = Element::with_class("ol", "recap-talks").children(people.people.iter().map(|p| {
        let line = links_to(
            Element::new("p").text(talks_text(p.talk_count(), t)),
            " · ",
            &p.organisations,
            |slug| links.page(Page::Organisation(slug)),
        );
        entry(links.page(Page::Speaker(&p.slug)), &p.name, line).into()
    }));
    page(header(t.get(Text::Speakers), crumbs, about, t), vec![list])
}

/// Every organisation, by name: each linked to its page, with how many talks were given for it
/// and by how many people.
pub fn organisations_page(people: &People, links: &Links) -> Element {
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
pub fn speaker_page(person: &Person, links: &Links) -> Element {
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
pub fn organisation_page(org: &Organisation, links: &Links) -> Element {
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
            Element::with_class("a", "recap-time")
                .attr("href", links.event(&talk.event_id, Some(start)))
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
                base: "/recap/",
            },
        )
    }

    #[test]
    fn a_speaker_page_lists_their_talks_newest_first_with_time_links() {
        let page = with(|people, links| {
            html(speaker_page(
                people.person("ada-lovelace").expect("Ada"),
                links,
            ))
        });
        let talks = r#"<div class="recap-rendered"><section class="recap-section" aria-labelledby="recap-people-talks-title"><h2 class="recap-section__title" id="recap-people-talks-title">Talks</h2><ol class="recap-talks"><li class="recap-talk"><h3 class="recap-talk__title">Pair &amp; talk</h3><p class="recap-talk__speakers"><a href="/recap/events/2031-05-01-spring/">Spring &lt;meetup&gt;</a> · <time datetime="2031-05-01T19:00:00Z">Thursday 1 May 2031</time> · for <a href="/recap/organisations/analytical-co/">Analytical Co</a> · with <a href="/recap/speakers/grace-hopper/">Grace Hopper</a></p><p class="recap-talk__time"><a class="recap-time" href="/recap/events/2031-05-01-spring/?t=1830" aria-label="Play from 30:30: Pair &amp; talk">30:30</a></p><ul class="recap-talk__takeaways"><li>Pairs &lt;b&gt;help&lt;/b&gt;</li></ul></li><li class="recap-talk"><h3 class="recap-talk__title">Talk 1</h3><p class="recap-talk__speakers"><a href="/recap/events/%2F2029%2F03%2F01%2Fold/">Old one</a> · <time datetime="2029-03-01T19:00:00Z">Thursday 1 March 2029</time></p></li></ol></section></div>"#;
        assert!(page.starts_with(r#"<div class="recap"><div class="recap-main" role="main"><div class="recap-rendered"><div class="recap-header"><nav class="recap-crumbs" aria-label="Breadcrumb"><a href="/recap/">← All events</a> · <a href="/recap/speakers/">All speakers</a></nav><h1 class="recap-page-title" tabindex="-1">Ada Lovelace</h1><p class="recap-header__description">2 talks · <a href="/recap/organisations/analytical-co/">Analytical Co</a></p></div></div>"#), "{page}");
        assert!(page.ends_with(&format!("{talks}</div></div>")), "{page}");
        // Plain links only: nothing the app's click handler would take.
        assert!(!page.contains("data-"), "{page}");
    }

    #[test]
    fn the_indexes_link_every_person_and_organisation() {
        let (speakers, orgs, navy) = with(|people, links| {
            (
                html(speakers_page(people, links)),
                html(organisations_page(people, links)),
                html(organisation_page(
                    people.organisation("navy").expect("Navy"),
                    links,
                )),
            )
        });
        assert!(
            speakers.contains(
                r#"<p class="recap-header__description">2 people who spoke at 2 events.</p>"#
            ),
            "{speakers}"
        );
        assert!(speakers.contains(r#"<li class="recap-talk"><h2 class="recap-talk__title"><a href="/recap/speakers/ada-lovelace/">Ada Lovelace</a></h2><p class="recap-talk__speakers">2 talks · <a href="/recap/organisations/analytical-co/">Analytical Co</a></p></li><li class="recap-talk"><h2 class="recap-talk__title"><a href="/recap/speakers/grace-hopper/">Grace Hopper</a></h2><p class="recap-talk__speakers">1 talk · <a href="/recap/organisations/navy/">Navy</a></p></li>"#), "{speakers}");
        assert!(orgs.contains(r#"<a href="/recap/organisations/analytical-co/">Analytical Co</a></h2><p class="recap-talk__speakers">1 talk by 1 person</p>"#), "{orgs}");
        assert!(
            orgs.contains(r#"<a href="/recap/speakers/">Speakers</a>"#),
            "{orgs}"
        );
        assert!(navy.contains(r#"<ul class="recap-sponsors"><li><a href="/recap/speakers/grace-hopper/">Grace Hopper</a></li></ul>"#), "{navy}");
        assert!(navy.contains(r#" · by <a href="/recap/speakers/ada-lovelace/">Ada Lovelace</a>, <a href="/recap/speakers/grace-hopper/">Grace Hopper</a></p>"#), "{navy}");
        assert!(
            navy.contains(r#"href="/recap/events/2031-05-01-spring/?t=1830""#),
            "{navy}"
        );
    }

    #[test]
    fn empty_indexes_say_so() {
        let href = |route: &Route| href_in(route, "/", None, LinkForm::Directory);
        let links = Links {
            texts: &Catalogue::english(),
            href: &href,
            base: "/",
        };
        let empty = People::default();
        assert!(html(speakers_page(&empty, &links)).contains("No one is named as a speaker yet."));
        assert!(html(organisations_page(&empty, &links))
            .contains("No speaker’s organisation is named yet."));
        assert_eq!(links.page(Page::Speaker("a-b")), "/speakers/a-b/");
    }
}
