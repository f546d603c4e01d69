//! Turning the answer to a feed request into a feed or an error a visitor can act on, and when
//! to ask again.

use crate::i18n::{Catalogue, Text};
use crate::parse::{parse_feed, FeedError, ParsedFeed};

/// How long a feed may take to arrive, whole, before the viewer gives up on it (15 s): long
/// enough for a large feed on a slow connection, short enough that a visitor is not left
/// looking at a skeleton.
pub const FEED_TIMEOUT_MS: u32 = 15_000;

/// The largest feed the viewer reads (40 MiB, about 12,000 events with their talks and posts):
/// past it, parsing would hold the page for seconds and take much of its memory. The list is
/// windowed, so an archive up to this size in one file is shown; a larger one is split into
/// pages (JSON Feed `next_url`, `recap-feed build --page-size`), which also paint sooner.
pub const MAX_FEED_BYTES: u64 = 40 * 1024 * 1024;

/// Why the feed could not be shown: in English as [`Display`](std::fmt::Display) writes it, in
/// any language as [`LoadError::text`] does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not complete: offline, blocked, or refused by the server's CORS rules.
    Network(String),
    /// The server answered with an error status.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, possibly empty.
        status_text: String,
    },
    /// The feed did not arrive, whole, in time; the request was given up.
    Timeout {
        /// How long the viewer waited, in milliseconds.
        ms: u32,
        /// Whether the server had answered and was still sending the feed.
        arriving: bool,
    },
    /// The feed is larger than [`MAX_FEED_BYTES`].
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// A web page came back where the feed should be: a wrong address, or a host that answers
    /// every path with its home page.
    Html,
    /// The answer arrived but is not a readable feed.
    Invalid(FeedError),
}

impl From<FeedError> for LoadError {
    fn from(error: FeedError) -> Self {
        LoadError::Invalid(error)
    }
}

impl std::error::Error for LoadError {}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&Catalogue::english()))
    }
}

/// Milliseconds as whole seconds, rounded: `15`.
fn seconds(ms: u32) -> String {
    (ms.saturating_add(500) / 1000).to_string()
}

impl LoadError {
    /// What a visitor is told, in the catalogue's language. (What a feed's reader met, and what
    /// the browser said of a failed request, stay as they were written.)
    pub fn text(&self, t: &Catalogue) -> String {
        match self {
            LoadError::Network(why) => t.fill(Text::ErrorNetwork, &[("why", why)]),
            LoadError::Http {
                status,
                status_text,
            } => {
                let status = format!("{status} {status_text}");
                t.fill(Text::ErrorHttp, &[("status", status.trim_end())])
            }
            LoadError::Timeout { ms, arriving } => {
                let text = if *arriving {
                    Text::ErrorStillArriving
                } else {
                    Text::ErrorNoAnswer
                };
                t.fill(text, &[("seconds", &seconds(*ms))])
            }
            LoadError::TooLarge { limit } => t.fill(
                Text::ErrorTooLarge,
                &[("mb", &(limit / (1024 * 1024)).to_string())],
            ),
            LoadError::Html => t.get(Text::ErrorHtml).to_owned(),
            LoadError::Invalid(why) => t.fill(Text::ErrorInvalid, &[("why", &why.to_string())]),
        }
    }

    /// Whether trying again may help (a network failure, a timeout or a server error, not a
    /// bad document).
    pub fn is_retryable(&self) -> bool {
        match self {
            LoadError::Network(_) | LoadError::Timeout { .. } => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            LoadError::TooLarge { .. } | LoadError::Html | LoadError::Invalid(_) => false,
        }
    }

    /// When to ask again by itself after this error, `retries` automatic retries in (see
    /// [`retry_delay_ms`]); never for an error that asking again cannot mend.
    pub fn retry_in_ms(&self, retries: u32) -> Option<u32> {
        self.is_retryable()
            .then(|| retry_delay_ms(retries))
            .flatten()
    }
}

/// How many times the viewer asks again by itself after a transient failure.
pub(crate) const AUTOMATIC_RETRIES: u32 = 5;

/// The wait before automatic retry number `retries + 1`: 1 s, 2 s, 4 s, 8 s, 16 s (doubling),
/// then none: about half a minute of trying, after which the visitor can still press Try again.
pub fn retry_delay_ms(retries: u32) -> Option<u32> {
    (retries < AUTOMATIC_RETRIES).then(|| 1000 << retries)
}

/// What the error view says about the next automatic retry.
pub fn retry_notice(delay_ms: u32, t: &Catalogue) -> String {
    t.fill(Text::RetryingIn, &[("seconds", &seconds(delay_ms))])
}

/// The time limit a mount element asks for (`data-feed-timeout`, in milliseconds), else
/// [`FEED_TIMEOUT_MS`]. Anything but a positive whole number of milliseconds is ignored.
pub fn feed_timeout_ms(attribute: Option<&str>) -> u32 {
    attribute
        .and_then(|value| value.trim().parse::<u32>().ok())
        .filter(|&ms| ms > 0)
        .unwrap_or(FEED_TIMEOUT_MS)
}

/// Checks a response before its body is read: the status, and the size the server announces
/// (`Content-Length`), so that an error page or an oversized feed is never downloaded.
pub fn check_head(
    status: u16,
    status_text: &str,
    content_length: Option<&str>,
) -> Result<(), LoadError> {
    if !(200..300).contains(&status) {
        return Err(LoadError::Http {
            status,
            status_text: status_text.to_owned(),
        });
    }
    let announced = content_length.and_then(|value| value.trim().parse::<u64>().ok());
    check_size(announced.unwrap_or(0))
}

/// A body's text as the browser's `Response.text()` reads it: UTF-8 without its byte order mark,
/// each sequence that is not UTF-8 replaced with U+FFFD.
pub fn body_text(bytes: Vec<u8>) -> String {
    let text = String::from_utf8(bytes).unwrap_or_else(|err| lossy(err.as_bytes()));
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// `bytes` with what is not UTF-8 replaced, a U+FFFD for each bad sequence (smaller in the app
/// than `String::from_utf8_lossy`).
fn lossy(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                text.push_str(rest);
                return text;
            }
            Err(err) => {
                let (valid, after) = bytes.split_at(err.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push('\u{fffd}');
                // A sequence cut short by the end is one replacement.
                bytes = after
                    .get(err.error_len().unwrap_or(after.len())..)
                    .unwrap_or_default();
            }
        }
    }
}

/// Refuses a body of more than [`MAX_FEED_BYTES`] (`bytes` as announced, or as read).
pub fn check_size(bytes: u64) -> Result<(), LoadError> {
    if bytes > MAX_FEED_BYTES {
        return Err(LoadError::TooLarge {
            limit: MAX_FEED_BYTES,
        });
    }
    Ok(())
}

/// Reads the body of a successful response as a feed. A body that starts with `<`, or one
/// served as `text/html` that is not JSON, is an HTML page rather than a feed.
pub fn read_body(content_type: Option<&str>, body: &str) -> Result<ParsedFeed, LoadError> {
    let start = body.strip_prefix('\u{feff}').unwrap_or(body).trim_start();
    if start.starts_with('<') {
        return Err(LoadError::Html);
    }
    let html = content_type.is_some_and(|t| {
        t.trim_start()
            .get(..9)
            .is_some_and(|t| t.eq_ignore_ascii_case("text/html"))
    });
    parse_feed(body).map_err(|err| match err {
        FeedError::NotJson { .. } if html => LoadError::Html,
        err => LoadError::Invalid(err),
    })
}

/// Reads a feed from a completed HTTP response.
pub fn read_response(
    status: u16,
    status_text: &str,
    content_type: Option<&str>,
    body: &str,
) -> Result<ParsedFeed, LoadError> {
    check_head(status, status_text, None)?;
    check_size(body.len() as u64)?;
    read_body(content_type, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str =
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"a"}]}"#;

    #[test]
    fn a_body_reads_as_the_browser_reads_text() {
        assert_eq!(body_text(FEED.as_bytes().to_vec()), FEED);
        assert_eq!(body_text("Café ☕".as_bytes().to_vec()), "Café ☕");
        assert_eq!(body_text(Vec::new()), "");
        let mut with_mark = "\u{feff}".as_bytes().to_vec();
        with_mark.extend_from_slice(FEED.as_bytes());
        assert_eq!(body_text(with_mark), FEED);
        // Only the first mark goes; each bad sequence is one U+FFFD, as the browser decodes it.
        assert_eq!(
            body_text(b"\xef\xbb\xbf\xef\xbb\xbfcaf\xe9 \x80\x80b\xe2\x82".to_vec()),
            "\u{feff}caf\u{fffd} \u{fffd}\u{fffd}b\u{fffd}"
        );
        for bytes in [
            &b"\xff"[..],
            b"a\xc3",
            b"\xf0\x9f\x98",
            b"\xed\xa0\x80x",
            b"ok\xc0\xafok",
        ] {
            assert_eq!(
                body_text(bytes.to_vec()),
                String::from_utf8_lossy(bytes),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn error_statuses_become_http_errors_with_a_readable_message() {
        let err = read_response(404, "Not Found", Some("text/html"), "<html>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "The server answered 404 Not Found for the feed."
        );
        assert!(!err.is_retryable());
        assert_eq!(err.retry_in_ms(0), None);
        let err = read_response(503, "", None, "").unwrap_err();
        assert_eq!(err.to_string(), "The server answered 503 for the feed.");
        assert!(err.is_retryable());
        assert_eq!(err.retry_in_ms(0), Some(1000));
        let err = check_head(500, "Internal Server Error", Some("12")).unwrap_err();
        assert!(err.is_retryable());
    }

    #[test]
    fn bad_documents_say_where() {
        let err = read_response(200, "OK", None, "{\"items\": [}").unwrap_err();
        assert!(!err.is_retryable());
        assert_eq!(
            err.to_string(),
            "The feed could not be read: the feed is not valid JSON: expected value (line 1, column 12)."
        );
    }

    #[test]
    fn an_html_page_is_named_as_such() {
        for (content_type, body) in [
            (
                Some("text/html; charset=utf-8"),
                "<!doctype html><title>Home</title>",
            ),
            (Some("application/json"), "\u{feff}\n  <html>"),
            (None, "<?xml version=\"1.0\"?><rss/>"),
            (Some("TEXT/HTML"), "Not found, sorry"),
        ] {
            let err = read_response(200, "OK", content_type, body).unwrap_err();
            assert_eq!(err, LoadError::Html, "{body}");
            assert_eq!(
                err.to_string(),
                "An HTML page came back instead of the feed. Check the feed's address."
            );
            assert!(!err.is_retryable());
        }
        // A feed served as text/html is still read.
        assert!(read_response(200, "OK", Some("text/html"), FEED).is_ok());
    }

    #[test]
    fn the_wrong_version_is_refused() {
        let err = read_response(
            200,
            "OK",
            None,
            r#"{"version":"https://jsonfeed.org/version/2","items":[]}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "The feed could not be read: its \"version\" is \"https://jsonfeed.org/version/2\", not JSON Feed 1 (\"https://jsonfeed.org/version/1.1\")."
        );
    }

    #[test]
    fn a_feed_over_the_limit_is_refused_by_its_announced_or_read_size() {
        assert_eq!(MAX_FEED_BYTES, 41_943_040);
        let err = check_head(200, "OK", Some("52428800")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The feed is larger than 40 MB, more than Recap reads at once. A large archive can be split into pages."
        );
        assert!(!err.is_retryable());
        assert!(check_head(200, "OK", Some("41943040")).is_ok());
        assert!(check_head(200, "OK", Some("not a number")).is_ok());
        assert!(check_head(200, "OK", None).is_ok());
        assert!(check_size(MAX_FEED_BYTES + 1).is_err());
    }

    #[test]
    fn timeouts_say_how_long_and_whether_the_feed_was_arriving() {
        let silent = LoadError::Timeout {
            ms: 15_000,
            arriving: false,
        };
        assert_eq!(
            silent.to_string(),
            "The server did not answer within 15 s; Recap gave up waiting."
        );
        assert!(silent.is_retryable());
        let slow = LoadError::Timeout {
            ms: 2500,
            arriving: true,
        };
        assert_eq!(
            slow.to_string(),
            "The feed was still arriving after 3 s; Recap gave up waiting."
        );
    }

    #[test]
    fn the_timeout_comes_from_the_mount_element_or_the_default() {
        assert_eq!(feed_timeout_ms(None), 15_000);
        assert_eq!(feed_timeout_ms(Some("2000")), 2000);
        assert_eq!(feed_timeout_ms(Some(" 750 ")), 750);
        for ignored in ["", "0", "-5", "1.5", "soon"] {
            assert_eq!(feed_timeout_ms(Some(ignored)), 15_000, "{ignored}");
        }
    }

    #[test]
    fn automatic_retries_back_off_then_stop() {
        let delays: Vec<_> = (0..7).map(retry_delay_ms).collect();
        assert_eq!(
            delays,
            [
                Some(1000),
                Some(2000),
                Some(4000),
                Some(8000),
                Some(16000),
                None,
                None
            ]
        );
        let network = LoadError::Network("Failed to fetch".to_owned());
        assert_eq!(network.retry_in_ms(2), Some(4000));
        assert_eq!(network.retry_in_ms(AUTOMATIC_RETRIES), None);
        assert_eq!(LoadError::Html.retry_in_ms(0), None);
        assert_eq!(
            retry_notice(4000, &Catalogue::english()),
            "This is often temporary: trying again in 4 s."
        );
    }

    #[test]
    fn good_documents_are_parsed() {
        let parsed = read_response(200, "OK", Some("application/json"), FEED).unwrap();
        assert_eq!(parsed.feed.items.len(), 1);
    }
}
