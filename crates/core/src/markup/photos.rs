//! The pictures in a post's `content_html`, found natively: a small scanner for `<img>` tags
//! (no HTML parser), for pages written at build time.

use super::views::Photo;
use crate::url::safe_url;

/// The `<img src alt>` of `html`, in order; relative sources are resolved against `base` (the
/// post's URL) and only `http(s)` pictures are kept.
pub fn photos_in(html: &str, base: Option<&str>) -> Vec<Photo> {
    let lower = html.to_ascii_lowercase();
    let mut photos = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img") {
        let start = from + at + 4;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &html[start..end];
        from = end;
        let src = attribute(tag, "src")
            .and_then(|src| safe_url(&src))
            .and_then(|src| resolve(&src, base));
        if let Some(src) = src.filter(|s| s.starts_with("http")) {
            let alt = attribute(tag, "alt").unwrap_or_default();
            photos.push(Photo { src, alt });
        }
    }
    photos
}

/// An attribute's value in the inside of a tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let at = from + at;
        from = at + name.len();
        let before_ok = at == 0 || bytes[at - 1].is_ascii_whitespace() || bytes[at - 1] == b'/';
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or_default(),
        };
        return Some(decode_entities(raw));
    }
    None
}

/// The few entities an attribute value holds in practice.
fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `src` made absolute against `base`.
fn resolve(src: &str, base: Option<&str>) -> Option<String> {
    let src = src.trim();
    if src.starts_with("http://") || src.starts_with("https://") {
        return Some(src.to_owned());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(path) = src.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    let host = rest.split('/').next()?;
    if src.starts_with('/') {
        return Some(format!("{scheme}://{host}{src}"));
    }
    let dir = base.rsplit_once('/').map_or(base, |(dir, _)| dir);
    Some(format!("{dir}/{src}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pictures_with_their_alt() {
        let html = r#"<p>Hi <IMG alt="The crowd &amp; stage" src='https://e.org/a.jpg?x=1&amp;y=2'>
            <img src=/b.png><img data-src="x" src="javascript:alert(1)"><img src="c.png" alt=x></p>"#;
        let photos = photos_in(html, Some("https://blog.example/2023/05/post/"));
        let got: Vec<(&str, &str)> = photos
            .iter()
            .map(|p| (p.src.as_str(), p.alt.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("https://e.org/a.jpg?x=1&y=2", "The crowd & stage"),
                ("https://blog.example/b.png", ""),
                ("https://blog.example/2023/05/post/c.png", "x"),
            ]
        );
        assert!(photos_in("<img src=rel.png", None).is_empty());
        assert!(photos_in("<img", None).is_empty());
        assert!(photos_in("<img src=", None).is_empty());
    }
}
