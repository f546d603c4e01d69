//! A post's HTML parsed by the browser into an inert document: what the walker reads, and the
//! sanitiser of the full recap too.

use web_sys::{DomParser, Node, SupportedType};

/// The `<body>` of `html` parsed as a separate, inert document (no scripts run, nothing loads).
/// Its inline styles and event handlers are taken out first: the document inherits the page's
/// Content-Security-Policy, which would report each of them (none would be used or run).
///
/// The extractor reads posts through it, and so does the sanitiser of the full recap.
pub fn parse_body(html: &str) -> Option<Node> {
    let parser = DomParser::new().ok()?;
    let document = parser
        .parse_from_string(
            &recap_core::without_inline_code(html),
            SupportedType::TextHtml,
        )
        .ok()?;
    document.body().map(Into::into)
}
