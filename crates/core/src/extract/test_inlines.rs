//! Inlines for the tests of the shapes: a run of text and a link.

use crate::blocks::Inline;

pub fn text(t: &str) -> Inline {
    Inline::Text(t.into())
}

pub fn link(t: &str, url: &str) -> Inline {
    Inline::Link {
        text: t.into(),
        url: url.into(),
    }
}
