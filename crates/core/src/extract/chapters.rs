//! Chapter lines as in a video description: `03:03 Title — Name (Org)`, one per line; and the
//! agenda of an evening, whose times are not moments of the recording.

use super::flat::{flatten, is_clock};
use super::link_start;
use super::people::reads_as_people;
use super::speakers::speaker_line;
use super::text::{clean_title, squash};
use crate::blocks::Inline;
use crate::feed::Talk;
use crate::time::{find_clocks, parse_clock};

/// The time a chapter line starts with, the link on it, and where the rest of the line starts.
pub(super) fn chapter_time(line: &[Inline]) -> Option<(u32, Option<String>, usize)> {
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
pub(super) fn chapter(line: &[Inline]) -> Option<Talk> {
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
            if reads_as_people(right) {
                title = left.to_owned();
                speakers = speaker_line(right);
                break;
            }
        }
    }
    // "Name (Org): Title"
    if speakers.is_empty() {
        if let Some((left, right)) = rest.split_once(": ") {
            if reads_as_people(left) {
                title = right.to_owned();
                speakers = speaker_line(left);
            }
        }
    }
    // "Title (Name, Org)"
    if speakers.is_empty() {
        if let Some((left, right)) = rest.rsplit_once(" (") {
            let inner = right.trim_end_matches(')');
            if inner.contains(", ") && reads_as_people(inner) {
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

/// How many of these lines start with a time.
pub(super) fn chapter_count(lines: &[Vec<Inline>]) -> usize {
    lines
        .iter()
        .filter(|line| chapter_time(line).is_some())
        .count()
}

/// Whether lines that start with times are an agenda of the evening ("18:30 Doors", "19:00 …")
/// rather than chapters of the recording: no time is linked, the first is 7:00 or later, and
/// every time reads as a time of day on the hour or a multiple of five minutes past it.
pub(super) fn is_agenda(lines: &[Vec<Inline>]) -> bool {
    let times: Vec<(u32, Option<String>, usize)> =
        lines.iter().filter_map(|l| chapter_time(l)).collect();
    let time_of_day =
        |seconds: u32| (7..=23).contains(&(seconds / 60)) && (seconds % 60).is_multiple_of(5);
    times.len() >= 2
        && times
            .iter()
            .all(|(seconds, url, _)| url.is_none() && time_of_day(*seconds))
        && times.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0))
}
