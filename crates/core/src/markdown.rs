//! Markdown → [`Block`]s and HTML, through pulldown-cmark (feature `markdown`).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::blocks::{Block, BlockBuilder};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML, as the feed's `content_html`.
pub fn to_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    html
}

/// Reads Markdown into blocks, with broken links mended ([`crate::blocks::repair_links`]).
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, options()) {
        reader.event(event);
    }
    reader.builder.finish()
}

/// pulldown-cmark's events, replayed into the shared [`BlockBuilder`].
#[derive(Default)]
struct Reader {
    builder: BlockBuilder,
    /// The open image: its destination and alt text.
    image: Option<(String, String)>,
    /// Raw HTML of the current HTML block.
    html: String,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        let b = &mut self.builder;
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => match &mut self.image {
                Some((_, alt)) => alt.push_str(&text),
                None => b.text(&text),
            },
            Event::SoftBreak | Event::HardBreak if self.image.is_none() => b.line_break(),
            Event::Html(html) => self.html.push_str(&html),
            Event::InlineHtml(html) => {
                if let Some(url) = iframe_src(&html) {
                    b.embed(url);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let b = &mut self.builder;
        match tag {
            Tag::Heading { level, .. } => b.start_heading(heading_level(level)),
            Tag::List(_) => b.start_list(),
            Tag::Item => b.item_boundary(),
            Tag::Link { dest_url, .. } => {
                b.start_link(dest_url.into_string());
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.into_string(), String::new()))
            }
            Tag::HtmlBlock => self.html.clear(),
            Tag::Emphasis | Tag::Strong => b.start_emphasis(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let b = &mut self.builder;
        match tag {
            // A code block or a table is a paragraph of its own, as its text; a table's rows are
            // its lines.
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Table => b.end_paragraph(),
            TagEnd::TableCell => b.end_table_cell(),
            TagEnd::TableHead | TagEnd::TableRow => b.end_table_row(),
            TagEnd::Heading(_) => b.end_heading(),
            TagEnd::Item => b.item_boundary(),
            TagEnd::List(_) => b.end_list(),
            TagEnd::Link => b.end_link(),
            TagEnd::Image => {
                if let Some((url, alt)) = self.image.take() {
                    b.image(alt, url);
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => b.end_emphasis(),
            TagEnd::HtmlBlock => {
                if let Some(url) = iframe_src(&self.html) {
                    b.embed(url);
                }
                self.html.clear();
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The `src` of an `<iframe>` in raw HTML.
fn iframe_src(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let tag = lower.find("<iframe")?;
    let src = tag + lower[tag..].find("src=")? + 4;
    let quote = html[src..].chars().next()?;
    if quote == '"' || quote == '\'' {
        let value = &html[src + 1..];
        let end = value.find(quote)?;
        Some(value[..end].to_owned())
    } else {
        let value = &html[src..];
        let end = value
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(value.len());
        Some(value[..end].to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Inline;

    fn text(t: &str) -> Inline {
        Inline::Text(t.into())
    }

    #[test]
    fn reads_headings_paragraphs_lists_images_and_links() {
        let blocks = to_blocks(
            "### Overview\n\nFirst up was *Ada* from [Acme](https://acme.example/).\n\n\
             * One **bold** point.\n*  Two\n  * nested\n\n![group photo](/img/a.jpeg)\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 3,
                    inlines: vec![text("Overview")]
                },
                Block::Paragraph(vec![
                    text("First up was "),
                    Inline::Emphasis("Ada".into()),
                    text(" from "),
                    Inline::Link {
                        text: "Acme".into(),
                        url: "https://acme.example/".into()
                    },
                    text("."),
                ]),
                Block::List(vec![
                    vec![
                        text("One "),
                        Inline::Emphasis("bold".into()),
                        text(" point.")
                    ],
                    vec![text("Two")],
                    vec![text("nested")],
                ]),
                Block::Image {
                    alt: "group photo".into(),
                    url: "/img/a.jpeg".into()
                },
            ]
        );
    }

    #[test]
    fn keeps_line_breaks_inside_paragraphs() {
        let blocks = to_blocks("00:00 Welcome\n03:03 A talk — Ada (Acme)\n");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![
                text("00:00 Welcome"),
                Inline::Break,
                text("03:03 A talk — Ada (Acme)"),
            ])]
        );
    }

    #[test]
    fn a_bullet_without_a_space_is_a_paragraph_line() {
        let blocks = to_blocks("*Tight bullet\n* Real bullet\n");
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn code_blocks_and_tables_are_paragraphs_of_their_own() {
        let blocks = to_blocks(
            "Before.\n\n```\ncargo run\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.\n",
        );
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(inlines) => crate::blocks::plain_text(inlines).trim().to_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            ["Before.", "cargo run", "a | b | \n1 | 2 |", "After."]
        );
    }

    #[test]
    fn finds_iframes_and_renders_html() {
        let blocks = to_blocks(
            "<iframe width=\"560\" src=\"https://www.youtube.com/embed/AbCdEfGhIjK\"></iframe>\n",
        );
        assert_eq!(
            blocks,
            vec![Block::Embed {
                url: "https://www.youtube.com/embed/AbCdEfGhIjK".into()
            }]
        );
        assert_eq!(to_html("Hi *there*"), "<p>Hi <em>there</em></p>\n");
    }
}
