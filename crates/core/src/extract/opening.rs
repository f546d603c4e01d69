//! A title told in a sentence of prose, found from where it sits rather than from the words
//! before it: after the speaker clause comes an opening phrase ("opening the night for us with a
//! discussion of", "bringing the second half to life with a tour of", "telling us that"), then
//! the title, then usually the time.
//!
//! The opening phrase ends at the first capitalised word, quotation or colon; the title runs from
//! there to the time phrase ("(starting at 27:29)", ", at 12:40 in the recording", "— starts at
//! 9:20"). Commas, dashes and parentheses inside that run belong to the title. Without a time the
//! title ends where the sentence or its clause does, and must then be written in title case.

use super::flat::is_resource;
use super::names::is_person_name;
use super::text::{clean_title, is_title_cased, words};
use super::text::{comma_clause, title_run};
use crate::time::find_clocks;

/// Words that lead into a time and are never the end of a title: "(starting at", "— starts
/// at", "watch from". Hints for trimming, never a gate.
const TIME_LEADS: &[&str] = &[
    "at",
    "from",
    "starting",
    "starts",
    "started",
    "start",
    "beginning",
    "begins",
    "around",
    "watch",
    "see",
];

/// Words that make an opening phrase a clause of its own.
const CLAUSE_WORDS: &[&str] = &[
    "why", "how", "what", "whether", "when", "where", "which", "who", "is", "are", "was", "were",
    "be", "been",
];

/// Words a title never ends on.
const DANGLING: &[&str] = &[
    "from", "of", "and", "with", "by", "at", "the", "a", "an", "to", "for",
];

/// The most words a title told this way is taken to have.
const MAX_TITLE_WORDS: usize = 16;

/// The most words an opening phrase is taken to have.
const MAX_OPENING_WORDS: usize = 16;

/// The title in `rest` (the text right after the speaker clause), which ends at the time phrase
/// when `time` (where the time starts in `rest`) is given.
pub(super) fn title_between(rest: &str, time: Option<usize>) -> Option<String> {
    let region = match time {
        Some(at) => trim_time_lead(rest.get(..at)?),
        None => rest,
    };
    if time.is_some() && has_inner_sentence_end(region) {
        return None;
    }
    let from = opening_end(region)?;
    let opening = region.get(..from)?;
    if opening.split_whitespace().count() > MAX_OPENING_WORDS
        || opening.contains(". ")
        || opening.contains('\n')
    {
        return None;
    }
    // Without a time, there must be an opening phrase ("told us that"), and not a clause of its
    // own ("told us why cold starts are a myth in AWS Lambda"), which tells the subject.
    let opening_words = words(opening);
    // "…, who told us about …": the relative pronoun that opens the phrase is the speaker's.
    let clause = opening_words
        .iter()
        .skip_while(|w| matches!(w.text, "who" | "whose"))
        .any(|w| CLAUSE_WORDS.contains(&w.text));
    if time.is_none() && (opening_words.is_empty() || clause) {
        return None;
    }
    let run = region.get(from..)?;
    let run = match time {
        Some(_) => run,
        None => title_run(run),
    };
    let title = clean_title(run)?;
    let count = title.split_whitespace().count();
    // A title does not end on a word that joins it to more ("… Zielińska from").
    let dangling = title
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| DANGLING.contains(&last));
    if !(2..=MAX_TITLE_WORDS).contains(&count) || !balanced(&title) || dangling {
        return None;
    }
    // A sentence-case title is taken only where the time closes it, after an opening phrase:
    // "took us through New tracing with OpenTelemetry & Spans (starting at 41:50)".
    let cased = is_title_cased(&title)
        || (time.is_some() && !opening.trim().is_empty() && comma_clause(&title).is_none());
    // "… and her colleague Bo Reyes (starting at 3:00)": a person, not a title.
    if !cased || (count <= 3 && is_person_name(&title)) {
        return None;
    }
    Some(title)
}

/// Where the opening phrase ends: at the first capitalised word, a quotation or a colon.
fn opening_end(region: &str) -> Option<usize> {
    for word in words(region) {
        let before = region.get(..word.start)?;
        let quoted = before.ends_with(['"', '“', '‘']);
        let after_colon = before.trim_end().ends_with(':');
        let capital = word
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if quoted {
            return Some(before.len() - before.chars().next_back().map_or(0, char::len_utf8));
        }
        if capital || after_colon {
            // Start at the word itself, or at an opening parenthesis or bracket right before it.
            let lead = before.len() - before.trim_end_matches(['(', '[']).len();
            return Some(word.start - lead);
        }
    }
    None
}

/// The text before a time without the words and marks that lead into it: "Title (starting at "
/// → "Title"; "Title, at " → "Title"; "Title — starts at " → "Title"; also a resource in
/// parentheses before the time, "Title ([slides](…)) ".
fn trim_time_lead(text: &str) -> &str {
    let mut text = text;
    loop {
        let before = text.len();
        text = text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ',' | ':' | '|' | ';')
        });
        if let Some((head, last)) = text.rsplit_once(char::is_whitespace) {
            let bare = last.trim_start_matches(['(', '[']).to_lowercase();
            if TIME_LEADS.contains(&bare.as_str()) {
                text = head;
            }
        } else if TIME_LEADS.contains(&text.to_lowercase().as_str()) {
            text = "";
        }
        if let Some(open) = trailing_group(text) {
            let inner = text.get(open + 1..text.len() - 1).unwrap_or_default();
            if is_resource(inner) || !find_clocks(inner).is_empty() {
                text = text.get(..open).unwrap_or_default();
            }
        }
        if text.len() == before {
            return text;
        }
    }
}

/// Where the parenthesised group that ends `text` opens, matching nested parentheses.
fn trailing_group(text: &str) -> Option<usize> {
    if !text.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a sentence ends inside the text rather than at its end ("Ship It on Friday!" ends at
/// its own end).
fn has_inner_sentence_end(text: &str) -> bool {
    let text = text.trim_end();
    [". ", "! ", "? ", ".\n", "\n"]
        .iter()
        .any(|end| text.contains(end))
}

/// Whether every bracket and quotation in a title closes.
fn balanced(title: &str) -> bool {
    let count = |c: char| title.chars().filter(|&x| x == c).count();
    count('(') == count(')') && count('[') == count(']') && count('“') == count('”')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_time(rest: &str) -> Option<String> {
        let at = find_clocks(rest).first().map(|c| c.start);
        title_between(rest, at)
    }

    #[test]
    fn the_title_sits_between_the_opening_and_the_time() {
        assert_eq!(
            at_time(", starting the evening off for us with a deep dive into Keeping Kafka Consumers Honest (starting at 4:12).").as_deref(),
            Some("Keeping Kafka Consumers Honest")
        );
        assert_eq!(
            at_time(
                " closed our night by making the case for Ship It on Friday! (starting at 58:05)."
            )
            .as_deref(),
            Some("Ship It on Friday!")
        );
        assert_eq!(
            at_time(" got us going with a look at Alert Fatigue Is a Design Bug, at 2:45 in the recording.").as_deref(),
            Some("Alert Fatigue Is a Design Bug")
        );
        assert_eq!(at_time(" — starts at 9:20").as_deref(), None);
    }

    #[test]
    fn the_title_keeps_its_own_punctuation() {
        assert_eq!(
            at_time(" presented Why Builds Break (And How To Stop It) (starting at 24:05).")
                .as_deref(),
            Some("Why Builds Break (And How To Stop It)")
        );
        assert_eq!(
            at_time(" wrapped up with Securing Pipelines – 2021 Update (starting at 1:02:15), explaining that:").as_deref(),
            Some("Securing Pipelines – 2021 Update")
        );
        assert_eq!(
            at_time(" took us through New tracing with OpenTelemetry & Spans (starting at 41:50)")
                .as_deref(),
            Some("New tracing with OpenTelemetry & Spans")
        );
        assert_eq!(
            at_time(" on “Tea, Toast and Terraform” (slides) (starting at 3:00)").as_deref(),
            Some("Tea, Toast and Terraform")
        );
    }

    #[test]
    fn without_a_time_the_title_must_be_title_cased_and_ends_with_its_clause() {
        assert_eq!(
            title_between(
                " popped up telling us that Nobody Reads the Runbook, which got a laugh.",
                None
            )
            .as_deref(),
            Some("Nobody Reads the Runbook")
        );
        assert_eq!(
            title_between(
                " told us why cold starts are mostly a myth in AWS Lambda.",
                None
            ),
            None
        );
    }

    #[test]
    fn prose_that_holds_no_title() {
        // A sentence ends before the time: the time is another sentence's.
        assert_eq!(
            at_time(" spoke first. Later we saw the Demo Reel (starting at 3:00)"),
            None
        );
        // Nothing capitalised: an untitled talk.
        assert_eq!(at_time(" told us how queues fail (starting at 3:00)"), None);
        // People are not titles.
        assert_eq!(
            at_time(" and her colleague Bo Reyes (starting at 3:00)"),
            None
        );
        assert_eq!(trim_time_lead("Title (slides) ("), "Title");
    }
}
