//! The viewer's URLs: the event list with its search and filters, an event at a moment.
//!
//! `{base}` is the list (`?q=…&tag=…&year=…`), `{base}events/{id}` an event (`?t=183`). Ids are
//! percent-encoded into one path segment, since Jekyll ids look like `/2023/05/03/slug`. A `feed`
//! parameter, when the page has one, is carried along so that links stay on the same feed.

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
    /// Anything else under the base.
    NotFound,
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
    match rest.strip_prefix("events/") {
        Some(id) if !id.is_empty() && !id.contains('/') => Route::Event {
            id: percent_decode(id),
            t: param("t").and_then(|t| crate::time::parse_time_param(&t)),
        },
        _ => Route::NotFound,
    }
}

/// The URL of a route, relative to the origin: `{base}events/%2F2023%2F05%2F03%2Fslug?t=183`.
pub fn href(route: &Route, base: &str, feed: Option<&str>) -> String {
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
            format!("{base}events/{}", percent_encode(id))
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
