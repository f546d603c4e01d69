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
            w.maybe(recap.location.as_deref());
            w.maybe(recap.video.as_deref());
            w.flag(recap.talks.is_some());
            let talks = recap.talks.as_deref().unwrap_or_default();
            w.length(talks.len());
            for talk in talks {
                w.maybe(talk.title.as_deref());
                w.length(talk.speakers.len());
                for speaker in &talk.speakers {
                    w.string(&speaker.name);
                    w.maybe(speaker.org.as_deref());
                }
                w.flag(talk.start.is_some());
                w.numbers.extend(talk.start);
                w.maybe(talk.video_url.as_deref());
                w.strings_of(&talk.takeaways);
                w.length(talk.links.len());
                for link in &talk.links {
                    w.string(&link.label);
                    w.string(&link.url);
                }
            }
            w.flag(recap.next_event.is_some());
            if let Some(next) = &recap.next_event {
                w.maybe(next.date_text.as_deref());
                w.maybe(next.rsvp_url.as_deref());
            }
            w.length(recap.sponsors.len());
            for sponsor in &recap.sponsors {
                w.string(&sponsor.name);
                w.maybe(sponsor.url.as_deref());
            }
        }
        w
    }

    /// The item the arrays hold, or `None` when they are not an item's, whole and nothing more.
    pub fn item(self) -> Option<Item> {
        let mut r = Reader {
            strings: self.strings.into_iter(),
            numbers: self.numbers.into_iter(),
        };
        let id = r.string()?;
        let [url, title, summary, content_html, content_text, image] = [(); 6].map(|()| r.maybe());
        let [date_published, date_modified] = [(); 2]
            .map(|()| r.maybe())
            .map(|date| date.map(|d| d.and_then(|d| Timestamp::parse(&d).ok())));
        let tags = r.strings()?;
        let recap = if r.flag()? {
            let location = r.maybe()?;
            let video = r.maybe()?;
            let known = r.flag()?;
            let mut talks = Vec::new();
            for _ in 0..r.length()? {
                let title = r.maybe()?;
                let mut speakers = Vec::new();
                for _ in 0..r.length()? {
                    let name = r.string()?;
                    speakers.push(Speaker {
                        name,
                        org: r.maybe()?,
                    });
                }
                let start = if r.flag()? { Some(r.number()?) } else { None };
                let video_url = r.maybe()?;
                let takeaways = r.strings()?;
                let mut links = Vec::new();
                for _ in 0..r.length()? {
                    let label = r.string()?;
                    links.push(Link {
                        label,
                        url: r.string()?,
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
            let next_event = if r.flag()? {
                let date_text = r.maybe()?;
                Some(NextEvent {
                    date_text,
                    rsvp_url: r.maybe()?,
                })
            } else {
                None
            };
            let mut sponsors = Vec::new();
            for _ in 0..r.length()? {
                let name = r.string()?;
                sponsors.push(Sponsor {
                    name,
                    url: r.maybe()?,
                });
            }
            Some(Recap {
                location,
                video,
                talks: known.then_some(talks),
                next_event,
                sponsors,
            })
        } else {
            None
        };
        // Nothing may be left over: the arrays were an item's, whole.
        if r.strings.next().is_some() || r.numbers.next().is_some() {
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
