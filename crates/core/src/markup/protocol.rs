//! The click protocol: the attributes the markup writes and the page's click handler reads.
//! One owner for the names, so that the two sides cannot drift apart.

/// On `<a href>`: a page of the app, opened in place.
pub const ROUTE: &str = "data-route";
/// On a time link or a chapter: seconds into the recording.
pub const TIME: &str = "data-t";
/// On the video facade's button: play the recording.
pub const PLAY: &str = "data-play";
/// On a "Copy link" button: the link to copy.
pub const COPY: &str = "data-copy";
/// On a picture: the class of the placeholder drawn in its place if it fails to load.
pub const PLACEHOLDER: &str = "data-placeholder";
/// On the mount element of a pre-rendered page: the form of the event links the pages were
/// written in (`dir`: `events/<id>/`).
pub const PAGES: &str = "data-pages";

/// Selectors for the handler, built from the names above.
pub mod selector {
    /// An app link.
    pub const ROUTE: &str = "a[data-route]";
    /// A time or chapter.
    pub const TIME: &str = "[data-t]";
    /// The facade's play button.
    pub const PLAY: &str = "[data-play]";
    /// A copy button.
    pub const COPY: &str = "button[data-copy]";
}

/// The `rel` of every link that leaves the site for a URL taken from the feed: no access to
/// this page (`noopener`), no referrer, no endorsement (`nofollow ugc`: the feed is
/// user-written content). The one policy: the markup's links to the feed's URLs are made by
/// [`super::views::outside_link`] (a talk's time link, which also carries its second, sets it
/// itself), and the sanitiser adds the same `rel` to a post's links.
pub const OUTSIDE_REL: &str = "noopener noreferrer nofollow ugc";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_name_the_attributes() {
        assert!(selector::ROUTE.contains(ROUTE));
        assert!(selector::TIME.contains(TIME));
        assert!(selector::PLAY.contains(PLAY));
        assert!(selector::COPY.contains(COPY));
    }
}
