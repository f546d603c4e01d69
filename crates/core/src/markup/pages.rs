//! Whole pages as the app shows them once the feed is in, for pre-rendering: the list's first
//! screen with its search form, and an event page. The app renders the same structure (its
//! Leptos views around the trees of [`super::views`]), so that it can take over without a
//! shift.

use super::node::Element;
use super::views::{event_body, event_head, list_header, outside_link, year_groups, Body, Href};
use crate::route::{ListQuery, Route};
use crate::search::{tags, years};
use crate::url::safe_src;
use crate::{Feed, Item};

/// How many cards the list shows first (the app builds the rest a batch per frame).
pub const FIRST_CARDS: usize = 50;

/// The app's frame: `div.recap > div.recap-main[role=main]`.
fn frame(main: Element) -> Element {
    Element::with_class("div", "recap").child(main.attr("role", "main"))
}

/// "12 events", "1 event", "3 of 12 events".
pub fn count_text(shown: usize, total: usize, filtered: bool) -> String {
    if filtered {
        format!("{shown} of {total} events")
    } else if total == 1 {
        "1 event".to_owned()
    } else {
        format!("{total} events")
    }
}

/// The list page with its first [`FIRST_CARDS`] events, unfiltered.
pub fn list_page(feed: &Feed, href: Href) -> Element {
    let total = feed.total();
    let main = Element::with_class("div", "recap-main")
        .child(Element::with_class("div", "recap-rendered").child(list_header(feed)))
        .child(filters(&feed.items))
        .child(
            Element::with_class("p", "recap-count")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .text(count_text(total, total, ListQuery::default().is_filtered())),
        )
        .child(
            Element::with_class("div", "recap-rendered")
                .child(year_groups(feed.items.iter().take(FIRST_CARDS), href)),
        );
    frame(main)
}

/// The search form, as the app renders it: it can be typed into before the app takes over.
fn filters(items: &[Item]) -> Element {
    let field = |class: &str, id: &'static str, label: &str, control: Element| {
        Element::with_class("div", class)
            .child(Element::new("label").attr("for", id).text(label))
            .child(control)
    };
    let select = |id: &'static str, all: &str, values: Vec<String>| {
        Element::with_class("select", "recap-input")
            .attr("id", id)
            .child(Element::new("option").attr("value", "").text(all))
            .children(values.into_iter().map(|v| {
                Element::new("option")
                    .attr("value", v.as_str())
                    .text(v)
                    .into()
            }))
    };
    let search = Element::with_class("input", "recap-input")
        .attr("id", "recap-search")
        .attr("type", "search")
        .attr("autocomplete", "off")
        .attr("placeholder", "e.g. eBPF, GitOps, a speaker");
    Element::with_class("div", "recap-filters")
        .attr("role", "search")
        .attr("aria-label", "Search and filter events")
        .child(field(
            "recap-field recap-field--grow",
            "recap-search",
            "Search talks, speakers, organisations",
            search,
        ))
        .child(field(
            "recap-field",
            "recap-year",
            "Year",
            select(
                "recap-year",
                "All years",
                years(items).iter().map(i32::to_string).collect(),
            ),
        ))
        .child(field(
            "recap-field",
            "recap-tag",
            "Tag",
            select("recap-tag", "All tags", tags(items)),
        ))
}

/// The recording's place before the app's player takes it: the poster and a link that opens
/// the recording on its own site.
fn video(item: &Item) -> Element {
    let recording = item.recording();
    let poster = item.image.as_deref().and_then(safe_src).or_else(|| {
        recording
            .as_ref()
            .filter(|r| r.host == crate::video::VideoHost::YouTube)
            .map(|r| format!("https://i.ytimg.com/vi/{}/hqdefault.jpg", r.id))
    });
    let screen = Element::with_class("div", "recap-video__screen").child(match poster {
        Some(src) => Element::with_class("img", "recap-video__poster")
            .attr("alt", "")
            .attr("decoding", "async")
            .attr("src", src),
        None => Element::with_class(
            "div",
            "recap-video__poster recap-video__poster--placeholder",
        ),
    });
    let link = match &recording {
        Some(r) => Some(r.url_at(0)),
        None => item.recap.as_ref().and_then(|r| r.video.clone()),
    }
    .and_then(|url| outside_link(&url, "recap-button", "Watch the recording"));
    let actions =
        Element::with_class("p", "recap-video__actions").child(link.unwrap_or_else(|| {
            Element::with_class("span", "recap-video__none").text("No recording of this event.")
        }));
    Element::with_class("section", "recap-video")
        .attr("aria-label", "Recording")
        .child(screen)
        .child(actions)
}

/// An event page, whole: header, recording, talks with time links to the video's own site,
/// takeaways, sponsors, next meetup, photos, the way to the original post, newer and older.
pub fn event_page(item: &Item, body: &Body) -> Element {
    let list = (body.href)(&Route::List(ListQuery::default()));
    let main = Element::with_class("div", "recap-main").child(
        Element::with_class("article", "recap-event")
            .child(Element::with_class("div", "recap-rendered").child(event_head(item, Some(list))))
            .child(Element::with_class("div", "recap-rendered").child(video(item)))
            .child(Element::with_class("div", "recap-rendered").child(event_body(item, body))),
    );
    frame(main)
}
