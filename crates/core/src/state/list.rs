//! Which events the list shows.

use crate::route::ListQuery;
use crate::search::Prepared;
use crate::Item;

/// Where the list's `n`th event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// In the pages loaded: its position among the feed's items.
    Feed(usize),
    /// In the search index: its position there.
    Index(u32),
}

/// A search of the index: the positions there of the events that match.
pub type Search<'a> = &'a dyn Fn(&ListQuery) -> Vec<u32>;

/// Which events the list shows, and what it was built from: the search and filters, and either
/// the feed's events that match (with how many of the feed's events it has gone through, and the
/// last of them) or what the search index found.
///
/// It follows the feed as older pages come: their events that match go below the list's, unless
/// a page brought events newer than the list's last one (a feed out of order), which reorders
/// the list. [`Listing::built`] changes exactly when the list on the page must be built again;
/// otherwise only cards are added below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    built: u32,
    query: ListQuery,
    found: Found,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    Feed {
        positions: Vec<usize>,
        seen: usize,
        last: Option<String>,
    },
    Index(Vec<u32>),
}

impl Listing {
    /// The list for `query` over the feed's `items`, or over the search index when `search` is
    /// given (it is asked only when the list is built again), following `before`, the list
    /// shown until now.
    pub fn follow(
        before: Option<&Listing>,
        query: &ListQuery,
        items: &[Item],
        search: Option<Search<'_>>,
    ) -> Listing {
        let kept = before.filter(|b| b.query == *query);
        match (search, kept) {
            // The index's answer does not change with the pages loaded.
            (
                Some(_),
                Some(
                    kept @ Listing {
                        found: Found::Index(_),
                        ..
                    },
                ),
            ) => kept.clone(),
            (None, Some(kept)) if kept.grows_in_place(items) => kept.grown(items),
            _ => Listing {
                built: before.map_or(0, |b| b.built.wrapping_add(1)),
                query: query.clone(),
                found: match search {
                    Some(search) => Found::Index(search(query)),
                    None => feed_matches(query, items, 0, Vec::new()),
                },
            },
        }
    }

    /// Changes whenever the list must be built again: another search, the index answering it,
    /// the pages loaded out of order.
    pub fn built(&self) -> u32 {
        self.built
    }

    /// How many events the list shows.
    pub fn len(&self) -> usize {
        match &self.found {
            Found::Feed { positions, .. } => positions.len(),
            Found::Index(found) => found.len(),
        }
    }

    /// Whether the list shows no event.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of the feed's events the list has gone through; none for the index's list,
    /// which does not follow the pages loaded.
    pub fn seen(&self) -> Option<usize> {
        match &self.found {
            Found::Feed { seen, .. } => Some(*seen),
            Found::Index(_) => None,
        }
    }

    /// Where the list's `n`th event is.
    pub fn at(&self, n: usize) -> Option<At> {
        match &self.found {
            Found::Feed { positions, .. } => positions.get(n).copied().map(At::Feed),
            Found::Index(found) => found.get(n).copied().map(At::Index),
        }
    }

    /// Whether the feed's events seen are still where they were, so that only new ones follow.
    fn grows_in_place(&self, items: &[Item]) -> bool {
        let Found::Feed { seen, last, .. } = &self.found else {
            return false;
        };
        let in_place = *seen == 0 || items.get(seen - 1).map(|i| i.id.as_str()) == last.as_deref();
        in_place && items.len() >= *seen
    }

    /// The list with the events the feed has beyond those seen that match.
    fn grown(&self, items: &[Item]) -> Listing {
        let Found::Feed {
            positions, seen, ..
        } = &self.found
        else {
            return self.clone();
        };
        Listing {
            built: self.built,
            query: self.query.clone(),
            found: feed_matches(&self.query, items, *seen, positions.clone()),
        }
    }
}

/// `positions` and the positions of the events from `from` on in `items` that match `query`.
fn feed_matches(
    query: &ListQuery,
    items: &[Item],
    from: usize,
    mut positions: Vec<usize>,
) -> Found {
    let prepared = Prepared::new(query);
    positions.extend(
        items
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(_, item)| prepared.matches(item))
            .map(|(n, _)| n),
    );
    Found::Feed {
        positions,
        seen: items.len(),
        last: items.last().map(|i| i.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::feed;
    use super::*;

    fn query(q: &str) -> ListQuery {
        ListQuery {
            q: q.to_owned(),
            ..ListQuery::default()
        }
    }

    fn positions(listing: &Listing) -> Vec<usize> {
        (0..listing.len())
            .map(|n| match listing.at(n) {
                Some(At::Feed(at)) => at,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn the_list_shows_the_feeds_events_that_match() {
        let items = feed(&[
            ("c", "2024-03-01"),
            ("b", "2024-02-01"),
            ("a", "2024-01-01"),
        ])
        .items;
        let all = Listing::follow(None, &ListQuery::default(), &items, None);
        assert_eq!(positions(&all), [0, 1, 2]);
        assert_eq!(all.seen(), Some(3));
        assert!(all.at(3).is_none());
        let some = Listing::follow(Some(&all), &query("meetup b"), &items, None);
        assert_eq!(positions(&some), [1]);
        assert_ne!(some.built(), all.built(), "another search is another list");
        let none = Listing::follow(Some(&some), &query("nothing"), &items, None);
        assert!(none.is_empty());
    }

    #[test]
    fn an_older_page_in_order_adds_its_matches_below_without_building_again() {
        let mut feed_so_far = feed(&[("d", "2024-04-01"), ("c", "2024-03-01")]);
        let query = query("meetup");
        let first = Listing::follow(None, &query, &feed_so_far.items, None);
        feed_so_far.append_page(feed(&[("b", "2024-02-01"), ("a", "2024-01-01")]));
        let grown = Listing::follow(Some(&first), &query, &feed_so_far.items, None);
        assert_eq!(grown.built(), first.built());
        assert_eq!(positions(&grown), [0, 1, 2, 3]);
        assert_eq!(grown.seen(), Some(4));
        // Nothing new: the same list.
        assert_eq!(
            Listing::follow(Some(&grown), &query, &feed_so_far.items, None),
            grown
        );
    }

    #[test]
    fn a_filter_keeps_only_the_new_events_that_pass_it() {
        let mut feed_so_far = feed(&[("d", "2024-04-01"), ("c", "2024-03-01")]);
        let query = ListQuery {
            tag: Some("t-a".to_owned()),
            ..ListQuery::default()
        };
        let first = Listing::follow(None, &query, &feed_so_far.items, None);
        assert!(first.is_empty());
        feed_so_far.append_page(feed(&[("b", "2024-02-01"), ("a", "2024-01-01")]));
        let grown = Listing::follow(Some(&first), &query, &feed_so_far.items, None);
        assert_eq!(grown.built(), first.built());
        assert_eq!(positions(&grown), [3]);
    }

    #[test]
    fn a_page_out_of_order_builds_the_list_again_in_the_feeds_order() {
        let mut feed_so_far = feed(&[("d", "2024-04-01"), ("b", "2024-02-01")]);
        let first = Listing::follow(None, &ListQuery::default(), &feed_so_far.items, None);
        // An event newer than the list's last one: it goes between them.
        feed_so_far.append_page(feed(&[("c", "2024-03-01"), ("a", "2024-01-01")]));
        let again = Listing::follow(
            Some(&first),
            &ListQuery::default(),
            &feed_so_far.items,
            None,
        );
        assert_ne!(again.built(), first.built());
        assert_eq!(positions(&again), [0, 1, 2, 3]);
    }

    #[test]
    fn the_index_answers_a_search_once_and_the_pages_loaded_leave_its_list_alone() {
        let items = feed(&[("b", "2024-02-01")]).items;
        let asked = std::cell::Cell::new(0);
        let search = |q: &ListQuery| {
            asked.set(asked.get() + 1);
            if q.q.is_empty() {
                vec![0, 1, 2]
            } else {
                vec![2]
            }
        };
        let from_feed = Listing::follow(None, &query("x"), &items, None);
        let indexed = Listing::follow(Some(&from_feed), &query("x"), &items, Some(&search));
        assert_ne!(
            indexed.built(),
            from_feed.built(),
            "the index answering builds it again"
        );
        assert_eq!(indexed.at(0), Some(At::Index(2)));
        assert_eq!(indexed.seen(), None);
        let more = feed(&[("b", "2024-02-01"), ("a", "2024-01-01")]).items;
        let kept = Listing::follow(Some(&indexed), &query("x"), &more, Some(&search));
        assert_eq!(kept, indexed);
        assert_eq!(asked.get(), 1);
        let other = Listing::follow(Some(&kept), &query(""), &more, Some(&search));
        assert_eq!(other.len(), 3);
        assert_eq!(asked.get(), 2);
    }
}
