//! The interface in the site's language: every text the viewer and the pre-rendered pages show,
//! in one catalogue per language, with dates, counts and numbers written the language's way.
//!
//! English is built in and is the fallback: [`Text`] names every text and holds its English.
//! German and French are files beside this crate, `i18n/de.txt` and `i18n/fr.txt`, one text a
//! line as `key = text`, where `{name}` is filled in. The web app fetches only the file of the
//! language in use (the English first visit carries no other); the command line has them all
//! built in ([`Catalogue::builtin`]). A text missing from a file stays English; a file's
//! problems are reported, never fatal.

mod english;

use std::borrow::Cow;

pub use english::Text;
use english::{ENGLISH, KEYS};

use crate::Timestamp;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, built in.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The language a BCP 47 tag asks for (`de`, `de-AT`, `FR-ch`); English for any other, or
    /// none.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::known(tag).unwrap_or_default()
    }

    /// The language a tag names, if it is one of [`Lang::ALL`]; `None` for any other (`nl`).
    pub fn known(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// Its tag: `en`, `de`, `fr`, as `<html lang>` and the catalogue's file name use it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// Whether `n` takes the singular: 1 in English and German; 0 and 1 in French.
    fn singular(self, n: usize) -> bool {
        match self {
            Lang::Fr => n <= 1,
            _ => n == 1,
        }
    }

    /// The separator between groups of three digits: `12,000`, `12.000`, `12 000` (a narrow
    /// no-break space).
    fn group_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::De => '.',
            Lang::Fr => '\u{202f}',
        }
    }
}

/// A catalogue file's entries, each with its line number: the index of its text and the text,
/// or what is wrong with the line. Blank and comment lines are left out.
fn entries(file: &str) -> impl Iterator<Item = (usize, Result<(usize, &str), String>)> {
    file.lines().enumerate().filter_map(|(n, line)| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let entry = match line.split_once('=') {
            None => Err("not `key = text`".to_owned()),
            Some((key, text)) => {
                let key = key.trim();
                KEYS.iter()
                    .position(|&k| k == key)
                    .map(|at| (at, text.trim()))
                    .ok_or_else(|| format!("no text is called {key:?}"))
            }
        };
        Some((n + 1, entry))
    })
}

/// The texts of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    lang: Lang,
    texts: Vec<Cow<'static, str>>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::english()
    }
}

impl Catalogue {
    /// The built-in English.
    pub fn english() -> Catalogue {
        Catalogue {
            lang: Lang::En,
            texts: ENGLISH.iter().map(|&text| Cow::Borrowed(text)).collect(),
        }
    }

    /// A catalogue file read for `lang`: `key = text` lines, `#` starting a comment line. A text
    /// it lacks stays English; what is wrong in it is skipped ([`Catalogue::check`] says what).
    pub fn parse(lang: Lang, file: &str) -> Catalogue {
        let mut catalogue = Catalogue::english();
        catalogue.lang = lang;
        for (at, text) in entries(file).filter_map(|(_, entry)| entry.ok()) {
            catalogue.texts[at] = Cow::Owned(text.to_owned());
        }
        catalogue
    }

    /// What is wrong in a catalogue file: lines that are not `key = text`, keys that name no
    /// text, and texts it lacks (which stay English).
    pub fn check(file: &str) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = vec![false; KEYS.len()];
        for (n, entry) in entries(file) {
            match entry {
                Ok((at, _)) => seen[at] = true,
                Err(why) => problems.push(format!("line {n}: {why}")),
            }
        }
        for (at, _) in seen.iter().enumerate().filter(|(_, seen)| !**seen) {
            problems.push(format!("{:?} is missing: it stays English", KEYS[at]));
        }
        problems
    }

    /// The catalogue of `lang` as this crate holds it: for the command line, which writes pages
    /// in any language. (The web app fetches the one it needs instead: linked, this would
    /// carry every language.)
    pub fn builtin(lang: Lang) -> Catalogue {
        match lang {
            Lang::En => Catalogue::english(),
            Lang::De => Catalogue::parse(lang, include_str!("../../i18n/de.txt")),
            Lang::Fr => Catalogue::parse(lang, include_str!("../../i18n/fr.txt")),
        }
    }

    /// Its texts, in order: what crosses to a side module, which writes its parts in the
    /// app's own catalogue ([`Catalogue::from_texts`]).
    pub fn texts(&self) -> Vec<String> {
        self.texts.iter().map(|text| text.to_string()).collect()
    }

    /// The catalogue of `lang` whose texts [`Catalogue::texts`] gave; a text missing from the
    /// end stays English.
    pub fn from_texts(lang: Lang, texts: Vec<String>) -> Catalogue {
        let mut catalogue = Catalogue::english();
        catalogue.lang = lang;
        for (slot, text) in catalogue.texts.iter_mut().zip(texts) {
            *slot = Cow::Owned(text);
        }
        catalogue
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A text.
    pub fn get(&self, text: Text) -> &str {
        // Every catalogue holds every text: its own, else the English.
        self.texts.get(text as usize).map_or("", |t| t)
    }

    /// A text with its `{name}`s filled in.
    pub fn fill(&self, text: Text, values: &[(&str, &str)]) -> String {
        let mut out = self.get(text).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A count: `one` or `other` by the language's rule, with `{n}` the number written the
    /// language's way.
    pub fn count(&self, one: Text, other: Text, n: usize) -> String {
        let text = if self.lang.singular(n) { one } else { other };
        self.fill(text, &[("n", &self.number(n))])
    }

    /// A whole number with its digits grouped the language's way: `12,000`, `12.000`, `12 000`.
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (at, digit) in digits.chars().enumerate() {
            if at > 0 && (digits.len() - at).is_multiple_of(3) {
                out.push(self.lang.group_separator());
            }
            out.push(digit);
        }
        out
    }

    /// A date in words with its weekday: `Wednesday 3 May 2023`, `Mittwoch, 3. Mai 2023`,
    /// `mercredi 3 mai 2023`.
    pub fn date_long(&self, date: &Timestamp) -> String {
        self.date(Text::DateLong, date)
    }

    /// A date in words: `3 May 2023`, `3. Mai 2023`, `3 mai 2023`.
    pub fn date_short(&self, date: &Timestamp) -> String {
        self.date(Text::DateShort, date)
    }

    fn date(&self, pattern: Text, date: &Timestamp) -> String {
        let (year, month, day, weekday) = date.calendar();
        let name = |list: Text, at: usize| {
            self.get(list)
                .split('|')
                .nth(at)
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        self.fill(
            pattern,
            &[
                ("weekday", &name(Text::Weekdays, weekday)),
                ("day", &day.to_string()),
                ("month", &name(Text::Months, usize::from(month) - 1)),
                ("year", &year.to_string()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_crosses_to_a_module_whole() {
        for lang in [Lang::En, Lang::De, Lang::Fr] {
            let catalogue = Catalogue::builtin(lang);
            assert_eq!(Catalogue::from_texts(lang, catalogue.texts()), catalogue);
        }
        // Texts missing from the end stay English.
        let mut texts = Catalogue::builtin(Lang::De).texts();
        texts.truncate(1);
        let short = Catalogue::from_texts(Lang::De, texts);
        assert_eq!(
            short.get(Text::TryAgain),
            Catalogue::english().get(Text::TryAgain)
        );
    }

    /// The `{name}`s of a text, sorted.
    fn names(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_catalogue_file_has_every_text_and_the_same_blanks() {
        for (lang, file) in [
            (Lang::De, include_str!("../../i18n/de.txt")),
            (Lang::Fr, include_str!("../../i18n/fr.txt")),
        ] {
            let catalogue = Catalogue::parse(lang, file);
            assert_eq!(Catalogue::check(file), Vec::<String>::new(), "{lang:?}");
            let english = Catalogue::english();
            for (at, key) in KEYS.iter().enumerate() {
                let (ours, theirs) = (&catalogue.texts[at], &english.texts[at]);
                assert_eq!(names(ours), names(theirs), "{lang:?} {key}");
                assert!(!ours.is_empty(), "{lang:?} {key} is empty");
                let lists = |t: &str| t.split('|').count();
                assert_eq!(lists(ours), lists(theirs), "{lang:?} {key}");
            }
        }
    }

    #[test]
    fn a_file_with_problems_says_so_and_keeps_english_where_it_lacks() {
        let file = "# a comment\nevents_title = Termine\nno_such_text = x\nnot a line\n";
        let catalogue = Catalogue::parse(Lang::De, file);
        let problems = Catalogue::check(file);
        assert_eq!(catalogue.get(Text::EventsTitle), "Termine");
        assert_eq!(catalogue.get(Text::Talks), "Talks", "missing: English");
        assert!(problems.iter().any(|p| p.contains("\"no_such_text\"")));
        assert!(problems.iter().any(|p| p.starts_with("line 4:")));
        assert!(problems.iter().any(|p| p.contains("\"talks\" is missing")));
    }

    #[test]
    fn tags_name_their_language() {
        assert_eq!(Lang::from_tag("de"), Lang::De);
        assert_eq!(Lang::from_tag("de-AT"), Lang::De);
        assert_eq!(Lang::from_tag(" FR-ch "), Lang::Fr);
        assert_eq!(Lang::from_tag("fr_CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("nl"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(
            Lang::from_tag("deu"),
            Lang::En,
            "a three-letter tag is another"
        );
        assert_eq!(Lang::known("en-GB"), Some(Lang::En));
        assert_eq!(Lang::known("nl"), None);
    }

    #[test]
    fn counts_and_numbers_follow_the_language() {
        let [en, de, fr] = Lang::ALL.map(Catalogue::builtin);
        let events = |c: &Catalogue, n| c.count(Text::EventsOne, Text::EventsOther, n);
        assert_eq!(events(&en, 1), "1 event");
        assert_eq!(events(&en, 0), "0 events");
        assert_eq!(events(&en, 12_000), "12,000 events");
        assert_eq!(events(&de, 1), "1 Veranstaltung");
        assert_eq!(events(&de, 1234), "1.234 Veranstaltungen");
        assert_eq!(events(&fr, 0), "0 événement", "French: 0 is singular");
        assert_eq!(events(&fr, 2), "2 événements");
        assert_eq!(fr.number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(en.number(999), "999");
        assert_eq!(en.number(100_000), "100,000");
    }

    #[test]
    fn dates_are_written_the_languages_way() {
        let date = Timestamp::parse("2023-05-03T18:30:00+01:00").expect("a date");
        let [en, de, fr] = Lang::ALL.map(Catalogue::builtin);
        assert_eq!(en.date_long(&date), "Wednesday 3 May 2023");
        assert_eq!(en.date_short(&date), "3 May 2023");
        assert_eq!(de.date_long(&date), "Mittwoch, 3. Mai 2023");
        assert_eq!(fr.date_long(&date), "mercredi 3 mai 2023");
        let march = Timestamp::parse("2024-03-01T00:00:00Z").expect("a date");
        assert_eq!(de.date_short(&march), "1. März 2024");
        assert_eq!(fr.date_short(&march), "1 mars 2024");
    }

    #[test]
    fn blanks_are_filled() {
        let en = Catalogue::english();
        assert_eq!(
            en.fill(Text::EventsFiltered, &[("shown", "3"), ("total", "12")]),
            "3 of 12 events"
        );
    }
}
