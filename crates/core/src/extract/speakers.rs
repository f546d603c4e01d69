//! Finding speakers and their organisations, in prose and in speaker lines.

use super::names::is_person_name;
use super::text::{
    is_capitalised, is_honorific, is_lead_in, is_name_word, span_text, squash, strip_honorific,
    word_before, word_span, words, Word,
};
use crate::feed::Speaker;

/// The most words a person's name is taken to have.
const MAX_NAME_WORDS: usize = 4;
/// The most words an organisation's name is taken to have.
const MAX_ORG_WORDS: usize = 6;

/// A speaker found in prose, with the byte range of the mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mention {
    /// Who.
    pub speaker: Speaker,
    /// Where the mention starts in the text.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// Byte ranges already taken by mentions, kept sorted so that an overlap is found by a binary
/// search rather than a pass over every mention (a long paragraph can name thousands).
#[derive(Debug, Default)]
pub(super) struct Taken(Vec<(usize, usize)>);

impl Taken {
    /// The ranges of these mentions.
    pub(super) fn of(mentions: &[Mention]) -> Taken {
        let mut spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        spans.sort_unstable();
        Taken(spans)
    }

    /// Whether a range overlaps one taken. Mentions are a few words long, so only the last
    /// few that start before the range's end can reach into it.
    pub(super) fn overlaps(&self, span: (usize, usize)) -> bool {
        let upto = self.0.partition_point(|&(s, _)| s < span.1);
        self.0
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(16)
            .any(|&(s, e)| span.0 < e && s < span.1)
    }

    /// Takes a range.
    pub(super) fn insert(&mut self, span: (usize, usize)) {
        let at = self.0.partition_point(|&(s, _)| s < span.0);
        self.0.insert(at, span);
    }
}

/// Speakers named in running text, read by the forms in `RULES`: "X from A", "X (A)",
/// "X, Org describing", "Org's X", "a talk from X", "X explained" and others.
pub(super) fn prose_speakers(text: &str) -> Vec<Mention> {
    let scan = Scan {
        text,
        words: words(text),
    };
    let mut mentions: Vec<Mention> = Vec::new();
    let mut taken = Taken::default();
    let mut claiming = false;
    for &(read, claims) in RULES {
        // What a form finds may not overlap what the forms before it found. A form that claims
        // also keeps its later finds off its earlier ones, and a run of such forms shares what
        // they claim.
        if !(claims && claiming) {
            taken = Taken::of(&mentions);
        }
        claiming = claims;
        let mut found: Vec<Mention> = Vec::new();
        let mut at = At { word: 0, floor: 0 };
        while at.word < scan.words.len() {
            let Some(find) = read(&scan, at) else {
                at.word += 1;
                continue;
            };
            for mention in find.shared.into_iter().chain([find.mention]) {
                let span = (mention.start, mention.end);
                if taken.overlaps(span) {
                    continue;
                }
                if claims {
                    taken.insert(span);
                }
                found.push(mention);
            }
            match find.next {
                Some(next) => {
                    at = At {
                        word: next,
                        floor: next,
                    }
                }
                None => at.word += 1,
            }
        }
        mentions.extend(found);
    }
    mentions.sort_by_key(|m| m.start);
    for mention in &mut mentions {
        mention.speaker.name = strip_honorific(&mention.speaker.name).to_owned();
    }
    mentions
}

/// A paragraph's text and its words, as the forms read them.
struct Scan<'t> {
    text: &'t str,
    words: Vec<Word<'t>>,
}

/// Where a form is read: at a word, with the words before `floor` taken by earlier finds of a
/// form that consumes what it reads.
#[derive(Debug, Clone, Copy)]
struct At {
    word: usize,
    floor: usize,
}

/// What a form reads at a word: a mention, the mentions before it that share its organisation
/// ("A, B and C from X"), and for a form that consumes the words it reads, the word after them.
struct Found {
    shared: Vec<Mention>,
    mention: Mention,
    next: Option<usize>,
}

impl Found {
    fn one(mention: Mention) -> Found {
        Found {
            shared: Vec::new(),
            mention,
            next: None,
        }
    }
}

/// A form of naming a speaker, read at a word of the paragraph.
type Read = fn(&Scan<'_>, At) -> Option<Found>;

/// The forms a speaker is named in, in order, each read over the whole paragraph; and whether a
/// find claims its span at once (else it only keeps the forms after it off).
const RULES: &[(Read, bool)] = &[
    // "X from A", "X of A", "X (A)", "X and Y from A", "A, B and C from X"
    (from_org, false),
    // "Nina Park, Loftware describing …"
    (comma_org, false),
    // "Pavel Novak, a developer at Chorlton Cloud"
    (role_at_org, false),
    // "Calstock Labs' Nadia Petrova"
    (possessive_org, false),
    // "a talk from Jonah Pike", "we had Priyanka Shah"
    (after_talk_noun, true),
    // "Dana Ruiz explained"
    (before_talk_verb, true),
    // "Mia Kowalski's talk"
    (possessive_talk, true),
];

/// "X from A", "X of A", "X (A)", "X from A and Y from B", "X and Y from A": a name, then its
/// organisation after "from" or "of" or in parentheses. It consumes what it reads.
fn from_org(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, i, floor) = (scan.text, scan.words.as_slice(), at.word, at.floor);
    let word = words.get(i)?;
    // "Cheryl Hung (@oicheryl) from Arm": the handle is skipped.
    let name_end = skip_handle(words, i);
    let name_last = word_before(words, name_end);
    // "Ben Li, from Acme Robotics, talked": a comma may set the organisation off.
    let from_or_of = matches!(word.text, "from" | "of");
    let comma = from_or_of && name_last.is_some_and(|w| w.followed_by(text, ','));
    let open = name_last.is_some_and(|w| !w.closes || comma);
    let org_start = if from_or_of && open {
        i + 1
    } else if word.opens && word.preceded_by(text, '(') && open {
        i
    } else {
        return None;
    };
    let name_start = name_run_start(words, name_end, floor)?;
    let parenthesised = org_start == i;
    // "from the Edge Weekly podcast": the organisation starts after "the".
    let org_start = if !parenthesised && is_the_before_org(words, org_start) {
        org_start + 1
    } else {
        org_start
    };
    // "(Principal Engineer, Fernhill)", "(CTO at Gridline)": a role before the organisation.
    let with_role = if parenthesised {
        paren_with_role(text, words, org_start)
    } else {
        None
    };
    let org_end = with_role
        .as_ref()
        .map(|(_, end)| *end)
        .or_else(|| org_run_end(text, words, org_start, parenthesised))?;
    // "Head of Platform", "the Age of AI", "from DevOps to Director" are not people; an
    // honorific before a name ("Professor Nuno Zielińska") is not a role.
    let role = words
        .get(name_start..name_end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .any(|(k, w)| is_role_noun(w.text) && !(k == 0 && is_honorific(w.text)));
    // "a tour of Twelve Months of Spot Instances": a name after "of" and before "of" is a
    // phrase's ("the turn of Mateus Halloran from Nine Wells Data" is a person's);
    // "Why Builds Break (And How To Stop It)": an organisation opens with a name, not "And".
    let of_chain = words.get(i).is_some_and(|w| w.text == "of")
        || word_before(words, name_start).is_none_or(|w| w.text != "of");
    if role
        || after_article(words, name_start)
        || (after_preposition(words, name_start) && of_chain)
        || (parenthesised && words.get(org_start).is_some_and(|w| opens_clause(w.text)))
        || (!parenthesised && from_to_range(words, i, org_end))
    {
        return None;
    }
    let org_end = with_org_noun(words, org_start, org_end);
    let (start, end) = word_span(words, name_start, org_end)?;
    let org = match with_role {
        Some((org, _)) => org,
        None => squash(span_text(text, words, org_start, org_end)),
    };
    let name = squash(span_text(text, words, name_start, name_end));
    // "X and Y from A": X shares Y's organisation.
    let joined = name_start
        .checked_sub(2)
        .and_then(|k| words.get(k..name_start))
        .is_some_and(|pair| {
            matches!(pair, [before, and] if matches!(and.text, "and" | "&") && !before.closes)
        });
    let mut shared = Vec::new();
    if joined {
        // Not "… from Millrace Software and Chiamaka Underhill from …": an organisation.
        let first = name_run_start(words, name_start - 1, floor).filter(|&f| {
            !f.checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|w| matches!(w.text, "from" | "of" | "at"))
        });
        if let Some(first_start) = first {
            // "A, B and C from X": each name of the list before "and" shares it too.
            let mut starts = vec![(first_start, name_start - 1)];
            let mut at = first_start;
            while let Some(comma) = at.checked_sub(1).and_then(|k| words.get(k)) {
                let listed =
                    comma.closes && text.get(comma.end..).is_some_and(|r| r.starts_with(','));
                let Some(before) = listed.then(|| name_run_start(words, at, floor)).flatten()
                else {
                    break;
                };
                let name = words
                    .get(before)
                    .and_then(|w| text.get(w.start..comma.end))
                    .unwrap_or_default();
                let after_from = before
                    .checked_sub(1)
                    .and_then(|k| words.get(k))
                    .is_some_and(|w| matches!(w.text, "from" | "of" | "at"));
                if at - before < 2 || after_from || !is_person_name(name) {
                    break;
                }
                starts.push((before, at));
                at = before;
            }
            for &(from, to) in starts.iter().rev() {
                let Some(first) = words.get(from) else {
                    continue;
                };
                shared.push(Mention {
                    speaker: Speaker {
                        name: squash(span_text(text, words, from, to)),
                        org: Some(org.clone()),
                    },
                    start: first.start,
                    end,
                });
            }
        }
    }
    Some(Found {
        shared,
        mention: Mention {
            speaker: Speaker {
                name,
                org: Some(org),
            },
            start,
            end,
        },
        next: Some(org_end),
    })
}

/// One past a name that ends right before `at`, skipping a parenthesised handle: in
/// "Cheryl Hung (@oicheryl) from Arm", the name ends before "(@oicheryl)".
fn skip_handle(words: &[Word<'_>], at: usize) -> usize {
    if at >= 2 && word_before(words, at).is_some_and(|w| w.text.starts_with('@') && w.opens) {
        at - 1
    } else {
        at
    }
}

/// "eBay", "iManage": a name that is capitalised inside rather than at the start.
fn has_inner_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && word.chars().any(char::is_uppercase)
}

/// The organisation in parentheses that give a role first: "(Principal Engineer, Fernhill)",
/// "(Staff SRE at Fernhill)"; and one past the word that closes them.
fn paren_with_role(text: &str, words: &[Word<'_>], start: usize) -> Option<(String, usize)> {
    let first = words.get(start)?;
    let inside = text.get(first.start..)?;
    let close = inside.find(')').filter(|&c| c <= 80)?;
    let org = org_without_role(inside.get(..close)?)?;
    let end = words
        .get(start..)?
        .iter()
        .position(|w| w.end >= first.start + close)
        .map(|k| start + k + 1)?;
    Some((org, end))
}

/// The organisation in "Role at Org" or "Role, Org", when the role names a job.
pub(super) fn org_without_role(text: &str) -> Option<String> {
    let text = squash(text);
    let has_role = |part: &str| part.split_whitespace().any(is_role_noun);
    if let Some((role, org)) = text.rsplit_once(" at ") {
        if has_role(role) && org.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return Some(org.to_owned());
        }
    }
    let (role, org) = text.split_once(", ")?;
    (has_role(role) && org.starts_with(char::is_uppercase)).then(|| org.to_owned())
}

/// Nouns that end an organisation named with "the": "from the Data Drift podcast".
const ORG_NOUNS: &[&str] = &[
    "podcast",
    "project",
    "community",
    "foundation",
    "team",
    "show",
    "newsletter",
    "collective",
    "group",
];

/// "from the X …" where X is capitalised.
fn is_the_before_org(words: &[Word<'_>], at: usize) -> bool {
    words.get(at).is_some_and(|w| w.text == "the" && !w.closes)
        && words.get(at + 1).is_some_and(|w| is_capitalised(w.text))
}

/// One past an organisation's trailing noun ("Edge Weekly podcast"), if it has one.
fn with_org_noun(words: &[Word<'_>], start: usize, end: usize) -> usize {
    let closed = word_before(words, end).is_none_or(|w| w.closes);
    match words.get(end) {
        Some(w) if !closed && end > start && ORG_NOUNS.contains(&w.text) => end + 1,
        _ => end,
    }
}

/// Whether the name that starts at `name_start` follows an article: "the Age of AI",
/// "A Short History of …" name things, not people.
/// "Following this, Kwame Asante …": an article that ends a clause is not the name's.
pub(super) fn after_article(words: &[Word<'_>], name_start: usize) -> bool {
    name_start
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| {
            !w.closes
                && matches!(
                    w.text.to_ascii_lowercase().as_str(),
                    "a" | "an" | "the" | "this" | "that" | "these" | "those" | "your" | "my"
                )
        })
}

/// Whether the name that starts at `name_start` follows a preposition that only things follow:
/// "a tour of Twelve Months", "a deep dive into Spot Instances", "a talk about Cloud Costs".
pub(super) fn after_preposition(words: &[Word<'_>], name_start: usize) -> bool {
    name_start
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| {
            !w.closes && matches!(w.text, "of" | "into" | "about" | "on" | "through" | "in")
        })
}

/// Words that open a clause or a question, never an organisation's name: "(And How To Stop
/// It)", "(Or Why Not)".
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "And"
            | "Or"
            | "But"
            | "How"
            | "Why"
            | "What"
            | "When"
            | "Where"
            | "Who"
            | "Is"
            | "Are"
            | "To"
            | "Not"
            | "Part"
            | "A"
            | "An"
    )
}

/// Whether "from" at `from` opens a range, "from DevOps to Director", rather than an
/// organisation.
pub(super) fn from_to_range(words: &[Word<'_>], from: usize, org_end: usize) -> bool {
    words.get(from).is_some_and(|w| w.text == "from")
        && word_before(words, org_end).is_some_and(|w| !w.closes)
        && words.get(org_end).is_some_and(|w| w.text == "to")
}

/// Words between a role and the organisation it is held at: "a developer at", "the CTO of".
const ROLE_LINKS: &[&str] = &["at", "of", "from", "for"];

/// "Pavel Novak, a developer at Chorlton Cloud, …": a name, a comma, a role with an article,
/// and the organisation the role is held at.
fn role_at_org(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, i) = (scan.text, scan.words.as_slice(), at.word);
    let word = words.get(i)?;
    if !word.followed_by(text, ',') || !is_name_word(word.text) {
        return None;
    }
    let name_start = name_run_start(words, i + 1, 0)?;
    if i + 1 - name_start < 2 || after_article(words, name_start) {
        return None;
    }
    // The role: up to five words, then "at" (or else "of"/"for"/"from"): "a developer at",
    // "Head of Platform at", "CTO of".
    let window: Vec<usize> = (i + 2..(i + 8).min(words.len()))
        .take_while(|&k| word_before(words, k).is_some_and(|w| !w.closes))
        .collect();
    let text_at = |k: usize| words.get(k).map_or("", |w| w.text);
    let link = window
        .iter()
        .copied()
        .find(|&k| text_at(k) == "at")
        .or_else(|| {
            window
                .iter()
                .copied()
                .find(|&k| ROLE_LINKS.contains(&text_at(k)))
        })?;
    // Without an article, the role must name a job: "Ana Costa, Head of Platform at …",
    // not "Dana Ruiz, Tomasz Wolak of Gridline".
    let article = matches!(text_at(i + 1), "a" | "an" | "the");
    let role = words
        .get(i + 1..link)
        .unwrap_or_default()
        .iter()
        .any(|w| is_role_noun(w.text));
    if !article && !role {
        return None;
    }
    let org_start = link + 1;
    let org_end = org_run_end(text, words, org_start, false)?;
    if org_end <= org_start {
        return None;
    }
    named_with_org(text, words, name_start..i + 1, org_start..org_end).map(Found::one)
}

/// Words that name a job: "Head of Platform", "a staff engineer".
const ROLE_NOUNS: &[&str] = &[
    "engineer",
    "developer",
    "advocate",
    "head",
    "director",
    "cto",
    "ceo",
    "cio",
    "coo",
    "founder",
    "co-founder",
    "cofounder",
    "lead",
    "manager",
    "architect",
    "consultant",
    "sre",
    "maintainer",
    "principal",
    "vp",
    "evangelist",
    "researcher",
    "scientist",
    "analyst",
    "specialist",
    "partner",
    "chief",
    "president",
    "contributor",
    "programmer",
    "student",
    "professor",
    "lecturer",
];

/// Whether a word names a job.
fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(&word.to_ascii_lowercase().as_str())
}

/// Words right after a speaker's name that say they spoke: "…, Saltmarsh Bank describing".
const PARTICIPLES: &[&str] = &[
    "discussing",
    "talking",
    "presenting",
    "describing",
    "explaining",
    "asking",
    "showing",
    "introducing",
    "giving",
    "sharing",
    "demonstrating",
    "walking",
    "taking",
    "telling",
    "speaking",
    "exploring",
    "covering",
    "on",
    "with",
    "about",
];

/// Whether a word says that the person before it gave a talk.
pub(super) fn is_talk_cue(word: &str) -> bool {
    TALK_VERBS.contains(&word) || PARTICIPLES.contains(&word)
}

/// Verbs that say someone gave a talk, even one with no title or time ("Hana told us about
/// eBPF"); hosts open, close and welcome, so those are not among them.
const SPOKE: &[&str] = &[
    "talks",
    "discusses",
    "presents",
    "explains",
    "shows",
    "tells",
    "walks",
    "takes",
    "gives",
    "describes",
    "demonstrates",
    "told",
    "explained",
    "showed",
    "spoke",
    "talked",
    "walked",
    "presented",
    "discussed",
    "described",
    "demonstrated",
    "demoed",
    "gave",
    "took",
];

/// Verbs that say someone gave a talk only when what follows bears it out (a list of takeaways):
/// hosts also kick off, round off and introduce.
const SPOKE_WEAKLY: &[&str] = &[
    "shared",
    "argued",
    "introduced",
    "dug",
    "dived",
    "dove",
    "guided",
    "asked",
    "rounded",
    "kicked",
    "followed",
    "covered",
    "explored",
    "unpacked",
    "delivered",
];

/// Whether a word right after a name says that the person gave a talk.
pub(super) fn is_spoke_cue(word: &str) -> bool {
    is_strong_spoke_cue(word) || SPOKE_WEAKLY.contains(&word)
}

/// Whether a word right after a name says, on its own, that the person gave a talk.
pub(super) fn is_strong_spoke_cue(word: &str) -> bool {
    SPOKE.contains(&word) || (PARTICIPLES.contains(&word) && word.ends_with("ing"))
}

/// "Nina Park, Loftware describing …": a name, a comma, an organisation and a talk cue.
fn comma_org(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, i) = (scan.text, scan.words.as_slice(), at.word);
    let word = words.get(i)?;
    if !word.followed_by(text, ',') || !is_name_word(word.text) {
        return None;
    }
    let name_start = name_run_start(words, i + 1, 0)?;
    if i + 1 - name_start < 2 || after_article(words, name_start) {
        return None;
    }
    let org_start = i + 1;
    let mut org_end = org_start;
    while let Some(w) = words.get(org_end) {
        if org_end - org_start >= MAX_ORG_WORDS
            || !(is_capitalised(w.text) || w.text == "&")
            || is_lead_in(w.text)
        {
            break;
        }
        org_end += 1;
        if w.closes {
            break;
        }
    }
    let last = word_before(words, org_end);
    let last_closes = last.is_some_and(|w| w.closes);
    // "Kwabena Thorne, Millrace Software, who spoke about …": the organisation set off by
    // commas on both sides.
    let comma_after =
        org_end > org_start && last.is_some_and(|w| w.closes && w.followed_by(text, ','));
    let cue = words
        .get(org_end)
        .is_some_and(|w| is_talk_cue(w.text) || (comma_after && matches!(w.text, "who" | "whose")));
    // "… came from Mirela Brennan, Saltmarsh Analytics — starts at …": introduced before.
    let introduced = name_start
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| {
            matches!(
                w.text,
                "from" | "by" | "for" | "welcomed" | "introduced" | "heard" | "—" | "–" | "|"
            )
        });
    // Introduced so, the organisation ends the clause: not "Head" of "Head of Platform at".
    let ends_clause = last_closes
        || words
            .get(org_end)
            .is_none_or(|w| matches!(w.text, "—" | "–" | "-"));
    if org_end == org_start
        || (last_closes && !comma_after && !introduced)
        || !(cue || (introduced && ends_clause))
    {
        return None;
    }
    named_with_org(text, words, name_start..i + 1, org_start..org_end).map(Found::one)
}

/// Verbs that follow a speaker's name in recaps ("Ana Silva gave a talk called …").
const TALK_VERBS: &[&str] = &[
    "gave",
    "presented",
    "talked",
    "spoke",
    "took",
    "showed",
    "walked",
    "shared",
    "told",
    "closed",
    "opened",
    "wrapped",
    "kicked",
    "ran",
    "demoed",
    "explained",
    "introduced",
    "delivered",
    "discussed",
    "asked",
    "rounded",
    "finished",
    "led",
    "guided",
    "dug",
    "dived",
    "dove",
    "treated",
    "grabbed",
    "demonstrated",
    "described",
    "argued",
    "stood",
    "followed",
    "started",
    "kicked",
    "covered",
    "explored",
    "unpacked",
    "talks",
    "discusses",
    "presents",
    "explains",
    "shows",
    "tells",
    "walks",
    "takes",
    "gives",
    "shares",
    "describes",
    "demonstrates",
];

/// Words after which a capitalised name introduces a speaker: "Finally we had Priyanka Shah,".
const INTRODUCERS: &[&str] = &["had", "welcomed", "heard", "introduced"];

/// Words after which "from", "by" or "for" introduces the person who spoke: "was the topic for
/// Orla Kovač-Smith", "given by Lior Marsh", "came from Mirela Brennan".
const GIVEN: &[&str] = &[
    "topic",
    "given",
    "presented",
    "delivered",
    "came",
    "led",
    "run",
];

/// Nouns after which "from"/"by" introduces a speaker: "a short talk from Jonah Pike".
const TALK_NOUNS: &[&str] = &[
    "talk",
    "talks",
    "session",
    "keynote",
    "presentation",
    "demo",
    "update",
    "story",
    "words",
];

/// The words `name` as a speaker from the organisation `org` (word ranges, neither empty), the
/// mention spanning both.
fn named_with_org(
    text: &str,
    words: &[Word<'_>],
    name: std::ops::Range<usize>,
    org: std::ops::Range<usize>,
) -> Option<Mention> {
    let of =
        |range: &std::ops::Range<usize>| squash(span_text(text, words, range.start, range.end));
    let (start, end) = word_span(words, name.start, org.end)?;
    Some(Mention {
        speaker: Speaker {
            name: of(&name),
            org: Some(of(&org)),
        },
        start,
        end,
    })
}

/// "Calstock Labs' Nadia Petrova", "Hollis & Vane's Mei Tanaka", "Harbour 42's Ada Quill": an
/// organisation in the possessive, then a person's full name.
fn possessive_org(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, at) = (scan.text, scan.words.as_slice(), at.word);
    let word = words.get(at)?;
    // "Labs'" is read as the word "Labs" and an apostrophe after it.
    let plural_owner = word.text.ends_with('s')
        && text.get(word.end..).is_some_and(|rest| {
            let mut after = rest.chars();
            matches!(after.next(), Some('\'' | '’')) && after.next() != Some('s')
        });
    let owner = possessive(word.text).or(plural_owner.then_some(word.text))?;
    if word.closes || !is_capitalised(owner) {
        return None;
    }
    // The name: two to four name words right after, ending where the run does.
    let mut name_end = at + 1;
    while let Some(w) = words.get(name_end) {
        if !is_name_word(w.text) || name_end - at > MAX_NAME_WORDS {
            break;
        }
        name_end += 1;
        if w.closes {
            break;
        }
    }
    if !(2..=MAX_NAME_WORDS).contains(&(name_end - at - 1)) {
        return None;
    }
    // The organisation: capitalised words (and "&", "and" between them) back to the start
    // of the clause.
    let mut org_start = at;
    while let Some(prev) = org_start.checked_sub(1).and_then(|k| words.get(k)) {
        let joins = matches!(prev.text, "&" | "and" | "+");
        if prev.closes
            || at - org_start >= MAX_ORG_WORDS
            || !(joins || is_capitalised(prev.text))
            || is_lead_in(prev.text)
        {
            break;
        }
        org_start -= 1;
    }
    // Never start or end on a joining word.
    while words
        .get(org_start)
        .is_some_and(|w| matches!(w.text, "&" | "and" | "+"))
    {
        org_start += 1;
    }
    let (Some(first), Some(name_first), Some(name_last)) = (
        words.get(org_start),
        words.get(at + 1),
        words.get(name_end - 1),
    ) else {
        return None;
    };
    let org_text = text
        .get(first.start..word.start + owner.len())
        .unwrap_or(owner);
    let name = text
        .get(name_first.start..name_last.end)
        .unwrap_or_default();
    Some(Found::one(Mention {
        speaker: Speaker {
            name: squash(name),
            org: Some(squash(org_text)),
        },
        start: first.start,
        end: name_last.end,
    }))
}

/// A speaker without organisation, named by the text of `span`.
fn without_org(text: &str, span: (usize, usize)) -> Mention {
    Mention {
        speaker: Speaker {
            name: squash(text.get(span.0..span.1).unwrap_or_default()),
            org: None,
        },
        start: span.0,
        end: span.1,
    }
}

/// "a short talk from Jonah Pike", "was the topic for Orla Kovač-Smith", "Finally we had
/// Priyanka Shah": two or more capitalised words right after a talk noun's "from" or an
/// introducing verb.
fn after_talk_noun(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, i) = (scan.text, scan.words.as_slice(), at.word);
    let word = words.get(i)?;
    let after_noun = (matches!(word.text, "from" | "by" | "for")
        && word_before(words, i).is_some_and(|w| {
            (TALK_NOUNS.contains(&w.text) || GIVEN.contains(&w.text)) && !w.closes
        }))
        || (INTRODUCERS.contains(&word.text) && !word.closes);
    if !after_noun {
        return None;
    }
    let mut end = i + 1;
    while let Some(w) = words.get(end) {
        if end - i > MAX_NAME_WORDS || !is_name_word(w.text) {
            break;
        }
        end += 1;
        if w.closes {
            break;
        }
    }
    if end - (i + 1) < 2 {
        return None;
    }
    let span = word_span(words, i + 1, end)?;
    Some(Found::one(without_org(text, span)))
}

/// "Dana Ruiz explained", "Our first speaker, Dario Mendes, explained", "Fernhill's Dana Ruiz
/// talked": two or more capitalised words right before a talk verb at `at`.
fn before_talk_verb(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, verb) = (scan.text, scan.words.as_slice(), at.word);
    let before = word_before(words, verb)?;
    if !names_talk_after(words, verb) {
        return None;
    }
    // "Our first speaker, Dario Mendes, explained": a name set off by commas.
    let apposition = before.closes && before.followed_by(text, ',');
    if before.closes && !apposition {
        return None;
    }
    let start = name_run_start(words, verb, 0)?;
    if apposition && word_before(words, start).is_none_or(|w| !w.closes) {
        return None;
    }
    let first = words.get(start)?;
    let span = (first.start, before.end);
    if verb - start < 2 || after_article(words, start) {
        return None;
    }
    // "Fernhill's Dana Ruiz talked": the organisation before the name.
    if let Some(org) = possessive(first.text).filter(|_| verb - start >= 3) {
        return Some(Found::one(Mention {
            speaker: Speaker {
                name: squash(span_text(text, words, start + 1, verb)),
                org: Some(org.to_owned()),
            },
            start: span.0,
            end: span.1,
        }));
    }
    Some(Found::one(without_org(text, span)))
}

/// "Mia Kowalski's talk", "Tom Baker's walkthrough": a possessive name before a talk noun.
fn possessive_talk(scan: &Scan<'_>, at: At) -> Option<Found> {
    let (text, words, at) = (scan.text, scan.words.as_slice(), at.word);
    let word = words.get(at)?;
    let bare = possessive(word.text)?;
    let before_closes = word_before(words, at).is_some_and(|w| w.closes);
    if before_closes || !words.get(at + 1).is_some_and(|w| is_talk_noun(w.text)) {
        return None;
    }
    let end = word.start + bare.len();
    let start = name_run_start(words, at, 0).unwrap_or(at);
    let start = if start < at && !before_closes {
        start
    } else {
        at
    };
    if at - start + 1 < 2 || after_article(words, start) {
        return None;
    }
    let first = words.get(start)?;
    is_name_word(bare).then(|| Found::one(without_org(text, (first.start, end))))
}

/// Whether the word at `verb` says that the name before it spoke: a talk verb, a participle,
/// or "with his/her/their talk".
fn names_talk_after(words: &[Word<'_>], verb: usize) -> bool {
    let Some(word) = words.get(verb).map(|w| w.text) else {
        return false;
    };
    if word == "with" {
        return words
            .get(verb + 1)
            .is_some_and(|w| matches!(w.text, "his" | "her" | "their"));
    }
    TALK_VERBS.contains(&word) || (PARTICIPLES.contains(&word) && word.ends_with("ing"))
}

/// Nouns after a possessive name that make it a talk: "Mia's discussion on …".
pub(super) fn is_talk_noun(word: &str) -> bool {
    TALK_NOUNS.contains(&word)
        || matches!(
            word,
            "discussion" | "comparison" | "walkthrough" | "tour" | "look" | "lightning" | "opening"
        )
}

/// "Mia's" → "Mia".
pub(super) fn possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix("s'"))
        .filter(|w| !w.is_empty())
}

/// The first word of the name that ends just before `end`, if there is one.
fn name_run_start(words: &[Word<'_>], end: usize, floor: usize) -> Option<usize> {
    let mut start = end;
    while start > floor {
        let Some(word) = words.get(start - 1) else {
            break;
        };
        let inner = start < end;
        if !is_name_word(word.text) || (inner && word.closes) || (word.opens && start - 1 < end - 1)
        {
            break;
        }
        start -= 1;
        if word.opens {
            break;
        }
    }
    // Names do not start with a particle.
    while start < end
        && words
            .get(start)
            .is_some_and(|w| !w.text.starts_with(char::is_uppercase))
    {
        start += 1;
    }
    if start == end {
        return None;
    }
    Some(start.max(end.saturating_sub(MAX_NAME_WORDS)))
}

/// One past the last word of the organisation that starts at `start`.
fn org_run_end(text: &str, words: &[Word<'_>], start: usize, parenthesised: bool) -> Option<usize> {
    let first = words.get(start)?;
    let capitalised = is_capitalised(first.text) || has_inner_capital(first.text);
    if !capitalised || is_lead_in(first.text) && !parenthesised {
        return None;
    }
    let mut end = start;
    while let Some(word) = words.get(end) {
        if end - start >= MAX_ORG_WORDS {
            break;
        }
        let joins = matches!(word.text, "&" | "of" | "for" | "and")
            && words
                .get(end + 1)
                .is_some_and(|next| is_capitalised(next.text))
            && (word.text != "and" || parenthesised);
        if end > start && !is_capitalised(word.text) && !joins {
            break;
        }
        // "from Lanternfish (12:40)": a parenthesis opened after the name, or a time, ends it.
        let opened = end > start && word.opens && !parenthesised;
        if opened || crate::time::parse_clock(word.text).is_some() {
            break;
        }
        end += 1;
        if parenthesised && word.followed_by(text, ')') {
            return Some(end);
        }
        if word.closes {
            break;
        }
    }
    // A parenthesis that never closed is not an organisation, and nor is nothing.
    (!parenthesised && end > start).then_some(end)
}

/// Speakers in a speaker line, each with their organisation: `Name, Org`, `Name (Org)`, `Name
/// from Org`, `A (X), B (Y) and C (Z)`, `A and B (Org)`, `A, B and C from X`, `Name of Copper &
/// Vine`, `Name`. Brackets are matched, never read to the last one.
pub(crate) fn speaker_line(line: &str) -> Vec<Speaker> {
    speaker_list(line, false)
}

/// [`speaker_line`], or, with `names_only`, for a line that holds names only (a table's speaker
/// column beside one for organisations), where every comma separates two people.
pub(super) fn speaker_list(line: &str, names_only: bool) -> Vec<Speaker> {
    let line = line.trim().trim_end_matches('.').trim();
    let listed = person_parts(line, true);
    // "A, B and C": three or more names in a list, none with an organisation ("A, Copper &
    // Vine" is one person).
    let serial = listed.len() >= 3
        && !line.contains(" & ")
        && listed
            .iter()
            .all(|p| is_person_name(p) && !p.contains(['(', ')']));
    let parts = if names_only || serial {
        listed
    } else {
        let parts = person_parts(line, false);
        let last = parts.len().saturating_sub(1);
        parts
            .into_iter()
            .enumerate()
            .flat_map(|(k, part)| names_before_and(part, k < last))
            .collect()
    };
    let mut speakers: Vec<Speaker> = Vec::new();
    for part in parts {
        if part.contains(" & ") && !part.contains('(') {
            speakers.extend(person_with_ampersand(part));
        } else {
            speakers.extend(one_person(part));
        }
    }
    // "A and B (Org)": A shares B's organisation.
    let mut next: Option<&Speaker> = None;
    for speaker in speakers.iter_mut().rev() {
        if let (None, Some(next)) = (&speaker.org, next) {
            speaker.org.clone_from(&next.org);
        }
        next = Some(speaker);
    }
    speakers
}

/// One person of a speaker line, with an organisation if the part gives one.
fn one_person(part: &str) -> Option<Speaker> {
    let part = part.trim();
    let speaker = if let Some((name, rest)) = part.split_once('(') {
        let org = rest.trim_end_matches(')');
        Speaker {
            name: squash(name),
            org: Some(org_without_role(org).unwrap_or_else(|| squash(org)))
                .filter(|o| !o.is_empty()),
        }
    } else if let Some((name, org)) = [" from ", " of ", " at ", ", ", " — ", " – ", " | "]
        .iter()
        .find_map(|sep| part.split_once(sep))
    {
        Speaker {
            name: squash(name),
            org: Some(squash(org)).filter(|o| !o.is_empty()),
        }
    } else {
        Speaker {
            name: squash(part),
            org: None,
        }
    };
    (!speaker.name.is_empty()).then(|| Speaker {
        name: strip_honorific(&speaker.name).to_owned(),
        ..speaker
    })
}

/// "A, B" of "A, B and C from X", `before_and` another part: full names alone, a person each.
/// A part "Name, Org" stays whole.
fn names_before_and(part: &str, before_and: bool) -> Vec<&str> {
    let pieces: Vec<&str> = part.split(", ").collect();
    let names = before_and
        && pieces.len() >= 2
        && pieces
            .iter()
            .all(|p| p.split_whitespace().count() >= 2 && is_person_name(p.trim()));
    if names {
        pieces
    } else {
        vec![part]
    }
}

/// What opens a person's organisation on a speaker line, outside brackets.
const ORG_OPENERS: &[&str] = &[" from ", " of ", " at ", ", ", " — ", " – ", " | "];

/// One person whose organisation has an `&` in it: "Cleo Oyelaran of Copper & Vine".
fn person_with_ampersand(part: &str) -> Vec<Speaker> {
    let split = ORG_OPENERS.iter().find_map(|sep| {
        part.split_once(sep)
            .filter(|(_, org)| !org.trim().is_empty())
    });
    let Some((name, org)) = split else {
        return one_person(part).into_iter().collect();
    };
    match one_person(name) {
        Some(mut one) => {
            one.org = Some(squash(org));
            vec![one]
        }
        None => one_person(part).into_iter().collect(),
    }
}

/// Splits a speaker line into one part per person, never inside brackets: at " and " and "; ",
/// at " & " unless an organisation has begun and no person with one of their own follows
/// ("Name of Copper & Vine"), and at ", " after a closing bracket ("A (X), B (Y)") or, with
/// `commas`, at every comma.
fn person_parts(line: &str, commas: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in line.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || i < start {
            continue;
        }
        let (Some(part), Some(rest)) = (line.get(start..i), line.get(i..)) else {
            continue;
        };
        let taken = if rest.starts_with(" and ") {
            Some(5)
        } else if rest.starts_with("; ") {
            Some(2)
        } else if rest.starts_with(" & ") {
            let in_org = ORG_OPENERS.iter().any(|o| part.contains(o));
            let after = rest.get(3..).unwrap_or_default();
            (!in_org || person_follows(after)).then_some(3)
        } else if rest.starts_with(", ") {
            (commas || part.trim_end().ends_with(')')).then_some(2)
        } else {
            None
        };
        if let Some(n) = taken {
            parts.push(part);
            start = i + n;
        }
    }
    parts.push(line.get(start..).unwrap_or_default());
    parts
        .into_iter()
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("and ").unwrap_or(p).trim()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether what follows an `&` is a person with an organisation of their own: "Ben Ode (X)",
/// "Ben Ode of X".
fn person_follows(after: &str) -> bool {
    let end = [" and ", "; ", ", ", " & "]
        .iter()
        .filter_map(|sep| after.find(sep))
        .min()
        .unwrap_or(after.len());
    let next = after.get(..end).unwrap_or(after);
    next.contains('(') || [" from ", " of ", " at "].iter().any(|o| next.contains(o))
}

/// Whether a line reads like people rather than a title: every part a short capitalised name,
/// with an optional organisation.
pub(super) fn looks_like_people(line: &str) -> bool {
    let speakers = speaker_line(line);
    !speakers.is_empty()
        && speakers.iter().all(|s| {
            let words: Vec<&str> = s.name.split_whitespace().collect();
            (1..=MAX_NAME_WORDS).contains(&words.len())
                && words
                    .iter()
                    .all(|w| is_name_word(w.trim_matches(['.', ','])))
                && s.org.as_deref().is_none_or(is_capitalised)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        prose_speakers(text)
            .into_iter()
            .map(|m| (m.speaker.name, m.speaker.org))
            .collect()
    }

    fn s(name: &str, org: &str) -> (String, Option<String>) {
        (name.into(), Some(org.into()))
    }

    #[test]
    fn a_list_of_people_shares_the_organisation_named_last() {
        assert_eq!(
            names("Hana Núñez, Zoë Okafor and Rosalind Oyelaran from Tidewater Cloud closed the night"),
            [
                s("Hana Núñez", "Tidewater Cloud"),
                s("Zoë Okafor", "Tidewater Cloud"),
                s("Rosalind Oyelaran", "Tidewater Cloud")
            ]
        );
    }

    #[test]
    fn speaker_lines_that_list_people() {
        let line = |l: &str| -> Vec<(String, Option<String>)> {
            speaker_line(l)
                .into_iter()
                .map(|s| (s.name, s.org))
                .collect()
        };
        assert_eq!(
            line("Gideon Marsh (Walmgate Labs), Ines Duarte (Fossgate), Yusuf Karim (Shambles Cloud)"),
            [
                s("Gideon Marsh", "Walmgate Labs"),
                s("Ines Duarte", "Fossgate"),
                s("Yusuf Karim", "Shambles Cloud")
            ]
        );
        assert_eq!(
            line("Hana Valdés, Nuno Zielińska and Quinn Wexley from Otterbyte"),
            [
                s("Hana Valdés", "Otterbyte"),
                s("Nuno Zielińska", "Otterbyte"),
                s("Quinn Wexley", "Otterbyte")
            ]
        );
        assert_eq!(line("Dana Ruiz, Fernhill"), [s("Dana Ruiz", "Fernhill")]);
    }

    #[test]
    fn people_introduced_after_their_talk() {
        assert_eq!(
            names("A talk titled HTTP/3 in Production came from Mirela Brennan, Saltmarsh Analytics — starts at 1:27:31."),
            [s("Mirela Brennan", "Saltmarsh Analytics")]
        );
        assert_eq!(
            names("That was the topic for Orla Kovač-Smith."),
            [("Orla Kovač-Smith".into(), None)]
        );
    }

    #[test]
    fn a_person_after_of_and_a_phrase_after_of() {
        assert_eq!(
            names("Then it was the turn of Mateus Halloran from Nine Wells Data, who gave"),
            [s("Mateus Halloran", "Nine Wells Data")]
        );
        assert!(names("with a tour of Twelve Months of Spot Instances").is_empty());
    }

    #[test]
    fn organisations_in_the_possessive() {
        assert_eq!(
            names("Calstock Labs' Nadia Petrova kicked things off with a demo"),
            [s("Nadia Petrova", "Calstock Labs")]
        );
        assert_eq!(
            names("Closing the night, Hollis & Vane's Mei Tanaka presented"),
            [s("Mei Tanaka", "Hollis & Vane")]
        );
        assert_eq!(
            names("…given by Harbour 42's Ada Quill (watch from 33:30)"),
            [s("Ada Quill", "Harbour 42")]
        );
        // A person's possessive is not an organisation.
        assert!(names("Then Mia's talk covered Rust").is_empty());
    }

    #[test]
    fn prose_forms() {
        assert_eq!(
            names("Kicking off our evening was Ada Lovelace from Analytical Engines asking"),
            [s("Ada Lovelace", "Analytical Engines")]
        );
        assert_eq!(
            names("Next up we had Tom Reed from Jetwing and Jo van Dijk from Diagramma discussing"),
            [s("Tom Reed", "Jetwing"), s("Jo van Dijk", "Diagramma")]
        );
        assert_eq!(
            names("Finally, Sam Okoro and Lee Park from Quayside Bank took us through"),
            [
                s("Sam Okoro", "Quayside Bank"),
                s("Lee Park", "Quayside Bank")
            ]
        );
        assert_eq!(
            names("Then Priya Raman of Tidewater Labs showed"),
            [s("Priya Raman", "Tidewater Labs")]
        );
        assert_eq!(
            names("Our host Mo Diaz (Harbour Cloud) opened"),
            [s("Mo Diaz", "Harbour Cloud")]
        );
        assert_eq!(
            names("a talk from home (starting at 3:03)"),
            Vec::<(String, Option<String>)>::new()
        );
    }

    #[test]
    fn names_with_honorifics_initials_and_podcasts() {
        assert_eq!(
            names("Next up was Dr Alan Brook from Northgate University presenting"),
            [s("Alan Brook", "Northgate University")]
        );
        assert_eq!(
            names("Finally we had Mary J. Stone from Harbourside Health talking"),
            [s("Mary J. Stone", "Harbourside Health")]
        );
        assert_eq!(
            names("Kicking off was Femi Adebayo from the Edge Weekly podcast, asking"),
            [s("Femi Adebayo", "Edge Weekly podcast")]
        );
    }

    #[test]
    fn phrases_of_titles_are_not_people() {
        assert!(names("Testing in the Age of AI (starting at 3:03)").is_empty());
        assert!(names("giving us A Short History of Schema Evolution").is_empty());
        assert!(names("Practical Insights from DevOps to Director").is_empty());
    }

    #[test]
    fn a_comma_org_an_apposition_and_a_possessive() {
        assert_eq!(
            names("Next up, Grace T. Whitlock, Saltmarsh Bank describing the upgrade"),
            [s("Grace T. Whitlock", "Saltmarsh Bank")]
        );
        assert_eq!(
            names("Our first speaker, Dario Mendes, explained how"),
            [("Dario Mendes".into(), None)]
        );
        assert_eq!(
            names("After the break, Kieran Doyle’s talk on tracing"),
            [("Kieran Doyle".into(), None)]
        );
        assert_eq!(
            names("And wrapping up was Ola Berg discussing storage"),
            [("Ola Berg".into(), None)]
        );
        assert_eq!(
            names("Kicking off was Luca Ferri with his talk on operators"),
            [("Luca Ferri".into(), None)]
        );
        assert!(names("Jonas's idea of measuring paths").is_empty());
    }

    #[test]
    fn handles_and_camel_case_organisations() {
        assert_eq!(
            names("Opening the evening was Cheryl Hung (@oicheryl) from Arm, discussing"),
            [s("Cheryl Hung", "Arm")]
        );
        assert_eq!(
            names("Next up, Lee Park from eBay talked"),
            [s("Lee Park", "eBay")]
        );
    }

    #[test]
    fn a_role_at_an_organisation() {
        assert_eq!(
            names("The final slot went to Pavel Novak, a developer at Chorlton Cloud, talking"),
            [s("Pavel Novak", "Chorlton Cloud")]
        );
        assert_eq!(
            names("Then Ana Silva, the CTO of Brightwave, explained"),
            [s("Ana Silva", "Brightwave")]
        );
    }

    #[test]
    fn a_role_without_an_article_and_a_comma_before_from() {
        assert_eq!(
            names(
                "Our first speaker was Ana Costa, Head of Platform at Blue Heron Data, who spoke"
            ),
            [s("Ana Costa", "Blue Heron Data")]
        );
        assert_eq!(
            names("Next, Ben Li, from Acme Robotics, talked about"),
            [s("Ben Li", "Acme Robotics")]
        );
        assert_eq!(
            names("Our speakers were Dana Ruiz, Tomasz Wolak of Gridline"),
            [s("Tomasz Wolak", "Gridline")]
        );
    }

    #[test]
    fn two_people_joined_by_an_ampersand_share_the_organisation() {
        assert_eq!(
            names("Next, Dana Ruiz & Tom Lee from Fernhill took us through"),
            [s("Dana Ruiz", "Fernhill"), s("Tom Lee", "Fernhill")]
        );
    }

    #[test]
    fn an_organisation_before_the_name() {
        assert_eq!(
            names("Last but not least, Fernhill's Dana Ruiz talked about"),
            [s("Dana Ruiz", "Fernhill")]
        );
    }

    #[test]
    fn roles_in_parentheses() {
        assert_eq!(
            names("Dana Ruiz (Staff SRE at Fernhill) opened"),
            [s("Dana Ruiz", "Fernhill")]
        );
        assert_eq!(
            names("Dana Ruiz (Principal Engineer, Fernhill) opened"),
            [s("Dana Ruiz", "Fernhill")]
        );
        assert_eq!(
            speaker_line("Tom Lee (CTO at Gridline)"),
            [sp("Tom Lee", Some("Gridline"))]
        );
        assert_eq!(
            speaker_line("Tom Lee — Gridline"),
            [sp("Tom Lee", Some("Gridline"))]
        );
        assert_eq!(org_without_role("Marks and Sparks"), None);
    }

    #[test]
    fn talk_cues() {
        assert!(is_spoke_cue("told") && is_spoke_cue("discussing"));
        assert!(!is_spoke_cue("opened") && !is_spoke_cue("on"));
        assert!(is_spoke_cue("kicked") && !is_strong_spoke_cue("kicked"));
        assert!(is_talk_cue("with") && is_talk_cue("asked"));
        assert_eq!(possessive("Mia's"), Some("Mia"));
        assert_eq!(possessive("Rhys’s"), Some("Rhys"));
        assert_eq!(possessive("Mia"), None);
    }

    fn sp(name: &str, org: Option<&str>) -> Speaker {
        Speaker {
            name: name.into(),
            org: org.map(Into::into),
        }
    }

    #[test]
    fn speaker_lines() {
        assert_eq!(
            speaker_line("Dana Whit, Quayside Bank"),
            [sp("Dana Whit", Some("Quayside Bank"))]
        );
        assert_eq!(
            speaker_line("Ana Silva (Estuary Data) and Ben Cole (Marram Software)"),
            [
                sp("Ana Silva", Some("Estuary Data")),
                sp("Ben Cole", Some("Marram Software")),
            ]
        );
        assert_eq!(
            speaker_line("Ana Silva & Ben Cole (Marram Software)"),
            [
                sp("Ana Silva", Some("Marram Software")),
                sp("Ben Cole", Some("Marram Software")),
            ]
        );
        assert_eq!(speaker_line("Callum Reid"), [sp("Callum Reid", None)]);
        assert_eq!(
            speaker_line("Rafael Duarte, Kite & Kernel"),
            [sp("Rafael Duarte", Some("Kite & Kernel"))]
        );
        assert_eq!(
            speaker_line("Dr Nia Roberts, Clifton Compute"),
            [sp("Nia Roberts", Some("Clifton Compute"))]
        );
        assert!(looks_like_people("Ana Silva (Estuary Data)"));
        assert!(!looks_like_people("Why we moved everything to the edge"));
    }
}
