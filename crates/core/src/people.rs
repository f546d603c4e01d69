//! People across events: every speaker and every organisation a feed names, with their talks.
//!
//! A post names a speaker as its writer spelled them: "Dr. José Núñez" at one event, "jose
//! nunez" at the next. [`fold_name`] gives the key such spellings share; [`People::from_items`]
//! gathers each person's talks under one key, shows them under their most complete spelling and
//! gives each a [`slug`] for their page. Organisations are gathered the same way
//! ([`fold_org`]).
//!
//! Merging two spellings is only ever done on what a name looks like, never on a guess: an
//! initial ("J. Smith") joins a full name ("Jane Smith") only when exactly one full name in the
//! feed fits it, so that two people are never made one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::date::Timestamp;
use crate::Item;

/// Titles that may stand before a name and are not part of it.
const HONORIFICS: [&str; 17] = [
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
    "rev",
    "revd",
    "mme",
    "mlle",
    "herr",
    "frau",
];

/// Letters that may follow a name and are not part of it (degrees and honours).
const POST_NOMINALS: [&str; 9] = [
    "phd", "dphil", "msc", "mba", "obe", "mbe", "cbe", "frs", "freng",
];

/// Words that may end an organisation's name and do not tell it from another.
const LEGAL_FORMS: [&str; 11] = [
    "ltd", "limited", "inc", "llc", "gmbh", "plc", "corp", "ag", "bv", "sas", "pty",
];

/// The base letters of U+00C0..=U+017F (Latin-1 Supplement letters and Latin Extended-A), one
/// per code point; `*` where the code point is not a letter or needs more than one letter
/// ([`fold_char`] handles those).
const LATIN: &str = concat!(
    "AAAAAA*CEEEEIIII",
    "DNOOOOO*OUUUUY**",
    "aaaaaa*ceeeeiiii",
    "dnooooo*ouuuuy*y",
    "AaAaAaCcCcCcCcDd",
    "DdEeEeEeEeEeGgGg",
    "GgGgHhHhIiIiIiIi",
    "Ii**JjKkkLlLlLlL",
    "lLlNnNnNnnNnOoOo",
    "Oo**RrRrRrSsSsSs",
    "SsTtTtTtUuUuUuUu",
    "UuUuWwYyYZzZzZzs",
);

/// The base letters of U+1EA0..=U+1EF9 (the Vietnamese letters of Latin Extended Additional).
const VIETNAMESE: &str = concat!(
    "AaAaAaAaAaAaAaAaAaAaAaAa",
    "EeEeEeEeEeEeEeEe",
    "IiIi",
    "OoOoOoOoOoOoOoOoOoOoOoOo",
    "UuUuUuUuUuUuUu",
    "YyYyYyYy",
);

/// A letter without its accents, lower case, pushed onto `out`; `false` when `c` is not one
/// this table knows.
fn fold_char(c: char, out: &mut String) -> bool {
    let text = match c {
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'Þ' | 'þ' => "th",
        'Ĳ' | 'ĳ' => "ij",
        'Ø' | 'ø' => "o",
        'ı' => "i",
        'ƒ' => "f",
        'Ơ' | 'ơ' => "o",
        'Ư' | 'ư' => "u",
        'Ș' | 'ș' => "s",
        'Ț' | 'ț' => "t",
        'Ǎ' | 'ǎ' => "a",
        'Ǐ' | 'ǐ' => "i",
        'Ǒ' | 'ǒ' => "o",
        'Ǔ' | 'ǔ' => "u",
        'Ǧ' | 'ǧ' | 'Ǵ' | 'ǵ' => "g",
        _ => {
            let code = u32::from(c);
            let (table, first) = match code {
                0xC0..=0x17F => (LATIN, 0xC0),
                0x1EA0..=0x1EF9 => (VIETNAMESE, 0x1EA0),
                _ => return false,
            };
            let at = (code - first) as usize;
            match table.as_bytes().get(at) {
                Some(b'*') | None => return false,
                Some(&base) => {
                    out.push(char::from(base.to_ascii_lowercase()));
                    return true;
                }
            }
        }
    };
    out.push_str(text);
    true
}

/// A combining mark (accents written after their letter), or a character that is not seen (a
/// soft hyphen, a zero-width space or joiner, a direction mark): dropped when folding, so that
/// the letters around it stay one word.
fn is_dropped(c: char) -> bool {
    matches!(
        u32::from(c),
        0xAD | 0x300..=0x36F
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x2069
            | 0x20D0..=0x20FF
            | 0xFEFF
    )
}

/// `text` lower case, without accents, its apostrophes dropped and every other character that
/// is not a letter or digit a space, as words. What is between brackets or double quotes
/// (pronouns, nicknames) is left out, unless that leaves nothing.
fn words(text: &str) -> Vec<String> {
    let words = split_words(text, true);
    if words.is_empty() {
        split_words(text, false)
    } else {
        words
    }
}

/// [`words`], leaving out what is between brackets or quotes when `aside`.
fn split_words(text: &str, aside: bool) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '"' | '“' | '”' | '«' | '»' => quoted = !quoted,
            _ if aside && (depth > 0 || quoted) => continue,
            '\'' | '’' | 'ʼ' | '`' | '´' => continue,
            '&' => folded.push_str(" and "),
            _ => {
                if !fold_char(c, &mut folded) && !is_dropped(c) {
                    for lower in c.to_lowercase() {
                        if is_dropped(lower) || fold_char(lower, &mut folded) {
                            continue;
                        }
                        folded.push(if lower.is_alphanumeric() { lower } else { ' ' });
                    }
                }
                continue;
            }
        }
        folded.push(' ');
    }
    folded.split_whitespace().map(str::to_owned).collect()
}

/// `name` with a word of two or three capitals written as initials ("JR Smith" as "J R
/// Smith", as "J. R. Smith" is), when the rest of the name is not in capitals too (then the
/// capitals say nothing) and the word is not a title or degree.
fn spelled_initials(name: &str) -> std::borrow::Cow<'_, str> {
    let capitals =
        |w: &str| (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    let known = |w: &str| {
        let lower = w.to_ascii_lowercase();
        HONORIFICS.contains(&lower.as_str()) || POST_NOMINALS.contains(&lower.as_str())
    };
    let split = |c: char| c.is_whitespace() || c == '.' || c == ',';
    if !name.chars().any(char::is_lowercase) || !name.split(split).any(|w| capitals(w) && !known(w))
    {
        return std::borrow::Cow::Borrowed(name);
    }
    let spelled: Vec<String> = name
        .split(split)
        .map(|w| {
            if capitals(w) && !known(w) {
                w.chars().map(String::from).collect::<Vec<_>>().join(" ")
            } else {
                w.to_owned()
            }
        })
        .collect();
    std::borrow::Cow::Owned(spelled.join(" "))
}

/// A name's words and whether a title stood before it.
fn name_words(name: &str) -> (Vec<String>, bool) {
    let mut words = words(&spelled_initials(name));
    let mut titled = false;
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
        titled = true;
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| POST_NOMINALS.contains(&w.as_str()))
    {
        words.pop();
    }
    (words, titled)
}

/// The key two spellings of one person share: lower case, without accents ("é" is "e", "ß" is
/// "ss", "ø" is "o"), without a title before the name ("Dr", "Prof.", "Ms") or degrees after it
/// ("PhD"), without dots, hyphens and other punctuation between its words, without what is in
/// brackets or quotes (pronouns, nicknames), its words separated by one space: "Dr. José
/// Núñez-Ruiz" and " jose  nunez ruiz" are both `jose nunez ruiz`. Initials stay initials
/// ("J. Smith" is `j smith`): whether one stands for a full name depends on the other names
/// of the feed ([`People::from_items`]). Letters outside the Latin script are kept, lower case.
pub fn fold_name(name: &str) -> String {
    name_words(name).0.join(" ")
}

/// The key two spellings of one organisation share: folded as [`fold_name`] folds a name
/// (titles aside), "&" read as "and", without a leading "The" or a legal form at the end
/// ("Ltd", "Inc.", "GmbH"): "The Acme Company, Ltd." and "acme company" are both
/// `acme company`.
pub fn fold_org(org: &str) -> String {
    let mut words = words(org);
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// The longest slug, in bytes: a path segment well within any file system's limit.
const SLUG_MAX: usize = 80;

/// A URL-safe path segment for a page, from a name folded by [`fold_name`] or [`fold_org`] (any
/// other text is lower-cased and its accents and punctuation dropped, but keeps its titles):
/// ASCII lower-case letters and digits, words joined by hyphens, `ada-lovelace`. A
/// letter outside the Latin script is written as its code point (`u674e`), so that names in
/// other scripts keep slugs of their own. Never empty (`-` alone is `x`); at most 80 bytes.
/// Two different names can still give one slug ("o brien" and "o-brien"): [`People`] then
/// numbers the later one `-2`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in words(name) {
        let mut part = String::new();
        for c in word.chars() {
            if c.is_ascii_alphanumeric() {
                part.push(c);
            } else {
                if !part.is_empty() && !part.ends_with('-') {
                    part.push('-');
                }
                part.push_str(&format!("u{:x}-", u32::from(c)));
            }
        }
        let part = part.trim_end_matches('-');
        if part.is_empty() {
            continue;
        }
        if out.is_empty() && part.len() > SLUG_MAX {
            // One long word: cut (ASCII only, so at any byte).
            out.push_str(part[..SLUG_MAX].trim_end_matches('-'));
            break;
        }
        if out.len() + part.len() + 1 > SLUG_MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        "x".to_owned()
    } else {
        out
    }
}

/// The slug a speaker's name links to where the other names of the feed are not at hand (the
/// app's event pages and search results), made without Unicode's tables, which would weigh more
/// than the rest of these pages in the app's first visit: ASCII letters lower case, Latin
/// letters without their accents, any other letter as its code point (`u674e`), words joined
/// by hyphens, titles and all. For most names ("Renée Castellanos") it is the slug of their
/// page; [`People::find_person`] leads from any other to it.
pub fn link_slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        let before = out.len();
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' || (!c.is_ascii() && is_dropped(c)) {
            continue;
        } else if c.is_ascii() || !fold_char(c, &mut out) {
            if !c.is_ascii() && !c.is_whitespace() {
                out.push_str(&format!("u{:x}", u32::from(c)));
            } else {
                gap = true;
                continue;
            }
        }
        if gap && before > 0 {
            out.insert(before, '-');
        }
        gap = false;
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    if out.is_empty() {
        "x".to_owned()
    } else {
        out
    }
}

/// A page of people, for its path under the site's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// Every speaker: `speakers/`.
    Speakers,
    /// One speaker, by slug: `speakers/<slug>/`.
    Speaker(&'a str),
    /// Every organisation: `organisations/`.
    Organisations,
    /// One organisation, by slug: `organisations/<slug>/`.
    Organisation(&'a str),
}

impl Page<'_> {
    /// The viewer's route to the page.
    pub fn route(&self) -> crate::route::Route {
        use crate::route::Route;
        match self {
            Page::Speakers => Route::Speakers(String::new()),
            Page::Speaker(slug) => Route::Speaker((*slug).to_owned()),
            Page::Organisations => Route::Organisations,
            Page::Organisation(slug) => Route::Organisation((*slug).to_owned()),
        }
    }

    /// The page's path under the site's base, a directory: `speakers/ada-lovelace/`.
    pub fn path(&self) -> String {
        match self {
            Page::Speakers => "speakers/".to_owned(),
            Page::Speaker(slug) => format!("speakers/{slug}/"),
            Page::Organisations => "organisations/".to_owned(),
            Page::Organisation(slug) => format!("organisations/{slug}/"),
        }
    }
}

/// A person or an organisation as a link: the name shown and their page's slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The name shown.
    pub name: String,
    /// Their page: `speakers/<slug>/` or `organisations/<slug>/`.
    pub slug: String,
}

/// One talk as a person's or an organisation's page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    /// The event's id.
    pub event_id: String,
    /// The event's title ([`Item::display_title`]).
    pub event_title: String,
    /// When the event was.
    pub date: Option<Timestamp>,
    /// The talk's place in the event, from 0.
    pub place: usize,
    /// The talk's title, or "Talk 2" ([`crate::Talk::title_or_place`]).
    pub title: String,
    /// Whole seconds into the event's recording where the talk starts.
    pub start: Option<u32>,
    /// The talk's takeaways.
    pub takeaways: Vec<String>,
    /// On a person's page, the organisation they spoke for then; on an organisation's page, the
    /// organisation itself.
    pub org: Option<Named>,
    /// Everyone who gave the talk, in the post's order.
    pub speakers: Vec<Named>,
}

/// A person who spoke at one event or more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Their name as shown: the most complete of its spellings, then the most common.
    pub name: String,
    /// The key their spellings share ([`fold_name`]; a full name where a spelling has only
    /// initials).
    pub key: String,
    /// Their page's slug, unique among the speakers.
    pub slug: String,
    /// The organisations they spoke for, each once, the latest first.
    pub organisations: Vec<Named>,
    /// Their talks, newest first; undated last.
    pub talks: Vec<Appearance>,
}

impl Person {
    /// How many talks they gave.
    pub fn talk_count(&self) -> usize {
        self.talks.len()
    }

    /// As a link.
    pub fn named(&self) -> Named {
        Named {
            name: self.name.clone(),
            slug: self.slug.clone(),
        }
    }
}

/// An organisation speakers spoke for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Its name as shown: its most common spelling.
    pub name: String,
    /// The key its spellings share ([`fold_org`]).
    pub key: String,
    /// Its page's slug, unique among the organisations.
    pub slug: String,
    /// The people who spoke for it, by name.
    pub people: Vec<Named>,
    /// The talks given for it, each once, newest first; undated last.
    pub talks: Vec<Appearance>,
}

impl Organisation {
    /// How many talks were given for it.
    pub fn talk_count(&self) -> usize {
        self.talks.len()
    }

    /// As a link.
    pub fn named(&self) -> Named {
        Named {
            name: self.name.clone(),
            slug: self.slug.clone(),
        }
    }
}

/// Everyone a feed names as a speaker, and every organisation they spoke for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// The speakers, by name.
    pub people: Vec<Person>,
    /// The organisations, by name.
    pub organisations: Vec<Organisation>,
    /// Every folded spelling of a person's name ([`fold_name`]), and their page's slug.
    person_aliases: BTreeMap<String, String>,
    /// Every folded spelling of an organisation ([`fold_org`]), and its page's slug.
    org_aliases: BTreeMap<String, String>,
    /// The [`link_slug`] of every spelling of a person's name, and the slugs of the pages it
    /// stands for (one, unless two people's spellings give one link).
    person_links: BTreeMap<String, BTreeSet<String>>,
    /// The same for the organisations.
    org_links: BTreeMap<String, BTreeSet<String>>,
}

/// A spelling of a name or an organisation, and how often and how early it was seen.
#[derive(Debug, Default)]
struct Spelling {
    count: usize,
    first: usize,
}

/// How a person's spelling ranks as the one shown, higher first: no initials, then no title,
/// then [`written_out`].
fn completeness(spelling: &str) -> (bool, bool, (bool, usize)) {
    let (words, titled) = name_words(spelling);
    let initials = words.iter().any(|w| is_initial(w));
    (!initials, !titled, written_out(spelling))
}

/// How carefully a spelling is written, higher first: in mixed case rather than all upper or
/// all lower, then with more of its accents.
fn written_out(spelling: &str) -> (bool, usize) {
    let letters = spelling.chars().filter(|c| c.is_alphabetic());
    let cased = letters.clone().any(char::is_uppercase) && letters.clone().any(char::is_lowercase);
    (cased, letters.filter(|c| !c.is_ascii()).count())
}

/// A word that is one Latin letter: an initial.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase())
}

/// Whether `short`, a name with initials, can stand for `full`, a name without: as many words,
/// each the same or an initial of the other's word, and at least one whole word the same.
fn abbreviates(short: &[&str], full: &[&str]) -> bool {
    short.len() == full.len()
        && short.iter().zip(full).any(|(s, f)| s == f)
        && short
            .iter()
            .zip(full)
            .all(|(s, f)| s == f || (is_initial(s) && f.starts_with(*s)))
}

/// The full name each key with initials stands for, when exactly one in `keys` fits it.
fn resolve_initials(keys: &BTreeSet<String>) -> HashMap<String, String> {
    let split = |k: &String| k.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let full: Vec<(&String, Vec<String>)> = keys
        .iter()
        .map(|k| (k, split(k)))
        .filter(|(_, w)| !w.iter().any(|w| is_initial(w)))
        .collect();
    let mut resolved = HashMap::new();
    for key in keys {
        let words = split(key);
        if !words.iter().any(|w| is_initial(w)) {
            continue;
        }
        let short: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut fits = full.iter().filter(|(_, f)| {
            let f: Vec<&str> = f.iter().map(String::as_str).collect();
            abbreviates(&short, &f)
        });
        if let (Some((one, _)), None) = (fits.next(), fits.next()) {
            resolved.insert(key.clone(), (*one).clone());
        }
    }
    resolved
}

/// The spelling to show: the best by `rank`, then the most common, then the first seen.
fn shown<R: Ord>(spellings: &BTreeMap<String, Spelling>, rank: impl Fn(&str) -> R) -> String {
    spellings
        .iter()
        .max_by(|(a, sa), (b, sb)| {
            rank(a)
                .cmp(&rank(b))
                .then(sa.count.cmp(&sb.count))
                .then(sb.first.cmp(&sa.first))
                .then(b.cmp(a))
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// Gives each key a slug, in key order, numbering a slug already taken `-2`, `-3`…
fn slugs<'a>(keys: impl Iterator<Item = &'a String>) -> HashMap<String, String> {
    let mut taken = BTreeSet::new();
    let mut out = HashMap::new();
    for key in keys {
        let base = slug(key);
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        out.insert(key.clone(), candidate);
    }
    out
}

/// The one page slug that the spellings whose [`link_slug`] is `wanted` lead to, if exactly
/// one does.
fn by_link<'a>(links: &'a BTreeMap<String, BTreeSet<String>>, wanted: &str) -> Option<&'a str> {
    let pages = links.get(wanted)?;
    match (pages.first(), pages.len()) {
        (Some(page), 1) => Some(page.as_str()),
        _ => None,
    }
}

/// A spelling as shown: its words separated by one space.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl People {
    /// Everyone `items` names as a speaker, and their organisations. Spellings of one person
    /// ([`fold_name`]) are one person; a spelling with initials is the one full name that fits
    /// it, when exactly one does, and a person of its own otherwise. A talk given by two is in
    /// both their lists; one speaker named twice for a talk counts it once. A talk without a
    /// title is named by its place in the catalogue's language ("Talk 2").
    pub fn from_items(items: &[Item], t: &crate::i18n::Catalogue) -> People {
        // Every spelling of every key, in the feed's order.
        let mut names: BTreeMap<String, BTreeMap<String, Spelling>> = BTreeMap::new();
        let mut orgs: BTreeMap<String, BTreeMap<String, Spelling>> = BTreeMap::new();
        let mut seen = 0usize;
        for speaker in items
            .iter()
            .flat_map(|i| i.talks())
            .flat_map(|t| &t.speakers)
        {
            let mut note = |map: &mut BTreeMap<String, BTreeMap<String, Spelling>>,
                            key: String,
                            text: &str| {
                if key.is_empty() {
                    return;
                }
                let spelling = map.entry(key).or_default().entry(tidy(text)).or_default();
                if spelling.count == 0 {
                    spelling.first = seen;
                }
                spelling.count += 1;
                seen += 1;
            };
            let key = fold_name(&speaker.name);
            if key.is_empty() {
                continue;
            }
            note(&mut names, key, &speaker.name);
            if let Some(org) = &speaker.org {
                note(&mut orgs, fold_org(org), org);
            }
        }
        // Keys with initials join their one full name.
        let keys: BTreeSet<String> = names.keys().cloned().collect();
        let resolved = resolve_initials(&keys);
        let canonical = |key: &str| resolved.get(key).cloned().unwrap_or_else(|| key.to_owned());
        let mut merged: BTreeMap<String, BTreeMap<String, Spelling>> = BTreeMap::new();
        for (key, spellings) in names {
            let into = merged.entry(canonical(&key)).or_default();
            for (text, s) in spellings {
                let at = into.entry(text).or_default();
                at.first = if at.count == 0 {
                    s.first
                } else {
                    at.first.min(s.first)
                };
                at.count += s.count;
            }
        }
        let person_slugs = slugs(merged.keys());
        let org_slugs = slugs(orgs.keys());
        let person_aliases: BTreeMap<String, String> = keys
            .iter()
            .filter_map(|key| Some((key.clone(), person_slugs.get(&canonical(key))?.clone())))
            .collect();
        let org_aliases: BTreeMap<String, String> = org_slugs
            .iter()
            .map(|(key, slug)| (key.clone(), slug.clone()))
            .collect();
        let links = |map: &BTreeMap<String, BTreeMap<String, Spelling>>,
                     slugs: &HashMap<String, String>| {
            let mut links: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (key, spellings) in map {
                let Some(page) = slugs.get(key) else { continue };
                for text in spellings.keys() {
                    links
                        .entry(link_slug(text))
                        .or_default()
                        .insert(page.clone());
                }
            }
            links
        };
        let person_links = links(&merged, &person_slugs);
        let org_links = links(&orgs, &org_slugs);
        let person_named: HashMap<&str, Named> = merged
            .iter()
            .map(|(key, spellings)| {
                let named = Named {
                    name: shown(spellings, completeness),
                    slug: person_slugs.get(key).cloned().unwrap_or_default(),
                };
                (key.as_str(), named)
            })
            .collect();
        let org_named: HashMap<&str, Named> = orgs
            .iter()
            .map(|(key, spellings)| {
                let named = Named {
                    name: shown(spellings, written_out),
                    slug: org_slugs.get(key).cloned().unwrap_or_default(),
                };
                (key.as_str(), named)
            })
            .collect();

        // Every talk, in the order the events are to be listed: newest first, undated last.
        let mut order: Vec<&Item> = items.iter().collect();
        order.sort_by_key(|item| {
            std::cmp::Reverse(item.date_published.as_ref().map(Timestamp::unix_seconds))
        });
        let mut talks_of: HashMap<String, Vec<Appearance>> = HashMap::new();
        let mut orgs_of: HashMap<String, Vec<String>> = HashMap::new();
        let mut org_talks: HashMap<String, Vec<Appearance>> = HashMap::new();
        let mut org_people: HashMap<String, BTreeSet<String>> = HashMap::new();
        for item in order {
            for (place, talk) in item.talks().iter().enumerate() {
                // The talk's speakers, each once: their key and the key of their organisation.
                let mut speakers: Vec<(String, Option<String>)> = Vec::new();
                for speaker in &talk.speakers {
                    let key = canonical(&fold_name(&speaker.name));
                    if key.is_empty() || speakers.iter().any(|(k, _)| *k == key) {
                        continue;
                    }
                    let org = speaker
                        .org
                        .as_deref()
                        .map(fold_org)
                        .filter(|o| !o.is_empty());
                    speakers.push((key, org));
                }
                if speakers.is_empty() {
                    continue;
                }
                let appearance = |org: Option<&String>| Appearance {
                    event_id: item.id.clone(),
                    event_title: item.display_title().to_owned(),
                    date: item.date_published.clone(),
                    place,
                    title: talk.title_or_place(place + 1, t),
                    start: talk.start,
                    takeaways: talk.takeaways.clone(),
                    org: org.and_then(|o| org_named.get(o.as_str())).cloned(),
                    speakers: speakers
                        .iter()
                        .filter_map(|(k, _)| person_named.get(k.as_str()).cloned())
                        .collect(),
                };
                let mut talk_orgs: Vec<&String> = Vec::new();
                for (key, org) in &speakers {
                    talks_of
                        .entry(key.clone())
                        .or_default()
                        .push(appearance(org.as_ref()));
                    if let Some(org) = org {
                        let list = orgs_of.entry(key.clone()).or_default();
                        if !list.contains(org) {
                            list.push(org.clone());
                        }
                        org_people
                            .entry(org.clone())
                            .or_default()
                            .insert(key.clone());
                        if !talk_orgs.contains(&org) {
                            talk_orgs.push(org);
                        }
                    }
                }
                for org in talk_orgs {
                    org_talks
                        .entry(org.clone())
                        .or_default()
                        .push(appearance(Some(org)));
                }
            }
        }

        let by_name = |a: &Named, b: &Named| {
            fold_name(&a.name)
                .cmp(&fold_name(&b.name))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.slug.cmp(&b.slug))
        };
        let mut people: Vec<Person> = merged
            .keys()
            .filter_map(|key| {
                let named = person_named.get(key.as_str())?.clone();
                Some(Person {
                    name: named.name,
                    key: key.clone(),
                    slug: named.slug,
                    organisations: orgs_of
                        .remove(key)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|o| org_named.get(o.as_str()).cloned())
                        .collect(),
                    talks: talks_of.remove(key).unwrap_or_default(),
                })
            })
            .collect();
        people.sort_by(|a, b| by_name(&a.named(), &b.named()));
        let mut organisations: Vec<Organisation> = orgs
            .keys()
            .filter_map(|key| {
                let named = org_named.get(key.as_str())?.clone();
                let mut members: Vec<Named> = org_people
                    .remove(key)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|k| person_named.get(k.as_str()).cloned())
                    .collect();
                members.sort_by(by_name);
                Some(Organisation {
                    name: named.name,
                    key: key.clone(),
                    slug: named.slug,
                    people: members,
                    talks: org_talks.remove(key).unwrap_or_default(),
                })
            })
            .collect();
        organisations.sort_by(|a, b| {
            fold_org(&a.name)
                .cmp(&fold_org(&b.name))
                .then_with(|| a.slug.cmp(&b.slug))
        });
        People {
            people,
            organisations,
            person_aliases,
            org_aliases,
            person_links,
            org_links,
        }
    }

    /// The slug of the page of the person a speaker's name (as a post spells it) is.
    pub fn person_slug(&self, name: &str) -> Option<&str> {
        self.person_aliases
            .get(&fold_name(name))
            .map(String::as_str)
    }

    /// The slug of the page of the organisation a name (as a post spells it) is.
    pub fn organisation_slug(&self, org: &str) -> Option<&str> {
        self.org_aliases.get(&fold_org(org)).map(String::as_str)
    }

    /// The person a page's slug names: the person with that slug, else the one person whose
    /// spelling has that [`link_slug`] (a link the app made from a post's spelling, such as
    /// `j-smith` for the J. Smith who is Jane Smith). `None` when no one, or more than one
    /// person, fits.
    pub fn find_person(&self, slug: &str) -> Option<&Person> {
        self.person(slug)
            .or_else(|| self.person(by_link(&self.person_links, slug)?))
    }

    /// The organisation a page's slug names, as [`People::find_person`] finds a person.
    pub fn find_organisation(&self, slug: &str) -> Option<&Organisation> {
        self.organisation(slug)
            .or_else(|| self.organisation(by_link(&self.org_links, slug)?))
    }

    /// The person whose page has this slug.
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.slug == slug)
    }

    /// The organisation whose page has this slug.
    pub fn organisation(&self, slug: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.slug == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Recap, Speaker, Talk};

    /// A talk: its title, its speakers (name, organisation) and its start.
    type T<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)], Option<u32>);

    fn event(id: &str, date: Option<&str>, talks: &[T]) -> Item {
        Item {
            id: id.to_owned(),
            url: None,
            title: Some(format!("Meetup {id}")),
            summary: None,
            content_html: None,
            content_text: None,
            image: None,
            date_published: date.map(|d| Timestamp::parse(d).expect("a date")),
            date_modified: None,
            tags: Vec::new(),
            recap: Some(Recap {
                talks: Some(
                    talks
                        .iter()
                        .map(|(title, speakers, start)| Talk {
                            title: Some((*title).to_owned()),
                            speakers: speakers
                                .iter()
                                .map(|(name, org)| Speaker {
                                    name: (*name).to_owned(),
                                    org: org.map(str::to_owned),
                                })
                                .collect(),
                            start: *start,
                            takeaways: vec![format!("{title}: one thing")],
                            ..Talk::default()
                        })
                        .collect(),
                ),
                ..Recap::default()
            }),
        }
    }

    /// One talk per name, one event each, a day apart, the first newest.
    fn people(names: &[&str]) -> People {
        let items: Vec<Item> = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                event(
                    &format!("e{n}"),
                    Some(&format!("2030-01-{:02}T19:00:00Z", 28 - n)),
                    &[("A talk", &[(name, None)], None)],
                )
            })
            .collect();
        People::from_items(&items, &crate::i18n::Catalogue::english())
    }

    fn names(people: &People) -> Vec<&str> {
        people.people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn case_accents_titles_spaces_and_dots_fold_together() {
        for (a, b) in [
            ("José Núñez", "jose nunez"),
            ("JOSÉ NÚÑEZ", "José Núñez"),
            ("Dr. José Núñez", "José Núñez"),
            ("Prof. Dr. José Núñez", "Jose Nunez"),
            ("Ms Ada Lovelace", "ada lovelace"),
            ("  Ada\u{a0}\t Lovelace ", "Ada Lovelace"),
            ("Ada Lovelace, PhD", "Ada Lovelace"),
            ("Ada Lovelace (she/her)", "Ada Lovelace"),
            ("Ada \"Countess\" Lovelace", "Ada Lovelace"),
            ("Jean-Luc Moreau", "Jean Luc Moreau"),
            ("Siobhán O’Brien", "siobhan o'brien"),
            ("Siobhán O'Brien", "SIOBHAN OBRIEN"),
            ("J.R. Tolkien", "J. R. Tolkien"),
            ("JR Tolkien", "J.R. Tolkien"),
            ("Jane Smith MBA", "Jane Smith"),
            ("Jürgen Groß", "jurgen gross"),
            ("Søren Kierkegård", "soren kierkegard"),
            ("Łukasz Żółć", "lukasz zolc"),
            ("Þóra Ægisdóttir", "thora aegisdottir"),
            ("Nguyễn Thị Minh", "nguyen thi minh"),
            ("Ștefan Țurcanu", "stefan turcanu"),
            // Characters that are not seen.
            ("Jo\u{200b}hn Sm\u{ad}ith\u{feff}", "John Smith"),
            // Decomposed: letters followed by combining accents.
            ("Jose\u{301} Nu\u{303}n\u{303}ez", "José Núñez"),
        ] {
            assert_eq!(fold_name(a), fold_name(b), "{a:?} and {b:?}");
        }
        assert_eq!(fold_name("Dr. José  Núñez-Ruiz"), "jose nunez ruiz");
        assert_eq!(fold_name("J. Smith"), "j smith");
        // Capitals are initials only in a name that is not all capitals.
        assert_eq!(fold_name("DJ Okafor"), "d j okafor");
        assert_eq!(fold_name("DJ OKAFOR"), "dj okafor");
        assert_eq!(fold_name("Ms Ada Lovelace"), "ada lovelace");
        // A title alone is a name; letters of other scripts stay, lower case.
        assert_eq!(fold_name("Dr"), "dr");
        assert_eq!(fold_name("Сергей Иванов"), "сергей иванов");
        assert_eq!(fold_name("(anonymous)"), "anonymous");
        assert_eq!(fold_name("  "), "");
    }

    #[test]
    fn every_latin_letter_of_the_tables_folds_to_ascii() {
        for code in (0xC0u32..=0x17F).chain(0x1EA0..=0x1EF9) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if !c.is_alphabetic() {
                continue;
            }
            let folded = fold_name(&c.to_string());
            assert!(
                !folded.is_empty() && folded.chars().all(|c| c.is_ascii_lowercase()),
                "{c:?} (U+{code:04X}) folds to {folded:?}"
            );
        }
    }

    /// Names put together from awkward parts: folding never panics, folds a folded name to
    /// itself, and every slug is one URL-safe segment of itself.
    #[test]
    fn folding_is_total_and_settled() {
        const PARTS: [&str; 24] = [
            "Dr.",
            "MS",
            "Ms",
            "(",
            ")",
            "\"",
            "“",
            "J.",
            "JR",
            "Ada",
            "ÉLODIE",
            "ß",
            "ø",
            "e\u{301}",
            "李",
            "Сергей",
            "-",
            "'",
            "&",
            ",",
            "PhD",
            " \t ",
            "\u{0}",
            "İ",
        ];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..5_000 {
            let mut name = String::new();
            for _ in 0..(seed % 6) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                name.push_str(PARTS[(seed >> 16) as usize % PARTS.len()]);
                if seed & 0x100 != 0 {
                    name.push(' ');
                }
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let folded = fold_name(&name);
            assert_eq!(fold_name(&folded), folded, "{name:?}");
            assert_eq!(fold_org(&fold_org(&name)), fold_org(&name), "{name:?}");
            let s = slug(&folded);
            assert_eq!(slug(&s), s, "{name:?}");
            assert!(
                !s.is_empty()
                    && s.len() <= SLUG_MAX
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name:?}: {s:?}"
            );
        }
    }

    #[test]
    fn organisations_fold_their_forms_away() {
        assert_eq!(fold_org("The Acme Company, Ltd."), "acme company");
        assert_eq!(fold_org("ACME company"), "acme company");
        assert_eq!(fold_org("Smith & Jones GmbH"), "smith and jones");
        assert_eq!(fold_org("Smith and Jones"), "smith and jones");
        assert_eq!(fold_org("Ltd"), "ltd");
        assert_eq!(fold_org("Café Numérique"), "cafe numerique");
    }

    #[test]
    fn slugs_are_one_url_safe_segment() {
        assert_eq!(slug("ada lovelace"), "ada-lovelace");
        assert_eq!(slug(&fold_name("Dr. José Núñez-Ruiz")), "jose-nunez-ruiz");
        assert_eq!(slug("The Café, Ltd."), "the-cafe-ltd");
        assert_eq!(slug("李雷"), "u674e-u96f7");
        assert_eq!(slug("ok 李 go"), "ok-u674e-go");
        assert_eq!(slug(""), "x");
        assert_eq!(slug("---"), "x");
        let long = slug(&"abcdefghij ".repeat(20));
        assert!(long.len() <= SLUG_MAX && !long.ends_with('-'), "{long}");
        assert_eq!(slug(&"a".repeat(200)).len(), SLUG_MAX);
        for s in [slug("a/b?c#d%e"), slug(".."), slug("über straße")] {
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
            assert!(!s.starts_with('-') && !s.ends_with('-'), "{s}");
        }
    }

    #[test]
    fn spellings_of_one_person_are_one_person_under_the_most_complete_spelling() {
        let all = people(&["jose nunez", "Dr. José Núñez", "JOSE NUNEZ", "José  Núñez"]);
        assert_eq!(names(&all), ["José Núñez"]);
        let jose = &all.people[0];
        assert_eq!(jose.talk_count(), 4);
        assert_eq!(jose.slug, "jose-nunez");
        assert_eq!(jose.key, "jose nunez");
        // The most common of equally complete spellings.
        let all = people(&["Ada Lovelace", "Ada LoveLace", "Ada LoveLace"]);
        assert_eq!(names(&all), ["Ada LoveLace"]);
        // A title only when no spelling goes without.
        assert_eq!(names(&people(&["Dr Ada Lovelace"])), ["Dr Ada Lovelace"]);
    }

    #[test]
    fn an_initial_joins_the_one_full_name_that_fits_it() {
        let all = people(&[
            "J. Smith",
            "Jane Smith",
            "Mary-Ann B. Ortiz",
            "Mary Ann Beatriz Ortiz",
        ]);
        assert_eq!(names(&all), ["Jane Smith", "Mary Ann Beatriz Ortiz"]);
        assert_eq!(all.people[0].talk_count(), 2);
        assert_eq!(all.people[1].talk_count(), 2);
        // The initial of a family name too.
        let all = people(&["JR Tolkien", "John Ronald Tolkien"]);
        assert_eq!(names(&all), ["John Ronald Tolkien"]);
        let all = people(&["Jane S.", "Jane Smith"]);
        assert_eq!(names(&all), ["Jane Smith"]);
        // Only initials: too little to go on.
        assert_eq!(people(&["J. S.", "Jane Smith"]).people.len(), 2);
    }

    #[test]
    fn different_people_are_never_one() {
        // Same family name, different first names; the initial they share stays on its own.
        let all = people(&["Jane Smith", "John Smith", "J. Smith"]);
        assert_eq!(link_slug("J. Smith"), "j-smith");
        assert_eq!(names(&all), ["J. Smith", "Jane Smith", "John Smith"]);
        assert!(all.people.iter().all(|p| p.talk_count() == 1));
        let slugs: Vec<&str> = all.people.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["j-smith", "jane-smith", "john-smith"]);
        // Same first name, different family names.
        assert_eq!(people(&["Jane Smith", "Jane Smyth"]).people.len(), 2);
        // A name with a middle initial is not one without it, nor a longer one.
        assert_eq!(people(&["Jane Smith", "Jane Q. Smith"]).people.len(), 2);
        assert_eq!(people(&["Jane Smith", "Jane Smithson"]).people.len(), 2);
        // An initial that fits neither: another letter.
        assert_eq!(people(&["K. Smith", "Jane Smith"]).people.len(), 2);
    }

    #[test]
    fn every_spelling_leads_to_its_persons_page() {
        let spellings = [
            "Dr. Renée  Castellanos",
            "RENEE CASTELLANOS",
            "J. Smith",
            "Jane Smith",
            "John Smyth",
            "Ann O'Neil (she/her)",
        ];
        let all = people(&spellings);
        for (n, spelling) in spellings.into_iter().enumerate() {
            let person = all
                .people
                .iter()
                .find(|p| p.talks.iter().any(|t| t.event_id == format!("e{n}")))
                .unwrap_or_else(|| panic!("{spelling}: no one"));
            assert_eq!(all.person_slug(spelling), Some(person.slug.as_str()));
            let linked = all.find_person(&link_slug(spelling));
            assert_eq!(linked.map(|p| &p.slug), Some(&person.slug), "{spelling}");
        }
        assert_eq!(
            all.find_person("jane-smith").map(|p| p.talk_count()),
            Some(2)
        );
        assert!(all.find_person("nobody").is_none());
        assert_eq!(all.person_slug("Nobody"), None);
        // An initial that two full names fit is a person of its own, and its link says so.
        let all = people(&["Jane Smith", "John Smith", "J. Smith"]);
        assert_eq!(link_slug("J. Smith"), "j-smith");
        assert_eq!(
            all.find_person(&link_slug("J. Smith"))
                .map(|p| p.name.as_str()),
            Some("J. Smith")
        );
    }

    #[test]
    fn link_slugs_are_page_slugs_for_plain_and_accented_names() {
        for (name, expected) in [
            ("Ada Lovelace", "ada-lovelace"),
            ("Renée  Castellanos", "renee-castellanos"),
            ("José Núñez-Ruiz", "jose-nunez-ruiz"),
            ("Ann O'Neil", "ann-oneil"),
            ("Dr. Ada Lovelace", "dr-ada-lovelace"),
            ("李明", "u674eu660e"),
            ("", "x"),
            ("  ", "x"),
        ] {
            assert_eq!(link_slug(name), expected, "{name}");
            assert!(
                crate::route::parse_route(&format!("/speakers/{}/", link_slug(name)), "", "/")
                    != crate::route::Route::NotFound
            );
        }
        for name in [
            "Ada Lovelace",
            "Renée Castellanos",
            "José Núñez-Ruiz",
            "Ann O'Neil",
        ] {
            assert_eq!(link_slug(name), slug(&fold_name(name)), "{name}");
        }
    }

    #[test]
    fn organisations_are_found_by_any_spelling() {
        let item = event(
            "e",
            Some("2024-01-01T00:00:00Z"),
            &[
                ("One", &[("Ada", Some("The Acme Company, Ltd."))], None),
                ("Two", &[("Bo", Some("acme company"))], None),
            ],
        );
        let all = People::from_items(&[item], &crate::i18n::Catalogue::english());
        assert_eq!(all.organisations.len(), 1);
        let page = all.organisations[0].slug.clone();
        assert_eq!(
            all.organisation_slug("ACME Company Inc."),
            Some(page.as_str())
        );
        let found = all.find_organisation(&link_slug("The Acme Company, Ltd."));
        assert_eq!(found.map(|o| o.talk_count()), Some(2));
        assert!(all.find_organisation("nothing").is_none());
    }

    #[test]
    fn slugs_that_collide_are_numbered() {
        // Two different names (the second is the first's slug spelled out) with one slug.
        let all = people(&["李", "u674e"]);
        let mut slugs: Vec<&str> = all.people.iter().map(|p| p.slug.as_str()).collect();
        slugs.sort_unstable();
        assert_eq!(slugs, ["u674e", "u674e-2"]);
    }

    #[test]
    fn talks_are_newest_first_and_a_talk_of_two_counts_for_both() {
        let items = vec![
            event(
                "old",
                Some("2029-03-01T19:00:00Z"),
                &[(
                    "Old talk",
                    &[("Ada Lovelace", Some("Engines Ltd"))],
                    Some(60),
                )],
            ),
            event(
                "undated",
                None,
                &[("Undated talk", &[("ada lovelace", None)], None)],
            ),
            event(
                "new",
                Some("2031-05-01T19:00:00Z"),
                &[
                    ("Opening", &[("Grace Hopper", Some("Navy"))], Some(0)),
                    (
                        "Pair talk",
                        &[
                            ("Ada Lovelace", Some("Analytical Co")),
                            ("Grace Hopper", Some("Navy")),
                            ("ADA LOVELACE", None),
                        ],
                        Some(1830),
                    ),
                ],
            ),
            event(
                "middle",
                Some("2030-01-01T19:00:00Z"),
                &[("Middle talk", &[("Ada Lovelace", Some("engines"))], None)],
            ),
        ];
        let all = People::from_items(&items, &crate::i18n::Catalogue::english());
        let ada = all.person("ada-lovelace").expect("Ada");
        let events: Vec<&str> = ada.talks.iter().map(|t| t.event_id.as_str()).collect();
        assert_eq!(events, ["new", "middle", "old", "undated"]);
        let pair = &ada.talks[0];
        assert_eq!(pair.title, "Pair talk");
        assert_eq!(pair.start, Some(1830));
        assert_eq!(pair.place, 1);
        assert_eq!(pair.event_title, "Meetup new");
        assert_eq!(pair.takeaways, ["Pair talk: one thing"]);
        assert_eq!(
            pair.org.as_ref().map(|o| o.name.as_str()),
            Some("Analytical Co")
        );
        let with: Vec<&str> = pair.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            with,
            ["Ada Lovelace", "Grace Hopper"],
            "named twice, counted once"
        );
        // The org at the time, each organisation once, the latest first.
        let orgs: Vec<&str> = ada.organisations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["Analytical Co", "Engines Ltd"]);
        assert_eq!(
            ada.talks[2].org.as_ref().map(|o| o.slug.as_str()),
            Some("engines")
        );
        let grace = all.person("grace-hopper").expect("Grace");
        assert_eq!(grace.talk_count(), 2);
        assert_eq!(grace.talks[0].title, "Opening");
        assert_eq!(grace.talks[1].title, "Pair talk");
        // Organisations: their people and talks, a talk once however many spoke for it.
        let navy = all.organisation("navy").expect("Navy");
        assert_eq!(navy.talk_count(), 2);
        assert_eq!(navy.people, [grace.named()]);
        let engines = all.organisation("engines").expect("Engines");
        assert_eq!(engines.people, [ada.named()]);
        let titles: Vec<&str> = engines.talks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Middle talk", "Old talk"]);
        let orgs: Vec<&str> = all.organisations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["Analytical Co", "Engines Ltd", "Navy"]);
    }

    #[test]
    fn nameless_speakers_and_talks_are_left_out() {
        let items = vec![event(
            "e",
            None,
            &[("Nobody", &[(" ", Some("Ghost Inc")), ("...", None)], None)],
        )];
        let all = People::from_items(&items, &crate::i18n::Catalogue::english());
        assert!(all.people.is_empty());
        assert!(all.organisations.is_empty());
        assert_eq!(
            People::from_items(&[], &crate::i18n::Catalogue::english()),
            People::default()
        );
    }
}
