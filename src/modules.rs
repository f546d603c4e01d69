//! The wasm modules beside the app's files, loaded on demand: an event's page (`crates/event`,
//! see `src/components/event_page.rs`; it loads the event video's player, `crates/player`,
//! through [`loader`]), the talk extractor (`crates/extract`, for feeds without
//! `_recap.talks`), the search index (`crates/index`, see `src/index.rs`) and the speakers' and
//! organisations' pages (`crates/people`, see `src/people.rs`). Each
//! module crate owns its name (`NAME`) and its interface, both sides of it; [`load_module`] and
//! [`loaded`] are the one loader, so that the app ships one snippet for all of them.

use recap_core::Item;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

// This snippet is served from `snippets/recap-HASH/`: the modules are two folders up, beside
// the app's own files, wherever the page that embeds the app lives.
#[wasm_bindgen(inline_js = r#"
const modules = new Map();
const beside = (file, base) => new URL(file, new URL(base ?? "../../", import.meta.url));
export function load_module(name, base) {
  const js = beside(`${name}.js`, base).href;
  if (!modules.has(js)) {
    modules.set(js, import(js).then(async (module) => {
      await module.default({ module_or_path: beside(`${name}_bg.wasm`, base) });
      return module;
    }).catch((why) => {
      // Not kept: asking again (a "Try again") fetches it again.
      modules.delete(js);
      throw why;
    }));
  }
  return modules.get(js);
}
export function loader(base) {
  return (name) => load_module(name, base);
}
export function text_beside(file, ms) {
  const url = beside(file);
  return fetch(url, { signal: AbortSignal.timeout(ms) }).then((answer) =>
    answer.ok ? answer.text() : Promise.reject(`${url}: the server answered ${answer.status}`),
  );
}
"#)]
extern "C" {
    /// The text of `file` beside the app's files (such as `i18n/de.txt`), within `ms`
    /// milliseconds: a promise of a string, rejected with why it could not be had.
    pub(crate) fn text_beside(file: &str, ms: u32) -> js_sys::Promise;

    /// [`load_module`] as a function of a module's name, from the folder `base` (relative to the
    /// app's files) when given: for a module that loads another (the event module, the player).
    pub(crate) fn loader(base: Option<&str>) -> js_sys::Function;

    /// [`load_module`], from the folder `base` (relative to the app's files) when given.
    #[wasm_bindgen(js_name = load_module)]
    fn load_module_from(name: &str, base: Option<&str>) -> js_sys::Promise;
}

/// The module `{name}.js` beside the app's files (`name`: a module crate's `NAME`), its wasm
/// `{name}_bg.wasm` instantiated: fetched once per page, however often it is asked for.
pub(crate) fn load_module(name: &str) -> js_sys::Promise {
    load_module_from(name, None)
}

/// A module on its way (from [`load_module`], called as soon as the module is known to be
/// needed), once it is there, as the host type `T` of its crate (such as
/// `recap_extract::host::Extractor`). Fails, saying why (`fallback` when the failure says
/// nothing), when it cannot be loaded.
pub(crate) async fn loaded<T: JsCast>(
    module: js_sys::Promise,
    fallback: &str,
) -> Result<T, String> {
    JsFuture::from(module)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|err| describe(&err, fallback))
}

/// What a thrown value says: a module's own sentence (they throw strings), an `Error`'s
/// message, else `fallback`.
pub(crate) fn describe(err: &JsValue, fallback: &str) -> String {
    err.as_string()
        .or_else(|| {
            err.dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
        })
        .unwrap_or_else(|| fallback.to_owned())
}

/// Reads the talks, sponsors and next meetup of every item without `_recap.talks` from its
/// `content_html`, with the extractor module beside the app's files. Fails when the module cannot
/// be loaded.
pub async fn fill_talks(items: &mut [Item]) -> Result<(), String> {
    let extractor: recap_extract::host::Extractor = loaded(
        load_module(recap_extract::NAME),
        "the extractor could not be loaded",
    )
    .await?;
    for item in items.iter_mut().filter(|item| item.needs_extraction()) {
        let extracted = extractor
            .extract(
                item.content_html.as_deref().unwrap_or_default(),
                item.extraction_meta(),
            )
            .ok_or("the extractor's answer could not be read")?;
        item.fill_from(extracted);
    }
    Ok(())
}

/// Each module's host side against the module as built (`dist/`, by `trunk build --release`):
/// every method and getter the app calls, called, so that a name or a type that one side
/// changes alone fails here.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use recap_core::index::SearchIndex;
    use recap_event::host::EventModule;
    use recap_extract::host::Extractor;
    use recap_index::host::IndexModule;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The built modules, served by the test runner from the working directory.
    const BUILT: &str = "/dist/";

    async fn built<T: JsCast>(name: &str) -> T {
        loaded(load_module_from(name, Some(BUILT)), "no module")
            .await
            .unwrap_or_else(|why| panic!("{BUILT}{name}.js: {why} (run trunk build --release)"))
    }

    /// An invented post with every field the extractor gives: talks with titles, speakers and
    /// their organisation, a start time, a video link, takeaways and slides; sponsors; the next
    /// meetup.
    const POST: &str = r#"<p>Thanks to <a href="https://sponsor.example/">Sponsor Co</a> for sponsoring the food.</p>
<h3>Overview</h3>
<p>Kicking off our evening was Ada Example from Example Labs asking <a href="https://www.youtube.com/live/AbCdEfGhIjK?feature=share&amp;t=4m12s">Parsing without tears</a> (starting at 4:12), and you can find her slides <a href="https://slides.example.com/ada/parsing">here</a>. Her takeaways noted that:</p>
<ul><li>Start with the data.</li><li>Keep a corpus of real inputs.</li></ul>
<p>Finally we had Brian Sample wrapping up our evening with a talk on <a href="https://talks.example.org/small-binaries">Small binaries</a>. He talked about how:</p>
<ul><li>Every byte counts.</li></ul>
<h2>Example Group November</h2>
<p>Our next meetup will be on Thursday 16th November. <a href="https://www.meetup.com/example-group/events/1234/">RSVP on Meetup</a>.</p>"#;

    #[wasm_bindgen_test]
    async fn the_extractor_answers_a_whole_recap_through_its_host_side() {
        let extractor: Extractor = built(recap_extract::NAME).await;
        let meta = recap_core::extract::EventMeta {
            location: Some("Leeds"),
            video: Some("https://www.youtube.com/embed/AbCdEfGhIjK"),
        };
        let recap = extractor.extract(POST, meta).unwrap();
        // The same post read by the same extractor in this wasm: what crossed is all there.
        let blocks = recap_extract::blocks_from_html(POST);
        let expected = recap_core::extract::extract(&blocks, meta).recap;
        assert_eq!(recap, expected);
        // And every field has something in it, so that none is compared on nothing.
        assert!(
            recap.location.is_some() && recap.video.is_some(),
            "{recap:?}"
        );
        let talks = recap.talks.as_deref().unwrap_or_default();
        let speakers = || talks.iter().flat_map(|t| &t.speakers);
        assert!(talks.iter().any(|t| t.title.is_some()), "{talks:?}");
        assert!(
            speakers().any(|s| !s.name.is_empty() && s.org.is_some()),
            "{talks:?}"
        );
        assert!(talks.iter().any(|t| t.start.is_some()), "{talks:?}");
        assert!(talks.iter().any(|t| t.video_url.is_some()), "{talks:?}");
        assert!(talks.iter().any(|t| !t.takeaways.is_empty()), "{talks:?}");
        assert!(talks.iter().any(|t| !t.links.is_empty()), "{talks:?}");
        assert!(recap.sponsors.iter().any(|s| s.url.is_some()), "{recap:?}");
        let next = recap.next_event.as_ref();
        assert!(
            next.is_some_and(|n| n.date_text.is_some() && n.rsvp_url.is_some()),
            "{recap:?}"
        );
    }

    fn item(id: &str, date: &str, tags: &[&str], talk: &str) -> Item {
        let json = serde_json::json!({
            "id": id,
            "title": format!("Meetup {id}"),
            "date_published": date,
            "tags": tags,
            "_recap": {
                "location": "Leeds",
                "talks": [{"title": talk, "speakers": [{"name": "Ada Example", "org": "Example Labs"}, {"name": "Brian Sample"}]}],
            },
        });
        serde_json::from_value(json).unwrap()
    }

    #[wasm_bindgen_test]
    async fn the_index_answers_every_method_of_its_host_side() {
        let module: IndexModule = built(recap_index::NAME).await;
        let first = [
            item("c", "2024-03-06T18:30:00Z", &["rust"], "Borrowing"),
            item("b", "2023-11-01T18:30:00Z", &["wasm", "rust"], "Threads"),
        ];
        let second = [item("a", "2022-11-02T18:30:00Z", &["wasm"], "Parsing")];
        let index = SearchIndex::from_pages([&first[..], &second[..]]);
        let text = serde_json::to_string(&index).unwrap();
        let reader = module.open(&text).unwrap();
        assert_eq!(reader.count(), 3);
        assert_eq!(reader.search("", None, None), vec![0, 1, 2]);
        assert_eq!(reader.search("parsing", None, None), vec![2]);
        assert_eq!(reader.search("", Some(2023), None), vec![1]);
        assert_eq!(reader.search("", None, Some("WASM")), vec![1, 2]);
        assert_eq!(reader.find("a"), Some(2));
        assert_eq!(reader.find("none"), None);
        assert_eq!(reader.page(2), 2);
        assert_eq!(reader.page(3), 0);
        assert_eq!(reader.page_name(3), None);
        assert_eq!(reader.years(), vec![2024, 2023, 2022]);
        assert_eq!(reader.tags(), vec!["rust".to_owned(), "wasm".to_owned()]);
        assert_eq!(reader.item(2).as_ref(), Some(&second[0]));
        assert_eq!(reader.item(3), None);
        let broken = module.open("<!doctype html>").err().unwrap();
        assert!(
            describe(&broken, "").starts_with("the search index cannot be read"),
            "{broken:?}"
        );
    }

    /// The event `item` written by the built event module in a new element of the document,
    /// as a page of `/recap/` would have it, in `lang`, with YouTube's player from a closed
    /// local port (nothing leaves the machine) and the built player module.
    async fn written(
        item: &Item,
        t: Option<u32>,
        lang: recap_core::i18n::Lang,
    ) -> (web_sys::Element, recap_event::host::Written) {
        use recap_core::crossing::ItemWire;
        let module: EventModule = built(recap_event::NAME).await;
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let (kind, base, param, directory) = recap_core::route::Addresses::Page {
            base: "/recap/".to_owned(),
            feed: None,
            form: recap_core::route::LinkForm::Directory,
        }
        .into_parts();
        let wire = ItemWire::new(item);
        let written = module
            .write(
                &host,
                wire.strings,
                wire.numbers,
                vec!["2024-05-01-next".to_owned(), "Next one".to_owned()],
                Vec::new(),
                t,
                true,
                false,
                kind,
                base,
                param,
                directory,
                lang.code(),
                recap_core::i18n::Catalogue::builtin(lang).texts(),
                "http://127.0.0.1:9",
                "https://player.vimeo.com",
                &loader(Some(BUILT)),
            )
            .unwrap();
        (host, written)
    }

    fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
        let nodes = root.query_selector_all(selector).unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    /// Waits for `done`, a frame at a time, for at most ten seconds.
    async fn until(done: impl Fn() -> bool) {
        for _ in 0..600 {
            if done() {
                return;
            }
            let frame = js_sys::Promise::new(&mut |resolve, _| {
                let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
            });
            JsFuture::from(frame).await.unwrap();
        }
        panic!("not within ten seconds");
    }

    /// The sample feed's event with the most talks.
    async fn richest_sample_event() -> Item {
        let answer = gloo_net::http::Request::get(&format!("{BUILT}feed.json"))
            .send()
            .await
            .unwrap();
        let text = answer.text().await.unwrap();
        let mut items = recap_core::parse_feed(&text).unwrap().feed.items;
        items.sort_by_key(|item| std::cmp::Reverse(item.talks().len()));
        items.remove(0)
    }

    #[wasm_bindgen_test]
    async fn the_event_module_writes_an_event_its_recording_and_its_full_recap() {
        use recap_core::i18n::Lang;
        let mut item = item(
            "2024-03-06-borrowing",
            "2024-03-06T18:30:00Z",
            &["rust"],
            "Borrowing",
        );
        item.content_html = Some(
            r#"<p>Kept <b>bold</b><script>window.ran = 1</script></p><img src=x onerror="window.ran = 2"><a href="javascript:alert(1)">link</a>"#.to_owned(),
        );
        let recap = item.recap.as_mut().unwrap();
        recap.video = Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ".to_owned());
        let talks = recap.talks.as_mut().unwrap();
        talks[0].start = Some(183);
        talks.push(recap_core::Talk {
            title: Some("Lifetimes".to_owned()),
            start: Some(4075),
            ..Default::default()
        });
        let (host, page) = written(&item, Some(183), Lang::De).await;
        // The three parts of the pre-rendered page, the heading first, in the catalogue given,
        // with the links the addresses give.
        assert_eq!(host.children().length(), 3);
        let title = host.query_selector("h1").unwrap().unwrap();
        assert_eq!(
            title.text_content().as_deref(),
            Some("Meetup 2024-03-06-borrowing")
        );
        let html = host.inner_html();
        assert!(
            html.contains("Vorträge"),
            "the catalogue given is not used: {html}"
        );
        for href in [
            "/recap/events/2024-05-01-next/",
            "/recap/speakers/ada-example/",
        ] {
            assert!(
                html.contains(&format!("href=\"{href}\"")),
                "{href} in {html}"
            );
        }
        assert_eq!(texts(&host, ".recap-chapters__button").len(), 2);
        // The full recap: written once opened, through the sanitiser.
        let summary = host
            .query_selector(".recap-full__details > summary")
            .unwrap()
            .unwrap();
        let body = host.query_selector(".recap-full__body").unwrap().unwrap();
        assert!(body.has_attribute("aria-busy"));
        page.open_full(&summary);
        assert!(!body.has_attribute("aria-busy"));
        let post = body.inner_html();
        assert!(post.contains("<p>Kept <b>bold</b></p>"), "{post}");
        assert!(
            !post.contains("script") && !post.contains("onerror") && !post.contains("javascript:"),
            "{post}"
        );
        // A jump loads the player module and makes the player there, marking the talk.
        assert!(page.jump(4075));
        until(|| host.query_selector("iframe").unwrap().is_some()).await;
        let src = host
            .query_selector("iframe")
            .unwrap()
            .unwrap()
            .get_attribute("src")
            .unwrap();
        assert!(
            src.starts_with("http://127.0.0.1:9/embed/dQw4w9WgXcQ?"),
            "{src}"
        );
        until(|| {
            host.query_selector(".recap-talk--playing")
                .unwrap()
                .is_some()
        })
        .await;
        page.free();

        // Arrays that are not an event's are refused, saying so.
        let module: EventModule = built(recap_event::NAME).await;
        let refused = module.write(
            &host,
            vec!["only an id".to_owned()],
            Vec::new(),
            Vec::new(),
            Vec::new(),
            None,
            false,
            true,
            2,
            String::new(),
            None,
            false,
            "en",
            Vec::new(),
            "",
            "",
            &loader(Some(BUILT)),
        );
        assert!(describe(&refused.err().unwrap(), "").contains("whole"));
        // The sample's richest event crosses whole and is written with all its talks.
        let rich = richest_sample_event().await;
        let (host, page) = written(&rich, None, Lang::En).await;
        assert_eq!(
            host.query_selector_all(".recap-talk").unwrap().length() as usize,
            rich.talks().len()
        );
        page.free();
    }

    #[wasm_bindgen_test]
    async fn the_video_is_a_facade_until_asked_and_the_page_owns_its_player() {
        use crate::page_ref::PageRef;
        use recap_core::i18n::Lang;
        let item: Item = serde_json::from_str(
            r#"{"id": "e1", "title": "Quayside Rust May", "image": "data:,",
            "_recap": {"video": "https://youtu.be/dQw4w9WgXcQ",
                       "talks": [{"title": "Lifetimes", "start": 60},
                                 {"title": "Unsafe", "start": 183},
                                 {"title": "Untimed"}]}}"#,
        )
        .unwrap();
        let (area, page) = written(&item, Some(183), Lang::En).await;
        // The page that owns the player.
        let owner = leptos::prelude::Owner::new();
        let player = owner.with(PageRef::owned_by_page);
        player.attach(page);

        let button = area.query_selector("button[data-play]").unwrap().unwrap();
        assert_eq!(
            button.text_content().unwrap(),
            "Play the recording of Quayside Rust May from 3:03"
        );
        assert!(area.query_selector("iframe").unwrap().is_none());
        assert_eq!(
            texts(&area, ".recap-chapters__button"),
            ["1:00 Lifetimes", "3:03 Unsafe"]
        );
        // The player itself is the module's (tests/e2e/video.test.mjs plays it): a page with a
        // recording takes the jump, and none is taken once the page is gone.
        assert!(player.jump(60));
        owner.cleanup();
        assert!(!player.jump(60), "no player once the page is gone");

        // An event whose recording is only a link has no player to move.
        let linked: Item = serde_json::from_str(
            r#"{"id": "e2", "_recap": {"video": "https://videos.example.org/watch/42"}}"#,
        )
        .unwrap();
        let (area, page) = written(&linked, None, Lang::En).await;
        let owner = leptos::prelude::Owner::new();
        let player = owner.with(PageRef::owned_by_page);
        player.attach(page);
        assert!(area.query_selector("button[data-play]").unwrap().is_none());
        assert!(!player.jump(60), "a link is followed, not played");
        owner.cleanup();
    }

    /// A people page the module shows in an element of its own, from the sample feed.
    async fn people_page(path: &str, feed: &str) -> (String, web_sys::Element) {
        use recap_people::host::PeopleModule;
        let module: PeopleModule = built(recap_people::NAME).await;
        let host = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("div")
            .unwrap();
        let shown = module.show(
            &host,
            path,
            "Quayside",
            0,
            "/recap/".to_owned(),
            None,
            true,
            feed,
            None,
            "en",
            recap_core::i18n::Catalogue::english().texts(),
            None,
            None,
            10_000,
        );
        let title = JsFuture::from(shown).await.unwrap().as_string().unwrap();
        (title, host)
    }

    #[wasm_bindgen_test]
    async fn the_people_module_shows_each_page_or_says_why_not() {
        let (title, host) = people_page("/speakers/", "/dist/feed.json").await;
        assert_eq!(title, "Speakers at Quayside");
        let entries = host
            .query_selector_all(".recap-people__list li")
            .unwrap()
            .length();
        assert!(entries > 10, "{}", host.inner_html());
        let first = host
            .query_selector(".recap-people__list a")
            .unwrap()
            .unwrap();
        let href = first.get_attribute("href").unwrap();
        assert!(
            href.starts_with("/recap/speakers/") && href.ends_with('/'),
            "{href}"
        );
        // One speaker's page, by the slug the list links to.
        let slug = href
            .trim_start_matches("/recap/speakers/")
            .trim_end_matches('/');
        let (title, host) = people_page(&format!("/speakers/{slug}/"), "/dist/feed.json").await;
        assert!(title.contains(": talks at Quayside"), "{title}");
        assert!(host.query_selector(".recap-talk").unwrap().is_some());
        // No one by that slug, and a feed that is not there.
        let (title, host) = people_page("/speakers/no-one-at-all/", "/dist/feed.json").await;
        assert_eq!(title, "Not found");
        assert!(
            host.inner_html().contains("/recap/"),
            "{}",
            host.inner_html()
        );
        let (title, host) = people_page("/speakers/", "/dist/no-such-feed.json").await;
        assert_eq!(title, "The events could not be loaded");
        assert!(
            host.query_selector("[data-action]").unwrap().is_some(),
            "{}",
            host.inner_html()
        );
    }

    #[wasm_bindgen_test]
    async fn the_player_answers_every_method_of_its_host_side() {
        use recap_player::host::PlayerModule;
        let module: PlayerModule = built(recap_player::NAME).await;
        let document = web_sys::window().unwrap().document().unwrap();
        let element = |tag: &str| {
            let el = document.create_element(tag).unwrap();
            document.body().unwrap().append_child(&el).unwrap();
            el
        };
        let screen = element("div");
        let chapter = element("li");
        let talks = [element("li"), element("li")];
        // A closed local port as YouTube's host: nothing leaves the machine.
        let stage = module
            .stage(
                "https://youtu.be/dQw4w9WgXcQ",
                vec![60, recap_player::NO_START],
                183,
                "Recording of Quayside Rust May",
                "http://127.0.0.1:9",
                "https://player.vimeo.com",
                &screen,
                vec![0],
                vec![chapter.clone()],
            )
            .unwrap();
        stage.mark_talks(vec![0, 1], talks.to_vec());
        assert!(screen.query_selector("iframe").unwrap().is_none());
        stage.jump(60);
        let frame = screen.query_selector("iframe").unwrap().unwrap();
        let src = frame.get_attribute("src").unwrap();
        assert!(
            src.starts_with("http://127.0.0.1:9/embed/dQw4w9WgXcQ?"),
            "{src}"
        );
        assert!(src.contains("&start=60&"), "{src}");
        assert_eq!(
            frame.get_attribute("title").as_deref(),
            Some("Recording of Quayside Rust May")
        );
        // The talk jumped to is marked, in the list and in the chapter bar.
        assert!(talks[0].class_list().contains("recap-talk--playing"));
        assert!(!talks[1].class_list().contains("recap-talk--playing"));
        assert!(chapter
            .class_list()
            .contains("recap-chapters__item--playing"));
        // Once loaded, pressing play loads nothing more.
        stage.play();
        assert_eq!(screen.query_selector_all("iframe").unwrap().length(), 1);
        stage.free();
        // A recording that is only a link gets no player.
        let link = module.stage(
            "https://videos.example.org/watch/42",
            Vec::new(),
            0,
            "",
            "http://127.0.0.1:9",
            "http://127.0.0.1:9",
            &element("div"),
            Vec::new(),
            Vec::new(),
        );
        assert!(link.is_none());
    }
}
