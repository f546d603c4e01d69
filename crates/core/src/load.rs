//! Turning the answer to a feed request into a feed or an error a visitor can act on.

use crate::parse::{parse_feed, FeedError, ParsedFeed};

/// Why the feed could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete: offline, blocked, or refused by the server's CORS rules.
    #[error("The feed could not be reached ({0}). Check your connection and try again.")]
    Network(String),
    /// The server answered with an error status.
    #[error("The server answered {status}{}{} for the feed.", if .status_text.is_empty() { "" } else { " " }, .status_text)]
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, possibly empty.
        status_text: String,
    },
    /// The answer arrived but is not a readable feed.
    #[error("The feed could not be read: {0}.")]
    Invalid(#[from] FeedError),
}

impl LoadError {
    /// Whether trying again may help (a network failure or a server error, not a bad document).
    pub fn is_retryable(&self) -> bool {
        match self {
            LoadError::Network(_) => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            LoadError::Invalid(_) => false,
        }
    }
}

/// Reads a feed from a completed HTTP response.
pub fn read_response(status: u16, status_text: &str, body: &str) -> Result<ParsedFeed, LoadError> {
    if !(200..300).contains(&status) {
        return Err(LoadError::Http {
            status,
            status_text: status_text.to_owned(),
        });
    }
    Ok(parse_feed(body)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_statuses_become_http_errors_with_a_readable_message() {
        let err = read_response(404, "Not Found", "<html>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "The server answered 404 Not Found for the feed."
        );
        assert!(!err.is_retryable());
        let err = read_response(503, "", "").unwrap_err();
        assert_eq!(err.to_string(), "The server answered 503 for the feed.");
        assert!(err.is_retryable());
    }

    #[test]
    fn bad_documents_say_where() {
        let err = read_response(200, "OK", "<!doctype html>").unwrap_err();
        assert!(!err.is_retryable());
        assert!(
            err.to_string()
                .starts_with("The feed could not be read: the feed is not valid JSON:"),
            "{err}"
        );
        assert!(err.to_string().contains("(line 1, column 1)"), "{err}");
    }

    #[test]
    fn good_documents_are_parsed() {
        let parsed = read_response(
            200,
            "OK",
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"a"}]}"#,
        )
        .unwrap();
        assert_eq!(parsed.feed.items.len(), 1);
    }
}
