//! Markdown → [`Block`]s and HTML, through pulldown-cmark (feature `markdown`).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::blocks::{push_emphasis, push_text, repair_links, Block, Inline};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML, as the feed's `content_html`.
pub fn to_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    html
}

/// Reads Markdown into blocks, with broken links mended ([`repair_links`]).
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, options()) {
        builder.event(event);
    }
    let mut blocks = builder.blocks;
    repair_links(&mut blocks);
    blocks
}

/// Where the inlines being read go.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Inlines of the paragraph, heading or list item being read.
    inlines: Vec<Inline>,
    /// The open link: its destination and the inlines before it started.
    link: Option<(String, Vec<Inline>)>,
    /// The open image: its destination and alt text.
    image: Option<(String, String)>,
    /// Items of the open (outermost) list, and how deep lists are nested.
    items: Vec<Vec<Inline>>,
    list_depth: usize,
    heading: Option<u8>,
    /// How deep inside `*emphasis*` / `**strong**` the text is.
    emphasis: usize,
    /// Raw HTML of the current HTML block.
    html: String,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak | Event::HardBreak if self.image.is_none() => {
                self.inlines.push(Inline::Break);
            }
            Event::Html(html) => self.html.push_str(&html),
            Event::InlineHtml(html) => {
                if let Some(url) = iframe_src(&html) {
                    self.blocks.push(Block::Embed { url });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        match &mut self.image {
            Some((_, alt)) => alt.push_str(text),
            None if self.emphasis > 0 && self.link.is_none() => {
                push_emphasis(&mut self.inlines, text)
            }
            None => push_text(&mut self.inlines, text),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_paragraph();
                self.heading = Some(heading_level(level));
            }
            Tag::List(_) => {
                if self.list_depth > 0 {
                    self.finish_item();
                } else {
                    self.flush_paragraph();
                }
                self.list_depth += 1;
            }
            Tag::Item => self.finish_item(),
            Tag::Link { dest_url, .. } => {
                let before = std::mem::take(&mut self.inlines);
                self.link = Some((dest_url.into_string(), before));
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.into_string(), String::new()))
            }
            Tag::HtmlBlock => self.html.clear(),
            Tag::Emphasis | Tag::Strong => self.emphasis += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.list_depth == 0 => self.flush_paragraph(),
            TagEnd::Paragraph => push_text(&mut self.inlines, " "),
            TagEnd::Heading(_) => {
                let inlines = std::mem::take(&mut self.inlines);
                let level = self.heading.take().unwrap_or(2);
                self.blocks.push(Block::Heading { level, inlines });
            }
            TagEnd::Item => self.finish_item(),
            TagEnd::List(_) => {
                self.finish_item();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 && !self.items.is_empty() {
                    self.blocks
                        .push(Block::List(std::mem::take(&mut self.items)));
                }
            }
            TagEnd::Link => {
                if let Some((url, before)) = self.link.take() {
                    let text = crate::blocks::plain_text(&self.inlines);
                    self.inlines = before;
                    self.inlines.push(Inline::Link {
                        text: text.trim().to_owned(),
                        url,
                    });
                }
            }
            TagEnd::Image => {
                if let Some((url, alt)) = self.image.take() {
                    self.blocks.push(Block::Image { alt, url });
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::HtmlBlock => {
                if let Some(url) = iframe_src(&self.html) {
                    self.blocks.push(Block::Embed { url });
                }
                self.html.clear();
            }
            _ => {}
        }
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

/// Drops leading and trailing breaks and blank text.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while matches!(inlines.last(), Some(Inline::Break))
        || matches!(inlines.last(), Some(Inline::Text(t)) if t.trim().is_empty())
    {
        inlines.pop();
    }
    let start = inlines
        .iter()
        .position(|i| {
            !matches!(i, Inline::Break) && !matches!(i, Inline::Text(t) if t.trim().is_empty())
        })
        .unwrap_or(inlines.len());
    inlines.drain(..start);
    inlines
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
