//! Word-level helpers shared by the extractor's readers.

/// Words that start a sentence or clause with a capital letter but are never part of a name.
const LEAD_INS: &[&str] = &[
    "A",
    "After",
    "Afterwards",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "Closing",
    "Finally",
    "First",
    "Following",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "In",
    "It",
    "Kicking",
    "Last",
    "Lastly",
    "Later",
    "Meanwhile",
    "Next",
    "Opening",
    "Our",
    "Rounding",
    "Second",
    "She",
    "Starting",
    "The",
    "Their",
    "Then",
    "They",
    "Third",
    "This",
    "To",
    "Up",
    "We",
    "With",
    "Wrapping",
    "Thanks",
    "Special",
    "Huge",
    "Big",
    "Many",
    "Once",
    "Hot",
    "Fresh",
    "Straight",
    "Back",
    "Following",
    "Headlining",
    "Leading",
    "Your",
    "Why",
    "How",
    "What",
    "When",
    "Where",
    "Is",
    "Are",
    "Do",
    "Does",
    "Was",
    "Were",
    "Not",
    "Both",
    "Everyone",
    "Thank",
];

/// Lower-case words that may sit inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le", "bin", "al", "el",
    "ter", "ten", "dos", "das",
];

/// Titles written before a name that are not part of it.
const HONORIFICS: &[&str] = &[
    "Dr",
    "Prof",
    "Professor",
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Sir",
    "Dame",
];

/// Words that title case leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with",
    "from", "by", "as", "vs", "via", "into", "per", "is", "are", "it", "its", "not",
];

/// A word of running text with its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    /// The word without surrounding punctuation.
    pub text: &'a str,
    /// Byte offset of `text` in the source.
    pub start: usize,
    /// Byte offset just past `text`.
    pub end: usize,
    /// Punctuation right before the word (`(`, `"`, `“`).
    pub opens: bool,
    /// Punctuation right after the word ends a clause (`,`, `.`, `;`, `:`, `)`, `?`, `!`).
    pub closes: bool,
}

impl Word<'_> {
    /// Whether `c` comes right after the word in `text`.
    pub(super) fn followed_by(&self, text: &str, c: char) -> bool {
        text.get(self.end..).is_some_and(|rest| rest.starts_with(c))
    }

    /// Whether `c` comes right before the word in `text`.
    pub(super) fn preceded_by(&self, text: &str, c: char) -> bool {
        text.get(..self.start).is_some_and(|head| head.ends_with(c))
    }
}

/// The word before position `at`.
pub(super) fn word_before<'w, 'a>(words: &'w [Word<'a>], at: usize) -> Option<&'w Word<'a>> {
    words.get(at.checked_sub(1)?)
}

/// The byte range from the start of word `from` to the end of the word before `to`.
pub(super) fn word_span(words: &[Word<'_>], from: usize, to: usize) -> Option<(usize, usize)> {
    Some((words.get(from)?.start, word_before(words, to)?.end))
}

/// The text of the words `from..to`; empty when there are none.
pub(super) fn span_text<'t>(text: &'t str, words: &[Word<'_>], from: usize, to: usize) -> &'t str {
    word_span(words, from, to)
        .and_then(|(start, end)| text.get(start..end))
        .unwrap_or_default()
}

/// Splits text into words, keeping positions and noting clause punctuation.
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let token = raw.trim_end();
        let token_start = offset;
        offset += raw.len();
        let leading = token.len() - token.trim_start_matches(is_open_punct).len();
        let inner = token.trim_start_matches(is_open_punct);
        let core = inner.trim_end_matches(is_close_punct);
        if core.is_empty() {
            if let Some(last) = words.last_mut() {
                let last: &mut Word<'_> = last;
                last.closes |= token.chars().any(is_clause_end);
            }
            continue;
        }
        let trailing = inner.get(core.len()..).unwrap_or_default();
        // "Mary J. Stone", "Dr. Alan Brook": the full stop of an abbreviation ends nothing.
        let abbreviation = trailing == "." && (is_initial(core) || is_honorific(core));
        words.push(Word {
            text: core,
            start: token_start + leading,
            end: token_start + leading + core.len(),
            opens: leading > 0,
            closes: trailing.chars().any(is_clause_end) && !abbreviation,
        });
    }
    words
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '"' | '“' | '‘' | '[' | '\'' | '*' | '_')
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        ')' | '"' | '”' | '’' | ']' | ',' | '.' | ';' | ':' | '!' | '?' | '\'' | '*' | '_'
    )
}

fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?' | '(')
}

/// A single capital letter, as in a middle initial.
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// "Dr", "Prof." and the like.
pub(super) fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word.trim_end_matches('.'))
}

/// A name without a leading honorific: "Dr Alan Brook" → "Alan Brook".
pub(super) fn strip_honorific(name: &str) -> &str {
    let name = name.trim();
    match name.split_once(char::is_whitespace) {
        Some((first, rest)) if is_honorific(first) && !rest.trim().is_empty() => rest.trim(),
        _ => name,
    }
}

/// Whether a phrase is written in title case: it starts with a capital, and at least three in
/// four of its other words that title case capitalises are capitalised ("Calm in a Crisis",
/// "Is OpenSource Enterprise APM a reality?", not "Terraform modules").
pub(super) fn is_title_cased(phrase: &str) -> bool {
    let mut words = phrase
        .split_whitespace()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    if !words.next().is_some_and(is_capitalised) {
        return false;
    }
    let (mut major, mut capitalised) = (0usize, 0usize);
    for word in words {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if MINOR_WORDS.contains(&bare) || !bare.starts_with(char::is_alphabetic) {
            continue;
        }
        major += 1;
        if is_capitalised(bare) {
            capitalised += 1;
        }
    }
    capitalised * 4 >= major * 3
}

/// A word that title case leaves in lower case: "of", "the", "and".
pub(super) fn is_minor(word: &str) -> bool {
    MINOR_WORDS.contains(&word)
}

/// Starts with an upper-case letter or a digit.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Could be part of a person's name.
pub(super) fn is_name_word(word: &str) -> bool {
    (word.chars().next().is_some_and(char::is_uppercase) && !LEAD_INS.contains(&word))
        || NAME_PARTICLES.contains(&word)
}

/// Is a capitalised word that opens a clause rather than naming someone.
pub(super) fn is_lead_in(word: &str) -> bool {
    LEAD_INS.contains(&word)
}

/// Trims white space, wrapping quotes and a trailing `.`, `,` or `:` from a title.
pub(super) fn clean_title(title: &str) -> Option<String> {
    let mut t = title.trim();
    loop {
        let before = t;
        t = t.trim_end_matches(['.', ',', ':', ';']).trim();
        // "🎙️ Title ⏱️": marks around a title are not part of it.
        t = t.trim_matches(is_decoration).trim();
        for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')] {
            if let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close)) {
                t = inner.trim();
            }
        }
        if t.len() == before.len() {
            break;
        }
    }
    (!t.is_empty()).then(|| t.to_owned())
}

/// A mark set around a title rather than in it: pictographs, arrows, a variation selector,
/// a dash or bar left over from a separator. Not "+" or "#" ("C++", "C#").
fn is_decoration(c: char) -> bool {
    (u32::from(c) >= 0x2190 && !c.is_alphanumeric() && !matches!(c, '”' | '’' | '…'))
        || matches!(c, '\u{fe0f}' | '\u{200d}' | '—' | '–' | '|' | '•' | '·')
}

/// Collapses runs of white space into single spaces and trims.
pub(super) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The run of text that a prose title can take: up to "(starting", a sentence's end, a dash
/// clause, or a comma followed by a lower-case word (", explaining that …").
pub(super) fn title_run(text: &str) -> &str {
    let mut end = text.len();
    for stop in [
        " (",
        "(starting",
        ". ",
        "\n",
        " — ",
        " – ",
        "; ",
        ", where ",
        ", which ",
        ", and ",
    ] {
        if let Some(i) = text.find(stop) {
            end = end.min(i);
        }
    }
    for stop in ["? ", "! "] {
        if let Some(i) = text.find(stop) {
            end = end.min(i + 1);
        }
    }
    if let Some(i) = comma_clause(text) {
        end = end.min(i);
    }
    text.get(..end).unwrap_or_default()
}

/// Where ", " followed by a lower-case word starts, if anywhere.
pub(super) fn comma_clause(text: &str) -> Option<usize> {
    text.match_indices(", ").map(|(i, _)| i).find(|&i| {
        text.get(i + 2..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_lowercase)
    })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::string_slice)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_positions_and_clause_marks() {
        let text = "Finally, Ada Lovelace (Acme) spoke.";
        let w = words(text);
        let texts: Vec<_> = w.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Finally", "Ada", "Lovelace", "Acme", "spoke"]);
        assert!(w[0].closes);
        assert!(w[3].opens && w[3].closes);
        assert_eq!(&text[w[2].start..w[2].end], "Lovelace");
    }

    #[test]
    fn titles_lose_quotes_and_trailing_punctuation_but_keep_questions() {
        assert_eq!(clean_title(" “Why YAML?” ").as_deref(), Some("Why YAML?"));
        assert_eq!(
            clean_title("\"Shipping it\".").as_deref(),
            Some("Shipping it")
        );
        assert_eq!(clean_title("Done:").as_deref(), Some("Done"));
        assert_eq!(clean_title(" . "), None);
    }

    #[test]
    fn initials_and_honorifics_do_not_end_a_clause() {
        let w = words("Mary J. Stone and Dr. Alan Brook.");
        assert!(!w[1].closes && !w[4].closes && w[6].closes);
        assert_eq!(strip_honorific("Dr Alan Brook"), "Alan Brook");
        assert_eq!(strip_honorific("Prof. Martin Ashby"), "Martin Ashby");
        assert_eq!(strip_honorific("Drew Cole"), "Drew Cole");
        assert_eq!(strip_honorific("Dr"), "Dr");
    }

    #[test]
    fn title_case_is_told_from_prose() {
        assert!(is_title_cased("Calm in a Crisis"));
        assert!(is_title_cased(
            "Servers or Serverless - Picking Your Battles"
        ));
        assert!(is_title_cased("Is OpenSource Enterprise APM a reality?"));
        assert!(!is_title_cased("Terraform modules"));
        assert!(!is_title_cased("eBPF"));
        assert!(!is_title_cased("a look at capacity planning"));
    }

    #[test]
    fn title_runs_end_at_clauses() {
        assert_eq!(
            title_run("Policy as Code(starting at 14:21)"),
            "Policy as Code"
        );
        assert_eq!(
            title_run("Cheap Clusters, Expensive Mistakes"),
            "Cheap Clusters, Expensive Mistakes"
        );
        assert_eq!(comma_clause("A Look, and more"), Some(6));
    }
}
