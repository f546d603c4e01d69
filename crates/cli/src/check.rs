//! What a reader of a feed would miss.

use recap_core::extract::Doubt;
use recap_core::time::format_clock;
use recap_core::video::parse_video_url;
use recap_core::{parse_feed, FeedError, Item, Severity};

use crate::build::TalkSource;

/// One finding about one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Whether the feed is broken there (an error) or only poorer (a warning).
    pub severity: Severity,
    /// Where: a JSON path or a file name.
    pub place: String,
    /// What.
    pub message: String,
}

/// Everything found in a feed document.
pub fn check_feed(text: &str) -> Result<(usize, Vec<Finding>), FeedError> {
    let parsed = parse_feed(text)?;
    let mut findings: Vec<Finding> = parsed
        .problems
        .iter()
        .map(|p| Finding {
            severity: p.severity,
            place: p.path.clone(),
            message: p.message.clone(),
        })
        .collect();
    for item in &parsed.feed.items {
        findings.extend(check_item(item, &format!("item {:?}", item.id)));
    }
    Ok((parsed.feed.items.len(), findings))
}

/// Warnings about one item: talks without a time, a video that cannot be played, a next meetup
/// without a link.
pub fn check_item(item: &Item, place: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut warn = |message: String| {
        findings.push(Finding {
            severity: Severity::Warning,
            place: place.to_owned(),
            message,
        })
    };
    let Some(recap) = &item.recap else {
        return findings;
    };
    let playable = recap.video.as_deref().and_then(parse_video_url);
    if let Some(video) = recap.video.as_deref().filter(|_| playable.is_none()) {
        warn(format!(
            "the event video {video:?} cannot be played (not YouTube, Vimeo or a media file)"
        ));
    }
    if playable.is_some() {
        for (n, talk) in item.talks().iter().enumerate() {
            if talk.start.is_none() {
                let title = talk.title.as_deref().unwrap_or("untitled");
                warn(format!("talk {} ({title:?}) has no start time", n + 1));
            }
        }
    }
    if let Some(next) = &recap.next_event {
        if next.rsvp_url.is_none() {
            warn("the next meetup has no RSVP link".to_owned());
        }
    }
    findings
}

/// `check --talks`: the talks of one post as a small table, for an organiser to review: how many,
/// and each one's place, start (as clock text), title and speakers with their organisations, under
/// a line that says where they came from; under them, what to check (`doubts`, see
/// [`crate::suggest::doubts`]), one `?` line each.
///
/// ```text
/// _posts/2023-05-03-may.md: 2 talks, extracted
///   1  3:03     Calm in a Crisis     Priya Natarajan (Quillbyte)
///   2  1:07:55  (no title)           Dana Ruiz (Fernhill), Sam Osei
///   ? talk 2: no title
/// ```
pub fn talk_table(place: &str, item: &Item, from: TalkSource, doubts: &[Doubt]) -> String {
    let talks = item.talks();
    let from = match from {
        TalkSource::FrontMatter => "from the front matter",
        TalkSource::Extraction => "extracted",
    };
    let count = match talks.len() {
        0 => "no talks".to_owned(),
        1 => "1 talk".to_owned(),
        n => format!("{n} talks"),
    };
    let mut out = format!("{place}: {count}, {from}\n");
    let rows: Vec<[String; 4]> = talks
        .iter()
        .enumerate()
        .map(|(n, talk)| {
            let speakers: Vec<String> = talk
                .speakers
                .iter()
                .map(|s| match &s.org {
                    Some(org) => format!("{} ({org})", s.name),
                    None => s.name.clone(),
                })
                .collect();
            [
                (n + 1).to_string(),
                talk.start.map_or_else(|| "-".to_owned(), format_clock),
                talk.title
                    .clone()
                    .unwrap_or_else(|| "(no title)".to_owned()),
                if speakers.is_empty() {
                    "(no speaker)".to_owned()
                } else {
                    speakers.join(", ")
                },
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (number, time, title) = (width(0), width(1), width(2));
    for [n, start, name, speakers] in &rows {
        let line = format!("  {n:>number$}  {start:<time$}  {name:<title$}  {speakers}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for doubt in doubts {
        match doubt.talk() {
            Some(talk) => out.push_str(&format!("  ? talk {}: {doubt}\n", talk + 1)),
            None => out.push_str(&format!("  ? {doubt}\n")),
        }
    }
    out
}
