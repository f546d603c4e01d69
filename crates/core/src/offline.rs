//! A feed answered from the copy the site's service worker keeps (`offline/sw.js`) while the
//! network is down: the worker stamps the copy with the time it was saved.

/// The header that marks a saved copy, with its RFC 3339 time.
pub const SAVED_HEADER: &str = "x-recap-saved";

/// What the page says over a saved copy, given the header's value.
pub fn saved_copy_notice(saved: &str) -> String {
    match crate::Timestamp::parse(saved) {
        Ok(time) => format!(
            "The network is not answering: this is the saved copy of the events from {}.",
            time.date_in_words()
        ),
        Err(_) => "The network is not answering: this is a saved copy of the events.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_gives_the_day_of_the_copy() {
        assert_eq!(
            saved_copy_notice("2026-12-02T04:13:00.123Z"),
            "The network is not answering: this is the saved copy of the events from Wednesday 2 December 2026."
        );
        assert_eq!(
            saved_copy_notice("yesterday"),
            "The network is not answering: this is a saved copy of the events."
        );
    }
}
