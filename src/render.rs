//! The large, static parts of the pages (event cards, an event's talks and sections), built as
//! plain DOM by non-generic code.
//!
//! Leptos keeps the state, the routing and the form controls; these subtrees never change once
//! built, and writing them as `view!` trees costs several kilobytes of wasm per component (each
//! view type is compiled separately), against the first-visit size budget. Links carry
//! `data-route`, times `data-t`, copy buttons `data-copy`; one delegated click handler per page
//! reads them ([`crate::components`]). Text always goes in as text nodes, URLs through
//! `safe_url`: no feed string reaches `innerHTML`.

use recap_core::route::Route;
use recap_core::search::highlight;
use recap_core::time::format_clock;
use recap_core::url::safe_url;
use recap_core::{Feed, Item, Talk};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

thread_local! {
    /// One shared handler for broken pictures: it puts the drawn placeholder in their place.
    static ON_IMAGE_ERROR: Closure<dyn Fn(web_sys::Event)> = Closure::new(|event: web_sys::Event| {
        let Some(img) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let (Some(class), Some(dom)) = (img.get_attribute("data-placeholder"), Dom::new()) else {
            return;
        };
        let placeholder = dom.el("div", &class);
        set(&placeholder, "aria-hidden", "true");
        let _ = img.replace_with_with_node_1(&placeholder);
    });
}

/// Builds elements in one document.
pub struct Dom {
    doc: Document,
    /// A detached element returned if the document ever refuses to create one.
    sink: Element,
}

impl Dom {
    /// The page's document, if there is one.
    pub fn new() -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let sink = doc.create_element("div").ok()?;
        Some(Dom { doc, sink })
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// A new element with a class (none when empty). Falls back to a `div` if the tag is refused.
    pub fn el(&self, tag: &str, class: &str) -> Element {
        let el = self
            .doc
            .create_element(tag)
            .unwrap_or_else(|_| self.sink.clone());
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el
    }

    /// A new child element.
    pub fn child(&self, parent: &Element, tag: &str, class: &str) -> Element {
        let el = self.el(tag, class);
        let _ = parent.append_child(&el);
        el
    }

    /// Appends text.
    pub fn text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.doc.create_text_node(text));
    }

    /// A new child element holding text.
    pub fn text_child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let el = self.child(parent, tag, class);
        self.text(&el, text);
        el
    }

    /// Appends text with the search matches in `<mark>`.
    pub fn highlighted(&self, parent: &Element, text: &str, query: &str) {
        for (run, hit) in highlight(text, query) {
            if hit {
                self.text_child(parent, "mark", "recap-mark", &run);
            } else {
                self.text(parent, &run);
            }
        }
    }

    /// A link to a page of the app, handled by the page's click handler.
    pub fn route_link(&self, parent: &Element, href: &str, class: &str) -> Element {
        let a = self.child(parent, "a", class);
        set(&a, "href", href);
        set(&a, "data-route", "");
        a
    }

    /// A link to elsewhere, if its URL is allowed.
    pub fn outside_link(
        &self,
        parent: &Element,
        url: &str,
        class: &str,
        text: &str,
    ) -> Option<Element> {
        let url = safe_url(url)?;
        let a = self.text_child(parent, "a", class, text);
        set(&a, "href", &url);
        set(&a, "rel", "noopener");
        Some(a)
    }
}

/// Sets an attribute, ignoring the (impossible) failure for valid names.
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// How many cards are built before the list is first shown; a long list gets the rest in
/// batches, one per animation frame, so that the first screen does not wait for the last card.
const FIRST_CARDS: usize = 50;
/// Cards per later batch.
const CARDS_PER_FRAME: usize = 100;

thread_local! {
    /// Which list is the newest: batches of a list that has been replaced stop.
    static LIST_GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A link maker that outlives the page that asked for the list.
pub type Href = Rc<dyn Fn(&Route) -> String>;

/// The events `shown` (positions in `feed.items`, newest first), grouped by year, as cards.
pub fn event_list(
    dom: &Dom,
    feed: Arc<Feed>,
    shown: Vec<usize>,
    query: String,
    href: Href,
) -> Element {
    let root = dom.el("div", "recap-year-groups");
    if shown.is_empty() {
        dom.text_child(&root, "p", "recap-empty", "This feed has no events yet.");
        return root;
    }
    let generation = LIST_GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let mut list = ListBuild {
        root: root.clone(),
        feed,
        shown,
        query,
        href,
        next: 0,
        group: None,
        generation,
    };
    list.build(dom, FIRST_CARDS);
    list.continue_later();
    root
}

/// A list being built: what is left, and the year section cards are going into.
struct ListBuild {
    root: Element,
    feed: Arc<Feed>,
    shown: Vec<usize>,
    query: String,
    href: Href,
    next: usize,
    group: Option<(Option<i32>, Element)>,
    generation: u64,
}

impl ListBuild {
    /// Builds up to `count` more cards, opening a year section whenever the year changes (the
    /// events are newest first, undated last).
    fn build(&mut self, dom: &Dom, count: usize) {
        let end = (self.next + count).min(self.shown.len());
        for &position in &self.shown[self.next..end] {
            let Some(item) = self.feed.items.get(position) else {
                continue;
            };
            let year = item.date_published.as_ref().map(|d| d.year());
            let list = match &self.group {
                Some((current, list)) if *current == year => list.clone(),
                _ => {
                    let heading = year.map_or_else(|| "Undated".to_owned(), |y| y.to_string());
                    let section = dom.child(&self.root, "section", "recap-year");
                    set(&section, "aria-label", &format!("Events in {heading}"));
                    dom.text_child(&section, "h2", "recap-year__title", &heading);
                    let list = dom.child(&section, "ul", "recap-events");
                    self.group = Some((year, list.clone()));
                    list
                }
            };
            event_card(dom, &list, item, &self.query, &*self.href);
        }
        self.next = end;
    }

    /// Builds the rest a batch per frame, while this list is still the one on the page. The
    /// list is `aria-busy` until its last card is in.
    fn continue_later(self) {
        if self.next >= self.shown.len() {
            let _ = self.root.remove_attribute("aria-busy");
            return;
        }
        set(&self.root, "aria-busy", "true");
        leptos::prelude::request_animation_frame(move || {
            let mut list = self;
            let current = LIST_GENERATION.with(std::cell::Cell::get) == list.generation;
            let (true, true, Some(dom)) = (current, list.root.is_connected(), Dom::new()) else {
                return;
            };
            list.build(&dom, CARDS_PER_FRAME);
            list.continue_later();
        });
    }
}

/// One event card: picture, title, date, place, talks, organisations, recording badge.
fn event_card(
    dom: &Dom,
    list: &Element,
    item: &Item,
    query: &str,
    href: &dyn Fn(&Route) -> String,
) {
    let title = item.display_title();
    let li = dom.child(list, "li", "recap-event-card");
    let body = dom.child(&li, "article", "recap-event-card__body");
    picture(
        dom,
        &body,
        item.image.as_deref(),
        title,
        "recap-event-card__image",
    );
    let h3 = dom.child(&body, "h3", "recap-event-card__title");
    let route = Route::Event {
        id: item.id.clone(),
        t: None,
    };
    let link = dom.route_link(&h3, &href(&route), "recap-event-card__link");
    dom.highlighted(&link, title, query);

    let meta = dom.child(&body, "p", "recap-event-card__meta");
    if let Some(date) = &item.date_published {
        let time = dom.text_child(
            &meta,
            "time",
            "recap-event-card__date",
            &date.date_in_words(),
        );
        set(&time, "datetime", date.as_str());
    }
    if let Some(place) = item.location() {
        dom.text_child(&meta, "span", "recap-event-card__location", place);
    }
    let facts = dom.child(&body, "p", "recap-event-card__facts");
    dom.text_child(
        &facts,
        "span",
        "recap-event-card__talks",
        &item.talk_count_text(),
    );
    if item.recording().is_some() {
        dom.text_child(&facts, "span", "recap-badge", "Recording");
    }
    let orgs = item.orgs().join(", ");
    if !orgs.is_empty() {
        let p = dom.child(&body, "p", "recap-event-card__orgs");
        dom.highlighted(&p, &orgs, query);
    }
    // The talks that match the search, so that a visitor sees why the event is listed.
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if !terms.is_empty() {
        let matching: Vec<&str> = item
            .talks()
            .iter()
            .filter_map(|t| t.title.as_deref())
            .filter(|t| {
                let lower = t.to_lowercase();
                terms.iter().any(|term| lower.contains(term.as_str()))
            })
            .collect();
        if !matching.is_empty() {
            let ul = dom.child(&body, "ul", "recap-event-card__matches");
            set(&ul, "aria-label", "Matching talks");
            for talk in matching {
                let li = dom.child(&ul, "li", "");
                dom.highlighted(&li, talk, query);
            }
        }
    }
}

/// A lazily loaded picture; when there is none, or it fails to load, a drawn placeholder.
fn picture(dom: &Dom, parent: &Element, src: Option<&str>, title: &str, class: &str) {
    match src.and_then(safe_url) {
        Some(src) => {
            let img = dom.child(parent, "img", class);
            set(&img, "alt", &format!("Photo from {title}"));
            set(&img, "loading", "lazy");
            set(&img, "decoding", "async");
            set(&img, "width", "1200");
            set(&img, "height", "675");
            // A picture that fails to load is swapped for the placeholder.
            set(
                &img,
                "data-placeholder",
                &format!("{class} {class}--placeholder"),
            );
            ON_IMAGE_ERROR.with(|handler| {
                img.unchecked_ref::<web_sys::HtmlElement>()
                    .set_onerror(Some(handler.as_ref().unchecked_ref()));
            });
            set(&img, "src", &src);
        }
        None => {
            let div = dom.child(parent, "div", &format!("{class} {class}--placeholder"));
            set(&div, "aria-hidden", "true");
        }
    }
}

/// A newer or older event: its id and title.
pub type Neighbour = Option<(String, String)>;

/// Everything on an event page below its recording: talks, sponsors, next meetup, photos, the
/// full recap, newer and older events. `share`: each time gets a "Copy link" button (when the
/// app's links can be opened again elsewhere). Also gives the talks' elements with their index,
/// for the player to mark the one playing.
pub fn event_body(
    dom: &Dom,
    item: &Item,
    neighbours: (Neighbour, Neighbour),
    href: &dyn Fn(&Route) -> String,
    share: bool,
) -> (Element, Vec<(usize, Element)>) {
    let root = dom.el("div", "recap-event__body");
    let mut talk_elements = Vec::new();
    let recap = item.recap.clone().unwrap_or_default();
    let talks = item.talks();
    if !talks.is_empty() {
        let section = section(dom, &root, "Talks", "recap-talks-title");
        section.set_class_name("recap-section recap-section--talks");
        let ol = dom.child(&section, "ol", "recap-talks");
        for (n, talk) in talks.iter().enumerate() {
            talk_elements.push((n, talk_item(dom, &ol, item, talk, (n + 1, share), href)));
        }
    }
    if !recap.sponsors.is_empty() {
        let section = section(dom, &root, "Thanks to our sponsors", "recap-sponsors-title");
        let ul = dom.child(&section, "ul", "recap-sponsors");
        for sponsor in &recap.sponsors {
            let li = dom.child(&ul, "li", "");
            let linked = sponsor
                .url
                .as_deref()
                .and_then(|url| dom.outside_link(&li, url, "", &sponsor.name));
            if linked.is_none() {
                dom.text(&li, &sponsor.name);
            }
        }
    }
    if let Some(next) = &recap.next_event {
        let section = section(dom, &root, "Next meetup", "recap-next-title");
        section.set_class_name("recap-section recap-next");
        dom.text_child(
            &section,
            "p",
            "",
            next.date_text.as_deref().unwrap_or("Date to be announced"),
        );
        if let Some(url) = &next.rsvp_url {
            dom.outside_link(&section, url, "recap-button", "RSVP");
        }
    }
    // The post, parsed once (inert) for its photos and for the full recap.
    let post = item
        .content_html
        .as_deref()
        .and_then(crate::dom::parse_body);
    photos(dom, &root, post.as_ref());
    full_recap(dom, &root, item, post.as_ref());
    let nav = dom.child(&root, "nav", "recap-pager");
    set(&nav, "aria-label", "Other events");
    for ((id, title), label, class) in [
        (neighbours.0, "Newer", "recap-pager__newer"),
        (neighbours.1, "Older", "recap-pager__older"),
    ]
    .into_iter()
    .filter_map(|(n, label, class)| n.map(|n| (n, label, class)))
    {
        let a = dom.route_link(&nav, &href(&Route::Event { id, t: None }), class);
        dom.text_child(&a, "span", "recap-pager__label", label);
        dom.text(&a, &title);
    }
    (root, talk_elements)
}

/// A titled section.
fn section(dom: &Dom, parent: &Element, title: &str, id: &str) -> Element {
    let section = dom.child(parent, "section", "recap-section");
    set(&section, "aria-labelledby", id);
    let h2 = dom.text_child(&section, "h2", "recap-section__title", title);
    set(&h2, "id", id);
    section
}

/// A talk: who, what, when, takeaways and links.
fn talk_item(
    dom: &Dom,
    ol: &Element,
    item: &Item,
    talk: &Talk,
    (number, share): (usize, bool),
    href: &dyn Fn(&Route) -> String,
) -> Element {
    let li = dom.child(ol, "li", "recap-talk");
    let title = talk.title_or_place(number);
    dom.text_child(&li, "h3", "recap-talk__title", &title);
    let speakers = talk
        .speakers
        .iter()
        .map(|s| match &s.org {
            Some(org) => format!("{} ({org})", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    if !speakers.is_empty() {
        dom.text_child(&li, "p", "recap-talk__speakers", &speakers);
    }
    if let Some(start) = talk.start {
        let p = dom.child(&li, "p", "recap-talk__time");
        let here = href(&Route::Event {
            id: item.id.clone(),
            t: Some(start),
        });
        // Without script the time opens the recording at that moment on the video's own site.
        let target = item
            .recording()
            .map(|v| v.url_at(start))
            .or_else(|| talk.video_url.as_deref().and_then(safe_url))
            .unwrap_or_else(|| here.clone());
        let clock = format_clock(start);
        let a = dom.text_child(&p, "a", "recap-time", &clock);
        set(&a, "href", &target);
        set(&a, "data-t", &start.to_string());
        set(&a, "aria-label", &format!("Play from {clock}: {title}"));
        // Only a link that opens this moment again elsewhere is worth copying.
        if share {
            let button = dom.text_child(&p, "button", "recap-link-button", "Copy link");
            set(&button, "type", "button");
            set(&button, "data-copy", &here);
        }
    }
    if !talk.takeaways.is_empty() {
        let ul = dom.child(&li, "ul", "recap-talk__takeaways");
        for takeaway in &talk.takeaways {
            dom.text_child(&ul, "li", "", takeaway);
        }
    }
    if !talk.links.is_empty() {
        let ul = dom.child(&li, "ul", "recap-talk__links");
        for link in &talk.links {
            let entry = dom.child(&ul, "li", "");
            dom.outside_link(&entry, &link.url, "", &link.label);
        }
    }
    li
}

/// The pictures in the post.
fn photos(dom: &Dom, parent: &Element, post: Option<&Node>) {
    let images: Vec<(String, String)> = post
        .and_then(|body| body.dyn_ref::<Element>())
        .and_then(|body| body.query_selector_all("img[src]").ok())
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
                .filter_map(|img| {
                    let src = img.get_attribute("src")?;
                    let url = crate::api::absolute(&src, None).and_then(|u| safe_url(&u))?;
                    let alt = img.get_attribute("alt").unwrap_or_default();
                    url.starts_with("http").then_some((url, alt))
                })
                .collect()
        })
        .unwrap_or_default();
    if images.is_empty() {
        return;
    }
    let section = section(dom, parent, "Photos", "recap-photos-title");
    let ul = dom.child(&section, "ul", "recap-photos");
    for (url, alt) in images {
        let li = dom.child(&ul, "li", "");
        let img = dom.child(&li, "img", "");
        let alt = if alt.trim().is_empty() {
            "Photo from the event"
        } else {
            alt.as_str()
        };
        set(&img, "alt", alt);
        set(&img, "loading", "lazy");
        set(&img, "decoding", "async");
        set(&img, "src", &url);
    }
}

/// "Read the full recap": the post through the allow-list sanitiser, and the original post.
fn full_recap(dom: &Dom, parent: &Element, item: &Item, post: Option<&Node>) {
    let section = dom.child(parent, "section", "recap-section recap-full");
    if let Some(post) = post {
        let details = dom.child(&section, "details", "recap-full__details");
        dom.text_child(&details, "summary", "", "Read the full recap");
        let body = dom.child(&details, "div", "recap-full__body");
        let _ = body.append_child(&crate::sanitize::sanitized_copy(dom.document(), post));
    }
    if let Some(url) = &item.url {
        let p = dom.child(&section, "p", "");
        dom.outside_link(&p, url, "", "Read the original post");
    }
}

/// Scrolls `el` into view, as little as it takes, when it is not in view; else nothing moves.
pub fn bring_into_view(el: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = el.get_bounding_client_rect();
    if rect.top() < 0.0 || rect.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
