//! `content_html` → [`Block`]s, through the browser's own HTML parser ([`parse_body`]).
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

use recap_core::blocks::{Block, BlockBuilder};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::parse::parse_body;

/// Deeper elements are not read (browsers already flatten parsed trees at 512 levels).
const MAX_DEPTH: usize = 512;

/// Reads HTML (a feed item's `content_html`) into blocks, with broken links mended as
/// `recap_core::blocks` mends them: the blocks `recap_core::markdown::to_blocks` gives for the Markdown that
/// rendered to this HTML.
///
/// Never panics; HTML that cannot be parsed gives no blocks.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    let Some(body) = parse_body(html) else {
        return Vec::new();
    };
    let mut walker = Walker::default();
    walker.block_children(&body, 0);
    walker.builder.finish()
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

/// Replays the parsed document into the same [`BlockBuilder`] as `recap_core::markdown`, at the
/// points where pulldown-cmark reports the Markdown that rendered to it.
#[derive(Default)]
struct Walker {
    builder: BlockBuilder,
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
        if !self.builder.in_list() {
            self.builder.end_paragraph();
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
                self.builder.start_heading(level);
                self.inline_children(element, depth);
                self.builder.end_heading();
            }
            Kind::Paragraph => {
                self.inline_children(element, depth);
                self.builder.end_paragraph();
            }
            Kind::List => {
                self.builder.start_list();
                self.block_children(element, depth);
                self.builder.end_list();
            }
            Kind::Item => {
                self.builder.item_boundary();
                self.block_children(element, depth);
                self.builder.item_boundary();
            }
            Kind::Link => {
                // A link inside a link (possible in a DOM, not in Markdown) is read as its text.
                let opened = element
                    .get_attribute("href")
                    .is_some_and(|url| self.builder.start_link(url));
                self.inline_children(element, depth);
                if opened {
                    self.builder.end_link();
                }
            }
            Kind::Image => self.builder.image(
                element.get_attribute("alt").unwrap_or_default(),
                element.get_attribute("src").unwrap_or_default(),
            ),
            Kind::Embed => {
                if let Some(url) = element.get_attribute("src") {
                    self.builder.embed(url);
                }
            }
            Kind::Emphasis => {
                self.builder.start_emphasis();
                self.inline_children(element, depth);
                self.builder.end_emphasis();
            }
            Kind::Break => self.builder.line_break(),
            // A code block is a paragraph of its own, as its text (as in the Markdown producer).
            Kind::Pre => {
                self.pre += 1;
                self.inline_children(element, depth);
                self.pre = self.pre.saturating_sub(1);
                self.builder.end_paragraph();
            }
            Kind::Table => {
                // Text directly in table structure is only the white space between rows.
                if depth <= MAX_DEPTH {
                    let mut child = element.first_element_child();
                    while let Some(cell) = child {
                        child = cell.next_element_sibling();
                        self.element(&cell, depth + 1);
                    }
                }
                // As in the Markdown producer: a row is a line, the table a paragraph.
                match element.local_name().as_str() {
                    "tr" => self.builder.end_table_row(),
                    "table" => self.builder.end_paragraph(),
                    _ => {}
                }
            }
            Kind::Cell => {
                self.inline_children(element, depth);
                self.builder.end_table_cell();
            }
            Kind::Inline => self.inline_children(element, depth),
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
                self.builder.line_break();
            }
            self.text(line);
        }
    }

    fn text(&mut self, text: &str) {
        self.builder.text(text);
    }
}

fn is_text(node: &Node) -> bool {
    node.node_type() == Node::TEXT_NODE || node.node_type() == Node::CDATA_SECTION_NODE
}
