//! The search index of a paginated feed: every event, the page of the feed it is on, and what
//! search reads, in a compact file beside the pages (`recap-feed build --page-size N` writes it,
//! the feed's first page names it in its top-level `_recap.index`).
//!
//! The layout is arrays, not objects, with one table of the strings that repeat:
//!
//! ```json
//! {"v":2,
//!  "u":["feed.json","feed-2.json"],
//!  "s":["Meetup","Video","Leeds, UK","Ada Lovelace","Loom Works"],
//!  "p":[[3,4]],
//!  "e":[["2023-05-03-may","2023-05-03","May meetup",1,[0,1],2,[["eBPF for everyone",[0],183,["Start small"]]]]]}
//! ```
//!
//! - `v`: the format's version, [`INDEX_VERSION`].
//! - `u`: each page's file name, the first page first, relative to the index file (the pages
//!   sit beside it), so that a reader can fetch the page an event is on without following
//!   `next_url` from the first. Optional: an index without it is still version 1, and then only
//!   the chain of `next_url` leads to a page.
//! - `s`: strings shared by many events: tags, locations, speakers' names, organisations.
//! - `p`: speakers, each `[name, organisation]` as places in `s` (the organisation may be
//!   `null`), so that someone who speaks often is written once with their organisation.
//! - `e`: the events in feed order (newest first), each
//!   `[id, date, title, page, [tag…], location, [talk…]]`: `date` is the item's
//!   `date_published`, shortened to `YYYY-MM-DD` when it is midnight UTC, or `null`; `title`
//!   may be `null`; `page` is 1 for the feed's first page; tags and the location are places in
//!   `s`.
//! - a talk is `[title, [speaker…]]`, the title `null` when the talk has none and the speakers
//!   places in `p`; in the people's index, `[title, [speaker…], start, [takeaway…]]`, `start`
//!   whole seconds into the event's recording (`null` when unknown), the last two left out when
//!   empty.
//!
//! The search index leaves the moments and takeaways out: they are most of a recap's text and
//! would make it two to three times larger, while a visitor searching an archive looks for a
//! talk, a speaker or an organisation. The people's index (`feed-people.json`,
//! [`SearchIndex::people_from_pages`]) is the same layout with them, so that a speaker's or an
//! organisation's page ([`crate::people`]) of a whole archive needs that one file, fetched only
//! for those pages. Version 1 (no people's index) is still read. A search over the index
//! ([`Archive::search`]) matches event titles, talk titles, speakers and organisations (and
//! takeaways, where the index has them), with the same tag and year filters as
//! [`crate::search::matches`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::feed::{Item, Recap, Speaker, Talk};
use crate::route::ListQuery;
use crate::search;
use crate::Timestamp;

/// The index format this crate writes and reads.
pub const INDEX_VERSION: u32 = 2;

/// The search index as stored (see the module's documentation for the layout).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// The format's version.
    #[serde(rename = "v")]
    pub(crate) version: u32,
    /// Each page's file name, relative to the index, the first page first; empty when the
    /// index does not say.
    #[serde(rename = "u", default, skip_serializing_if = "Vec::is_empty")]
    pub page_names: Vec<String>,
    /// Shared strings: tags, locations, speakers' names, organisations.
    #[serde(rename = "s")]
    pub(crate) strings: Vec<String>,
    /// Speakers: name and organisation, as places in `strings`.
    #[serde(rename = "p")]
    pub(crate) speakers: Vec<IndexSpeaker>,
    /// The events, in feed order.
    #[serde(rename = "e")]
    pub(crate) events: Vec<IndexEvent>,
}

/// A speaker: `[name, organisation]`, places in [`SearchIndex::strings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct IndexSpeaker(u32, Option<u32>);

/// An event: `[id, date, title, page, tags, location, talks]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IndexEvent(
    /// The item's id.
    String,
    /// Its `date_published`, `YYYY-MM-DD` when that is midnight UTC.
    Option<String>,
    /// Its title.
    Option<String>,
    /// The page it is on, 1 for the first.
    u32,
    /// Its tags, places in [`SearchIndex::strings`].
    Vec<u32>,
    /// Its location, a place in [`SearchIndex::strings`].
    Option<u32>,
    /// Its talks.
    Vec<IndexTalk>,
);

/// A talk: `[title, speakers, start, takeaways]`, speakers as places in
/// [`SearchIndex::speakers`]; the start and the takeaways are left out when there are none
/// (and are never in version 1).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub(crate) struct IndexTalk(
    Option<String>,
    Vec<u32>,
    #[serde(default)] Option<u32>,
    #[serde(default)] Vec<String>,
);

impl Serialize for IndexTalk {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let IndexTalk(title, speakers, start, takeaways) = self;
        let len = match (start, takeaways.is_empty()) {
            (_, false) => 4,
            (Some(_), true) => 3,
            (None, true) => 2,
        };
        let mut seq = serializer.serialize_seq(Some(len))?;
        seq.serialize_element(title)?;
        seq.serialize_element(speakers)?;
        if len > 2 {
            seq.serialize_element(start)?;
        }
        if len > 3 {
            seq.serialize_element(takeaways)?;
        }
        seq.end()
    }
}

/// Why an index cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// Not JSON, or not shaped like the index.
    #[error("the search index cannot be read: {0}")]
    Format(String),
    /// Another version of the format.
    #[error("the search index is version {0}, this viewer reads versions 1 to {INDEX_VERSION}")]
    Version(u32),
    /// An event refers to a string or speaker that is not there, or has a date that is not one.
    #[error("the search index's event {event} ({id:?}) is broken: {what}")]
    Event {
        /// Its place in the index.
        event: usize,
        /// Its id.
        id: String,
        /// What is wrong.
        what: String,
    },
}

/// Gives each distinct value a place in a table, in order of first use.
struct Table<T> {
    places: HashMap<T, u32>,
    values: Vec<T>,
}

impl<T: Clone + Eq + std::hash::Hash> Table<T> {
    fn new() -> Self {
        Table {
            places: HashMap::new(),
            values: Vec::new(),
        }
    }

    fn place(&mut self, value: &T) -> u32 {
        if let Some(&place) = self.places.get(value) {
            return place;
        }
        let place = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.places.insert(value.clone(), place);
        self.values.push(value.clone());
        place
    }
}

const MIDNIGHT_UTC: &str = "T00:00:00Z";

impl SearchIndex {
    /// The search index of a feed's pages, the first page first.
    pub fn from_pages<'a>(pages: impl IntoIterator<Item = &'a [Item]>) -> SearchIndex {
        Self::build(pages, false)
    }

    /// The people's index of a feed's pages: every talk with its moment and takeaways too.
    pub fn people_from_pages<'a>(pages: impl IntoIterator<Item = &'a [Item]>) -> SearchIndex {
        Self::build(pages, true)
    }

    fn build<'a>(pages: impl IntoIterator<Item = &'a [Item]>, detail: bool) -> SearchIndex {
        let mut strings: Table<String> = Table::new();
        let mut speakers: Table<IndexSpeaker> = Table::new();
        let mut events = Vec::new();
        for (page, items) in (1u32..).zip(pages) {
            for item in items {
                let tags = item.tags.iter().map(|t| strings.place(t)).collect();
                let location = item.location().map(|l| strings.place(&l.to_owned()));
                let talks = item
                    .talks()
                    .iter()
                    .map(|talk| {
                        let who = talk
                            .speakers
                            .iter()
                            .map(|s| {
                                let name = strings.place(&s.name);
                                let org = s.org.as_ref().map(|o| strings.place(o));
                                speakers.place(&IndexSpeaker(name, org))
                            })
                            .collect();
                        if detail {
                            IndexTalk(talk.title.clone(), who, talk.start, talk.takeaways.clone())
                        } else {
                            IndexTalk(talk.title.clone(), who, None, Vec::new())
                        }
                    })
                    .collect();
                let date = item.date_published.as_ref().map(|d| {
                    let raw = d.as_str();
                    match raw.strip_suffix(MIDNIGHT_UTC) {
                        Some(day) if day.len() == 10 => day.to_owned(),
                        _ => raw.to_owned(),
                    }
                });
                events.push(IndexEvent(
                    item.id.clone(),
                    date,
                    item.title.clone(),
                    page,
                    tags,
                    location,
                    talks,
                ));
            }
        }
        SearchIndex {
            version: INDEX_VERSION,
            page_names: Vec::new(),
            strings: strings.values,
            speakers: speakers.values,
            events,
        }
    }

    fn string(&self, place: u32) -> Result<&String, String> {
        usize::try_from(place)
            .ok()
            .and_then(|p| self.strings.get(p))
            .ok_or_else(|| format!("string {place} is not in the table"))
    }

    fn event(&self, event: &IndexEvent) -> Result<(Item, u32), String> {
        let IndexEvent(id, date, title, page, tags, location, talks) = event;
        let named = u32::try_from(self.page_names.len()).unwrap_or(u32::MAX);
        if named > 0 && !(1..=named).contains(page) {
            return Err(format!(
                "page {page} is not one of the {named} pages the index names"
            ));
        }
        let date_published = match date {
            Some(date) if date.len() == 10 => Some(format!("{date}{MIDNIGHT_UTC}")),
            other => other.clone(),
        }
        .map(|d| Timestamp::parse(&d).map_err(|e| e.to_string()))
        .transpose()?;
        let tags = tags
            .iter()
            .map(|&t| self.string(t).cloned())
            .collect::<Result<_, _>>()?;
        let location = location.map(|l| self.string(l).cloned()).transpose()?;
        let talks = talks
            .iter()
            .map(|IndexTalk(title, who, start, takeaways)| {
                let speakers = who
                    .iter()
                    .map(|&p| {
                        let IndexSpeaker(name, org) = usize::try_from(p)
                            .ok()
                            .and_then(|p| self.speakers.get(p))
                            .ok_or_else(|| format!("speaker {p} is not in the table"))?;
                        Ok(Speaker {
                            name: self.string(*name)?.clone(),
                            org: org.map(|o| self.string(o).cloned()).transpose()?,
                        })
                    })
                    .collect::<Result<_, String>>()?;
                Ok(Talk {
                    title: title.clone(),
                    speakers,
                    start: *start,
                    takeaways: takeaways.clone(),
                    ..Talk::default()
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let item = Item {
            id: id.clone(),
            url: None,
            title: title.clone(),
            summary: None,
            content_html: None,
            content_text: None,
            image: None,
            date_published,
            date_modified: None,
            tags,
            recap: Some(Recap {
                location,
                talks: Some(talks),
                ..Recap::default()
            }),
        };
        Ok((item, *page))
    }

    /// The events with their pages, in index order.
    fn events(&self) -> Result<Vec<(Item, u32)>, IndexError> {
        self.events
            .iter()
            .enumerate()
            .map(|(at, e)| {
                self.event(e).map_err(|what| IndexError::Event {
                    event: at,
                    id: e.0.clone(),
                    what,
                })
            })
            .collect()
    }
}

/// Reads an index file.
pub fn parse_index(text: &str) -> Result<SearchIndex, IndexError> {
    #[derive(Deserialize)]
    struct Version {
        #[serde(rename = "v")]
        version: u32,
    }
    // The version first, so that a later format is named as such rather than as broken.
    let Version { version } =
        serde_json::from_str(text).map_err(|e| IndexError::Format(e.to_string()))?;
    if !(1..=INDEX_VERSION).contains(&version) {
        return Err(IndexError::Version(version));
    }
    serde_json::from_str(text).map_err(|e| IndexError::Format(e.to_string()))
}

/// A whole archive as the viewer searches it: every event of a paginated feed, read from its
/// index, with the page each is on. Positions are places in feed order (newest first), 0 for
/// the newest event.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The events with their pages.
    events: Vec<(Item, u32)>,
    /// What search reads of each event ([`search::searchable_text`]), made on the first search:
    /// an address of an event needs only to find it and its page.
    texts: std::cell::OnceCell<Vec<String>>,
    positions: HashMap<String, u32>,
    page_names: Vec<String>,
}

impl Archive {
    /// Reads an index file ([`parse_index`]), keeping the page names.
    pub fn read(text: &str) -> Result<Archive, IndexError> {
        let index = parse_index(text)?;
        let events = index.events()?;
        let mut positions = HashMap::with_capacity(events.len());
        for (at, (item, _)) in (0u32..).zip(&events) {
            positions.entry(item.id.clone()).or_insert(at);
        }
        Ok(Archive {
            events,
            texts: std::cell::OnceCell::new(),
            positions,
            page_names: index.page_names,
        })
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// What search reads of each event, in order.
    fn texts(&self) -> &[String] {
        self.texts.get_or_init(|| {
            self.events
                .iter()
                .map(|(item, _)| search::searchable_text(item))
                .collect()
        })
    }

    /// The positions of the events that pass the search and filters, newest first, as
    /// [`search::matches`] decides for the whole items, without takeaways.
    pub fn search(&self, query: &ListQuery) -> Vec<u32> {
        let prepared = search::Prepared::new(query);
        (0u32..)
            .zip(self.events.iter().zip(self.texts()))
            .filter(|(_, ((item, _), text))| prepared.matches_text(item, text))
            .map(|(at, _)| at)
            .collect()
    }

    /// [`Self::search`] through `within` alone: the positions an earlier search found, when
    /// it [`search::narrows`] to this one (a visitor typing on).
    pub fn search_within(&self, query: &ListQuery, within: &[u32]) -> Vec<u32> {
        let prepared = search::Prepared::new(query);
        let texts = self.texts();
        within
            .iter()
            .copied()
            .filter(|&at| {
                let at = usize::try_from(at).ok();
                let found = at.and_then(|at| Some((&self.events.get(at)?.0, texts.get(at)?)));
                found.is_some_and(|(item, text)| prepared.matches_text(item, text))
            })
            .collect()
    }

    /// The position of the event with this id (the first, should two share it), or with the
    /// same id in its other form (see [`crate::id`]).
    pub fn find(&self, id: &str) -> Option<u32> {
        if let Some(&at) = self.positions.get(id) {
            return Some(at);
        }
        let at = crate::id::position_of(self.events.iter().map(|(item, _)| item.id.as_str()), id)?;
        u32::try_from(at).ok()
    }

    /// The page the event at `position` is on, 1 for the first; 0 when there is no such event.
    pub fn page(&self, position: u32) -> u32 {
        self.event(position).map_or(0, |(_, page)| *page)
    }

    /// The file name of `page` (1 for the first), relative to the index; `None` when the index
    /// does not name its pages or has no such page.
    pub fn page_name(&self, page: u32) -> Option<&str> {
        let at = usize::try_from(page.checked_sub(1)?).ok()?;
        self.page_names.get(at).map(String::as_str)
    }

    /// The event at `position`, as far as the index knows it: id, title, date, tags, location,
    /// and talks with their titles and speakers (no takeaways, times or links).
    pub fn item(&self, position: u32) -> Option<&Item> {
        self.event(position).map(|(item, _)| item)
    }

    /// The years of all the events, newest first ([`search::years`]).
    pub fn years(&self) -> Vec<i32> {
        search::years(self.events.iter().map(|(item, _)| item))
    }

    /// The tags of all the events, most used first ([`search::tags`]).
    pub fn tags(&self) -> Vec<String> {
        search::tags(self.events.iter().map(|(item, _)| item))
    }

    fn event(&self, position: u32) -> Option<&(Item, u32)> {
        self.events.get(usize::try_from(position).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed;

    fn items() -> Vec<Item> {
        parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"a","title":"May meetup","date_published":"2023-05-03T00:00:00Z","tags":["Video","2023"],
             "content_html":"<p>long</p>",
             "_recap":{"location":"Leeds, UK","video":"https://youtu.be/AbCdEfGhIjK","talks":[
               {"title":"eBPF for everyone","start":95,"speakers":[{"name":"Ada Lovelace","org":"Loom Works"},{"name":"Sam Osei"}],"takeaways":["Probes are cheap."]},
               {"title":null,"speakers":[{"name":"Ada Lovelace","org":"Loom Works"}]}]}},
            {"id":"/2024/06/03/june","title":"June meetup","date_published":"2024-06-03T18:30:00+01:00","tags":["video"],
             "_recap":{"location":"Leeds, UK","talks":[{"title":"Loom at scale","speakers":[{"name":"Bo Chen","org":"Loom Works"}]}]}},
            {"id":"c","title":"Undated"},
            {"id":"d"}]}"#,
        )
        .unwrap()
        .feed
        .items
    }

    fn index() -> SearchIndex {
        let items = items();
        SearchIndex::from_pages(items.chunks(2))
    }

    #[test]
    fn writes_the_documented_layout_with_shared_strings() {
        let json = serde_json::to_string(&index()).unwrap();
        assert_eq!(
            json,
            concat!(
                r#"{"v":2,"s":["video","Leeds, UK","Bo Chen","Loom Works","Video","2023","Ada Lovelace","Sam Osei"],"#,
                r#""p":[[2,3],[6,3],[7,null]],"#,
                r#""e":[["/2024/06/03/june","2024-06-03T18:30:00+01:00","June meetup",1,[0],1,[["Loom at scale",[0]]]],"#,
                r#"["a","2023-05-03","May meetup",1,[4,5],1,[["eBPF for everyone",[1,2]],[null,[1]]]],"#,
                r#"["c",null,"Undated",2,[],null,[]],["d",null,null,2,[],null,[]]]}"#
            )
        );
        // The people's index: the same, with the talks' moments and takeaways.
        let people =
            serde_json::to_string(&SearchIndex::people_from_pages(items().chunks(2))).unwrap();
        assert_eq!(
            people,
            json.replace(
                r#"["eBPF for everyone",[1,2]]"#,
                r#"["eBPF for everyone",[1,2],95,["Probes are cheap."]]"#
            )
        );
        // "Loom Works" is written once, Ada Lovelace at Loom Works once.
        assert_eq!(json.matches("Loom Works").count(), 1);
        assert_eq!(json.matches("Ada Lovelace").count(), 1);
    }

    #[test]
    fn round_trips_to_events_with_their_pages() {
        let json =
            serde_json::to_string(&SearchIndex::people_from_pages(items().chunks(2))).unwrap();
        assert_eq!(
            parse_index(&json).unwrap(),
            SearchIndex::people_from_pages(items().chunks(2))
        );
        let events = events(&Archive::read(&json).unwrap());
        let items = items();
        assert_eq!(events.len(), items.len());
        for ((read, _), item) in events.iter().zip(&items) {
            assert_eq!(read.id, item.id);
            assert_eq!(read.title, item.title);
            assert_eq!(read.date_published, item.date_published);
            assert_eq!(read.tags, item.tags);
            assert_eq!(read.location(), item.location());
            type Shape = (Option<String>, Vec<Speaker>, Option<u32>, Vec<String>);
            let shape = |i: &Item| -> Vec<Shape> {
                i.talks()
                    .iter()
                    .map(|t| {
                        let (title, who) = (t.title.clone(), t.speakers.clone());
                        (title, who, t.start, t.takeaways.clone())
                    })
                    .collect()
            };
            assert_eq!(shape(read), shape(item));
        }
        let pages: Vec<u32> = events.iter().map(|(_, page)| *page).collect();
        assert_eq!(pages, [1, 1, 2, 2]);
        // The search index leaves the moments and takeaways out.
        let lean = events_of(&serde_json::to_string(&index()).unwrap());
        assert!(lean
            .iter()
            .flat_map(|(i, _)| i.talks())
            .all(|t| t.start.is_none() && t.takeaways.is_empty()));
        // An undated id that is not a title still shows as itself.
        assert_eq!(events[3].0.display_title(), "d");
    }

    /// Every event of an index's text with its page, in order.
    fn events_of(json: &str) -> Vec<(Item, u32)> {
        events(&Archive::read(json).unwrap())
    }

    /// Every event of an archive with its page, in order.
    fn events(archive: &Archive) -> Vec<(Item, u32)> {
        (0u32..)
            .map_while(|at| Some((archive.item(at)?.clone(), archive.page(at))))
            .collect()
    }

    #[test]
    fn the_index_matches_as_the_full_items_do_except_takeaways() {
        let items = items();
        let archive = Archive::read(&serde_json::to_string(&index()).unwrap()).unwrap();
        let query = |q: &str, tag: Option<&str>, year: Option<i32>| ListQuery {
            q: q.into(),
            tag: tag.map(Into::into),
            year,
        };
        let queries = [
            query("", None, None),
            query("EBPF", None, None),
            query("loom", None, None),
            query("lovelace loom", None, None),
            query("osei", None, None),
            query("meetup", Some("VIDEO"), None),
            query("", None, Some(2023)),
            query("", None, Some(2024)),
            query("undated", None, None),
            query("nothing", None, None),
        ];
        for q in &queries {
            let full: Vec<&str> = items
                .iter()
                .filter(|i| search::matches(i, q))
                .map(|i| i.id.as_str())
                .collect();
            let searched: Vec<&str> = archive
                .search(q)
                .into_iter()
                .filter_map(|at| Some(archive.item(at)?.id.as_str()))
                .collect();
            assert_eq!(searched, full, "{q:?}");
        }
        // Takeaways are the one thing the search index leaves out; the people's index has them.
        let cheap = query("cheap", None, None);
        assert!(items.iter().any(|i| search::matches(i, &cheap)));
        assert!(archive.search(&cheap).is_empty());
        let people = SearchIndex::people_from_pages(items.chunks(2));
        let people = Archive::read(&serde_json::to_string(&people).unwrap()).unwrap();
        assert_eq!(people.search(&cheap), [1]);
    }

    #[test]
    fn refuses_another_version_and_broken_references() {
        assert_eq!(
            parse_index(r#"{"v":3,"s":[],"p":[],"e":[],"more":1}"#),
            Err(IndexError::Version(3))
        );
        assert!(matches!(
            parse_index(r#"{"v":0,"s":[],"p":[],"e":[]}"#),
            Err(IndexError::Version(0))
        ));
        assert!(matches!(parse_index("[1]"), Err(IndexError::Format(_))));
        assert!(matches!(
            parse_index(r#"{"v":1,"s":[],"p":[],"e":[["a"]]}"#),
            Err(IndexError::Format(_))
        ));
        let broken = [
            r#"{"v":1,"s":[],"p":[],"e":[["a",null,null,1,[0],null,[]]]}"#,
            r#"{"v":1,"s":[],"p":[],"e":[["a",null,null,1,[],7,[]]]}"#,
            r#"{"v":1,"s":[],"p":[],"e":[["a",null,null,1,[],null,[["t",[0]]]]]}"#,
            r#"{"v":1,"s":["x"],"p":[[0,5]],"e":[["a",null,null,1,[],null,[["t",[0]]]]]}"#,
            r#"{"v":1,"s":[],"p":[],"e":[["a","yesterday",null,1,[],null,[]]]}"#,
        ];
        for text in broken {
            match Archive::read(text) {
                Err(IndexError::Event { event: 0, id, .. }) => assert_eq!(id, "a"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    fn named_index() -> SearchIndex {
        SearchIndex {
            page_names: vec!["feed.json".into(), "feed-2.json".into()],
            ..index()
        }
    }

    fn archive() -> Archive {
        Archive::read(&serde_json::to_string(&named_index()).unwrap()).unwrap()
    }

    #[test]
    fn names_the_pages_after_the_version_and_reads_an_index_without_them() {
        let json = serde_json::to_string(&named_index()).unwrap();
        assert!(
            json.starts_with(r#"{"v":2,"u":["feed.json","feed-2.json"],"s":["#),
            "{json}"
        );
        assert_eq!(parse_index(&json).unwrap(), named_index());
        // Without names, as before: the same events and pages, and no page named.
        let bare = serde_json::to_string(&index()).unwrap();
        assert!(!bare.contains(r#""u""#));
        assert_eq!(
            events(&Archive::read(&bare).unwrap()),
            events(&Archive::read(&json).unwrap())
        );
        let archive = Archive::read(&bare).unwrap();
        assert_eq!(archive.page(3), 2);
        assert_eq!(archive.page_name(1), None);
    }

    #[test]
    fn an_archive_searches_every_page_and_finds_each_event_and_its_page() {
        let archive = archive();
        assert_eq!(archive.len(), 4);
        assert!(!archive.is_empty());
        let query = |q: &str, tag: Option<&str>, year: Option<i32>| ListQuery {
            q: q.into(),
            tag: tag.map(Into::into),
            year,
        };
        // "Undated" is on the last page.
        let hits = archive.search(&query("UNDATED", None, None));
        assert_eq!(hits, [2]);
        assert_eq!(archive.page(2), 2);
        assert_eq!(archive.page_name(archive.page(2)), Some("feed-2.json"));
        assert_eq!(archive.search(&query("", None, None)), [0, 1, 2, 3]);
        assert_eq!(archive.search(&query("loom", Some("video"), None)), [0, 1]);
        assert_eq!(archive.search(&query("loom", None, Some(2023))), [1]);
        assert_eq!(
            archive.search(&query("cheap", None, None)),
            Vec::<u32>::new()
        );
        // The positions are those of the full items that match.
        let items = items();
        for q in [query("meetup", None, None), query("ada", None, Some(2023))] {
            let full: Vec<u32> = (0u32..)
                .zip(&items)
                .filter(|(_, i)| search::matches(i, &q))
                .map(|(at, _)| at)
                .collect();
            assert_eq!(archive.search(&q), full, "{q:?}");
        }

        // The oldest event is on the last page.
        assert_eq!(archive.find("d"), Some(3));
        assert_eq!(archive.page(3), 2);
        assert_eq!(archive.page_name(2), Some("feed-2.json"));
        assert_eq!(archive.find("/2024/06/03/june"), Some(0));
        assert_eq!(archive.page(0), 1);
        assert_eq!(archive.page_name(1), Some("feed.json"));
        assert_eq!(archive.item(1).map(|i| i.id.as_str()), Some("a"));
        // Nothing there: no position, page 0, no name.
        assert_eq!(archive.find("e"), None);
        assert_eq!(archive.page(4), 0);
        assert_eq!(archive.item(4), None);
        assert_eq!(archive.page_name(0), None);
        assert_eq!(archive.page_name(3), None);
    }

    #[test]
    fn a_search_through_what_an_earlier_one_found_finds_what_a_whole_one_does() {
        let archive = archive();
        let query = |q: &str, tag: Option<&str>, year: Option<i32>| ListQuery {
            q: q.into(),
            tag: tag.map(Into::into),
            year,
        };
        // Typed a key at a time, each search through the one before when it narrows.
        for typed in ["loom at scale", "ada lovelace", "meetup", "ebpf", "june"] {
            for (tag, year) in [(None, None), (Some("VIDEO"), None), (None, Some(2023))] {
                let mut before = query("", tag, year);
                let mut found = archive.search(&before);
                for end in (1..=typed.len()).filter(|&n| typed.is_char_boundary(n)) {
                    let next = query(&typed[..end], tag, year);
                    assert!(search::narrows(&before, &next));
                    found = archive.search_within(&next, &found);
                    assert_eq!(found, archive.search(&next), "{next:?}");
                    before = next;
                }
            }
        }
        assert!(archive.search(&query("loom", None, None)).len() > 1);
        assert_eq!(
            archive.search_within(&query("", None, None), &[9, 1]),
            vec![1]
        );
    }

    #[test]
    fn an_archive_has_the_years_and_tags_of_the_full_items() {
        let archive = archive();
        let items = items();
        assert_eq!(archive.years(), search::years(&items));
        assert_eq!(archive.tags(), search::tags(&items));
        assert_eq!(archive.years(), [2024, 2023]);
        assert_eq!(archive.tags(), ["video", "2023"]);
    }

    #[test]
    fn an_archive_item_written_as_json_reads_back_as_itself() {
        let archive = archive();
        for at in 0..4 {
            let item = archive.item(at).unwrap();
            let json = serde_json::to_string(item).unwrap();
            assert_eq!(&crate::parse::read_item(&json).unwrap(), item, "{json}");
        }
        let json = serde_json::to_string(archive.item(1).unwrap()).unwrap();
        assert!(json.contains(r#""location":"Leeds, UK""#), "{json}");
        assert!(
            json.contains(r#""speakers":[{"name":"Ada Lovelace","org":"Loom Works"},{"name":"Sam Osei","org":null}]"#),
            "{json}"
        );
    }

    #[test]
    fn a_broken_archive_says_what_is_wrong() {
        let err = Archive::read("<!doctype html>").unwrap_err();
        assert!(matches!(err, IndexError::Format(_)));
        assert!(
            err.to_string()
                .starts_with("the search index cannot be read: "),
            "{err}"
        );
        let err = Archive::read(r#"{"v":3}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the search index is version 3, this viewer reads versions 1 to 2"
        );
        // An event on a page the index does not name.
        let err = Archive::read(
            r#"{"v":1,"u":["feed.json"],"s":[],"p":[],"e":[["a",null,null,1,[],null,[]],["b",null,null,2,[],null,[]]]}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"the search index's event 1 ("b") is broken: page 2 is not one of the 1 pages the index names"#
        );
    }

    #[test]
    fn a_version_1_index_still_reads_without_moments_or_takeaways() {
        let v1 = r#"{"v":1,"s":["Ada"],"p":[[0,null]],"e":[["a","2023-05-03",null,1,[],null,[["Parsing",[0]]]]]}"#;
        let archive = Archive::read(v1).unwrap();
        let talks = archive.item(0).unwrap().talks();
        assert_eq!(talks[0].title.as_deref(), Some("Parsing"));
        assert_eq!(talks[0].start, None);
        assert!(talks[0].takeaways.is_empty());
        // A moment alone, without takeaways, is written and read as three.
        let v2 =
            r#"{"v":2,"s":["Ada"],"p":[[0,null]],"e":[["a",null,null,1,[],null,[["P",[0],42]]]]}"#;
        let index = parse_index(v2).unwrap();
        assert_eq!(serde_json::to_string(&index).unwrap(), v2);
        assert_eq!(
            Archive::read(v2).unwrap().item(0).unwrap().talks()[0].start,
            Some(42)
        );
    }

    #[test]
    fn an_empty_feed_has_an_empty_index() {
        let index = SearchIndex::from_pages(std::iter::empty());
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(json, r#"{"v":2,"s":[],"p":[],"e":[]}"#);
        assert!(Archive::read(&json).unwrap().is_empty());
    }
}
