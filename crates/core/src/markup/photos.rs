//! The pictures in a post's `content_html`, found natively from its tags (the crate's start-tag
//! scanner, no HTML parser), for pages written at build time.

use super::views::Photo;
use crate::html_tags::start_tags;
use crate::url::safe_url;

/// The `<img src alt>` of `html`, in order (none in a comment or in the text of a `<script>`,
/// `<textarea>` and the like, as a browser reads it); relative sources are resolved against
/// `base` (the post's URL) and only `http(s)` pictures are kept.
pub fn photos_in(html: &str, base: Option<&str>) -> Vec<Photo> {
    start_tags(html)
        .filter(|tag| tag.is("img"))
        .filter_map(|tag| {
            let src = tag
                .attribute("src")
                .map(decode_entities)
                .and_then(|src| safe_url(&src))
                .and_then(|src| resolve(&src, base))
                .filter(|src| src.starts_with("http"))?;
            let alt = tag
                .attribute("alt")
                .map(decode_entities)
                .unwrap_or_default();
            Some(Photo { src, alt })
        })
        .collect()
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
        let hidden = "<!-- <img src=https://e.org/old.jpg> --><textarea><img src=https://e.org/t.jpg></textarea>";
        assert!(photos_in(hidden, None).is_empty());
    }
}
