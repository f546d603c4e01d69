//! The allow-list for a post's `content_html`, which is untrusted.
//!
//! This module only decides; the web app walks the parsed HTML and builds new nodes from these
//! decisions, so nothing from the feed is ever handed to `inner_html`.

use crate::markup::protocol::OUTSIDE_REL;
use crate::url::{safe_src, safe_url};

/// Nesting levels copied as elements; anything deeper is flattened to its text.
pub const MAX_DEPTH: usize = 64;

/// Source nodes looked at per post; the rest is left out, so hostile input cannot hang the page.
pub const MAX_NODES: usize = 20_000;

/// What becomes of an HTML element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Rebuild it as this element (`h1` becomes `h2`: the page has its own `h1`).
    Keep(&'static str),
    /// Leave it out but keep its children.
    Unwrap,
    /// Leave it out with everything in it.
    Drop,
}

/// Elements rebuilt as they are.
const KEEP: &str =
    "p br hr h2 h3 h4 h5 h6 strong b em i u s del ins small sub sup mark blockquote q cite \
     code pre kbd ul ol li dl dt dd a img figure figcaption table thead tbody tfoot tr th td \
     caption abbr time span div";

/// Elements dropped with their content.
const DROP: &str =
    "script style template noscript iframe object embed frame frameset svg math form input \
     button select textarea link meta base title head audio video source track canvas applet \
     noembed noframes param portal fencedframe option optgroup datalist dialog";

/// What to do with an HTML element, by its lower-case local name. Elements in another namespace
/// (SVG, MathML) are the caller's to drop.
pub fn element(name: &str) -> Action {
    if name == "h1" {
        return Action::Keep("h2");
    }
    if let Some(tag) = KEEP.split_ascii_whitespace().find(|tag| *tag == name) {
        Action::Keep(tag)
    } else if DROP.split_ascii_whitespace().any(|tag| tag == name) {
        Action::Drop
    } else {
        Action::Unwrap
    }
}

/// The value to write for attribute `name` (lower case) of a kept `element`, or `None` to leave
/// it out. `class`, `id`, `style`, `on*` and `data-*` are never kept.
pub fn attribute(element: &str, name: &str, value: &str) -> Option<String> {
    match (element, name) {
        ("a", "href") | ("blockquote" | "q", "cite") => safe_url(value),
        ("img", "src") => safe_src(value),
        ("th" | "td", "colspan" | "rowspan") => number(value, 100),
        ("ol", "start") | ("img", "width" | "height") => number(value, u32::MAX),
        ("a" | "img" | "abbr", "title") | ("img", "alt") | ("time", "datetime") => {
            Some(value.to_owned())
        }
        _ => None,
    }
}

/// Digits only (spaces around are trimmed), at most `max`, written back without leading zeros.
fn number(value: &str, max: u32) -> Option<String> {
    let value = value.trim();
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= max)
        .map(|n| n.to_string())
}

/// Attributes the sanitiser adds to a kept element, whatever the source said.
pub fn added_attributes(element: &str) -> &'static [(&'static str, &'static str)] {
    match element {
        "a" => &[("rel", OUTSIDE_REL)],
        "img" => &[("loading", "lazy"), ("decoding", "async")],
        _ => &[],
    }
}

/// The attribute without which a kept element is dropped (an `img` needs a valid `src`).
pub fn required_attribute(element: &str) -> Option<&'static str> {
    (element == "img").then_some("src")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_kept_renamed_unwrapped_or_dropped() {
        assert_eq!(element("p"), Action::Keep("p"));
        assert_eq!(element("div"), Action::Keep("div"));
        assert_eq!(element("h1"), Action::Keep("h2"));
        assert_eq!(element("h6"), Action::Keep("h6"));
        for name in [
            "section", "article", "font", "center", "details", "summary", "x-foo",
        ] {
            assert_eq!(element(name), Action::Unwrap, "{name}");
        }
        for name in [
            "script", "style", "svg", "math", "iframe", "template", "noscript", "base",
        ] {
            assert_eq!(element(name), Action::Drop, "{name}");
        }
    }

    #[test]
    fn urls_must_be_safe_and_images_not_mail() {
        let a = |v| attribute("a", "href", v);
        assert_eq!(
            a(" https://x.example/\n").as_deref(),
            Some("https://x.example/")
        );
        assert_eq!(
            a("mailto:a@b.example").as_deref(),
            Some("mailto:a@b.example")
        );
        assert_eq!(a("java\tscript:alert(1)"), None);
        assert_eq!(a("data:text/html,x"), None);
        assert_eq!(a("vbscript:x"), None);
        assert_eq!(attribute("img", "src", "x").as_deref(), Some("x"));
        assert_eq!(attribute("img", "src", "MAILTO:a@b.example"), None);
        assert_eq!(attribute("img", "src", "data:image/png;base64,AA"), None);
        assert_eq!(attribute("q", "cite", "javascript:x"), None);
        assert_eq!(attribute("blockquote", "cite", "/a").as_deref(), Some("/a"));
    }

    #[test]
    fn numbers_are_digits_and_spans_are_bounded() {
        assert_eq!(attribute("td", "colspan", "2").as_deref(), Some("2"));
        assert_eq!(attribute("th", "rowspan", " 007 ").as_deref(), Some("7"));
        assert_eq!(attribute("td", "colspan", "100").as_deref(), Some("100"));
        assert_eq!(attribute("td", "colspan", "101"), None);
        assert_eq!(attribute("td", "colspan", "-1"), None);
        assert_eq!(attribute("td", "colspan", "99999999999999999999"), None);
        assert_eq!(attribute("ol", "start", "3").as_deref(), Some("3"));
        assert_eq!(attribute("ol", "start", "3x"), None);
        assert_eq!(attribute("img", "width", "640").as_deref(), Some("640"));
        assert_eq!(attribute("img", "height", "50%"), None);
    }

    #[test]
    fn only_listed_attributes_survive() {
        assert_eq!(attribute("a", "title", "T").as_deref(), Some("T"));
        assert_eq!(attribute("img", "alt", "A").as_deref(), Some("A"));
        assert_eq!(attribute("abbr", "title", "T").as_deref(), Some("T"));
        assert_eq!(
            attribute("time", "datetime", "2021").as_deref(),
            Some("2021")
        );
        for (el, name) in [
            ("a", "target"),
            ("a", "onclick"),
            ("img", "onerror"),
            ("img", "srcset"),
            ("div", "style"),
            ("p", "class"),
            ("h2", "id"),
            ("span", "data-x"),
            ("p", "title"),
            ("td", "start"),
        ] {
            assert_eq!(attribute(el, name, "1"), None, "{el}[{name}]");
        }
        assert_eq!(added_attributes("img").len(), 2);
        assert_eq!(added_attributes("p"), &[]);
        assert_eq!(required_attribute("img"), Some("src"));
        assert_eq!(required_attribute("a"), None);
    }
}
