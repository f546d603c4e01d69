//! The viewer's URLs: the event list with its search and filters, an event at a moment.
//!
//! `{base}` is the list (`?q=…&tag=…&year=…`), `{base}events/{id}` an event (`?t=183`). Ids are
//! percent-encoded into one path segment, since Jekyll ids look like `/2023/05/03/slug`. A `feed`
//! parameter, when the page has one, is carried along so that links stay on the same feed. An
//! embed that keeps its place in its host page's address writes the same URL in the fragment:
//! `#recap=/events/{id}?t=183`.

use crate::url::{parse_query, percent_decode};
// The player builds its embed URLs' `origin` with it from here.
pub(crate) use crate::url::percent_encode;

/// What the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Search text, as typed.
    pub q: String,
    /// Only events with this tag.
    pub tag: Option<String>,
    /// Only events of this year.
    pub year: Option<i32>,
}

impl ListQuery {
    /// Whether any search or filter is set.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || self.tag.is_some() || self.year.is_some()
    }
}

/// A page of the viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The event list.
    List(ListQuery),
    /// One event, optionally at a moment of its video.
    Event {
        /// The item id.
        id: String,
        /// Seconds into the video.
        t: Option<u32>,
    },
    /// Every speaker, `speakers/`, with the search text that narrows the list (`?q=`).
    Speakers(String),
    /// One speaker's talks across events, by their page's slug: `speakers/<slug>/`.
    Speaker(String),
    /// Every organisation speakers spoke for: `organisations/`.
    Organisations,
    /// One organisation's talks, by its page's slug: `organisations/<slug>/`.
    Organisation(String),
    /// Anything else under the base.
    NotFound,
}

/// A slug as a page's path may carry it: ASCII letters, digits and hyphens
/// ([`crate::people::slug`] writes no other).
fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Reads a route from a page path and query string (`?a=b`, with or without `?`), given the
/// app's base path (`/` or `/recap/`).
pub fn parse_route(path: &str, query: &str, base: &str) -> Route {
    let base = base.trim_end_matches('/');
    let Some(rest) = path.strip_prefix(base) else {
        return Route::NotFound;
    };
    let rest = rest.trim_start_matches('/');
    let params = parse_query(query);
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    if rest.is_empty() || rest == "index.html" {
        return Route::List(ListQuery {
            q: param("q").unwrap_or_default(),
            tag: param("tag"),
            year: param("year").and_then(|y| y.parse().ok()),
        });
    }
    // `events/<id>/` (and its `index.html`) is the directory form that static hosts serve for
    // pre-rendered pages.
    let rest = rest.strip_suffix("/index.html").unwrap_or(rest);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let t = || param("t").and_then(|t| crate::time::parse_time_param(&t));
    match rest {
        "speakers" => return Route::Speakers(param("q").unwrap_or_default()),
        "organisations" => return Route::Organisations,
        _ => {}
    }
    let person = |prefix: &str| rest.strip_prefix(prefix).filter(|s| is_slug(s));
    if let Some(slug) = person("speakers/") {
        return Route::Speaker(slug.to_owned());
    }
    if let Some(slug) = person("organisations/") {
        return Route::Organisation(slug.to_owned());
    }
    match rest.strip_prefix("events/") {
        Some(id) if !id.is_empty() && !id.contains('/') => Route::Event {
            id: percent_decode(id),
            t: t(),
        },
        // An address made from an old Jekyll id with its slashes left in,
        // `events/2024/03/06/slug`: the event of that day and slug.
        Some(path) => {
            let old = format!("/{}", percent_decode(path));
            match crate::id::canonical_id(&old) {
                std::borrow::Cow::Owned(id) => Route::Event { id, t: t() },
                std::borrow::Cow::Borrowed(_) => Route::NotFound,
            }
        }
        _ => Route::NotFound,
    }
}

/// The URL of a route, relative to the origin: `{base}events/%2F2023%2F05%2F03%2Fslug?t=183`.
pub fn href(route: &Route, base: &str, feed: Option<&str>) -> String {
    href_in(route, base, feed, LinkForm::Plain)
}

/// How the links to events are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LinkForm {
    /// `{base}events/{id}`: the app answers it (a host with rewrites, or `404.html`).
    #[default]
    Plain,
    /// `{base}events/{id}/`: the directory of a pre-rendered page, which any static host serves.
    Directory,
}

/// The URL of a route with the event links in `form`.
pub fn href_in(route: &Route, base: &str, feed: Option<&str>, form: LinkForm) -> String {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let mut params: Vec<(&str, String)> = Vec::new();
    let path = match route {
        Route::List(query) => {
            if !query.q.trim().is_empty() {
                params.push(("q", query.q.clone()));
            }
            if let Some(tag) = &query.tag {
                params.push(("tag", tag.clone()));
            }
            if let Some(year) = query.year {
                params.push(("year", year.to_string()));
            }
            base
        }
        Route::Event { id, t } => {
            if let Some(t) = t {
                params.push(("t", t.to_string()));
            }
            let slash = if form == LinkForm::Directory { "/" } else { "" };
            format!("{base}events/{}{slash}", percent_encode(id))
        }
        // The people pages are directories whatever the form: `recap-feed pages` writes them
        // so, and the app answers both.
        Route::Speakers(q) => {
            if !q.trim().is_empty() {
                params.push(("q", q.clone()));
            }
            format!("{base}speakers/")
        }
        Route::Speaker(slug) => format!("{base}speakers/{slug}/"),
        Route::Organisations => format!("{base}organisations/"),
        Route::Organisation(slug) => format!("{base}organisations/{slug}/"),
        Route::NotFound => base,
    };
    if let Some(feed) = feed {
        params.push(("feed", feed.to_owned()));
    }
    if params.is_empty() {
        return path;
    }
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Where a route starts in the fragment of a page that embeds the viewer and lets it keep its
/// place there: `#recap=/events/…?t=183`.
/// How the viewer writes its links, wherever it runs: the one rule behind every link the app,
/// its side modules and the pre-rendered pages make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addresses {
    /// Paths under the app's own page's `base`, carrying its `feed`, in the `form` its host
    /// serves.
    Page {
        /// The app's base path (`/` or `/recap/`).
        base: String,
        /// The page's `?feed=`, carried along.
        feed: Option<String>,
        /// Plain or directory links.
        form: LinkForm,
    },
    /// The standalone app's address (an embed that knows it): links open the full app.
    App(String),
    /// The host page's fragment, `#recap=/events/…` (an embed).
    Fragment,
}

impl Addresses {
    /// The URL of `route`.
    pub fn href(&self, route: &Route) -> String {
        match self {
            Addresses::Page { base, feed, form } => href_in(route, base, feed.as_deref(), *form),
            Addresses::App(app) => href(route, app, None),
            Addresses::Fragment => fragment_href(route),
        }
    }

    /// The addresses as they cross to a side module, in plain values: a kind (`0`: the app's
    /// own page, `1`: the standalone app's address, `2`: the host page's fragment), the base
    /// path or the app's address, the page's `?feed=`, and whether links are directories.
    pub fn into_parts(self) -> (u8, String, Option<String>, bool) {
        match self {
            Addresses::Page { base, feed, form } => (0, base, feed, form == LinkForm::Directory),
            Addresses::App(app) => (1, app, None, false),
            Addresses::Fragment => (2, String::new(), None, false),
        }
    }

    /// The addresses that [`Addresses::into_parts`] gave these parts.
    pub fn from_parts(kind: u8, base: String, feed: Option<String>, directory: bool) -> Self {
        match kind {
            0 => Addresses::Page {
                base,
                feed,
                form: if directory {
                    LinkForm::Directory
                } else {
                    LinkForm::Plain
                },
            },
            1 => Addresses::App(base),
            _ => Addresses::Fragment,
        }
    }
}

pub(crate) const FRAGMENT: &str = "#recap=";

/// A route as an embed writes it in its page's fragment: `#recap=/events/%2F2023%2F05%2F03%2Fslug?t=183`.
pub fn fragment_href(route: &Route) -> String {
    format!("{FRAGMENT}{}", href(route, "/", None))
}

/// The route in a URL's fragment (`…#recap=/events/…?t=183`, or the fragment alone), if it has one.
pub fn parse_fragment(url: &str) -> Option<Route> {
    let (_, inner) = url.split_once(FRAGMENT)?;
    let (path, query) = inner.split_once('?').unwrap_or((inner, ""));
    Some(parse_route(path, query, "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_cross_to_a_module_and_back() {
        for addresses in [
            Addresses::Page {
                base: "/recap/".into(),
                feed: Some("https://example.org/feed.json".into()),
                form: LinkForm::Directory,
            },
            Addresses::Page {
                base: "/".into(),
                feed: None,
                form: LinkForm::Plain,
            },
            Addresses::App("https://example.org/recap/".into()),
            Addresses::Fragment,
        ] {
            let (kind, base, feed, directory) = addresses.clone().into_parts();
            assert_eq!(
                Addresses::from_parts(kind, base, feed, directory),
                addresses
            );
        }
    }

    #[test]
    fn routes_round_trip_through_a_fragment() {
        let routes = [
            Route::List(ListQuery::default()),
            Route::List(ListQuery {
                q: "eBPF & Rust #1".into(),
                tag: Some("Video".into()),
                year: Some(2024),
            }),
            Route::Event {
                id: "/2024/11/14/kelpie-cloud-november-2024".into(),
                t: Some(183),
            },
        ];
        for route in routes {
            let fragment = fragment_href(&route);
            assert!(fragment.starts_with("#recap=/"), "{fragment}");
            assert_eq!(parse_fragment(&fragment), Some(route.clone()), "{fragment}");
            let page = format!("https://example.org/recaps/?x=1{fragment}");
            assert_eq!(parse_fragment(&page), Some(route), "{page}");
        }
        assert_eq!(
            fragment_href(&Route::Event {
                id: "/2024/11/14/slug".into(),
                t: Some(183)
            }),
            "#recap=/events/%2F2024%2F11%2F14%2Fslug?t=183"
        );
        assert_eq!(
            parse_fragment("https://example.org/recaps/#section-2"),
            None
        );
        assert_eq!(parse_fragment(""), None);
        assert_eq!(parse_fragment("#recap=/nowhere"), Some(Route::NotFound));
    }

    #[test]
    fn the_directory_form_round_trips() {
        let route = Route::Event {
            id: "/2023/05/03/slug".into(),
            t: Some(183),
        };
        let url = href_in(&route, "/recap/", None, LinkForm::Directory);
        assert_eq!(url, "/recap/events/%2F2023%2F05%2F03%2Fslug/?t=183");
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        assert_eq!(parse_route(path, query, "/recap/"), route);
        assert_eq!(
            parse_route("/events/a/index.html", "", "/"),
            Route::Event {
                id: "a".into(),
                t: None
            }
        );
        assert_eq!(parse_route("/events/a/b/", "", "/"), Route::NotFound);
        assert_eq!(parse_route("/events//", "", "/"), Route::NotFound);
    }

    #[test]
    fn an_old_jekyll_address_opens_its_event() {
        assert_eq!(
            parse_route("/recap/events/2024/03/06/march/", "t=90", "/recap/"),
            Route::Event {
                id: "2024-03-06-march".into(),
                t: Some(90)
            }
        );
        assert_eq!(
            parse_route("/events/meetups/2024/03/06/march.html", "", "/"),
            Route::Event {
                id: "2024-03-06-march".into(),
                t: None
            }
        );
        assert_eq!(
            parse_route("/events/2024/03/march", "", "/"),
            Route::NotFound
        );
    }

    #[test]
    fn people_pages_round_trip_in_every_form() {
        let routes = [
            Route::Speakers(String::new()),
            Route::Speakers("núñez & co".into()),
            Route::Speaker("jose-nunez-2".into()),
            Route::Organisations,
            Route::Organisation("acme".into()),
        ];
        for route in routes {
            for base in ["/", "/recap/"] {
                for form in [LinkForm::Plain, LinkForm::Directory] {
                    let url = href_in(&route, base, Some("f.json"), form);
                    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
                    assert!(path.ends_with('/'), "{url}");
                    assert_eq!(parse_route(path, query, base), route, "{url}");
                    let bare = path.trim_end_matches('/');
                    assert_eq!(parse_route(bare, query, base), route, "{url}");
                }
            }
            let fragment = fragment_href(&route);
            assert_eq!(parse_fragment(&fragment), Some(route.clone()), "{fragment}");
        }
        assert_eq!(
            href(&Route::Speaker("ada".into()), "/recap", None),
            "/recap/speakers/ada/"
        );
        // Not a slug: nothing the viewer wrote.
        assert_eq!(parse_route("/speakers/a/b/", "", "/"), Route::NotFound);
        assert_eq!(parse_route("/speakers/Ada%20L/", "", "/"), Route::NotFound);
        assert_eq!(
            parse_route("/speakers/index.html", "q=ada", "/"),
            Route::Speakers("ada".into())
        );
    }

    #[test]
    fn addresses_write_each_form() {
        let route = Route::Speaker("ada".into());
        let page = Addresses::Page {
            base: "/recap/".into(),
            feed: Some("f.json".into()),
            form: LinkForm::Directory,
        };
        assert_eq!(page.href(&route), "/recap/speakers/ada/?feed=f.json");
        assert_eq!(
            Addresses::App("https://example.org/recap/".into()).href(&route),
            "https://example.org/recap/speakers/ada/"
        );
        assert_eq!(Addresses::Fragment.href(&route), "#recap=/speakers/ada/");
    }

    #[test]
    fn lists_and_events_round_trip_under_a_base() {
        for base in ["/", "/recap/"] {
            let routes = [
                Route::List(ListQuery::default()),
                Route::List(ListQuery {
                    q: "eBPF & Rust".into(),
                    tag: Some("Video".into()),
                    year: Some(2023),
                }),
                Route::Event {
                    id: "/2023/05/03/cloud-native-london".into(),
                    t: Some(183),
                },
                Route::Event {
                    id: "2023-05-03-café ünïcode?#&".into(),
                    t: None,
                },
            ];
            for route in routes {
                let url = href(&route, base, None);
                let (path, query) = url.split_once('?').unwrap_or((&url, ""));
                assert_eq!(parse_route(path, query, base), route, "{url}");
            }
        }
        assert_eq!(
            href(
                &Route::Event {
                    id: "/2023/05/03/x".into(),
                    t: Some(183)
                },
                "/",
                Some("f.json")
            ),
            "/events/%2F2023%2F05%2F03%2Fx?t=183&feed=f.json"
        );
    }

    #[test]
    fn unknown_paths_and_odd_input() {
        assert_eq!(parse_route("/nope", "", "/"), Route::NotFound);
        assert_eq!(parse_route("/events/", "", "/"), Route::NotFound);
        assert_eq!(parse_route("/other/", "", "/recap/"), Route::NotFound);
        assert_eq!(
            parse_route("/index.html", "", "/"),
            Route::List(ListQuery::default())
        );
        assert_eq!(
            parse_route("/events/a", "t=1m40s&t=", "/"),
            Route::Event {
                id: "a".into(),
                t: Some(100)
            }
        );
        assert_eq!(
            parse_route("/", "?q=a+b&year=twenty", "/"),
            Route::List(ListQuery {
                q: "a b".into(),
                tag: None,
                year: None
            })
        );
    }
}
