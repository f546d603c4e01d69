//! The names the markup and the app agree on: the attributes the markup writes and the page's
//! click handler reads, the mount element's attributes, and the classes and ids the app looks
//! up in what it built. One owner for every name, so that the sides cannot drift apart: the
//! markup writes these constants, the app's selectors are built from them ([`selector`]).

/// On `<a href>`: a page of the app, opened in place.
pub const ROUTE: &str = "data-route";
/// On a time link or a chapter: seconds into the recording.
pub const TIME: &str = "data-t";
/// On the video facade's button: play the recording.
pub const PLAY: &str = "data-play";
/// On a "Copy link" button: the link to copy.
pub const COPY: &str = "data-copy";
/// A button that does what its part of the page is for ("Try again", "Clear search and
/// filters"): the part's own action.
pub const ACTION: &str = "data-action";
/// On a picture: the class of the placeholder drawn in its place if it fails to load.
pub const PLACEHOLDER: &str = "data-placeholder";
/// On the mount element of a pre-rendered page: the form of the event links the pages were
/// written in (`dir`: `events/<id>/`).
pub const PAGES: &str = "data-pages";

/// On the host page: the element the app mounts in.
pub const MOUNT: &str = "data-recap";
/// On the mount element: the feed's address.
pub const FEED: &str = "data-feed";
/// On the mount element: where YouTube's player comes from.
pub const YOUTUBE_HOST: &str = "data-youtube-host";
/// On the mount element: where Vimeo's player comes from.
pub const VIMEO_HOST: &str = "data-vimeo-host";
/// On the mount element: how long the feed may take, in milliseconds.
pub const FEED_TIMEOUT: &str = "data-feed-timeout";
/// On the mount element: the interface's language (else the page's `<html lang>`).
pub const LANG: &str = "data-lang";
/// On a mount element, written by the app: it stopped on an error and shows a message.
pub const PANIC: &str = "data-recap-panic";

/// Classes the app looks up or writes itself.
pub mod class {
    /// The app's frame, the mount element's one child (in a pre-rendered page too).
    pub const FRAME: &str = "recap";
    /// The frame's main region.
    pub const MAIN: &str = "recap-main";
    /// A static part of a page, built from the markup at once.
    pub const RENDERED: &str = "recap-rendered";
    /// What the speakers' search finds: rewritten as the visitor types.
    pub const PEOPLE_LIST: &str = "recap-people__list";
    /// The place of the full recap, filled with the sanitised post.
    pub const FULL_BODY: &str = "recap-full__body";
    /// The recording's screen: the facade, then the player.
    pub const VIDEO_SCREEN: &str = "recap-video__screen";
    /// The link beside a "Copy link" button, shown when the clipboard refuses it.
    pub const COPY_FIELD: &str = "recap-copy-field";
    /// The app's container while it takes over a pre-rendered page.
    pub const TAKEOVER: &str = "recap-takeover";
}

/// Ids of the search form's controls.
pub mod id {
    /// The search box.
    pub const SEARCH: &str = "recap-search";
    /// The year filter.
    pub const YEAR: &str = "recap-year";
    /// The tag filter.
    pub const TAG: &str = "recap-tag";
    /// The search of the speakers' list.
    pub const PEOPLE_SEARCH: &str = "recap-people-search";
}

/// Selectors, built from the names above.
pub mod selector {
    /// An app link.
    pub const ROUTE: &str = "a[data-route]";
    /// A time or chapter.
    pub const TIME: &str = "[data-t]";
    /// The facade's play button.
    pub const PLAY: &str = "[data-play]";
    /// A copy button.
    pub const COPY: &str = "button[data-copy]";
    /// A part's action button.
    pub const ACTION: &str = "[data-action]";
    /// The mount element.
    pub const MOUNT: &str = "[data-recap]";
    /// The frame, as the mount element's child.
    pub const FRAME: &str = ":scope > .recap";
    /// The place of the full recap.
    pub const FULL_BODY: &str = ".recap-full__body";
    /// The recording's screen.
    pub const VIDEO_SCREEN: &str = ".recap-video__screen";
    /// The search box.
    pub const SEARCH: &str = "#recap-search";
    /// The year filter.
    pub const YEAR: &str = "#recap-year";
    /// The tag filter.
    pub const TAG: &str = "#recap-tag";
    /// A page's heading, which the app focuses on a new page.
    pub const PAGE_TITLE: &str = "h1";
    /// A year section's list of cards.
    pub const CARDS: &str = "ul";
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
        assert!(selector::MOUNT.contains(MOUNT));
        assert!(selector::FRAME.ends_with(&format!(".{}", class::FRAME)));
        assert_eq!(selector::FULL_BODY, format!(".{}", class::FULL_BODY));
        assert_eq!(selector::VIDEO_SCREEN, format!(".{}", class::VIDEO_SCREEN));
        assert_eq!(selector::SEARCH, format!("#{}", id::SEARCH));
        assert_eq!(selector::YEAR, format!("#{}", id::YEAR));
        assert_eq!(selector::TAG, format!("#{}", id::TAG));
    }
}
