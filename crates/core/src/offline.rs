//! A feed answered from the copy the site's service worker keeps (`offline/sw.js`) while the
//! network is down: the worker stamps the copy with the time it was saved.

/// The header that marks a saved copy, with its RFC 3339 time.
pub const SAVED_HEADER: &str = "x-recap-saved";

use crate::i18n::{Catalogue, Text};

/// What the page says over a saved copy, given the header's value.
pub fn saved_copy_notice(saved: &str, t: &Catalogue) -> String {
    match crate::Timestamp::parse(saved) {
        Ok(time) => t.fill(Text::SavedCopyFrom, &[("date", &t.date_long(&time))]),
        Err(_) => t.get(Text::SavedCopy).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_gives_the_day_of_the_copy() {
        assert_eq!(
            saved_copy_notice("2026-12-02T04:13:00.123Z", &Catalogue::english()),
            "The network is not answering: this is the saved copy of the events from Wednesday 2 December 2026."
        );
        assert_eq!(
            saved_copy_notice("yesterday", &Catalogue::english()),
            "The network is not answering: this is a saved copy of the events."
        );
    }
}
