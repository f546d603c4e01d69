//! What the tests of the shapes build their inputs and expectations from: a run of text, a
//! link, a speaker.

use crate::blocks::Inline;
use crate::feed::Speaker;

pub(super) fn text(t: &str) -> Inline {
    Inline::Text(t.into())
}

pub(super) fn link(t: &str, url: &str) -> Inline {
    Inline::Link {
        text: t.into(),
        url: url.into(),
    }
}

pub(super) fn sp(name: &str, org: Option<&str>) -> Speaker {
    Speaker {
        name: name.into(),
        org: org.map(Into::into),
    }
}
