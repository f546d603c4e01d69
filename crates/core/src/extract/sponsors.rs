//! Sponsors: the paragraphs that thank them, the names and links they give, and the clauses that
//! thank rather than introduce a talk.

use super::flat::{flatten, window_after, window_before, FlatLink};
use super::next_event::is_rsvp;
use super::text::{is_capitalised, words};
use crate::blocks::Inline;
use crate::feed::Sponsor;

/// A paragraph that thanks sponsors.
pub(super) fn is_sponsor_text(lower: &str) -> bool {
    [
        "grateful to",
        "thanks to",
        "thank you to",
        "thanks go to",
        "sponsor",
        "courtesy of",
        "supported by",
        "kindly provided",
        "provided by",
        "big thank",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// The sponsors a thank-you paragraph names: its links, or the names after "courtesy of",
/// "sponsored by", "thanks to".
pub(super) fn sponsors(inlines: &[Inline], text: &str) -> Vec<Sponsor> {
    let linked: Vec<Sponsor> = inlines
        .iter()
        .filter_map(|inline| match inline {
            Inline::Link { text, url } if !is_rsvp(text, url) && text != url => Some(Sponsor {
                name: text.trim().to_owned(),
                url: Some(url.clone()),
            }),
            _ => None,
        })
        .collect();
    if !linked.is_empty() {
        return linked;
    }
    let lower = text.to_ascii_lowercase();
    let Some(after) = [
        "courtesy of ",
        "sponsored by ",
        "supported by ",
        "thanks to ",
        "grateful to ",
        "thank you to ",
    ]
    .iter()
    .find_map(|cue| lower.find(cue).map(|i| i + cue.len())) else {
        return Vec::new();
    };
    let rest = text.get(after..).unwrap_or_default();
    let mut names = Vec::new();
    let mut name_end = 0;
    for word in words(rest) {
        if !(is_capitalised(word.text) || word.text == "&" && name_end > 0) {
            break;
        }
        name_end = word.end;
        if word.closes {
            break;
        }
    }
    if name_end > 0 {
        names.push(Sponsor {
            name: rest.get(..name_end).unwrap_or_default().trim().to_owned(),
            url: None,
        });
    }
    names
}

/// The links of a paragraph given in a sponsor-thanks clause.
pub(super) fn sponsor_links(inlines: &[Inline]) -> Vec<String> {
    let flat = flatten(inlines);
    flat.links
        .iter()
        .filter(|l| in_sponsor_clause(&flat.text, l))
        .map(|l| l.url.clone())
        .collect()
}

/// Words of a clause that thanks a sponsor or a host.
const SPONSOR_CUES: &[&str] = &[
    "thanks to",
    "thank you to",
    "thanks go to",
    "grateful to",
    "sponsor",
    "courtesy of",
    "supported by",
    "hosted by",
    "for hosting",
    "for the pizza",
    "for the food",
    "for the drinks",
    "for their support",
    "for providing",
];

/// Whether a link sits in a clause that thanks a sponsor: "Pizza was courtesy of [X](…)",
/// "and to [X](…) for sponsoring the evening".
pub(super) fn in_sponsor_clause(text: &str, link: &FlatLink) -> bool {
    let before = window_before(text, link.start);
    let clause_start = before
        .rfind(['.', ',', ';', '(', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let after = window_after(text, link.end);
    let clause_end = after
        .find(['.', ',', ';', ')', '!', '?', '\n'])
        .unwrap_or(after.len());
    let clause = format!(
        "{} {}",
        before.get(clause_start..).unwrap_or_default(),
        after.get(..clause_end).unwrap_or_default()
    )
    .to_lowercase();
    SPONSOR_CUES.iter().any(|cue| clause.contains(cue))
}

/// Words before a name that thank rather than introduce: "Thanks to", "courtesy of".
const THANKS: &[&str] = &[
    "thanks to",
    "thank you to",
    "thanks go to",
    "grateful to",
    "courtesy of",
    "sponsored by",
    "shout-out to",
    "shout out to",
];

/// Whether the sentence before `at` thanks whoever is named at `at`.
pub(super) fn thanked_before(text: &str, at: usize) -> bool {
    let before = window_before(text, at);
    let sentence = before
        .rfind(". ")
        .and_then(|i| before.get(i + 2..))
        .unwrap_or(before);
    let lower = sentence.to_lowercase();
    THANKS.iter().any(|cue| lower.contains(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sponsors_linked_or_named() {
        let inlines = vec![
            Inline::Text("We are grateful to ".into()),
            Inline::Link {
                text: "Brightwake".into(),
                url: "https://brightwake.example/".into(),
            },
            Inline::Text(" for their support.".into()),
        ];
        assert_eq!(
            sponsors(&inlines, "We are grateful to Brightwake for their support."),
            [Sponsor {
                name: "Brightwake".into(),
                url: Some("https://brightwake.example/".into())
            }]
        );
        let text = "Pizza and drinks courtesy of Quayside Bank, as ever.";
        assert_eq!(
            sponsors(&[Inline::Text(text.into())], text),
            [Sponsor {
                name: "Quayside Bank".into(),
                url: None
            }]
        );
    }
}
