//! A post's own `talks:` list: where the extractor cannot know, the organiser says.
//!
//! ```yaml
//! talks:
//!   - title: Calm in a Crisis
//!     speakers:
//!       - name: Priya Natarajan
//!         org: Quillbyte
//!     start: "41:07"          # or seconds: 2467
//!     takeaways:
//!       - Write the runbook before the incident.
//!     links:
//!       - label: slides
//!         url: https://slides.example/calm
//! ```
//!
//! Every key is optional but spelled exactly; an unknown key, a blank name, a start that is not
//! a time or a link that is not `http(s)`, `mailto` or relative is an error that names the entry
//! and its line, and leaves that entry out; the others are kept. `talks: []` says the post has no
//! talks.

use std::fmt;
use std::marker::PhantomData;

use recap_core::time::parse_time_param;
use recap_core::url::safe_url;
use recap_core::{Link, Speaker, Talk};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny};
use serde::Deserialize;

/// A fault in a `talks:` list: the 1-based line in the front matter and what is wrong, naming
/// the entry (`talks[1].start: …`, counted from 0 as YAML paths are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalksError {
    /// 1-based line within the front matter's YAML.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// What a front matter's `talks:` list gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatterTalks {
    /// The talks of the entries that read, in order; `None` when there is no `talks:` key, or
    /// when it is not a list at all (then extraction stands).
    pub talks: Option<Vec<Talk>>,
    /// One per entry that does not read (or one for a `talks:` that is not a list).
    pub errors: Vec<TalksError>,
}

/// Reads the `talks:` list of a front matter. An entry that does not read is reported and left
/// out; the others are kept.
pub fn front_matter_talks(yaml: &str) -> FrontMatterTalks {
    let all_read = serde_norway::from_str::<FrontMatter<Entry>>(yaml);
    let Err(first) = all_read else {
        let talks = all_read.ok().and_then(|front| front.talks);
        return FrontMatterTalks {
            talks: talks.map(|entries| entries.into_iter().map(Entry::into_talk).collect()),
            errors: Vec::new(),
        };
    };
    // Something is wrong: find out which entries, each with its own line.
    let count = match serde_norway::from_str::<FrontMatter<IgnoredAny>>(yaml) {
        Ok(FrontMatter { talks: Some(list) }) => list.len(),
        Ok(FrontMatter { talks: None }) => 0,
        Err(not_a_list) => {
            return FrontMatterTalks {
                talks: None,
                errors: vec![talks_error(&not_a_list)],
            }
        }
    };
    let mut out = FrontMatterTalks {
        talks: Some(Vec::with_capacity(count)),
        errors: Vec::new(),
    };
    for index in 0..count {
        let read = serde_norway::Deserializer::from_str(yaml).deserialize_map(OneEntry { index });
        match read {
            Ok(Some(entry)) => out
                .talks
                .get_or_insert_with(Vec::new)
                .push(entry.into_talk()),
            Ok(None) => {}
            Err(err) => out.errors.push(talks_error(&err)),
        }
    }
    if out.errors.is_empty() {
        // Cannot happen when the entries read one by one as they did together; say what the
        // parser said rather than nothing.
        out.errors.push(talks_error(&first));
    }
    out
}

fn talks_error(err: &serde_norway::Error) -> TalksError {
    TalksError {
        line: err.location().map_or(1, |l| l.line()),
        message: without_location(&err.to_string()),
    }
}

/// Reads entry `index` of the `talks:` list alone, skipping every other value, so that its
/// error carries its own line.
struct OneEntry {
    index: usize,
}

impl<'de> de::Visitor<'de> for OneEntry {
    type Value = Option<Entry>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`key: value` lines")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<serde_norway::Value>()? {
            if key.as_str() == Some("talks") {
                found = map.next_value_seed(NthOf { index: self.index })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

struct NthOf {
    index: usize,
}

impl<'de> DeserializeSeed<'de> for NthOf {
    type Value = Option<Entry>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> de::Visitor<'de> for NthOf {
    type Value = Option<Entry>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of talks")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        for _ in 0..self.index {
            seq.next_element::<IgnoredAny>()?;
        }
        let entry = seq.next_element::<Entry>()?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(entry)
    }
}

/// The part of the front matter read here; every other key is read by the post reader.
#[derive(Deserialize)]
#[serde(bound = "T: Deserialize<'de>")]
struct FrontMatter<T> {
    #[serde(default, deserialize_with = "present")]
    talks: Option<Vec<T>>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a talk: title, speakers, start, video_url, takeaways, links"
)]
struct Entry {
    #[serde(default, deserialize_with = "title")]
    title: Option<String>,
    #[serde(default)]
    speakers: Vec<SpeakerEntry>,
    #[serde(default, deserialize_with = "start")]
    start: Option<u32>,
    #[serde(default, deserialize_with = "video_url")]
    video_url: Option<String>,
    #[serde(default, deserialize_with = "takeaways")]
    takeaways: Vec<String>,
    #[serde(default)]
    links: Vec<LinkEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a speaker: name and org")]
struct SpeakerEntry {
    #[serde(deserialize_with = "name")]
    name: String,
    #[serde(default, deserialize_with = "org")]
    org: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a link: label and url")]
struct LinkEntry {
    #[serde(deserialize_with = "label")]
    label: String,
    #[serde(deserialize_with = "url")]
    url: String,
}

impl Entry {
    fn into_talk(self) -> Talk {
        Talk {
            title: self.title,
            speakers: self
                .speakers
                .into_iter()
                .map(|s| Speaker {
                    name: s.name,
                    org: s.org,
                })
                .collect(),
            start: self.start,
            video_url: self.video_url,
            takeaways: self.takeaways,
            links: self
                .links
                .into_iter()
                .map(|l| Link {
                    label: l.label,
                    url: l.url,
                })
                .collect(),
        }
    }
}

/// A key that is written must have a value: `talks:` alone is a slip, not "no talks" (that is
/// `talks: []`) nor "extract as usual" (that is no key).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    struct Visitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> de::Visitor<'de> for Visitor<T> {
        type Value = Option<Vec<T>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of talks (`talks: []` for none)")
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = seq.next_element()? {
                entries.push(entry);
            }
            Ok(Some(entries))
        }
    }
    d.deserialize_any(Visitor(PhantomData))
}

/// Text with its runs of whitespace made single spaces; blank text is refused. `key` names the
/// field in the message, since the parser's path stops at the entry for a refusal made here.
fn text_of<'de, D: Deserializer<'de>>(d: D, key: &str) -> Result<String, D::Error> {
    let written = String::deserialize(d)?;
    let squashed = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if squashed.is_empty() {
        return Err(de::Error::custom(format!(
            "{key} is empty (leave the key out instead)"
        )));
    }
    Ok(squashed)
}

fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_of(d, "name")
}

fn label<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_of(d, "label")
}

fn title<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text_of(d, "title").map(Some)
}

fn org<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text_of(d, "org").map(Some)
}

fn takeaways<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Takeaway(#[serde(deserialize_with = "takeaway")] String);
    fn takeaway<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        text_of(d, "a takeaway")
    }
    Ok(Vec::<Takeaway>::deserialize(d)?
        .into_iter()
        .map(|t| t.0)
        .collect())
}

/// A URL the viewer may link to: `http(s)`, `mailto` or relative.
fn url_of<'de, D: Deserializer<'de>>(d: D, key: &str) -> Result<String, D::Error> {
    let written = text_of(d, key)?;
    safe_url(&written).ok_or_else(|| {
        de::Error::custom(format!(
            "{key} {written:?} is not a link the viewer may show (http, https, mailto or a relative URL)"
        ))
    })
}

fn url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    url_of(d, "url")
}

fn video_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    url_of(d, "video_url").map(Some)
}

/// Seconds into the video (`183`) or clock text (`3:03`, `1:07:55`); `t=` forms (`1m40s`) too.
fn start<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct Visitor;
    impl de::Visitor<'_> for Visitor {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("seconds into the video (183) or clock text (3:03, 1:07:55)")
        }
        fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
            u32::try_from(value)
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }
        fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
            u64::try_from(value)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
                .and_then(|v| self.visit_u64(v))
        }
        fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
            parse_time_param(value)
                .map(Some)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }
    d.deserialize_any(Visitor)
}

/// The parser's message without its " at line L column C", which the caller reports as the
/// post's own `FILE:LINE`.
fn without_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn err(yaml: &str) -> TalksError {
        let read = front_matter_talks(yaml);
        assert_eq!(read.errors.len(), 1, "{yaml}\n{read:?}");
        read.errors[0].clone()
    }

    #[test]
    fn a_full_list() {
        let yaml = "\
title: May
talks:
  - title: \"  Calm in a\n      Crisis \"
    speakers:
      - name: Priya Natarajan
        org: Quillbyte
      - name: Sam Osei
    start: \"41:07\"
    takeaways:
      - Write the runbook first.
    links:
      - label: slides
        url: https://slides.example/calm
  - speakers: [{name: Dana Ruiz}]
    start: 1:07:55
  - title: Lightning round
    start: 183
  - title: Unquoted clock
    start: 3:03
  - title: Units
    start: 1m40s
";
        let read = front_matter_talks(yaml);
        assert_eq!(read.errors, []);
        let talks = read.talks.unwrap();
        assert_eq!(talks.len(), 5);
        assert_eq!(talks[0].title.as_deref(), Some("Calm in a Crisis"));
        assert_eq!(
            talks[0].speakers,
            [
                Speaker {
                    name: "Priya Natarajan".into(),
                    org: Some("Quillbyte".into())
                },
                Speaker {
                    name: "Sam Osei".into(),
                    org: None
                }
            ]
        );
        assert_eq!(talks[0].start, Some(2467));
        assert_eq!(talks[0].takeaways, ["Write the runbook first."]);
        assert_eq!(talks[0].links[0].url, "https://slides.example/calm");
        assert_eq!(talks[1].title, None);
        let starts: Vec<_> = talks.iter().map(|t| t.start).collect();
        assert_eq!(
            starts,
            [Some(2467), Some(4075), Some(183), Some(183), Some(100)]
        );
    }

    #[test]
    fn no_key_and_an_empty_list() {
        assert_eq!(
            front_matter_talks("title: x\n"),
            FrontMatterTalks::default()
        );
        assert_eq!(front_matter_talks("").talks, None);
        assert_eq!(
            front_matter_talks("talks: []\n"),
            FrontMatterTalks {
                talks: Some(vec![]),
                errors: vec![]
            }
        );
    }

    #[test]
    fn every_bad_entry_is_reported_and_the_good_ones_kept() {
        let yaml = "\
talks:
  - title: One
  - title: Two
    start: soon
  - title: Three
  - title: Four
    links:
      - label: slides
  - title: Five
";
        let read = front_matter_talks(yaml);
        let titles: Vec<_> = read
            .talks
            .unwrap()
            .into_iter()
            .map(|t| t.title.unwrap())
            .collect();
        assert_eq!(titles, ["One", "Three", "Five"]);
        let errors: Vec<_> = read
            .errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                (4, "talks[1].start: invalid value: string \"soon\", expected seconds into the video (183) or clock text (3:03, 1:07:55)"),
                (8, "talks[3].links[0]: missing field `url`"),
            ]
        );
    }

    #[test]
    fn bad_entries_name_the_entry_and_its_line() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "title: x\ntalks:\n  - title: A\n    start: soon\n",
                4,
                "talks[0].start: invalid value: string \"soon\", expected seconds",
            ),
            (
                "talks:\n  - title: A\n  - title: B\n    speaker: Dana Ruiz\n",
                4,
                "talks[1]: unknown field `speaker`, expected one of",
            ),
            (
                "talks:\n  - title: A\n    speakers:\n      - org: Fernhill\n",
                4,
                "talks[0].speakers[0]: missing field `name`",
            ),
            (
                "talks:\n  - title: A\n    speakers:\n      - name: \"  \"\n",
                4,
                "talks[0].speakers[0]: name is empty",
            ),
            (
                "talks:\n  - title: A\n    links:\n      - label: slides\n        url: \"javascript:alert(1)\"\n",
                4,
                "talks[0].links[0]: url \"javascript:alert(1)\" is not a link the viewer may show",
            ),
            (
                "talks: Dana Ruiz\n",
                1,
                "talks: invalid type: string \"Dana Ruiz\", expected a list of talks",
            ),
            (
                "title: x\ntalks:\n",
                2,
                "talks: invalid type: unit value, expected a list of talks (`talks: []` for none)",
            ),
            (
                "talks:\n  - Calm in a Crisis\n",
                2,
                "talks[0]: invalid type: string \"Calm in a Crisis\", expected a talk: title, speakers",
            ),
            (
                "talks:\n  - title: A\n    speakers:\n      - Dana Ruiz\n",
                4,
                "talks[0].speakers[0]: invalid type: string \"Dana Ruiz\", expected a speaker: name and org",
            ),
            (
                "talks:\n  - title: A\n    start: -5\n",
                3,
                "talks[0].start: invalid value: integer `-5`",
            ),
            (
                "talks:\n  - title: A\n    start: 75.5\n",
                3,
                "talks[0].start: invalid type: floating point `75.5`",
            ),
            (
                "talks:\n  - title: A\n    takeaways: one long line\n",
                3,
                "talks[0].takeaways: invalid type: string \"one long line\", expected a sequence",
            ),
        ];
        for (yaml, line, message) in cases {
            let error = err(yaml);
            assert_eq!(error.line, *line, "{yaml}\n{error:?}");
            assert!(
                error.message.starts_with(message),
                "{yaml}\n{}",
                error.message
            );
        }
    }
}
