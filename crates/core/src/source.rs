//! Which feed a page loads.
//!
//! The site owner names it (the mount element's `data-feed`); a visitor's link may name another
//! one with `?feed=`, but only on the page's own origin, so that a crafted link cannot show a
//! stranger's feed under the site's name.

/// The feed loaded when nothing else is named: `feed.json` beside the app.
pub const DEFAULT_FEED: &str = "feed.json";

/// A `?feed=` value, as the browser resolved it against the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryFeed {
    /// The absolute URL it resolves to.
    pub href: String,
    /// Whether that URL has exactly the page's origin.
    pub same_origin: bool,
}

/// The feed to load, and what a visitor should be told about the choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    /// The URL to fetch, relative to the page or absolute.
    pub url: String,
    /// Set when a `?feed=` was refused.
    pub notice: Option<String>,
}

/// Chooses the feed: a same-origin `?feed=` first, then the mount element's `data-feed`, then
/// [`DEFAULT_FEED`].
pub fn choose_feed(data_feed: Option<&str>, query: Option<QueryFeed>) -> FeedSource {
    let fallback = data_feed
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .unwrap_or(DEFAULT_FEED)
        .to_owned();
    match query {
        Some(QueryFeed {
            href,
            same_origin: true,
        }) => FeedSource {
            url: href,
            notice: None,
        },
        Some(QueryFeed { href, .. }) => FeedSource {
            url: fallback,
            notice: Some(format!(
                "The feed named in this link ({href}) is on another site, so this page shows its own feed instead."
            )),
        },
        None => FeedSource {
            url: fallback,
            notice: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(href: &str, same_origin: bool) -> Option<QueryFeed> {
        Some(QueryFeed {
            href: href.to_owned(),
            same_origin,
        })
    }

    #[test]
    fn defaults_to_the_feed_beside_the_app() {
        assert_eq!(choose_feed(None, None).url, "feed.json");
        assert_eq!(choose_feed(Some("  "), None).url, "feed.json");
    }

    #[test]
    fn the_site_owner_may_name_any_feed() {
        let source = choose_feed(Some(" https://other.example/feed.json "), None);
        assert_eq!(source.url, "https://other.example/feed.json");
        assert_eq!(source.notice, None);
    }

    #[test]
    fn a_link_may_name_only_a_same_origin_feed() {
        let ok = choose_feed(
            Some("feed.json"),
            query("https://site.example/old.json", true),
        );
        assert_eq!(ok.url, "https://site.example/old.json");
        assert_eq!(ok.notice, None);

        let refused = choose_feed(
            Some("main.json"),
            query("https://evil.example/f.json", false),
        );
        assert_eq!(refused.url, "main.json");
        assert!(refused
            .notice
            .unwrap()
            .contains("https://evil.example/f.json"));
    }
}
