//! An [`Item`] as two flat arrays, a list of strings and a list of numbers: the form in which
//! the app hands an event to the event module (`crates/event`). wasm-bindgen carries such
//! arrays as they are, typed, with one call; the app needs neither a JSON writer nor a glue
//! function per field, and the module reads back exactly the item the app holds, its talks
//! read from the post included.
//!
//! The arrays follow the item's fields in their declared order. An optional value is a number,
//! `0` (absent) or `1` (present, followed by the value); a list is its length, then its
//! entries. Strings go in the strings, in the same order. [`ItemWire::item`] gives `None` for
//! arrays that are not an item's, whole and nothing more.

use crate::date::Timestamp;
use crate::feed::{Item, Link, NextEvent, Recap, Speaker, Sponsor, Talk};

/// An item as flat arrays (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemWire {
    /// The item's strings, in order.
    pub strings: Vec<String>,
    /// Its presence marks, lengths and numbers, in order.
    pub numbers: Vec<u32>,
}

impl ItemWire {
    /// `item` as flat arrays.
    pub fn new(item: &Item) -> ItemWire {
        let mut w = ItemWire::default();
        w.string(&item.id);
        for field in [
            &item.url,
            &item.title,
            &item.summary,
            &item.content_html,
            &item.content_text,
            &item.image,
        ] {
            w.maybe(field.as_deref());
        }
        for date in [&item.date_published, &item.date_modified] {
            w.maybe(date.as_ref().map(Timestamp::as_str));
        }
        w.strings_of(&item.tags);
        w.flag(item.recap.is_some());
        if let Some(recap) = &item.recap {
            w.write_recap(recap);
        }
        w
    }

    /// The item the arrays hold, or `None` when they are not an item's, whole and nothing more.
    pub fn item(self) -> Option<Item> {
        let mut r = Reader::of(self);
        let id = r.string()?;
        let [url, title, summary, content_html, content_text, image] = [(); 6].map(|()| r.maybe());
        let [date_published, date_modified] = [(); 2]
            .map(|()| r.maybe())
            .map(|date| date.map(|d| d.and_then(|d| Timestamp::parse(&d).ok())));
        let tags = r.strings()?;
        let recap = if r.flag()? { Some(r.recap()?) } else { None };
        // Nothing may be left over: the arrays were an item's, whole.
        if !r.done() {
            return None;
        }
        Some(Item {
            id,
            url: url?,
            title: title?,
            summary: summary?,
            content_html: content_html?,
            content_text: content_text?,
            image: image?,
            date_published: date_published?,
            date_modified: date_modified?,
            tags,
            recap,
        })
    }

    /// An item's `_recap` alone as flat arrays, as the talk extractor answers (`crates/extract`).
    pub fn of_recap(recap: &Recap) -> ItemWire {
        let mut w = ItemWire::default();
        w.write_recap(recap);
        w
    }

    /// The `_recap` the arrays hold (written by [`ItemWire::of_recap`]), or `None` when they are
    /// not one's, whole and nothing more.
    pub fn recap(self) -> Option<Recap> {
        let mut r = Reader::of(self);
        let recap = r.recap()?;
        r.done().then_some(recap)
    }

    fn write_recap(&mut self, recap: &Recap) {
        self.maybe(recap.location.as_deref());
        self.maybe(recap.video.as_deref());
        self.flag(recap.talks.is_some());
        let talks = recap.talks.as_deref().unwrap_or_default();
        self.length(talks.len());
        for talk in talks {
            self.maybe(talk.title.as_deref());
            self.length(talk.speakers.len());
            for speaker in &talk.speakers {
                self.string(&speaker.name);
                self.maybe(speaker.org.as_deref());
            }
            self.flag(talk.start.is_some());
            self.numbers.extend(talk.start);
            self.maybe(talk.video_url.as_deref());
            self.strings_of(&talk.takeaways);
            self.length(talk.links.len());
            for link in &talk.links {
                self.string(&link.label);
                self.string(&link.url);
            }
        }
        self.flag(recap.next_event.is_some());
        if let Some(next) = &recap.next_event {
            self.maybe(next.date_text.as_deref());
            self.maybe(next.rsvp_url.as_deref());
        }
        self.length(recap.sponsors.len());
        for sponsor in &recap.sponsors {
            self.string(&sponsor.name);
            self.maybe(sponsor.url.as_deref());
        }
    }

    fn string(&mut self, s: &str) {
        self.strings.push(s.to_owned());
    }

    fn flag(&mut self, on: bool) {
        self.numbers.push(u32::from(on));
    }

    fn length(&mut self, n: usize) {
        self.numbers.push(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn maybe(&mut self, s: Option<&str>) {
        self.flag(s.is_some());
        self.strings.extend(s.map(str::to_owned));
    }

    fn strings_of(&mut self, list: &[String]) {
        self.length(list.len());
        self.strings.extend(list.iter().cloned());
    }
}

/// Reads the arrays back in the order they were written.
struct Reader {
    strings: std::vec::IntoIter<String>,
    numbers: std::vec::IntoIter<u32>,
}

impl Reader {
    fn of(wire: ItemWire) -> Reader {
        Reader {
            strings: wire.strings.into_iter(),
            numbers: wire.numbers.into_iter(),
        }
    }

    /// Whether the arrays are read to their ends.
    fn done(&mut self) -> bool {
        self.strings.next().is_none() && self.numbers.next().is_none()
    }

    fn recap(&mut self) -> Option<Recap> {
        let location = self.maybe()?;
        let video = self.maybe()?;
        let known = self.flag()?;
        let mut talks = Vec::new();
        for _ in 0..self.length()? {
            let title = self.maybe()?;
            let mut speakers = Vec::new();
            for _ in 0..self.length()? {
                let name = self.string()?;
                speakers.push(Speaker {
                    name,
                    org: self.maybe()?,
                });
            }
            let start = if self.flag()? {
                Some(self.number()?)
            } else {
                None
            };
            let video_url = self.maybe()?;
            let takeaways = self.strings()?;
            let mut links = Vec::new();
            for _ in 0..self.length()? {
                let label = self.string()?;
                links.push(Link {
                    label,
                    url: self.string()?,
                });
            }
            talks.push(Talk {
                title,
                speakers,
                start,
                video_url,
                takeaways,
                links,
            });
        }
        let next_event = if self.flag()? {
            let date_text = self.maybe()?;
            Some(NextEvent {
                date_text,
                rsvp_url: self.maybe()?,
            })
        } else {
            None
        };
        let mut sponsors = Vec::new();
        for _ in 0..self.length()? {
            let name = self.string()?;
            sponsors.push(Sponsor {
                name,
                url: self.maybe()?,
            });
        }
        Some(Recap {
            location,
            video,
            talks: known.then_some(talks),
            next_event,
            sponsors,
        })
    }

    fn string(&mut self) -> Option<String> {
        self.strings.next()
    }

    fn number(&mut self) -> Option<u32> {
        self.numbers.next()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn length(&mut self) -> Option<u32> {
        self.number()
    }

    /// An optional string: `Some(None)` when absent, `None` when the arrays end early.
    fn maybe(&mut self) -> Option<Option<String>> {
        if self.flag()? {
            self.string().map(Some)
        } else {
            Some(None)
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        (0..self.length()?).map(|_| self.string()).collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn sample_items() -> Vec<Item> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/feed.json"
        ))
        .unwrap();
        crate::parse_feed(&text).unwrap().feed.items
    }

    #[test]
    fn every_item_of_the_sample_feed_crosses_whole() {
        let items = sample_items();
        assert!(items.len() > 10);
        for item in items {
            assert_eq!(
                ItemWire::new(&item).item().as_ref(),
                Some(&item),
                "{}",
                item.id
            );
        }
    }

    #[test]
    fn absent_and_empty_are_told_apart() {
        let mut item = Item {
            id: "2025-01-01-a".to_owned(),
            url: None,
            title: Some(String::new()),
            summary: None,
            content_html: None,
            content_text: Some("text".to_owned()),
            image: None,
            date_published: Timestamp::parse("2025-01-01T18:30:00+01:00").ok(),
            date_modified: None,
            tags: vec![String::new(), "rust".to_owned()],
            recap: Some(Recap::default()),
        };
        assert_eq!(ItemWire::new(&item).item().as_ref(), Some(&item));
        // Talks not known, and known to be none, are not the same.
        item.recap = Some(Recap {
            talks: Some(vec![Talk {
                start: Some(0),
                speakers: vec![Speaker {
                    name: "Ada".to_owned(),
                    org: None,
                }],
                ..Talk::default()
            }]),
            next_event: Some(NextEvent {
                date_text: None,
                rsvp_url: Some("https://example.org/rsvp".to_owned()),
            }),
            ..Recap::default()
        });
        assert_eq!(ItemWire::new(&item).item().as_ref(), Some(&item));
        item.recap = Some(Recap {
            talks: Some(Vec::new()),
            ..Recap::default()
        });
        assert_eq!(ItemWire::new(&item).item().as_ref(), Some(&item));
        item.recap = None;
        assert_eq!(ItemWire::new(&item).item().as_ref(), Some(&item));
    }

    #[test]
    fn every_recap_of_the_sample_feed_crosses_whole_alone() {
        let recaps: Vec<Recap> = sample_items().into_iter().filter_map(|i| i.recap).collect();
        assert!(recaps.len() > 10);
        for recap in recaps {
            assert_eq!(ItemWire::of_recap(&recap).recap().as_ref(), Some(&recap));
        }
        let bare = Recap::default();
        assert_eq!(ItemWire::of_recap(&bare).recap(), Some(bare));
        // An item's arrays are not a recap's, nor the other way round.
        let item = sample_items().remove(0);
        assert_eq!(ItemWire::new(&item).recap(), None);
        let recap = item.recap.unwrap();
        assert_eq!(ItemWire::of_recap(&recap).item(), None);
        let mut long = ItemWire::of_recap(&recap);
        long.strings.push(String::new());
        assert_eq!(long.recap(), None);
    }

    #[test]
    fn arrays_that_are_not_an_item_are_refused() {
        let item = sample_items().remove(0);
        let wire = ItemWire::new(&item);
        let mut short = wire.clone();
        short.strings.pop();
        assert_eq!(short.item(), None);
        let mut long = wire.clone();
        long.numbers.push(0);
        assert_eq!(long.item(), None);
        let mut bad_flag = wire;
        bad_flag.numbers[0] = 7;
        assert_eq!(bad_flag.item(), None);
        assert_eq!(ItemWire::default().item(), None);
    }
}
