//! The windowed list's bookkeeping: which cards are built, in which runs, and which runs hold
//! their cards.

use std::ops::Range;

/// Cards per run: a multiple of every column count the grid takes (1 to 4), so that only a
/// year's last run ends with a short row.
pub const CHUNK: usize = 12;

/// Cards the list keeps built however far they are from the view: a short list is whole, for
/// find-in-page; beyond this, runs out of range are emptied.
pub const KEPT: usize = 96;

/// A windowed list of `len` cards, built a run ([`CHUNK`] cards at most, of one year) at a
/// time as the list is scrolled towards them. Runs far from the view are emptied, their place
/// kept, and built again when they come near. The app keeps one DOM list per run, in the same
/// order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    len: usize,
    built: usize,
    runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    cards: Range<usize>,
    /// Its cards are in the document.
    live: bool,
    /// Within range of the view, as last reported.
    near: bool,
}

impl Window {
    /// A list of `len` cards, none built.
    pub fn new(len: usize) -> Self {
        Window {
            len,
            ..Window::default()
        }
    }

    /// The list now has `len` cards (more have come).
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
    }

    /// How many cards are built (or skipped, for a card that is gone).
    pub fn built(&self) -> usize {
        self.built
    }

    /// Whether fewer than `first` cards (or the whole list, if shorter) are built.
    pub fn short_of(&self, first: usize) -> bool {
        self.built < self.len.min(first)
    }

    /// The next card to build into the run that started at card `start`, if it has room and
    /// cards are left. Call [`Window::take`] once it is built or skipped.
    pub fn next(&self, start: usize) -> Option<usize> {
        (self.built < self.len && self.built - start < CHUNK).then_some(self.built)
    }

    /// The next card is built or skipped.
    pub fn take(&mut self) {
        self.built += 1;
    }

    /// The cards from `start` to the last taken make a run, live and near the view.
    pub fn add_run(&mut self, start: usize) {
        self.runs.push(Run {
            cards: start..self.built,
            live: true,
            near: true,
        });
    }

    /// How many runs there are.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// The cards of run `at`.
    pub fn cards(&self, at: usize) -> Range<usize> {
        self.runs.get(at).map_or(0..0, |run| run.cards.clone())
    }

    /// Run `at` has come within range of the view or left it: whether its cards are to be
    /// built again (it was emptied and is near now); it is live from then on.
    pub fn set_near(&mut self, at: usize, near: bool) -> bool {
        let Some(run) = self.runs.get_mut(at) else {
            return false;
        };
        run.near = near;
        let revive = near && !run.live;
        if revive {
            run.live = true;
        }
        revive
    }

    /// When more than [`KEPT`] cards are live: the runs to empty, those out of range but one
    /// that `keep` holds on to (the keyboard focus is in it). They are counted emptied.
    pub fn trim(&mut self, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        let live: usize = self
            .runs
            .iter()
            .filter(|run| run.live)
            .map(|run| run.cards.len())
            .sum();
        if live <= KEPT {
            return Vec::new();
        }
        let mut emptied = Vec::new();
        for (at, run) in self.runs.iter_mut().enumerate() {
            if run.live && !run.near && !keep(at) {
                run.live = false;
                emptied.push(at);
            }
        }
        emptied
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds runs of `CHUNK` cards until every card is built, as the list does when its end
    /// keeps coming into view.
    fn build_all(window: &mut Window) {
        loop {
            let start = window.built();
            while window.next(start).is_some() {
                window.take();
            }
            if window.built() == start {
                break;
            }
            window.add_run(start);
        }
    }

    #[test]
    fn cards_are_built_a_run_at_a_time_up_to_the_first_screen_then_on_demand() {
        let mut window = Window::new(30);
        assert!(window.short_of(24));
        assert_eq!(window.next(0), Some(0));
        window.take();
        assert_eq!(window.next(0), Some(1));
        for _ in 1..CHUNK {
            window.take();
        }
        assert_eq!(window.next(0), None, "a run holds CHUNK cards at most");
        window.add_run(0);
        assert_eq!(window.cards(0), 0..CHUNK);
        build_all(&mut window);
        assert_eq!(window.built(), 30);
        assert_eq!(window.runs(), 3);
        assert_eq!(window.cards(2), 24..30);
        assert!(!window.short_of(24));
        assert_eq!(window.next(30), None);
    }

    #[test]
    fn more_cards_coming_lets_building_go_on() {
        let mut window = Window::new(5);
        build_all(&mut window);
        assert_eq!(window.next(5), None);
        window.set_len(8);
        assert_eq!(window.next(5), Some(5));
        build_all(&mut window);
        assert_eq!((window.runs(), window.built()), (2, 8));
    }

    #[test]
    fn a_short_list_stays_whole_however_far_from_the_view() {
        let mut window = Window::new(KEPT);
        build_all(&mut window);
        for at in 0..window.runs() {
            assert!(!window.set_near(at, false));
        }
        assert!(window.trim(|_| false).is_empty());
    }

    #[test]
    fn runs_out_of_range_are_emptied_past_the_cards_kept_but_not_the_focused_one() {
        let mut window = Window::new(KEPT + CHUNK);
        build_all(&mut window);
        let runs = window.runs();
        assert_eq!(runs, KEPT / CHUNK + 1);
        // The view is at the end: the first three runs are out of range.
        for at in 0..3 {
            window.set_near(at, false);
        }
        assert_eq!(window.trim(|at| at == 1), [0, 2]);
        // Within the cards kept now: the focused one stays, though out of range.
        assert!(window.trim(|_| false).is_empty());
        // Back in range: built again, once.
        assert!(window.set_near(0, true));
        assert!(!window.set_near(0, true));
        assert!(!window.set_near(runs, true), "no such run");
    }
}
