//! Feed HTML without its inline styles, event handlers and `<base>`, before the browser parses
//! it.
//!
//! The app parses `content_html` with `DOMParser` into an inert document, which inherits the
//! page's Content-Security-Policy: every `style` attribute, `<style>` element, `on…` event
//! handler attribute and `<base>` in a post is then reported as a violation (`style-src`,
//! `script-src` and `base-uri` block them), though none would be used or run. The sanitiser
//! drops them anyway, so they are taken out of the text first, found by [`crate::html_tags`] as the
//! browser's tokenizer reads them; everything else is left as it was.
//!
//! This pass is not a security boundary: what it leaves still goes through the parser and the
//! allow-list sanitiser.

use crate::html_tags::start_tags;

/// `html` without `style` and `on…` attributes, `<style>` elements and `<base>` tags.
#[inline(never)]
pub fn without_inline_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // `html[copied..]` is still to be copied.
    let mut copied = 0;
    let mut cut = |from: usize, to: usize| {
        out.push_str(&html[copied..from]);
        copied = to;
    };
    for tag in start_tags(html) {
        if tag.is("base") {
            // Parsed, it would be checked against the policy's base-uri (it sets nothing in a
            // post: the sanitiser drops it).
            cut(tag.start, tag.end);
        } else if tag.is("style") {
            // The element goes, with its text.
            cut(tag.start, tag.raw_text_end.unwrap_or(tag.end));
        } else {
            for attribute in &tag.attributes {
                let name = attribute.name.as_bytes();
                if name.eq_ignore_ascii_case(b"style")
                    || (name.len() > 2 && name[..2].eq_ignore_ascii_case(b"on"))
                {
                    cut(attribute.span.0, attribute.span.1);
                }
            }
        }
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_and_event_handlers_go() {
        for (html, want) in [
            (r#"<p style="color:red">a</p>"#, "<p>a</p>"),
            (
                r#"<p class=x STYLE='a:b' id=y>a</p>"#,
                "<p class=x id=y>a</p>",
            ),
            ("<p style=color:red>a</p>", "<p>a</p>"),
            (
                "<p style = \"x\" title=\"style=1\">",
                "<p title=\"style=1\">",
            ),
            ("<p style>a", "<p>a"),
            ("<img src=x style=a/>", "<img src=x>"),
            ("<img src=x style=a />", "<img src=x />"),
            ("a<style>p{}</style>b", "ab"),
            ("a<STYLE media=x>p{}</Style >b", "ab"),
            ("a<style>never closed", "a"),
            ("<svg><style>x</style></svg>", "<svg></svg>"),
            ("<!-- <p style=x> -->", "<!-- <p style=x> -->"),
            ("<title><p style=x></title>", "<title><p style=x></title>"),
            ("<p data-style=x stylex=y>", "<p data-style=x stylex=y>"),
            ("style is a word", "style is a word"),
            ("<p title=\"a > b\" style=x>", "<p title=\"a > b\">"),
            ("<p style=\"unclosed", "<p"),
            ("< style>", "< style>"),
            ("<img src=x onerror=alert(1)>", "<img src=x>"),
            ("a<base href=//x.invalid/>b<BASE>", "ab"),
            ("<svg ONLOAD='a()' id=s>", "<svg id=s>"),
            ("<p on=1 one>", "<p on=1>"),
        ] {
            assert_eq!(without_inline_code(html), want, "{html}");
        }
    }
}
