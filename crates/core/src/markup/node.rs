//! The node tree and its HTML serialiser.
//!
//! Tag and attribute names are `&'static str`: only the code names them, never the feed. Every
//! text and attribute value is escaped when written, and there is no raw-HTML node, so a feed
//! string can only ever come out as text: escaping by construction.

/// A node: an element or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text, escaped when written.
    Text(String),
}

/// An element with its attributes and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The tag name.
    pub tag: &'static str,
    /// Attributes in order; the values are any text.
    pub attrs: Vec<(&'static str, String)>,
    /// The children.
    pub children: Vec<Node>,
    /// A mark for the code that materialises the tree, not written out: the talks carry their
    /// index, so that the player can find the element of the talk that plays.
    pub key: Option<usize>,
}

/// Elements that have no end tag.
const VOID: [&str; 6] = ["img", "input", "br", "meta", "link", "hr"];

impl Element {
    /// A new element.
    pub fn new(tag: &'static str) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
            key: None,
        }
    }

    /// A new element with a class (none when empty).
    #[inline(never)]
    pub fn with_class(tag: &'static str, class: &str) -> Self {
        let el = Element::new(tag);
        if class.is_empty() {
            el
        } else {
            el.attr("class", class)
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.push_attr(name, value.into());
        self
    }

    /// Adds a child.
    pub fn child(mut self, child: impl Into<Node>) -> Self {
        self.push_child(child.into());
        self
    }

    // The generic builders above convert and call these, so that the wasm holds one copy.
    #[inline(never)]
    fn push_attr(&mut self, name: &'static str, value: String) {
        self.attrs.push((name, value));
    }

    #[inline(never)]
    fn push_child(&mut self, child: Node) {
        self.children.push(child);
    }

    /// Adds a text child.
    pub fn text(self, text: impl Into<String>) -> Self {
        self.child(Node::Text(text.into()))
    }

    /// Adds children.
    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children);
        self
    }

    /// Adds a child when there is one.
    pub fn maybe(self, child: Option<impl Into<Node>>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// Sets the mark (see [`Element::key`]).
    pub fn keyed(mut self, key: usize) -> Self {
        self.key = Some(key);
        self
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the element has no end tag.
    pub fn is_void(&self) -> bool {
        VOID.contains(&self.tag)
    }
}

impl From<Element> for Node {
    fn from(el: Element) -> Self {
        Node::Element(el)
    }
}

/// Writes nodes as HTML.
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        write_node(&mut out, node);
    }
    out
}

fn write_node(out: &mut String, node: &Node) {
    match node {
        Node::Text(text) => escape_into(out, text, false),
        Node::Element(el) => {
            out.push('<');
            out.push_str(el.tag);
            for (name, value) in &el.attrs {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_into(out, value, true);
                out.push('"');
            }
            out.push('>');
            if el.is_void() {
                return;
            }
            for child in &el.children {
                write_node(out, child);
            }
            out.push_str("</");
            out.push_str(el.tag);
            out.push('>');
        }
    }
}

/// Escapes text for HTML: `&`, `<`, `>` always, quotes in attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
