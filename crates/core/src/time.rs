//! Video timestamps: `t=1m40s`, `1:07:55`, and back.

/// A `t=` / `start=` / `#t=` value in seconds: `183`, `183s`, `1m40s`, `1h2m3s`, `2m`, `1H`
/// (units case-insensitive, each at most once, in the order h, m, s), media-fragment seconds
/// `75.5` (fractions floored) or clock form `1:07:55` / `3:03` (see [`parse_clock`]).
///
/// Surrounding whitespace is ignored; signs, inner spaces, repeated or misordered units,
/// anything else and values beyond `u32` give `None`.
pub fn parse_time_param(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.contains(':') {
        return parse_clock(value);
    }
    if let Some((whole, fraction)) = value.split_once('.') {
        return if all_digits(fraction) {
            parse_digits(whole)
        } else {
            None
        };
    }
    if all_digits(value) {
        return parse_digits(value);
    }
    parse_units(value)
}

/// Clock text as organisers write it: `3:03` → 183, `06:15` → 375, `1:07:55` → 4075,
/// `75:10` → 4510. Two or three groups; the first is any number of digits, the others exactly
/// two digits under 60. Surrounding whitespace is ignored; anything else gives `None`.
pub fn parse_clock(text: &str) -> Option<u32> {
    let mut groups = text.trim().split(':');
    let mut total = parse_digits(groups.next()?)?;
    let mut count = 1;
    for group in groups {
        count += 1;
        if count > 3 || group.len() != 2 {
            return None;
        }
        let value = parse_digits(group).filter(|v| *v < 60)?;
        total = total.checked_mul(60)?.checked_add(value)?;
    }
    (count >= 2).then_some(total)
}

/// Seconds as a clock: `3:03`, `1:07:55`, `0:00`, `10:00:00`. [`parse_clock`] reads it back.
pub fn format_clock(seconds: u32) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// A clock found in running text by [`find_clocks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockMatch {
    /// Byte offset in the text where the clock starts (a char boundary).
    pub start: usize,
    /// Byte offset just past the clock (a char boundary).
    pub end: usize,
    /// Its value in seconds.
    pub seconds: u32,
}

/// Every clock token in free text, in order: "(starting at 3:03)", "starting at 1:07:55.",
/// "03:03 Opening remarks", both times of "12:30-13:00".
///
/// A token is a run of digits and colons that [`parse_clock`] accepts (a trailing colon is
/// punctuation and not part of it). It must not be glued to a letter or digit on either side
/// (`10:30pm`, `a3:03`), follow a colon (`localhost:8080`) or be part of a decimal (`1:30.5`).
pub fn find_clocks(text: &str) -> Vec<ClockMatch> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b':') {
            i += 1;
        }
        // The run is ASCII, so every offset inside it is a char boundary.
        let token = text.get(start..i).unwrap_or_default().trim_end_matches(':');
        let end = start + token.len();
        if glued_before(text, start) || glued_after(text, end) {
            continue;
        }
        if let Some(seconds) = parse_clock(token) {
            found.push(ClockMatch {
                start,
                end,
                seconds,
            });
        }
    }
    found
}

/// Whether the char before byte `at` joins a token starting there to a word, number or port.
fn glued_before(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or_default().chars().rev();
    match before.next() {
        Some(c) if c.is_alphanumeric() || c == ':' => true,
        Some('.') => before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the char at byte `at` joins a token ending there to a word or a decimal.
fn glued_after(text: &str, at: usize) -> bool {
    let mut after = text.get(at..).unwrap_or_default().chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('.') => after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// `1h2m3s`: numbers each followed by a unit, each unit at most once, in the order h, m, s.
fn parse_units(value: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut number: Option<u32> = None;
    let mut last_rank = 0u8;
    for byte in value.bytes() {
        if byte.is_ascii_digit() {
            let digit = u32::from(byte - b'0');
            number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            continue;
        }
        let (rank, scale) = match byte.to_ascii_lowercase() {
            b'h' => (1, 3600),
            b'm' => (2, 60),
            b's' => (3, 1),
            _ => return None,
        };
        if rank <= last_rank {
            return None;
        }
        last_rank = rank;
        total = total.checked_add(number.take()?.checked_mul(scale)?)?;
    }
    // A trailing number without its unit ("1m40") is not a time.
    number.is_none().then_some(total).filter(|_| last_rank > 0)
}

/// Whether `text` is one or more ASCII digits.
fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// One or more ASCII digits (no sign) as a `u32`; `None` when empty, not digits or too large.
fn parse_digits(text: &str) -> Option<u32> {
    if all_digits(text) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_params_in_seconds_and_units() {
        for (text, seconds) in [
            ("183", 183),
            ("0", 0),
            ("0183", 183),
            ("183s", 183),
            ("183S", 183),
            ("1m40s", 100),
            ("1M40S", 100),
            ("1h2m3s", 3723),
            ("1H2M3S", 3723),
            ("2m", 120),
            ("1h", 3600),
            ("1h5s", 3605),
            ("1h5m", 3900),
            ("0h0m0s", 0),
            ("90m", 5400),
            ("4294967295", u32::MAX),
            ("4294967295s", u32::MAX),
            ("1193046h28m15s", u32::MAX),
            (" 183s ", 183),
        ] {
            assert_eq!(parse_time_param(text), Some(seconds), "{text:?}");
        }
    }

    #[test]
    fn time_params_in_media_fragment_forms() {
        for (text, seconds) in [
            ("75.5", 75),
            ("75.999", 75),
            ("0.5", 0),
            ("10.0", 10),
            ("1:07:55", 4075),
            ("3:03", 183),
            ("06:15", 375),
        ] {
            assert_eq!(parse_time_param(text), Some(seconds), "{text:?}");
        }
    }

    #[test]
    fn time_params_rejected() {
        for text in [
            "",
            "   ",
            "-5",
            "+5",
            "-5s",
            "+1m",
            "1 m",
            "1m 40s",
            "1 83",
            "1m2m",
            "1h1h",
            "3s1m",
            "1s1h",
            "1m1h",
            "abc",
            "s",
            "m40s",
            "1m40",
            "40x",
            "1d",
            "1.",
            ".5",
            "1.5s",
            "1.2.3",
            "1,5",
            "0x10",
            "99999999999s",
            "99999999999",
            "4294967296",
            "4294967296s",
            "1193047h",
            "71582789m",
            "1193046h28m16s",
            "99999999999.5",
            "3:3",
            "1:60",
            "١٢٣",
            "１８３",
            "183秒",
            "é",
            "1m\u{0}",
            "\u{7f}",
        ] {
            assert_eq!(parse_time_param(text), None, "{text:?}");
        }
    }

    #[test]
    fn clocks_accepted() {
        for (text, seconds) in [
            ("3:03", 183),
            ("06:15", 375),
            ("1:07:55", 4075),
            ("0:45", 45),
            ("0:00", 0),
            ("75:10", 4510),
            ("01:07:55", 4075),
            ("100:00:00", 360_000),
            (" 3:03 ", 183),
            ("\t1:07:55\n", 4075),
            ("71582788:15", u32::MAX),
            ("1193046:28:15", u32::MAX),
        ] {
            assert_eq!(parse_clock(text), Some(seconds), "{text:?}");
        }
    }

    #[test]
    fn clocks_rejected() {
        for text in [
            "",
            ":",
            "3:3",
            "3:003",
            "1:60",
            "1:00:60",
            "1:60:00",
            ":30",
            "30:",
            "1::30",
            "1:2:3:4",
            "1:00:00:00",
            "12",
            "a:00",
            "3:0a",
            "-3:03",
            "+3:03",
            "3 :03",
            "3: 03",
            "3:03s",
            "3.5:03",
            "71582788:16",
            "1193046:28:16",
            "99999999999:00",
            "3:٠٣",
            "３:03",
        ] {
            assert_eq!(parse_clock(text), None, "{text:?}");
        }
    }

    #[test]
    fn clocks_formatted() {
        for (seconds, text) in [
            (183, "3:03"),
            (4075, "1:07:55"),
            (0, "0:00"),
            (59, "0:59"),
            (60, "1:00"),
            (3599, "59:59"),
            (3600, "1:00:00"),
            (36000, "10:00:00"),
            (u32::MAX, "1193046:28:15"),
        ] {
            assert_eq!(format_clock(seconds), text);
            assert_eq!(parse_clock(text), Some(seconds), "round trip {text}");
            assert_eq!(parse_time_param(text), Some(seconds), "as param {text}");
        }
    }

    /// The seconds of every clock in `text`.
    fn seconds(text: &str) -> Vec<u32> {
        find_clocks(text).into_iter().map(|c| c.seconds).collect()
    }

    /// The text of every clock in `text`.
    fn tokens(text: &str) -> Vec<&str> {
        find_clocks(text)
            .into_iter()
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    #[test]
    fn clocks_in_prose() {
        assert_eq!(seconds("(starting at 3:03)"), [183]);
        assert_eq!(tokens("(starting at 3:03)"), ["3:03"]);
        assert_eq!(seconds("starting at 1:07:55."), [4075]);
        assert_eq!(tokens("starting at 1:07:55."), ["1:07:55"]);
        assert_eq!(seconds("at 06:15, then"), [375]);
        assert_eq!(seconds("03:03 Opening remarks"), [183]);
        assert_eq!(seconds("12:30-13:00"), [750, 780]);
        assert_eq!(seconds("12:30,13:00"), [750, 780]);
        assert_eq!(seconds("3:03: the welcome"), [183]);
        assert_eq!(tokens("3:03: the welcome"), ["3:03"]);
        assert_eq!(seconds("[32:26](https://youtu.be/x?t=1946)"), [1946]);
        assert_eq!(seconds("t=1:07:55"), [4075]);
        assert_eq!(seconds("3:03\n1:07:55"), [183, 4075]);
        assert_eq!(seconds("3:03"), [183]);
        assert_eq!(seconds("75:10 talk"), [4510]);
    }

    #[test]
    fn clock_offsets_are_byte_offsets() {
        let text = "at 3:03 and 1:07:55";
        assert_eq!(
            find_clocks(text),
            [
                ClockMatch {
                    start: 3,
                    end: 7,
                    seconds: 183
                },
                ClockMatch {
                    start: 12,
                    end: 19,
                    seconds: 4075
                },
            ]
        );
    }

    #[test]
    fn clocks_among_multibyte_text() {
        let text = "début à 3:03 — merci";
        let found = find_clocks(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "3:03");
        assert_eq!(found[0].seconds, 183);
        assert_eq!(tokens("「3:03」から"), ["3:03"]);
        assert_eq!(tokens("🎤1:07:55🎤"), ["1:07:55"]);
        assert_eq!(tokens("—3:03—"), ["3:03"]);
        // Letters of any script glue.
        assert_eq!(seconds("à3:03"), Vec::<u32>::new());
        assert_eq!(seconds("3:03é"), Vec::<u32>::new());
        assert_eq!(seconds("Ж3:03"), Vec::<u32>::new());
    }

    #[test]
    fn glued_or_invalid_tokens_are_not_clocks() {
        for text in [
            "",
            "no times here",
            "doors at 6:30pm",
            "10:30am",
            "a3:03",
            "v1:03",
            "localhost:8080",
            "http://host:80/",
            ":30 left",
            "2023:",
            "1:2:3:4",
            "12:30:45:10",
            "3:3",
            "3:003",
            "1:60",
            "1:30.5",
            "1.12:30",
            "99999999999:00",
            "ratio 16:9",
            "2024-05-03T18:30:00Z",
            "12",
            "::::",
            "\u{0}",
        ] {
            assert_eq!(find_clocks(text), [], "{text:?}");
        }
    }

    #[test]
    fn finding_clocks_is_total() {
        let long = "1:".repeat(10_000);
        assert_eq!(find_clocks(&long), []);
        let many = "3:03 ".repeat(1_000);
        assert_eq!(find_clocks(&many).len(), 1_000);
        let digits = "9".repeat(10_000);
        assert_eq!(find_clocks(&format!("{digits}:00")), []);
        assert_eq!(parse_time_param(&digits), None);
        assert_eq!(parse_time_param(&format!("{digits}s")), None);
        assert_eq!(parse_clock(&format!("{digits}:00")), None);
        for text in [
            "é:",
            "3:é",
            "\u{10FFFF}3:03",
            "3:03\u{10FFFF}",
            "3\u{301}:03",
        ] {
            for clock in find_clocks(text) {
                assert!(text.is_char_boundary(clock.start) && text.is_char_boundary(clock.end));
            }
        }
    }
}
