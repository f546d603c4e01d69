//! Whole pages as the app shows them once the feed is in, for pre-rendering: the list's first
//! screen with its search form, and an event page. The app builds each static part from the
//! same trees of [`super::views`], each in a `div` of [`class::RENDERED`] inside the same frame,
//! so that it can take over without a shift.

use super::node::Element;
use super::protocol::class;
use super::views::{
    count, event_body, event_head, list_header, search_form, video_area, year_groups, Body, Href,
};
use crate::route::{ListQuery, Route};
use crate::search::{tags, years};
use crate::{Feed, Item};

/// How many cards the list shows first (the app builds the rest a batch per frame).
pub const FIRST_CARDS: usize = 50;

/// The app's frame: `div.recap > div.recap-main[role=main]`.
fn frame(main: Element) -> Element {
    Element::with_class("div", class::FRAME).child(main.attr("role", "main"))
}

/// A static part, as the app holds each.
fn part(child: Element) -> Element {
    Element::with_class("div", class::RENDERED).child(child)
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
    let main = Element::with_class("div", class::MAIN)
        .child(part(list_header(feed)))
        .child(part(search_form(&years(&feed.items), tags(&feed.items))))
        .child(part(count(count_text(
            total,
            total,
            ListQuery::default().is_filtered(),
        ))))
        .child(part(year_groups(feed.items.iter().take(FIRST_CARDS), href)));
    frame(main)
}

/// An event page, whole: header, recording, talks with time links to the video's own site,
/// takeaways, sponsors, next meetup, photos, the way to the original post, newer and older.
pub fn event_page(item: &Item, body: &Body) -> Element {
    let list = (body.href)(&Route::List(ListQuery::default()));
    let main = Element::with_class("div", class::MAIN).child(
        Element::with_class("article", "recap-event")
            .child(part(event_head(item, Some(list))))
            .child(part(video_area(item, None)))
            .child(part(event_body(item, body))),
    );
    frame(main)
}
