//! Talks told in prose, in headed sections and in chapter lines.

use super::speakers::{looks_like_people, prose_speakers, speaker_line, Mention};
use super::text::{clean_title, squash};
use super::{link_start, resource};
use crate::blocks::{plain_text, Inline};
use crate::feed::{Speaker, Talk};
use crate::time::{find_clocks, format_clock, parse_clock};

/// Phrases after which a talk's title follows in prose.
const TITLE_MARKERS: &[&str] = &[
    " asking ",
    " asked ",
    " discussing ",
    " discussed ",
    " presenting ",
    " presented ",
    " titled ",
    " entitled ",
    " called ",
    " talk on ",
    " talk about ",
    " talked about ",
    " spoke about ",
    " speaking about ",
    " talking about ",
    " session on ",
    " introducing ",
    " demonstrating ",
    " exploring ",
];

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
];

/// Paragraph text with the positions of its links.
struct Flat {
    text: String,
    links: Vec<FlatLink>,
    /// Byte ranges of emphasised text.
    emphases: Vec<(usize, usize)>,
}

struct FlatLink {
    start: usize,
    end: usize,
    text: String,
    url: String,
}

fn flatten(inlines: &[Inline]) -> Flat {
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

fn is_generic(text: &str) -> bool {
    GENERIC_LINKS.contains(&text.trim().to_ascii_lowercase().as_str())
}

fn is_clock(text: &str) -> bool {
    parse_clock(text).is_some()
}

fn is_resource(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    RESOURCE_WORDS.iter().any(|w| lower.contains(w))
}

/// The talks a paragraph introduces.
pub fn talks(inlines: &[Inline], diagnostics: &mut Vec<String>) -> Vec<Talk> {
    let flat = flatten(inlines);
    let mentions = prose_speakers(&flat.text);
    let mut talks = Vec::new();
    if mentions.is_empty() {
        // A talk with no named speaker still counts when a titled link points at its moment.
        if let Some(talk) = segment_talk(&flat, &[], 0, 0, flat.text.len(), diagnostics) {
            let video_moment = talk.video_url.as_deref().and_then(link_start).is_some();
            if talk.title.is_some() && video_moment {
                talks.push(talk);
            }
        }
        return talks;
    }
    let clusters = cluster(&flat.text, &mentions);
    for (k, cluster) in clusters.iter().enumerate() {
        let start = cluster[0].start;
        let after = cluster.iter().map(|m| m.end).max().unwrap_or(start);
        let end = clusters
            .get(k + 1)
            .map_or(flat.text.len(), |next| next[0].start);
        if let Some(talk) = segment_talk(&flat, cluster, start, after, end, diagnostics) {
            talks.push(talk);
        }
    }
    talks
}

/// Groups mentions joined by "and" or a comma: they are one talk's speakers.
fn cluster<'m>(text: &str, mentions: &'m [Mention]) -> Vec<Vec<&'m Mention>> {
    let mut clusters: Vec<Vec<&Mention>> = Vec::new();
    for mention in mentions {
        let joined = clusters.last().and_then(|c| c.last()).is_some_and(|last| {
            let gap = text.get(last.end..mention.start).unwrap_or("");
            let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ')');
            last.end >= mention.start || matches!(gap, "" | "and" | "&" | "alongside" | "with")
        });
        match clusters.last_mut() {
            Some(last) if joined => last.push(mention),
            _ => clusters.push(vec![mention]),
        }
    }
    clusters
}

/// The talk told in `flat.text[start..end]`, whose speakers' mentions end at `after`.
fn segment_talk(
    flat: &Flat,
    cluster: &[&Mention],
    start: usize,
    after: usize,
    end: usize,
    diagnostics: &mut Vec<String>,
) -> Option<Talk> {
    let segment = flat.text.get(start..end)?;
    let lower = segment.to_ascii_lowercase();
    if lower.contains("hosted by") || lower.contains("our host") || lower.contains("welcomed by") {
        return None;
    }
    let orgs: Vec<&str> = cluster
        .iter()
        .filter_map(|m| m.speaker.org.as_deref())
        .collect();
    let links: Vec<&FlatLink> = flat
        .links
        .iter()
        .filter(|l| l.start >= start && l.start < end)
        .filter(|l| {
            !orgs.contains(&l.text.as_str())
                && !cluster.iter().any(|m| l.start >= m.start && l.end <= m.end)
        })
        .collect();
    let mut talk = Talk {
        speakers: cluster.iter().map(|m| m.speaker.clone()).collect(),
        ..Talk::default()
    };
    // The title is the first of: a link, emphasised words, quoted words, after the speakers.
    let title_link = links.iter().find(|l| {
        l.start >= after
            && !is_clock(&l.text)
            && !is_resource(&l.text)
            && !is_generic(&l.text)
            && l.text != l.url
    });
    let emphasis = flat.emphases.iter().find(|(s, e)| {
        *s >= after && *e <= end && flat.text[*s..*e].split_whitespace().count() >= 2
    });
    let quoted = quoted_title(segment, after.saturating_sub(start)).map(|(at, t)| (start + at, t));
    let mut candidates: Vec<(usize, String, Option<&FlatLink>)> = Vec::new();
    if let Some(link) = title_link {
        candidates.push((link.start, link.text.clone(), Some(link)));
    }
    if let Some((s, e)) = emphasis {
        candidates.push((*s, flat.text[*s..*e].to_owned(), None));
    }
    if let Some((at, title)) = quoted {
        candidates.push((at, title, None));
    }
    candidates.sort_by_key(|c| c.0);
    let mut link_time = None;
    if let Some((_, title, link)) = candidates.into_iter().next() {
        talk.title = clean_title(&title);
        if let Some(link) = link {
            talk.video_url = Some(link.url.clone());
            link_time = link_start(&link.url);
        }
    }
    // A link on the time, a bare video URL, or a "watch" link names the moment.
    let time_link = links.iter().find(|l| is_clock(&l.text)).or_else(|| {
        links
            .iter()
            .find(|l| (l.text == l.url || is_generic(&l.text)) && link_start(&l.url).is_some())
    });
    if let Some(link) = time_link {
        if talk.video_url.is_none() || link_time.is_none() {
            talk.video_url = Some(link.url.clone());
            link_time = link_start(&link.url).or_else(|| parse_clock(&link.text));
        }
    }
    if talk.title.is_none() {
        talk.title = prose_title(segment, after.saturating_sub(start));
    }
    // "(starting at 3:03)" in the text, outside the links.
    let text_time = find_clocks(segment)
        .into_iter()
        .find(|c| {
            let at = start + c.start;
            !links
                .iter()
                .any(|l| at >= l.start && at < l.end && !is_clock(&l.text))
        })
        .map(|c| c.seconds);
    talk.start = reconcile(&talk, link_time, text_time, diagnostics);
    for link in &links {
        let used = talk.video_url.as_deref() == Some(link.url.as_str());
        if !used && !is_clock(&link.text) && link.start >= after {
            talk.links.push(resource(&link.text, &link.url));
        }
    }
    (talk.title.is_some() || talk.start.is_some() || talk.video_url.is_some()).then_some(talk)
}

/// The first quoted title after `after`, and where it starts.
fn quoted_title(segment: &str, after: usize) -> Option<(usize, String)> {
    let rest = segment.get(after..)?;
    [('“', '”'), ('"', '"')]
        .iter()
        .filter_map(|(open, close)| {
            let i = rest.find(*open)?;
            let inner = &rest[i + open.len_utf8()..];
            let j = inner.find(*close)?;
            let title = clean_title(&inner[..j])?;
            (title.split_whitespace().count() >= 2).then_some((after + i, title))
        })
        .min_by_key(|(at, _)| *at)
}

/// The start time from a link and from the text: the link wins, and a disagreement is reported.
fn reconcile(
    talk: &Talk,
    link: Option<u32>,
    text: Option<u32>,
    diagnostics: &mut Vec<String>,
) -> Option<u32> {
    if let (Some(a), Some(b)) = (link, text) {
        if a != b {
            diagnostics.push(format!(
                "talk {:?}: the link says {} but the text says {}; the link wins",
                talk.title.as_deref().unwrap_or("untitled"),
                format_clock(a),
                format_clock(b)
            ));
        }
    }
    link.or(text)
}

/// A title told in prose after "asking", "discussing", "a talk on", … up to the end of the
/// sentence or an opening parenthesis.
fn prose_title(segment: &str, after: usize) -> Option<String> {
    let rest = segment.get(after..)?;
    let lower = rest.to_ascii_lowercase();
    let (at, marker) = TITLE_MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|i| (i, *m)))
        .min_by_key(|(i, _)| *i)?;
    // The marker must be near the speakers, not deep in a later sentence.
    if lower[..at].contains(". ") {
        return None;
    }
    let title = rest.get(at + marker.len()..)?;
    let title = title
        .trim_start_matches(|c: char| c.is_whitespace())
        .trim_start_matches("a talk on ")
        .trim_start_matches("a talk about ")
        .trim_start_matches("the topic of ")
        .trim_start_matches("us ");
    let mut end = title.len();
    for stop in [
        " (", ". ", "\n", " — ", " – ", "; ", ", where ", ", which ", ", and ",
    ] {
        if let Some(i) = title.find(stop) {
            end = end.min(i);
        }
    }
    for stop in ["? ", "! "] {
        if let Some(i) = title.find(stop) {
            end = end.min(i + 1);
        }
    }
    let title = clean_title(&title[..end])?;
    // Titles are written capitalised; "on the night" is prose.
    let capitalised = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (capitalised && title.split_whitespace().count() >= 2).then_some(title)
}

/// Speakers on a line that names them: `Speaker: Name, Org`, `Presented by Name (Org)`, or a
/// bare `Name (Org)`.
pub fn labelled_speakers(line: &[Inline]) -> Option<Vec<Speaker>> {
    let text = squash(&plain_text(line));
    let lower = text.to_ascii_lowercase();
    for label in [
        "speakers:",
        "speaker:",
        "presenters:",
        "presenter:",
        "presented by",
        "speaker -",
        "by ",
    ] {
        if lower.starts_with(label) {
            let speakers = speaker_line(text[label.len()..].trim_start_matches([':', ' ']));
            return (!speakers.is_empty()).then_some(speakers);
        }
    }
    let has_org = text.contains('(') || text.contains(", ");
    (has_org && text.split_whitespace().count() <= 10 && looks_like_people(&text))
        .then(|| speaker_line(&text))
}

/// The title of a talk's own heading, and the video link on it if any.
pub fn heading_title(inlines: &[Inline]) -> (Option<String>, Option<(String, Option<u32>)>) {
    for inline in inlines {
        if let Inline::Link { text, url } = inline {
            if !is_clock(text) {
                let title = clean_title(&plain_text(inlines)).or_else(|| clean_title(text));
                return (title, Some((url.clone(), link_start(url))));
            }
        }
    }
    let text = plain_text(inlines);
    let text = strip_talk_number(&text);
    (clean_title(text), None)
}

/// "Talk 2: Title" → "Title".
fn strip_talk_number(text: &str) -> &str {
    let trimmed = text.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("talk ") {
        if let Some((head, rest)) = trimmed.split_once([':', '—', '-']) {
            if head[5..].trim().chars().all(|c| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    text
}

/// Reads a `Video: …`, `Slides: …` or resource-only line into the talk. Returns whether the line
/// was one of those.
pub fn labelled_line(line: &[Inline], talk: &mut Talk, diagnostics: &mut Vec<String>) -> bool {
    let flat = flatten(line);
    let text = flat.text.trim();
    let lower = text.to_ascii_lowercase();
    let label = lower
        .split_once(':')
        .map(|(l, _)| l.trim())
        .filter(|l| l.split_whitespace().count() <= 2);
    match label {
        Some("video" | "recording" | "watch" | "time" | "timestamp" | "starts" | "start") => {
            let link = flat.links.first();
            let link_time = link.and_then(|l| link_start(&l.url));
            let text_time = find_clocks(text).first().map(|c| c.seconds);
            if let Some(link) = link {
                talk.video_url.get_or_insert_with(|| link.url.clone());
            }
            let start = reconcile(talk, link_time, text_time, diagnostics);
            talk.start = talk.start.or(start);
            true
        }
        Some(label)
            if !flat.links.is_empty()
                && (is_resource(label)
                    || matches!(label, "links" | "resources" | "materials" | "more")) =>
        {
            for link in &flat.links {
                talk.links.push(resource(&link.text, &link.url));
            }
            true
        }
        _ if !flat.links.is_empty()
            && flat.links.iter().all(|l| is_resource(&l.text))
            && squash(&text.replace(['(', ')'], " ")).len()
                <= flat.links.iter().map(|l| l.text.len() + 1).sum::<usize>() + 2 =>
        {
            for link in &flat.links {
                talk.links.push(resource(&link.text, &link.url));
            }
            true
        }
        _ => false,
    }
}

/// The time a chapter line starts with, the link on it, and where the rest of the line starts.
pub fn chapter_time(line: &[Inline]) -> Option<(u32, Option<String>, usize)> {
    let flat = flatten(line);
    let text = &flat.text;
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '[' || c == '(')
            .len();
    if let Some(link) = flat
        .links
        .first()
        .filter(|l| l.start <= lead && is_clock(&l.text))
    {
        let seconds = link_start(&link.url).or_else(|| parse_clock(&link.text))?;
        return Some((seconds, Some(link.url.clone()), link.end));
    }
    let clock = find_clocks(text)
        .into_iter()
        .next()
        .filter(|c| c.start == lead)?;
    Some((clock.seconds, None, clock.end))
}

/// Lines in a chapter list that are not talks.
const NOT_TALKS: &[&str] = &[
    "welcome",
    "welcoming",
    "intro",
    "intros",
    "introduction",
    "introductions",
    "opening",
    "kick-off",
    "kickoff",
    "break",
    "pizza",
    "networking",
    "q&a",
    "closing",
    "wrap-up",
    "wrap",
    "outro",
    "raffle",
    "announcements",
    "community",
    "housekeeping",
    "thanks",
    "drinks",
    "end",
    "stream",
    "start",
    "sponsor",
    "sponsors",
    "hello",
    "doors",
    "news",
    "close",
    "goodbye",
    "interval",
    "food",
];

/// A chapter line (`03:03 Title — Name (Org)`) as a talk, unless it is a welcome, a break or
/// the like.
pub fn chapter(line: &[Inline]) -> Option<Talk> {
    let (start, video_url, rest_at) = chapter_time(line)?;
    let flat = flatten(line);
    let rest = flat.text.get(rest_at..)?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ')' | ']')
    });
    let rest = squash(rest);
    let mut title = rest.clone();
    let mut speakers = Vec::new();
    for sep in [" — ", " – ", " - ", " | ", " by ", " with "] {
        if let Some((left, right)) = rest.rsplit_once(sep) {
            if looks_like_people(right) {
                title = left.to_owned();
                speakers = speaker_line(right);
                break;
            }
        }
    }
    // "Title (Name, Org)"
    if speakers.is_empty() {
        if let Some((left, right)) = rest.rsplit_once(" (") {
            let inner = right.trim_end_matches(')');
            if inner.contains(", ") && looks_like_people(inner) {
                title = left.to_owned();
                speakers = speaker_line(inner);
            }
        }
    }
    let title = clean_title(&title);
    if speakers.is_empty() {
        let words: Vec<String> = title
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(|w| {
                w.to_ascii_lowercase()
                    .trim_matches([',', ':', '.', '!', '(', ')'])
                    .to_owned()
            })
            .collect();
        let housekeeping =
            words.len() <= 5 && words.iter().any(|w| NOT_TALKS.contains(&w.as_str()));
        if housekeeping || title.is_none() {
            return None;
        }
    }
    Some(Talk {
        title,
        speakers,
        start: Some(start),
        video_url,
        ..Talk::default()
    })
}
