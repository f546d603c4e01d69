//! `check --talks`: what an organiser should check in a post's extracted talks, and the
//! correction to paste: the talks as a front-matter `talks:` list (see [`crate::talks`]), with
//! each doubt as a `# check:` comment on its talk.
//!
//! ```yaml
//! # check: a time link with no talk: 1:02:00 "1:02:00 Panel and Q&A"
//! talks:
//!   - title: "Punch cards at scale"
//!     speakers:
//!       - name: "Ada Lovelace"
//!         org: "Loom Works"
//!     start: "1:35"
//!   # check: no title
//!   - speakers:
//!       - name: "Dana Ruiz"
//!     start: "41:07"
//! ```
//!
//! Read back by [`crate::talks::front_matter_talks`], the list gives the same talks again.

use recap_core::extract::{extract, review, Cue, Doubt, EventMeta};
use recap_core::markdown::to_blocks;
use recap_core::time::format_clock;
use recap_core::url::safe_url;
use recap_core::video::parse_video_url;
use recap_core::Talk;

use crate::post::Post;

/// What to check in `talks`, the talks extracted from `post`; nothing when the post lists its
/// own talks (the organiser has said).
pub fn doubts(post: &Post, talks: &[Talk]) -> Vec<Doubt> {
    if post.talks.is_some() {
        return Vec::new();
    }
    let meta = EventMeta {
        location: post.location.as_deref(),
        video: post.video.as_deref(),
    };
    review(&to_blocks(&post.body), meta, talks)
}

/// For each extracted talk of `post` read from a weaker cue, what gave which field: "title from
/// its place before the time; speakers from a first name and the roster". Nothing when the post
/// lists its own talks.
pub fn cue_notes(post: &Post) -> Vec<(usize, String)> {
    if post.talks.is_some() {
        return Vec::new();
    }
    let meta = EventMeta {
        location: post.location.as_deref(),
        video: post.video.as_deref(),
    };
    let extraction = extract(&to_blocks(&post.body), meta);
    extraction
        .cues
        .iter()
        .enumerate()
        .filter_map(|(n, cues)| {
            let weak: Vec<String> = [("title", cues.title), ("speakers", cues.speakers)]
                .into_iter()
                .filter(|(_, cue)| cue.is_weak())
                .map(|(field, cue): (&str, Cue)| format!("{field} from {cue}"))
                .collect();
            (!weak.is_empty()).then(|| (n, weak.join("; ")))
        })
        .collect()
}

/// `talks` as a front-matter `talks:` list, each doubt a `# check:` comment above its talk (and
/// those about the whole post above `talks:`). `video` is the post's event recording: a talk's
/// `video_url` is written only when it is not the recording at the talk's start, which the
/// feed gives such a talk anyway. A link the viewer may not show is left out, with a comment.
pub fn talks_yaml(talks: &[Talk], doubts: &[Doubt], video: Option<&str>) -> String {
    let recording = video.and_then(parse_video_url);
    let mut out = String::new();
    let comment = |out: &mut String, indent: &str, text: &str| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{indent}# check: {text}\n"));
    };
    for doubt in doubts.iter().filter(|d| d.talk().is_none()) {
        comment(&mut out, "", &doubt.to_string());
    }
    out.push_str(if talks.is_empty() {
        "talks: []\n"
    } else {
        "talks:\n"
    });
    for (index, talk) in talks.iter().enumerate() {
        for doubt in doubts.iter().filter(|d| d.talk() == Some(index)) {
            comment(&mut out, "  ", &doubt.to_string());
        }
        let mut lines: Vec<String> = Vec::new();
        if let Some(title) = &talk.title {
            lines.push(format!("title: {}", quoted(title)));
        }
        if !talk.speakers.is_empty() {
            lines.push("speakers:".to_owned());
            for speaker in &talk.speakers {
                lines.push(format!("  - name: {}", quoted(&speaker.name)));
                if let Some(org) = &speaker.org {
                    lines.push(format!("    org: {}", quoted(org)));
                }
            }
        }
        if let Some(start) = talk.start {
            lines.push(format!("start: {}", quoted(&format_clock(start))));
        }
        if let Some(url) = &talk.video_url {
            let implied = match (&recording, talk.start, parse_video_url(url)) {
                (Some(r), Some(start), Some(v)) => {
                    (r.host, &r.id, Some(start)) == (v.host, &v.id, v.start)
                }
                _ => false,
            };
            match safe_url(url) {
                _ if implied => {}
                Some(safe) if safe == *url => lines.push(format!("video_url: {}", quoted(url))),
                _ => lines.push(format!(
                    "# check: video_url {} left out: not a link the viewer may show",
                    quoted(url)
                )),
            }
        }
        if !talk.takeaways.is_empty() {
            lines.push("takeaways:".to_owned());
            for takeaway in &talk.takeaways {
                lines.push(format!("  - {}", quoted(takeaway)));
            }
        }
        let (shown, unsafe_links): (Vec<_>, Vec<_>) = talk
            .links
            .iter()
            .partition(|link| safe_url(&link.url).as_deref() == Some(link.url.as_str()));
        if !shown.is_empty() {
            lines.push("links:".to_owned());
        }
        for link in shown {
            lines.push(format!("  - label: {}", quoted(&link.label)));
            lines.push(format!("    url: {}", quoted(&link.url)));
        }
        for link in unsafe_links {
            lines.push(format!(
                "# check: link {} left out: {} is not a link the viewer may show",
                quoted(&link.label),
                quoted(&link.url)
            ));
        }
        // An entry whose keys are all comments is an empty talk, as it was.
        if lines.iter().all(|l| l.trim_start().starts_with('#')) {
            lines.push("{}".to_owned());
        }
        let mut first = true;
        for line in &lines {
            // Comments go above the entry's first key; the first key opens the entry.
            if line.trim_start().starts_with('#') && first {
                out.push_str(&format!("  {}\n", line.trim_start()));
                continue;
            }
            let lead = if std::mem::take(&mut first) {
                "  - "
            } else {
                "    "
            };
            out.push_str(&format!("{lead}{line}\n"));
        }
    }
    out
}

/// A YAML double-quoted string: `"` and `\` escaped, and every character YAML does not print
/// as itself (controls, and the line breaks that YAML 1.1 reads: NEL, LS, PS) as `\uXXXX`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if c < ' '
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use recap_core::{Link, Speaker};

    use super::*;
    use crate::talks::front_matter_talks;

    #[test]
    fn quoted_strings_read_back_as_written() {
        for text in [
            "Calm in a Crisis",
            "Title: with a colon # and a hash",
            "*starts with a star",
            "\"quoted\" and \\ back",
            "- a dash, & and ! and % and @ and `tick`",
            "yes",
            "null",
            "1:07:55",
            "élan 🚀 \u{85}x\u{2028}y\u{7f}z\u{1}",
        ] {
            let yaml = format!("value: {}\n", quoted(text));
            let read: serde_norway::Value = serde_norway::from_str(&yaml).unwrap();
            assert_eq!(read["value"].as_str(), Some(text), "{yaml}");
        }
    }

    #[test]
    fn a_suggestion_reads_back_as_the_same_talks() {
        let talks = vec![
            Talk {
                title: Some("Ops: the \"fun\" parts # really".into()),
                speakers: vec![
                    Speaker {
                        name: "Dana Ruiz".into(),
                        org: Some("Fernhill".into()),
                    },
                    Speaker {
                        name: "Sam Osei".into(),
                        org: None,
                    },
                ],
                start: Some(4075),
                video_url: Some("https://youtu.be/AbCdEfGhIjK?t=4075".into()),
                takeaways: vec!["*Always* test: restores.".into()],
                links: vec![Link {
                    label: "slides".into(),
                    url: "https://slides.example/ops?a=1&b=2#p3".into(),
                }],
            },
            Talk::default(),
        ];
        let doubts = [
            Doubt::NoTitle { talk: 1 },
            Doubt::TimeLinkWithoutTalk {
                start: 60,
                text: "intro".into(),
            },
        ];
        let yaml = talks_yaml(
            &talks,
            &doubts,
            Some("https://www.youtube.com/watch?v=AbCdEfGhIjK"),
        );
        assert_eq!(
            yaml,
            "\
# check: a time link with no talk: 1:00 \"intro\"
talks:
  - title: \"Ops: the \\\"fun\\\" parts # really\"
    speakers:
      - name: \"Dana Ruiz\"
        org: \"Fernhill\"
      - name: \"Sam Osei\"
    start: \"1:07:55\"
    takeaways:
      - \"*Always* test: restores.\"
    links:
      - label: \"slides\"
        url: \"https://slides.example/ops?a=1&b=2#p3\"
  # check: no title
  - {}
"
        );
        let read = front_matter_talks(&yaml);
        assert_eq!(read.errors, []);
        let mut expected = talks.clone();
        // The recording at the talk's start, which the feed gives it again.
        expected[0].video_url = None;
        assert_eq!(read.talks.unwrap(), expected);
    }

    #[test]
    fn a_link_of_its_own_is_kept_and_one_the_viewer_may_not_show_is_left_out() {
        let talks = [Talk {
            title: Some("Elsewhere".into()),
            start: Some(95),
            video_url: Some("https://vimeo.com/123456".into()),
            links: vec![Link {
                label: "run me".into(),
                url: "javascript:alert(1)".into(),
            }],
            ..Talk::default()
        }];
        let yaml = talks_yaml(&talks, &[], None);
        assert!(
            yaml.contains("    video_url: \"https://vimeo.com/123456\"\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("    # check: link \"run me\" left out: \"javascript:alert(1)\""),
            "{yaml}"
        );
        let read = front_matter_talks(&yaml);
        assert_eq!(read.errors, []);
        assert_eq!(read.talks.unwrap()[0].links, []);
        assert_eq!(talks_yaml(&[], &[], None), "talks: []\n");
    }
}
