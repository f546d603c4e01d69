//! The talks as chapters of the recording: which one is playing, and the segments of the
//! chapter bar.

use crate::Talk;

/// The talks' starts in running order, the shape the functions here read.
pub(crate) fn starts(talks: &[Talk]) -> Vec<Option<u32>> {
    talks.iter().map(|talk| talk.start).collect()
}

/// The talk playing at `seconds`: the one with the latest start at or before it (a second of
/// slack, as players land just before a seek target). `None` before the first timed talk.
pub(crate) fn talk_at(starts: &[Option<u32>], seconds: f64) -> Option<usize> {
    starts
        .iter()
        .enumerate()
        .filter_map(|(i, start)| Some((i, (*start)?)))
        .filter(|&(_, start)| f64::from(start) <= seconds + 1.0)
        .max_by_key(|&(i, start)| (start, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

/// One talk as a segment of the recording, for the chapter bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// Index of the talk in the event's list.
    pub talk: usize,
    /// Where it starts, in seconds.
    pub start: u32,
    /// Where the next talk starts or the recording ends, when known.
    pub end: Option<u32>,
    /// Left edge, in percent of the bar.
    pub left: f64,
    /// Width, in percent of the bar.
    pub width: f64,
}

/// The timed talks as segments of the recording, in the order they play. The bar spans the
/// recording's `duration` when known; otherwise it ends one typical talk after the last start.
pub(crate) fn chapters(starts: &[Option<u32>], duration: Option<f64>) -> Vec<Chapter> {
    let mut timed: Vec<(usize, u32)> = starts
        .iter()
        .enumerate()
        .filter_map(|(i, start)| Some((i, (*start)?)))
        .collect();
    timed.sort_unstable_by_key(|&(i, start)| (start, i));
    timed.dedup_by_key(|&mut (_, start)| start);
    let Some(&(_, last)) = timed.last() else {
        return Vec::new();
    };
    let first = timed.first().map_or(0, |&(_, s)| s);
    let known_end = duration.map(|d| d.ceil() as u32).filter(|&end| end > last);
    let typical = if timed.len() > 1 {
        (last - first) / (timed.len() as u32 - 1)
    } else {
        last.max(600)
    };
    let total = f64::from(known_end.unwrap_or(last.saturating_add(typical.max(60))));
    timed
        .iter()
        .enumerate()
        .map(|(n, &(talk, start))| {
            let end = timed.get(n + 1).map(|&(_, s)| s).or(known_end);
            let bar_end = end.map_or(total, f64::from);
            Chapter {
                talk,
                start,
                end,
                left: f64::from(start) * 100.0 / total,
                width: (bar_end - f64::from(start)) * 100.0 / total,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_playing_talk_is_the_latest_started() {
        let list = [Some(0), None, Some(183), Some(4075)];
        assert_eq!(talk_at(&list, 0.0), Some(0));
        assert_eq!(
            talk_at(&list, 182.5),
            Some(2),
            "a seek lands just before its target"
        );
        assert_eq!(talk_at(&list, 4074.9), Some(3));
        assert_eq!(talk_at(&list, 99999.0), Some(3));
        assert_eq!(talk_at(&[Some(300)], 10.0), None);
        assert_eq!(talk_at(&[None, None], 10.0), None);
    }

    #[test]
    fn starts_follow_the_talks() {
        let talks = [
            Talk {
                start: Some(10),
                ..Talk::default()
            },
            Talk::default(),
        ];
        assert_eq!(starts(&talks), [Some(10), None]);
        assert_eq!(
            talks[1].title_or_place(2, &crate::i18n::Catalogue::english()),
            "Talk 2"
        );
    }

    #[test]
    fn chapters_span_the_recording() {
        let list = [Some(0), None, Some(183), Some(4075)];
        let known = chapters(&list, Some(5000.0));
        assert_eq!(
            known
                .iter()
                .map(|c| (c.talk, c.start, c.end))
                .collect::<Vec<_>>(),
            [
                (0, 0, Some(183)),
                (2, 183, Some(4075)),
                (3, 4075, Some(5000))
            ]
        );
        let total: f64 = known.iter().map(|c| c.width).sum();
        assert!((total - 100.0).abs() < 1e-9);
        assert!((known[2].left - 81.5).abs() < 1e-9);

        let unknown = chapters(&list, None);
        assert_eq!(unknown[2].end, None);
        let last = &unknown[2];
        assert!((last.left + last.width - 100.0).abs() < 1e-9);
        assert!(last.width > 0.0);

        // A duration shorter than the last start is ignored; talks out of order are sorted.
        let odd = chapters(&[Some(900), Some(60)], Some(10.0));
        assert_eq!(
            odd.iter()
                .map(|c| (c.talk, c.start, c.end))
                .collect::<Vec<_>>(),
            [(1, 60, Some(900)), (0, 900, None)]
        );
        assert!(chapters(&[None], Some(100.0)).is_empty());
        let single = chapters(&[Some(0)], None);
        assert!((single[0].width - 100.0).abs() < 1e-9);
        // Absurd starts from a feed give a bar, not an overflow.
        let huge = chapters(&[Some(0), Some(u32::MAX)], None);
        assert_eq!(huge.len(), 2);
        assert!(huge.iter().all(|c| c.width.is_finite() && c.width >= 0.0));
        assert_eq!(talk_at(&[Some(u32::MAX)], f64::MAX), Some(0));
    }
}
