//! Searching and filtering the event list.

use crate::feed::Item;
use crate::route::ListQuery;

/// `text` lower-cased as search compares it: Unicode's full lower-case mapping. Natively the
/// standard library's; in the browser the browser's own (`String.prototype.toLowerCase`, the same
/// mapping), which spares the app's wasm the standard library's Unicode case tables (about 7 KB
/// of a first visit, brotli).
pub(crate) fn lowercase(text: &str) -> String {
    // ASCII lower-cases alike everywhere, without a call into the browser.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// The lower-cased search terms of a query.
fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(lowercase).collect()
}

/// Whether every event that `next` finds is among those `before` found: the same filters, and
/// each term of `before` inside a term of `next` (as when a visitor types on), so that `next`
/// need only look through what `before` found. Compared as the search compares, lower-cased.
pub fn narrows(before: &ListQuery, next: &ListQuery) -> bool {
    let next_terms = terms(&next.q);
    before.year == next.year
        && before.tag == next.tag
        && terms(&before.q)
            .iter()
            .all(|term| next_terms.iter().any(|t| t.contains(term.as_str())))
}

/// Everything a search looks at in an event: its title, talk titles, speakers, organisations and
/// takeaways, lower-cased.
pub fn searchable_text(item: &Item) -> String {
    let mut text = lowercase(item.display_title());
    for talk in item.talks() {
        let mut push = |s: &str| {
            text.push('\n');
            text.push_str(&lowercase(s));
        };
        if let Some(title) = &talk.title {
            push(title);
        }
        for speaker in &talk.speakers {
            push(&speaker.name);
            if let Some(org) = &speaker.org {
                push(org);
            }
        }
        for takeaway in &talk.takeaways {
            push(takeaway);
        }
    }
    text
}

/// Whether the item passes the search and filters. Every term must appear somewhere.
pub fn matches(item: &Item, query: &ListQuery) -> bool {
    Prepared::new(query).matches(item)
}

/// A query made ready to run over many events, its terms lower-cased once.
#[derive(Debug, Clone)]
pub struct Prepared<'q> {
    query: &'q ListQuery,
    terms: Vec<String>,
}

impl<'q> Prepared<'q> {
    /// Prepares `query`.
    pub fn new(query: &'q ListQuery) -> Self {
        Prepared {
            query,
            terms: terms(&query.q),
        }
    }

    /// [`matches()`], with the query prepared once for many items.
    pub fn matches(&self, item: &Item) -> bool {
        passes_filters(item, self.query)
            && (self.terms.is_empty() || {
                let text = searchable_text(item);
                self.terms.iter().all(|term| text.contains(term.as_str()))
            })
    }

    /// [`matches()`], with the item's [`searchable_text`] (or part of it) already made, as a
    /// search over many events keeps it.
    pub(crate) fn matches_text(&self, item: &Item, text: &str) -> bool {
        passes_filters(item, self.query)
            && self.terms.iter().all(|term| text.contains(term.as_str()))
    }
}

/// The tag and year filters of a query.
fn passes_filters(item: &Item, query: &ListQuery) -> bool {
    if let Some(tag) = &query.tag {
        if !item.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            return false;
        }
    }
    if let Some(year) = query.year {
        if item.date_published.as_ref().map(|d| d.year()) != Some(year) {
            return false;
        }
    }
    true
}

/// Splits `text` into runs, marking those that match a search term (case-insensitive), for
/// highlighting.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let terms: Vec<Vec<char>> = terms(query).iter().map(|t| t.chars().collect()).collect();
    // Each lower-cased char with the byte range of the original char it came from (a char may
    // lower-case to several).
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if c.is_ascii() {
            folded.push((c.to_ascii_lowercase(), at, end));
        } else {
            folded.extend(lowercase(&text[at..end]).chars().map(|l| (l, at, end)));
        }
    }
    let mut marked = vec![false; text.len()];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let mut i = 0;
        while i + term.len() <= folded.len() {
            if folded[i..i + term.len()]
                .iter()
                .map(|f| f.0)
                .eq(term.iter().copied())
            {
                let (start, end) = (folded[i].1, folded[i + term.len() - 1].2);
                marked[start..end].iter_mut().for_each(|m| *m = true);
                i += term.len();
            } else {
                i += 1;
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let hit = marked[i];
        match runs.last_mut() {
            Some((run, h)) if *h == hit => run.push(c),
            _ => runs.push((c.to_string(), hit)),
        }
    }
    if runs.is_empty() {
        runs.push((String::new(), false));
    }
    runs
}

/// The years of the events, newest first.
///
/// Each year goes straight to its place (a binary search in a list of a few dozen years), as do
/// the tags in [`tags`]: the app's wasm then carries no sort for either.
pub fn years<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<i32> {
    let mut years: Vec<i32> = Vec::new();
    for year in items
        .into_iter()
        .filter_map(|i| i.date_published.as_ref().map(|d| d.year()))
    {
        let at = years.partition_point(|&y| y > year);
        if years.get(at) != Some(&year) {
            years.insert(at, year);
        }
    }
    years
}

/// The tags of the events, most used first, then alphabetically; a tag is counted whatever its
/// case, under the spelling it first has.
pub fn tags<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for tag in items.into_iter().flat_map(|i| i.tags.iter()) {
        match counts.iter_mut().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
            Some((_, n)) => *n += 1,
            None => counts.push((tag, 1)),
        }
    }
    // The tags are distinct, so the order is total.
    let mut ordered: Vec<(&str, usize)> = Vec::with_capacity(counts.len());
    for (tag, n) in counts {
        let at = ordered.partition_point(|&(t, m)| m > n || (m == n && t < tag));
        ordered.insert(at, (tag, n));
    }
    ordered.into_iter().map(|(t, _)| t.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed;

    #[test]
    fn a_query_narrows_one_whose_terms_are_all_inside_its_own() {
        let q = |q: &str| ListQuery {
            q: q.into(),
            ..ListQuery::default()
        };
        for (before, next) in [
            ("", "g"),
            ("ju", "jun"),
            ("at", "at s"),
            ("at s", "at scale"),
            ("Loom", "loom works"),
            ("scale at", "at scaled"),
        ] {
            assert!(narrows(&q(before), &q(next)), "{before:?} to {next:?}");
        }
        for (before, next) in [
            ("jun", "ju"),
            ("at scale", "at"),
            ("g", ""),
            ("ab", "a b"),
            // Greek's final sigma: "ΑΣ" is "ας" and "ΑΣΑ" is "ασα", which does not hold "ας".
            ("ΑΣ", "ΑΣΑ"),
        ] {
            assert!(!narrows(&q(before), &q(next)), "{before:?} to {next:?}");
        }
        let filtered = ListQuery {
            year: Some(2024),
            ..q("ju")
        };
        assert!(!narrows(&filtered, &q("jun")));
        assert!(!narrows(&q("ju"), &filtered));
        let tagged = ListQuery {
            tag: Some("video".into()),
            ..q("ju")
        };
        assert!(!narrows(&tagged, &q("jun")));
    }

    fn items() -> Vec<Item> {
        parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"a","title":"May meetup","date_published":"2023-05-03T18:00:00Z","tags":["Video","2023"],
             "_recap":{"talks":[{"title":"eBPF for everyone","speakers":[{"name":"Ada Lovelace","org":"Loom Works"}],"takeaways":["Probes are cheap."]}]}},
            {"id":"b","title":"June meetup","date_published":"2024-06-03T18:00:00Z","tags":["video"]},
            {"id":"c","title":"Undated"}]}"#,
        )
        .unwrap()
        .feed
        .items
    }

    fn q(q: &str, tag: Option<&str>, year: Option<i32>) -> ListQuery {
        ListQuery {
            q: q.into(),
            tag: tag.map(Into::into),
            year,
        }
    }

    #[test]
    fn searches_titles_talks_speakers_orgs_takeaways() {
        let items = items();
        let hits = |query: ListQuery| -> Vec<&str> {
            items
                .iter()
                .filter(|i| matches(i, &query))
                .map(|i| i.id.as_str())
                .collect()
        };
        assert_eq!(hits(q("", None, None)), ["b", "a", "c"]);
        assert_eq!(hits(q("EBPF", None, None)), ["a"]);
        assert_eq!(hits(q("loom lovelace", None, None)), ["a"]);
        assert_eq!(hits(q("cheap", None, None)), ["a"]);
        assert_eq!(hits(q("meetup", Some("Video"), None)), ["b", "a"]);
        assert_eq!(hits(q("", None, Some(2023))), ["a"]);
        assert_eq!(hits(q("nothing", None, None)), Vec::<&str>::new());
    }

    #[test]
    fn folds_unicode_case_as_the_browser_test_expects() {
        // tests/web.rs checks the same in the browser, where `lowercase` is the browser's.
        let runs = highlight("Zoë ÅSTRÖM, İpek and ΣΟΦΙΑ", "åström zoë σοφια");
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(_, hit)| *hit)
            .map(|(text, _)| text.as_str())
            .collect();
        assert_eq!(marked, ["Zoë", "ÅSTRÖM", "ΣΟΦΙΑ"]);
        assert_eq!(highlight("İpek", "i̇pek"), [("İpek".to_owned(), true)]);
    }

    #[test]
    fn highlights_matches_case_insensitively() {
        assert_eq!(
            highlight("eBPF for Everyone", "ebpf every"),
            [
                ("eBPF".into(), true),
                (" for ".into(), false),
                ("Every".into(), true),
                ("one".into(), false)
            ]
        );
        assert_eq!(
            highlight("Café Ünï", "CAFÉ"),
            [("Café".into(), true), (" Ünï".into(), false)]
        );
        assert_eq!(highlight("x", "  "), [("x".into(), false)]);
    }

    #[test]
    fn years_and_tags() {
        let items = items();
        assert_eq!(years(&items), [2024, 2023]);
        assert_eq!(tags(&items), ["video", "2023"]);
    }

    #[test]
    fn years_and_tags_come_in_order_whatever_the_order_of_the_events() {
        // Events in no order: years repeat and come back; tags tie in count and in case.
        let mut items = Vec::new();
        for n in 0..200u32 {
            let mut item = items_of_year(1990 + (n * 7919 % 37) as i32, n);
            item.tags = (0..(n % 4))
                .map(|k| {
                    let tag = format!("tag{}", (n * 31 + k * 17) % 23);
                    if n % 5 == 0 {
                        tag.to_uppercase()
                    } else {
                        tag
                    }
                })
                .collect();
            items.push(item);
        }
        items.push(items_of_year(0, 999));
        items.last_mut().unwrap().date_published = None;

        let mut expected_years: Vec<i32> = items
            .iter()
            .filter_map(|i| i.date_published.as_ref().map(|d| d.year()))
            .collect();
        expected_years.sort_by(|a, b| b.cmp(a));
        expected_years.dedup();
        assert_eq!(years(&items), expected_years);

        let mut counts: Vec<(String, usize)> = Vec::new();
        for tag in items.iter().flat_map(|i| i.tags.iter()) {
            match counts.iter_mut().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
                Some((_, n)) => *n += 1,
                None => counts.push((tag.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let expected_tags: Vec<String> = counts.into_iter().map(|(t, _)| t).collect();
        assert_eq!(tags(&items), expected_tags);
        assert!(expected_tags.len() > 20);
    }

    fn items_of_year(year: i32, n: u32) -> Item {
        let json = format!(
            r#"{{"id":"e{n}","date_published":"{year:04}-03-0{}T18:00:00Z"}}"#,
            1 + n % 9
        );
        serde_json::from_str(&json).unwrap()
    }
}
