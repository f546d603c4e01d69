//! Feed HTML without its inline styles, event handlers and `<base>`, before the browser parses
//! it.
//!
//! The app parses `content_html` with `DOMParser` into an inert document, which inherits the
//! page's Content-Security-Policy: every `style` attribute, `<style>` element, `on…` event
//! handler attribute and `<base>` in a post is then reported as a violation (`style-src`,
//! `script-src` and `base-uri` block them), though none would be used or run. The sanitiser drops them
//! anyway, so they are taken out of the text first.
//!
//! This pass is not a security boundary: what it leaves still goes through the parser and the
//! allow-list sanitiser. It only needs to find what the browser's tokenizer would read as such
//! an attribute or a `<style>` element, and to leave everything else as it was.

/// `html` without `style` and `on…` attributes, `<style>` elements and `<base>` tags.
#[inline(never)]
pub fn without_inline_code(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    // `html[copied..]` is still to be copied; tags are looked for from `at`. Every position
    // kept is at an ASCII byte, so on a character boundary.
    let (mut copied, mut at) = (0, 0);
    while let Some(open) = find(b, at, b"<") {
        if b[open..].starts_with(b"<!--") {
            at = find(b, open + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if !b.get(open + 1).is_some_and(u8::is_ascii_alphabetic) {
            at = open + 1;
            continue;
        }
        let mut i = open + 1;
        while i < b.len() && !matches!(b[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            i += 1;
        }
        let name = &b[open + 1..i];
        if name.eq_ignore_ascii_case(b"base") {
            // Parsed, it would be checked against the policy's base-uri (it sets nothing in a
            // post: the sanitiser drops it).
            out.push_str(&html[copied..open]);
            copied = find(b, i, b">").map_or(b.len(), |e| e + 1);
            at = copied;
            continue;
        }
        if name.eq_ignore_ascii_case(b"style") {
            // The element goes, with its text, up to its end tag (or the end of the input).
            out.push_str(&html[copied..open]);
            copied = find(b, i, b"</style").map_or(b.len(), |close| {
                find(b, close, b">").map_or(b.len(), |e| e + 1)
            });
            at = copied;
            continue;
        }
        // The attributes, as the browser's tokenizer reads them.
        loop {
            let before = i;
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            // The name: up to white space, `/`, `>` or `=` (a leading `=` is part of it).
            let name_at = i;
            i += 1;
            while i < b.len()
                && !matches!(
                    b[i],
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            let name = &b[name_at..i];
            let inline = name.eq_ignore_ascii_case(b"style")
                || (name.len() > 2 && name[..2].eq_ignore_ascii_case(b"on"));
            // An optional `= value`, quoted or not.
            let mut j = skip_space(b, i);
            if b.get(j) == Some(&b'=') {
                j = skip_space(b, j + 1);
                i = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => find(b, j + 1, &[q]).map_or(b.len(), |e| e + 1),
                    _ => {
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                        j
                    }
                };
            }
            if inline {
                out.push_str(&html[copied..before]);
                copied = i;
            }
        }
        at = i;
        if [
            &b"script"[..],
            b"textarea",
            b"title",
            b"xmp",
            b"iframe",
            b"noembed",
        ]
        .iter()
        .any(|raw| name.eq_ignore_ascii_case(raw))
        {
            // Raw text: nothing in it is a tag, up to `</` and the element's name.
            while let Some(close) = find(b, at, b"</") {
                at = close + 2;
                if b.len() >= at + name.len() && b[at..at + name.len()].eq_ignore_ascii_case(name) {
                    at = close;
                    break;
                }
            }
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Where `needle` next occurs in `b` from `from`, ASCII case ignored.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..=b.len().checked_sub(needle.len())?)
        .find(|&i| b[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The first position from `i` that is not white space.
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
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
