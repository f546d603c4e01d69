//! URL checks for feed content, which is untrusted.

/// The URL to put in an `href` or `src`, or `None` when its scheme is not allowed.
///
/// Allowed are `http`, `https`, `mailto` and relative URLs. The check sees the URL as a browser
/// does: tabs and newlines anywhere and leading or trailing spaces and control characters are
/// dropped first, so `" java\tscript:"` is recognised for what it is.
pub fn safe_url(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(scheme)
            if ["http", "https", "mailto"]
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed)) =>
        {
            Some(cleaned)
        }
        Some(_) => None,
    }
}

/// The scheme of an absolute URL, or `None` for a relative one.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    let candidate = &url[..end];
    let is_scheme = url[end..].starts_with(':')
        && candidate.starts_with(|c: char| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything else before a colon ("a b:c") is no scheme a browser would accept as relative
    // either; treat it as an unknown scheme.
    if is_scheme || url[end..].starts_with(':') {
        Some(candidate)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_links_mail_and_relative_urls() {
        for url in [
            "https://example.org/a?b=c#d",
            "HTTP://EXAMPLE.ORG",
            "mailto:hello@example.org",
            "/images/a.jpeg",
            "images/a.jpeg",
            "../a",
            "?feed=x",
            "#talk-2",
            "//cdn.example/a.png",
            "a/b:c",
        ] {
            assert_eq!(safe_url(url).as_deref(), Some(url), "{url}");
        }
        assert_eq!(
            safe_url("  https://x.example/\n").as_deref(),
            Some("https://x.example/")
        );
    }

    #[test]
    fn refuses_script_data_and_unknown_schemes() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "file:///etc/passwd",
            "a b:c",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(url), None, "{url:?}");
        }
    }
}
