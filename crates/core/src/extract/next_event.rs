//! The next meetup: the heading or paragraph that announces it, its date and its sign-up link.

use super::text::{word_span, words};
use crate::blocks::Inline;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A heading that announces the next meetup.
pub(super) fn is_next_event_heading(lower: &str) -> bool {
    [
        "next meetup",
        "next event",
        "next month",
        "upcoming",
        "coming up",
        "save the date",
        "join us",
        "next time",
        "rsvp",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
        || lower.starts_with("next ")
}

/// A heading of a part of the post that holds no talks: jobs, news, promotions, photos.
pub(super) fn is_aside_heading(lower: &str) -> bool {
    [
        "job",
        "hiring",
        "career",
        "vacanc",
        "promot",
        "news",
        "photo",
        "call for",
        "cfp",
        "get involved",
        "about us",
        "code of conduct",
        "raffle",
        "swag",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// A paragraph that announces the next meetup: a strong cue, or a date with a weaker one.
pub(super) fn is_next_event_text(lower: &str, text: &str) -> bool {
    let strong = [
        "next meetup",
        "next event",
        "next month",
        "our next session",
        "our next edition",
        "save the date",
        "next get-together",
        "next one",
    ]
    .iter()
    .any(|cue| lower.contains(cue));
    let weak = [
        "meetup",
        "back on",
        "join us",
        "see you on ",
        "meeting on",
        "rsvp",
        "sign up",
        "our next",
        "will be on",
    ]
    .iter()
    .any(|cue| lower.contains(cue));
    strong || (weak && find_date(text).is_some())
}

/// A link that signs people up for an event ("book your ticket now", a meetup.com event page):
/// never a talk's title.
pub(super) fn is_signup_link(text: &str, url: &str) -> bool {
    let text = text.trim().to_ascii_lowercase();
    let url = url.to_ascii_lowercase();
    [
        "rsvp",
        "register",
        "sign up",
        "book your",
        "book now",
        "get your ticket",
        "grab a ticket",
        "buy a ticket",
        "tickets",
    ]
    .iter()
    .any(|cue| text.starts_with(cue) || text.ends_with(cue))
        || text.contains("ticket")
        || ["meetup.com/", "eventbrite.", "lu.ma/", "tito.io/"]
            .iter()
            .any(|host| url.contains(host) && url.contains("event"))
}

pub(super) fn is_rsvp(text: &str, url: &str) -> bool {
    let text = text.to_ascii_lowercase();
    let url = url.to_ascii_lowercase();
    [
        "rsvp",
        "register",
        "sign up",
        "signup",
        "sign-up",
        "ticket",
        "attend",
        "book",
        "save your",
        "join",
        "save the date",
    ]
    .iter()
    .any(|cue| text.contains(cue))
        || ["meetup.com", "eventbrite", "lu.ma", "tito.io", "rsvp"]
            .iter()
            .any(|cue| url.contains(cue))
}

/// The sign-up link among these inlines.
pub(super) fn rsvp_link(inlines: &[Inline]) -> Option<String> {
    inlines.iter().find_map(|inline| match inline {
        Inline::Link { text, url } if is_rsvp(text, url) => Some(url.clone()),
        _ => None,
    })
}

/// A month's name, full or short.
pub(super) fn is_month(word: &str) -> bool {
    MONTHS.contains(
        &word
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_ascii_lowercase()
            .as_str(),
    )
}

fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = word.get(digits.len()..).unwrap_or_default();
    !digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
}

/// A date as written: "Wednesday 3rd May", "Thursday, March 14th", "14 March".
pub(super) fn find_date(text: &str) -> Option<String> {
    let words = words(text);
    let lower: Vec<String> = words.iter().map(|w| w.text.to_ascii_lowercase()).collect();
    lower
        .iter()
        .enumerate()
        .filter(|(_, l)| MONTHS.contains(&l.as_str()))
        .find_map(|(month, _)| date_at(text, &words, &lower, month))
}

/// The date around the month name at word `month`, if a day goes with it.
fn date_at(
    text: &str,
    words: &[super::text::Word<'_>],
    lower: &[String],
    month: usize,
) -> Option<String> {
    let day_at = |k: usize| words.get(k).is_some_and(|w| is_day(w.text));
    let lower_before = |k: usize| {
        k.checked_sub(1)
            .and_then(|k| lower.get(k))
            .map(String::as_str)
    };
    let mut start = month;
    let mut end = month;
    if day_at(month + 1) && words.get(month).is_some_and(|w| !w.closes) {
        end = month + 1;
    } else {
        let mut day = month;
        if lower_before(day) == Some("of") {
            day -= 1;
        }
        if day >= 1 && day_at(day - 1) {
            start = day - 1;
            if lower_before(start) == Some("the") {
                start -= 1;
            }
        } else {
            return None;
        }
    }
    if lower_before(start).is_some_and(|l| WEEKDAYS.contains(&l)) {
        start -= 1;
    }
    let (from, to) = word_span(words, start, end + 1)?;
    text.get(from..to).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written() {
        assert_eq!(
            find_date("Our next meetup will be on Wednesday 3rd May, when").as_deref(),
            Some("Wednesday 3rd May")
        );
        assert_eq!(
            find_date("on Thursday, March 14th at").as_deref(),
            Some("Thursday, March 14th")
        );
        assert_eq!(
            find_date("on the 5th of June").as_deref(),
            Some("the 5th of June")
        );
        assert_eq!(find_date("see you in May"), None);
        assert_eq!(find_date("no dates here"), None);
    }

    #[test]
    fn signup_links() {
        assert!(is_signup_link(
            "book your ticket now",
            "https://t.example/e/1"
        ));
        assert!(is_signup_link(
            "here",
            "https://www.meetup.com/x/events/123/"
        ));
        assert!(!is_signup_link(
            "Jupyter Notebooks in Production",
            "https://youtu.be/x"
        ));
    }

    #[test]
    fn aside_headings() {
        assert!(is_aside_heading("### jobs board"));
        assert!(is_aside_heading("## community news"));
        assert!(!is_aside_heading("## the talks"));
    }
}
