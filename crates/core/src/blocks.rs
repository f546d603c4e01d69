//! The small block model that talk extraction reads.
//!
//! Two producers build it: Markdown through pulldown-cmark ([`crate::markdown`], natively) and
//! `content_html` through the browser's own parser (in the viewer). Both hand over the text as
//! written; `repair_links` then mends the link slips that real posts contain, so that the
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
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
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
pub(crate) fn lines(inlines: &[Inline]) -> Vec<Vec<Inline>> {
    inlines
        .split(|inline| *inline == Inline::Break)
        .map(<[Inline]>::to_vec)
        .collect()
}

/// Appends text, merging with a preceding text inline.
pub(crate) fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}

/// Appends emphasised text, merging with preceding emphasis.
pub(crate) fn push_emphasis(inlines: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Emphasis(last)) => last.push_str(text),
        _ => inlines.push(Inline::Emphasis(text.to_owned())),
    }
}

/// The one state machine both producers drive, so that Markdown and its rendered HTML give the
/// same blocks: the Markdown producer calls it on pulldown-cmark's events, the viewer's DOM walker
/// on the elements of the parsed HTML.
#[derive(Debug, Default)]
pub struct BlockBuilder {
    blocks: Vec<Block>,
    /// Inlines of the paragraph, heading or list item being read.
    inlines: Vec<Inline>,
    /// The open link: its destination and the inlines before it started.
    link: Option<(String, Vec<Inline>)>,
    /// Items of the open (outermost) list; nested lists add to it.
    items: Vec<Vec<Inline>>,
    list_depth: usize,
    heading: Option<u8>,
    /// How deep inside emphasis the text is.
    emphasis: usize,
}

impl BlockBuilder {
    /// Running text; emphasised text (outside links) becomes [`Inline::Emphasis`].
    pub fn text(&mut self, text: &str) {
        if self.emphasis > 0 && self.link.is_none() {
            push_emphasis(&mut self.inlines, text);
        } else {
            push_text(&mut self.inlines, text);
        }
    }

    /// A line break inside a paragraph or item.
    pub fn line_break(&mut self) {
        self.inlines.push(Inline::Break);
    }

    /// A table cell closes: cells are separated by ` | `.
    pub fn end_table_cell(&mut self) {
        self.text(" | ");
    }

    /// A table row closes: each row is a line of the table's paragraph.
    pub fn end_table_row(&mut self) {
        self.line_break();
    }

    /// Emphasis (italic or bold) opens.
    pub fn start_emphasis(&mut self) {
        self.emphasis += 1;
    }

    /// Emphasis closes.
    pub fn end_emphasis(&mut self) {
        self.emphasis = self.emphasis.saturating_sub(1);
    }

    /// A heading of `level` opens.
    pub fn start_heading(&mut self, level: u8) {
        self.flush_paragraph();
        self.heading = Some(level);
    }

    /// The open heading closes.
    pub fn end_heading(&mut self) {
        let inlines = std::mem::take(&mut self.inlines);
        let level = self.heading.take().unwrap_or(2);
        self.blocks.push(Block::Heading { level, inlines });
    }

    /// A paragraph closes: a block of its own, or part of the list item it is in.
    pub fn end_paragraph(&mut self) {
        if self.list_depth == 0 {
            self.flush_paragraph();
        } else {
            push_text(&mut self.inlines, " ");
        }
    }

    /// A list opens (a nested one continues the outer list's items).
    pub fn start_list(&mut self) {
        if self.list_depth > 0 {
            self.finish_item();
        } else {
            self.flush_paragraph();
        }
        self.list_depth += 1;
    }

    /// A list closes; the outermost one becomes a block.
    pub fn end_list(&mut self) {
        self.finish_item();
        self.list_depth = self.list_depth.saturating_sub(1);
        if self.list_depth == 0 && !self.items.is_empty() {
            self.blocks
                .push(Block::List(std::mem::take(&mut self.items)));
        }
    }

    /// A list item opens or closes.
    pub fn item_boundary(&mut self) {
        self.finish_item();
    }

    /// A link to `url` opens. Returns false, and reads the link as text, inside another link.
    pub fn start_link(&mut self, url: String) -> bool {
        if self.link.is_some() {
            return false;
        }
        let before = std::mem::take(&mut self.inlines);
        self.link = Some((url, before));
        true
    }

    /// The open link closes.
    pub fn end_link(&mut self) {
        if let Some((url, before)) = self.link.take() {
            let text = plain_text(&self.inlines);
            self.inlines = before;
            self.inlines.push(Inline::Link {
                text: text.trim().to_owned(),
                url,
            });
        }
    }

    /// A picture.
    pub fn image(&mut self, alt: String, url: String) {
        self.blocks.push(Block::Image { alt, url });
    }

    /// An embedded frame.
    pub fn embed(&mut self, url: String) {
        self.blocks.push(Block::Embed { url });
    }

    /// Whether a list is open (loose text in it is item text, not a paragraph).
    pub fn in_list(&self) -> bool {
        self.list_depth > 0
    }

    /// The blocks read, with broken links mended (`repair_links`).
    pub fn finish(mut self) -> Vec<Block> {
        self.flush_paragraph();
        let mut blocks = self.blocks;
        repair_links(&mut blocks);
        blocks
    }

    fn flush_paragraph(&mut self) {
        let inlines = trim_inlines(std::mem::take(&mut self.inlines));
        if !inlines.is_empty() {
            self.blocks.push(Block::Paragraph(inlines));
        }
    }

    fn finish_item(&mut self) {
        let inlines = trim_inlines(std::mem::take(&mut self.inlines));
        if !inlines.is_empty() {
            self.items.push(inlines);
        }
    }
}

/// Drops leading and trailing breaks and blank text.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    let blank = |inline: &Inline| match inline {
        Inline::Break => true,
        Inline::Text(t) => t.trim().is_empty(),
        _ => false,
    };
    while inlines.last().is_some_and(blank) {
        inlines.pop();
    }
    let start = inlines
        .iter()
        .position(|i| !blank(i))
        .unwrap_or(inlines.len());
    inlines.drain(..start);
    inlines
}

/// Mends the link slips of hand-written posts inside every block:
///
/// - `[Title]https://host/path)`: a link missing its `(`;
/// - `(Title)[https://host/path]`: a reversed link;
/// - a bare `https://…` URL in the text;
/// - a stray `)` glued to a link's URL.
pub(crate) fn repair_links(blocks: &mut [Block]) {
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
