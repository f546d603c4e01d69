//! Whole pages as the app shows them once the feed is in, for pre-rendering: the list's first
//! screen with its search form, and an event page. The app builds each static part from the
//! same trees of [`super::views`], each in a `div` of [`class::RENDERED`] inside the same frame,
//! so that it can take over without a shift.

use super::node::Element;
use super::protocol::class;
use super::views::{
    count, event_body, event_head, list_header, search_form, video_area, year_groups, Body, Href,
};
use crate::i18n::{Catalogue, Text};
use crate::route::{ListQuery, Route};
use crate::search::{tags, years};
use crate::{Feed, Item};

/// How many cards the list shows first (the app builds the rest a batch per frame). At least
/// [`PRE_RENDERED_CARDS`], so that the app's first list holds every card of the page it takes
/// over, and what it adds goes below them.
pub const FIRST_CARDS: usize = 50;

/// How many cards the pre-rendered list holds: those that fill a tall first screen, 1440 CSS
/// pixels high, at any width, and no more (the app builds the rest once it has taken over).
///
/// Derived from style/main.css: the smallest card is the one-column card at the narrowest
/// width, 320 px (a 288 px card): its 16:9 picture is 161 px, and with a one-line title
/// (`0.9rem` above, `1.05rem × 1.3`, `0.4rem` below), one line of date and place and one of
/// facts (`0.9rem × 1.55` each, `0.4rem` between, `1rem` below) and its two border pixels it is
/// [`SMALLEST_CARD`] px; with the grid's `1rem` gap, a 1440 px screen holds
/// `ceil(1440 / (273 + 16)) = 5` rows of it, even with nothing above the list. The grid is at
/// most 3 columns wide (`72rem`, cards of at least `19rem`), and a card is never shorter there
/// than in the narrow column: 3 × 5 = 15 cards fill a 1440 px screen at every width.
pub const PRE_RENDERED_CARDS: usize = GRID_COLUMNS * TALL_SCREEN.div_ceil(SMALLEST_CARD + GAP);

/// A tall screen's height, in CSS pixels.
const TALL_SCREEN: usize = 1440;
/// The smallest card's height, in CSS pixels (see [`PRE_RENDERED_CARDS`]).
const SMALLEST_CARD: usize = 273;
/// The grid's gap: `--recap-space`.
const GAP: usize = 16;
/// The most columns the grid has in the app's page: `--recap-max-width` (72rem, less 2rem of
/// padding) over the cards' `19rem` and the gaps.
const GRID_COLUMNS: usize = 3;

const _: () = assert!(PRE_RENDERED_CARDS <= FIRST_CARDS);

/// The app's frame: `div.recap > div.recap-main[role=main]`.
pub(crate) fn frame(main: Element) -> Element {
    Element::with_class("div", class::FRAME).child(main.attr("role", "main"))
}

/// A static part, as the app holds each.
pub fn part(child: Element) -> Element {
    Element::with_class("div", class::RENDERED).child(child)
}

/// "12 events", "1 event", "3 of 12 events", in the catalogue's language.
pub fn count_text(shown: usize, total: usize, filtered: bool, t: &Catalogue) -> String {
    if filtered {
        t.fill(
            Text::EventsFiltered,
            &[("shown", &t.number(shown)), ("total", &t.number(total))],
        )
    } else {
        t.count(Text::EventsOne, Text::EventsOther, total)
    }
}

/// The list page with its first [`PRE_RENDERED_CARDS`] events, unfiltered.
pub fn list_page(feed: &Feed, href: Href, t: &Catalogue) -> Element {
    let total = feed.total();
    let main = Element::with_class("div", class::MAIN)
        .child(part(list_header(feed, t)))
        .child(part(search_form(&years(&feed.items), tags(&feed.items), t)))
        .child(part(count(count_text(
            total,
            total,
            ListQuery::default().is_filtered(),
            t,
        ))))
        .child(part(year_groups(
            feed.items.iter().take(PRE_RENDERED_CARDS),
            href,
            t,
        )));
    frame(main)
}

/// An event page, whole: header, recording, talks with time links to the video's own site,
/// takeaways, sponsors, next meetup, photos, the way to the original post, newer and older.
pub fn event_page(item: &Item, body: &Body) -> Element {
    let list = (body.href)(&Route::List(ListQuery::default()));
    let main = Element::with_class("div", class::MAIN).child(
        Element::with_class("article", "recap-event")
            .child(part(event_head(item, Some(list), body.texts)))
            .child(part(video_area(item, None, body.texts)))
            .child(part(event_body(item, body))),
    );
    frame(main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::to_html;
    use crate::parse_feed;
    use crate::route::href;

    /// `events` events, newest first, a year apart.
    fn feed(events: usize) -> Feed {
        let items: Vec<String> = (0..events)
            .map(|n| {
                format!(
                    r#"{{"id":"e{n}","title":"Meetup {n}","date_published":"{}-06-01T00:00:00Z","image":"https://e.org/{n}.jpg"}}"#,
                    2100 - n
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{}]}}"#,
            items.join(",")
        );
        parse_feed(&json).expect("a feed").feed
    }

    fn page(feed: &Feed) -> String {
        to_html(&[list_page(
            feed,
            &|route: &Route| href(route, "/", None),
            &Catalogue::english(),
        )
        .into()])
    }

    #[test]
    fn the_pre_rendered_list_holds_the_first_screen_and_counts_them_all() {
        let html = page(&feed(PRE_RENDERED_CARDS + 20));
        assert_eq!(
            html.matches(r#"<li class="recap-event-card">"#).count(),
            PRE_RENDERED_CARDS
        );
        assert!(html.contains(&format!(">{} events</p>", PRE_RENDERED_CARDS + 20)));
        assert!(html.contains(&format!(r#"href="/events/e{}""#, PRE_RENDERED_CARDS - 1)));
        assert!(!html.contains(&format!(r#"href="/events/e{}""#, PRE_RENDERED_CARDS)));
        // Only the first picture is fetched at once; nothing only the app reads.
        assert_eq!(html.matches(r#"fetchpriority="high""#).count(), 1);
        assert_eq!(
            html.matches(r#"loading="lazy""#).count(),
            PRE_RENDERED_CARDS - 1
        );
        assert!(!html.contains("data-placeholder"), "{html}");
        let short = page(&feed(3));
        assert_eq!(short.matches(r#"<li class="recap-event-card">"#).count(), 3);
    }

    /// The figures [`PRE_RENDERED_CARDS`] is derived from are the stylesheet's: a change there
    /// that would leave a tall first screen short of cards fails here.
    #[test]
    fn the_first_screen_is_derived_from_the_stylesheet() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../style/main.css");
        let css = std::fs::read_to_string(path).expect("style/main.css");
        let has = |text: &str| assert!(css.contains(text), "style/main.css has no `{text}`");
        let rem = 16.0;
        has("--recap-space: 1rem;");
        assert_eq!(GAP as f64, rem);
        has("--recap-max-width: 72rem;");
        has("grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));");
        has("gap: var(--recap-space);");
        // The widest grid: 72rem less the frame's padding of 1rem each side.
        let width = (72.0 - 2.0) * rem;
        let columns = ((width + rem) / (19.0 * rem + rem)).floor() as usize;
        assert_eq!(GRID_COLUMNS, columns);
        // The smallest card: at 320 px, less the frame's padding; its picture 16:9 inside the
        // border; a one-line title, one line of date and place, one of facts.
        has("aspect-ratio: 16 / 9;");
        has("border: 1px solid var(--recap-border);");
        for rule in [
            "margin: 0.9rem var(--recap-space) 0.4rem;\n  font-size: 1.05rem;\n  line-height: 1.3;",
            "margin: 0 var(--recap-space) 0.4rem;\n  color: var(--recap-muted);\n  font-size: 0.9rem;",
            "line-height: 1.55;",
        ] {
            has(rule);
        }
        let card = 320.0 - 2.0 * rem;
        let picture = (card - 2.0) * 9.0 / 16.0;
        let title = 0.9 * rem + 1.05 * rem * 1.3 + 0.4 * rem;
        let lines = 2.0 * 0.9 * rem * 1.55 + 0.4 * rem + rem;
        let smallest = picture + title + lines + 2.0;
        assert_eq!(SMALLEST_CARD, smallest.round() as usize, "{smallest}");
        assert!(SMALLEST_CARD as f64 <= smallest + 0.5);
        // Full rows of it cover the tall screen.
        let rows = PRE_RENDERED_CARDS / GRID_COLUMNS;
        assert!(rows * (SMALLEST_CARD + GAP) >= TALL_SCREEN);
        assert!((rows - 1) * (SMALLEST_CARD + GAP) < TALL_SCREEN);
    }
}
