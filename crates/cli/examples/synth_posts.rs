//! Writes COUNT invented Jekyll posts, in the styles of the extraction fixtures, for benchmarks
//! of `recap-feed build` and of what it writes at archive sizes no real site has yet.
//!
//!     cargo run --release -p recap-feed --example synth_posts -- DIR COUNT [SEED]
//!
//! DIR/_posts gets COUNT posts spread evenly from January 2014 to December 2025 (10,000 posts is
//! about two events a day across thirty communities), DIR/_config.yml a title and URL. The same
//! COUNT and SEED (default 1) always give the same files. Every name, organisation, title and
//! takeaway is made up from the small word lists below. The posts vary as real ones do: talks
//! under their own headings, in prose with the timestamp link on the title or on the time, or
//! in the front matter's `talks:` list; one or two speakers per talk, with or without an
//! organisation; slides; a failed livestream with no video; a sponsor; the next meetup.
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PLACES: [(&str, &str); 16] = [
    ("Avon", "Bristol, UK"),
    ("Kennet", "Reading, UK"),
    ("Tamar", "Plymouth, UK"),
    ("Solent", "Southampton, UK"),
    ("Severn", "Gloucester, UK"),
    ("Irwell", "Manchester, UK"),
    ("Broads", "Norwich, UK"),
    ("Tyneside", "Newcastle, UK"),
    ("Wear Valley", "Durham, UK"),
    ("Ouse Valley", "York, UK"),
    ("Medway", "Rochester, UK"),
    ("Lune Valley", "Lancaster, UK"),
    ("Fylde", "Blackpool, UK"),
    ("Peak", "Sheffield, UK"),
    ("Chiltern", "High Wycombe, UK"),
    ("Liffey", "Dublin, Ireland"),
];

const TOPICS: [(&str, &str); 10] = [
    ("DevOps", "DevOps"),
    ("Cloud Native", "Kubernetes"),
    ("SRE", "SRE"),
    ("Data", "Data"),
    ("Rust", "Rust"),
    ("Platform Folk", "Platforms"),
    ("Serverless", "Serverless"),
    ("Observability", "Observability"),
    ("Containers", "Containers"),
    ("Infra Club", "Infrastructure"),
];

const FIRST: [&str; 48] = [
    "Ada", "Amara", "Arjun", "Bo", "Bronwen", "Callum", "Chen", "Dana", "Delphine", "Eamon",
    "Efua", "Farah", "Gabriel", "Greta", "Hollie", "Idris", "Ines", "Jonah", "Kasia", "Kofi",
    "Leona", "Luca", "Maisie", "Mateo", "Nadia", "Niamh", "Oren", "Priya", "Quentin", "Rosa",
    "Rowan", "Saoirse", "Sam", "Tariq", "Tobias", "Uma", "Viktor", "Wen", "Xanthe", "Yusuf",
    "Zainab", "Anouk", "Bilal", "Cerys", "Dmitri", "Elif", "Fergus", "Hana",
];

const LAST: [&str; 48] = [
    "Achebe",
    "Branson",
    "Colville",
    "Dunmore",
    "Ekwueme",
    "Fairlie",
    "Gallagher",
    "Hartigan",
    "Ibarra",
    "Jankowski",
    "Kaur",
    "Lindqvist",
    "Mehta",
    "Novak",
    "Okoro",
    "Pellegrini",
    "Quayle",
    "Rahman",
    "Sandoval",
    "Tanaka",
    "Umberg",
    "Varga",
    "Whitlock",
    "Xu",
    "Yilmaz",
    "Zielinski",
    "Abernethy",
    "Bassey",
    "Castellanos",
    "Dovey",
    "Engström",
    "Fonseca",
    "Grieve",
    "Holloway",
    "Iyer",
    "Juniper",
    "Kovacs",
    "Larkin",
    "Moreau",
    "Nakamura",
    "Osei",
    "Penhaligon",
    "Ravel",
    "Szabo",
    "Trevithick",
    "Underhill",
    "Vance",
    "Wainwright",
];

const ORG_HEADS: [&str; 24] = [
    "Halyard",
    "Kittiwake",
    "Oakvane",
    "Shingle",
    "Quill",
    "Velvet",
    "Fern",
    "Moor",
    "Drumlin",
    "Puffin",
    "Orchard",
    "Tannery",
    "Harbour",
    "Bramble",
    "Cobalt",
    "Lantern",
    "Marram",
    "Nettle",
    "Osprey",
    "Pebble",
    "Rook",
    "Slate",
    "Thistle",
    "Wren",
];

const ORG_TAILS: [&str; 10] = [
    "Systems",
    "Software",
    "Labs",
    "Data",
    "Works",
    "Health",
    "Insurance",
    "Games",
    "Logistics",
    "Energy",
];

const THINGS: [&str; 32] = [
    "staging environments",
    "workload identity",
    "matchmaking servers",
    "message queues",
    "service meshes",
    "feature flags",
    "canary releases",
    "cost dashboards",
    "on-call rotas",
    "build caches",
    "database migrations",
    "edge functions",
    "tracing pipelines",
    "policy engines",
    "developer portals",
    "chaos experiments",
    "SLOs",
    "GPU scheduling",
    "event sourcing",
    "secret rotation",
    "multi-region failover",
    "incident reviews",
    "container images",
    "data contracts",
    "stream processing",
    "async Rust",
    "WebAssembly plugins",
    "load testing",
    "Terraform modules",
    "log retention",
    "backpressure",
    "blue-green deploys",
];

const TITLE_FORMS: [&str; 10] = [
    "{T}: what broke and why",
    "{T} without the pain",
    "What we learned running {T} in production",
    "A year of {T}",
    "Do we still need {T}?",
    "{T} at scale",
    "Scaling {T} without tears",
    "{T} for everyone",
    "The quiet cost of {T}",
    "From zero to {T} in ninety days",
];

const TAKEAWAY_FORMS: [&str; 12] = [
    "{T} are cheaper to run than {U} once the team owns them.",
    "Measure {T} before changing anything; the numbers surprised everyone.",
    "Start {T} with one painful workflow, not ten.",
    "The defaults for {T} work against you at night.",
    "{T} only pay off when {U} are in place first.",
    "Write the runbook for {T} before the first incident, not after.",
    "Most trouble with {T} came from configuration, not code.",
    "Teams adopted {T} faster when they could see the results.",
    "Rolling out {T} service by service kept the risk low.",
    "Budgets for {T} work best when teams set them themselves.",
    "{T} and {U} need the same owner.",
    "Nobody misses {U} after a month of {T}.",
];

const VENUES: [&str; 8] = [
    "the Old Fire Station",
    "Tannery Yard",
    "the Corn Exchange",
    "the library's lecture theatre",
    "the Drill Hall",
    "the Harbour Office",
    "the Engine Shed",
    "the Guildhall",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Clone)]
struct Person {
    name: String,
    org: Option<String>,
}

struct Talk {
    title: Option<String>,
    speakers: Vec<Person>,
    start: Option<u32>,
    takeaways: Vec<String>,
    slides: Option<String>,
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn title(rng: &mut Rng) -> String {
    let thing = *rng.pick(&THINGS);
    let form = *rng.pick(&TITLE_FORMS);
    let title = form.replace("{T}", thing);
    capitalise(&title)
}

fn takeaway(rng: &mut Rng) -> String {
    let form = *rng.pick(&TAKEAWAY_FORMS);
    let (t, mut u) = (*rng.pick(&THINGS), *rng.pick(&THINGS));
    if u == t {
        u = THINGS[(THINGS.iter().position(|x| *x == t).unwrap_or(0) + 1) % THINGS.len()];
    }
    capitalise(&form.replace("{T}", t).replace("{U}", u))
}

fn video_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..11)
        .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
        .collect()
}

fn who(speakers: &[Person], with_org: &dyn Fn(&Person) -> String) -> String {
    speakers
        .iter()
        .map(with_org)
        .collect::<Vec<_>>()
        .join(" and ")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (args.first(), args.get(1)) else {
        return Err("usage: synth_posts DIR COUNT [SEED]".into());
    };
    let count: usize = count.parse()?;
    let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let mut rng = Rng(seed);
    let posts = Path::new(dir).join("_posts");
    std::fs::create_dir_all(&posts)?;
    std::fs::write(
        Path::new(dir).join("_config.yml"),
        "title: Invented Meetups\nurl: https://meetups.example\nbaseurl: \"\"\n",
    )?;

    // Thirty communities, each with its own city.
    let mut communities = Vec::new();
    while communities.len() < 30 {
        let (place, city) = *rng.pick(&PLACES);
        let (topic, tag) = *rng.pick(&TOPICS);
        let name = format!("{place} {topic}");
        if !communities.iter().any(|(n, _, _)| *n == name) {
            communities.push((name, city, tag));
        }
    }
    // Speakers come back: a pool of people, most with an organisation.
    let people: Vec<Person> = (0..count.clamp(200, 6000))
        .map(|_| Person {
            name: format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)),
            org: rng
                .chance(85)
                .then(|| format!("{} {}", rng.pick(&ORG_HEADS), rng.pick(&ORG_TAILS))),
        })
        .collect();

    // 2014-01-01 to 2025-12-31.
    let (first_day, last_day) = (16_071_i64, 20_453_i64);
    let span = last_day - first_day;
    let mut ids = HashSet::new();
    let mut written_talks = 0;
    for i in 0..count {
        let day = first_day + span * i as i64 / count.max(1) as i64 + rng.below(2) as i64;
        let (year, month, date) = civil(day.min(last_day));
        let (community, city, topic_tag) = rng.pick(&communities).clone();
        let month_name = MONTHS[month as usize - 1];
        let mut name = format!(
            "{year}-{month:02}-{date:02}-{}-{}-{year}",
            slug(&community),
            slug(month_name)
        );
        let mut n = 2;
        while !ids.insert(name.clone()) {
            name = format!(
                "{year}-{month:02}-{date:02}-{}-{}-{year}-{n}",
                slug(&community),
                slug(month_name)
            );
            n += 1;
        }
        let video = rng.chance(85).then(|| video_id(&mut rng));
        let talk_count = 1 + rng.below(4);
        let mut start = 120 + rng.below(300) as u32;
        let talks: Vec<Talk> = (0..talk_count)
            .map(|_| {
                let two = rng.chance(12);
                let speakers: Vec<Person> = (0..if two { 2 } else { 1 })
                    .map(|_| rng.pick(&people).clone())
                    .collect();
                let talk = Talk {
                    title: rng.chance(94).then(|| title(&mut rng)),
                    speakers,
                    start: video.as_ref().map(|_| start),
                    takeaways: (0..2 + rng.below(3)).map(|_| takeaway(&mut rng)).collect(),
                    slides: rng
                        .chance(20)
                        .then(|| format!("https://slides.example.com/{name}/{start}.pdf")),
                };
                start += 1200 + rng.below(1500) as u32;
                talk
            })
            .collect();
        written_talks += talks.len();
        let style = rng.below(100);
        let mut text = String::new();
        let orgs: Vec<&str> = talks
            .iter()
            .flat_map(|t| &t.speakers)
            .filter_map(|p| p.org.as_deref())
            .collect();
        writeln!(text, "---\nlayout: post")?;
        writeln!(text, "title: \"{community} {month_name} {year}\"")?;
        let subjects: Vec<String> = talks
            .iter()
            .filter_map(|t| t.title.as_deref())
            .map(|t| t.to_lowercase())
            .collect();
        writeln!(
            text,
            "description: \"{}\"",
            capitalise(&subjects.join(", ")).replace('"', "'")
        )?;
        writeln!(text, "location: {city}")?;
        writeln!(text, "image: /images/{name}.jpeg")?;
        if let Some(id) = &video {
            writeln!(text, "video: https://www.youtube.com/embed/{id}")?;
        }
        writeln!(text, "tags:\n  - Photos")?;
        if video.is_some() {
            writeln!(text, "  - Video")?;
        }
        writeln!(text, "  - Meetup\n  - {topic_tag}\n  - \"{year}\"")?;
        if style < 6 {
            // The organiser's own list.
            writeln!(text, "talks:")?;
            for talk in &talks {
                match &talk.title {
                    Some(title) => writeln!(text, "  - title: \"{title}\"")?,
                    None => writeln!(text, "  - title: null")?,
                }
                writeln!(text, "    speakers:")?;
                for p in &talk.speakers {
                    writeln!(text, "      - name: {}", p.name)?;
                    if let Some(org) = &p.org {
                        writeln!(text, "        org: {org}")?;
                    }
                }
                if let Some(s) = talk.start {
                    writeln!(text, "    start: \"{}\"", clock(s))?;
                }
                writeln!(text, "    takeaways:")?;
                for t in &talk.takeaways {
                    writeln!(text, "      - \"{t}\"")?;
                }
            }
        }
        writeln!(text, "---\n")?;
        let venue = rng.pick(&VENUES);
        writeln!(
            text,
            "Thanks to everyone who came along to {venue} for the {month_name} {community} meetup{}.\n",
            if video.is_some() {
                ", and to all of you who joined the livestream"
            } else {
                ""
            }
        )?;
        if let Some(sponsor) = orgs.first() {
            writeln!(
                text,
                "Our thanks to [{sponsor}](https://{}.example.org/) for the food and drinks.\n",
                slug(sponsor)
            )?;
        }
        let link = |talk: &Talk, id: &str, form: usize| -> Option<String> {
            let s = talk.start?;
            Some(match form {
                0 => format!("https://www.youtube.com/live/{id}?feature=share&t={s}"),
                1 => format!("https://youtu.be/{id}?t={s}"),
                _ => format!("https://www.youtube.com/watch?v={id}&t={s}s"),
            })
        };
        let with_from = |p: &Person| match &p.org {
            Some(org) => format!("{} from {org}", p.name),
            None => p.name.clone(),
        };
        let with_parens = |p: &Person| match &p.org {
            Some(org) => format!("{} ({org})", p.name),
            None => p.name.clone(),
        };
        let with_of = |p: &Person| match &p.org {
            Some(org) => format!("{} of {org}", p.name),
            None => p.name.clone(),
        };
        if style < 6 {
            writeln!(
                text,
                "We had {} this month; the recording is linked above.\n",
                if talks.len() == 1 {
                    "one talk".to_owned()
                } else {
                    format!("{} talks", talks.len())
                }
            )?;
        } else if style < 40 {
            // A heading per talk, the speaker and the video on their own lines.
            for (n, talk) in talks.iter().enumerate() {
                let heading = talk
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("Talk {}", n + 1));
                writeln!(text, "## {heading}\n")?;
                let label = if talk.speakers.len() > 1 {
                    "Speakers"
                } else {
                    "Speaker"
                };
                writeln!(text, "**{label}:** {}", who(&talk.speakers, &with_of))?;
                match (&video, talk.start) {
                    (Some(id), Some(s)) => writeln!(
                        text,
                        "**Video:** [watch from {}]({})",
                        clock(s),
                        link(talk, id, 2).unwrap_or_default()
                    )?,
                    _ => writeln!(text, "**Video:** no recording this time")?,
                }
                if let Some(slides) = &talk.slides {
                    writeln!(text, "**Slides:** [slides]({slides})")?;
                }
                writeln!(text)?;
                for t in &talk.takeaways {
                    writeln!(text, "* {t}")?;
                }
                writeln!(text)?;
            }
        } else {
            // Prose, the link on the title or on the time.
            writeln!(text, "### Overview\n")?;
            let openers = [
                "Kicking off our evening was",
                "Next up we had",
                "After the break we heard from",
                "Finally we had",
            ];
            for (n, talk) in talks.iter().enumerate() {
                let opener = if n + 1 == talks.len() && n > 0 {
                    openers[3]
                } else {
                    openers[n.min(2)]
                };
                let speakers = if style < 70 {
                    who(&talk.speakers, &with_from)
                } else {
                    who(&talk.speakers, &with_parens)
                };
                let sentence = match (&talk.title, &video, talk.start) {
                    (Some(title), Some(id), Some(s)) if style < 70 => format!(
                        "{opener} {speakers} with a talk on [{title}]({}) (starting at {}).",
                        link(talk, id, 0).unwrap_or_default(),
                        clock(s)
                    ),
                    (Some(title), Some(id), Some(s)) => format!(
                        "{opener} {speakers}, who presented “{title}” (starting at [{}]({})).",
                        clock(s),
                        link(talk, id, 1).unwrap_or_default()
                    ),
                    (Some(title), _, _) => format!(
                        "{opener} {speakers} with a talk on {title} (no video available due to technical issues)."
                    ),
                    (None, _, _) => format!("{opener} {speakers}, who gave an unannounced talk."),
                };
                writeln!(text, "{sentence} Their takeaways noted that:\n")?;
                for t in &talk.takeaways {
                    writeln!(text, "* {t}")?;
                }
                if let Some(slides) = &talk.slides {
                    writeln!(text, "\nThe slides are [here]({slides}).")?;
                }
                writeln!(text)?;
            }
        }
        let (next_month, next_year) = if month == 12 {
            (1, year + 1)
        } else {
            (month + 1, year)
        };
        writeln!(
            text,
            "## {community} {}\n\nOur next meetup will be in {} {next_year}. [Grab your RSVP here](https://www.meetup.com/{}/events/{}/).\n\nSee you next month!",
            MONTHS[next_month as usize - 1],
            MONTHS[next_month as usize - 1],
            slug(&community),
            rng.next() % 1_000_000_000
        )?;
        std::fs::write(posts.join(format!("{name}.md")), text)?;
    }
    eprintln!(
        "synth_posts: wrote {count} posts with {written_talks} talks to {}",
        posts.display()
    );
    Ok(())
}
