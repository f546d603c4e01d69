//! Event ids: one scheme, and the older form read as an alias of it.
//!
//! An event's id is the post's day and slug, `2024-03-06-riverbend-march`: what `recap-feed
//! build` and the Jekyll, Hugo and Eleventy templates write, and safe as one path segment of an
//! address (`/events/2024-03-06-riverbend-march/`). Feeds written by the first Jekyll template
//! carry Jekyll's own `post.id` instead, `/2024/03/06/riverbend-march` (with the post's
//! categories in front, `/events/2024/03/06/riverbend-march`), and pages embed events by it. Such
//! an id names the same event as its `YYYY-MM-DD-slug` form, whichever of the two the feed holds
//! and whichever a link or an embed asks for.

use std::borrow::Cow;

/// The id in the one scheme: `/2024/03/06/slug` (after any category segments, with or without a
/// trailing `.html` or `/`) becomes `2024-03-06-slug`; any other id is returned as it is.
pub fn canonical_id(id: &str) -> Cow<'_, str> {
    match legacy_parts(id) {
        Some((year, month, day, slug)) => Cow::Owned(format!("{year}-{month}-{day}-{slug}")),
        None => Cow::Borrowed(id),
    }
}

/// Whether two ids name the same event: equal, or equal once in the one scheme.
pub fn same_event(a: &str, b: &str) -> bool {
    a == b || canonical_id(a) == canonical_id(b)
}

/// The ids met so far, to tell one met again. A hash set natively; in the browser the
/// browser's own `Set` of strings, which spares the app's wasm a hash table of its own (about
/// 1.2 KB of a first visit, brotli). Both compare ids exactly.
pub(crate) struct Seen(
    #[cfg(target_arch = "wasm32")] js_sys::Set,
    #[cfg(not(target_arch = "wasm32"))] std::collections::HashSet<String>,
);

impl Seen {
    /// No id met yet, with room for `capacity` natively.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            let _ = capacity;
            Seen(js_sys::Set::new(&wasm_bindgen::JsValue::UNDEFINED))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Seen(std::collections::HashSet::with_capacity(capacity))
        }
    }

    /// Notes `id`: true when it was not met before.
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        #[cfg(target_arch = "wasm32")]
        {
            let id = wasm_bindgen::JsValue::from_str(id);
            let new = !self.0.has(&id);
            if new {
                self.0.add(&id);
            }
            new
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.0.insert(id.to_owned())
        }
    }
}

/// The position of the first of `ids` that names the event `id`: an equal id first, else one
/// that is the same event in the other form.
pub(crate) fn position_of<'a>(
    ids: impl Iterator<Item = &'a str> + Clone,
    id: &str,
) -> Option<usize> {
    if let Some(at) = ids.clone().position(|other| other == id) {
        return Some(at);
    }
    let wanted = canonical_id(id);
    ids.into_iter()
        .position(|other| canonical_id(other) == wanted)
}

/// `(year, month, day, slug)` of an id in Jekyll's `post.id` form.
fn legacy_parts(id: &str) -> Option<(&str, &str, &str, &str)> {
    let path = id.strip_prefix('/')?;
    let path = path.strip_suffix('/').unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    let mut parts = path.rsplit('/');
    let slug = parts.next().filter(|s| !s.is_empty())?;
    let day = parts.next().filter(|d| digits(d, 2))?;
    let month = parts.next().filter(|m| digits(m, 2))?;
    let year = parts.next().filter(|y| digits(y, 4))?;
    // Whatever is before the date is the post's categories, which the one scheme leaves out.
    Some((year, month, day, slug))
}

fn digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_post_ids_become_day_and_slug() {
        for (old, new) in [
            ("/2024/03/06/riverbend-march", "2024-03-06-riverbend-march"),
            (
                "/events/2024/03/06/riverbend-march",
                "2024-03-06-riverbend-march",
            ),
            (
                "/a/b/2024/03/06/riverbend-march.html",
                "2024-03-06-riverbend-march",
            ),
            ("/2024/03/06/riverbend-march/", "2024-03-06-riverbend-march"),
        ] {
            assert_eq!(canonical_id(old), new, "{old}");
        }
    }

    #[test]
    fn other_ids_are_left_as_they_are() {
        for id in [
            "2024-03-06-riverbend-march",
            "https://example.org/2024/03/06/post",
            "/2024/3/6/short-date",
            "/2024/03/06/",
            "/notes/riverbend",
            "",
            "/",
        ] {
            assert_eq!(canonical_id(id), id, "{id}");
        }
    }

    #[test]
    fn either_form_finds_the_event() {
        let new = ["2024-04-03-april", "2024-03-06-march"];
        let old = ["/2024/04/03/april", "/2024/03/06/march"];
        assert_eq!(
            position_of(new.iter().copied(), "/2024/03/06/march"),
            Some(1)
        );
        assert_eq!(
            position_of(old.iter().copied(), "2024-03-06-march"),
            Some(1)
        );
        assert_eq!(
            position_of(new.iter().copied(), "2024-03-06-march"),
            Some(1)
        );
        assert_eq!(position_of(new.iter().copied(), "2024-03-07-march"), None);
        assert!(same_event("/x/2024/03/06/march", "2024-03-06-march"));
        assert!(!same_event("/2024/03/06/march", "2024-03-06-april"));
    }

    #[test]
    fn an_equal_id_wins_over_an_alias() {
        // Both forms in one feed: the exact one is the event asked for.
        let ids = ["/2024/03/06/march", "2024-03-06-march"];
        assert_eq!(
            position_of(ids.iter().copied(), "2024-03-06-march"),
            Some(1)
        );
        assert_eq!(
            position_of(ids.iter().copied(), "/2024/03/06/march"),
            Some(0)
        );
    }
}
