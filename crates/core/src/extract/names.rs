//! Whether a string reads as one person's name: the one test of a name that the readers of
//! speakers, of the people a post names and of headings share.

use super::text::{is_name_word, strip_honorific};

/// The most words a person's name is taken to have.
pub(super) const MAX_NAME_WORDS: usize = 4;

/// Capitalised words of talk titles that are never part of a person's name.
const TITLE_WORDS: &[&str] = &[
    "Insights",
    "Lessons",
    "Learned",
    "Practical",
    "Introduction",
    "Intro",
    "Guide",
    "Journey",
    "Tales",
    "Deep",
    "Dive",
    "Beyond",
    "Building",
    "Scaling",
    "Securing",
    "Running",
    "Kubernetes",
    "Cloud",
    "Native",
    "Platform",
    "Platforms",
    "Engineering",
    "DevOps",
    "Security",
    "Observability",
    "Serverless",
    "Source",
    "Age",
    "Future",
    "Practices",
    "Patterns",
    "Lightning",
    "Talk",
    "Talks",
    "Keynote",
    "Panel",
    "Meetup",
    "Microservices",
    "Production",
    "Operators",
    "Containers",
    "Clusters",
    "Data",
    "Teams",
    "Scale",
];

/// Whether a string is one person's name: one to four name words, after an honorific, none of
/// them an acronym or a word of titles ("Practical Insights", "Age of AI" are not people).
pub(super) fn is_person_name(name: &str) -> bool {
    let name = strip_honorific(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches(['.', ',']);
            is_name_word(w) && !is_acronym(w) && !TITLE_WORDS.contains(&w)
        })
}

/// "AI", "APM": capitals only, two or more of them.
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}
