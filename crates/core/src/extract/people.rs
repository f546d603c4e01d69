//! The people a post names, gathered once from the whole post, so that a talk introduced by a
//! first name ("Dana from Fernhill was talking about …", "Tomasz rounded off the evening") gets
//! the full name and the organisation that the post gives elsewhere: an opening roster, a
//! speaker photo's alt text, a heading, "Kieran works at …".

use super::names::{is_person_name, MAX_NAME_WORDS};
use super::speakers::{is_talk_noun, looks_like_people, possessive, speaker_line, Mention, Taken};
use super::text::{
    is_capitalised, is_lead_in, is_name_word, squash, strip_honorific, word_before, words,
};
use crate::feed::Speaker;
use crate::time::find_clocks;

/// Everyone the post names as a speaker, with an organisation where the post gives one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct People {
    known: Vec<Speaker>,
}

impl People {
    /// Notes a person; a second mention fills in a missing organisation.
    pub(super) fn add(&mut self, speaker: &Speaker) {
        let name = strip_honorific(&speaker.name);
        if name.is_empty() {
            return;
        }
        match self.known.iter_mut().find(|k| k.name == name) {
            Some(known) => {
                if known.org.is_none() {
                    known.org.clone_from(&speaker.org);
                }
            }
            None => self.known.push(Speaker {
                name: name.to_owned(),
                org: speaker.org.clone(),
            }),
        }
    }

    /// Folds people known only by a first name into the full name that starts with it.
    pub(super) fn finish(&mut self) {
        let singles: Vec<Speaker> = self
            .known
            .iter()
            .filter(|k| !k.name.contains(' '))
            .cloned()
            .collect();
        for single in singles {
            let Some(full) = self.full_name_index(&single.name) else {
                continue;
            };
            if let Some(known) = self.known.get_mut(full).filter(|k| k.org.is_none()) {
                known.org.clone_from(&single.org);
            }
            self.known.retain(|k| k.name != single.name);
        }
    }

    /// The one person with a full name that starts with this first name.
    fn full_name_index(&self, first: &str) -> Option<usize> {
        let mut found = self.known.iter().enumerate().filter(|(_, k)| {
            k.name.contains(' ') && k.name.split_whitespace().next() == Some(first)
        });
        let (index, _) = found.next()?;
        found.next().is_none().then_some(index)
    }

    /// The person behind a first name, if the post names exactly one.
    pub(super) fn by_first_name(&self, first: &str) -> Option<&Speaker> {
        self.full_name_index(first).and_then(|i| self.known.get(i))
    }

    /// A speaker as the whole post knows them: a first name becomes the full name, and a
    /// missing organisation is filled in.
    pub(super) fn resolve(&self, speaker: &Speaker) -> Speaker {
        let name = strip_honorific(&speaker.name);
        let known = if name.contains(' ') {
            self.known.iter().find(|k| k.name == name)
        } else {
            self.by_first_name(name)
        };
        match known {
            Some(k) => Speaker {
                name: k.name.clone(),
                org: speaker.org.clone().or_else(|| k.org.clone()),
            },
            None => Speaker {
                name: name.to_owned(),
                org: speaker.org.clone(),
            },
        }
    }

    /// Known people named by their first name alone, with a talk cue after it: "Aoife kicked
    /// things off", "Tobias then asked", "Mia's discussion on". Mentions in `found` are kept.
    pub(super) fn mentions(&self, text: &str, found: &[Mention]) -> Vec<Mention> {
        let words = words(text);
        let taken = Taken::of(found);
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let owned = possessive(word.text);
            let first = owned.unwrap_or(word.text);
            let Some(person) = self.by_first_name(first) else {
                continue;
            };
            // Part of a longer name: found, or not, by the other rules.
            let longer = words
                .get(i + 1)
                .is_some_and(|w| is_name_word(w.text) && !word.closes);
            let after_name =
                word_before(&words, i).is_some_and(|w| is_name_word(w.text) && !w.closes);
            if longer || after_name {
                continue;
            }
            // "Mia's discussion on …" is hers; "Mia's team" is not a talk. A first name alone
            // is a mention wherever it stands ("a lightning talk by Marie-Claire on …", "came
            // from Chiamaka, rounding off …"); whether it tells a talk is the paragraph's to say
            // (a title, a time, a speaking verb).
            let cue = match owned {
                Some(_) => words.get(i + 1).is_some_and(|w| is_talk_noun(w.text)),
                None => true,
            };
            let end = word.start + first.len();
            if !cue || taken.overlaps((word.start, end)) {
                continue;
            }
            out.push(Mention {
                speaker: person.clone(),
                start: word.start,
                end,
            });
        }
        out
    }
}

/// Phrases that open a list of the evening's speakers.
const ROSTER_CUES: &[&str] = &[
    "speakers were ",
    "speakers this month were ",
    "speakers tonight were ",
    "speakers were: ",
    "speakers: ",
    "heard from ",
    "joined by ",
    "line-up was ",
    "lineup was ",
];

/// People listed after a roster cue: "Our speakers were Dana Ruiz from Fernhill, Tomasz Wolak
/// from Gridline and Aiko Mori." The list ends at the sentence's end or at the first part that is
/// not a person.
pub(super) fn roster(text: &str) -> Vec<Speaker> {
    let lower = text.to_ascii_lowercase();
    let Some(after) = ROSTER_CUES
        .iter()
        .filter_map(|cue| lower.find(cue).map(|i| i + cue.len()))
        .min()
    else {
        return Vec::new();
    };
    let rest = text.get(after..).unwrap_or_default();
    let sentence = rest
        .find(". ")
        .or_else(|| rest.find(['\n', ';']))
        .and_then(|end| rest.get(..end))
        .unwrap_or(rest);
    let mut people = Vec::new();
    for part in split_outside_parentheses(sentence.trim_end_matches(['.', ':']), ", ") {
        let part = part.trim().trim_start_matches("and ");
        let speakers = speaker_line(part);
        if speakers.is_empty()
            || !looks_like_people(part)
            || !speakers.iter().all(|s| is_person_name(&s.name))
        {
            break;
        }
        people.extend(speakers);
    }
    people
}

/// Splits at a separator, except inside parentheses: "A (Role, Org), B (Org)".
fn split_outside_parentheses<'t>(text: &'t str, sep: &str) -> Vec<&'t str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && text.get(i..).is_some_and(|r| r.starts_with(sep)) && i >= start {
            parts.push(text.get(start..i).unwrap_or_default());
            start = i + sep.len();
        }
    }
    parts.push(text.get(start..).unwrap_or_default());
    parts
}

/// Organisations given in a sentence of their own: "Kieran works at Hoo Peninsula Software."
pub(super) fn works_at(text: &str) -> Vec<Speaker> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    for cue in [" works at ", " works for ", " is from ", " joined us from "] {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|l| l.find(cue)) {
            let at = from + found;
            from = at + cue.len();
            let before = words(text.get(..at).unwrap_or_default());
            let name_words: Vec<&str> = before
                .iter()
                .rev()
                .take_while(|w| is_name_word(w.text) && !w.closes)
                .take(MAX_NAME_WORDS)
                .map(|w| w.text)
                .collect();
            let after = words(text.get(from..).unwrap_or_default());
            let mut org_words: Vec<&str> = Vec::new();
            for word in after.iter().take(6) {
                if !is_capitalised(word.text) || is_lead_in(word.text) {
                    break;
                }
                org_words.push(word.text);
                if word.closes {
                    break;
                }
            }
            if name_words.is_empty() || org_words.is_empty() {
                continue;
            }
            let name: Vec<&str> = name_words.into_iter().rev().collect();
            out.push(Speaker {
                name: name.join(" "),
                org: Some(squash(&org_words.join(" "))),
            });
        }
    }
    out
}

/// Whether a line reads as people rather than a title or a moment: every person a short
/// capitalised name, every organisation capitalised and not a time ("Watch from 55:00" names
/// no one).
pub(super) fn reads_as_people(line: &str) -> bool {
    let speakers = speaker_line(line);
    !speakers.is_empty()
        && speakers.iter().all(|s| {
            is_person_name(&s.name)
                && s.org.as_deref().is_none_or(|o| {
                    is_capitalised(o) && find_clocks(o).is_empty() && !o.contains(['(', ')'])
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_inlines::sp;

    #[test]
    fn a_roster_lists_people_until_the_sentence_ends() {
        assert_eq!(
            roster("Our speakers were Dana Ruiz from Fernhill, Tomasz Wolak from Gridline and Aiko Mori. Thanks!"),
            [
                sp("Dana Ruiz", Some("Fernhill")),
                sp("Tomasz Wolak", Some("Gridline")),
                sp("Aiko Mori", None),
            ]
        );
        assert_eq!(
            roster("This month we heard from Mia Lawson of Framwellgate Software, plus a lightning talk."),
            [sp("Mia Lawson", Some("Framwellgate Software"))]
        );
        assert!(roster("No speakers this month.").is_empty());
        assert_eq!(
            roster("Speakers: Dana Ruiz (Principal Engineer, Fernhill), Tom Lee (CTO at Gridline)"),
            [
                sp("Dana Ruiz", Some("Fernhill")),
                sp("Tom Lee", Some("Gridline"))
            ]
        );
    }

    #[test]
    fn first_names_resolve_to_the_full_name_and_org() {
        let mut people = People::default();
        people.add(&sp("Dana Ruiz", None));
        people.add(&sp("Dana", Some("Fernhill")));
        people.add(&sp("Dr Alan Brook", Some("Northgate")));
        people.finish();
        assert_eq!(
            people.resolve(&sp("Dana", None)),
            sp("Dana Ruiz", Some("Fernhill"))
        );
        assert_eq!(
            people.resolve(&sp("Alan Brook", None)),
            sp("Alan Brook", Some("Northgate"))
        );
        assert_eq!(people.resolve(&sp("Omar", None)), sp("Omar", None));
    }

    #[test]
    fn first_name_mentions_need_a_talk_cue() {
        let mut people = People::default();
        people.add(&sp("Mia Lawson", Some("Framwellgate")));
        people.add(&sp("Ade Okonkwo", None));
        let names = |text: &str| -> Vec<String> {
            people
                .mentions(text, &[])
                .into_iter()
                .map(|m| m.speaker.name)
                .collect()
        };
        assert_eq!(names("Ade rounded off the evening"), ["Ade Okonkwo"]);
        assert_eq!(names("Tobias and Ade then asked"), ["Ade Okonkwo"]);
        assert_eq!(names("Mia's discussion on paths"), ["Mia Lawson"]);
        assert!(names("Mia's point about costs").is_empty());
        assert!(names("Ade Smith spoke").is_empty());
    }

    #[test]
    fn person_names_are_short_and_capitalised() {
        assert!(is_person_name("Mary J. Stone"));
        assert!(is_person_name("Dr Alan Brook"));
        assert!(!is_person_name("Age of AI"));
        assert!(!is_person_name("AI"));
        assert!(!is_person_name("Why We Deleted Our Service Mesh"));
        assert!(!is_person_name("Practical Insights"));
        assert!(!is_person_name("Scaling Kubernetes"));
    }

    #[test]
    fn works_at_gives_an_organisation() {
        assert_eq!(
            works_at("It was great. Kieran works at Hoo Peninsula Software. He said"),
            [sp("Kieran", Some("Hoo Peninsula Software"))]
        );
    }
}
