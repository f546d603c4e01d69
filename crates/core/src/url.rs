//! URLs as text: which URLs from a feed (untrusted) may become links, percent-encoding, and
//! reading query strings. The one place that splits `a=b&c=d`.

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

/// The URL to put in an `<img src>`: as [`safe_url`], but not `mailto` (a picture is fetched:
/// `http`, `https` or relative only).
pub fn safe_src(url: &str) -> Option<String> {
    // A cleaned URL whose scheme is mailto starts with it: safe_url allows no other spelling.
    safe_url(url).filter(|url| {
        !url.get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
    })
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

/// `a=b&c=d` → pairs, percent-decoded, `+` as space.
pub(crate) fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

/// Percent-encodes everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid escapes and invalid UTF-8 are kept as written / replaced.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query of a URL as written: after the first `?`, before any `#`.
pub(crate) fn query_of(url: &str) -> Option<&str> {
    let query = url.split_once('?')?.1;
    Some(query.split('#').next().unwrap_or_default())
}

/// The `name=value` pairs of a query or fragment as written (not decoded), for URLs found in
/// posts: `&amp;` (a URL copied out of HTML, once or more) separates pairs as `&` does, and a
/// pair without `=` is skipped.
pub(crate) fn raw_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .map(|pair| pair.trim_start_matches("amp;"))
        .filter_map(|pair| pair.split_once('='))
}

/// The first value of parameter `name` in a query or fragment, as written (see [`raw_pairs`]).
pub(crate) fn raw_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    raw_pairs(query)
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
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

    #[test]
    fn pictures_are_web_urls_or_relative() {
        assert_eq!(safe_src("/i/a.png").as_deref(), Some("/i/a.png"));
        assert_eq!(
            safe_src(" https://e.org/a.png").as_deref(),
            Some("https://e.org/a.png")
        );
        for url in [
            "mailto:a@b.example",
            " MailTo:a@b.example",
            "javascript:x",
            "data:image/png,x",
        ] {
            assert_eq!(safe_src(url), None, "{url:?}");
        }
    }

    #[test]
    fn percent_encoding_round_trips_and_keeps_bad_escapes() {
        let text = "/2023/05/03/café ünïcode?#&+ ~";
        assert_eq!(percent_decode(&percent_encode(text)), text);
        assert_eq!(percent_encode("a b/c~"), "a%20b%2Fc~");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn queries_for_the_viewer_are_decoded() {
        assert_eq!(
            parse_query("?q=a+b%26c&&tag&year=2023"),
            [
                ("q".to_owned(), "a b&c".to_owned()),
                ("tag".to_owned(), String::new()),
                ("year".to_owned(), "2023".to_owned())
            ]
        );
    }

    #[test]
    fn queries_from_posts_are_read_as_written() {
        let url = "https://example.org/v?feature=share&amp;t=1m40s&amp;amp;start=5&flag#t=9";
        let query = query_of(url).unwrap();
        assert_eq!(query, "feature=share&amp;t=1m40s&amp;amp;start=5&flag");
        assert_eq!(raw_param(query, "t"), Some("1m40s"));
        assert_eq!(raw_param(query, "start"), Some("5"));
        assert_eq!(raw_param(query, "flag"), None);
        assert_eq!(query_of("https://example.org/v#t=9"), None);
    }
}
