//! What a reader of a feed would miss.

use recap_core::video::parse_video_url;
use recap_core::{parse_feed, FeedError, Item, Severity};

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
