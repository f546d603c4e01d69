//! A paragraph flattened into its text, with where its links and emphasis are, and what every
//! recap shape asks of it: links that say nothing, links to a talk's material, links on a time,
//! and the text around a point.

use super::link_start;
use crate::blocks::Inline;
use crate::time::parse_clock;

/// Link texts that say nothing about the talk.
const GENERIC_LINKS: &[&str] = &[
    "here",
    "this",
    "link",
    "video",
    "the video",
    "recording",
    "the recording",
    "watch",
    "watch it",
    "watch here",
    "youtube",
    "stream",
    "the stream",
    "livestream",
];

/// Link texts that name a resource rather than a talk.
const RESOURCE_WORDS: &[&str] = &[
    "slide",
    "deck",
    "repo",
    "code",
    "demo",
    "github",
    "gitlab",
    "notes",
    "blog",
    "paper",
    "article",
    "resources",
    "docs",
    "pdf",
    "workshop",
    "website",
    "example",
    "linkedin",
    "twitter",
    "mastodon",
    "bluesky",
    "profile",
    "homepage",
];

/// Paragraph text with the positions of its links.
pub(super) struct Flat {
    pub(super) text: String,
    pub(super) links: Vec<FlatLink>,
    /// Byte ranges of emphasised text.
    pub(super) emphases: Vec<(usize, usize)>,
}

pub(super) struct FlatLink {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) url: String,
}

pub(super) fn flatten(inlines: &[Inline]) -> Flat {
    let mut text = String::new();
    let mut links = Vec::new();
    let mut emphases = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => text.push_str(t),
            Inline::Emphasis(t) => {
                let start = text.len();
                text.push_str(t);
                emphases.push((start, text.len()));
            }
            Inline::Break => text.push('\n'),
            Inline::Link { text: t, url } => {
                let start = text.len();
                text.push_str(t);
                links.push(FlatLink {
                    start,
                    end: text.len(),
                    text: t.clone(),
                    url: url.clone(),
                });
            }
        }
    }
    Flat {
        text,
        links,
        emphases,
    }
}

pub(super) fn is_generic(text: &str) -> bool {
    GENERIC_LINKS.contains(&text.trim().to_ascii_lowercase().as_str())
}

pub(super) fn is_clock(text: &str) -> bool {
    parse_clock(text).is_some()
}

/// A link to a talk's slides, code or notes, not to the talk: a resource name, unless the link
/// points at a moment of a recording ("[Policy as Code](…?t=861)" is the talk).
pub(super) fn is_resource_link(link: &FlatLink) -> bool {
    is_resource(&link.text) && link_start(&link.url).is_none()
}

pub(super) fn is_resource(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    RESOURCE_WORDS.iter().any(|w| lower.contains(w))
}

/// How far around a point the clause-level cues look, in bytes: a clause is short, and a long
/// paragraph must not make every look a pass over all of it.
const WINDOW: usize = 300;

/// Up to [`WINDOW`] bytes of text before `at`, from a character boundary.
pub(super) fn window_before(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let mut from = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at).unwrap_or_default()
}

/// Up to [`WINDOW`] bytes of text after `at`, to a character boundary.
pub(super) fn window_after(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let mut to = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(at..to).unwrap_or_default()
}
