//! HTML snapshots of the markup, and escaping by construction.

use super::*;
use crate::i18n::Catalogue;
use crate::markup::views::Fetch;
use crate::route::{href, Route};
use crate::{parse_feed, Feed};

/// The English texts.
fn en() -> Catalogue {
    Catalogue::english()
}

fn feed(json: &str) -> Feed {
    parse_feed(json).expect("a feed").feed
}

fn link(route: &Route) -> String {
    href(route, "/", None)
}

const HOSTILE: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{
  "id":"/2023/05/03/<x>\"'&",
  "title":"<script>alert(1)</script> & \"quotes\" 'single'",
  "summary":"</p><img src=x onerror=alert(1)>",
  "url":"javascript:alert(1)",
  "image":"\" onerror=\"alert(1)",
  "date_published":"2023-05-03T00:00:00Z",
  "_recap":{"location":"<b>Here</b>","video":"https://www.youtube.com/embed/CqpMv0GUhjU",
    "talks":[{"title":"<i>T</i>","speakers":[{"name":"A<b>","org":"\"O\""}],"start":183,
      "takeaways":["<script>x</script>"],"links":[{"label":"<s>","url":"javascript:x"},{"label":"ok","url":"https://e.org/?a=1&b=\"2\""}]}],
    "sponsors":[{"name":"<S>","url":"data:text/html,x"}],
    "next_event":{"date_text":"<u>soon</u>","rsvp_url":"vbscript:x"}}
}]}"#;

#[test]
fn feed_strings_come_out_as_text() {
    let feed = feed(HOSTILE);
    let item = &feed.items[0];
    let photos = photos_in(r#"<img src="https://e.org/p.jpg" alt="<b>&quot;">"#, None);
    let nodes: Vec<Node> = vec![
        event_header(item, &en()).into(),
        event_card(item, "script", &link, Fetch::Lazily, &en()).into(),
        event_body(
            item,
            &Body {
                neighbours: (Some(("<n>".into(), "<N>".into())), None),
                href: &link,
                share: true,
                photos: &photos,
                full_recap: true,
                speaker_href: None,
                texts: &en(),
            },
        )
        .into(),
    ];
    let html = to_html(&nodes);
    for bad in [
        "<script",
        "<img src=x",
        "<b>",
        "<i>",
        "<s>",
        "<u>",
        "<S>",
        "<n>",
        "javascript:",
        "vbscript:",
        "data:",
        "\" onerror",
    ] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\" 'single'"));
    assert!(html.contains(
        r#"href="https://e.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow ugc""#
    ));
    // The id is one escaped path segment.
    assert!(
        html.contains(r#"data-copy="/events/%2F2023%2F05%2F03%2F%3Cx%3E%22%27%26?t=183""#),
        "{html}"
    );
}

const SAMPLE: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
 {"id":"b","title":"Meetup May","date_published":"2023-05-03T00:00:00Z","image":"/i/b.jpg",
  "url":"https://blog.example/b/","summary":"Two talks.",
  "_recap":{"location":"London","video":"https://www.youtube.com/embed/CqpMv0GUhjU",
   "talks":[{"title":"SPIFFE","speakers":[{"name":"Ann","org":"Jetstack"}],"start":183,
     "takeaways":["One","Two"],"links":[{"label":"slides","url":"https://s.example/1"}]},
    {"title":null,"speakers":[]}],
   "sponsors":[{"name":"Sysdig","url":"https://sysdig.com/"},{"name":"Plain"}],
   "next_event":{"date_text":"Wednesday 3rd May","rsvp_url":"https://meetup.example/1"}}},
 {"id":"a","title":"Meetup Jan","date_published":"2022-01-05T00:00:00Z"}
]}"#;

#[test]
fn year_groups_snapshot() {
    let feed = feed(SAMPLE);
    let html = to_html(&[year_groups(&feed.items, &link, &en()).into()]);
    assert_eq!(
        html,
        concat!(
            r#"<div class="recap-year-groups">"#,
            r#"<section class="recap-year" aria-label="Events in 2023"><h2 class="recap-year__title">2023</h2><ul class="recap-events">"#,
            r#"<li class="recap-event-card">"#,
            r#"<img class="recap-event-card__image" alt="" fetchpriority="high" src="/i/b.jpg">"#,
            r#"<h3 class="recap-event-card__title"><a class="recap-event-card__link" href="/events/b" data-route="">Meetup May</a></h3>"#,
            r#"<p class="recap-event-card__meta"><time class="recap-event-card__date" datetime="2023-05-03T00:00:00Z">Wednesday 3 May 2023</time><span class="recap-event-card__location">London</span></p>"#,
            r#"<p class="recap-event-card__facts"><span class="recap-event-card__talks">2 talks</span><span class="recap-badge">Recording</span></p>"#,
            r#"<p class="recap-event-card__orgs">Jetstack</p>"#,
            r#"</li></ul></section>"#,
            r#"<section class="recap-year" aria-label="Events in 2022"><h2 class="recap-year__title">2022</h2><ul class="recap-events">"#,
            r#"<li class="recap-event-card">"#,
            r#"<div class="recap-event-card__image recap-event-card__image--placeholder" aria-hidden="true"></div>"#,
            r#"<h3 class="recap-event-card__title"><a class="recap-event-card__link" href="/events/a" data-route="">Meetup Jan</a></h3>"#,
            r#"<p class="recap-event-card__meta"><time class="recap-event-card__date" datetime="2022-01-05T00:00:00Z">Wednesday 5 January 2022</time></p>"#,
            r#"<p class="recap-event-card__facts"><span class="recap-event-card__talks">No talks listed</span></p>"#,
            r#"</li></ul></section></div>"#,
        )
    );
    let empty = to_html(&[year_groups(&[], &link, &en()).into()]);
    assert_eq!(
        empty,
        r#"<div class="recap-year-groups"><p class="recap-empty">This feed has no events yet.</p></div>"#
    );
}

/// The app's cards are the pre-rendered ones with what only the app reads: the placeholder it
/// swaps in for a picture that fails to load.
#[test]
fn the_app_card_snapshot() {
    let feed = feed(SAMPLE);
    let html = to_html(&[event_card(&feed.items[0], "", &link, Fetch::Lazily, &en()).into()]);
    assert_eq!(
        html,
        concat!(
            r#"<li class="recap-event-card">"#,
            r#"<img class="recap-event-card__image" alt="" loading="lazy" data-placeholder="recap-event-card__image recap-event-card__image--placeholder" src="/i/b.jpg">"#,
            r#"<h3 class="recap-event-card__title"><a class="recap-event-card__link" href="/events/b" data-route="">Meetup May</a></h3>"#,
            r#"<p class="recap-event-card__meta"><time class="recap-event-card__date" datetime="2023-05-03T00:00:00Z">Wednesday 3 May 2023</time><span class="recap-event-card__location">London</span></p>"#,
            r#"<p class="recap-event-card__facts"><span class="recap-event-card__talks">2 talks</span><span class="recap-badge">Recording</span></p>"#,
            r#"<p class="recap-event-card__orgs">Jetstack</p>"#,
            r#"</li>"#,
        )
    );
    let first = to_html(&[event_card(&feed.items[0], "", &link, Fetch::Now, &en()).into()]);
    assert_eq!(
        first,
        html.replace(r#"loading="lazy""#, r#"fetchpriority="high""#)
    );
    let pre_rendered = to_html(&[year_groups(&feed.items[..1], &link, &en()).into()]);
    assert!(
        pre_rendered.contains(&first.replace(
            r#" data-placeholder="recap-event-card__image recap-event-card__image--placeholder""#,
            ""
        )),
        "{pre_rendered}"
    );
}

#[test]
fn a_search_marks_the_matches_and_lists_matching_talks() {
    let feed = feed(SAMPLE);
    let html =
        to_html(&[event_card(&feed.items[0], "spiffe jet", &link, Fetch::Now, &en()).into()]);
    assert!(
        html.contains(
            r#"<p class="recap-event-card__orgs"><mark class="recap-mark">Jet</mark>stack</p>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<ul class="recap-event-card__matches" aria-label="Matching talks"><li><mark class="recap-mark">SPIFFE</mark></li></ul>"#), "{html}");
}

#[test]
fn event_page_snapshot() {
    let feed = feed(SAMPLE);
    let item = &feed.items[0];
    let header = to_html(&[event_header(item, &en()).into()]);
    assert_eq!(
        header,
        concat!(
            r#"<header class="recap-event__header"><h1 class="recap-page-title" tabindex="-1">Meetup May</h1>"#,
            r#"<p class="recap-event__meta"><time datetime="2023-05-03T00:00:00Z">Wednesday 3 May 2023</time> <span>London</span></p>"#,
            r#"<p class="recap-event__summary">Two talks.</p></header>"#,
        )
    );
    let photos = [Photo {
        src: "https://e.org/p.jpg".into(),
        alt: String::new(),
    }];
    let body = event_body(
        item,
        &Body {
            neighbours: (None, Some(("a".into(), "Meetup Jan".into()))),
            href: &link,
            share: true,
            photos: &photos,
            full_recap: false,
            speaker_href: None,
            texts: &en(),
        },
    );
    let keys: Vec<Option<usize>> = match &body.children[0] {
        Node::Element(section) => match &section.children[1] {
            Node::Element(ol) => ol
                .children
                .iter()
                .map(|c| match c {
                    Node::Element(li) => li.key,
                    Node::Text(_) => None,
                })
                .collect(),
            Node::Text(_) => vec![],
        },
        Node::Text(_) => vec![],
    };
    assert_eq!(keys, [Some(0), Some(1)]);
    assert_eq!(
        to_html(&[body.into()]),
        concat!(
            r#"<div class="recap-event__body">"#,
            r#"<section class="recap-section recap-section--talks" aria-labelledby="recap-talks-title"><h2 class="recap-section__title" id="recap-talks-title">Talks</h2><ol class="recap-talks">"#,
            r#"<li class="recap-talk"><h3 class="recap-talk__title">SPIFFE</h3><p class="recap-talk__speakers">Ann (Jetstack)</p>"#,
            r#"<p class="recap-talk__time"><a class="recap-time" href="https://www.youtube.com/watch?v=CqpMv0GUhjU&amp;t=183s" rel="noopener noreferrer nofollow ugc" data-t="183" aria-label="Play from 3:03: SPIFFE">3:03</a>"#,
            r#"<button class="recap-link-button" type="button" data-copy="/events/b?t=183">Copy link</button></p>"#,
            r#"<ul class="recap-talk__takeaways"><li>One</li><li>Two</li></ul>"#,
            r#"<ul class="recap-talk__links"><li><a href="https://s.example/1" rel="noopener noreferrer nofollow ugc">slides</a></li></ul></li>"#,
            r#"<li class="recap-talk"><h3 class="recap-talk__title">Talk 2</h3></li></ol></section>"#,
            r#"<section class="recap-section" aria-labelledby="recap-sponsors-title"><h2 class="recap-section__title" id="recap-sponsors-title">Thanks to our sponsors</h2>"#,
            r#"<ul class="recap-sponsors"><li><a href="https://sysdig.com/" rel="noopener noreferrer nofollow ugc">Sysdig</a></li><li>Plain</li></ul></section>"#,
            r#"<section class="recap-section recap-next" aria-labelledby="recap-next-title"><h2 class="recap-section__title" id="recap-next-title">Next meetup</h2>"#,
            r#"<p>Wednesday 3rd May</p><a class="recap-button" href="https://meetup.example/1" rel="noopener noreferrer nofollow ugc">RSVP</a></section>"#,
            r#"<section class="recap-section" aria-labelledby="recap-photos-title"><h2 class="recap-section__title" id="recap-photos-title">Photos</h2>"#,
            r#"<ul class="recap-photos"><li><img alt="Photo from the event" loading="lazy" decoding="async" src="https://e.org/p.jpg"></li></ul></section>"#,
            r#"<section class="recap-section recap-full"><p><a href="https://blog.example/b/" rel="noopener noreferrer nofollow ugc">Read the original post</a></p></section>"#,
            r#"<nav class="recap-pager" aria-label="Other events"><a class="recap-pager__older" href="/events/a" data-route=""><span class="recap-pager__label">Older</span>Meetup Jan</a></nav>"#,
            r#"</div>"#,
        )
    );
}

/// Every `<a>` in `html` whose `href` leaves the site (`http(s)`, `//`, `mailto:`), with its `rel`.
fn outside_links(html: &str) -> Vec<(String, Option<String>)> {
    let attr = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_owned())
    };
    html.split("<a ")
        .skip(1)
        .filter_map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>')?]);
            let href = attr(&tag, "href")?;
            let leaves = ["http:", "https:", "//", "mailto:"]
                .iter()
                .any(|p| href.to_ascii_lowercase().starts_with(p));
            leaves.then(|| (href, attr(&tag, "rel")))
        })
        .collect()
}

#[test]
fn every_link_that_leaves_the_site_has_the_one_policy() {
    use super::pages::event_page;
    use super::protocol::OUTSIDE_REL;
    assert_eq!(
        crate::sanitize::added_attributes("a"),
        &[("rel", OUTSIDE_REL)]
    );
    // Talks without an event video link to their own video; a recording that is a file, and
    // one that is a page of no known host, are linked as they are.
    let other = SAMPLE
        .replace(
            r#""video":"https://www.youtube.com/embed/CqpMv0GUhjU","#,
            r#""video":"https://media.example/rec.webm","#,
        )
        .replace(
            r#""takeaways":["One","Two"]"#,
            r#""video_url":"https://talks.example/1","takeaways":["One","Two"]"#,
        );
    let no_video = SAMPLE
        .replace(
            r#""video":"https://www.youtube.com/embed/CqpMv0GUhjU","#,
            r#""video":"https://stream.example/live/7","#,
        )
        .replace(
            r#""takeaways":["One","Two"]"#,
            r#""video_url":"https://talks.example/1","takeaways":["One","Two"]"#,
        );
    let photos = [Photo {
        src: "https://e.org/p.jpg".into(),
        alt: String::new(),
    }];
    let mut seen = 0;
    for json in [SAMPLE, HOSTILE, other.as_str(), no_video.as_str()] {
        let feed = feed(json);
        for item in &feed.items {
            let body = Body {
                neighbours: (Some(("n".into(), "N".into())), None),
                href: &link,
                share: true,
                photos: &photos,
                full_recap: true,
                speaker_href: None,
                texts: &en(),
            };
            let html = to_html(&[
                event_page(item, &body).into(),
                event_card(item, "a", &link, Fetch::Lazily, &en()).into(),
            ]);
            for (href, rel) in outside_links(&html) {
                assert_eq!(rel.as_deref(), Some(OUTSIDE_REL), "{href} in {html}");
                seen += 1;
            }
        }
    }
    // The sample's recording, times, slides, sponsor, RSVP and original post, and the others'.
    assert!(seen >= 21, "only {seen} outside links");
}

#[test]
fn the_recording_is_a_facade_with_a_player_and_a_link_without() {
    use crate::player::{chapters, starts, Player};
    use views::Facade;
    let feed = feed(SAMPLE);
    let item = &feed.items[0];
    // Without script: the poster and the recording on its own site.
    assert_eq!(
        to_html(&[video_area(item, None, &en()).into()]),
        concat!(
            r#"<section class="recap-video" aria-label="Recording"><div class="recap-video__screen">"#,
            r#"<img class="recap-video__poster" alt="" decoding="async" src="/i/b.jpg"></div>"#,
            r#"<p class="recap-video__actions"><a class="recap-button" href="https://www.youtube.com/watch?v=CqpMv0GUhjU&amp;t=0s" rel="noopener noreferrer nofollow ugc">Watch the recording</a></p></section>"#,
        )
    );
    // With the app's player: the facade's button, the link at the page's moment, the chapters.
    let player = Player::for_item(item).expect("a player");
    let segments = chapters(&starts(item.talks()), None);
    let area = video_area(
        item,
        Some(Facade {
            player: &player,
            start: Some(183),
            chapters: &segments,
        }),
        &en(),
    );
    let html = to_html(&[area.clone().into()]);
    assert!(
        html.contains(concat!(
            r#"<button class="recap-video__play" type="button" data-play=""><img class="recap-video__poster" alt="" decoding="async" src="/i/b.jpg">"#,
            r#"<span class="recap-video__label"><span class="recap-video__icon"></span><span>Play the recording<span class="recap-visually-hidden"> of Meetup May</span> from 3:03</span></span></button>"#,
        )),
        "{html}"
    );
    assert!(html.contains(r#"href="https://www.youtube.com/watch?v=CqpMv0GUhjU&amp;t=183s" rel="noopener noreferrer nofollow ugc">Watch on YouTube</a>"#), "{html}");
    assert!(
        html.contains(r#"<li class="recap-chapters__item"><button class="recap-chapters__button" type="button" data-t="183" title="3:03 SPIFFE"><span class="recap-chapters__time">3:03</span> <span class="recap-chapters__title">SPIFFE</span></button></li>"#),
        "{html}"
    );
    // The chapter bar's items carry their talk's index.
    let Some(Node::Element(nav)) = area.children.last() else {
        panic!("no chapter bar in {html}");
    };
    let Some(Node::Element(ol)) = nav.children.first() else {
        panic!("no list in {html}");
    };
    let keys: Vec<Option<usize>> = ol
        .children
        .iter()
        .map(|c| match c {
            Node::Element(li) => li.key,
            Node::Text(_) => None,
        })
        .collect();
    assert_eq!(keys, [Some(0)]);
}

#[test]
fn the_search_form_names_its_controls_by_the_protocol() {
    use super::protocol::{id, selector};
    let html = to_html(&[views::search_form(&[2024, 2023], vec!["k8s".into()], &en()).into()]);
    for id in [id::SEARCH, id::YEAR, id::TAG] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "{id} in {html}");
        assert!(html.contains(&format!(r#"for="{id}""#)), "{id} in {html}");
    }
    assert!(selector::SEARCH.ends_with(id::SEARCH));
    assert!(html.contains(r#"<option value="">All years</option><option value="2024">2024</option><option value="2023">2023</option>"#), "{html}");
    assert!(
        html.contains(r#"<option value="">All tags</option><option value="k8s">k8s</option>"#),
        "{html}"
    );
}
