//! Composes recap posts from parts and records what a careful reader would extract from them.

use super::rng::Rng;
use super::words::*;

/// A talk as the post's reader should find it, with the parts it was written with.
#[derive(Debug, Clone, Default)]
pub struct TruthTalk {
    pub title: Option<String>,
    pub speakers: Vec<(String, Option<String>)>,
    pub start: Option<u32>,
    pub takeaways: Vec<String>,
    /// (dimension, class): how each part was written.
    pub classes: Vec<(&'static str, String)>,
}

/// One generated post.
#[derive(Debug, Clone)]
pub struct GenPost {
    pub markdown: String,
    pub location: Option<String>,
    pub video: Option<String>,
    pub shape: &'static str,
    pub talks: Vec<TruthTalk>,
}

/// The post shapes, recaps first; the last four are not recaps.
pub const SHAPES: &[&str] = &[
    "prose",
    "heading",
    "numbered",
    "bullets",
    "table",
    "roster",
    "nonrecap-podcast",
    "nonrecap-award",
    "nonrecap-debate",
    "nonrecap-headliners",
];

#[derive(Debug, Clone)]
struct Person {
    first: &'static str,
    last: &'static str,
    honorific: Option<&'static str>,
    org: Option<&'static str>,
    role: &'static str,
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    /// The name as the post writes it.
    fn written(&self) -> String {
        match self.honorific {
            Some(h) => format!("{h} {}", self.name()),
            None => self.name(),
        }
    }

    fn name_class(&self) -> &'static str {
        let name = self.name();
        if self.honorific.is_some() {
            "honorific"
        } else if name.contains('\'') {
            "apostrophe"
        } else if name.contains('-') {
            "hyphenated"
        } else if !name.is_ascii() {
            "accented"
        } else {
            "plain"
        }
    }

    fn truth(&self) -> (String, Option<String>) {
        (self.name(), self.org.map(str::to_owned))
    }
}

/// What one post's talks are made of before they are written.
struct Ctx {
    video_id: Option<String>,
    people_used: Vec<usize>,
    titles_used: Vec<usize>,
    orgs_used: Vec<usize>,
}

impl Ctx {
    fn person(&mut self, rng: &mut Rng, with_org: bool) -> Person {
        let mut first = rng.below(FIRST_NAMES.len());
        while self.people_used.contains(&first) {
            first = (first + 1) % FIRST_NAMES.len();
        }
        self.people_used.push(first);
        Person {
            first: FIRST_NAMES[first],
            last: rng.pick(LAST_NAMES),
            honorific: rng.chance(0.08).then(|| rng.pick(HONORIFICS)),
            org: with_org.then(|| self.org(rng)),
            role: rng.pick(ROLES),
        }
    }

    fn org(&mut self, rng: &mut Rng) -> &'static str {
        let mut org = rng.below(ORGS.len());
        while self.orgs_used.contains(&org) && self.orgs_used.len() < ORGS.len() {
            org = (org + 1) % ORGS.len();
        }
        self.orgs_used.push(org);
        ORGS[org]
    }

    fn title(&mut self, rng: &mut Rng) -> (&'static str, &'static str) {
        let mut t = rng.below(TITLES.len());
        while self.titles_used.contains(&t) {
            t = (t + 1) % TITLES.len();
        }
        self.titles_used.push(t);
        TITLES[t]
    }
}

/// Composes post `index` of the run with `seed`.
pub fn post(seed: u64, index: u64) -> GenPost {
    let mut rng = Rng::for_post(seed, index);
    // Recaps are most of the posts; each non-recap shape is about one in forty.
    let shape = if rng.chance(0.1) {
        SHAPES[6 + rng.below(4)]
    } else {
        SHAPES[rng.below(6)]
    };
    let location = rng.chance(0.9).then(|| rng.pick(LOCATIONS).to_string());
    if shape.starts_with("nonrecap") {
        return GenPost {
            markdown: nonrecap(&mut rng, shape),
            location,
            video: None,
            shape,
            talks: Vec::new(),
        };
    }
    let video_id = rng.chance(0.8).then(|| video_id(&mut rng));
    let mut ctx = Ctx {
        video_id: video_id.clone(),
        people_used: Vec::new(),
        titles_used: Vec::new(),
        orgs_used: Vec::new(),
    };
    let count = if shape == "roster" {
        rng.range(2, 4)
    } else {
        rng.range(1, 4)
    } as usize;
    let mut starts = Vec::new();
    let mut at = rng.range(60, 600);
    for _ in 0..count {
        starts.push(at);
        at += rng.range(900, 2700);
    }
    let mut out = Vec::new();
    let mut talks = Vec::new();
    if rng.chance(0.7) {
        out.push(welcome(&mut rng, &mut ctx));
    }
    match shape {
        "prose" | "roster" => prose_post(&mut rng, &mut ctx, shape, &starts, &mut out, &mut talks),
        "heading" => heading_post(&mut rng, &mut ctx, &starts, &mut out, &mut talks),
        "numbered" => numbered_post(&mut rng, &mut ctx, &starts, &mut out, &mut talks),
        "bullets" => bullets_post(&mut rng, &mut ctx, &starts, &mut out, &mut talks),
        _ => table_post(&mut rng, &mut ctx, &starts, &mut out, &mut talks),
    }
    let sectioned = matches!(shape, "heading" | "numbered") && rng.chance(0.5);
    if rng.chance(0.7) {
        let org = ctx.org(&mut rng);
        if sectioned {
            out.push("## Sponsors".into());
        }
        out.push(sponsor(&mut rng, org));
    }
    if rng.chance(0.3) {
        let org = ctx.org(&mut rng);
        out.push(format!(
            "{org} is hiring platform engineers: see [their jobs page](https://{}.example.com/jobs) if that sounds like you.",
            slug(org)
        ));
    }
    if rng.chance(0.6) {
        if sectioned {
            out.push("## Next meetup".into());
        }
        out.push(next_meetup(&mut rng));
    }
    for talk in &mut talks {
        talk.classes.insert(0, ("shape", shape.to_owned()));
    }
    GenPost {
        markdown: out.join("\n\n") + "\n",
        location,
        video: video_id.map(|id| format!("https://www.youtube.com/watch?v={id}")),
        shape,
        talks,
    }
}

fn video_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    (0..11)
        .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
        .collect()
}

fn slug(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

/// A link into the recording at `start`, and how its time parameter is written.
fn time_url(rng: &mut Rng, id: &str, start: u32) -> (String, &'static str) {
    let units = if start >= 3600 {
        format!("{}h{}m{}s", start / 3600, start % 3600 / 60, start % 60)
    } else {
        format!("{}m{}s", start / 60, start % 60)
    };
    match rng.below(5) {
        0 => (
            format!("https://www.youtube.com/watch?v={id}&t={start}"),
            "t=N",
        ),
        1 => (format!("https://youtu.be/{id}?t={start}s"), "t=Ns"),
        2 => (
            format!("https://www.youtube.com/watch?v={id}&t={units}"),
            "t=units",
        ),
        3 => (format!("https://youtu.be/{id}?t={units}"), "t=units"),
        _ => (
            format!("https://www.youtube.com/embed/{id}?start={start}"),
            "start=N",
        ),
    }
}

/// Clock text as organisers write it.
fn clock(rng: &mut Rng, start: u32) -> String {
    if start >= 3600 {
        format!(
            "{}:{:02}:{:02}",
            start / 3600,
            start % 3600 / 60,
            start % 60
        )
    } else if rng.chance(0.2) {
        format!("{:02}:{:02}", start / 60, start % 60)
    } else {
        format!("{}:{:02}", start / 60, start % 60)
    }
}

fn takeaways(rng: &mut Rng) -> Vec<String> {
    if !rng.chance(0.85) {
        return Vec::new();
    }
    let n = rng.range(2, 4) as usize;
    rng.distinct(TAKEAWAYS.len(), n)
        .into_iter()
        .map(|i| TAKEAWAYS[i].to_owned())
        .collect()
}

fn bullet_list(rng: &mut Rng, items: &[String]) -> String {
    let marker = if rng.chance(0.7) { "*" } else { "-" };
    items
        .iter()
        .map(|t| format!("{marker} {t}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn welcome(rng: &mut Rng, ctx: &mut Ctx) -> String {
    let group = rng.pick(GROUPS);
    let venue = rng.pick(VENUES);
    let n = rng.range(20, 80);
    let mut text = match rng.below(3) {
        0 => format!("Welcome back to {group}! {n} of us squeezed into {venue} for another evening of talks."),
        1 => format!("What a night at {venue}: {n} people, three kinds of pizza and a projector that mostly worked."),
        _ => format!("Thank you all for coming out to {group} this month; it was lovely to see so many new faces."),
    };
    if rng.chance(0.3) {
        let host = ctx.person(rng, false);
        text.push_str(&format!(
            " Our host {} welcomed everyone and ran through the housekeeping.",
            host.first
        ));
    }
    text
}

fn sponsor(rng: &mut Rng, org: &str) -> String {
    let url = format!("https://{}.example.com/", slug(org));
    match rng.below(3) {
        0 => format!("Thanks to [{org}]({url}) for the pizza."),
        1 => format!("A big thank you to [{org}]({url}) for sponsoring the drinks and lending us their office."),
        _ => format!("This evening was sponsored by [{org}]({url}), who also kept the coffee coming."),
    }
}

fn next_meetup(rng: &mut Rng) -> String {
    let group = slug(rng.pick(GROUPS));
    let id = rng.range(100_000, 999_999);
    format!(
        "Our next meetup is on {}. [RSVP on Meetup](https://www.meetup.com/{group}/events/{id}/) to save a seat.",
        rng.pick(DATES)
    )
}

/// How a talk's speakers are written in a sentence: (text, class, appositive).
fn speaker_clause(rng: &mut Rng, people: &[Person], style: &str) -> (String, bool) {
    let p = &people[0];
    let org = p.org.unwrap_or("");
    match style {
        "from" => (format!("{} from {org}", p.written()), false),
        "of" => (format!("{} of {org}", p.written()), false),
        "paren" => (format!("{} ({org})", p.written()), false),
        "role" => (format!("{}, {} at {org}", p.written(), p.role), true),
        "possessive" => {
            let mark = if org.ends_with('s') { "'" } else { "'s" };
            (format!("{org}{mark} {}", p.written()), false)
        }
        "comma" => (format!("{}, {org}", p.written()), true),
        "no-org" => (p.written(), false),
        "first-name" => (p.first.to_owned(), false),
        "first-name-org" => (format!("{} from {org}", p.first), false),
        "panel-paren" => (
            join_list(
                &people
                    .iter()
                    .map(|p| format!("{} ({})", p.written(), p.org.unwrap_or("")))
                    .collect::<Vec<_>>(),
            ),
            false,
        ),
        "panel-from" => {
            let word = if rng.chance(0.7) { "from" } else { "of" };
            (
                join_list(
                    &people
                        .iter()
                        .map(|p| format!("{} {word} {}", p.written(), p.org.unwrap_or("")))
                        .collect::<Vec<_>>(),
                ),
                false,
            )
        }
        _ => (
            format!(
                "{} from {org}",
                join_list(&people.iter().map(Person::written).collect::<Vec<_>>())
            ),
            false,
        ),
    }
}

/// "A", "A and B", "A, B and C".
fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Picks the speakers of a talk and how they are written in prose.
fn prose_people(rng: &mut Rng, ctx: &mut Ctx) -> (Vec<Person>, &'static str) {
    if rng.chance(0.15) {
        let n = rng.range(2, 4) as usize;
        let style = rng.pick(&["panel-paren", "panel-from", "panel-shared"]);
        let mut people: Vec<Person> = (0..n).map(|_| ctx.person(rng, true)).collect();
        if style == "panel-shared" {
            let org = people[0].org;
            for p in &mut people {
                p.org = org;
            }
        }
        (people, style)
    } else {
        let style = rng.pick(&[
            "from",
            "of",
            "paren",
            "role",
            "possessive",
            "comma",
            "no-org",
        ]);
        (vec![ctx.person(rng, style != "no-org")], style)
    }
}

/// Whether a frame can carry a talk whose time is written as `time`.
fn compatible(frame: &str, family: &str, time: &str, titled: bool) -> bool {
    if family == "untitled" {
        return !titled && !time.starts_with("link-title");
    }
    if !titled {
        return false;
    }
    if frame.contains("{at}") {
        return matches!(time, "link-time" | "text-recording");
    }
    if matches!(time, "text-dash" | "text-recording") {
        return frame.contains("{time}.");
    }
    true
}

struct Fill<'a> {
    speaker: &'a str,
    appositive: bool,
    opening: (&'a str, &'a str),
    title: &'a str,
    time: &'a str,
    at: &'a str,
    transition: &'a str,
    clause: &'a str,
}

fn fill(frame: &str, f: &Fill<'_>) -> String {
    let mut out = String::new();
    let mut rest = frame;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or(0);
        let name = &rest[open + 1..close];
        rest = &rest[close + 1..];
        match name {
            "S" => {
                out.push_str(f.speaker);
                if f.appositive && rest.starts_with(' ') {
                    out.push(',');
                }
            }
            "O" => out.push_str(f.opening.0),
            "I" => out.push_str(f.opening.1),
            "T" => out.push_str(f.title),
            "time" => out.push_str(f.time),
            "at" => out.push_str(f.at),
            "X" => out.push_str(f.transition),
            _ => out.push_str(f.clause),
        }
    }
    out.push_str(rest);
    // A title ending in "!" or "?" ends the sentence itself.
    for end in ["!.", "?."] {
        if out.ends_with(end) {
            out.pop();
        }
    }
    out
}

/// The paragraphs of a prose or roster post.
fn prose_post(
    rng: &mut Rng,
    ctx: &mut Ctx,
    shape: &str,
    starts: &[u32],
    out: &mut Vec<String>,
    talks: &mut Vec<TruthTalk>,
) {
    let roster = shape == "roster";
    let mut people_of: Vec<(Vec<Person>, &'static str)> = Vec::new();
    for _ in starts {
        if roster {
            let style = rng.pick(&["first-name", "first-name", "first-name-org"]);
            people_of.push((vec![ctx.person(rng, true)], style));
        } else {
            people_of.push(prose_people(rng, ctx));
        }
    }
    if roster {
        let word = rng.pick(&["from", "of", "paren"]);
        let names: Vec<String> = people_of
            .iter()
            .map(|(p, _)| {
                let org = p[0].org.unwrap_or("");
                if word == "paren" {
                    format!("{} ({org})", p[0].written())
                } else {
                    format!("{} {word} {org}", p[0].written())
                }
            })
            .collect();
        let list = join_list(&names);
        out.push(match rng.below(3) {
            0 => format!("Our speakers were {list}. Thank you all for coming out."),
            1 => format!("We had {} speakers this month: {list}.", names.len()),
            _ => format!("This month's line-up: {list}."),
        });
    }
    for (i, (people, style)) in people_of.into_iter().enumerate() {
        let video = ctx.video_id.clone();
        let untitled = rng.chance(0.08);
        let time = match &video {
            None => "none",
            Some(_) => rng.pick(&[
                "link-title",
                "link-time",
                "text-paren",
                "text-dash",
                "text-recording",
                "link-title+text",
                "none",
            ]),
        };
        let time = if untitled && time.starts_with("link-title") {
            "text-paren"
        } else {
            time
        };
        let candidates: Vec<usize> = (0..FRAMES.len())
            .filter(|&f| compatible(FRAMES[f].1, FRAMES[f].0, time, !untitled))
            .collect();
        let (family, frame) = FRAMES[rng.pick(&candidates)];
        let start = (time != "none").then_some(starts[i]);
        let (mut time_text, mut at_text, mut tparam) = (String::new(), String::new(), "");
        let mut title_url = None;
        if let (Some(id), Some(s)) = (&video, start) {
            let (url, form) = time_url(rng, id, s);
            let c = clock(rng, s);
            tparam = form;
            match time {
                "link-title" => title_url = Some(url),
                "link-title+text" => {
                    title_url = Some(url);
                    let shifted = s + rng.range(5, 40);
                    let off = clock(rng, shifted);
                    time_text = format!(" (starting at {off})");
                }
                "link-time" => {
                    at_text = format!("[{c}]({url})");
                    time_text = match rng.below(3) {
                        0 => format!(" ([{c}]({url}))"),
                        1 => format!(" (starting at [{c}]({url}))"),
                        _ => format!(" (watch from [{c}]({url}))"),
                    };
                }
                "text-paren" => {
                    tparam = "";
                    time_text = format!(" (starting at {c})");
                }
                "text-dash" => {
                    tparam = "";
                    time_text = format!(" — starts at {c}");
                }
                _ => {
                    tparam = "";
                    at_text = format!("{c} in the recording");
                    time_text = format!(" at {c} in the recording");
                }
            }
        }
        let (title_shape, title) = if untitled {
            ("none", "")
        } else {
            ctx.title(rng)
        };
        let mut form = if title_url.is_some() {
            "link"
        } else {
            rng.pick(&["plain", "plain", "quoted", "curly", "italic", "link-page"])
        };
        let lower = title.chars().next().is_some_and(char::is_lowercase);
        if form == "plain" && (lower || frame.starts_with("{T}")) {
            form = "italic";
        }
        let title_text = match form {
            "link" => format!("[{title}]({})", title_url.clone().unwrap_or_default()),
            "link-page" => format!("[{title}](https://talks.example.org/{})", slug(title)),
            "quoted" => format!("\"{title}\""),
            "curly" => format!("“{title}”"),
            "italic" => format!("*{title}*"),
            _ => title.to_owned(),
        };
        let (speaker, appositive) = speaker_clause(rng, &people, style);
        let mut sentence = fill(
            frame,
            &Fill {
                speaker: &speaker,
                appositive,
                opening: rng.pick(OPENINGS),
                title: &title_text,
                time: &time_text,
                at: &at_text,
                transition: rng.pick(TRANSITIONS),
                clause: rng.pick(UNTITLED_CLAUSES),
            },
        );
        let points = takeaways(rng);
        if !points.is_empty() && rng.chance(0.3) {
            sentence.push(' ');
            sentence.push_str(rng.pick(LEAD_INS));
        }
        out.push(sentence);
        if !points.is_empty() {
            out.push(bullet_list(rng, &points));
        }
        if !roster && i + 1 < starts.len() && rng.chance(0.15) {
            out.push("We broke for pizza and a surprisingly heated debate about tabs.".into());
        }
        talks.push(TruthTalk {
            title: (!untitled).then(|| title.to_owned()),
            speakers: people.iter().map(Person::truth).collect(),
            start,
            takeaways: points,
            classes: talk_classes(family, style, &people, time, tparam, title_shape, form),
        });
    }
}

fn talk_classes(
    frame: &str,
    speaker: &str,
    people: &[Person],
    time: &str,
    tparam: &str,
    title: &str,
    form: &str,
) -> Vec<(&'static str, String)> {
    let name = people
        .iter()
        .map(Person::name_class)
        .find(|c| *c != "plain")
        .unwrap_or("plain");
    vec![
        ("frame", frame.to_owned()),
        ("speaker", speaker.to_owned()),
        ("name", name.to_owned()),
        ("time", time.to_owned()),
        (
            "tparam",
            if tparam.is_empty() { "-" } else { tparam }.to_owned(),
        ),
        ("title", title.to_owned()),
        ("title-form", form.to_owned()),
    ]
}

/// Speakers for a line of their own (heading posts, bullets, tables).
fn line_people(rng: &mut Rng, ctx: &mut Ctx, panel: f64) -> (Vec<Person>, &'static str) {
    if rng.chance(panel) {
        let n = rng.range(2, 3) as usize;
        let people = (0..n).map(|_| ctx.person(rng, true)).collect();
        (people, "panel")
    } else {
        let style = rng.pick(&["comma", "paren", "of", "from", "no-org"]);
        (vec![ctx.person(rng, style != "no-org")], style)
    }
}

fn line_speaker(people: &[Person], style: &str, bold: bool) -> String {
    let name = |p: &Person| {
        if bold {
            format!("**{}**", p.written())
        } else {
            p.written()
        }
    };
    let one = |p: &Person, style: &str| {
        let org = p.org.unwrap_or("");
        match style {
            "comma" => format!("{}, {org}", name(p)),
            "of" => format!("{} of {org}", name(p)),
            "from" => format!("{} from {org}", name(p)),
            "no-org" => name(p),
            _ => format!("{} ({org})", name(p)),
        }
    };
    if style == "panel" {
        join_list(&people.iter().map(|p| one(p, "paren")).collect::<Vec<_>>())
    } else {
        one(&people[0], style)
    }
}

fn heading_post(
    rng: &mut Rng,
    ctx: &mut Ctx,
    starts: &[u32],
    out: &mut Vec<String>,
    talks: &mut Vec<TruthTalk>,
) {
    let level = if rng.chance(0.5) {
        out.push("## The talks".into());
        "###"
    } else {
        "##"
    };
    for &s in starts {
        let (title_shape, title) = ctx.title(rng);
        let (people, style) = line_people(rng, ctx, 0.15);
        let label = if people.len() > 1 {
            "Speakers"
        } else {
            "Speaker"
        };
        let mut lines = vec![format!(
            "**{label}:** {}",
            line_speaker(&people, style, false)
        )];
        let mut start = None;
        let (mut time, mut tparam) = ("none", "");
        if let Some(id) = ctx.video_id.clone() {
            let (url, form) = time_url(rng, &id, s);
            let c = clock(rng, s);
            match rng.below(4) {
                0 => {
                    lines.push(format!("**Video:** [watch from {c}]({url})"));
                    (time, tparam) = ("link-label", form);
                }
                1 => {
                    lines.push(format!("**Video:** [{c}]({url})"));
                    (time, tparam) = ("link-time", form);
                }
                2 => {
                    lines.push(format!("**Starts:** {c}"));
                    time = "text-label";
                }
                _ => {}
            }
            if time != "none" {
                start = Some(s);
            }
        }
        let break_ = if rng.chance(0.3) { "  \n" } else { "\n" };
        let quoted = rng.chance(0.15);
        out.push(if quoted {
            format!("{level} “{title}”")
        } else {
            format!("{level} {title}")
        });
        out.push(lines.join(break_));
        if rng.chance(0.25) {
            out.push("A packed room for this one, and plenty of questions afterwards.".into());
        }
        let points = takeaways(rng);
        if !points.is_empty() {
            out.push(bullet_list(rng, &points));
        }
        let form = if quoted { "curly" } else { "plain" };
        talks.push(TruthTalk {
            title: Some(title.to_owned()),
            speakers: people.iter().map(Person::truth).collect(),
            start,
            takeaways: points,
            classes: talk_classes("heading", style, &people, time, tparam, title_shape, form),
        });
    }
}

fn numbered_post(
    rng: &mut Rng,
    ctx: &mut Ctx,
    starts: &[u32],
    out: &mut Vec<String>,
    talks: &mut Vec<TruthTalk>,
) {
    let level = rng.pick(&["##", "###"]);
    for (i, &s) in starts.iter().enumerate() {
        let (title_shape, title) = ctx.title(rng);
        let (people, style) = line_people(rng, ctx, 0.1);
        out.push(format!("{level} {}. {title}", i + 1));
        let presented = rng.chance(0.4);
        let speaker = line_speaker(&people, style, false);
        out.push(if presented {
            format!("Presented by {speaker}.")
        } else {
            format!("*{speaker}*")
        });
        let mut start = None;
        let (mut time, mut tparam) = ("none", "");
        if let Some(id) = ctx.video_id.clone() {
            let (url, form) = time_url(rng, &id, s);
            let c = clock(rng, s);
            match rng.below(3) {
                0 => {
                    out.push(format!("[Recording]({url})"));
                    (time, tparam) = ("link-label", form);
                }
                1 => {
                    out.push(format!("Starts at {c} in the recording."));
                    time = "text-sentence";
                }
                _ => {}
            }
            if time != "none" {
                start = Some(s);
            }
        }
        let points = takeaways(rng);
        if !points.is_empty() {
            out.push(bullet_list(rng, &points));
        }
        let frame = if presented {
            "numbered-presented"
        } else {
            "numbered-italic"
        };
        talks.push(TruthTalk {
            title: Some(title.to_owned()),
            speakers: people.iter().map(Person::truth).collect(),
            start,
            takeaways: points,
            classes: talk_classes(frame, style, &people, time, tparam, title_shape, "plain"),
        });
    }
}

fn bullets_post(
    rng: &mut Rng,
    ctx: &mut Ctx,
    starts: &[u32],
    out: &mut Vec<String>,
    talks: &mut Vec<TruthTalk>,
) {
    out.push(
        match rng.below(3) {
            0 => "The talks this month:",
            1 => "The line-up, with links into the recording:",
            _ => "Here's who spoke:",
        }
        .into(),
    );
    let mut items = Vec::new();
    for &s in starts {
        let (title_shape, title) = ctx.title(rng);
        let (people, style) = line_people(rng, ctx, 0.12);
        let bold = rng.chance(0.7);
        let speaker = line_speaker(&people, style, bold);
        let mut start = None;
        let (mut time, mut tparam) = ("none", "");
        let mut title_url = None;
        let mut suffix = String::new();
        if let Some(id) = ctx.video_id.clone() {
            let (url, form) = time_url(rng, &id, s);
            let c = clock(rng, s);
            match rng.below(5) {
                0 => {
                    title_url = Some(url);
                    (time, tparam) = ("link-title", form);
                }
                1 => {
                    suffix = format!(" ([from {c}]({url}))");
                    (time, tparam) = ("link-time", form);
                }
                2 => {
                    suffix = format!(" — [video]({url})");
                    (time, tparam) = ("link-label", form);
                }
                3 => {
                    suffix = format!(" (starting at {c})");
                    time = "text-paren";
                }
                _ => {}
            }
            if time != "none" {
                start = Some(s);
            }
        }
        let (form, title_text) = match &title_url {
            Some(url) => ("link", format!("[{title}]({url})")),
            None => match rng.below(3) {
                0 => ("italic", format!("*{title}*")),
                1 => ("curly", format!("“{title}”")),
                _ => ("plain", title.to_owned()),
            },
        };
        let (frame, item) = if rng.chance(0.25) {
            (
                "bullet-title-first",
                format!("{title_text} by {speaker}{suffix}"),
            )
        } else {
            let sep = rng.pick(&[" — ", " – ", " - ", ": "]);
            let sep = if style == "comma" && sep == ": " {
                " — "
            } else {
                sep
            };
            (
                "bullet-speaker-first",
                format!("{speaker}{sep}{title_text}{suffix}"),
            )
        };
        items.push(item);
        talks.push(TruthTalk {
            title: Some(title.to_owned()),
            speakers: people.iter().map(Person::truth).collect(),
            start,
            takeaways: Vec::new(),
            classes: talk_classes(frame, style, &people, time, tparam, title_shape, form),
        });
    }
    out.push(bullet_list(rng, &items));
}

fn table_post(
    rng: &mut Rng,
    ctx: &mut Ctx,
    starts: &[u32],
    out: &mut Vec<String>,
    talks: &mut Vec<TruthTalk>,
) {
    out.push("The programme:".into());
    let header = rng.pick(&[
        "| Time | Speaker | Org | Talk |",
        "| Starts | Speaker | Company | Title |",
        "| Time | Who | Organisation | Talk |",
    ]);
    let mut rows = vec![header.to_owned(), "|---|---|---|---|".to_owned()];
    for &s in starts {
        let (title_shape, title) = ctx.title(rng);
        let (mut people, mut style) = line_people(rng, ctx, 0.25);
        if style == "panel" && rng.chance(0.5) {
            let org = people[0].org;
            for p in &mut people {
                p.org = org;
            }
            style = "panel-shared";
        } else if style != "panel" && style != "no-org" {
            style = "single";
        }
        let names = join_list(&people.iter().map(Person::written).collect::<Vec<_>>());
        let orgs = if style == "panel-shared" {
            people[0].org.unwrap_or("").to_owned()
        } else {
            join_list(
                &people
                    .iter()
                    .map(|p| p.org.unwrap_or("").to_owned())
                    .collect::<Vec<_>>(),
            )
        };
        let mut start = None;
        let (mut time, mut tparam) = ("none", "");
        let mut time_cell = String::new();
        let mut talk_cell = title.to_owned();
        let mut form = "plain";
        if let Some(id) = ctx.video_id.clone() {
            let (url, f) = time_url(rng, &id, s);
            let c = clock(rng, s);
            match rng.below(4) {
                0 => {
                    talk_cell = format!("[{title}]({url})");
                    time_cell = c;
                    (time, tparam, form) = ("link-title", f, "link");
                }
                1 => {
                    time_cell = format!("[{c}]({url})");
                    (time, tparam) = ("link-time", f);
                }
                2 => {
                    time_cell = c;
                    time = "text-cell";
                }
                _ => {}
            }
            if time != "none" {
                start = Some(s);
            }
        }
        rows.push(format!("| {time_cell} | {names} | {orgs} | {talk_cell} |"));
        talks.push(TruthTalk {
            title: Some(title.to_owned()),
            speakers: people.iter().map(Person::truth).collect(),
            start,
            takeaways: Vec::new(),
            classes: talk_classes("table-row", style, &people, time, tparam, title_shape, form),
        });
    }
    out.push(rows.join("\n"));
}

/// Posts that are not recaps: a reader finds no talks in them.
fn nonrecap(rng: &mut Rng, shape: &str) -> String {
    let mut ctx = Ctx {
        video_id: None,
        people_used: Vec::new(),
        titles_used: Vec::new(),
        orgs_used: Vec::new(),
    };
    let a = ctx.person(rng, true);
    let b = ctx.person(rng, true);
    let (_, t1) = ctx.title(rng);
    let (_, t2) = ctx.title(rng);
    let org = |p: &Person| p.org.unwrap_or("").to_owned();
    match shape {
        "nonrecap-podcast" => {
            let pod = rng.pick(PODCASTS);
            format!(
                "This week on the {pod} podcast, {} from {} joins us to talk about {t1}.\n\n\
                 **Show notes**\n\n\
                 * 00:00 Hello and housekeeping\n\
                 * 04:12 How {} got into operations\n\
                 * 21:40 {t2}\n\n\
                 Listen on [your favourite app](https://podcasts.example.net/{}) and let us know what you think.\n",
                a.written(),
                org(&a),
                a.first,
                slug(pod)
            )
        }
        "nonrecap-award" => format!(
            "We're delighted to announce that {} of {} is this year's Community Champion.\n\n\
             > \"{} has run more workshops than anyone we know, and turned {t1} into a reading group \
             that half the city has joined.\" — the judging panel\n\n\
             Congratulations also to the runner-up, {} ({}).\n",
            a.written(),
            org(&a),
            a.first,
            b.written(),
            org(&b)
        ),
        "nonrecap-debate" => format!(
            "Last month we tried something different: a debate instead of talks.\n\n\
             **Motion:** This house believes that every team should be on call.\n\n\
             **For:** {} ({})\n\n\
             **Against:** {} ({})\n\n\
             **Opening Arguments**\n\n\
             {} argued that ownership ends at the pager; {} replied that tired people write bad code.\n\n\
             **The Vote**\n\n\
             The motion fell by eleven votes to nine.\n",
            a.written(),
            org(&a),
            b.written(),
            org(&b),
            a.first,
            b.first
        ),
        _ => {
            let conf = rng.pick(CONFERENCES);
            format!(
                "Tickets for {conf} are on sale now! This year's headliners:\n\n\
                 * {} ({}) — {t1}\n\
                 * {} ({}) — {t2}\n\n\
                 Early-bird prices end on {}. [Get your ticket](https://tickets.example.net/{}).\n",
                a.written(),
                org(&a),
                b.written(),
                org(&b),
                rng.pick(DATES),
                slug(conf)
            )
        }
    }
}
