//! Talks with a heading of their own, then a speaker line (`**Speaker:** Name, Org`) and labelled
//! lines (`Video: …`, `Slides: …`); and talks given as labelled lines without a heading.

use super::flat::{flatten, is_clock, is_generic, is_resource};
use super::people::{is_person_name, People};
use super::prose::reconcile;
use super::speakers::{looks_like_people, speaker_line};
use super::text::{clean_title, squash};
use super::{link_start, resource};
use crate::blocks::{plain_text, Inline};
use crate::feed::{Speaker, Talk};
use crate::time::find_clocks;

/// Labels of a line that gives a talk's title.
const TITLE_LABELS: &[&str] = &["talk:", "title:", "topic:", "session:"];

/// A talk given as labelled lines without a heading: `**Talk:** Title`, `**Speaker:** Name
/// (Org)`, `**Video:** [from 4:05](…)`.
pub fn labelled_talk(lines: &[Vec<Inline>], diagnostics: &mut Vec<String>) -> Option<Talk> {
    let mut talk = Talk::default();
    let mut found = (false, false);
    let mut rest = Vec::new();
    for line in lines {
        let text = squash(&plain_text(line));
        let lower = text.to_ascii_lowercase();
        if let Some(label) = TITLE_LABELS.iter().find(|l| lower.starts_with(**l)) {
            talk.title = clean_title(text.get(label.len()..).unwrap_or_default());
            if let Some((url, _)) = line.iter().find_map(|i| match i {
                Inline::Link { text, url } => Some((url.clone(), text.clone())),
                _ => None,
            }) {
                talk.start = link_start(&url);
                talk.video_url = Some(url);
            }
            found.0 = talk.title.is_some();
        } else if lower.starts_with("speaker") || lower.starts_with("presenter") {
            if let Some(speakers) = labelled_speakers(line) {
                talk.speakers = speakers;
                found.1 = true;
            }
        } else {
            rest.push(line);
        }
    }
    // "**Monorepos Without Tears**" then "Sam Patel, Fallowfield Labs"
    if found == (false, false) && lines.len() >= 2 {
        if let (Some(title), Some(speakers)) =
            (emphasised_line(&lines[0]), labelled_speakers(&lines[1]))
        {
            talk.title = Some(title);
            talk.speakers = speakers;
            found = (true, true);
            rest = lines[2..].iter().collect();
        }
    }
    if found != (true, true) {
        return None;
    }
    for line in rest {
        labelled_line(line, &mut talk, diagnostics);
    }
    Some(talk)
}

/// The text of a line that is all emphasis: a title set on its own line in bold.
fn emphasised_line(line: &[Inline]) -> Option<String> {
    match line {
        [Inline::Emphasis(text)] => clean_title(text),
        _ => None,
    }
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
pub fn strip_talk_number(text: &str) -> &str {
    let trimmed = text.trim_start();
    // "1. Title", "2) Title", "#3: Title"
    let digits = trimmed.trim_start_matches('#');
    let after_digits = digits.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < digits.len() {
        if let Some(rest) = after_digits
            .strip_prefix(['.', ')', ':'])
            .filter(|r| r.starts_with(' '))
        {
            return rest;
        }
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("talk ") {
        if let Some((head, rest)) = trimmed.split_once([':', '—', '–', '-']) {
            if head[5..].trim().chars().all(|c| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    text
}

/// The person a heading names, when it names nothing else: "Hannah Lowe, Buxton Bytes".
pub(super) fn heading_person(text: &str, people: &People) -> Option<Speaker> {
    // "Talk 1 – Ana Costa, Blue Heron Data", "🎤 Dana Ruiz — Fernhill"
    let text = strip_talk_number(text).trim_start_matches(|c: char| !c.is_alphanumeric());
    let text = squash(text);
    if text.split_whitespace().count() > 8 || !looks_like_people(&text) {
        return None;
    }
    let found = speaker_line(&text);
    match found.as_slice() {
        [one] if one.name.contains(' ') && is_person_name(&one.name) => Some(people.resolve(one)),
        _ => None,
    }
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

/// The moment a paragraph under a talk's heading points at: a link on a time ("started at
/// [3:40](…)"), or one that says so ("[Watch from 27:45](…)").
pub fn moment(inlines: &[Inline]) -> Option<(String, u32)> {
    let flat = flatten(inlines);
    flat.links.iter().find_map(|l| {
        let clock = find_clocks(&l.text).first().map(|c| c.seconds);
        if clock.is_none() && !is_generic(&l.text) {
            return None;
        }
        let start = link_start(&l.url).or(clock)?;
        Some((l.url.clone(), start))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text(t.into())
    }

    fn link(t: &str, url: &str) -> Inline {
        Inline::Link {
            text: t.into(),
            url: url.into(),
        }
    }

    #[test]
    fn labelled_lines_make_a_talk() {
        let lines = vec![
            vec![text("Talk: Cost Is a Feature")],
            vec![text("Speaker: Imogen Clarke (Rochester Retail)")],
            vec![
                text("Video: "),
                link("from 4:05", "https://youtu.be/AbCdEfGhIjK?t=245"),
            ],
        ];
        let talk = labelled_talk(&lines, &mut Vec::new()).unwrap();
        assert_eq!(talk.title.as_deref(), Some("Cost Is a Feature"));
        assert_eq!(talk.speakers[0].org.as_deref(), Some("Rochester Retail"));
        assert_eq!(talk.start, Some(245));
        assert!(labelled_talk(&lines[..1], &mut Vec::new()).is_none());
    }

    #[test]
    fn a_moment_under_a_heading() {
        let inlines = vec![
            text("Jodie started at "),
            link("2:30", "https://youtu.be/AbCdEfGhIjK?t=150"),
        ];
        assert_eq!(
            moment(&inlines),
            Some(("https://youtu.be/AbCdEfGhIjK?t=150".into(), 150))
        );
        assert_eq!(moment(&[link("the slides", "https://s.example/")]), None);
    }
}
