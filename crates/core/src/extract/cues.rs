//! Where each field of an extracted talk came from. The extractor reads cues of different
//! strength (a linked title is surer than capitalised words after an opening phrase, a full name
//! surer than a first name matched against the roster); an organiser checking the talks
//! (`recap-feed check --talks`) sees which cue gave what, and the post-level rules ask it too.

use std::fmt;

use crate::feed::Talk;

/// The recap shape a talk was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A paragraph of prose ("Next up we had X from A discussing …").
    Prose,
    /// A heading of its own, with a speaker line under it.
    Heading,
    /// Labelled lines: `Talk:`, `Speaker:`, `Video:`.
    Labelled,
    /// A chapter line: `03:03 Title — Name (Org)`.
    Chapter,
    /// A talk on one line: a bullet, a line of a paragraph, a heading.
    OneLine,
    /// A row of a table.
    Table,
}

/// The cue that gave one field of a talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Nothing did: the field is empty.
    Absent,
    /// A link: its text for a title, its `t=`/`start=` for a start.
    Link,
    /// Emphasised words.
    Emphasis,
    /// Quoted words.
    Quote,
    /// Words after a phrase that names a talk ("told us about", "titled").
    Phrase,
    /// What sits between the speaker clause's opening phrase and the time.
    Opening,
    /// A title written before its speakers ("“T” was the topic for X").
    Before,
    /// A heading's text.
    Heading,
    /// A labelled line (`Speaker:`, `Talk:`, `Video:`).
    Label,
    /// One side of a one-line talk, a chapter line or a table cell.
    Line,
    /// A speaker clause in prose: "X from A", "X (A)", "X, a developer at A".
    Clause,
    /// A first name that the post gives in full elsewhere (a roster, a photo, a heading).
    Roster,
    /// A person the post showed just before the paragraph (a photo, a heading with a name).
    Shown,
    /// A time written as text ("(starting at 3:03)").
    Text,
}

impl Cue {
    /// Whether the cue is one that a careful reader would want to check.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            Cue::Phrase | Cue::Opening | Cue::Before | Cue::Roster | Cue::Shown
        )
    }

    /// A word or two for the cue, as `check --talks` prints it.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Cue::Absent => "none",
            Cue::Link => "a link",
            Cue::Emphasis => "emphasis",
            Cue::Quote => "quotes",
            Cue::Phrase => "a phrase before it",
            Cue::Opening => "its place before the time",
            Cue::Before => "a title before the speakers",
            Cue::Heading => "a heading",
            Cue::Label => "a labelled line",
            Cue::Line => "a line of its own",
            Cue::Clause => "a speaker clause",
            Cue::Roster => "a first name and the roster",
            Cue::Shown => "a photo or heading before it",
            Cue::Text => "the text",
        }
    }
}

impl fmt::Display for Cue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Which cue gave each field of one talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cues {
    /// The shape the talk was read from.
    pub shape: Shape,
    /// What gave the title.
    pub title: Cue,
    /// What gave the speakers.
    pub speakers: Cue,
    /// What gave the start.
    pub start: Cue,
}

impl Cues {
    /// The cues of a talk read from one shape, where one cue gave the title and one the
    /// speakers; the start's cue is read from the talk (its link's `t=`, else the text).
    pub(crate) fn of(shape: Shape, talk: &Talk, title: Cue, speakers: Cue) -> Cues {
        let start = match talk.start {
            None => Cue::Absent,
            Some(start) => {
                let linked = talk.video_url.as_deref().and_then(super::link_start);
                if linked == Some(start) {
                    Cue::Link
                } else {
                    Cue::Text
                }
            }
        };
        Cues {
            shape,
            title: if talk.title.is_some() {
                title
            } else {
                Cue::Absent
            },
            speakers: if talk.speakers.is_empty() {
                Cue::Absent
            } else {
                speakers
            },
            start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_have_no_cue_and_a_start_says_where_it_came_from() {
        let mut talk = Talk {
            start: Some(183),
            video_url: Some("https://youtu.be/AbCdEfGhIjK?t=183".into()),
            ..Talk::default()
        };
        let cues = Cues::of(Shape::Prose, &talk, Cue::Link, Cue::Clause);
        assert_eq!(cues.title, Cue::Absent);
        assert_eq!(cues.speakers, Cue::Absent);
        assert_eq!(cues.start, Cue::Link);
        talk.video_url = None;
        assert_eq!(
            Cues::of(Shape::Chapter, &talk, Cue::Line, Cue::Line).start,
            Cue::Text
        );
        assert!(Cue::Opening.is_weak() && !Cue::Link.is_weak());
    }
}
