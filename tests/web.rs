//! Component tests, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::{mount::mount_to, prelude::*, task::tick};
use recap::{EventList, FeedErrorView, History, Router, RouterOptions};
use recap_core::route::{LinkForm, Route};
use recap_core::{parse_feed, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL_FEED: &str = include_str!("fixtures/feeds/small.json");

fn container() -> web_sys::HtmlElement {
    let document = document();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    section.unchecked_into()
}

/// The router and the texts the app provides to its views, as the standalone app has them at
/// `/` in English.
fn provide_router() {
    provide_context(Router::new(
        RouterOptions {
            base: "/".to_owned(),
            feed: None,
            history: History::Page,
            start: Route::List(Default::default()),
            app_url: None,
            single: false,
            links: LinkForm::Plain,
        },
        NodeRef::new(),
    ));
    provide_context(recap::texts::Texts::of(
        recap_core::i18n::Catalogue::english(),
    ));
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn event_list_shows_each_event_newest_first_with_date_place_and_talks() {
    let items = parse_feed(SMALL_FEED).unwrap().feed.items;
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        provide_router();
        view! { <EventList items /> }
    });
    // The list is built after mounting.
    tick().await;

    assert_eq!(
        texts(&root, ".recap-event-card__title"),
        [
            "Quayside Rust June 2021: Saltmarsh Analytics",
            "Quayside Rust February 2021: Lantern Works and Brackish Systems"
        ]
    );
    assert_eq!(
        texts(&root, ".recap-event-card__date"),
        ["Wednesday 9 June 2021", "Wednesday 10 February 2021"]
    );
    assert_eq!(
        texts(&root, ".recap-event-card__location"),
        ["Leith, UK", "Online"]
    );
    assert_eq!(
        texts(&root, ".recap-event-card__talks"),
        ["1 talk", "2 talks"]
    );
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2021-06-09T19:00:00+01:00")
    );
}

#[wasm_bindgen_test]
async fn event_cards_link_to_event_pages_with_the_id_in_one_segment() {
    let items = parse_feed(SMALL_FEED).unwrap().feed.items;
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        provide_router();
        view! { <EventList items /> }
    });
    // The list is built after mounting.
    tick().await;

    let links = root.query_selector_all("a").unwrap();
    let hrefs: Vec<String> = (0..links.length())
        .map(|i| {
            links
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("href")
                .unwrap()
        })
        .collect();
    assert_eq!(
        hrefs,
        [
            "/events/%2F2021%2F06%2F09%2Fquayside-rust-june-2021",
            "/events/%2F2021%2F02%2F10%2Fquayside-rust-february-2021"
        ]
    );
    assert!(!root.inner_html().contains("javascript:"));
    assert_eq!(texts(&root, ".recap-year__title"), ["2021"]);
}

#[wasm_bindgen_test]
async fn search_matches_are_marked_in_titles_and_organisations() {
    let items = parse_feed(SMALL_FEED).unwrap().feed.items;
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        provide_router();
        view! { <EventList items query="saltmarsh" /> }
    });
    // The list is built after mounting.
    tick().await;
    assert_eq!(texts(&root, "mark"), ["Saltmarsh", "Saltmarsh"]);
}

#[wasm_bindgen_test]
async fn an_empty_feed_says_so() {
    let root = container();
    let _mounted = mount_to(root.clone(), || {
        provide_router();
        view! { <EventList items=vec![] /> }
    });
    // The list is built after mounting.
    tick().await;
    assert_eq!(
        texts(&root, ".recap-empty"),
        ["This feed has no events yet."]
    );
    assert_eq!(root.query_selector_all("li").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn the_error_view_explains_and_its_button_retries() {
    let retries = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&retries);
    let on_retry = Callback::new(move |()| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let error = LoadError::Http {
        status: 503,
        status_text: "Service Unavailable".into(),
    };
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        provide_router();
        view! { <FeedErrorView error=error.clone() url="feed.json".to_owned() on_retry /> }
    });
    // Built as the other static parts are, once mounted.
    tick().await;

    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("The server answered 503 Service Unavailable"),
        "{text}"
    );
    assert!(text.contains("feed.json"), "{text}");

    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    tick().await;
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

/// A feed of `n` events in no order: instants that repeat, some before 1970, some undated.
fn shuffled_feed(n: u32) -> (String, Vec<String>) {
    let mut items = Vec::new();
    let mut expected: Vec<(Option<i64>, u32)> = Vec::new();
    for i in 0..n {
        let day = (i * 7919) % 97;
        let date = (i % 11 != 0).then(|| {
            let year = if day % 3 == 0 {
                1950 + day
            } else {
                2000 + day % 25
            };
            (
                format!("{year:04}-0{}-1{}T18:00:00Z", 1 + day % 9, day % 10),
                year,
            )
        });
        match &date {
            Some((text, _)) => items.push(format!(r#"{{"id":"e{i}","date_published":"{text}"}}"#)),
            None => items.push(format!(r#"{{"id":"e{i}"}}"#)),
        }
        let seconds =
            date.map(|(text, _)| recap_core::Timestamp::parse(&text).unwrap().unix_seconds());
        expected.push((seconds, i));
    }
    // Newest first, undated last, ties in feed order (a stable sort).
    expected.sort_by_key(|&(seconds, _)| std::cmp::Reverse(seconds));
    let feed = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{}]}}"#,
        items.join(",")
    );
    (
        feed,
        expected.into_iter().map(|(_, i)| format!("e{i}")).collect(),
    )
}

#[wasm_bindgen_test]
fn events_are_ordered_in_the_browser_as_natively() {
    // The browser sorts the events' instants (recap-core's `newest_first`); natively the
    // standard library does. Both orders must be the stable newest-first one.
    for n in [0, 1, 2, 40, 1000] {
        let (feed, expected) = shuffled_feed(n);
        let parsed = parse_feed(&feed).unwrap();
        let ids: Vec<&str> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, expected, "{n} events");
    }
}

#[wasm_bindgen_test]
fn a_repeated_id_is_told_in_the_browser_as_natively() {
    // In the browser the ids met are kept in the browser's own `Set` (recap-core's `id::Seen`);
    // natively in a hash set. An id met again leaves its item out, whatever its characters.
    let feed = |ids: &[&str]| {
        let items: Vec<String> = ids
            .iter()
            .map(|id| serde_json::json!({ "id": id }).to_string())
            .collect();
        format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{}]}}"#,
            items.join(",")
        )
    };
    let parsed = parse_feed(&feed(&["a", "Zoë", "a", "zoë", "Zoë", "e\u{0}", "e"])).unwrap();
    let ids: Vec<&str> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "Zoë", "zoë", "e\u{0}", "e"]);
    let repeated: Vec<&str> = parsed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(repeated, ["items[2].id", "items[4].id"]);

    let mut first = parsed.feed;
    let page = parse_feed(&feed(&["e", "f", "f", "Zoë", "g"]))
        .unwrap()
        .feed;
    assert_eq!(first.append_page(page), 2);
    let ids: Vec<&str> = first.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "Zoë", "zoë", "e\u{0}", "e", "f", "g"]);
}

#[wasm_bindgen_test]
fn search_lower_cases_in_the_browser_as_natively() {
    // In the browser the search folds case with the browser's own lower-casing; natively with
    // the standard library's (recap-core's tests). The same text must match the same way.
    let runs = recap_core::search::highlight("Zoë ÅSTRÖM, İpek and ΣΟΦΙΑ", "åström zoë σοφια");
    let marked: Vec<&str> = runs
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(text, _)| text.as_str())
        .collect();
    assert_eq!(marked, ["Zoë", "ÅSTRÖM", "ΣΟΦΙΑ"]);
    // A char that lower-cases to two still maps back to itself.
    let runs = recap_core::search::highlight("İpek", "i̇pek");
    assert_eq!(runs, [("İpek".to_owned(), true)]);
    let item: recap_core::Item = serde_json::from_str(
        r#"{"id": "e9", "title": "ÉTÉ À MALMÖ", "_recap": {"talks": [{"title": "Über Traits"}]}}"#,
    )
    .unwrap();
    assert_eq!(
        recap_core::search::searchable_text(&item),
        "été à malmö\nüber traits"
    );
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_message_and_a_reload_link_in_each_mount_element() {
    let first = container();
    let second = container();
    first.set_inner_html("<p>the app</p>");
    second.set_attribute("hidden", "").unwrap();
    recap::panic::register(&first);
    recap::panic::register(&second);
    // What the panic hook does, without a panic (which would end the test's module).
    recap::panic::show_error_state();
    for root in [&first, &second] {
        assert!(root.has_attribute(recap::panic::PANIC_ATTRIBUTE));
        assert!(!root.has_attribute("hidden"));
        assert_eq!(
            texts(root, "[role=alert] p"),
            ["Something went wrong in Recap. Reload the page."]
        );
        let reload = root.query_selector("a.recap-button").unwrap().unwrap();
        assert_eq!(reload.text_content().as_deref(), Some("Reload"));
        assert_eq!(reload.get_attribute("href").as_deref(), Some(""));
        assert_eq!(root.query_selector_all("p").unwrap().length(), 1);
    }
}

#[wasm_bindgen_test]
async fn the_app_is_ready_once_its_page_is_shown_with_every_part_built() {
    use recap::ready::{page_shown, Part, Readiness};
    use std::cell::Cell;
    use std::rc::Rc;
    // Mounting sets up the executor that effects run on.
    let _mounted = mount_to(container(), || ());
    let fired = Rc::new(Cell::new(0));
    let app = Owner::new();
    let counted = Rc::clone(&fired);
    let (first, second, page) = app.with(|| {
        provide_context(Readiness::new(Some(Box::new(move || {
            counted.set(counted.get() + 1)
        }))));
        // One page with two static parts, made in one pass as a view makes them.
        let page = Owner::new();
        let (first, second) = page.with(|| {
            page_shown();
            (Part::counted(), Part::counted())
        });
        (first, second, page)
    });
    first.done();
    tick().await;
    assert_eq!(fired.get(), 0, "shown, but a part is not built yet");
    second.done();
    assert_eq!(fired.get(), 1, "ready as the last part is built");
    second.done();
    first.done();
    page.cleanup();
    let later = app.with(Part::counted);
    later.done();
    assert_eq!(fired.get(), 1, "said once");
}

#[wasm_bindgen_test]
async fn a_page_left_before_its_parts_are_built_does_not_hold_readiness_back() {
    use recap::ready::{page_shown, Part, Readiness};
    use std::cell::Cell;
    use std::rc::Rc;
    // Mounting sets up the executor that effects run on.
    let _mounted = mount_to(container(), || ());
    let fired = Rc::new(Cell::new(false));
    let app = Owner::new();
    let counted = Rc::clone(&fired);
    app.with(|| {
        provide_context(Readiness::new(Some(Box::new(move || counted.set(true)))));
        let left = Owner::new();
        left.with(|| Part::counted().done_on_cleanup());
        page_shown();
        left.cleanup();
    });
    tick().await;
    assert!(fired.get(), "ready: the part left with its page");
}
