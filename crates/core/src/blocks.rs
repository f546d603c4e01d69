//! The small block model that talk extraction reads.
//!
//! Two producers build it: Markdown through pulldown-cmark ([`crate::markdown`], natively) and
//! `content_html` through the browser's own parser (in the viewer). Both hand over the text as
//! written; [`repair_links`] then mends the link slips that real posts contain, so that the
//! extractor sees the same blocks whichever producer ran.

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text, markup removed.
    Text(String),
    /// A link: its text (markup removed) and its destination as written.
    Link {
        /// What the link says.
        text: String,
        /// Where it points.
        url: String,
    },
    /// Emphasised text (italic or bold), markup removed: often a talk's title.
    Emphasis(String),
    /// A line break inside a paragraph or list item.
    Break,
}

/// A block of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, `level` 1 to 6.
    Heading {
        /// 1 for `#`, 2 for `##`, …
        level: u8,
        /// Its text.
        inlines: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; nested lists are flattened into further items.
    List(Vec<Vec<Inline>>),
    /// A picture.
    Image {
        /// Its alternative text.
        alt: String,
        /// Its source as written.
        url: String,
    },
    /// An embedded frame, such as a video player.
    Embed {
        /// Its source as written.
        url: String,
    },
}

/// The plain text of some inlines; line breaks become `\n`.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Emphasis(t) => text.push_str(t),
            Inline::Link { text: t, .. } => text.push_str(t),
            Inline::Break => text.push('\n'),
        }
    }
    text
}

/// Splits inlines at line breaks.
pub fn lines(inlines: &[Inline]) -> Vec<Vec<Inline>> {
    inlines
        .split(|inline| *inline == Inline::Break)
        .map(<[Inline]>::to_vec)
        .collect()
}

/// Appends text, merging with a preceding text inline.
pub fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}

/// Appends emphasised text, merging with preceding emphasis.
pub fn push_emphasis(inlines: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Emphasis(last)) => last.push_str(text),
        _ => inlines.push(Inline::Emphasis(text.to_owned())),
    }
}

/// Mends the link slips of hand-written posts inside every block:
///
/// - `[Title]https://host/path)`: a link missing its `(`;
/// - `(Title)[https://host/path]`: a reversed link;
/// - a bare `https://…` URL in the text;
/// - a stray `)` glued to a link's URL.
pub fn repair_links(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph(inlines) => repair_inlines(inlines),
            Block::List(items) => items.iter_mut().for_each(repair_inlines),
            Block::Image { .. } | Block::Embed { .. } => {}
        }
    }
}

fn repair_inlines(inlines: &mut Vec<Inline>) {
    let mut repaired = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match inline {
            Inline::Text(text) => repair_text(&text, &mut repaired),
            Inline::Link { text, url } => {
                // `[a](url))` leaves the `)` in the text; `[a](url)` is fine. Only a URL that ends
                // in an unbalanced `)` is trimmed.
                let url = trim_unbalanced(&url).to_owned();
                repaired.push(Inline::Link { text, url });
            }
            other => repaired.push(other),
        }
    }
    *inlines = repaired;
}

/// Finds broken links in plain text and turns them into link inlines.
fn repair_text(text: &str, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(found) = find_url(rest) {
        let (before, url_and_after) = rest.split_at(found.start);
        let url_len = url_length(url_and_after);
        let url = trim_unbalanced(&url_and_after[..url_len]);
        let after = &url_and_after[url.len()..];
        // `[Title]https://…`
        if let Some(open) = before
            .strip_suffix(']')
            .and_then(|b| b.rfind('[').map(|i| (b, i)))
        {
            let (b, i) = open;
            push_text(out, &b[..i]);
            out.push(Inline::Link {
                text: b[i + 1..].trim().to_owned(),
                url: url.to_owned(),
            });
            rest = after.strip_prefix(')').unwrap_or(after);
            continue;
        }
        // `(Title)[https://…]`
        if let (Some(b), Some(a)) = (before.strip_suffix(")["), after.strip_prefix(']')) {
            if let Some(i) = b.rfind('(') {
                push_text(out, &b[..i]);
                out.push(Inline::Link {
                    text: b[i + 1..].trim().to_owned(),
                    url: url.to_owned(),
                });
                rest = a;
                continue;
            }
        }
        // A bare URL: its own text.
        push_text(out, before);
        out.push(Inline::Link {
            text: url.to_owned(),
            url: url.to_owned(),
        });
        rest = after;
    }
    push_text(out, rest);
}

struct Found {
    start: usize,
}

fn find_url(text: &str) -> Option<Found> {
    let lower = text.to_ascii_lowercase();
    let http = lower.find("http://");
    let https = lower.find("https://");
    let start = match (http, https) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(Found { start })
}

/// The length of the URL at the start of `text`: up to white space or a character that cannot
/// end a URL in prose.
fn url_length(text: &str) -> usize {
    text.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '[' | ']' | '`'))
        .unwrap_or(text.len())
}

/// Drops trailing punctuation that belongs to the prose, and a `)` with no `(` in the URL.
fn trim_unbalanced(url: &str) -> &str {
    let mut url = url;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches('(').count() < trimmed.matches(')').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(text: &str, url: &str) -> Inline {
        Inline::Link {
            text: text.into(),
            url: url.into(),
        }
    }

    fn repaired(text: &str) -> Vec<Inline> {
        let mut blocks = vec![Block::Paragraph(vec![Inline::Text(text.into())])];
        repair_links(&mut blocks);
        match blocks.pop() {
            Some(Block::Paragraph(inlines)) => inlines,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mends_a_link_missing_its_opening_parenthesis() {
        assert_eq!(
            repaired("about [Spinning Up Clusters]https://youtu.be/AbCdEfGhIjK?t=183) (starting at 3:03)."),
            vec![
                Inline::Text("about ".into()),
                link("Spinning Up Clusters", "https://youtu.be/AbCdEfGhIjK?t=183"),
                Inline::Text(" (starting at 3:03).".into()),
            ]
        );
    }

    #[test]
    fn mends_a_reversed_link() {
        assert_eq!(
            repaired("see (the slides)[https://slides.example/deck] later"),
            vec![
                Inline::Text("see ".into()),
                link("the slides", "https://slides.example/deck"),
                Inline::Text(" later".into()),
            ]
        );
    }

    #[test]
    fn turns_bare_urls_into_links_without_the_prose_punctuation() {
        assert_eq!(
            repaired("Recording: https://youtu.be/AbCdEfGhIjK?t=60). Enjoy"),
            vec![
                Inline::Text("Recording: ".into()),
                link(
                    "https://youtu.be/AbCdEfGhIjK?t=60",
                    "https://youtu.be/AbCdEfGhIjK?t=60"
                ),
                Inline::Text("). Enjoy".into()),
            ]
        );
        assert_eq!(
            repaired("(https://en.example/wiki/Thing_(idea))"),
            vec![
                Inline::Text("(".into()),
                link(
                    "https://en.example/wiki/Thing_(idea)",
                    "https://en.example/wiki/Thing_(idea)"
                ),
                Inline::Text(")".into()),
            ]
        );
    }

    #[test]
    fn trims_a_stray_parenthesis_from_link_urls() {
        let mut blocks = vec![Block::List(vec![vec![link("x", "https://a.example/b)")]])];
        repair_links(&mut blocks);
        assert_eq!(
            blocks,
            vec![Block::List(vec![vec![link("x", "https://a.example/b")]])]
        );
    }

    #[test]
    fn text_and_lines_helpers() {
        let inlines = vec![
            Inline::Text("00:00 Welcome".into()),
            Inline::Break,
            link("03:03", "https://youtu.be/x"),
            Inline::Text(" Talk".into()),
        ];
        assert_eq!(plain_text(&inlines), "00:00 Welcome\n03:03 Talk");
        assert_eq!(lines(&inlines).len(), 2);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "[",
            "]https://",
            "(x)[https://",
            "https://)",
            "[é]https://ü)",
            "))))https://a)))",
        ] {
            let _ = repaired(text);
        }
    }
}
