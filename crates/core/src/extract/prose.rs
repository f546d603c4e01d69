//! Talks told in sentences of prose: "Next up we had X from A discussing [Title](…) (starting at
//! 3:03)", and the paragraphs that go on about a talk so told.

use super::cues::Cue;
use super::flat::{
    flatten, is_clock, is_generic, is_resource_link, window_after, window_before, Flat, FlatLink,
};
use super::names::is_person_name;
use super::people::{roster, works_at, People};
use super::speakers::{
    is_spoke_cue, is_strong_spoke_cue, is_talk_noun, looks_like_people, prose_speakers,
    speaker_line, Mention,
};
use super::sponsors::{in_sponsor_clause, thanked_before};
use super::text::{
    clean_title, is_capitalised, is_minor, is_title_cased, squash, title_run, words, Word,
};
use super::{link_start, opening, resource};
use crate::blocks::Inline;
use crate::feed::{Speaker, Talk};
use crate::time::{find_clocks, format_clock, parse_clock};

/// Phrases after which a talk's title follows in prose.
const TITLE_MARKERS: &[&str] = &[
    " asking ",
    " asked ",
    " discussing ",
    " discussed ",
    " presenting ",
    " presented ",
    " titled ",
    " entitled ",
    " called ",
    " talk on ",
    " talk about ",
    " talked about ",
    " spoke about ",
    " speaking about ",
    " talking about ",
    " session on ",
    " introducing ",
    " demonstrating ",
    " exploring ",
];

/// Phrases after which a title follows in prose only when it is written in title case and the
/// phrase is close to the speaker's name ("… who told us about Scaling Queues Without Tears").
const WEAK_TITLE_MARKERS: &[&str] = &[
    " talks about ",
    " discusses ",
    " presents ",
    " explores ",
    " told us about ",
    " told us ",
    " us about ",
    " us through ",
    " us to ",
    " us on ",
    " delivered ",
    " shared ",
    " covered ",
    " demoed ",
    " discuss ",
    " whose talk ",
    " presented on ",
    " giving us ",
    " gave us ",
    " introducing us to ",
    " introduced us to ",
    " walked us through ",
    " took us through ",
    " with ",
    " spoke on ",
    " talking on ",
];

/// How many words may sit between a speaker's name and a weak title marker.
const WEAK_MARKER_REACH: usize = 6;

/// sponsors (never a talk's title).
#[derive(Debug, Clone, Default)]
pub(super) struct PostContext {
    /// Everyone the post names as a speaker.
    pub people: People,
    /// Links given in a sponsor-thanks clause anywhere in the post.
    pub sponsor_urls: Vec<String>,
}

/// The talks a paragraph introduces. `pending` is a person the post has just shown (a photo, a
/// heading with a name): the talk's speaker when the paragraph names nobody.
#[cfg(test)]
pub(super) fn talks(
    inlines: &[Inline],
    ctx: &PostContext,
    pending: Option<&Speaker>,
    diagnostics: &mut Vec<String>,
) -> Vec<Talk> {
    told(inlines, ctx, pending, diagnostics)
        .into_iter()
        .map(|told| told.talk)
        .collect()
}

/// A talk told in a paragraph, and how.
#[derive(Debug, Clone)]
pub(super) struct Told {
    /// The talk.
    pub talk: Talk,
    /// Whether it is only weakly told: no title, no time, and a verb such as "rounded off" that
    /// a host might use too. Such a talk counts only if takeaways follow.
    pub weak: bool,
    /// What gave its title.
    pub title: Cue,
    /// What gave its speakers.
    pub speakers: Cue,
    /// Whether a verb after the speakers says that they spoke ("told us", "walked us through").
    pub spoke: bool,
}

/// The talks a paragraph introduces.
pub(super) fn told(
    inlines: &[Inline],
    ctx: &PostContext,
    pending: Option<&Speaker>,
    diagnostics: &mut Vec<String>,
) -> Vec<Told> {
    let flat = flatten(inlines);
    let mut mentions = mentions(&flat, &ctx.people);
    if let (true, Some(person)) = (mentions.is_empty(), pending) {
        mentions.push(Mention {
            speaker: person.clone(),
            start: 0,
            end: 0,
        });
    }
    let mut talks = Vec::new();
    if mentions.is_empty() {
        // A talk with no named speaker still counts when a titled link points at its moment.
        let whole = Segment {
            floor: 0,
            start: 0,
            after: 0,
            end: flat.text.len(),
        };
        if let Some((talk, _, title, _)) = segment_talk(&flat, ctx, &[], whole, diagnostics) {
            let video_moment = talk.video_url.as_deref().and_then(link_start).is_some();
            if talk.title.is_some() && video_moment {
                talks.push(Told {
                    talk,
                    weak: false,
                    title,
                    speakers: Cue::Absent,
                    spoke: false,
                });
            }
        }
        return talks;
    }
    let clusters = cluster(&flat.text, &mentions);
    for (k, cluster) in clusters.iter().enumerate() {
        let Some(start) = cluster.first().map(|m| m.start) else {
            continue;
        };
        let after = cluster.iter().map(|m| m.end).max().unwrap_or(start);
        let end = clusters
            .get(k + 1)
            .and_then(|next| next.first())
            .map_or(flat.text.len(), |m| m.start);
        let floor = k
            .checked_sub(1)
            .and_then(|p| clusters.get(p))
            .map_or(0, |prev| prev.iter().map(|m| m.end).max().unwrap_or(0));
        let span = Segment {
            floor,
            start,
            after,
            end,
        };
        if let Some((talk, weak, title, spoke)) =
            segment_talk(&flat, ctx, cluster, span, diagnostics)
        {
            let weak = weak && talk.title.is_none();
            // A person shown before the paragraph, a first name the roster gives in full, or
            // the name written out.
            let written = |m: &&Mention| {
                flat.text
                    .get(m.start..m.end)
                    .is_some_and(|t| t.contains(m.speaker.name.as_str()))
            };
            let speakers = if cluster.iter().all(|m| m.start == m.end) {
                Cue::Shown
            } else if cluster.iter().all(written) {
                Cue::Clause
            } else {
                Cue::Roster
            };
            let told = Told {
                talk,
                weak,
                title,
                speakers,
                spoke,
            };
            // The same people named again in the paragraph ("Hattie compared three executors
            // …") go on about the talk already told, rather than telling another.
            match talks.last_mut() {
                Some(last) if same_speakers(&last.talk, &told.talk) => last.absorb(told),
                _ => talks.push(told),
            }
        }
    }
    talks
}

/// Whether two talks have the same speakers, by name.
pub(super) fn same_speakers(a: &Talk, b: &Talk) -> bool {
    !a.speakers.is_empty()
        && a.speakers.len() == b.speakers.len()
        && a.speakers
            .iter()
            .zip(&b.speakers)
            .all(|(x, y)| x.name == y.name)
}

impl Told {
    /// Takes in what a later mention of the same speakers adds: what this telling lacks.
    fn absorb(&mut self, later: Told) {
        let talk = &mut self.talk;
        if talk.title.is_none() && later.talk.title.is_some() {
            talk.title = later.talk.title;
            self.title = later.title;
        }
        if talk.start.is_none() {
            talk.start = later.talk.start;
            if talk.video_url.is_none() {
                talk.video_url = later.talk.video_url;
            }
        }
        talk.links.extend(later.talk.links);
        self.weak &= later.weak;
        self.spoke |= later.spoke;
    }
}

/// The speakers a paragraph names, as the post knows them: mentions inside a title (a link's
/// text, emphasis, quotes) are phrases of the title, not people.
fn mentions(flat: &Flat, people: &People) -> Vec<Mention> {
    let spans = title_spans(flat);
    // Spans sorted by where they start; a mention can only be inside one that starts before it.
    let inside = |m: &Mention| {
        let upto = spans.partition_point(|&(s, _)| s <= m.start);
        spans
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(8)
            .any(|&(s, e)| s <= m.start && m.end <= e && e - s > m.end - m.start)
    };
    let mut found: Vec<Mention> = prose_speakers(&flat.text)
        .into_iter()
        .filter(|m| !inside(m))
        .collect();
    let known: Vec<Mention> = people
        .mentions(&flat.text, &found)
        .into_iter()
        .filter(|m| !inside(m))
        .collect();
    found.extend(known);
    found.sort_by_key(|m| m.start);
    for mention in &mut found {
        mention.speaker = people.resolve(&mention.speaker);
    }
    found.retain(|m| is_person_name(&m.speaker.name));

    found
}

/// Byte ranges that hold a title rather than running text: links, emphasis, quotations.
fn title_spans(flat: &Flat) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = flat.links.iter().map(|l| (l.start, l.end)).collect();
    // A paragraph set in italics from its first word on is a caption ("*Clemence on [Feature
    // Flags Are Debt](…)*"): its emphasis says nothing of where a title is.
    let lead = flat.text.len() - flat.text.trim_start().len();
    let caption = flat.emphases.first().is_some_and(|&(s, _)| s <= lead)
        && flat.emphases.iter().map(|(s, e)| e - s).sum::<usize>()
            + flat.links.iter().map(|l| l.end - l.start).sum::<usize>()
            >= flat.text.trim().len();
    if !caption {
        spans.extend(flat.emphases.iter().copied());
    }
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut from = 0;
        while let Some(i) = flat.text.get(from..).and_then(|t| t.find(open)) {
            let start = from + i + open.len_utf8();
            let Some(j) = flat.text.get(start..).and_then(|t| t.find(close)) else {
                break;
            };
            spans.push((start, start + j));
            from = start + j + close.len_utf8();
        }
    }
    spans.sort_unstable();
    spans
}

/// The people a paragraph, list item or heading names: as speakers in prose, in a roster, or
/// with an organisation of their own ("Kieran works at …").
pub(super) fn people_in(inlines: &[Inline]) -> Vec<Speaker> {
    let flat = flatten(inlines);
    let empty = People::default();
    let mut people: Vec<Speaker> = mentions(&flat, &empty)
        .into_iter()
        .map(|m| m.speaker)
        .collect();
    people.extend(roster(&flat.text));
    people.extend(works_at(&flat.text));
    let line = squash(&flat.text);
    if line.split_whitespace().count() <= 8 && looks_like_people(&line) {
        people.extend(
            speaker_line(&line)
                .into_iter()
                .filter(|s| s.name.contains(' ') && is_person_name(&s.name)),
        );
    }
    people
}

/// Whether the words right after a speaker's name speak of the future: "will be telling us",
/// "who'll show", "is going to".
fn future_tense(text: &str, at: usize) -> bool {
    let rest = window_after(text, at);
    let words = words(rest);
    let mut next = words
        .iter()
        .map(|w| w.text.to_lowercase())
        .skip_while(|w| matches!(w.as_str(), "who" | "also" | "then"));
    match next.next().as_deref() {
        Some("will" | "shall") => true,
        Some(w) if w.ends_with("'ll") || w.ends_with("’ll") => true,
        Some("is" | "are") => next.next().as_deref() == Some("going"),
        _ => false,
    }
}

/// Whether a sentence ends between two points of the text.
fn has_sentence_end(text: &str, from: usize, to: usize) -> bool {
    text.get(from.min(to)..to).is_some_and(|between| {
        between.contains(". ") || between.contains("! ") || between.contains(".\n")
    })
}

/// Whether a link at `to` can still be about the speakers named before `from`: in the same
/// sentence or the next one ("X spoke next. Her talk, [Title](…), …").
fn near_sentence(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from.min(to)..to) else {
        return false;
    };
    let ends = between.matches(". ").count()
        + between.matches("! ").count()
        + between.matches(".\n").count();
    ends <= 1
}

/// Whether the words after a speaker's name say that they spoke ("… told us about eBPF",
/// "…, who explained how", "Dario Mendes, explained"), and whether they say it on their own
/// (`Some(true)`) or only with takeaways to follow (`Some(false)`: "rounded off the evening").
fn spoke_after(text: &str, after: usize) -> Option<bool> {
    let rest = words(window_after(text, after));
    if with_a_talk(&rest) {
        return Some(true);
    }
    rest.iter()
        .take(4)
        .find(|w| {
            !matches!(
                w.text,
                "who" | "then" | "also" | "was" | "were" | "next" | "later"
            )
        })
        .filter(|w| is_spoke_cue(w.text))
        .map(|w| is_strong_spoke_cue(w.text))
}

/// "… opened with a lightning talk on …", "… closed the night with a short demo of …": hosts open
/// and close evenings too, but not with a talk of their own.
fn with_a_talk(words: &[Word<'_>]) -> bool {
    let Some(with) = words.iter().take(6).position(|w| w.text == "with") else {
        return false;
    };
    words
        .iter()
        .skip(with + 1)
        .take(4)
        .any(|w| is_talk_noun(&w.text.to_ascii_lowercase()))
}

/// Whether a sentence speaks of a talk by a noun: "The second talk was by …", "a lightning talk
/// from …", "a session on …" ("joins us to talk about" is a verb, and says nothing of a talk).
fn names_a_talk(sentence: &str) -> bool {
    let words = words(sentence);
    words.iter().enumerate().any(|(i, w)| {
        let lower = w.text.to_ascii_lowercase();
        let before = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .map(|p| p.text.to_ascii_lowercase());
        let after_to = before.as_deref() == Some("to");
        // "three talks", "the talks"; not "… and talks about".
        let counted = before.as_deref().is_some_and(|b| {
            b.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    b,
                    "the" | "our" | "two" | "three" | "four" | "five" | "six" | "many" | "both"
                )
        });
        match lower.as_str() {
            "talk" | "session" | "presentation" | "keynote" | "speaker" | "lightning" => !after_to,
            "talks" | "sessions" | "presentations" | "speakers" => counted,
            _ => false,
        }
    })
}

/// Groups mentions joined by "and" or a comma: they are one talk's speakers.
fn cluster<'m>(text: &str, mentions: &'m [Mention]) -> Vec<Vec<&'m Mention>> {
    let mut clusters: Vec<Vec<&Mention>> = Vec::new();
    for mention in mentions {
        let joined = clusters.last().and_then(|c| c.last()).is_some_and(|last| {
            let gap = text.get(last.end..mention.start).unwrap_or("");
            let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ')');
            last.end >= mention.start
                || matches!(
                    gap,
                    "" | "and"
                        | "&"
                        | "alongside"
                        | "with"
                        | "joined by"
                        | "together with"
                        | "and their colleague"
                        | "and his colleague"
                        | "and her colleague"
                )
        });
        match clusters.last_mut() {
            Some(last) if joined => last.push(mention),
            _ => clusters.push(vec![mention]),
        }
    }
    clusters
}

/// Where a talk is told in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where the speakers before these end: a title before these speakers starts after it.
    floor: usize,
    /// Where these speakers' mentions start.
    start: usize,
    /// Where they end.
    after: usize,
    /// Where the next speakers start, or the paragraph ends.
    end: usize,
}

/// The talk told in `flat.text[start..end]`, whose speakers' mentions end at `after`.
fn segment_talk(
    flat: &Flat,
    ctx: &PostContext,
    cluster: &[&Mention],
    span: Segment,
    diagnostics: &mut Vec<String>,
) -> Option<(Talk, bool, Cue, bool)> {
    let Segment {
        floor,
        start,
        after,
        end,
    } = span;
    let segment = flat.text.get(start..end)?;
    let lower = segment.to_ascii_lowercase();
    if lower.contains("hosted by") || lower.contains("our host") || lower.contains("welcomed by") {
        return None;
    }
    let thanked = !cluster.is_empty() && thanked_before(&flat.text, start);
    let orgs: Vec<&str> = cluster
        .iter()
        .filter_map(|m| m.speaker.org.as_deref())
        .collect();
    // Links are in text order: only those of this segment are looked at.
    let first = flat.links.partition_point(|l| l.start < start);
    let last = flat.links.partition_point(|l| l.start < end);
    let links: Vec<&FlatLink> = flat
        .links
        .get(first..last.max(first))
        .unwrap_or_default()
        .iter()
        .filter(|l| {
            !orgs.contains(&l.text.as_str())
                && !cluster.iter().any(|m| l.start >= m.start && l.end <= m.end)
                && !in_sponsor_clause(&flat.text, l)
                && !ctx.sponsor_urls.contains(&l.url)
        })
        .collect();
    let mut talk = Talk {
        speakers: cluster.iter().map(|m| m.speaker.clone()).collect(),
        ..Talk::default()
    };
    // The title is the first of: a link, emphasised words, quoted words, after the speakers.
    let title_link = links.iter().find(|l| {
        l.start >= after
            && !is_clock(&l.text)
            && !is_resource_link(l)
            && !is_generic(&l.text)
            && l.text != l.url
            && !super::next_event::is_signup_link(&l.text, &l.url)
            && (cluster.is_empty() || near_sentence(&flat.text, after, l.start))
    });
    let from = flat.emphases.partition_point(|(s, _)| *s < after);
    let emphasis = flat
        .emphases
        .get(from..)
        .unwrap_or_default()
        .iter()
        .find(|(s, e)| {
            *s >= after
                && *e <= end
                && flat
                    .text
                    .get(*s..*e)
                    .is_some_and(|t| t.split_whitespace().count() >= 2)
        });
    let quoted = quoted_title(segment, after.saturating_sub(start)).map(|(at, t)| (start + at, t));
    let mut candidates: Vec<(usize, String, Option<&FlatLink>, Cue)> = Vec::new();
    if let Some(link) = title_link {
        candidates.push((link.start, link.text.clone(), Some(link), Cue::Link));
    }
    if let Some(&(s, e)) = emphasis {
        let title = flat.text.get(s..e).unwrap_or_default();
        candidates.push((s, title.to_owned(), None, Cue::Emphasis));
    }
    if let Some((at, title)) = quoted {
        candidates.push((at, title, None, Cue::Quote));
    }
    // "… [T1](…) was given by Dana. The second talk, [T2](…), was given by Tom": a title in a
    // later sentence that leads to the next speakers is theirs.
    let next_speakers = end < flat.text.len();
    candidates.retain(|c| {
        !next_speakers
            || !has_sentence_end(&flat.text, after, c.0)
            || has_sentence_end(&flat.text, c.0, end)
    });
    // A caption, "*Dana Ruiz presenting*", names the speaker, not the talk.
    candidates.retain(|c| {
        !cluster
            .iter()
            .any(|m| c.1.contains(m.speaker.name.as_str()))
    });
    // "“Scaling Postgres” was the topic for Dana Lee": a title before the speakers, in their
    // sentence and after the speakers before them.
    if candidates.is_empty() && !cluster.is_empty() {
        candidates.extend(
            lead_title(flat, ctx, floor, start)
                .map(|(at, title, link)| (at, title, link, Cue::Before)),
        );
    }
    let mut link_time = None;
    let mut title_cue = Cue::Absent;
    // The one that comes first (the first given, of two at one place): a few candidates at most,
    // so no sort.
    let first = candidates
        .iter()
        .enumerate()
        .min_by_key(|(k, c)| (c.0, *k))
        .map(|(k, _)| k);
    if let Some((_, title, link, cue)) = first.map(|k| candidates.swap_remove(k)) {
        talk.title = clean_title(&title);
        title_cue = cue;
        if let Some(link) = link {
            talk.video_url = Some(link.url.clone());
            link_time = link_start(&link.url);
        }
    }
    // A link on the time, a bare video URL, or a "watch" link names the moment.
    let time_link = links.iter().find(|l| is_clock(&l.text)).or_else(|| {
        links
            .iter()
            .find(|l| (l.text == l.url || is_generic(&l.text)) && link_start(&l.url).is_some())
    });
    if let Some(link) = time_link {
        if talk.video_url.is_none() || link_time.is_none() {
            talk.video_url = Some(link.url.clone());
            link_time = link_start(&link.url).or_else(|| parse_clock(&link.text));
        }
    }
    let told_in_prose = talk.title.is_none();
    if told_in_prose {
        talk.title = prose_title(segment, after.saturating_sub(start));
        title_cue = Cue::Phrase;
    }
    // "(starting at 3:03)" in the text, outside the links.
    let text_clock = find_clocks(segment).into_iter().find(|c| {
        let at = start + c.start;
        !links
            .iter()
            .any(|l| at >= l.start && at < l.end && !is_clock(&l.text))
    });
    let text_time = text_clock.as_ref().map(|c| c.seconds);
    // Where the time is told after the speakers: the end of a title told in prose.
    if told_in_prose && !cluster.is_empty() {
        let time_at = time_link
            .map(|l| l.start)
            .into_iter()
            .chain(text_clock.as_ref().map(|c| start + c.start))
            .filter(|&at| at >= after)
            .min();
        let rest = flat.text.get(after..end).unwrap_or_default();
        let between = opening::title_between(rest, time_at.map(|at| at - after));
        // It replaces a title read after a listed phrase only where it holds that title whole
        // ("Securing Pipelines" inside "Securing Pipelines – 2021 Update").
        if let Some(between) = between {
            // … or where the title read so ran on into the time ("Rust at the Edge ⏱️ 31:05").
            let wider = talk.title.as_deref().is_none_or(|old| {
                time_at.is_some()
                    && ((between.len() > old.len() && between.contains(old))
                        || (!find_clocks(old).is_empty() && old.starts_with(between.as_str())))
            });
            if wider {
                talk.title = Some(between);
                title_cue = Cue::Opening;
            }
        }
    }
    talk.start = reconcile(&talk, link_time, text_time, diagnostics);
    // "At 45:11 in the recording, Xavi explained …": the time told before the speakers, in
    // their sentence.
    if talk.start.is_none() && !cluster.is_empty() {
        let before = window_before(&flat.text, start);
        let sentence = before
            .rfind(". ")
            .map(|i| i + 2)
            .max(before.rfind('\n').map(|i| i + 1))
            .unwrap_or(0);
        let lead = (start - before.len() + sentence).max(floor);
        if let Some((seconds, url)) = time_before(flat, lead, start) {
            talk.start = Some(seconds);
            if talk.video_url.is_none() {
                talk.video_url = url;
            }
        }
    }
    for link in &links {
        let used = talk.video_url.as_deref() == Some(link.url.as_str());
        if !used && !is_clock(&link.text) && link.start >= after {
            talk.links.push(resource(&link.text, &link.url));
        }
    }
    let spoke = if cluster.is_empty() {
        None
    } else {
        spoke_after(&flat.text, after)
    };
    // "Thanks to Jane Doe from Acme, who gave us the room": thanked, not speaking, unless for a
    // talk with a title ("Many thanks to Ruairí, who wrapped up with a look at …"); "Jane Doe
    // will tell us about …": announced, not given.
    let thanked_only = thanked && talk.title.is_none();
    if (thanked_only || future_tense(&flat.text, after)) && talk.start.is_none() {
        return None;
    }
    let bare = talk.title.is_none() && talk.start.is_none() && talk.video_url.is_none();
    let before = window_before(&flat.text, start);
    let sentence_start = start - before.len() + before.rfind(". ").map_or(0, |i| i + 2);
    let said =
        spoke.is_some() || names_a_talk(flat.text.get(sentence_start..end).unwrap_or_default());
    match (bare, spoke) {
        (false, _) => Some((talk, false, title_cue, said)),
        (true, Some(strong)) => Some((talk, !strong, title_cue, said)),
        (true, None) => None,
    }
}

/// The first time told in `flat.text[from..to]`: a link on a time (with its URL), or a time in
/// the text outside other links.
fn time_before(flat: &Flat, from: usize, to: usize) -> Option<(u32, Option<String>)> {
    let inside = |l: &&FlatLink| l.start >= from && l.end <= to;
    if let Some(link) = flat.links.iter().filter(inside).find(|l| is_clock(&l.text)) {
        let seconds = link_start(&link.url).or_else(|| parse_clock(&link.text))?;
        return Some((seconds, Some(link.url.clone())));
    }
    let text = flat.text.get(from..to)?;
    find_clocks(text)
        .into_iter()
        .find(|c| {
            let at = from + c.start;
            !flat.links.iter().any(|l| at >= l.start && at < l.end)
        })
        .map(|c| (c.seconds, None))
}

/// A title written before the speakers it belongs to, in the same sentence: the last link,
/// emphasis or quotation before `at`.
fn lead_title<'f>(
    flat: &'f Flat,
    ctx: &PostContext,
    floor: usize,
    at: usize,
) -> Option<(usize, String, Option<&'f FlatLink>)> {
    let lead = flat.text.get(..at)?;
    let sentence = lead
        .rfind(". ")
        .map_or(0, |i| i + 2)
        .max(lead.rfind('\n').map_or(0, |i| i + 1))
        .max(floor.min(at));
    let mut found: Vec<(usize, String, Option<&FlatLink>)> = Vec::new();
    for link in flat
        .links
        .iter()
        .filter(|l| l.start >= sentence && l.end <= at)
    {
        let usable = !is_clock(&link.text)
            && !super::next_event::is_signup_link(&link.text, &link.url)
            && !is_resource_link(link)
            && !is_generic(&link.text)
            && link.text != link.url
            && !in_sponsor_clause(&flat.text, link)
            && !ctx.sponsor_urls.contains(&link.url)
            && (is_title_cased(&link.text)
                || link_start(&link.url).is_some()
                || hands_over(&flat.text, link.end, at));
        if usable {
            found.push((link.start, link.text.clone(), Some(link)));
        }
    }
    for &(s, e) in flat
        .emphases
        .iter()
        .filter(|(s, e)| *s >= sentence && *e <= at)
    {
        let Some(phrase) = flat.text.get(s..e) else {
            continue;
        };
        let words = phrase.split_whitespace().count();
        if words >= 2 && (is_title_cased(phrase) || hands_over(&flat.text, e, at)) {
            found.push((s, phrase.to_owned(), None));
        }
    }
    let head = flat.text.get(..at).unwrap_or_default();
    if let Some((i, title)) = quoted_title(head, sentence) {
        found.push((i, title, None));
    }
    if found.is_empty() {
        found.extend(plain_lead_title(&flat.text, sentence, at));
    }
    found.into_iter().max_by_key(|c| c.0)
}

/// A title in plain words right before "by" or "from" and its speakers: "We kicked off with
/// Making Queues Boring by Agnes Holm …". The title is the run of title-cased words before the
/// connector, back to the first lower-case word that title case would capitalise.
fn plain_lead_title<'f>(
    text: &str,
    sentence: usize,
    at: usize,
) -> Option<(usize, String, Option<&'f FlatLink>)> {
    let lead = text.get(sentence..at)?;
    let all = words(lead);
    let (connector, before) = all.split_last()?;
    if !matches!(connector.text, "by" | "from") || connector.closes {
        return None;
    }
    let mut first = before.len();
    for (k, word) in before.iter().enumerate().rev() {
        let minor = is_minor(word.text);
        if (!minor && !is_capitalised(word.text)) || (word.closes && k + 1 < before.len()) {
            break;
        }
        first = k;
    }
    let run = before.get(first..)?;
    let start = run.iter().position(|w| !is_minor(w.text))?;
    let (head, last) = (run.get(start)?, run.last()?);
    let title = lead.get(head.start..last.end)?;
    let count = title.split_whitespace().count();
    (count >= 2 && is_title_cased(title)).then(|| (sentence + head.start, title.to_owned(), None))
}

/// Whether the few words between a title's end and its speakers hand it to them: "…, given by",
/// "was the topic for", "came from". A title so placed needs no title case ("*npm audit and the
/// long tail* was the topic for …").
fn hands_over(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    let words = words(between);
    let [.., given, connector] = words.as_slice() else {
        return false;
    };
    words.len() <= 6
        && matches!(connector.text, "by" | "from" | "for" | "with")
        && matches!(
            given.text,
            "given" | "presented" | "delivered" | "topic" | "came" | "led" | "run" | "was"
        )
}

/// The first quoted title after `after`, and where it starts.
fn quoted_title(segment: &str, after: usize) -> Option<(usize, String)> {
    let rest = segment.get(after..)?;
    [('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\'')]
        .iter()
        .filter_map(|(open, close)| {
            let i = quote_open(rest, *open)?;
            let inner = rest.get(i + open.len_utf8()..)?;
            let j = quote_close(inner, *close)?;
            let title = clean_title(inner.get(..j)?)?;
            (title.split_whitespace().count() >= 2).then_some((after + i, title))
        })
        .min_by_key(|(at, _)| *at)
}

/// Where a quotation opens: a quote mark at the start of a word (so that an apostrophe, as in
/// "Mia's", is not taken for one).
fn quote_open(text: &str, open: char) -> Option<usize> {
    text.match_indices(open).map(|(i, _)| i).find(|&i| {
        let before = text.get(..i).and_then(|t| t.chars().next_back());
        let after = text
            .get(i + open.len_utf8()..)
            .and_then(|t| t.chars().next());
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '*' | '_'))
            && after.is_some_and(|c| !c.is_whitespace())
    })
}

/// Where a quotation closes: a quote mark at the end of a word.
fn quote_close(text: &str, close: char) -> Option<usize> {
    text.match_indices(close).map(|(i, _)| i).find(|&i| {
        let after = text
            .get(i + close.len_utf8()..)
            .and_then(|t| t.chars().next());
        after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The start time from a link and from the text: the link wins, and a disagreement is reported.
pub(super) fn reconcile(
    talk: &Talk,
    link: Option<u32>,
    text: Option<u32>,
    diagnostics: &mut Vec<String>,
) -> Option<u32> {
    if let (Some(a), Some(b)) = (link, text) {
        if a != b {
            diagnostics.push(format!(
                "talk \"{}\": the link says {} but the text says {}; the link wins",
                talk.title.as_deref().unwrap_or("untitled"),
                format_clock(a),
                format_clock(b)
            ));
        }
    }
    link.or(text)
}

/// A title told in prose after "asking", "discussing", "a talk on", "told us about", … up to
/// "(starting", the end of the sentence or a clause (", explaining that …").
fn prose_title(segment: &str, after: usize) -> Option<String> {
    let rest = segment.get(after..)?;
    let lower = rest.to_ascii_lowercase();
    let mut candidates: Vec<(usize, &str, Marker)> = Vec::new();
    for (markers, kind) in [
        (TITLE_MARKERS, Marker::Strong),
        (WEAK_TITLE_MARKERS, Marker::Weak),
        (IMMEDIATE_TITLE_MARKERS, Marker::Immediate),
    ] {
        for marker in markers {
            candidates.extend(lower.match_indices(marker).map(|(i, _)| (i, *marker, kind)));
        }
    }
    // By place, the longer marker first, then in the order of the lists (every key distinct, so
    // an unstable sort gives the one order).
    candidates.sort_unstable_by_key(|&(i, m, kind)| (i, std::cmp::Reverse(m.len()), kind as u8));
    candidates
        .into_iter()
        .find_map(|(at, marker, kind)| title_after_marker(rest, at, marker, kind))
}

/// How much a title marker says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// "discussing", "titled": a capitalised run after it is a title.
    Strong,
    /// "told us about", "with": a title only in title case, close to the speaker.
    Weak,
    /// "on", a dash: a title only in title case, right after the speaker.
    Immediate,
}

/// Phrases that introduce a title only right after the speaker: "X of Org on Title".
const IMMEDIATE_TITLE_MARKERS: &[&str] = &[" on ", " about ", " — ", " – ", " - ", ": "];

/// The title after the marker found at `at` in `rest`, if what follows reads as one.
fn title_after_marker(rest: &str, at: usize, marker: &str, kind: Marker) -> Option<String> {
    let lower = rest.to_ascii_lowercase();
    // Words, not punctuation: "Dana Ruiz (Fernhill), on Title" has none before "on".
    let head = lower.get(..at).unwrap_or_default();
    let before = head
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let near = match kind {
        Marker::Strong => true,
        Marker::Weak => before <= WEAK_MARKER_REACH,
        Marker::Immediate => before == 0,
    };
    // The marker must be near the speakers, not deep in a later sentence.
    if !near || head.contains(". ") {
        return None;
    }
    let title = rest.get(at + marker.len()..)?;
    let title = title
        .trim_start_matches(|c: char| c.is_whitespace())
        .trim_start_matches("a talk on ")
        .trim_start_matches("a talk about ")
        .trim_start_matches("the topic of ")
        .trim_start_matches("us ");
    let title = title_run(title);
    let (skipped, title) = skip_lowercase_lead(title);
    let title = clean_title(title)?;
    // Titles are written capitalised; "on the night" is prose.
    let capitalised = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let cased = if kind == Marker::Strong && !skipped {
        capitalised
    } else {
        is_title_cased(&title)
    };
    (cased && title.split_whitespace().count() >= 2).then_some(title)
}

/// Drops up to two leading lower-case words before a capitalised one: "being Calm in a Crisis",
/// "how to Tame Your Build Cache". Returns whether words were dropped.
fn skip_lowercase_lead(title: &str) -> (bool, &str) {
    let mut rest = title.trim_start();
    for _ in 0..2 {
        if !rest.starts_with(char::is_lowercase) {
            break;
        }
        let Some((_, tail)) = rest.split_once(' ') else {
            break;
        };
        rest = tail.trim_start();
    }
    if rest.len() < title.trim_start().len() && rest.starts_with(char::is_uppercase) {
        (true, rest)
    } else {
        (false, title)
    }
}

/// Words of a short paragraph that hands out a talk's material.
const MATERIAL_WORDS: &[&str] = &[
    "slide",
    "deck",
    "recording",
    "video",
    "repo",
    "code",
    "demo",
];

/// A short paragraph after a talk that links its material ("The slides are [here](…).");
/// its links become the talk's. Returns whether it was one.
pub(super) fn resource_paragraph(inlines: &[Inline], talk: &mut Talk) -> bool {
    let flat = flatten(inlines);
    let lower = flat.text.to_lowercase();
    let short = flat.text.split_whitespace().count() <= 16;
    let material = MATERIAL_WORDS.iter().any(|w| lower.contains(w));
    let links: Vec<&FlatLink> = flat
        .links
        .iter()
        .filter(|l| {
            !in_sponsor_clause(&flat.text, l) && !super::next_event::is_signup_link(&l.text, &l.url)
        })
        .collect();
    if !short || !material || links.is_empty() || !prose_speakers(&flat.text).is_empty() {
        return false;
    }
    for link in links {
        if talk.video_url.as_deref() != Some(link.url.as_str()) {
            talk.links.push(resource(&link.text, &link.url));
        }
    }
    true
}

/// A paragraph that goes on about the talk before it: it starts with the speaker's pronoun.
pub(super) fn continues_talk(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphabetic());
    matches!(first, "He" | "She" | "They" | "His" | "Her" | "Their")
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::extract::sponsors::sponsor_links;
    use crate::extract::test_inlines::{link, text};

    fn title(segment: &str) -> Option<String> {
        prose_title(segment, 0)
    }

    #[test]
    fn titles_in_plain_prose_after_a_verb_phrase() {
        assert_eq!(
            title(" who told us about Scaling Queues Without Tears. She said").as_deref(),
            Some("Scaling Queues Without Tears")
        );
        assert_eq!(
            title(" was giving us A Gentle Tour of Sidecars (starting at 21:41)").as_deref(),
            Some("A Gentle Tour of Sidecars")
        );
        assert_eq!(
            title(" rounded off our evening by introducing us to The Patch Tuesday Problem.")
                .as_deref(),
            Some("The Patch Tuesday Problem")
        );
        assert_eq!(
            title(", with Servers or Serverless - Picking Your Battles (starting at 2:55)")
                .as_deref(),
            Some("Servers or Serverless - Picking Your Battles")
        );
        assert_eq!(
            title(" talked about Deployments with Kapitan, explaining that it works").as_deref(),
            Some("Deployments with Kapitan")
        );
    }

    #[test]
    fn more_ways_to_give_a_title() {
        assert_eq!(
            title(", on Incident Reviews That Stick (starting at 20:00).").as_deref(),
            Some("Incident Reviews That Stick")
        );
        assert_eq!(
            title(" then took the stage to talk about Incident Reviews That Stick.").as_deref(),
            Some("Incident Reviews That Stick")
        );
        assert_eq!(
            title(" closed the evening with Incident Reviews That Stick (starting at 50:00)")
                .as_deref(),
            Some("Incident Reviews That Stick")
        );
    }

    #[test]
    fn a_lower_case_lead_belongs_to_the_sentence_when_the_title_is_title_cased() {
        assert_eq!(
            title(" discussed being Calm in a Crisis (starting at 41:07)").as_deref(),
            Some("Calm in a Crisis")
        );
        assert_eq!(
            title(" told us how to Tame Your Build Cache (starting at 27:30)").as_deref(),
            Some("Tame Your Build Cache")
        );
        assert_eq!(
            skip_lowercase_lead("why cold starts"),
            (false, "why cold starts")
        );
    }

    #[test]
    fn prose_that_is_not_a_title() {
        assert_eq!(
            title(" told us about Terraform modules, showing how:"),
            None
        );
        assert_eq!(title(" told us about eBPF, showing how:"), None);
        assert_eq!(
            title(" rounded off the first half with a look at capacity planning"),
            None
        );
        assert_eq!(title(" told us why cold starts are mostly a myth."), None);
        // A weak marker far from the speaker is not about the talk's title.
        assert_eq!(
            title(" showed how far a five-pound microcontroller can go with Rust And Friends"),
            None
        );
    }

    #[test]
    fn sponsor_links_are_never_titles() {
        let inlines = vec![
            text("Our speakers were Ada Lane from Kestrel and Bo Dahl from Fenwick. Pizza was courtesy of "),
            link("Belfast Byte", "https://bb.example/"),
            text("."),
        ];
        assert_eq!(sponsor_links(&inlines), ["https://bb.example/"]);
        let ctx = PostContext::default();
        assert!(talks(&inlines, &ctx, None, &mut Vec::new()).is_empty());
        let talk_link = vec![
            text("Ada Lane from Kestrel, with thanks to "),
            link("Reedham", "https://reedham.example/"),
            text(" for a laptop, discussing "),
            link(
                "Cost-aware Architecture",
                "https://youtu.be/AbCdEfGhIjK?t=60",
            ),
        ];
        let found = talks(&talk_link, &ctx, None, &mut Vec::new());
        assert_eq!(found[0].title.as_deref(), Some("Cost-aware Architecture"));
        assert!(found[0].links.is_empty());
    }

    #[test]
    fn an_untitled_talk_needs_a_speaking_verb() {
        let ctx = PostContext::default();
        let told = vec![text(
            "Hana Kowal from Reedbank told us about eBPF, showing how:",
        )];
        let found = talks(&told, &ctx, None, &mut Vec::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, None);
        let roster = vec![text(
            "Our speakers were Hana Kowal from Reedbank and Bo Dahl from Fenwick.",
        )];
        assert!(talks(&roster, &ctx, None, &mut Vec::new()).is_empty());
        assert_eq!(spoke_after(", who explained how", 0), Some(true));
        assert_eq!(spoke_after(" rounded off the evening", 0), Some(false));
        assert_eq!(spoke_after(" opened the evening", 0), None);
        assert_eq!(
            spoke_after(" opened with a lightning talk on patching", 0),
            Some(true)
        );
        assert_eq!(
            spoke_after(" closed the night with a short demo of", 0),
            Some(true)
        );
        assert_eq!(spoke_after(" opened with a welcome and pizza", 0), None);
    }

    #[test]
    fn speakers_joined_by_another_give_one_talk() {
        let ctx = PostContext::default();
        let inlines = vec![
            text("Next, Ada Lane from Kestrel, joined by Bo Dahl from Fenwick, discussing "),
            link("Tracing Together", "https://youtu.be/AbCdEfGhIjK?t=60"),
        ];
        let found = talks(&inlines, &ctx, None, &mut Vec::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].speakers.len(), 2);
    }

    #[test]
    fn a_pending_person_speaks_when_nobody_is_named() {
        let ctx = PostContext::default();
        let person = Speaker {
            name: "Dana Ruiz".into(),
            org: None,
        };
        let inlines = vec![
            text("She told us about "),
            link("Incident Reviews", "https://youtu.be/AbCdEfGhIjK?t=60"),
        ];
        let found = talks(&inlines, &ctx, Some(&person), &mut Vec::new());
        assert_eq!(found[0].speakers, [person]);
    }

    #[test]
    fn people_inside_titles_are_phrases() {
        let inlines = vec![
            text("Opening was Chidi Okeke from Auckland Digital with "),
            link(
                "Better: Practical Insights from DevOps to Director",
                "https://youtu.be/AbCdEfGhIjK?t=210",
            ),
        ];
        let names: Vec<String> = mentions(&flatten(&inlines), &People::default())
            .into_iter()
            .map(|m| m.speaker.name)
            .collect();
        assert_eq!(names, ["Chidi Okeke"]);
    }

    #[test]
    fn thanked_people_are_not_speakers() {
        let ctx = PostContext::default();
        let inlines = vec![text(
            "Thanks to Jane Doe from Acme Hosting, who gave us the room and the pizza.",
        )];
        assert!(talks(&inlines, &ctx, None, &mut Vec::new()).is_empty());
        // Thanked for a talk with a title: a talk.
        let talk = vec![text(
            "Many thanks to Ruairí Wexley from Millrace Software, who wrapped up our evening with a look at When Restarts Stop Working.",
        )];
        let found = talks(&talk, &ctx, None, &mut Vec::new());
        assert_eq!(
            found[0].title.as_deref(),
            Some("When Restarts Stop Working")
        );
        assert!(thanked_before("Big thanks to Jane", 14));
        assert!(future_tense("Jane Doe will be telling us more. She", 8));
        assert!(!future_tense("Jane Doe told us why it will rain", 8));
        assert!(future_tense("Jane Doe, who'll show us", 8));
        assert!(!thanked_before("Thanks to all. Next, Jane", 20));
    }

    #[test]
    fn a_title_before_its_speaker() {
        let ctx = PostContext::default();
        let inlines = vec![text(
            "Thanks. “Scaling Postgres Further” was the topic for Dana Lee from Quire (starting at 5:00).",
        )];
        let found = talks(&inlines, &ctx, None, &mut Vec::new());
        assert_eq!(found[0].title.as_deref(), Some("Scaling Postgres Further"));
        assert_eq!(found[0].start, Some(300));
        // Not a link in running text, and not from an earlier sentence.
        let channel = vec![
            text("See "),
            link("our video channel", "https://v.example/c"),
            text(" for Dana Lee from Quire telling us more."),
        ];
        assert_eq!(talks(&channel, &ctx, None, &mut Vec::new())[0].title, None);
        let apart = vec![text(
            "“A Quoted Saying” indeed. Dana Lee from Quire told us more.",
        )];
        assert_eq!(talks(&apart, &ctx, None, &mut Vec::new())[0].title, None);
    }

    #[test]
    fn titles_before_their_speakers_in_turn() {
        let ctx = PostContext::default();
        let inlines = vec![
            text("The first talk, "),
            link("Zero Trust", "https://youtu.be/AbCdEfGhIjK?t=60"),
            text(", was given by Dana Ruiz from Fernhill. The second, "),
            link("Chaos Daily", "https://youtu.be/AbCdEfGhIjK?t=900"),
            text(", was given by Tom Lee from Gridline."),
        ];
        let found = talks(&inlines, &ctx, None, &mut Vec::new());
        let titles: Vec<Option<&str>> = found.iter().map(|t| t.title.as_deref()).collect();
        assert_eq!(titles, [Some("Zero Trust"), Some("Chaos Daily")]);
        assert_eq!(found[1].start, Some(900));
    }

    #[test]
    fn material_and_more_words_keep_a_talk_open() {
        let mut talk = Talk::default();
        let slides = vec![
            text("The slides are "),
            link("here", "https://slides.example/x"),
            text("."),
        ];
        assert!(resource_paragraph(&slides, &mut talk));
        assert_eq!(talk.links.len(), 1);
        let news = vec![
            text("Read our news "),
            link("here", "https://news.example/"),
        ];
        assert!(!resource_paragraph(&news, &mut talk));
        assert!(continues_talk("She also showed a demo."));
        assert!(!continues_talk("Shelley ran the raffle."));
    }
}
