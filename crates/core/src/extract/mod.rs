//! Talk extraction: from a post's [`Block`]s to its talks, sponsors and next meetup.
//!
//! One extractor reads four shapes of recap, and mixtures of them:
//! - prose, one paragraph per talk ("Next up we had X from A discussing [Title](video?t=183)
//!   (starting at 3:03)"), each followed by a list of takeaways;
//! - a heading per talk, then a speaker line (`**Speaker:** Name, Org`), then bullets;
//! - a chapter list as in a video description (`03:03 Title — Name (Org)`, one per line);
//! - a talk on one line: a bullet, a table row or a heading with the speaker on one side of a
//!   separator and the title on the other.
//!
//! Real posts name their speakers in many ways, so the post is read twice: first for the people
//! it names (an opening roster, photos, headings), then for its talks, where a first name ("Dana
//! from Fernhill was talking about …") becomes the full name and organisation. Each cue is a
//! small named rule with tests; a speaker must look like a person.
//!
//! The `Reader` here takes the post block by block and hands each to the shape it reads as.
//! Each shape, and each thing read besides the talks, has a file of its own:
//!
//! | What is read                                 | File            |
//! |----------------------------------------------|-----------------|
//! | sentences of prose                           | `prose.rs`      |
//! | a title between the opening and the time     | `opening.rs`    |
//! | a heading per talk, labelled lines           | `headings.rs`   |
//! | chapter lines, an evening's agenda           | `chapters.rs`   |
//! | one-line talks in bullets, tables, headings  | `one_line.rs`   |
//! | rosters and first names                      | `people.rs`     |
//! | sponsors                                     | `sponsors.rs`   |
//! | the next meetup                              | `next_event.rs` |
//! | who is a speaker                             | `speakers.rs`   |
//! | words and titles                             | `text.rs`       |
//! | a paragraph's text and links, for all shapes | `flat.rs`       |
//!
//! [`score`] (`score.rs`) measures how well the extracted talks match those a careful reader would
//! write.
//!
//! It is total: every input gives a result, and what looked wrong goes into diagnostics.

#![deny(clippy::indexing_slicing, clippy::string_slice)]

mod chapters;
mod cues;
mod flat;
mod headings;
mod names;
mod next_event;
mod one_line;
mod opening;
mod people;
mod prose;
mod review;
pub mod score;
mod speakers;
mod sponsors;
#[cfg(test)]
mod test_inlines;
mod text;

use crate::blocks::{lines, plain_text, Block, Inline};
use crate::feed::{Item, Link, NextEvent, Recap, Speaker, Sponsor, Talk};
use crate::time::parse_time_param;
use crate::url::{query_of, raw_pairs};
use crate::video::{normalize_event_video, parse_video_url};
pub use cues::Cue;
pub(crate) use cues::{Cues, Shape};

pub use review::{review, Doubt};
pub(crate) use speakers::speaker_line;

/// What the front matter says about the event.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventMeta<'a> {
    /// Where it took place.
    pub location: Option<&'a str>,
    /// The recording, in any recognised form.
    pub video: Option<&'a str>,
}

impl Item {
    /// What the extractor is told besides the post itself: the place and the recording the
    /// item's own `_recap` names. Read the post's blocks with it, then [`Item::fill_from`].
    ///
    /// Here rather than beside the model, so that the model does not depend on extraction.
    pub fn extraction_meta(&self) -> EventMeta<'_> {
        let recap = self.recap.as_ref();
        EventMeta {
            location: recap.and_then(|r| r.location.as_deref()),
            video: recap.and_then(|r| r.video.as_deref()),
        }
    }
}

/// The result of reading one post.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    /// The `_recap` extension for the post's feed item.
    pub recap: Recap,
    /// For each talk of `recap.talks`, in order: which cue gave each of its fields.
    pub cues: Vec<Cues>,
    /// What a reader would want to know: disagreements, things that could not be read.
    pub diagnostics: Vec<String>,
}

/// Reads a post's blocks into its recap.
pub fn extract(blocks: &[Block], meta: EventMeta<'_>) -> Extraction {
    let blocks = split_loose_bullets(blocks);
    let mut reader = Reader {
        ctx: gather(&blocks),
        ..Reader::default()
    };
    let mut skip_next = false;
    for (index, block) in blocks.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        if matches!(block, Block::Heading { .. } | Block::Paragraph(_)) {
            reader.settle();
        }
        match block {
            Block::Heading { inlines, .. } => {
                skip_next = reader.heading(inlines, blocks.get(index + 1));
            }
            Block::Paragraph(inlines) => reader.paragraph(inlines),
            Block::List(items) => reader.list(items),
            Block::Image { alt, .. } => reader.pending = photo_person(alt),
            Block::Embed { .. } => {}
        }
    }
    reader.settle();
    merge_duplicates(&mut reader.talks, &mut reader.told);
    let mut diagnostics = reader.diagnostics;
    let video = meta
        .video
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .and_then(|v| {
            let normalized = normalize_event_video(v);
            if normalized.is_none() {
                diagnostics.push(format!(
                    "the event video \"{v}\" is not a YouTube, Vimeo or media-file link"
                ));
            }
            normalized
        });
    // Not a recap: a post with no recording and no link to a moment of one, where a talk is
    // not declared as one (a heading with its speaker line, labelled lines, a table of talks),
    // nor told in a sentence that says its speakers spoke, nor followed by what was learnt from
    // it. Show notes, a conference's headliners and a debate's sides are not talks.
    if meta.video.is_none_or(|v| v.trim().is_empty()) && !has_moment_link(&blocks) {
        let (talks, told): (Vec<Talk>, Vec<Reading>) = reader
            .talks
            .drain(..)
            .zip(reader.told.drain(..))
            .filter(|(talk, r)| {
                !talk.takeaways.is_empty()
                    || match r.shape {
                        Shape::Heading | Shape::Labelled | Shape::Table => true,
                        Shape::Prose => {
                            r.speakers != Cue::Absent && (r.spoke || talk.start.is_some())
                        }
                        // "**For:** Dana Ruiz (Fernhill)" names a side, not a talk.
                        Shape::Chapter | Shape::OneLine => {
                            !talk.speakers.is_empty()
                                && talk
                                    .title
                                    .as_deref()
                                    .is_some_and(|t| t.split_whitespace().nth(1).is_some())
                        }
                    }
            })
            .unzip();
        (reader.talks, reader.told) = (talks, told);
    }
    let cues: Vec<Cues> = reader
        .talks
        .iter()
        .zip(&reader.told)
        .map(|(talk, r)| Cues::of(r.shape, talk, r.title, r.speakers))
        .collect();
    for (number, talk) in reader.talks.iter().enumerate() {
        if talk.start.is_none() && video.is_some() {
            let name = talk.title.as_deref().unwrap_or("untitled");
            diagnostics.push(format!(
                "talk {} (\"{name}\") has no start time",
                number + 1
            ));
        }
    }
    Extraction {
        recap: Recap {
            location: meta
                .location
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
            video,
            talks: Some(reader.talks),
            next_event: reader.next_event,
            sponsors: reader.sponsors,
        },
        cues,
        diagnostics,
    }
}

/// Where the blocks being read belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    #[default]
    Body,
    NextEvent,
    Sponsors,
    /// Jobs, news, promotions: read for sponsors, never for talks.
    Aside,
}

/// Which talk the following blocks add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A talk introduced by a paragraph: the next list holds its takeaways.
    Prose(usize),
    /// A talk with its own heading: everything up to the next heading is about it.
    Heading(usize),
}

/// What the whole post says, read before its talks: who it names, and its sponsors' links.
fn gather(blocks: &[Block]) -> prose::PostContext {
    let mut ctx = prose::PostContext::default();
    let add = |inlines: &[Inline], ctx: &mut prose::PostContext| {
        for person in prose::people_in(inlines) {
            ctx.people.add(&person);
        }
        ctx.sponsor_urls.extend(sponsors::sponsor_links(inlines));
    };
    for block in blocks {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph(inlines) => add(inlines, &mut ctx),
            Block::List(items) => items.iter().for_each(|item| add(item, &mut ctx)),
            Block::Image { alt, .. } => {
                if let Some(person) = photo_person(alt) {
                    ctx.people.add(&person);
                }
            }
            Block::Embed { .. } => {}
        }
    }
    ctx.people.finish();
    ctx
}

/// The person a photo shows, when its alt text is a full name: `![Dana Ruiz](…)`,
/// `![Dana Ruiz, Fernhill](…)`, `![Photo of Dana Ruiz (Fernhill)](…)`.
fn photo_person(alt: &str) -> Option<Speaker> {
    let alt = text::squash(alt);
    let lower = alt.to_ascii_lowercase();
    let alt = ["photo of ", "picture of ", "image of "]
        .iter()
        .find_map(|p| alt.get(p.len()..).filter(|_| lower.starts_with(p)))
        .unwrap_or(&alt);
    if alt.split_whitespace().count() > 8 || !speakers::looks_like_people(alt) {
        return None;
    }
    match speaker_line(alt).as_slice() {
        [one] if one.name.contains(' ') && names::is_person_name(&one.name) => Some(one.clone()),
        _ => None,
    }
}

/// Whether a list item that reads as a talk on one line says so with more than plain words: a
/// time, a link, emphasis or a quotation.
fn marked_up(item: &[Inline], talk: &Talk) -> bool {
    talk.start.is_some()
        || item
            .iter()
            .any(|i| matches!(i, Inline::Link { .. } | Inline::Emphasis(_)))
        || plain_text(item).trim_start().starts_with(['"', '“'])
}

/// How one talk was read: its shape, the cues of its title and speakers, and whether a verb
/// said that its speakers spoke.
#[derive(Debug, Clone, Copy)]
struct Reading {
    shape: Shape,
    title: Cue,
    speakers: Cue,
    spoke: bool,
}

#[derive(Default)]
struct Reader {
    ctx: prose::PostContext,
    /// A person just shown (a photo, a heading with their name), for the next paragraph.
    pending: Option<Speaker>,
    /// A weakly told talk, kept only if takeaways follow.
    provisional: Option<usize>,
    talks: Vec<Talk>,
    /// For each talk: how it was read.
    told: Vec<Reading>,
    sponsors: Vec<Sponsor>,
    next_event: Option<NextEvent>,
    diagnostics: Vec<String>,
    section: Section,
    open: Option<Open>,
}

impl Reader {
    /// Adds a talk read from `shape`, whose title and speakers these cues gave.
    fn add(&mut self, talk: Talk, shape: Shape, title: Cue, speakers: Cue) {
        self.talks.push(talk);
        self.told.push(Reading {
            shape,
            title,
            speakers,
            spoke: false,
        });
    }

    /// Adds a talk read on one line (a bullet, a line of a paragraph, a heading, a table row).
    fn add_line(&mut self, talk: Talk, shape: Shape) {
        self.add(talk, shape, Cue::Line, Cue::Line);
    }

    /// Adds a talk told in prose.
    fn add_told(&mut self, told: prose::Told) {
        self.talks.push(told.talk);
        self.told.push(Reading {
            shape: Shape::Prose,
            title: told.title,
            speakers: told.speakers,
            spoke: told.spoke,
        });
    }

    /// Returns whether the next block was used (as the talk's speaker line).
    fn heading(&mut self, inlines: &[Inline], next: Option<&Block>) -> bool {
        self.open = None;
        self.section = Section::Body;
        let text = plain_text(inlines);
        let lower = text.to_ascii_lowercase();
        if next_event::is_next_event_heading(&lower) {
            self.section = Section::NextEvent;
            self.next_event.get_or_insert(NextEvent {
                date_text: next_event::find_date(&text),
                rsvp_url: None,
            });
            return false;
        }
        if lower.contains("sponsor") || lower.starts_with("thank") {
            self.section = Section::Sponsors;
            return false;
        }
        // After the talks, "## Severn Cloud Native April" announces the next meetup.
        let names_month = text.split_whitespace().any(next_event::is_month);
        let speaker_line_follows = matches!(next, Some(Block::Paragraph(p)) if lines(p).first().and_then(|l| headings::labelled_speakers(l)).is_some());
        // "## Jobs", "### Community news"; not "## Observability for batch jobs" over its speaker.
        if next_event::is_aside_heading(&lower)
            && text.split_whitespace().count() <= 4
            && !speaker_line_follows
        {
            self.section = Section::Aside;
            return false;
        }
        if names_month && !self.talks.is_empty() && !speaker_line_follows {
            self.section = Section::NextEvent;
            return false;
        }
        self.pending = None;
        let first_lines = match next {
            Some(Block::Paragraph(first)) => lines(first),
            _ => Vec::new(),
        };
        // "### Hannah Lowe, Buxton Bytes": the next paragraph is hers; a bold line under her
        // name is her title, not a speaker. A numbered heading ("### 2. Slow Down, Ship
        // Faster") or one that starts with its time is a talk's, whatever its words look like.
        let person = headings::heading_person(&text, &self.ctx.people);
        let talk_heading = headings::strip_talk_number(&text).len() < text.len()
            || chapters::chapter_time(inlines).is_some();
        let speaker_line = first_lines
            .first()
            .and_then(|line| headings::speaker_line_of(line))
            .filter(|(_, sure)| {
                *sure == headings::Sureness::Sure
                    || talk_heading
                    || (person.is_none() && !one_line::is_slot_label(&text))
            });
        let Some((speakers, _)) = speaker_line else {
            // "## Jodie Marsh (Cressbrook Labs): Flaky Tests Are Bugs"
            if let Some(talk) = one_line::line_talk(inlines, &self.ctx.people) {
                self.add_line(talk, Shape::OneLine);
                self.open = Some(Open::Heading(self.talks.len() - 1));
                return false;
            }
            self.pending = person;
            return false;
        };
        // "## 2. Title", "## 27:40 — Title", "## [Title](…?t=…)"
        let (title, video_url, start) = headings::heading_title(inlines);
        let mut talk = Talk {
            title,
            speakers,
            video_url,
            start,
            ..Talk::default()
        };
        for line in first_lines.iter().skip(1) {
            headings::labelled_line(line, &mut talk, &mut self.diagnostics);
        }
        self.add(talk, Shape::Heading, Cue::Heading, Cue::Label);
        self.open = Some(Open::Heading(self.talks.len() - 1));
        true
    }

    fn paragraph(&mut self, inlines: &[Inline]) {
        let text = plain_text(inlines);
        match self.section {
            Section::NextEvent => return self.next_event_from(inlines, &text),
            Section::Sponsors => return self.sponsors.extend(sponsors::sponsors(inlines, &text)),
            Section::Aside => {
                if sponsors::is_sponsor_text(&text.to_ascii_lowercase()) {
                    self.sponsors.extend(sponsors::sponsors(inlines, &text));
                }
                return;
            }
            Section::Body => {}
        }
        let line_list = lines(inlines);
        if one_line::is_table(&line_list) {
            let talks = one_line::table_talks(&line_list, &self.ctx.people);
            if !talks.is_empty() {
                self.open = None;
                for talk in talks {
                    self.add_line(talk, Shape::Table);
                }
                return;
            }
        }
        if chapters::chapter_count(&line_list) >= 2 {
            self.open = None;
            return self.chapters(&line_list);
        }
        if let Some(Open::Heading(index)) = self.open {
            let Some(talk) = self.talks.get_mut(index) else {
                return;
            };
            let mut labelled = false;
            for line in &line_list {
                labelled |= headings::labelled_line(line, talk, &mut self.diagnostics);
            }
            // "Jodie started at [2:30](…)", "[Watch from 27:45](…)"
            if let (false, None, Some((url, start))) =
                (labelled, talk.start, headings::moment(inlines))
            {
                talk.video_url.get_or_insert(url);
                talk.start = Some(start);
            }
            return;
        }
        if let Some(talk) = headings::labelled_talk(&line_list, &mut self.diagnostics) {
            self.add(talk, Shape::Labelled, Cue::Label, Cue::Label);
            self.open = Some(Open::Prose(self.talks.len() - 1));
            return;
        }
        let lower = text.to_ascii_lowercase();
        // A dated announcement is the next meetup; an undated one only if it introduces no talk.
        let announces = !has_video_time(inlines) && next_event::is_next_event_text(&lower, &text);
        if announces && next_event::find_date(&text).is_some() {
            self.open = None;
            return self.next_event_from(inlines, &text);
        }
        // Lines that each give a talk: "**Talk 1:** [Title](…) — Name, Org", one per line.
        if line_list.len() >= 2 {
            let per_line: Vec<Talk> = line_list
                .iter()
                .filter_map(|line| self.paragraph_line_talk(line))
                .collect();
            if per_line.len() == line_list.len() {
                for talk in per_line {
                    self.add_line(talk, Shape::OneLine);
                }
                self.open = Some(Open::Prose(self.talks.len() - 1));
                return;
            }
        }
        let told = prose::told(
            inlines,
            &self.ctx,
            self.pending.as_ref(),
            &mut self.diagnostics,
        );
        // "Cost Controls for Kubernetes by Dana Ruiz (Fernhill)", a line of its own.
        if let ([line], true) = (line_list.as_slice(), told.is_empty()) {
            if let Some(talk) = self.paragraph_line_talk(line) {
                self.pending = None;
                self.add_line(talk, Shape::OneLine);
                self.open = Some(Open::Prose(self.talks.len() - 1));
                return;
            }
        }
        if !told.is_empty() {
            self.pending = None;
            let last = told.len() - 1;
            for (k, told) in told.into_iter().enumerate() {
                // A weakly told talk counts only if its takeaways follow: only the last one can.
                let weak = told.weak;
                if weak && k < last {
                    continue;
                }
                self.add_told(told);
                if weak {
                    self.provisional = Some(self.talks.len() - 1);
                }
            }
            if !self.talks.is_empty() {
                self.open = Some(Open::Prose(self.talks.len() - 1));
            }
            return;
        }
        if announces {
            self.open = None;
            return self.next_event_from(inlines, &text);
        }
        if sponsors::is_sponsor_text(&lower) {
            self.sponsors.extend(sponsors::sponsors(inlines, &text));
        }
        // "Her takeaways were:" keeps the talk open for the list that follows; so do the talk's
        // slides ("The slides are [here](…).") and more about it ("She also showed …").
        if let Some(Open::Prose(index)) = self.open {
            let talk = self.talks.get_mut(index);
            if talk.is_some_and(|talk| prose::resource_paragraph(inlines, talk))
                || prose::continues_talk(&text)
            {
                return;
            }
        }
        if !text.trim_end().ends_with(':') {
            self.open = None;
        }
    }

    fn list(&mut self, items: &[Vec<Inline>]) {
        if self.section == Section::Aside {
            return;
        }
        if self.section == Section::NextEvent {
            for item in items {
                self.next_event_from(item, &plain_text(item));
            }
            return;
        }
        if chapters::chapter_count(items) >= 2 {
            self.open = None;
            return self.chapters(items);
        }
        let Some(open) = self.open else {
            // A list of talks, one a line; or of lightning talks, items that each introduce a
            // talk with its moment.
            for item in items {
                if let Some(talk) = one_line::line_talk(item, &self.ctx.people) {
                    if marked_up(item, &talk) {
                        self.add_line(talk, Shape::OneLine);
                        continue;
                    }
                }
                // An item that tells a talk in prose: it has its moment, or a title and a speaker
                // ("Dan Ode from Quayside Bank talked about [Testing Payments](…)").
                for told in prose::told(item, &self.ctx, None, &mut self.diagnostics) {
                    let t = &told.talk;
                    if t.start.is_some() || (t.title.is_some() && !t.speakers.is_empty()) {
                        self.add_told(told);
                    }
                }
            }
            return;
        };
        let (Open::Prose(index) | Open::Heading(index)) = open;
        let Some(talk) = self.talks.get_mut(index) else {
            return;
        };
        for item in items {
            if headings::labelled_line(item, talk, &mut self.diagnostics) {
                continue;
            }
            let takeaway = text::squash(&plain_text(item));
            if !takeaway.is_empty() {
                talk.takeaways.push(takeaway);
            }
        }
        if matches!(open, Open::Prose(_)) {
            self.open = None;
        }
    }

    /// A line of a paragraph read as a talk on one line. Prose is read as prose first, so this
    /// asks more than a bullet does: a short line, not a thanks, with a speaker's organisation.
    fn paragraph_line_talk(&self, line: &[Inline]) -> Option<Talk> {
        let text = plain_text(line);
        let short = text.split_whitespace().count() <= 20;
        if !short || sponsors::is_sponsor_text(&text.to_ascii_lowercase()) {
            return None;
        }
        one_line::line_talk(line, &self.ctx.people)
            .filter(|talk| talk.speakers.iter().any(|s| s.org.is_some()))
    }

    /// Drops a weakly told talk that no takeaways followed ("Cheryl rounded off the evening").
    fn settle(&mut self) {
        let Some(index) = self.provisional.take() else {
            return;
        };
        let last = self.talks.last().filter(|_| index + 1 == self.talks.len());
        if last.is_some_and(|talk| talk.takeaways.is_empty()) {
            self.talks.pop();
            self.told.pop();
            self.open = None;
        }
    }

    fn next_event_from(&mut self, inlines: &[Inline], text: &str) {
        let next = self.next_event.get_or_insert(NextEvent {
            date_text: None,
            rsvp_url: None,
        });
        if next.date_text.is_none() {
            next.date_text = next_event::find_date(text);
        }
        if next.rsvp_url.is_none() {
            next.rsvp_url = next_event::rsvp_link(inlines);
        }
    }

    fn chapters(&mut self, lines: &[Vec<Inline>]) {
        let agenda = chapters::is_agenda(lines);
        for line in lines {
            if let Some(mut talk) = chapters::chapter(line) {
                // Times of day say when a talk began in the room, not in the recording.
                if agenda {
                    talk.start = None;
                    talk.video_url = None;
                }
                self.add_line(talk, Shape::Chapter);
            }
        }
    }
}

/// How many earlier talks a talk is compared with when looking for its duplicate.
const MERGE_REACH: usize = 40;

/// Folds a talk told twice (a summary, then its own part of the post) into its first telling:
/// same speakers, and titles and starts that do not disagree.
fn merge_duplicates(talks: &mut Vec<Talk>, told: &mut Vec<Reading>) {
    let agree = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    };
    let mut kept: Vec<(Talk, Reading)> = Vec::with_capacity(talks.len());
    for (later, later_cues) in talks.drain(..).zip(told.drain(..)) {
        // A post tells a few talks; a duplicate is looked for among the last few dozen only.
        let from = kept.len().saturating_sub(MERGE_REACH);
        let first = kept
            .get_mut(from..)
            .unwrap_or_default()
            .iter_mut()
            .find(|(first, _)| {
                prose::same_speakers(first, &later)
                    && agree(&first.title, &later.title)
                    && (first.start.is_none()
                        || later.start.is_none()
                        || first.start == later.start)
            });
        let Some((first, cues)) = first else {
            kept.push((later, later_cues));
            continue;
        };
        if first.title.is_none() && later.title.is_some() {
            cues.title = later_cues.title;
        }
        cues.spoke |= later_cues.spoke;
        first.title = first.title.take().or(later.title);
        first.start = first.start.or(later.start);
        first.video_url = first.video_url.take().or(later.video_url);
        for (mine, theirs) in first.speakers.iter_mut().zip(later.speakers) {
            mine.org = mine.org.take().or(theirs.org);
        }
        if first.takeaways.is_empty() {
            first.takeaways = later.takeaways;
        }
        first.links.extend(later.links);
    }
    (*talks, *told) = kept.into_iter().unzip();
}

/// Whether any link of the post names a moment of a video.
fn has_moment_link(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Heading { inlines, .. } | Block::Paragraph(inlines) => has_video_time(inlines),
        Block::List(items) => items.iter().any(|item| has_video_time(item)),
        Block::Image { .. } | Block::Embed { .. } => false,
    })
}

/// Whether any link names a moment of a video.
fn has_video_time(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Link { url, .. } => link_start(url).is_some(),
        _ => false,
    })
}

/// The start time named in any link: a recognised video link's, or a `t=`/`start=` parameter.
pub(crate) fn link_start(url: &str) -> Option<u32> {
    if let Some(video) = parse_video_url(url) {
        return video.start;
    }
    let query = query_of(url)?;
    raw_pairs(query)
        .find_map(|(key, value)| matches!(key, "t" | "start").then(|| parse_time_param(value))?)
}

/// A link as a talk resource.
pub(crate) fn resource(text: &str, url: &str) -> Link {
    Link {
        label: text::squash(text),
        url: url.to_owned(),
    }
}

/// Splits list items and paragraphs written with `*Item` (no space), which Markdown does not see
/// as bullets, into list items.
fn split_loose_bullets(blocks: &[Block]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::List(items) => {
                let mut split = Vec::with_capacity(items.len());
                for item in items {
                    let mut parts = split_at_bullets(item).into_iter();
                    split.extend(parts.next());
                    split.extend(parts.map(strip_bullet));
                }
                out.push(Block::List(split));
            }
            Block::Paragraph(inlines) => {
                let parts = split_at_bullets(inlines);
                let bulleted = parts.len() >= 2
                    && parts.iter().all(|p| {
                        matches!(p.first(), Some(Inline::Text(t)) if t.starts_with(['*', '•']))
                            || parts.first() == Some(p)
                    });
                match (bulleted, out.last_mut()) {
                    (true, Some(Block::List(items))) if starts_with_bullet(inlines) => {
                        items.extend(parts.into_iter().map(strip_bullet));
                    }
                    (true, _) if starts_with_bullet(inlines) => {
                        out.push(Block::List(parts.into_iter().map(strip_bullet).collect()));
                    }
                    (true, _) => {
                        let mut parts = parts.into_iter();
                        if let Some(first) = parts.next() {
                            out.push(Block::Paragraph(first));
                        }
                        out.push(Block::List(parts.map(strip_bullet).collect()));
                    }
                    _ => out.push(block.clone()),
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

fn starts_with_bullet(inlines: &[Inline]) -> bool {
    matches!(inlines.first(), Some(Inline::Text(t)) if t.starts_with(['*', '•']) && !t.starts_with("**"))
}

/// Splits at line breaks that are followed by a `*` or `•` bullet.
fn split_at_bullets(inlines: &[Inline]) -> Vec<Vec<Inline>> {
    let mut parts: Vec<Vec<Inline>> = vec![Vec::new()];
    let mut after_break = false;
    for inline in inlines {
        if *inline == Inline::Break {
            after_break = true;
            continue;
        }
        let bullet =
            matches!(inline, Inline::Text(t) if t.starts_with(['*', '•']) && !t.starts_with("**"));
        if after_break && bullet {
            parts.push(Vec::new());
        } else if after_break {
            if let Some(part) = parts.last_mut() {
                part.push(Inline::Break);
            }
        }
        after_break = false;
        if let Some(part) = parts.last_mut() {
            part.push(inline.clone());
        }
    }
    parts
}

fn strip_bullet(mut item: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = item.first_mut() {
        *t = t.trim_start_matches(['*', '•']).trim_start().to_owned();
    }
    item
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
