//! How well extracted talks match the talks a careful reader would write.
//!
//! Both the hand-written fixtures (`crates/cli/examples/score_fixtures.rs`) and the generated
//! posts (`crates/core/tests/generated.rs`) are scored here, so that their figures mean the same.
//!
//! Matching: in each post, the extracted talks are aligned with the expected ones in order (a
//! longest-common-subsequence alignment, `align`), and a pair may be aligned only if the two
//! talks are alike (`likeness`): the same start time, or, failing that, titles or speakers that
//! share enough words. The alignment maximises the summed likeness. Aligned pairs are the true
//! positives of talk precision and recall; the field scores are over aligned pairs only.
//!
//! Text is compared after folding typographic quotes and dashes, white space, case and
//! trailing `.`/`,`/`:`/`;`. Fields:
//! - title: equal (both absent counts as equal);
//! - speakers: the same names, in any order;
//! - organisations: the same organisations per speaker name (absent ones included);
//! - takeaways: the same list;
//! - start recall: of the expected talks with a start, how many got that start;
//!   start precision: of the extracted starts, how many are right.

use std::collections::BTreeSet;

use crate::feed::Talk;

/// A talk as the score sees it: its text folded by `fold`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoredTalk {
    /// The folded title.
    pub title: Option<String>,
    /// Each speaker's folded name and organisation, in the order given.
    pub speakers: Vec<(String, Option<String>)>,
    /// Whole seconds into the event video.
    pub start: Option<u64>,
    /// The folded takeaways, in order.
    pub takeaways: Vec<String>,
}

impl ScoredTalk {
    /// A talk from its fields as written, folding its text.
    pub fn new<'a>(
        title: Option<&str>,
        speakers: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
        start: Option<u64>,
        takeaways: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        ScoredTalk {
            title: title.map(fold),
            speakers: speakers
                .into_iter()
                .map(|(name, org)| (fold(name), org.map(fold)))
                .collect(),
            start,
            takeaways: takeaways.into_iter().map(fold).collect(),
        }
    }

    /// The speakers' names, in any order.
    pub fn names(&self) -> BTreeSet<String> {
        self.speakers.iter().map(|p| p.0.clone()).collect()
    }

    /// The speakers with their organisations, in any order.
    pub(crate) fn people(&self) -> BTreeSet<(String, Option<String>)> {
        self.speakers.iter().cloned().collect()
    }

    /// The speakers' names in order, joined by spaces.
    fn joined_names(&self) -> String {
        self.speakers
            .iter()
            .map(|s| s.0.clone())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl From<&Talk> for ScoredTalk {
    fn from(talk: &Talk) -> Self {
        ScoredTalk::new(
            talk.title.as_deref(),
            talk.speakers
                .iter()
                .map(|s| (s.name.as_str(), s.org.as_deref())),
            talk.start.map(u64::from),
            talk.takeaways.iter().map(String::as_str),
        )
    }
}

/// Folds typographic quotes and dashes, white space, case and trailing punctuation.
pub(crate) fn fold(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' | '″' => '"',
            '–' | '—' | '‐' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let squashed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    squashed
        .trim_end_matches(['.', ',', ':', ';'])
        .trim()
        .to_lowercase()
}

fn word_set(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The share of words two texts have in common, 0 when both have none.
fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (word_set(a), word_set(b));
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(&b).count() as f64;
    common / a.union(&b).count() as f64
}

/// How alike two talks are, 0 when they may not be aligned.
pub(crate) fn likeness(expected: &ScoredTalk, actual: &ScoredTalk) -> f64 {
    let same_start = expected.start.is_some() && expected.start == actual.start;
    let title = match (&expected.title, &actual.title) {
        (Some(a), Some(b)) => jaccard(a, b),
        _ => 0.0,
    };
    let speakers = jaccard(&expected.joined_names(), &actual.joined_names());
    let mut like = title + speakers;
    if same_start {
        like += 2.0;
    }
    if same_start || title >= 0.3 || speakers >= 0.3 {
        like.max(0.01)
    } else {
        0.0
    }
}

/// The order-preserving alignment with the greatest summed likeness: pairs of indices, the
/// expected talk's first.
pub(crate) fn align(expected: &[ScoredTalk], actual: &[ScoredTalk]) -> Vec<(usize, usize)> {
    // best[i][j]: the greatest summed likeness of expected[i..] with actual[j..].
    let mut best = vec![vec![0.0f64; actual.len() + 1]; expected.len() + 1];
    let at = |best: &[Vec<f64>], i: usize, j: usize| {
        best.get(i)
            .and_then(|row| row.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    for (i, e) in expected.iter().enumerate().rev() {
        for (j, a) in actual.iter().enumerate().rev() {
            let like = likeness(e, a);
            let take = if like > 0.0 {
                like + at(&best, i + 1, j + 1)
            } else {
                0.0
            };
            let value = take.max(at(&best, i + 1, j)).max(at(&best, i, j + 1));
            if let Some(cell) = best.get_mut(i).and_then(|row| row.get_mut(j)) {
                *cell = value;
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(e), Some(a)) = (expected.get(i), actual.get(j)) {
        let like = likeness(e, a);
        let here = at(&best, i, j);
        if like > 0.0 && (here - (like + at(&best, i + 1, j + 1))).abs() < 1e-9 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if (here - at(&best, i + 1, j)).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// How one expected talk fared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TalkScore {
    /// Whether an extracted talk was aligned with it; the fields below are false when not.
    pub found: bool,
    /// The same title, or both without one.
    pub title: bool,
    /// The same speakers' names, in any order.
    pub speakers: bool,
    /// The same organisation for each speaker.
    pub orgs: bool,
    /// The same start, or both without one.
    pub start: bool,
    /// The same takeaways, in order.
    pub takeaways: bool,
}

impl TalkScore {
    /// Found, and every field right.
    pub fn right(&self) -> bool {
        self.found && self.title && self.speakers && self.orgs && self.start && self.takeaways
    }

    /// What went wrong: `["missed"]`, or the fields that differ.
    pub fn wrong(&self) -> Vec<&'static str> {
        if !self.found {
            return vec!["missed"];
        }
        [
            (self.title, "title"),
            (self.speakers, "speakers"),
            (self.orgs, "organisations"),
            (self.start, "start"),
            (self.takeaways, "takeaways"),
        ]
        .into_iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, field)| field)
        .collect()
    }
}

/// How one post fared.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostScore {
    /// The aligned pairs, as `align` gives them.
    pub pairs: Vec<(usize, usize)>,
    /// One per expected talk.
    pub talks: Vec<TalkScore>,
    /// Extracted talks aligned with none expected.
    pub extra: usize,
}

/// The counts over the posts scored so far; the figures are ratios of them.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Posts scored.
    pub posts: usize,
    /// Posts with as many talks extracted as expected.
    pub exact_count: usize,
    /// Talks expected.
    pub expected: usize,
    /// Talks extracted.
    pub extracted: usize,
    /// Talks aligned; the field counts below are over them.
    pub matched: usize,
    /// Aligned talks with the right title.
    pub titles: usize,
    /// Aligned talks with the right speakers' names.
    pub speakers: usize,
    /// Aligned talks with the right organisation for each speaker.
    pub orgs: usize,
    /// Aligned talks with the right takeaways.
    pub takeaways: usize,
    /// Expected talks with a start, aligned or not.
    pub starts_expected: usize,
    /// Of those, the ones aligned with a talk of the same start.
    pub starts_found: usize,
    /// Extracted talks with a start.
    pub extracted_starts: usize,
    /// Of those, the ones aligned with a talk of the same start.
    pub extracted_starts_right: usize,
    /// Posts with no talks to find (announcements, show notes).
    pub not_recaps: usize,
    /// Of those, the ones given talks anyway.
    pub not_recaps_with_talks: usize,
}

impl Score {
    /// Scores one post's extracted talks against its expected ones and adds the counts.
    pub fn add(&mut self, expected: &[ScoredTalk], actual: &[ScoredTalk]) -> PostScore {
        self.posts += 1;
        if expected.is_empty() {
            self.not_recaps += 1;
            self.not_recaps_with_talks += usize::from(!actual.is_empty());
        }
        self.expected += expected.len();
        self.extracted += actual.len();
        self.exact_count += usize::from(expected.len() == actual.len());
        self.extracted_starts += actual.iter().filter(|t| t.start.is_some()).count();
        let pairs = align(expected, actual);
        self.matched += pairs.len();
        let mut talks = vec![TalkScore::default(); expected.len()];
        for &(i, j) in &pairs {
            let (Some(e), Some(a)) = (expected.get(i), actual.get(j)) else {
                continue;
            };
            let r = TalkScore {
                found: true,
                title: e.title == a.title,
                speakers: e.names() == a.names(),
                orgs: e.people() == a.people(),
                start: e.start == a.start,
                takeaways: e.takeaways == a.takeaways,
            };
            self.titles += usize::from(r.title);
            self.speakers += usize::from(r.speakers);
            self.orgs += usize::from(r.orgs);
            self.takeaways += usize::from(r.takeaways);
            if e.start.is_some() {
                self.starts_expected += 1;
                self.starts_found += usize::from(r.start);
            }
            if a.start.is_some() && r.start {
                self.extracted_starts_right += 1;
            }
            if let Some(slot) = talks.get_mut(i) {
                *slot = r;
            }
        }
        // Expected starts of talks that were not found count against start recall too.
        self.starts_expected += expected
            .iter()
            .zip(&talks)
            .filter(|(e, r)| !r.found && e.start.is_some())
            .count();
        let extra = actual.len().saturating_sub(pairs.len());
        PostScore {
            pairs,
            talks,
            extra,
        }
    }

    /// Of the talks extracted, the share aligned with an expected one.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }

    /// Of the talks expected, the share aligned with an extracted one.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        }
    }

    /// The share of posts with as many talks extracted as expected.
    pub fn exact(&self) -> f64 {
        ratio(self.exact_count, self.posts)
    }

    /// Of the aligned talks, the share with the right title.
    pub fn titles(&self) -> f64 {
        ratio(self.titles, self.matched)
    }

    /// Of the aligned talks, the share with the right speakers' names.
    pub fn speakers(&self) -> f64 {
        ratio(self.speakers, self.matched)
    }

    /// Of the aligned talks, the share with the right organisation for each speaker.
    pub fn orgs(&self) -> f64 {
        ratio(self.orgs, self.matched)
    }

    /// Of the aligned talks, the share with the right takeaways.
    pub fn takeaways(&self) -> f64 {
        ratio(self.takeaways, self.matched)
    }

    /// Of the expected talks with a start, the share that got that start.
    pub fn start_recall(&self) -> f64 {
        ratio(self.starts_found, self.starts_expected)
    }

    /// Of the extracted starts, the share that are right.
    pub fn start_precision(&self) -> f64 {
        ratio(self.extracted_starts_right, self.extracted_starts)
    }

    /// The figures by name (`precision`, `recall`, `f1`, `exact`, `titles`, `speakers`, `orgs`,
    /// `takeaways`, `start-recall`, `start-precision`).
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("precision", self.precision()),
            ("recall", self.recall()),
            ("f1", self.f1()),
            ("exact", self.exact()),
            ("titles", self.titles()),
            ("speakers", self.speakers()),
            ("orgs", self.orgs()),
            ("takeaways", self.takeaways()),
            ("start-recall", self.start_recall()),
            ("start-precision", self.start_precision()),
        ]
    }
}

/// `a / b`, and 1 when `b` is 0: nothing to get wrong.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(title: &str, speaker: &str, start: Option<u64>) -> ScoredTalk {
        ScoredTalk::new(Some(title), [(speaker, None)], start, [])
    }

    #[test]
    fn folding_evens_out_typography_case_and_trailing_punctuation() {
        assert_eq!(
            fold("  “Don’t  Panic” — Again.  "),
            "\"don't panic\" - again"
        );
    }

    #[test]
    fn alignment_keeps_order_and_skips_talks_unlike_any() {
        let expected = [
            talk("Rust in production", "Ada Lovelace", Some(60)),
            talk("Tracing at scale", "Grace Hopper", Some(900)),
        ];
        let actual = [
            talk("Welcome", "Host", None),
            talk("Tracing at scale", "Grace Hopper", Some(900)),
        ];
        assert_eq!(align(&expected, &actual), vec![(1, 1)]);
        let mut score = Score::default();
        let post = score.add(&expected, &actual);
        assert_eq!(post.extra, 1);
        assert!(!post.talks.first().is_some_and(|t| t.found));
        assert!(post.talks.get(1).is_some_and(TalkScore::right));
        assert_eq!(
            (score.matched, score.starts_expected, score.starts_found),
            (1, 2, 1)
        );
        assert!((score.f1() - 0.5).abs() < 1e-9);
    }
}
