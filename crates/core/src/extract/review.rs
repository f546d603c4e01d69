//! What an organiser should check in the talks extracted from a post.
//!
//! The extractor always gives an answer; some answers are weaker than others. [`review`] reads
//! the post again beside its talks and names what looks doubtful: a talk without a title or a
//! speaker, a title that reads as a sentence of the post, a speaker whose organisation the post
//! gives elsewhere, a talk without a start when there is a recording, and a link to a moment of
//! the recording that no talk starts at (a talk the extractor may have missed).

use std::fmt;

use super::EventMeta;
use crate::blocks::{plain_text, Block, Inline};
use crate::feed::Talk;
use crate::time::format_clock;
use crate::video::parse_video_url;

/// Something an organiser should check about a post's extracted talks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doubt {
    /// The talk has no title.
    NoTitle {
        /// The talk, counted from 0.
        talk: usize,
    },
    /// The talk's title reads as a sentence of the post (see `reads_as_sentence`).
    SentenceTitle {
        /// The talk, counted from 0.
        talk: usize,
    },
    /// The talk has no speaker.
    NoSpeaker {
        /// The talk, counted from 0.
        talk: usize,
    },
    /// A speaker has no organisation, while the post names one for them elsewhere.
    OrgElsewhere {
        /// The talk, counted from 0.
        talk: usize,
        /// The speaker as the talk names them.
        name: String,
        /// The organisation the post gives them elsewhere.
        org: String,
    },
    /// The talk has no start, while the post has an event recording.
    NoStart {
        /// The talk, counted from 0.
        talk: usize,
    },
    /// A link to a moment of the recording that no talk starts at: about the post, not a talk.
    TimeLinkWithoutTalk {
        /// The moment, in seconds.
        start: u32,
        /// The line the link is on, shortened.
        text: String,
    },
}

impl Doubt {
    /// The talk it is about, counted from 0; `None` for a doubt about the whole post.
    pub fn talk(&self) -> Option<usize> {
        match self {
            Doubt::NoTitle { talk }
            | Doubt::SentenceTitle { talk }
            | Doubt::NoSpeaker { talk }
            | Doubt::OrgElsewhere { talk, .. }
            | Doubt::NoStart { talk } => Some(*talk),
            Doubt::TimeLinkWithoutTalk { .. } => None,
        }
    }
}

/// What to check, for the organiser: `no title`, `a time link with no talk: 41:07 "Dana's demo"`.
impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Doubt::NoTitle { .. } => f.write_str("no title"),
            Doubt::SentenceTitle { .. } => f.write_str("the title reads as a sentence"),
            Doubt::NoSpeaker { .. } => f.write_str("no speaker"),
            Doubt::OrgElsewhere { name, org, .. } => write!(
                f,
                "{name} has no organisation here; the post names {org:?} elsewhere"
            ),
            Doubt::NoStart { .. } => f.write_str("no start, and the post has a recording"),
            Doubt::TimeLinkWithoutTalk { start, text } => write!(
                f,
                "a time link with no talk: {} {text:?}",
                format_clock(*start)
            ),
        }
    }
}

/// What an organiser should check in `talks`, extracted from `blocks` with `meta`: the talks'
/// doubts in talk order, then the post's time links that no talk starts at, in the post's order.
pub fn review(blocks: &[Block], meta: EventMeta<'_>, talks: &[Talk]) -> Vec<Doubt> {
    let blocks = super::split_loose_bullets(blocks);
    let people = super::gather(&blocks).people;
    let recording = meta.video.map(str::trim).and_then(parse_video_url);
    let mut doubts = Vec::new();
    for (index, talk) in talks.iter().enumerate() {
        match talk.title.as_deref() {
            None => doubts.push(Doubt::NoTitle { talk: index }),
            Some(title) if reads_as_sentence(title) => {
                doubts.push(Doubt::SentenceTitle { talk: index });
            }
            Some(_) => {}
        }
        if talk.speakers.is_empty() {
            doubts.push(Doubt::NoSpeaker { talk: index });
        }
        for speaker in talk.speakers.iter().filter(|s| s.org.is_none()) {
            if let Some(org) = people.resolve(speaker).org {
                doubts.push(Doubt::OrgElsewhere {
                    talk: index,
                    name: speaker.name.clone(),
                    org,
                });
            }
        }
        if talk.start.is_none() && recording.is_some() {
            doubts.push(Doubt::NoStart { talk: index });
        }
    }
    let mut seen: Vec<u32> = talks.iter().filter_map(|t| t.start).collect();
    for (url, text) in blocks.iter().flat_map(links_of) {
        // The recording's very beginning is where a welcome is, not a talk the post tells.
        let Some(start) = super::link_start(url).filter(|&start| start > 0) else {
            continue;
        };
        // A moment of another video is not a moment of this event.
        let other_video = parse_video_url(url).is_some_and(|video| {
            recording
                .as_ref()
                .is_some_and(|r| r.host != video.host || r.id != video.id)
        });
        if other_video || seen.contains(&start) {
            continue;
        }
        seen.push(start);
        doubts.push(Doubt::TimeLinkWithoutTalk { start, text });
    }
    doubts
}

/// The links of a block, as `(url, line)`: the text of the line the link is on, which says
/// what the moment is when the link's own text is only its time (`[1:02:00](…) Panel`).
fn links_of(block: &Block) -> Vec<(&str, String)> {
    let items: Vec<&[Inline]> = match block {
        Block::Heading { inlines, .. } | Block::Paragraph(inlines) => vec![inlines],
        Block::List(items) => items.iter().map(Vec::as_slice).collect(),
        Block::Image { .. } | Block::Embed { .. } => Vec::new(),
    };
    let mut out = Vec::new();
    for line in items
        .into_iter()
        .flat_map(|item| item.split(|i| *i == Inline::Break))
    {
        for inline in line {
            if let Inline::Link { url, .. } = inline {
                out.push((url.as_str(), shortened(&plain_text(line))));
            }
        }
    }
    out
}

/// The most characters of a line quoted in a doubt.
const MAX_QUOTED_CHARS: usize = 60;

/// Text squashed to one line of at most [`MAX_QUOTED_CHARS`], cut at a word with `…`.
fn shortened(text: &str) -> String {
    let text = super::text::squash(text);
    if text.chars().count() <= MAX_QUOTED_CHARS {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > MAX_QUOTED_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Lower-case words that start a sentence of prose but not a talk's title: pronouns, articles,
/// conjunctions and prepositions. A title may start with a lower-case word of code or a brand
/// (`kubectl debug and friends`, `eBPF for people who don't write kernels`), never with these.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "the", "and", "but", "so", "then", "also", "he", "she", "they", "we", "i", "it",
    "his", "her", "their", "our", "this", "that", "there", "which", "who", "was", "were", "is",
    "in", "on", "at", "with", "about", "from", "after", "before", "during",
];

/// Verbs that, after `he`, `she` or `they`, tell what someone did: the post narrating, not a
/// title. Besides these, any word ending in `-ed` counts.
const NARRATING_VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "gave", "showed", "shows", "spoke", "speaks", "took",
    "takes", "told", "tells", "said", "says", "went", "did", "does", "made", "makes", "will",
    "would", "can", "could", "also", "then",
];

/// The most words a title is taken to have.
const MAX_TITLE_WORDS: usize = 16;

/// The most words of an all-lower-case title (but for its first word).
const MAX_LOWER_CASE_WORDS: usize = 8;

/// Whether a talk's title reads as a sentence of the post rather than a title. Any one of:
/// - it ends with a full stop (not an ellipsis);
/// - it has more than 16 words;
/// - its first word is a lower-case pronoun, article, conjunction or preposition
///   ("the", "she", "after"; a lower-case name of code such as `kubectl` is fine);
/// - `he`, `she` or `they` is followed by a verb that narrates, one ending in `-ed` or a few
///   common ones: "she showed", "they were";
/// - it has more than 8 words and none but the first starts with a capital letter or a digit.
///
/// Titles such as "What we learned from a hundred postmortems" or "Do you really need a service
/// mesh?" read as titles: `we` and `you` are how titles speak.
pub(super) fn reads_as_sentence(title: &str) -> bool {
    let title = title.trim();
    let words: Vec<&str> = title
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let full_stop = title.ends_with('.') && !title.ends_with("..");
    let opener = first.starts_with(|c: char| c.is_lowercase()) && SENTENCE_OPENERS.contains(first);
    let narrates = words.windows(2).any(|pair| {
        let [subject, verb] = pair else {
            return false;
        };
        let (subject, verb) = (subject.to_lowercase(), verb.to_lowercase());
        matches!(subject.as_str(), "he" | "she" | "they")
            && (verb.ends_with("ed") || NARRATING_VERBS.contains(&verb.as_str()))
    });
    let lower_case = words.len() > MAX_LOWER_CASE_WORDS
        && words
            .iter()
            .skip(1)
            .all(|w| !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    full_stop || words.len() > MAX_TITLE_WORDS || opener || narrates || lower_case
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn titles_read_as_titles() {
        for title in [
            "Calm in a Crisis",
            "What we learned from a hundred postmortems",
            "Do you really need a service mesh?",
            "kubectl debug and friends",
            "eBPF for people who don't write kernels",
            "dbt at three thousand models",
            "How to Make Things Better: Practical Insights from DevOps to Director",
            "Building fundraising software using cloud-native and event-driven architectures",
            "Cert-manager can do SPIFFE? Solving multi-cloud workload identity using a de facto standard tool",
            "Ten Things I Wish I Knew About Helm",
            "What they don't tell you about on-call",
            "Waiting...",
        ] {
            assert!(!reads_as_sentence(title), "{title}");
        }
    }

    #[test]
    fn sentences_do_not() {
        for title in [
            "She walked us through the migration.",
            "the team moved every service to a new cluster",
            "Dana explained how she rebuilt the deploy pipeline in a weekend",
            "Then she showed a demo of the new deploy pipeline",
            "Afterwards there was pizza and a long conversation about the future of the meetup and who would organise it next year",
            "Our first speaker talked about moving from one big repository to many small ones",
        ] {
            assert!(reads_as_sentence(title), "{title}");
        }
    }

    #[cfg(feature = "markdown")]
    fn doubts(markdown: &str, video: Option<&str>) -> (Vec<Talk>, Vec<Doubt>) {
        let blocks = crate::markdown::to_blocks(markdown);
        let meta = EventMeta {
            location: None,
            video,
        };
        let talks = super::super::extract(&blocks, meta).recap.talks.unwrap();
        let doubts = review(&blocks, meta, &talks);
        (talks, doubts)
    }

    const VIDEO: &str = "https://www.youtube.com/watch?v=AbCdEfGhIjK";

    #[cfg(feature = "markdown")]
    #[test]
    fn a_clean_post_gives_no_doubts() {
        let (talks, doubts) = doubts(
            "First up was Ada Lovelace from Loom Works discussing [Punch cards at scale](https://youtu.be/AbCdEfGhIjK?t=95).\n\n\
             Next up was Dana Ruiz from Fernhill discussing [Calm in a Crisis](https://youtu.be/AbCdEfGhIjK?t=2467). She said:\n\n\
             * Write the runbook first.\n* [Her demo](https://youtu.be/AbCdEfGhIjK?t=2467) showed why.\n",
            Some(VIDEO),
        );
        assert_eq!(talks.len(), 2, "{talks:#?}");
        assert_eq!(doubts, []);
    }

    #[test]
    fn no_title_and_no_speaker_are_doubts() {
        let talks = [Talk::default()];
        assert_eq!(
            review(&[], EventMeta::default(), &talks),
            [Doubt::NoTitle { talk: 0 }, Doubt::NoSpeaker { talk: 0 }]
        );
        assert_eq!(Doubt::NoTitle { talk: 0 }.to_string(), "no title");
        assert_eq!(Doubt::NoSpeaker { talk: 0 }.talk(), Some(0));
    }

    #[test]
    fn a_sentence_for_a_title_is_a_doubt() {
        let talks = [Talk {
            title: Some("She walked us through the migration.".into()),
            speakers: vec![crate::feed::Speaker {
                name: "Dana Ruiz".into(),
                org: Some("Fernhill".into()),
            }],
            ..Talk::default()
        }];
        let doubts = review(&[], EventMeta::default(), &talks);
        assert_eq!(doubts, [Doubt::SentenceTitle { talk: 0 }]);
        assert_eq!(doubts[0].to_string(), "the title reads as a sentence");
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_speaker_whose_organisation_the_post_gives_elsewhere() {
        let (talks, doubts) = doubts(
            "Our speakers were Dana Ruiz (Fernhill) and Sam Osei (Quillbyte).\n\n\
             03:03 Cost is a feature - Dana Ruiz\n41:07 Calm in a Crisis - Sam Osei, Quillbyte\n",
            None,
        );
        assert_eq!(talks.len(), 2, "{talks:#?}");
        assert_eq!(talks[0].speakers[0].org, None, "{talks:#?}");
        assert_eq!(
            doubts,
            [Doubt::OrgElsewhere {
                talk: 0,
                name: "Dana Ruiz".into(),
                org: "Fernhill".into()
            }]
        );
        assert_eq!(
            doubts[0].to_string(),
            "Dana Ruiz has no organisation here; the post names \"Fernhill\" elsewhere"
        );
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_time_link_that_no_talk_starts_at_is_a_doubt_about_the_post() {
        let (talks, doubts) = doubts(
            "First up was Ada Lovelace from Loom Works discussing [Punch cards at scale](https://youtu.be/AbCdEfGhIjK?t=95). She said:\n\n\
             * Looms are programmable.\n\
             * After the break there was a [surprise demo](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=41m7s).\n\
             * Like the [one at another meetup](https://youtu.be/ZzZzZzZzZzZ?t=60).\n\
             * The [welcome](https://youtu.be/AbCdEfGhIjK?t=0) was short.\n",
            Some(VIDEO),
        );
        assert_eq!(talks.len(), 1, "{talks:#?}");
        assert_eq!(
            doubts,
            [Doubt::TimeLinkWithoutTalk {
                start: 2467,
                text: "After the break there was a surprise demo.".into()
            }]
        );
        assert_eq!(doubts[0].talk(), None);
        assert_eq!(
            doubts[0].to_string(),
            "a time link with no talk: 41:07 \"After the break there was a surprise demo.\""
        );
    }

    #[test]
    fn a_long_line_is_shortened_at_a_word() {
        let line = "Then Dana showed a surprise demo of the new deploy pipeline, which broke twice";
        let short = shortened(line);
        assert_eq!(
            short,
            "Then Dana showed a surprise demo of the new deploy pipeline,…"
        );
        assert!(short.chars().count() <= MAX_QUOTED_CHARS + 1);
        assert_eq!(shortened("  Panel \n and Q&A "), "Panel and Q&A");
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn no_start_is_a_doubt_only_with_a_recording() {
        let post = "## Operators in anger\n\n**Speaker:** Dana Whit, Quayside Bank\n\n* Reconcile loops.\n";
        let (talks, with) = doubts(post, Some(VIDEO));
        assert_eq!(talks.len(), 1, "{talks:#?}");
        assert_eq!(with, [Doubt::NoStart { talk: 0 }]);
        assert_eq!(
            with[0].to_string(),
            "no start, and the post has a recording"
        );
        let (_, without) = doubts(post, None);
        assert_eq!(without, []);
    }
}
