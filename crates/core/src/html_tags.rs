//! Start tags in HTML text, as the browser's tokenizer reads them: outside comments and outside
//! the text of raw-text elements (`<script>`, `<style>`, `<textarea>`, `<title>`, …), each with
//! its attributes. For the native readers of a post's HTML that want its tags, not a document:
//! [`crate::inline`], before the browser parses a post, and [`crate::markup::photos_in`], when
//! pages are written at build time.
//!
//! Every position given is at an ASCII byte, so on a character boundary.

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StartTag<'a> {
    /// The element's name, as written.
    pub name: &'a str,
    /// Where the tag starts (its `<`).
    pub start: usize,
    /// Just past the tag's `>` (or the end of the input).
    pub end: usize,
    /// Its attributes, in order.
    pub attributes: Vec<Attribute<'a>>,
    /// For an element whose content is raw text: just past its end tag (or the end of the
    /// input).
    pub raw_text_end: Option<usize>,
}

/// An attribute of a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute<'a> {
    /// Its name, as written.
    pub name: &'a str,
    /// Its value as written (entities not decoded); none for a bare name.
    pub value: Option<&'a str>,
    /// Where it starts (the white space before it included) and ends.
    pub span: (usize, usize),
}

impl StartTag<'_> {
    /// Whether the element is `name` (ASCII case ignored).
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of the first attribute called `name` (as browsers keep the first of
    /// duplicates); empty for a bare name.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
            .map(|a| a.value.unwrap_or_default())
    }
}

/// The elements whose content is raw text: nothing in it is a tag.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The start tags of `html`, in order.
pub(crate) fn start_tags(html: &str) -> StartTags<'_> {
    StartTags { html, at: 0 }
}

/// The iterator of [`start_tags`].
#[derive(Debug, Clone)]
pub(crate) struct StartTags<'a> {
    html: &'a str,
    /// Where the next tag is looked for.
    at: usize,
}

impl<'a> Iterator for StartTags<'a> {
    type Item = StartTag<'a>;

    fn next(&mut self) -> Option<StartTag<'a>> {
        let (html, b) = (self.html, self.html.as_bytes());
        loop {
            let open = find(b, self.at, b"<")?;
            if b[open..].starts_with(b"<!--") {
                self.at = find(b, open + 4, b"-->").map_or(b.len(), |e| e + 3);
                continue;
            }
            if !b.get(open + 1).is_some_and(u8::is_ascii_alphabetic) {
                self.at = open + 1;
                continue;
            }
            let mut i = open + 1;
            while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
                i += 1;
            }
            let name = &html[open + 1..i];
            let mut attributes = Vec::new();
            loop {
                let before = i;
                while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'>' {
                    break;
                }
                // The name: up to white space, `/`, `>` or `=` (a leading `=` is part of it).
                let name_at = i;
                i += 1;
                while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                    i += 1;
                }
                let attribute_name = &html[name_at..i];
                // An optional `= value`, quoted or not.
                let mut value = None;
                let mut j = skip_space(b, i);
                if b.get(j) == Some(&b'=') {
                    j = skip_space(b, j + 1);
                    (value, i) = match b.get(j) {
                        Some(&q @ (b'"' | b'\'')) => match find(b, j + 1, &[q]) {
                            Some(close) => (Some(&html[j + 1..close]), close + 1),
                            None => (Some(&html[j + 1..]), b.len()),
                        },
                        _ => {
                            let mut k = j;
                            while k < b.len() && !is_space(b[k]) && b[k] != b'>' {
                                k += 1;
                            }
                            (Some(&html[j..k]), k)
                        }
                    };
                }
                attributes.push(Attribute {
                    name: attribute_name,
                    value,
                    span: (before, i),
                });
            }
            let end = (i + 1).min(b.len());
            let raw_text_end = RAW_TEXT
                .iter()
                .any(|raw| name.eq_ignore_ascii_case(raw))
                .then(|| end_tag_end(b, end, name.as_bytes()));
            self.at = raw_text_end.unwrap_or(end);
            return Some(StartTag {
                name,
                start: open,
                end,
                attributes,
                raw_text_end,
            });
        }
    }
}

/// Just past the end tag of `name` from `from` (`</name` then white space, `/` or `>`), or the
/// end of the input.
fn end_tag_end(b: &[u8], mut from: usize, name: &[u8]) -> usize {
    while let Some(close) = find(b, from, b"</") {
        let after = close + 2 + name.len();
        from = close + 2;
        if after <= b.len()
            && b[close + 2..after].eq_ignore_ascii_case(name)
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return find(b, after, b">").map_or(b.len(), |e| e + 1);
        }
    }
    b.len()
}

/// HTML's white space.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Where `needle` next occurs in `b` from `from`, ASCII case ignored.
pub(crate) fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..=b.len().checked_sub(needle.len())?)
        .find(|&i| b[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The first position from `i` that is not white space.
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<&str> {
        start_tags(html).map(|t| t.name).collect()
    }

    #[test]
    fn tags_outside_comments_and_raw_text() {
        assert_eq!(
            names("<p>a<!-- <img> --><IMG src=x><script>'<img>'</script ><b>"),
            ["p", "IMG", "script", "b"]
        );
        assert_eq!(
            names("<title><img></titles><img></title><i>"),
            ["title", "i"]
        );
        assert_eq!(names("<textarea><img>"), ["textarea"]);
        assert_eq!(names("< p><3 </p>"), Vec::<&str>::new());
    }

    #[test]
    fn attributes_as_the_tokenizer_reads_them() {
        let html = r#"<img SRC='a b' alt="x > y" data-x=1/ hidden title = t>"#;
        let tag = start_tags(html).next().expect("a tag");
        assert_eq!(tag.end, html.len());
        assert_eq!(tag.attribute("src"), Some("a b"));
        assert_eq!(tag.attribute("alt"), Some("x > y"));
        assert_eq!(tag.attribute("data-x"), Some("1/"));
        assert_eq!(tag.attribute("hidden"), Some(""));
        assert_eq!(tag.attribute("title"), Some("t"));
        assert_eq!(tag.attribute("class"), None);
        let first = start_tags("<a href=1 HREF=2>").next().expect("a tag");
        assert_eq!(first.attribute("href"), Some("1"));
        let unclosed = start_tags("<p title=\"open").next().expect("a tag");
        assert_eq!(unclosed.attribute("title"), Some("open"));
        assert_eq!(unclosed.end, "<p title=\"open".len());
    }

    #[test]
    fn raw_text_ends_after_its_end_tag() {
        let html = "<style>p{}</STYLE >after";
        let tag = start_tags(html).next().expect("a tag");
        assert_eq!(&html[tag.raw_text_end.expect("raw text")..], "after");
        let open = start_tags("<style>p{").next().expect("a tag");
        assert_eq!(open.raw_text_end, Some("<style>p{".len()));
    }
}
