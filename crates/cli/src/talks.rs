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
//! and its line. `talks: []` says the post has no talks.

use std::fmt;

use recap_core::time::parse_time_param;
use recap_core::url::safe_url;
use recap_core::{Link, Speaker, Talk};
use serde::de::{self, Deserializer};
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

/// The talks a front matter lists, `None` when it has no `talks:` key.
pub fn front_matter_talks(yaml: &str) -> Result<Option<Vec<Talk>>, TalksError> {
    let front: FrontMatter = serde_norway::from_str(yaml).map_err(|err| TalksError {
        line: err.location().map_or(1, |l| l.line()),
        message: without_location(&err.to_string()),
    })?;
    Ok(front
        .talks
        .map(|entries| entries.into_iter().map(Entry::into_talk).collect()))
}

/// The part of the front matter read here; every other key is read by the post reader.
#[derive(Deserialize)]
struct FrontMatter {
    #[serde(default, deserialize_with = "present")]
    talks: Option<Vec<Entry>>,
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
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Entry>>, D::Error> {
    struct Visitor;
    impl<'de> de::Visitor<'de> for Visitor {
        type Value = Option<Vec<Entry>>;
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
    d.deserialize_any(Visitor)
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
        front_matter_talks(yaml).unwrap_err()
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
        let talks = front_matter_talks(yaml).unwrap().unwrap();
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
        assert_eq!(front_matter_talks("title: x\n").unwrap(), None);
        assert_eq!(front_matter_talks("").unwrap(), None);
        assert_eq!(front_matter_talks("talks: []\n").unwrap(), Some(vec![]));
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
