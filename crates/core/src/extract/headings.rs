//! Talks with a heading of their own, then a speaker line (`**Speaker:** Name, Org`) and labelled
//! lines (`Video: …`, `Slides: …`); and talks given as labelled lines without a heading.

use super::chapters::chapter_time;
use super::flat::{flatten, is_clock, is_generic, is_resource};
use super::names::is_person_name;
use super::people::{reads_as_people, People};
use super::prose::reconcile;
use super::speakers::speaker_line;
use super::text::{clean_title, squash};
use super::{link_start, resource};
use crate::blocks::{plain_text, Inline};
use crate::feed::{Speaker, Talk};
use crate::time::find_clocks;

/// Labels of a line that gives a talk's title.
const TITLE_LABELS: &[&str] = &["talk:", "title:", "topic:", "session:"];

/// A talk given as labelled lines without a heading: `**Talk:** Title`, `**Speaker:** Name
/// (Org)`, `**Video:** [from 4:05](…)`.
pub(super) fn labelled_talk(lines: &[Vec<Inline>], diagnostics: &mut Vec<String>) -> Option<Talk> {
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
    if let ((false, false), [first, second, after @ ..]) = (found, lines) {
        if let (Some(title), Some(speakers)) = (emphasised_line(first), labelled_speakers(second)) {
            talk.title = Some(title);
            talk.speakers = speakers;
            found = (true, true);
            rest = after.iter().collect();
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

/// How surely a line names a talk's speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sureness {
    /// A label, an organisation beside the name, or "With …".
    Sure,
    /// A line all in emphasis with a full name and nothing else: `*Freya Holt*`. A heading that
    /// names a person may be followed by a bold title just as well.
    NameOnly,
}

/// Speakers on a line that names them: `Speaker: Name, Org`, `Presented by Name (Org)`, `With
/// Name of Org.`, a bare `Name (Org)`, or a line all in emphasis (`*Name from Org*`, `*Name*`).
pub(super) fn labelled_speakers(line: &[Inline]) -> Option<Vec<Speaker>> {
    speaker_line_of(line).map(|(speakers, _)| speakers)
}

/// Like [`labelled_speakers`], with how sure the line is.
pub(super) fn speaker_line_of(line: &[Inline]) -> Option<(Vec<Speaker>, Sureness)> {
    // "[Watch from 55:00](…)": a moment of the recording is never a speaker.
    let moment_link = line.iter().any(|i| match i {
        Inline::Link { text, url } => link_start(url).is_some() || !find_clocks(text).is_empty(),
        _ => false,
    });
    if moment_link {
        return None;
    }
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
            let rest = text.get(label.len()..).unwrap_or_default();
            let speakers = speaker_line(rest.trim_start_matches([':', ' ']));
            return (!speakers.is_empty()).then_some((speakers, Sureness::Sure));
        }
    }
    let words = text.split_whitespace().count();
    // "With Benedikt Roth of Gullwing Systems."
    if lower.starts_with("with ") {
        let rest = text.get(5..).unwrap_or_default();
        return (words <= 16 && reads_as_people(rest))
            .then(|| (speaker_line(rest), Sureness::Sure));
    }
    // "*Name, Org*", "*Name from Org*", "*A (X) and B (Y)*", "*Name*"
    if let Some(inner) = all_emphasis(line) {
        if words > 16 || !reads_as_people(&inner) {
            return None;
        }
        let speakers = speaker_line(&inner);
        if speakers.iter().any(|s| s.org.is_some()) {
            return Some((speakers, Sureness::Sure));
        }
        let full = speakers.iter().all(|s| s.name.contains(' '));
        return full.then_some((speakers, Sureness::NameOnly));
    }
    let has_org = text.contains('(') || text.contains(", ");
    (has_org && words <= 10 && reads_as_people(&text))
        .then(|| (speaker_line(&text), Sureness::Sure))
}

/// The text of a line that is all emphasis, white space aside.
fn all_emphasis(line: &[Inline]) -> Option<String> {
    let mut found = None;
    for inline in line {
        match inline {
            Inline::Emphasis(text) if found.is_none() => found = Some(squash(text)),
            Inline::Text(text) if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    found.filter(|t| !t.is_empty())
}

/// The title of a talk's own heading, the video link on it if any, and the start it names:
/// "2. Title", "[Title](…?t=…)", "27:40 — Title", "[27:40](…) Title".
pub(super) fn heading_title(inlines: &[Inline]) -> (Option<String>, Option<String>, Option<u32>) {
    let text = plain_text(inlines);
    let lead = chapter_time(inlines);
    let body = match &lead {
        Some((_, _, at)) => text
            .get(*at..)
            .unwrap_or_default()
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ')' | ']')
            }),
        None => &text,
    };
    let title = clean_title(strip_talk_number(body));
    for inline in inlines {
        if let Inline::Link { text, url } = inline {
            if !is_clock(text) {
                let start = link_start(url).or(lead.as_ref().map(|l| l.0));
                return (
                    title.or_else(|| clean_title(text)),
                    Some(url.clone()),
                    start,
                );
            }
        }
    }
    match lead {
        Some((start, url, _)) => (title, url, Some(start)),
        None => (title, None, None),
    }
}

/// "Talk 2: Title" → "Title".
pub(super) fn strip_talk_number(text: &str) -> &str {
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
            let number = head.get(5..).unwrap_or_default();
            if number.trim().chars().all(|c| c.is_ascii_digit()) {
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
    if text.split_whitespace().count() > 8 || !reads_as_people(&text) {
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
pub(super) fn labelled_line(
    line: &[Inline],
    talk: &mut Talk,
    diagnostics: &mut Vec<String>,
) -> bool {
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
        // "Starts at 19:23 in the recording.", before anything else is said about the talk.
        _ if flat.links.is_empty() && talk.start.is_none() && talk.takeaways.is_empty() => {
            talk.start = time_phrase(text);
            talk.start.is_some()
        }
        _ => false,
    }
}

/// The most words in a phrase that only tells when a talk starts.
const MAX_TIME_PHRASE: usize = 8;

/// The start told in a phrase of its own: "Starts at 19:23 in the recording.", "(starting at
/// 6:05)", "From 41:10.": one time, first or right after "at" or "from", in a few words that
/// name no one.
fn time_phrase(text: &str) -> Option<u32> {
    let inner = text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches(['.', ')', ']', '!'])
        .trim();
    let clocks = find_clocks(inner);
    let [clock] = clocks.as_slice() else {
        return None;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let before = inner.get(..clock.start)?.split_whitespace().last();
    let placed = before.is_none_or(|w| matches!(w.to_lowercase().as_str(), "at" | "from"));
    let named = words
        .iter()
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    (words.len() <= MAX_TIME_PHRASE && placed && !named).then_some(clock.seconds)
}

/// The moment a paragraph under a talk's heading points at: a link on a time ("started at
/// [3:40](…)"), or one that says so ("[Watch from 27:45](…)").
pub(super) fn moment(inlines: &[Inline]) -> Option<(String, u32)> {
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
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::extract::speakers::speaker_list;
    use crate::extract::test_inlines::{link, text};

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

    fn sp(name: &str, org: Option<&str>) -> Speaker {
        Speaker {
            name: name.into(),
            org: org.map(Into::into),
        }
    }

    #[test]
    fn an_ampersand_inside_an_organisation() {
        assert_eq!(
            speaker_line("Tobin Graylark of Ember & Quill"),
            [sp("Tobin Graylark", Some("Ember & Quill"))]
        );
        assert_eq!(
            speaker_line("Tobin Graylark, Ember & Quill"),
            [sp("Tobin Graylark", Some("Ember & Quill"))]
        );
        assert_eq!(
            speaker_line("Tobin Graylark of Ember & Quill & Wenna Ostrow of Halyard"),
            [
                sp("Tobin Graylark", Some("Ember & Quill")),
                sp("Wenna Ostrow", Some("Halyard"))
            ]
        );
        assert_eq!(
            speaker_line("Tobin Graylark & Wenna Ostrow"),
            [sp("Tobin Graylark", None), sp("Wenna Ostrow", None)]
        );
    }

    #[test]
    fn a_panel_with_brackets_matched() {
        assert_eq!(
            speaker_line(
                "Odile Farrant (Ember & Quill), Pim Vasquez-Rowe (Halyard) and Dr Sunniva Ek (Brine & Co)"
            ),
            [
                sp("Odile Farrant", Some("Ember & Quill")),
                sp("Pim Vasquez-Rowe", Some("Halyard")),
                sp("Sunniva Ek", Some("Brine & Co")),
            ]
        );
        assert_eq!(
            speaker_line("Odile Farrant (Halyard), Pim Vasquez-Rowe (Brine Works)"),
            [
                sp("Odile Farrant", Some("Halyard")),
                sp("Pim Vasquez-Rowe", Some("Brine Works"))
            ]
        );
        // "(Staff SRE, Halyard)": a comma inside brackets is the person's own.
        assert_eq!(
            speaker_line("Odile Farrant (Staff SRE, Halyard)"),
            [sp("Odile Farrant", Some("Halyard"))]
        );
    }

    #[test]
    fn a_list_of_names() {
        assert_eq!(
            speaker_line("Odile Farrant, Pim Vasquez-Rowe and Sunniva Ek"),
            [
                sp("Odile Farrant", None),
                sp("Pim Vasquez-Rowe", None),
                sp("Sunniva Ek", None)
            ]
        );
        assert_eq!(
            speaker_line("Odile Farrant, Halyard"),
            [sp("Odile Farrant", Some("Halyard"))]
        );
        assert_eq!(
            speaker_list("Odile Farrant, Pim Vasquez-Rowe", true),
            [sp("Odile Farrant", None), sp("Pim Vasquez-Rowe", None)]
        );
        assert_eq!(
            speaker_line("Odile Farrant and Pim Vasquez-Rowe from Halyard"),
            [
                sp("Odile Farrant", Some("Halyard")),
                sp("Pim Vasquez-Rowe", Some("Halyard"))
            ]
        );
    }

    #[test]
    fn speaker_lines_in_emphasis_and_with() {
        let em = |t: &str| vec![Inline::Emphasis(t.into())];
        assert_eq!(
            labelled_speakers(&em("Odile Farrant from Halyard")),
            Some(vec![sp("Odile Farrant", Some("Halyard"))])
        );
        assert_eq!(
            speaker_line_of(&em("Odile Farrant")),
            Some((vec![sp("Odile Farrant", None)], Sureness::NameOnly))
        );
        assert_eq!(labelled_speakers(&em("Odile")), None);
        assert_eq!(labelled_speakers(&em("Cheap clusters, dear lessons")), None);
        assert_eq!(
            labelled_speakers(&[text("With Pim Vasquez-Rowe of Brine Works.")]),
            Some(vec![sp("Pim Vasquez-Rowe", Some("Brine Works"))])
        );
        assert_eq!(
            labelled_speakers(&[text("With thanks to the venue, as ever.")]),
            None
        );
        assert_eq!(
            labelled_speakers(&[
                Inline::Emphasis("Speaker:".into()),
                text(" Tobin Graylark of Ember & Quill")
            ]),
            Some(vec![sp("Tobin Graylark", Some("Ember & Quill"))])
        );
    }

    #[test]
    fn a_moment_of_the_recording_names_no_one() {
        let watch = [link(
            "Watch from 41:00",
            "https://www.youtube.com/watch?v=QwErTyUiOp1&t=2460",
        )];
        assert_eq!(labelled_speakers(&watch), None);
        assert!(!reads_as_people("Watch from 41:00"));
        assert!(!reads_as_people("Odile Farrant, 12:30"));
        // Brackets are matched: what follows the closing one is not the organisation's.
        assert!(!reads_as_people(
            "Odile Farrant (Halyard) on Kilns Without Fire"
        ));
    }

    #[test]
    fn a_heading_that_starts_with_its_time() {
        let (title, url, start) = heading_title(&[text("33:15 — Kilns and Caches")]);
        assert_eq!(title.as_deref(), Some("Kilns and Caches"));
        assert_eq!((url, start), (None, Some(1995)));
        let (title, url, start) = heading_title(&[
            link("33:15", "https://youtu.be/QwErTyUiOp1?t=1995"),
            text(" Kilns and Caches"),
        ]);
        assert_eq!(title.as_deref(), Some("Kilns and Caches"));
        assert_eq!(url.as_deref(), Some("https://youtu.be/QwErTyUiOp1?t=1995"));
        assert_eq!(start, Some(1995));
        let (title, url, start) = heading_title(&[text("3. Kilns and Caches")]);
        assert_eq!(title.as_deref(), Some("Kilns and Caches"));
        assert_eq!((url, start), (None, None));
    }

    #[test]
    fn a_time_told_in_a_phrase_of_its_own() {
        assert_eq!(time_phrase("Starts at 12:07 in the recording."), Some(727));
        assert_eq!(time_phrase("(starting at 1:02:03)"), Some(3723));
        assert_eq!(time_phrase("From 8:00."), Some(480));
        assert_eq!(time_phrase("Trim cold starts to 3:00 or less"), None);
        assert_eq!(time_phrase("Odile joined us at 4:10 from Halyard"), None);
        assert_eq!(time_phrase("Between 1:00 and 2:00 nothing happened"), None);
        let mut talk = Talk::default();
        assert!(labelled_line(
            &[text("Starts at 12:07 in the recording.")],
            &mut talk,
            &mut Vec::new()
        ));
        assert_eq!((talk.start, talk.video_url), (Some(727), None));
        // Once the talk has its takeaways, a time among them is one of them.
        let mut talk = Talk {
            takeaways: vec!["Kilns cool slowly.".into()],
            ..Talk::default()
        };
        assert!(!labelled_line(
            &[text("Restart at 2:00 at the latest.")],
            &mut talk,
            &mut Vec::new()
        ));
    }

    #[cfg(feature = "markdown")]
    fn talks_of(markdown: &str) -> Vec<Talk> {
        let blocks = crate::markdown::to_blocks(markdown);
        crate::extract::extract(&blocks, crate::extract::EventMeta::default())
            .recap
            .talks
            .unwrap_or_default()
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn numbered_headings_with_an_italic_speaker_line() {
        let talks = talks_of(
            "### 1. Kilns and Caches\n\n*Odile Farrant (Halyard)*\n\n\
             [Watch from 3:20](https://www.youtube.com/watch?v=QwErTyUiOp1&t=200)\n\n\
             * Warm caches first.\n\n\
             ### 2. Brine, Salt & Logs\n\n*Pim Vasquez-Rowe from Ember & Quill*\n\n\
             Starts at 24:05 in the recording.\n\n* Salt your logs.\n\n\
             ### 3. Lanterns for Latency\n\n*Sunniva Ek*\n\n\
             [Watch from 51:00](https://www.youtube.com/watch?v=QwErTyUiOp1&t=3060)\n\n\
             * Light the slow path.\n",
        );
        assert_eq!(talks.len(), 3, "{talks:#?}");
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", Some("Halyard"))]);
        assert_eq!(talks[0].start, Some(200));
        assert_eq!(talks[1].title.as_deref(), Some("Brine, Salt & Logs"));
        assert_eq!(
            talks[1].speakers,
            [sp("Pim Vasquez-Rowe", Some("Ember & Quill"))]
        );
        assert_eq!((talks[1].start, talks[1].takeaways.len()), (Some(1445), 1));
        assert_eq!(talks[2].title.as_deref(), Some("Lanterns for Latency"));
        assert_eq!(talks[2].speakers, [sp("Sunniva Ek", None)]);
        assert_eq!(talks[2].start, Some(3060));
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_numbered_heading_is_a_title_whatever_its_words() {
        let talks = talks_of(
            "### 1. Kilns, Lanterns\n\n*Odile Farrant*\n\n* Warm caches first.\n\n\
             ### 2. Brine Works Considered Costly\n\n*Pim Vasquez-Rowe*\n\n* Salt your logs.\n",
        );
        assert_eq!(talks.len(), 2, "{talks:#?}");
        assert_eq!(talks[0].title.as_deref(), Some("Kilns, Lanterns"));
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", None)]);
        assert_eq!(
            talks[1].title.as_deref(),
            Some("Brine Works Considered Costly")
        );
        assert_eq!(talks[1].speakers, [sp("Pim Vasquez-Rowe", None)]);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn headings_that_start_with_the_time() {
        let talks = talks_of(
            "## 12:30 — Kilns and Caches\n\nWith Odile Farrant of Halyard.\n\n* Warm caches first.\n\n\
             ## 40:05 — Lanterns for Latency\n\nSpeaker: Sunniva Ek, Brine Works\n\n* Light the slow path.\n",
        );
        assert_eq!(talks.len(), 2, "{talks:#?}");
        assert_eq!(talks[0].title.as_deref(), Some("Kilns and Caches"));
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", Some("Halyard"))]);
        assert_eq!(
            (talks[0].start, talks[0].video_url.as_deref()),
            (Some(750), None)
        );
        assert_eq!(talks[1].speakers, [sp("Sunniva Ek", Some("Brine Works"))]);
        assert_eq!(talks[1].start, Some(2405));
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_bold_title_under_a_named_heading_is_no_speaker() {
        let talks = talks_of(
            "### Odile Farrant (Halyard)\n\n**Kilns Without Fire** — \
             [video](https://youtu.be/QwErTyUiOp1?t=95)\n\n* Warm caches first.\n",
        );
        assert_eq!(talks.len(), 1, "{talks:#?}");
        assert_eq!(talks[0].title.as_deref(), Some("Kilns Without Fire"));
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", Some("Halyard"))]);
    }
}
