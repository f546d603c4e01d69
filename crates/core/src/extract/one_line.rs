//! Talks told on one line: a bullet, a table row or a heading that names the speaker and the
//! title side by side.
//!
//! - `**Marta Lindqvist** (Birchfield Energy) — *Cheap Clusters* ([from 3:15](…))`
//! - `"What does Platform mean (to you?)" - Mia's discussion on … (starting at 2:45)`
//! - `**Alerts Are a Product** by Gemma Price (Chesham Logistics) — [video](…)`
//! - `| 3:45 | Imran Qureshi | Wendover Cloud | [Retries Considered Harmful](…) |`
//! - `### Jodie Marsh (Cressbrook Labs): Flaky Tests Are Bugs`

use super::flat::{flatten, is_clock, is_generic, is_resource_link, Flat, FlatLink};
use super::link_start;
use super::names::is_person_name;
use super::people::reads_as_people;
use super::people::People;
use super::speakers::possessive;
use super::speakers::{speaker_line, speaker_list};
use super::text::{clean_title, squash};
use crate::blocks::{plain_text, Inline};
use crate::feed::{Speaker, Talk};
use crate::time::{find_clocks, parse_clock};

/// The longest line, in bytes, read as a talk on one line.
const MAX_LINE: usize = 600;

/// The most words on a line's speakers' side when it names a panel, each with their
/// organisation: "A (X), B (Y) and C (Z)".
const MAX_PANEL_WORDS: usize = 24;

/// What separates the speaker from the title on one line, most telling first.
const SEPARATORS: &[&str] = &[" — ", " – ", " | ", " - ", " by ", ": "];

/// A talk told on one line: speakers on one side of a separator, the title on the other, and a
/// moment anywhere (a time link, "(starting at 1:01:12)", a `[video](…?t=…)` link).
pub(super) fn line_talk(line: &[Inline], people: &People) -> Option<Talk> {
    let flat = flatten(line);
    // A talk on one line is a short line; a long one is prose, and is read as prose.
    if flat.text.len() > MAX_LINE {
        return None;
    }
    let moment = flat.links.iter().find(|l| names_moment(l));
    let mut masked: Vec<u8> = flat.text.clone().into_bytes();
    if let Some(link) = moment {
        blank(&mut masked, link.start, link.end);
    }
    let mut text_time = None;
    for (open, close) in clock_groups(&flat.text) {
        text_time = text_time.or_else(|| {
            find_clocks(flat.text.get(open..close).unwrap_or_default())
                .first()
                .map(|c| c.seconds)
        });
        blank(&mut masked, open, close);
    }
    if let Some(clock) = find_clocks(&flat.text).first().filter(|c| c.start == 0) {
        text_time = text_time.or(Some(clock.seconds));
        blank(&mut masked, clock.start, clock.end);
    }
    // "… Rust at the Edge ⏱️ 31:05": a time that ends the line, after any marks.
    let tail = flat
        .text
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | ']'));
    if let Some(clock) = find_clocks(tail).last().filter(|c| c.end == tail.len()) {
        let before = tail.get(..clock.start).unwrap_or_default().trim_end();
        let marked = before.ends_with(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | ']'));
        if marked && clock.start > 0 {
            text_time = text_time.or(Some(clock.seconds));
            blank(&mut masked, clock.start, clock.end);
        }
    }
    let masked = String::from_utf8(masked).ok()?;
    let sides = split_sides(&masked, people)?;
    let (title, title_link) = side_title(&flat, &masked, sides.title)?;
    // "Dana Ruiz — Fernhill": one plain capitalised word beside a name is where they work.
    let plain_word = title_link.is_none()
        && !title.contains(' ')
        && !flat
            .emphases
            .iter()
            .any(|&(s, e)| s >= sides.title.0 && e <= sides.title.1);
    if plain_word && sides.speakers.iter().all(|s| s.org.is_none()) {
        return None;
    }
    let mut talk = Talk {
        title: Some(title),
        speakers: sides.speakers,
        ..Talk::default()
    };
    let title_start = title_link.and_then(|l| link_start(&l.url));
    if let Some(link) = title_link {
        talk.video_url = Some(link.url.clone());
    }
    match (title_start, moment) {
        (Some(start), _) => talk.start = Some(start),
        (None, Some(link)) => {
            talk.start = link_start(&link.url).or_else(|| clock_in(&link.text));
            if talk.video_url.is_none() || link_start(&link.url).is_some() {
                talk.video_url = Some(link.url.clone());
            }
        }
        (None, None) => talk.start = text_time,
    }
    talk.start = talk.start.or(text_time);
    Some(talk)
}

/// A link that names a moment of the recording: "3:15", "watch from 4:50", "video".
fn names_moment(link: &FlatLink) -> bool {
    let timed = link_start(&link.url).is_some();
    is_clock(&link.text)
        || (clock_in(&link.text).is_some() && link.text.split_whitespace().count() <= 4)
        || (timed && is_generic(&link.text))
}

/// The first clock written in some text.
fn clock_in(text: &str) -> Option<u32> {
    find_clocks(text).first().map(|c| c.seconds)
}

/// Parenthesised groups that hold a clock: "(starting at 49:50)", "([from 3:15](…))".
fn clock_groups(text: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('(')).map(|i| from + i) {
        let Some(close) = text
            .get(open..)
            .and_then(|t| t.find(')'))
            .map(|i| open + i + 1)
        else {
            break;
        };
        if !find_clocks(text.get(open..close).unwrap_or_default()).is_empty() {
            groups.push((open, close));
        }
        from = close;
    }
    groups
}

/// Replaces bytes with spaces, keeping positions. The ranges are whole characters, so the
/// result is still UTF-8.
fn blank(bytes: &mut [u8], start: usize, end: usize) {
    let end = end.min(bytes.len());
    for byte in bytes.iter_mut().take(end).skip(start) {
        *byte = b' ';
    }
}

/// The two sides of a line: who spoke, and the byte range that holds the title.
struct Sides {
    speakers: Vec<Speaker>,
    title: (usize, usize),
    /// How sure the speakers' side is (a known person, an organisation, a full name).
    score: u32,
}

/// Splits a line into the side that names the speakers and the side that holds the title.
fn split_sides(masked: &str, people: &People) -> Option<Sides> {
    let mut best: Option<Sides> = None;
    for sep in SEPARATORS {
        for (at, _) in masked.match_indices(sep) {
            let left = trim_range(masked, 0, at);
            let right = trim_range(masked, at + sep.len(), masked.len());
            if left.0 >= left.1 || right.0 >= right.1 {
                continue;
            }
            // "Title by Name"; "Name (Org): Title", where "Our line-up: A (X), B (Y)" after a
            // colon is a roster, not a talk.
            let sides = if *sep == " by " {
                vec![(right, left)]
            } else if *sep == ": " {
                vec![(left, right)]
            } else {
                vec![(left, right), (right, left)]
            };
            for (who, title) in sides {
                let side = masked.get(who.0..who.1).unwrap_or_default();
                let Some((score, speakers)) = people_side(side, people) else {
                    continue;
                };
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(Sides {
                        speakers,
                        title,
                        score,
                    });
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

/// A range without the white space and separators at its ends.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(part) = text.get(start..end) else {
        return (start, start);
    };
    // Separators, and marks that are not words (a microphone emoji before a name).
    let junk = |c: char| {
        c.is_whitespace()
            || matches!(c, '|' | '—' | '–' | '-' | ':' | ',')
            || !(c.is_alphanumeric() || "\"“‘'([*_@#&.?!)]”’".contains(c))
    };
    let lead = part.len() - part.trim_start_matches(junk).len();
    let trimmed = part.trim_matches(junk);
    (start + lead, start + lead + trimmed.len())
}

/// The speakers a side names, with how sure that is: "Name (Org)", "Name, Org", "Name from
/// Org", "**Name**", or "Mia's discussion on …".
fn people_side(side: &str, people: &People) -> Option<(u32, Vec<Speaker>)> {
    let side = squash(side);
    let words: Vec<&str> = side.split_whitespace().collect();
    // "Mia's discussion on …", "Kieran Doyle's talk on …"
    for (n, word) in words.iter().enumerate().take(3) {
        if let Some(last) = possessive(word) {
            let mut name: Vec<&str> = words.get(..n).unwrap_or_default().to_vec();
            name.push(last);
            let name = name.join(" ");
            // A first name alone must be one the post gives in full elsewhere.
            let speaker = people.resolve(&Speaker { name, org: None });
            if is_person_name(&speaker.name) && speaker.name.contains(' ') {
                return Some((3, vec![speaker]));
            }
        }
    }
    // A panel names each person with their organisation in brackets.
    let most = if side.contains('(') {
        MAX_PANEL_WORDS
    } else {
        10
    };
    if words.len() > most || !reads_as_people(&side) {
        return None;
    }
    let speakers: Vec<Speaker> = speaker_line(&side)
        .iter()
        .map(|s| people.resolve(s))
        .collect();
    if speakers.is_empty() || !speakers.iter().all(|s| is_person_name(&s.name)) {
        return None;
    }
    let with_org = speakers.iter().any(|s| s.org.is_some());
    let full = speakers.iter().all(|s| s.name.contains(' '));
    let score = u32::from(with_org) * 2 + u32::from(full) + 1;
    (full || with_org).then_some((score, speakers))
}

/// The title on its side of the line: a link's text, emphasis, quotation or the plain words.
fn side_title<'f>(
    flat: &'f Flat,
    masked: &str,
    side: (usize, usize),
) -> Option<(String, Option<&'f FlatLink>)> {
    let within = |s: usize, e: usize| s >= side.0 && e <= side.1;
    if let Some(link) = flat.links.iter().find(|l| {
        within(l.start, l.end) && !is_resource_link(l) && !is_generic(&l.text) && !is_clock(&l.text)
    }) {
        return clean_title(&link.text).map(|t| (t, Some(link)));
    }
    if let Some(&(s, e)) = flat.emphases.iter().find(|(s, e)| within(*s, *e)) {
        if let Some(title) = flat.text.get(s..e).and_then(clean_title) {
            return Some((title, None));
        }
    }
    // Plain words, without the links that are not titles ("[LinkedIn](…)", "[slides](…)").
    let mut bytes = masked.as_bytes().to_vec();
    for link in flat.links.iter().filter(|l| within(l.start, l.end)) {
        blank(&mut bytes, link.start, link.end);
    }
    let plain = String::from_utf8(bytes).ok()?;
    let plain = squash(plain.get(side.0..side.1)?);
    let title = clean_title(&plain)?;
    (title.chars().any(char::is_alphabetic) && !is_slot_label(&title)).then_some((title, None))
}

/// "Talk 1", "Session 2", "Lightning talk": the name of a slot in the programme, not a title.
pub(super) fn is_slot_label(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let bare =
        lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '#');
    matches!(
        bare,
        "talk"
            | "talks"
            | "session"
            | "speaker"
            | "speakers"
            | "our speakers"
            | "presenters"
            | "part"
            | "lightning talk"
            | "keynote"
            | "slot"
            | "agenda"
            | "line-up"
            | "lineup"
    )
}

/// The role of a table column, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Time,
    Title,
    Speaker,
    Org,
    Other,
}

/// A column heading's role.
fn column(heading: &str) -> Column {
    let lower = heading.trim().to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["speaker", "presenter", "who", "name", "by"]) {
        Column::Speaker
    } else if has(&["talk", "title", "topic", "session", "subject"]) {
        Column::Title
    } else if has(&["time", "start", "when", "video", "recording", "timestamp"]) {
        Column::Time
    } else if has(&["company", "org", "employer", "affiliation", "from", "works"]) {
        Column::Org
    } else {
        Column::Other
    }
}

/// Splits a table row (cells separated by `|`) into its cells, without the blank ones outside
/// its outer pipes.
pub(super) fn cells(line: &[Inline]) -> Vec<Vec<Inline>> {
    let mut cells = split_cells(line);
    let blank = |c: &Vec<Inline>| plain_text(c).trim().is_empty();
    while cells.first().is_some_and(blank) && cells.len() > 1 {
        cells.remove(0);
    }
    while cells.last().is_some_and(blank) && cells.len() > 1 {
        cells.pop();
    }
    cells
}

/// The cells of a row as written, with a blank one before a leading pipe and after a trailing
/// one.
fn split_cells(line: &[Inline]) -> Vec<Vec<Inline>> {
    let mut cells: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in line {
        match inline {
            Inline::Text(text) => {
                let mut parts = text.split('|');
                if let (Some(first), Some(cell)) = (parts.next(), cells.last_mut()) {
                    crate::blocks::push_text(cell, first);
                }
                for part in parts {
                    let mut cell = Vec::new();
                    crate::blocks::push_text(&mut cell, part);
                    cells.push(cell);
                }
            }
            other => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(other.clone());
                }
            }
        }
    }
    cells
}

/// A row's cells, in the columns its table's heading row gives: where the heading has a blank
/// cell outside an outer pipe, so does the row, and only that one is dropped. A blank cell
/// inside ("| | Name | Org | Title |", a talk with no time) keeps its column.
fn row_cells(row: &[Inline], head: &[Vec<Inline>]) -> Vec<Vec<Inline>> {
    let blank = |c: &Vec<Inline>| plain_text(c).trim().is_empty();
    let mut cells = split_cells(row);
    if head.first().is_some_and(blank) && cells.first().is_some_and(blank) {
        cells.remove(0);
    }
    if head.last().is_some_and(blank) && cells.last().is_some_and(blank) && cells.len() > 1 {
        cells.pop();
    }
    cells
}

/// Whether these lines are rows of a table: two or more with a cell separator.
pub(super) fn is_table(lines: &[Vec<Inline>]) -> bool {
    lines
        .iter()
        .filter(|l| plain_text(l).contains(" | "))
        .count()
        >= 2
}

/// The talks of a table. With a heading row, columns are read by their headings; without one,
/// each row is read as a line ([`line_talk`]).
pub(super) fn table_talks(lines: &[Vec<Inline>], people: &People) -> Vec<Talk> {
    let Some((head, rows)) = lines.split_first() else {
        return Vec::new();
    };
    let head_raw = split_cells(head);
    let head_cells = cells(head);
    let columns: Vec<Column> = head_cells.iter().map(|c| column(&plain_text(c))).collect();
    let headed = head_cells
        .iter()
        .all(|c| !c.iter().any(|i| matches!(i, Inline::Link { .. })))
        && columns.contains(&Column::Title)
        && columns.contains(&Column::Speaker);
    if !headed {
        return lines
            .iter()
            .filter_map(|line| line_talk(line, people))
            .collect();
    }
    rows.iter()
        .filter_map(|row| row_talk(&row_cells(row, &head_raw), &columns, people))
        .collect()
}

/// What an organisation cell says of the speakers beside it.
enum OrgCell {
    /// One organisation for each speaker, in order: "Yarrow Labs and Fenwick".
    Each(Vec<String>),
    /// One organisation for all of them: "Copper & Vine".
    Shared(String),
}

/// Reads an organisation cell beside `speakers` speakers: as many organisations as speakers,
/// separated by "and", commas or semicolons, are one each; anything else is shared.
fn org_parts(cell: &str, speakers: usize) -> OrgCell {
    if speakers >= 2 {
        let each: Vec<String> = cell
            .split("; ")
            .flat_map(|p| p.split(", "))
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim().trim_start_matches("and ").trim())
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        if each.len() == speakers {
            return OrgCell::Each(each);
        }
    }
    OrgCell::Shared(cell.to_owned())
}

/// One row of a table with known columns.
fn row_talk(row: &[Vec<Inline>], columns: &[Column], people: &People) -> Option<Talk> {
    let mut talk = Talk::default();
    let mut org = None;
    let mut time_link: Option<(String, Option<u32>)> = None;
    let mut text_time = None;
    for (cell, column) in row.iter().zip(columns) {
        let text = squash(&plain_text(cell));
        let link = cell.iter().find_map(|i| match i {
            Inline::Link { text, url } => Some((text.clone(), url.clone())),
            _ => None,
        });
        match column {
            Column::Title => {
                talk.title = clean_title(&text);
                if let Some((_, url)) = link {
                    talk.start = link_start(&url);
                    talk.video_url = Some(url);
                }
            }
            Column::Speaker => {
                // Beside a column of organisations, a comma separates two people.
                let names_only = columns.contains(&Column::Org);
                talk.speakers = speaker_list(&text, names_only)
                    .iter()
                    .map(|s| people.resolve(s))
                    .filter(|s| is_person_name(&s.name))
                    .collect();
            }
            Column::Org => org = Some(text).filter(|t| !t.is_empty()),
            Column::Time => {
                text_time = parse_clock(&text).or_else(|| clock_in(&text));
                if let Some((_, url)) = link {
                    time_link = Some((url.clone(), link_start(&url)));
                }
            }
            Column::Other => {}
        }
    }
    let orgs = org.as_deref().map(|o| org_parts(o, talk.speakers.len()));
    for (i, speaker) in talk.speakers.iter_mut().enumerate() {
        if speaker.org.is_none() {
            speaker.org = match &orgs {
                Some(OrgCell::Each(each)) => each.get(i).cloned(),
                Some(OrgCell::Shared(one)) => Some(one.clone()),
                None => None,
            };
        }
    }
    if let Some((url, start)) = time_link {
        if talk.video_url.is_none() {
            talk.video_url = Some(url);
            talk.start = start;
        }
    }
    talk.start = talk.start.or(text_time);
    (talk.title.is_some() && !talk.speakers.is_empty()).then_some(talk)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::extract::test_inlines::{link, sp, text};

    #[test]
    fn a_bold_name_then_a_title() {
        let line = vec![
            Inline::Emphasis("Marta Lindqvist".into()),
            text(" (Birchfield Energy) — "),
            Inline::Emphasis("Cheap Clusters, Expensive Mistakes".into()),
            text(" ("),
            link("from 3:15", "https://youtu.be/AbCdEfGhIjK?t=195"),
            text(")"),
        ];
        let talk = line_talk(&line, &People::default()).unwrap();
        assert_eq!(
            talk.title.as_deref(),
            Some("Cheap Clusters, Expensive Mistakes")
        );
        assert_eq!(
            talk.speakers,
            [sp("Marta Lindqvist", Some("Birchfield Energy"))]
        );
        assert_eq!(talk.start, Some(195));
    }

    #[test]
    fn a_quoted_title_then_a_first_name() {
        let mut people = People::default();
        people.add(&sp("Mia Lawson", Some("Framwellgate")));
        let line = vec![text(
            "\"What does Platform mean (to you?)\" - Mia's discussion on words (starting at 2:45)",
        )];
        let talk = line_talk(&line, &people).unwrap();
        assert_eq!(
            talk.title.as_deref(),
            Some("What does Platform mean (to you?)")
        );
        assert_eq!(talk.speakers, [sp("Mia Lawson", Some("Framwellgate"))]);
        assert_eq!(talk.start, Some(165));
    }

    #[test]
    fn a_title_by_a_speaker() {
        let line = vec![
            Inline::Emphasis("The Quiet Pager".into()),
            text(" by Ahmed Farouk (Risborough Bank) — "),
            link("video", "https://youtu.be/AbCdEfGhIjK?t=1630"),
        ];
        let talk = line_talk(&line, &People::default()).unwrap();
        assert_eq!(talk.title.as_deref(), Some("The Quiet Pager"));
        assert_eq!(talk.speakers[0].name, "Ahmed Farouk");
        assert_eq!(talk.start, Some(1630));
    }

    #[test]
    fn slot_labels_are_not_titles() {
        assert!(is_slot_label("Talk 1"));
        assert!(is_slot_label("Lightning talk #2"));
        assert!(!is_slot_label("Talk Less, Ship More"));
        let line = vec![text("Talk 1 – Ana Costa, Blue Heron Data")];
        assert!(line_talk(&line, &People::default()).is_none());
        let profile = vec![
            text("Dan Ode (Quayside Bank) - "),
            link("LinkedIn", "https://linkedin.example/in/dan"),
        ];
        assert!(line_talk(&profile, &People::default()).is_none());
    }

    #[test]
    fn a_name_and_an_organisation_are_not_a_talk() {
        assert!(line_talk(&[text("Dana Ruiz — Fernhill")], &People::default()).is_none());
    }

    #[test]
    fn lines_without_a_person_are_not_talks() {
        let people = People::default();
        assert!(line_talk(&[text("Storage Is Still Hard - Why We Care")], &people).is_none());
        assert!(line_talk(&[text("Rosa Delgado (Carnforth Streaming)")], &people).is_none());
        assert!(line_talk(&[text("Cache keys are an API; version them.")], &people).is_none());
    }

    #[test]
    fn a_table_is_read_by_its_headings() {
        let lines = vec![
            vec![text("Time | Speaker | Company | Talk | ")],
            vec![
                text("3:45 | Imran Qureshi | Wendover Cloud | "),
                link(
                    "Retries Considered Harmful",
                    "https://youtu.be/AbCdEfGhIjK?t=225",
                ),
                text(" | "),
            ],
            vec![text("55:00 | Connor Walsh |  | Nine Lives | ")],
        ];
        assert!(is_table(&lines));
        let talks = table_talks(&lines, &People::default());
        assert_eq!(talks.len(), 2);
        assert_eq!(
            talks[0].speakers,
            [sp("Imran Qureshi", Some("Wendover Cloud"))]
        );
        assert_eq!(talks[0].start, Some(225));
        assert_eq!(talks[1].speakers, [sp("Connor Walsh", None)]);
        assert_eq!(talks[1].start, Some(3300));
        assert_eq!(talks[1].title.as_deref(), Some("Nine Lives"));
    }

    /// A table as the block builders give it: cells separated by " | ", a row a line.
    fn table(rows: &[&str]) -> Vec<Vec<Inline>> {
        rows.iter().map(|r| vec![text(r)]).collect()
    }

    #[test]
    fn a_row_with_no_time_is_still_a_talk() {
        let lines = table(&[
            "Time | Speaker | Org | Talk | ",
            " | Odile Farrant | Halyard | Kilns and Caches | ",
            "12:30 | Pim Vasquez-Rowe |  | Lanterns for Latency | ",
        ]);
        let talks = table_talks(&lines, &People::default());
        assert_eq!(talks.len(), 2, "{talks:#?}");
        assert_eq!(talks[0].title.as_deref(), Some("Kilns and Caches"));
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", Some("Halyard"))]);
        assert_eq!(talks[0].start, None);
        assert_eq!(talks[1].speakers, [sp("Pim Vasquez-Rowe", None)]);
        // Written with the outer pipes, as a paragraph that is not a parsed table.
        let lines = table(&[
            "| Time | Speaker | Org | Talk |",
            "|  | Odile Farrant | Halyard | Kilns and Caches |",
        ]);
        let talks = table_talks(&lines, &People::default());
        assert_eq!(talks.len(), 1, "{talks:#?}");
        assert_eq!(talks[0].speakers, [sp("Odile Farrant", Some("Halyard"))]);
    }

    #[test]
    fn several_people_in_a_speaker_cell() {
        let lines = table(&[
            "Starts | Who | Company | Title | ",
            "3:10 | Odile Farrant, Pim Vasquez-Rowe and Sunniva Ek | Halyard | Kilns and Caches | ",
            "20:00 | Tobin Graylark and Wenna Ostrow | Brine Works and Ember & Quill | Salt Your Logs | ",
            "41:00 | Ivo Marchetti and Lise Brann | Ember & Quill | Lanterns for Latency | ",
        ]);
        let talks = table_talks(&lines, &People::default());
        assert_eq!(talks.len(), 3, "{talks:#?}");
        assert_eq!(
            talks[0].speakers,
            [
                sp("Odile Farrant", Some("Halyard")),
                sp("Pim Vasquez-Rowe", Some("Halyard")),
                sp("Sunniva Ek", Some("Halyard")),
            ]
        );
        assert_eq!(
            talks[1].speakers,
            [
                sp("Tobin Graylark", Some("Brine Works")),
                sp("Wenna Ostrow", Some("Ember & Quill")),
            ]
        );
        assert_eq!(
            talks[2].speakers,
            [
                sp("Ivo Marchetti", Some("Ember & Quill")),
                sp("Lise Brann", Some("Ember & Quill")),
            ]
        );
    }

    #[test]
    fn a_panel_in_one_cell_with_its_organisations() {
        let lines = table(&[
            "Time | Speaker | Talk | ",
            "38:30 | Odile Farrant (Halyard), Pim Vasquez-Rowe (Brine Works), Sunniva Ek (Ember & Quill) | Panel: who holds the lantern? | ",
        ]);
        let talks = table_talks(&lines, &People::default());
        assert_eq!(talks.len(), 1, "{talks:#?}");
        assert_eq!(
            talks[0].speakers,
            [
                sp("Odile Farrant", Some("Halyard")),
                sp("Pim Vasquez-Rowe", Some("Brine Works")),
                sp("Sunniva Ek", Some("Ember & Quill")),
            ]
        );
        assert_eq!(talks[0].start, Some(2310));
    }

    #[test]
    fn a_panel_on_one_line() {
        let line = vec![text(
            "Odile Farrant (Ember & Quill), Pim Vasquez-Rowe (Halyard) and Sunniva Ek (Brine & Co) — Who Holds the Lantern? (starting at 40:00)",
        )];
        let talk = line_talk(&line, &People::default()).unwrap();
        assert_eq!(talk.title.as_deref(), Some("Who Holds the Lantern?"));
        assert_eq!(
            talk.speakers,
            [
                sp("Odile Farrant", Some("Ember & Quill")),
                sp("Pim Vasquez-Rowe", Some("Halyard")),
                sp("Sunniva Ek", Some("Brine & Co")),
            ]
        );
        assert_eq!(talk.start, Some(2400));
    }

    #[test]
    fn a_roster_after_a_colon_is_no_talk() {
        let line = vec![text(
            "Tonight's speakers: Odile Farrant (Halyard), Pim Vasquez-Rowe (Brine Works) and Sunniva Ek (Ember & Quill).",
        )];
        assert!(line_talk(&line, &People::default()).is_none());
        let line = vec![text("Odile Farrant (Halyard): Kilns and Caches")];
        let talk = line_talk(&line, &People::default()).unwrap();
        assert_eq!(talk.title.as_deref(), Some("Kilns and Caches"));
    }

    #[test]
    fn a_time_is_no_organisation() {
        let line = vec![
            link("Watch from 41:00", "https://youtu.be/QwErTyUiOp1?t=2460"),
            text(" — Kilns and Caches"),
        ];
        assert!(line_talk(&line, &People::default()).is_none());
    }
}
