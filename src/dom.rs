//! `content_html` → [`Block`]s, through the browser's own HTML parser.
//!
//! The viewer's producer of the block model (the CLI's is `recap_core::markdown`, which ships no
//! parser in the wasm). The HTML is parsed by `DOMParser` into an inert document (no scripts run,
//! nothing loads) and its body is walked here, in Rust, replaying what pulldown-cmark reports for
//! the Markdown that rendered to that HTML, into the same builder logic as
//! `recap_core::markdown::to_blocks`. So a post gives the same blocks, and hence the same talks,
//! whether it is read as Markdown natively or as its rendered HTML in the browser
//! (`tests/parity.rs` checks this on every post fixture).
//!
//! It also reads kramdown's (Jekyll's) HTML: heading ids, indented list items with white space
//! between elements, typographic quotes (left to the extractor). HTML that no Markdown renders to,
//! such as loose text in a `<div>`, is read as paragraphs.

use recap_core::blocks::{plain_text, push_emphasis, push_text, repair_links, Block, Inline};
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Deeper elements are not read (browsers already flatten parsed trees at 512 levels).
const MAX_DEPTH: usize = 512;

/// Reads HTML (a feed item's `content_html`) into blocks, with broken links mended
/// ([`repair_links`]): the blocks `recap_core::markdown::to_blocks` gives for the Markdown that
/// rendered to this HTML.
///
/// Never panics; HTML that cannot be parsed gives no blocks.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    let Some(body) = parse_body(html) else {
        return Vec::new();
    };
    let mut walker = Walker::default();
    walker.block_children(&body, 0);
    let mut blocks = walker.blocks;
    repair_links(&mut blocks);
    blocks
}

/// The `<body>` of `html` parsed as a separate, inert document.
fn parse_body(html: &str) -> Option<Node> {
    let parser = DomParser::new().ok()?;
    let document = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    document.body().map(Into::into)
}

/// What an element means to the block model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not content: `<script>`, `<style>`, …
    Skip,
    /// `<h1>` … `<h6>`.
    Heading(u8),
    /// `<p>`.
    Paragraph,
    /// `<ul>`, `<ol>`, `<menu>`.
    List,
    /// `<li>`.
    Item,
    /// `<a>`.
    Link,
    /// `<img>`.
    Image,
    /// `<iframe>`.
    Embed,
    /// `<em>`, `<strong>`, `<b>`, `<i>`.
    Emphasis,
    /// `<br>`.
    Break,
    /// `<pre>`: its text as written, line ends included.
    Pre,
    /// Table structure (`<table>`, `<tr>`, …): only its elements count.
    Table,
    /// A table cell or caption: running text.
    Cell,
    /// `<hr>` and other blocks without content.
    Rule,
    /// `<div>`, `<blockquote>`, `<section>`, …: blocks, or loose text read as paragraphs.
    Container,
    /// Anything else (`<span>`, `<code>`, `<del>`, unknown elements): its content, inline.
    Inline,
}

impl Kind {
    fn of(element: &Element) -> Kind {
        match element.local_name().as_str() {
            "script" | "style" | "template" | "noscript" | "head" | "title" | "meta" | "link"
            | "base" | "svg" | "math" | "object" | "embed" | "video" | "audio" | "canvas"
            | "select" | "textarea" | "button" | "input" => Kind::Skip,
            "h1" => Kind::Heading(1),
            "h2" => Kind::Heading(2),
            "h3" => Kind::Heading(3),
            "h4" => Kind::Heading(4),
            "h5" => Kind::Heading(5),
            "h6" => Kind::Heading(6),
            "p" => Kind::Paragraph,
            "ul" | "ol" | "menu" => Kind::List,
            "li" => Kind::Item,
            "a" => Kind::Link,
            "img" => Kind::Image,
            "iframe" => Kind::Embed,
            "em" | "strong" | "b" | "i" => Kind::Emphasis,
            "br" => Kind::Break,
            "pre" => Kind::Pre,
            "table" | "thead" | "tbody" | "tfoot" | "tr" | "colgroup" | "col" => Kind::Table,
            "td" | "th" | "caption" => Kind::Cell,
            "hr" => Kind::Rule,
            "div" | "blockquote" | "section" | "article" | "main" | "header" | "footer"
            | "aside" | "nav" | "figure" | "figcaption" | "details" | "summary" | "dl" | "dt"
            | "dd" | "address" | "hgroup" | "center" | "form" | "fieldset" | "body" => {
                Kind::Container
            }
            _ => Kind::Inline,
        }
    }

    /// Whether the element ends a run of loose inline content in a container.
    fn is_block(self) -> bool {
        !matches!(
            self,
            Kind::Link | Kind::Emphasis | Kind::Break | Kind::Inline
        )
    }
}

/// Mirrors the Markdown builder of `recap_core::markdown`: the same state, changed at the same
/// points of the document.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    /// Inlines of the paragraph, heading or list item being read.
    inlines: Vec<Inline>,
    /// The open link: its destination and the inlines before it started.
    link: Option<(String, Vec<Inline>)>,
    /// Items of the open (outermost) list, and how deep lists are nested.
    items: Vec<Vec<Inline>>,
    list_depth: usize,
    heading: Option<u8>,
    /// How deep inside emphasis the text is.
    emphasis: usize,
    /// How deep inside `<pre>` the text is.
    pre: usize,
}

impl Walker {
    /// The children of a block container: elements as blocks; runs of loose inline content
    /// (text, links, emphasis…) as a paragraph, or as list-item text inside a list. White space
    /// between blocks is ignored.
    fn block_children(&mut self, parent: &Node, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut run: Vec<Node> = Vec::new();
        let mut child = parent.first_child();
        while let Some(node) = child {
            child = node.next_sibling();
            match node.dyn_ref::<Element>() {
                Some(element) if Kind::of(element).is_block() => {
                    self.loose_run(&std::mem::take(&mut run), depth);
                    self.element(element, depth + 1);
                }
                _ => run.push(node),
            }
        }
        self.loose_run(&run, depth);
    }

    /// Inline content that sits directly in a container.
    fn loose_run(&mut self, run: &[Node], depth: usize) {
        let significant = run.iter().any(|node| match node.dyn_ref::<Element>() {
            Some(element) => Kind::of(element) != Kind::Skip,
            None => is_text(node) && node.node_value().is_some_and(|t| !t.trim().is_empty()),
        });
        if !significant {
            return;
        }
        for node in run {
            self.inline_node(node, depth + 1);
        }
        if self.list_depth == 0 {
            self.end_paragraph();
        }
    }

    /// The children of an element that holds running text.
    fn inline_children(&mut self, parent: &Node, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut child = parent.first_child();
        while let Some(node) = child {
            child = node.next_sibling();
            self.inline_node(&node, depth + 1);
        }
    }

    fn inline_node(&mut self, node: &Node, depth: usize) {
        if let Some(element) = node.dyn_ref::<Element>() {
            self.element(element, depth);
        } else if is_text(node) {
            self.text_node(node);
        }
    }

    fn element(&mut self, element: &Element, depth: usize) {
        match Kind::of(element) {
            Kind::Skip | Kind::Rule => {}
            Kind::Heading(level) => {
                self.flush_paragraph();
                self.heading = Some(level);
                self.inline_children(element, depth);
                let inlines = std::mem::take(&mut self.inlines);
                let level = self.heading.take().unwrap_or(level);
                self.blocks.push(Block::Heading { level, inlines });
            }
            Kind::Paragraph => {
                self.inline_children(element, depth);
                self.end_paragraph();
            }
            Kind::List => {
                if self.list_depth > 0 {
                    self.finish_item();
                } else {
                    self.flush_paragraph();
                }
                self.list_depth += 1;
                self.block_children(element, depth);
                self.finish_item();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 && !self.items.is_empty() {
                    self.blocks
                        .push(Block::List(std::mem::take(&mut self.items)));
                }
            }
            Kind::Item => {
                self.finish_item();
                self.block_children(element, depth);
                self.finish_item();
            }
            Kind::Link => match element.get_attribute("href") {
                // A link inside a link (possible in a DOM, not in Markdown) is read as its text.
                Some(url) if self.link.is_none() => {
                    let before = std::mem::take(&mut self.inlines);
                    self.link = Some((url, before));
                    self.inline_children(element, depth);
                    if let Some((url, before)) = self.link.take() {
                        let text = plain_text(&self.inlines);
                        self.inlines = before;
                        self.inlines.push(Inline::Link {
                            text: text.trim().to_owned(),
                            url,
                        });
                    }
                }
                _ => self.inline_children(element, depth),
            },
            Kind::Image => self.blocks.push(Block::Image {
                alt: element.get_attribute("alt").unwrap_or_default(),
                url: element.get_attribute("src").unwrap_or_default(),
            }),
            Kind::Embed => {
                if let Some(url) = element.get_attribute("src") {
                    self.blocks.push(Block::Embed { url });
                }
            }
            Kind::Emphasis => {
                self.emphasis += 1;
                self.inline_children(element, depth);
                self.emphasis = self.emphasis.saturating_sub(1);
            }
            Kind::Break => self.inlines.push(Inline::Break),
            Kind::Pre => {
                self.pre += 1;
                self.inline_children(element, depth);
                self.pre = self.pre.saturating_sub(1);
            }
            Kind::Table => {
                // Text directly in table structure is only the white space between rows.
                if depth > MAX_DEPTH {
                    return;
                }
                let mut child = element.first_element_child();
                while let Some(cell) = child {
                    child = cell.next_element_sibling();
                    self.element(&cell, depth + 1);
                }
            }
            Kind::Cell | Kind::Inline => self.inline_children(element, depth),
            Kind::Container => self.block_children(element, depth),
        }
    }

    /// Text as written; a line end is a soft break, as the Markdown parser reports it (the line
    /// end that follows a `<br>` belongs to that break). Inside `<pre>`, line ends are text.
    fn text_node(&mut self, node: &Node) {
        let Some(text) = node.node_value() else {
            return;
        };
        if self.pre > 0 {
            self.text(&text);
            return;
        }
        let after_break = node
            .previous_sibling()
            .and_then(|n| n.dyn_into::<Element>().ok())
            .is_some_and(|e| Kind::of(&e) == Kind::Break);
        let text = match text.strip_prefix('\n') {
            Some(rest) if after_break => rest,
            _ => &text,
        };
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                self.inlines.push(Inline::Break);
            }
            self.text(line);
        }
    }

    fn text(&mut self, text: &str) {
        if self.emphasis > 0 && self.link.is_none() {
            push_emphasis(&mut self.inlines, text);
        } else {
            push_text(&mut self.inlines, text);
        }
    }

    /// The end of a paragraph: a block of its own, or part of the list item it is in.
    fn end_paragraph(&mut self) {
        if self.list_depth == 0 {
            self.flush_paragraph();
        } else {
            push_text(&mut self.inlines, " ");
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

fn is_text(node: &Node) -> bool {
    node.node_type() == Node::TEXT_NODE || node.node_type() == Node::CDATA_SECTION_NODE
}

/// Drops leading and trailing breaks and blank text (as the Markdown producer does).
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
