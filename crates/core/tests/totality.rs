//! The parsers and the extractor are total: any input gives a value, never a panic.
//!
//! Inputs come from `arbitrary` over pseudo-random bytes: raw strings, and Markdown assembled
//! from the pieces recap posts are made of, so that deep paths (links, times, speakers, lists)
//! are reached. `RECAP_FUZZ_CASES` sets how many cases each test runs (default 20,000;
//! `scripts/fuzz.sh` runs a million). Inputs that once crashed are kept at the bottom as
//! regression cases.
#![cfg(feature = "markdown")]
#![allow(clippy::unwrap_used)]

use arbitrary::{Arbitrary, Unstructured};
use recap_core::extract::{extract, EventMeta};
use recap_core::markdown::{to_blocks, to_html};
use recap_core::player::Player;
use recap_core::time::{find_clocks, format_clock, parse_clock, parse_time_param};
use recap_core::video::{normalize_event_video, parse_video_url};

fn cases() -> u64 {
    std::env::var("RECAP_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

/// splitmix64: a fixed seed gives the same cases on every machine.
struct Bytes(u64);

impl Bytes {
    fn fill(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            out.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
        }
        out.truncate(len);
        out
    }
}

const PIECES: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "](",
    ")[",
    "https://",
    "http://",
    "www.youtube.com/watch?v=",
    "youtu.be/",
    "www.youtube.com/embed/v=",
    "player.vimeo.com/video/",
    "vimeo.com/",
    "AbCdEfGhIjK",
    "123456",
    "?t=",
    "&t=",
    "&amp;t=",
    "#t=",
    "start=",
    "1h2m3s",
    "183s",
    "1m40s",
    "3:03",
    "1:07:55",
    "06:15",
    "(starting at ",
    "starting at [",
    "\n",
    "\n\n",
    "* ",
    "*",
    "- ",
    "1. ",
    "### ",
    "## Next meetup\n",
    "**Speaker:** ",
    " from ",
    " of ",
    " and ",
    " & ",
    "Ada Lovelace",
    "Quayside Bank",
    "Tidewater Labs",
    " asking ",
    " discussing ",
    " on ",
    "“",
    "”",
    "\"",
    "Kicking off our evening was ",
    "Next up we had ",
    "Finally we had ",
    ", ",
    ". ",
    "? ",
    "grateful to ",
    "courtesy of ",
    "Wednesday 3rd May",
    "RSVP",
    " — ",
    " - ",
    "00:00 Welcome\n",
    "![](/a.jpeg)",
    "<iframe src=\"",
    "\">",
    "{{ site.baseurl }}",
    "é",
    "🎉",
    "\u{0}",
    "\t",
    "    ",
    "`",
    "_",
    "~~",
    "> ",
    "|",
    "99999999999",
    ":",
    "::",
    ".mp4",
];

/// Odd characters that real posts and hostile input carry: typographic quotes, combining and
/// case-changing letters, zero-width and bidi controls, line and paragraph separators.
const ODD_CHARS: &[char] = &[
    '“', '”', '‘', '’', '—', '–', '…', '\u{a0}', 'İ', 'ß', 'ŉ', 'ﬁ', '\u{301}', '\u{200b}',
    '\u{200d}', '\u{feff}', '\u{202e}', '\u{2066}', '\u{2028}', '\u{2029}', '\r', '\u{0}', '🎉',
    '👩', '💻', 'é', 'ک', '日',
];

/// A string of any characters, up to `max` of them: mostly printable ASCII (the characters that
/// Markdown and the cue words are made of), the rest odd characters and arbitrary scalar values.
/// (`String::arbitrary` over random bytes keeps only their valid UTF-8 start, which is nearly
/// always empty or a few bytes long.)
fn arbitrary_text(u: &mut Unstructured<'_>, max: usize) -> String {
    let len = u.int_in_range(0..=max).unwrap_or(0);
    let mut text = String::with_capacity(len);
    for _ in 0..len {
        let c = match u.int_in_range(0..=9u8).unwrap_or(0) {
            0..=6 => char::from(u.int_in_range(b' '..=b'~').unwrap_or(b' ')),
            7 => *u
                .choose(&[' ', '\n', '\t', '*', '[', ']', '(', ')', ':'])
                .unwrap_or(&' '),
            8 => *u.choose(ODD_CHARS).unwrap_or(&'é'),
            _ => char::arbitrary(u).unwrap_or('\u{fffd}'),
        };
        text.push(c);
    }
    text
}

fn markdown_like(u: &mut Unstructured<'_>) -> String {
    let mut text = String::new();
    let len = u.int_in_range(0..=60usize).unwrap_or(0);
    for _ in 0..len {
        if u.ratio(1, 5).unwrap_or(false) {
            text.push_str(&arbitrary_text(u, 12));
        } else {
            text.push_str(u.choose(PIECES).copied().unwrap_or(""));
        }
    }
    text
}

/// Runs everything on `text`; on a panic, prints the input so it can join [`regressions`].
fn run_all(text: &str) {
    if std::panic::catch_unwind(|| run_all_inner(text)).is_err() {
        panic!("panicked on input {text:?}");
    }
}

fn run_all_inner(text: &str) {
    let blocks = to_blocks(text);
    let _ = extract(
        &blocks,
        EventMeta {
            location: Some(text),
            video: Some(text),
        },
    );
    let _ = to_html(text);
    let unstyled = recap_core::unstyled::without_inline_styles(text);
    assert!(unstyled.len() <= text.len());
    let _ = parse_time_param(text);
    let _ = parse_clock(text);
    for clock in find_clocks(text) {
        assert!(text.is_char_boundary(clock.start) && text.is_char_boundary(clock.end));
        assert!(clock.start <= clock.end && clock.end <= text.len());
    }
    if let Some(link) = parse_video_url(text) {
        let _ = link.embed_url();
        let _ = link.url_at(u32::MAX);
    }
    let _ = normalize_event_video(text);
    let _ = recap_core::parse_feed(text);
    let _ = recap_core::parse::read_item(text);
    for player in [Player::YouTube(String::new()), Player::Vimeo(String::new())] {
        let _ = player.read_message(text);
    }
    let _ = recap_core::player::origin(text);
}

const KEYS: &[&str] = &[
    "id",
    "title",
    "date_published",
    "tags",
    "_recap",
    "talks",
    "speakers",
    "name",
    "org",
    "start",
    "takeaways",
    "links",
    "label",
    "url",
    "next_event",
    "sponsors",
    "video",
    "items",
    "event",
    "info",
    "data",
    "currentTime",
    "seconds",
    "duration",
    "x\\\"y",
    "é",
];
const SCALARS: &[&str] = &[
    "\"a\"",
    "\"\"",
    "\"2023-05-03T18:30:00Z\"",
    "\"last Tuesday\"",
    "\"\\\"]}\"",
    "183",
    "-5",
    "1.5",
    "1e400",
    "18446744073709551616",
    "true",
    "false",
    "null",
    "\"infoDelivery\"",
    "\"timeupdate\"",
    "\"ready\"",
];

/// A JSON value made of the feed's own keys, nested up to `depth`, written with white space
/// here and there: valid JSON that is mostly the wrong shape somewhere.
fn json_like(u: &mut Unstructured<'_>, depth: u32, out: &mut String) {
    let space = |u: &mut Unstructured<'_>, out: &mut String| {
        if u.ratio(1, 4).unwrap_or(false) {
            out.push_str("\n  ");
        }
    };
    match u
        .int_in_range(0..=if depth == 0 { 0 } else { 2 })
        .unwrap_or(0)
    {
        0 => out.push_str(u.choose(SCALARS).unwrap_or(&"null")),
        1 => {
            out.push('{');
            for n in 0..u.int_in_range(0..=4).unwrap_or(0) {
                if n > 0 {
                    out.push(',');
                }
                space(u, out);
                out.push_str(&format!("\"{}\":", u.choose(KEYS).unwrap_or(&"id")));
                json_like(u, depth - 1, out);
            }
            space(u, out);
            out.push('}');
        }
        _ => {
            out.push('[');
            for n in 0..u.int_in_range(0..=3).unwrap_or(0) {
                if n > 0 {
                    out.push(',');
                }
                space(u, out);
                json_like(u, depth - 1, out);
            }
            out.push(']');
        }
    }
}

#[test]
fn feed_shaped_json_never_panics() {
    let mut bytes = Bytes(0x5EED_0004);
    for _ in 0..cases() {
        let data = bytes.fill(256);
        let mut u = Unstructured::new(&data);
        let mut items = String::new();
        for n in 0..3 {
            if n > 0 {
                items.push(',');
            }
            json_like(&mut u, 5, &mut items);
        }
        run_all(&format!(
            "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{items}]}}"
        ));
        run_all(&items);
    }
}

#[test]
fn raw_strings_never_panic() {
    let mut bytes = Bytes(0x5EED_0001);
    for _ in 0..cases() {
        let data = bytes.fill(1024);
        let mut u = Unstructured::new(&data);
        run_all(&arbitrary_text(&mut u, 200));
    }
}

#[test]
fn raw_strings_are_varied() {
    let mut bytes = Bytes(0x5EED_0001);
    let texts: Vec<String> = (0..2_000)
        .map(|_| arbitrary_text(&mut Unstructured::new(&bytes.fill(1024)), 200))
        .collect();
    let empty = texts.iter().filter(|t| t.is_empty()).count();
    let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    let non_ascii = texts.iter().filter(|t| !t.is_ascii()).count();
    let mean = texts.iter().map(|t| t.chars().count()).sum::<usize>() / texts.len();
    assert!(empty * 50 < texts.len(), "{empty} of {} empty", texts.len());
    assert!(longest >= 190, "the longest is {longest} characters");
    assert!((80..=120).contains(&mean), "the mean length is {mean}");
    assert!(
        non_ascii * 10 > texts.len() * 8,
        "{non_ascii} with non-ASCII characters"
    );
}

#[test]
fn post_shaped_markdown_never_panics() {
    let mut bytes = Bytes(0x5EED_0002);
    for _ in 0..cases() {
        let data = bytes.fill(512);
        let mut u = Unstructured::new(&data);
        run_all(&markdown_like(&mut u));
    }
}

#[test]
fn times_round_trip() {
    let mut bytes = Bytes(0x5EED_0003);
    for _ in 0..cases() {
        let data = bytes.fill(4);
        let seconds = u32::from_le_bytes([data[0], data[1], data[2], 0]);
        let text = format_clock(seconds);
        assert_eq!(parse_clock(&text), Some(seconds), "{text}");
        assert_eq!(parse_time_param(&format!("{seconds}s")), Some(seconds));
    }
}

/// Inputs that once broke something, kept.
#[test]
fn regressions() {
    for text in [
        "[]https://)",
        "(x)[https://",
        "*\n*",
        "00:00\n00:00",
        "## next\n\n[",
        // Lower-casing changes byte lengths: "İ" is two bytes, "i̇" three.
        // (found by this harness: sponsor names were sliced at a lower-cased offset).
        "İ thanks to Äda Ltd",
        "spea\u{212A}er: Ada",
        "",
    ] {
        run_all(text);
    }
}
