//! The feed model: [JSON Feed 1.1](https://jsonfeed.org/version/1.1) with the `_recap` item
//! extension.
//!
//! Field names are the contract between the CLI, the viewer and outside tools. Unknown keys are
//! ignored when reading; optional fields that are absent stay absent when writing.

use serde::{de, Deserialize, Deserializer, Serialize};

use crate::date::Timestamp;

/// The JSON Feed version this crate writes.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// A whole feed: the community's events, newest first once read by [`crate::parse_feed`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    /// The JSON Feed version URL.
    pub version: String,
    /// The community's name, such as "Cloud Native London".
    pub title: String,
    /// The community's web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_page_url: Option<String>,
    /// Where this feed lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_url: Option<String>,
    /// What the community is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The next (older) page of a paginated feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_url: Option<String>,
    /// The events.
    pub items: Vec<Item>,
    /// What a recap feed says about itself beyond JSON Feed: on the first page of a paginated
    /// feed, its search index and how many pages and events there are.
    #[serde(rename = "_recap", default, skip_serializing_if = "Option::is_none")]
    pub recap: Option<FeedRecap>,
}

/// The top-level `_recap` extension of a paginated feed's first page, written by
/// `recap-feed build --page-size N`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedRecap {
    /// The search index ([`crate::index`]), relative to the feed's address like `next_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// The people's index: the search index's layout with every talk's moment and takeaways,
    /// what the speakers' and organisations' pages of the whole archive show. Relative like
    /// `index`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<String>,
    /// How many pages the feed has, this one included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// How many events all the pages hold together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<u32>,
}

/// One recap post: one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// A unique id, such as a Jekyll post id (`2023-05-03-slug` or `/2023/05/03/slug`). Not
    /// necessarily URL-safe.
    #[serde(deserialize_with = "string_or_integer")]
    pub id: String,
    /// The post's permalink.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The event's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A one-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The post body as HTML. Untrusted: never inserted unsanitised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    /// The post body as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_text: Option<String>,
    /// The event's main picture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// When the post was published (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<Timestamp>,
    /// When the post was last changed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<Timestamp>,
    /// The post's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What a recap needs beyond JSON Feed.
    #[serde(rename = "_recap", default, skip_serializing_if = "Option::is_none")]
    pub recap: Option<Recap>,
}

/// The `_recap` item extension. Present means authoritative; absent means the viewer derives it
/// from `content_html`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recap {
    /// Where the event took place, such as "London, UK".
    #[serde(default)]
    pub location: Option<String>,
    /// The event recording's URL.
    #[serde(default)]
    pub video: Option<String>,
    /// The talks in running order; absent when not extracted yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talks: Option<Vec<Talk>>,
    /// The next meetup, as announced at the end of the post.
    #[serde(default)]
    pub next_event: Option<NextEvent>,
    /// The sponsors thanked in the post.
    #[serde(default)]
    pub sponsors: Vec<Sponsor>,
}

/// One talk of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Talk {
    /// The talk's title, when the post names one.
    #[serde(default)]
    pub title: Option<String>,
    /// Who gave it.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// Whole seconds into the event video where the talk starts.
    #[serde(default, deserialize_with = "whole_seconds")]
    pub start: Option<u32>,
    /// A link to the talk's moment in a recording.
    #[serde(default)]
    pub video_url: Option<String>,
    /// The takeaways listed for it, as plain text.
    #[serde(default)]
    pub takeaways: Vec<String>,
    /// Slides and other resources named for it.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A speaker and the organisation they spoke for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker's name.
    pub name: String,
    /// Their organisation, when the post names one.
    #[serde(default)]
    pub org: Option<String>,
}

/// A labelled link, such as a talk's slides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// What the link is, such as "slides".
    pub label: String,
    /// Where it points.
    pub url: String,
}

/// The next meetup, as announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextEvent {
    /// The date as the post writes it, such as "Wednesday 3rd May".
    #[serde(default)]
    pub date_text: Option<String>,
    /// Where to sign up.
    #[serde(default)]
    pub rsvp_url: Option<String>,
}

/// A sponsor thanked in the post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sponsor {
    /// The sponsor's name.
    pub name: String,
    /// Their site.
    #[serde(default)]
    pub url: Option<String>,
}

impl Item {
    /// The talks of the event, empty when none are known.
    pub fn talks(&self) -> &[Talk] {
        self.recap
            .as_ref()
            .and_then(|recap| recap.talks.as_deref())
            .unwrap_or_default()
    }

    /// Where the event took place.
    pub fn location(&self) -> Option<&str> {
        self.recap.as_ref()?.location.as_deref()
    }

    /// "3 talks", "1 talk", or "No talks listed", in the catalogue's language.
    pub fn talk_count_text(&self, t: &crate::i18n::Catalogue) -> String {
        use crate::i18n::Text;
        match self.talks().len() {
            0 => t.get(Text::NoTalks).to_owned(),
            n => t.count(Text::TalksOne, Text::TalksOther, n),
        }
    }

    /// The title to show: the item's title, else its id.
    pub fn display_title(&self) -> &str {
        self.title
            .as_deref()
            .filter(|title| !title.trim().is_empty())
            .unwrap_or(&self.id)
    }
}

/// JSON Feed says `id` is a string; some generators write a number. Both are accepted.
fn string_or_integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let read = deserializer.deserialize_any(Scalar {
        expected: "a string",
        seconds: false,
    })?;
    Ok(match read {
        Read::Text(text) => text,
        Read::Unsigned(n) => n.to_string(),
        Read::Signed(n) => n.to_string(),
        Read::Null => String::new(),
    })
}

/// `start` is whole seconds; anything else gets a message that says so.
fn whole_seconds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let read = deserializer.deserialize_any(Scalar {
        expected: "whole seconds into the video, such as 183, or null",
        seconds: true,
    })?;
    Ok(match read {
        Read::Unsigned(n) => u32::try_from(n).ok(),
        _ => None,
    })
}

/// What a field that takes a string, an integer or null holds. `id` and `start` read it with one
/// visitor ([`Scalar`]), so that the app's wasm carries one reader of any JSON value, not two.
enum Read {
    Text(String),
    Unsigned(u64),
    Signed(i64),
    Null,
}

/// Reads an `id` (a string or an integer) or, with `seconds`, a `start` (whole seconds that fit
/// a `u32`, or null), and refuses anything else as not being what `expected` says. It refuses
/// in the reader, as the derived readers do, so that the error carries the value's position
/// (the feed reader finds the fault's path from it).
struct Scalar {
    expected: &'static str,
    seconds: bool,
}

impl<'de> de::Visitor<'de> for Scalar {
    type Value = Read;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.expected)
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Read, E> {
        if self.seconds {
            return Err(E::invalid_type(de::Unexpected::Str(value), &self));
        }
        Ok(Read::Text(value.to_owned()))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Read, E> {
        if self.seconds && u32::try_from(value).is_err() {
            return Err(E::invalid_value(de::Unexpected::Unsigned(value), &self));
        }
        Ok(Read::Unsigned(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Read, E> {
        if !self.seconds {
            return Ok(Read::Signed(value));
        }
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(value), &self)),
        }
    }
    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        if !self.seconds {
            return Err(E::invalid_type(de::Unexpected::Unit, &self));
        }
        Ok(Read::Null)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Read, A::Error> {
        // Read past it, so that the error stands after the whole value, as every other refusal
        // does.
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        // As for an array.
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Err(de::Error::invalid_type(de::Unexpected::Map, &self))
    }
}

impl Talk {
    /// The talk's title, or "Talk 2" (its 1-based place in the evening, in the catalogue's
    /// language) when the post names none.
    pub fn title_or_place(&self, place: usize, t: &crate::i18n::Catalogue) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| t.fill(crate::i18n::Text::TalkNumber, &[("n", &place.to_string())]))
    }
}

impl Item {
    /// The organisations of the speakers, each once, in order of appearance.
    pub(crate) fn orgs(&self) -> Vec<&str> {
        let mut orgs: Vec<&str> = Vec::new();
        for org in self
            .talks()
            .iter()
            .flat_map(|t| &t.speakers)
            .filter_map(|s| s.org.as_deref())
        {
            if !orgs.contains(&org) {
                orgs.push(org);
            }
        }
        orgs
    }

    /// The event recording, when it is a video the viewer can play.
    pub fn recording(&self) -> Option<crate::video::VideoLink> {
        crate::video::parse_video_url(self.recap.as_ref()?.video.as_deref()?)
    }

    /// Whether the talks still have to be read from `content_html`.
    pub fn needs_extraction(&self) -> bool {
        self.recap.as_ref().is_none_or(|r| r.talks.is_none()) && self.content_html.is_some()
    }

    /// Takes talks, sponsors and the next meetup from an extraction, keeping what the feed's own
    /// `_recap` already says.
    pub fn fill_from(&mut self, extracted: Recap) {
        let recap = self.recap.get_or_insert_with(Recap::default);
        recap.talks = recap.talks.take().or(extracted.talks);
        recap.location = recap.location.take().or(extracted.location);
        recap.video = recap.video.take().or(extracted.video);
        recap.next_event = recap.next_event.take().or(extracted.next_event);
        if recap.sponsors.is_empty() {
            recap.sponsors = extracted.sponsors;
        }
    }
}

impl Feed {
    /// Adds an older page (JSON Feed `next_url`): new items only, newest first; returns how many
    /// were added.
    pub fn append_page(&mut self, page: Feed) -> usize {
        let before = self.items.len();
        // One pass over each side: the ids already held, then the page's items against them
        // (and against each other).
        let mut seen = crate::id::Seen::with_capacity(self.items.len() + page.items.len());
        for item in &self.items {
            seen.insert(&item.id);
        }
        self.items.reserve(page.items.len());
        for item in page.items {
            if seen.insert(&item.id) {
                self.items.push(item);
            }
        }
        newest_first(&mut self.items);
        self.next_url = page.next_url;
        self.items.len() - before
    }

    /// How many events the feed holds: all its pages' when its first page says so
    /// (`_recap.items`), else the items read so far.
    pub fn total(&self) -> usize {
        let said = self.recap.as_ref().and_then(|r| r.items);
        said.and_then(|n| usize::try_from(n).ok())
            .map_or(self.items.len(), |n| n.max(self.items.len()))
    }

    /// The item with this id (or with the same id in its other form, see [`crate::id`]), with
    /// the newer and the older event beside it.
    pub fn find(&self, id: &str) -> Option<(&Item, Option<&Item>, Option<&Item>)> {
        let at = crate::id::position_of(self.items.iter().map(|i| i.id.as_str()), id)?;
        let newer = at.checked_sub(1).and_then(|i| self.items.get(i));
        Some((&self.items[at], newer, self.items.get(at + 1)))
    }
}

/// Orders events newest first; undated ones last. Stable: equal and undated events keep their
/// order. The one ordering of events.
///
/// Only the events' keys are sorted, as numbers ([`sorted_keys`]); each event then goes to the
/// first free place of its key. A feed is most often newest first already, and is left as it is.
pub(crate) fn newest_first(items: &mut [Item]) {
    // Smaller first: minus the instant in whole seconds (exact in an f64), undated at the end.
    let keys: Vec<f64> = items
        .iter()
        .map(|item| {
            item.date_published
                .as_ref()
                .map_or(f64::INFINITY, |d| -d.unix_seconds() as f64)
        })
        .collect();
    if keys.is_sorted() {
        return;
    }
    let sorted = sorted_keys(keys.clone());
    // Where each event goes: the first free place of its key.
    let mut taken = vec![0usize; keys.len()];
    let mut places: Vec<usize> = keys
        .iter()
        .map(|key| {
            let start = sorted.partition_point(|k| k < key);
            taken[start] += 1;
            start + taken[start] - 1
        })
        .collect();
    // Each event to its place, following the permutation's cycles.
    for at in 0..items.len() {
        while places[at] != at {
            let to = places[at];
            items.swap(at, to);
            places.swap(at, to);
        }
    }
}

/// `keys` in ascending order. In the browser the browser sorts them (a typed array of numbers),
/// which spares the app's wasm a sort of its own (about 1 KB of a first visit, brotli); numbers
/// sort the same everywhere.
#[cfg(target_arch = "wasm32")]
fn sorted_keys(keys: Vec<f64>) -> Vec<f64> {
    use wasm_bindgen::{prelude::wasm_bindgen, JsCast};
    #[wasm_bindgen]
    extern "C" {
        /// A `Float64Array`, seen for its sort.
        type Numbers;
        /// `TypedArray.prototype.sort`: in place, numbers in ascending order.
        #[wasm_bindgen(method)]
        fn sort(this: &Numbers);
    }
    let array = js_sys::Float64Array::from(keys.as_slice());
    array.unchecked_ref::<Numbers>().sort();
    array.to_vec()
}

/// `keys` in ascending order.
#[cfg(not(target_arch = "wasm32"))]
fn sorted_keys(mut keys: Vec<f64>) -> Vec<f64> {
    keys.sort_unstable_by(f64::total_cmp);
    keys
}
