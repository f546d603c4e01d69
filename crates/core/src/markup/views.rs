//! The static parts of the pages, as trees: the list's header, search form and count, event
//! cards, the list's year groups, an event's header, recording and body. Pure functions of the
//! feed model; the app materialises them as DOM, the CLI writes them as HTML.

use super::node::{Element, Node};
use super::protocol::{class, id, ACTION, COPY, OUTSIDE_REL, PLACEHOLDER, PLAY, ROUTE, TIME};
use crate::i18n::{Catalogue, Text};
use crate::people::link_slug;
use crate::player::{Chapter, Player};
use crate::route::Route;
use crate::search::highlight;
use crate::time::format_clock;
use crate::url::{safe_src, safe_url};
use crate::video::VideoHost;
use crate::{Item, Talk};

/// Makes the app's links: the href of a route.
pub type Href<'a> = &'a dyn Fn(&Route) -> String;

/// Makes the link to a speaker's page from their name as a post spells it, when they have one.
pub type SpeakerHref<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A newer or older event: its id and title.
pub type Neighbour = Option<(String, String)>;

/// A photo from the post: its absolute URL and alt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The picture's URL (`http(s)`).
    pub src: String,
    /// Its alt text, possibly empty.
    pub alt: String,
}

/// Text with the search matches in `<mark>`.
fn highlighted(el: Element, text: &str, query: &str) -> Element {
    el.children(highlight(text, query).into_iter().map(|(run, hit)| {
        if hit {
            Element::with_class("mark", "recap-mark").text(run).into()
        } else {
            Node::Text(run)
        }
    }))
}

/// A link to a page of the app, handled by the page's click handler.
pub(crate) fn route_link(href: String, class: &str) -> Element {
    Element::with_class("a", class)
        .attr("href", href)
        .attr(ROUTE, "")
}

/// A link to elsewhere, if its URL is allowed, with [`OUTSIDE_REL`]: how the markup links to a
/// URL from the feed (the sanitiser adds the same `rel` to the links inside a post).
pub fn outside_link(url: &str, class: &str, text: &str) -> Option<Element> {
    let url = safe_url(url)?;
    Some(
        Element::with_class("a", class)
            .attr("href", url)
            .attr("rel", OUTSIDE_REL)
            .text(text),
    )
}

/// The list's header: the feed's title and description. Not a `<header>`: inside the main
/// region it would be the page's banner.
pub fn list_header(feed: &crate::Feed, t: &Catalogue) -> Element {
    let title = if feed.title.is_empty() {
        t.get(Text::EventsTitle)
    } else {
        feed.title.as_str()
    };
    Element::with_class("div", "recap-header")
        .child(
            Element::with_class("h1", "recap-page-title")
                .attr("tabindex", "-1")
                .text(title),
        )
        .maybe(
            feed.description
                .as_deref()
                .map(|d| Element::with_class("p", "recap-header__description").text(d)),
        )
}

/// The search form: what is typed there before the app takes over a pre-rendered page carries
/// over. `years` and `tags`: the filters' choices.
pub fn search_form(years: &[i32], tags: Vec<String>, t: &Catalogue) -> Element {
    let field = |class: &str, id: &'static str, label: &str, control: Element| {
        Element::with_class("div", class)
            .child(Element::new("label").attr("for", id).text(label))
            .child(control)
    };
    let search = Element::with_class("input", "recap-input")
        .attr("id", id::SEARCH)
        .attr("type", "search")
        .attr("autocomplete", "off")
        .attr("placeholder", t.get(Text::SearchPlaceholder));
    Element::with_class("div", "recap-filters")
        .attr("role", "search")
        .attr("aria-label", t.get(Text::SearchRegion))
        .child(field(
            "recap-field recap-field--grow",
            id::SEARCH,
            t.get(Text::SearchLabel),
            search,
        ))
        .child(field(
            "recap-field",
            id::YEAR,
            t.get(Text::Year),
            year_select(years, t),
        ))
        .child(field(
            "recap-field",
            id::TAG,
            t.get(Text::Tag),
            tag_select(tags, t),
        ))
}

/// The year filter, with a choice for every year in `years`.
pub fn year_select(years: &[i32], t: &Catalogue) -> Element {
    select(
        id::YEAR,
        t.get(Text::AllYears),
        years.iter().map(i32::to_string).collect(),
    )
}

/// The tag filter, with a choice for every tag in `tags`.
pub fn tag_select(tags: Vec<String>, t: &Catalogue) -> Element {
    select(id::TAG, t.get(Text::AllTags), tags)
}

fn select(id: &'static str, all: &str, values: Vec<String>) -> Element {
    Element::with_class("select", "recap-input")
        .attr("id", id)
        .child(Element::new("option").attr("value", "").text(all))
        .children(values.into_iter().map(|v| {
            Element::new("option")
                .attr("value", v.as_str())
                .text(v)
                .into()
        }))
}

/// The list's count ("12 events"), read out when it changes.
pub fn count(text: String) -> Element {
    Element::with_class("p", "recap-count")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .text(text)
}

/// A line that says what is going on (`role="status"`): a notice, or a page being loaded.
pub fn status(class: &str, text: &str) -> Element {
    Element::with_class("p", class)
        .attr("role", "status")
        .text(text)
}

/// What the recording's area offers before anything loads, when the event has a player: the
/// facade's button plays it.
#[derive(Debug, Clone, Copy)]
pub struct Facade<'a> {
    /// The player the button loads.
    pub player: &'a Player,
    /// The page's moment (`?t=`), said on the button.
    pub start: Option<u32>,
    /// The timed talks, as the chapter bar's segments.
    pub chapters: &'a [Chapter],
}

/// The recording's area before anything is loaded: the event's picture and, with a `facade`, a
/// real button (`data-play`) and the chapter bar, whose items carry their talk's index as
/// [`Element::key`]; a link to the recording on its own site. Without a facade (a page with no
/// script, or a recording that is only a link) the picture and the link alone. Nothing here
/// makes a request to the player's host but the poster of a YouTube recording when the event
/// has no picture.
pub fn video_area(item: &Item, facade: Option<Facade>, t: &Catalogue) -> Element {
    let recording = item.recording();
    let poster = item.image.as_deref().and_then(safe_src).or_else(|| {
        recording
            .as_ref()
            .filter(|r| r.host == VideoHost::YouTube)
            .map(|r| format!("https://i.ytimg.com/vi/{}/hqdefault.jpg", r.id))
    });
    let poster = match poster {
        Some(src) => Element::with_class("img", "recap-video__poster")
            .attr("alt", "")
            .attr("decoding", "async")
            .attr("src", src),
        None => Element::with_class(
            "div",
            "recap-video__poster recap-video__poster--placeholder",
        ),
    };
    let screen = Element::with_class("div", class::VIDEO_SCREEN);
    let Some(Facade {
        player,
        start,
        chapters,
    }) = facade
    else {
        let link = match &recording {
            Some(r) => Some(r.url_at(0)),
            None => item.recap.as_ref().and_then(|r| r.video.clone()),
        }
        .and_then(|url| outside_link(&url, "recap-button", t.get(Text::WatchRecording)));
        let actions =
            Element::with_class("p", "recap-video__actions").child(link.unwrap_or_else(|| {
                Element::with_class("span", "recap-video__none").text(t.get(Text::NoRecording))
            }));
        return recording_section(screen.child(poster), actions, t);
    };
    let of = t.fill(Text::PlayOf, &[("title", item.display_title())]);
    let mut text = Element::new("span")
        .text(t.get(Text::PlayRecording))
        .child(Element::with_class("span", "recap-visually-hidden").text(format!(" {of}")));
    if let Some(start) = start.filter(|&s| s > 0) {
        let from = t.fill(Text::PlayFrom, &[("time", &format_clock(start))]);
        text = text.text(format!(" {from}"));
    }
    let button = Element::with_class("button", "recap-video__play")
        .attr("type", "button")
        .attr(PLAY, "")
        .child(poster)
        .child(
            Element::with_class("span", "recap-video__label")
                .child(Element::with_class("span", "recap-video__icon"))
                .child(text),
        );
    let link = recording.and_then(|recording| {
        let at = recording.url_at(start.unwrap_or(0));
        let (site, href) = match player {
            Player::YouTube(_) => (Text::WatchOnYoutube, at),
            Player::Vimeo(_) => (Text::WatchOnVimeo, at),
            _ => (Text::DownloadRecording, recording.id),
        };
        outside_link(&href, "", t.get(site))
    });
    let actions = Element::with_class("p", "recap-video__actions").maybe(link);
    recording_section(screen.child(button), actions, t).maybe(chapter_bar(item, chapters, t))
}

fn recording_section(screen: Element, actions: Element, t: &Catalogue) -> Element {
    Element::with_class("section", "recap-video")
        .attr("aria-label", t.get(Text::Recording))
        .child(screen)
        .child(actions)
}

/// The timed talks as segments of the recording: buttons that jump there.
fn chapter_bar(item: &Item, segments: &[Chapter], t: &Catalogue) -> Option<Element> {
    if segments.is_empty() {
        return None;
    }
    let talks = item.talks();
    let items = segments.iter().map(|segment| {
        let title = talks
            .get(segment.talk)
            .map(|talk| talk.title_or_place(segment.talk + 1, t))
            .unwrap_or_default();
        let clock = format_clock(segment.start);
        let button = Element::with_class("button", "recap-chapters__button")
            .attr("type", "button")
            .attr(TIME, segment.start.to_string())
            .attr("title", format!("{clock} {title}"))
            .child(Element::with_class("span", "recap-chapters__time").text(clock.as_str()))
            .text(" ")
            .child(Element::with_class("span", "recap-chapters__title").text(title));
        Element::with_class("li", "recap-chapters__item")
            .keyed(segment.talk)
            .child(button)
            .into()
    });
    Some(
        Element::with_class("nav", "recap-chapters")
            .attr("aria-label", t.get(Text::Chapters))
            .child(Element::with_class("ol", "recap-chapters__list").children(items)),
    )
}

/// An address that names no page or no event, with the way to the list (`list`: its href).
pub fn not_found(list: String, t: &Catalogue) -> Element {
    Element::with_class("section", "recap-not-found")
        .child(
            Element::with_class("h1", "recap-page-title")
                .attr("tabindex", "-1")
                .text(t.get(Text::NotFoundTitle)),
        )
        .child(Element::new("p").text(t.get(Text::NotFoundText)))
        .child(route_link(list, "recap-button").text(t.get(Text::SeeAllEvents)))
}

/// The part's action button ([`ACTION`]).
fn action_button(text: &str) -> Element {
    Element::with_class("button", "recap-button")
        .attr("type", "button")
        .attr(ACTION, "")
        .text(text)
}

/// Why the feed could not be shown (`error`, said for a person), the feed's address, what
/// trying again may do (`hint`), and the action button that tries again.
pub fn feed_error(error: &str, url: &str, hint: &str, t: &Catalogue) -> Element {
    Element::with_class("section", "recap-error")
        .attr("role", "alert")
        .child(Element::with_class("h1", "recap-error__title").text(t.get(Text::LoadFailed)))
        .child(Element::with_class("p", "recap-error__message").text(error))
        .child(
            Element::with_class("p", "recap-error__detail")
                .text(format!("{} ", t.get(Text::FeedIs)))
                .child(Element::new("code").text(url))
                .text(format!(". {hint}")),
        )
        .child(action_button(t.get(Text::TryAgain)))
}

/// Why a page could not be shown (`error`, said for a person: its code could not be loaded),
/// with the action button that tries again.
pub fn page_failed(error: &str, t: &Catalogue) -> Element {
    Element::with_class("section", "recap-error")
        .attr("role", "alert")
        .child(
            Element::with_class("h1", "recap-error__title")
                .attr("tabindex", "-1")
                .text(t.get(Text::PageFailed)),
        )
        .child(Element::with_class("p", "recap-error__message").text(error))
        .child(Element::with_class("p", "recap-error__detail").text(t.get(Text::OftenTemporary)))
        .child(action_button(t.get(Text::TryAgain)))
}

/// "Load older events": the action button that loads the feed's next page; while it loads it
/// says so and is disabled (`aria-disabled`, so that it keeps the focus), and why the last try
/// failed (`error`), if it did.
pub fn load_older(loading: bool, error: Option<&str>, t: &Catalogue) -> Element {
    let text = t.get(if loading {
        Text::LoadingOlder
    } else {
        Text::LoadOlder
    });
    let button = action_button(text);
    let button = if loading {
        button.attr("aria-disabled", "true")
    } else {
        button
    };
    Element::with_class("div", "recap-more")
        .maybe(error.map(|e| {
            Element::with_class("p", "recap-more__error")
                .attr("role", "alert")
                .text(e)
        }))
        .child(button)
}

/// A search that matches no event, with the action button that clears it.
pub fn no_match(t: &Catalogue) -> Element {
    Element::with_class("div", "recap-empty")
        .child(Element::new("p").text(t.get(Text::NoMatch)))
        .child(action_button(t.get(Text::ClearSearch)))
}

/// Placeholder cards while the feed loads, with `status` for assistive technology.
pub fn skeleton(status: Option<&str>) -> Element {
    let cards = (0..6).map(|_| {
        Element::with_class("li", "recap-event-card recap-event-card--placeholder").into()
    });
    Element::with_class("div", "recap-skeleton")
        .attr("aria-busy", "true")
        .child(
            Element::with_class("p", "recap-visually-hidden")
                .attr("role", "status")
                .text(status.unwrap_or_default()),
        )
        .child(Element::with_class("div", "recap-skeleton__title"))
        .child(
            Element::with_class("ul", "recap-events")
                .attr("aria-hidden", "true")
                .children(cards),
        )
}

/// What could not be read in the feed, folded away under `summary`: each problem, and whether
/// it left an event out.
pub fn problems(summary: &str, problems: &[crate::Problem]) -> Element {
    let lines = problems.iter().map(|problem| {
        let class = match problem.severity {
            crate::Severity::Error => "recap-problems__error",
            crate::Severity::Warning => "recap-problems__warning",
        };
        Element::with_class("li", class)
            .child(Element::new("code").text(problem.to_string()))
            .into()
    });
    Element::with_class("details", "recap-problems")
        .child(Element::new("summary").text(summary))
        .child(Element::new("ul").children(lines))
}

/// The list's empty state.
pub fn no_events(t: &Catalogue) -> Element {
    Element::with_class("p", "recap-empty").text(t.get(Text::NoEvents))
}

/// A year's section of the list; its last child is the (empty) `ul` its cards go into.
pub fn year_section(year: Option<i32>, t: &Catalogue) -> Element {
    let heading = year.map_or_else(|| t.get(Text::Undated).to_owned(), |y| y.to_string());
    Element::with_class("section", "recap-year")
        .attr("aria-label", t.fill(Text::EventsIn, &[("year", &heading)]))
        .child(Element::with_class("h2", "recap-year__title").text(heading))
        .child(Element::with_class("ul", "recap-events"))
}

/// The list's year groups for `items` (newest first), as the app shows them before any
/// search: the pre-rendered first screen of the list when `items` is its first cards. Its cards
/// are [`event_card`]'s without the placeholder the app swaps in for a picture that fails to
/// load: the app replaces these cards with its own, and a page without script has nothing that
/// would swap it.
pub fn year_groups<'a>(
    items: impl IntoIterator<Item = &'a Item>,
    href: Href,
    t: &Catalogue,
) -> Element {
    let mut root = Element::with_class("div", "recap-year-groups");
    let mut current: Option<Option<i32>> = None;
    let mut first = true;
    for item in items {
        let year = item.date_published.as_ref().map(|d| d.year());
        if current != Some(year) {
            root = root.child(year_section(year, t));
            current = Some(year);
        }
        let fetch = if first { Fetch::Now } else { Fetch::Lazily };
        first = false;
        let card = card(item, "", href, fetch, Placeholder::None, t);
        if let Some(Node::Element(section)) = root.children.last_mut() {
            if let Some(Node::Element(list)) = section.children.last_mut() {
                list.children.push(card.into());
            }
        }
    }
    if current.is_none() {
        root = root.child(no_events(t));
    }
    root
}

/// When a picture is fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// At once, before other pictures: the first card's, the largest thing on the first screen.
    Now,
    /// When it comes near the screen.
    Lazily,
}

/// Whether a picture says what to draw in its place if it fails to load ([`PLACEHOLDER`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    /// It does: the app swaps a broken picture for it.
    OnError,
    /// It does not: nothing on the page would read it.
    None,
}

/// One event card: picture, title, date, place, talks, organisations, recording badge, and the
/// talks that match the search. Lean, as a list of many is: the `li` is the card (no wrapper);
/// the picture is decorative (the title below names the event) and sized by the stylesheet
/// (`aspect-ratio`), so it carries no alt text, no size and no `decoding`; only the first card's
/// picture is fetched at once ([`Fetch`]).
pub fn event_card(item: &Item, query: &str, href: Href, fetch: Fetch, t: &Catalogue) -> Element {
    card(item, query, href, fetch, Placeholder::OnError, t)
}

fn card(
    item: &Item,
    query: &str,
    href: Href,
    fetch: Fetch,
    placeholder: Placeholder,
    t: &Catalogue,
) -> Element {
    let title = item.display_title();
    let link = route_link(
        href(&Route::Event {
            id: item.id.clone(),
            t: None,
        }),
        "recap-event-card__link",
    );
    let mut meta = Element::with_class("p", "recap-event-card__meta");
    if let Some(date) = &item.date_published {
        meta = meta.child(
            Element::with_class("time", "recap-event-card__date")
                .attr("datetime", date.as_str())
                .text(t.date_long(date)),
        );
    }
    if let Some(place) = item.location() {
        meta = meta.child(Element::with_class("span", "recap-event-card__location").text(place));
    }
    let facts = Element::with_class("p", "recap-event-card__facts")
        .child(Element::with_class("span", "recap-event-card__talks").text(item.talk_count_text(t)))
        .maybe(
            item.recording().map(|_| {
                Element::with_class("span", "recap-badge").text(t.get(Text::RecordingBadge))
            }),
        );
    let orgs = item.orgs().join(", ");
    let orgs = (!orgs.is_empty()).then(|| {
        highlighted(
            Element::with_class("p", "recap-event-card__orgs"),
            &orgs,
            query,
        )
    });
    Element::with_class("li", "recap-event-card")
        .child(picture(
            item.image.as_deref(),
            "recap-event-card__image",
            fetch,
            placeholder,
        ))
        .child(
            Element::with_class("h3", "recap-event-card__title")
                .child(highlighted(link, title, query)),
        )
        .child(meta)
        .child(facts)
        .maybe(orgs)
        .maybe(matching_talks(item, query, href, t))
}

/// The talks that match the search, so that a visitor sees why the event is listed: by their
/// title, or by a speaker's name, which then links to the speaker's page.
fn matching_talks(item: &Item, query: &str, href: Href, t: &Catalogue) -> Option<Element> {
    let terms: Vec<String> = query
        .split_whitespace()
        .map(crate::search::lowercase)
        .collect();
    if terms.is_empty() {
        return None;
    }
    let hits = |text: &str| {
        let lower = crate::search::lowercase(text);
        terms.iter().any(|term| lower.contains(term.as_str()))
    };
    let matching: Vec<Node> = item
        .talks()
        .iter()
        .enumerate()
        .filter_map(|(n, talk)| {
            let title_hits = talk.title.as_deref().is_some_and(hits);
            let speakers: Vec<&str> = talk
                .speakers
                .iter()
                .map(|s| s.name.as_str())
                .filter(|name| hits(name))
                .collect();
            if !title_hits && speakers.is_empty() {
                return None;
            }
            let title = talk.title_or_place(n + 1, t);
            let mut li = highlighted(Element::new("li"), &title, query);
            for (at, name) in speakers.into_iter().enumerate() {
                li = li.text(if at == 0 { " — " } else { ", " });
                let link = route_link(href(&Route::Speaker(link_slug(name))), "");
                li = li.child(highlighted(link, name, query));
            }
            Some(li.into())
        })
        .collect();
    (!matching.is_empty()).then(|| {
        Element::with_class("ul", "recap-event-card__matches")
            .attr("aria-label", t.get(Text::MatchingTalks))
            .children(matching)
    })
}

/// A decorative picture (`alt=""`), sized by the stylesheet; when there is none, a drawn
/// placeholder (with [`Placeholder::OnError`], the app also draws it in place of a picture that
/// fails to load).
fn picture(src: Option<&str>, class: &str, fetch: Fetch, placeholder: Placeholder) -> Element {
    let drawn = format!("{class} {class}--placeholder");
    let Some(src) = src.and_then(safe_src) else {
        return Element::with_class("div", &drawn).attr("aria-hidden", "true");
    };
    let img = Element::with_class("img", class).attr("alt", "");
    let img = match fetch {
        Fetch::Now => img.attr("fetchpriority", "high"),
        Fetch::Lazily => img.attr("loading", "lazy"),
    };
    let img = match placeholder {
        Placeholder::OnError => img.attr(PLACEHOLDER, drawn),
        Placeholder::None => img,
    };
    img.attr("src", src)
}

/// The top of an event page: the way back to the list (`list`: its href; none in an embed of
/// one event) and the header.
pub fn event_head(item: &Item, list: Option<String>, t: &Catalogue) -> Element {
    Element::with_class("div", "recap-event__head")
        .maybe(list.map(|href| {
            Element::with_class("nav", "recap-crumbs")
                .attr("aria-label", t.get(Text::Breadcrumb))
                .child(route_link(href, "").text(t.get(Text::AllEvents)))
        }))
        .child(event_header(item, t))
}

/// An event's header: title, date, place, summary.
pub fn event_header(item: &Item, t: &Catalogue) -> Element {
    let mut meta = Element::with_class("p", "recap-event__meta");
    if let Some(date) = &item.date_published {
        meta = meta.child(
            Element::new("time")
                .attr("datetime", date.as_str())
                .text(t.date_long(date)),
        );
    }
    if let Some(place) = item.location() {
        if item.date_published.is_some() {
            meta = meta.text(" ");
        }
        meta = meta.child(Element::new("span").text(place));
    }
    Element::with_class("header", "recap-event__header")
        .child(
            Element::with_class("h1", "recap-page-title")
                .attr("tabindex", "-1")
                .text(item.display_title()),
        )
        .child(meta)
        .maybe(
            item.summary
                .as_ref()
                .map(|s| Element::with_class("p", "recap-event__summary").text(s.as_str())),
        )
}

/// What an event page shows below its recording.
pub struct Body<'a> {
    /// The newer and the older event.
    pub neighbours: (Neighbour, Neighbour),
    /// Makes the app's links.
    pub href: Href<'a>,
    /// Whether each time gets a "Copy link" button (when the app's links can be opened again
    /// elsewhere).
    pub share: bool,
    /// The pictures in the post.
    pub photos: &'a [Photo],
    /// Whether the full recap is shown: its `.recap-full__body` is left empty, for the app to
    /// fill with the sanitised post.
    pub full_recap: bool,
    /// The link to a speaker's page, from their name as the post spells it; `None` where there
    /// are no such pages (an embed of one event), or not for this name.
    pub speaker_href: Option<SpeakerHref<'a>>,
    /// The interface's texts.
    pub texts: &'a Catalogue,
}

/// Everything on an event page below its recording: talks, sponsors, next meetup, photos, the
/// full recap, newer and older events. The talks' `li` carry their index as
/// [`Element::key`].
pub fn event_body(item: &Item, body: &Body) -> Element {
    let t = body.texts;
    let mut root = Element::with_class("div", "recap-event__body");
    let talks = item.talks();
    if !talks.is_empty() {
        let list = Element::with_class("ol", "recap-talks").children(
            talks
                .iter()
                .enumerate()
                .map(|(n, talk)| talk_item(item, talk, n, body).into()),
        );
        root = root.child(
            section(
                t.get(Text::Talks),
                "recap-talks-title",
                "recap-section recap-section--talks",
            )
            .child(list),
        );
    }
    let sponsors = item
        .recap
        .as_ref()
        .map_or(&[][..], |r| r.sponsors.as_slice());
    if !sponsors.is_empty() {
        let list =
            Element::with_class("ul", "recap-sponsors").children(sponsors.iter().map(|sponsor| {
                let li = Element::new("li");
                match sponsor
                    .url
                    .as_deref()
                    .and_then(|url| outside_link(url, "", &sponsor.name))
                {
                    Some(a) => li.child(a),
                    None => li.text(sponsor.name.as_str()),
                }
                .into()
            }));
        root = root.child(
            section(
                t.get(Text::Sponsors),
                "recap-sponsors-title",
                "recap-section",
            )
            .child(list),
        );
    }
    if let Some(next) = item.recap.as_ref().and_then(|r| r.next_event.as_ref()) {
        root = root.child(
            section(
                t.get(Text::NextMeetup),
                "recap-next-title",
                "recap-section recap-next",
            )
            .child(
                Element::new("p").text(
                    next.date_text
                        .as_deref()
                        .unwrap_or(t.get(Text::DateToBeAnnounced)),
                ),
            )
            .maybe(
                next.rsvp_url
                    .as_deref()
                    .and_then(|url| outside_link(url, "recap-button", t.get(Text::Rsvp))),
            ),
        );
    }
    if !body.photos.is_empty() {
        let list =
            Element::with_class("ul", "recap-photos").children(body.photos.iter().map(|photo| {
                let alt = if photo.alt.trim().is_empty() {
                    t.get(Text::PhotoFromEvent)
                } else {
                    photo.alt.as_str()
                };
                Element::new("li")
                    .child(
                        Element::new("img")
                            .attr("alt", alt)
                            .attr("loading", "lazy")
                            .attr("decoding", "async")
                            .attr("src", photo.src.as_str()),
                    )
                    .into()
            }));
        root = root
            .child(section(t.get(Text::Photos), "recap-photos-title", "recap-section").child(list));
    }
    let full = Element::with_class("section", "recap-section recap-full")
        .maybe(body.full_recap.then(|| {
            // The app writes the post in when it is first opened (its summary is the part's
            // action): busy until then.
            Element::with_class("details", "recap-full__details")
                .child(
                    Element::new("summary")
                        .attr(ACTION, "")
                        .text(t.get(Text::ReadFullRecap)),
                )
                .child(Element::with_class("div", class::FULL_BODY).attr("aria-busy", "true"))
        }))
        .maybe(item.url.as_deref().and_then(|url| {
            outside_link(url, "", t.get(Text::ReadOriginalPost)).map(|a| Element::new("p").child(a))
        }));
    root = root.child(full);
    let mut nav =
        Element::with_class("nav", "recap-pager").attr("aria-label", t.get(Text::OtherEvents));
    for (neighbour, label, class) in [
        (&body.neighbours.0, t.get(Text::Newer), "recap-pager__newer"),
        (&body.neighbours.1, t.get(Text::Older), "recap-pager__older"),
    ] {
        if let Some((id, title)) = neighbour {
            let href = (body.href)(&Route::Event {
                id: id.clone(),
                t: None,
            });
            nav = nav.child(
                route_link(href, class)
                    .child(Element::with_class("span", "recap-pager__label").text(label))
                    .text(title.as_str()),
            );
        }
    }
    root.child(nav)
}

/// A titled section.
pub(crate) fn section(title: &str, id: &'static str, class: &str) -> Element {
    Element::with_class("section", class)
        .attr("aria-labelledby", id)
        .child(
            Element::with_class("h2", "recap-section__title")
                .attr("id", id)
                .text(title),
        )
}

/// A talk: who, what, when, takeaways and links.
fn talk_item(item: &Item, talk: &Talk, n: usize, body: &Body) -> Element {
    let t = body.texts;
    let title = talk.title_or_place(n + 1, t);
    let mut speakers = Element::with_class("p", "recap-talk__speakers");
    for (n, s) in talk.speakers.iter().enumerate() {
        if n > 0 {
            speakers = speakers.text(", ");
        }
        speakers = match body.speaker_href.and_then(|href| href(&s.name)) {
            Some(href) => speakers.child(route_link(href, "").text(s.name.as_str())),
            None => speakers.text(s.name.as_str()),
        };
        if let Some(org) = &s.org {
            speakers = speakers.text(format!(" ({org})"));
        }
    }
    let time = talk.start.map(|start| {
        let here = (body.href)(&Route::Event {
            id: item.id.clone(),
            t: Some(start),
        });
        // Without script the time opens the recording at that moment on the video's own site,
        // under the one policy for links that leave the site.
        let outside = item
            .recording()
            .map(|v| v.url_at(start))
            .or_else(|| talk.video_url.as_deref().and_then(safe_url));
        let clock = format_clock(start);
        let link = Element::with_class("a", "recap-time");
        let link = match outside {
            Some(url) => link.attr("href", url).attr("rel", OUTSIDE_REL),
            None => link.attr("href", here.as_str()),
        }
        .text(clock.as_str())
        .attr(TIME, start.to_string())
        .attr(
            "aria-label",
            t.fill(Text::PlayTalkFrom, &[("time", &clock), ("title", &title)]),
        );
        // Only a link that opens this moment again elsewhere is worth copying.
        let copy = body.share.then(|| {
            Element::with_class("button", "recap-link-button")
                .attr("type", "button")
                .attr(COPY, here)
                .text(t.get(Text::CopyLink))
        });
        Element::with_class("p", "recap-talk__time")
            .child(link)
            .maybe(copy)
    });
    let takeaways = (!talk.takeaways.is_empty()).then(|| {
        Element::with_class("ul", "recap-talk__takeaways").children(
            talk.takeaways
                .iter()
                .map(|t| Element::new("li").text(t.as_str()).into()),
        )
    });
    let links = (!talk.links.is_empty()).then(|| {
        Element::with_class("ul", "recap-talk__links").children(talk.links.iter().map(|link| {
            Element::new("li")
                .maybe(outside_link(&link.url, "", &link.label))
                .into()
        }))
    });
    Element::with_class("li", "recap-talk")
        .keyed(n)
        .child(Element::with_class("h3", "recap-talk__title").text(title.as_str()))
        .maybe((!talk.speakers.is_empty()).then_some(speakers))
        .maybe(time)
        .maybe(takeaways)
        .maybe(links)
}
