//! Video timestamps: `t=1m40s`, `1:07:55`, and back.

/// A `t=` / `start=` / `#t=` value in seconds: `183`, `183s`, `1m40s`, `1h2m3s`, `75.5`
/// (fractions floored) or clock form `1:07:55`.
pub fn parse_time_param(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.contains(':') {
        return parse_clock(value);
    }
    if let Some((whole, fraction)) = value.split_once('.') {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        return (digits(whole) && digits(fraction))
            .then(|| whole.parse().ok())
            .flatten();
    }
    if value.is_empty() {
        return None;
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse().ok();
    }
    // 1h2m3s: each unit at most once, in order.
    let mut total: u32 = 0;
    let mut number: Option<u32> = None;
    let mut last_unit = 0u8;
    for byte in value.bytes() {
        match byte {
            b'0'..=b'9' => {
                let digit = u32::from(byte - b'0');
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            }
            unit => {
                let (rank, scale) = match unit.to_ascii_lowercase() {
                    b'h' => (1, 3600),
                    b'm' => (2, 60),
                    b's' => (3, 1),
                    _ => return None,
                };
                if rank <= last_unit {
                    return None;
                }
                last_unit = rank;
                total = total.checked_add(number.take()?.checked_mul(scale)?)?;
            }
        }
    }
    if number.is_some() {
        return None;
    }
    Some(total)
}

/// Clock text as organisers write it: `3:03`, `06:15`, `1:07:55`, `75:10`. The groups after the
/// first are two digits under 60; at most three groups.
pub fn parse_clock(text: &str) -> Option<u32> {
    let text = text.trim();
    let mut groups = text.split(':');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 7 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut total: u32 = first.parse().ok()?;
    let mut count = 1;
    for group in groups {
        count += 1;
        if count > 3 || group.len() != 2 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u32 = group.parse().ok()?;
        if value >= 60 {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(value)?;
    }
    (count >= 2).then_some(total)
}

/// Seconds as a clock: `3:03`, `1:07:55`, `0:00`.
pub fn format_clock(seconds: u32) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// A clock found in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockMatch {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Its value in seconds.
    pub seconds: u32,
}

/// Every clock token in free text ("(starting at 3:03)", "03:03 Opening"): digits and colons
/// not glued to other digits, colons or letters.
pub fn find_clocks(text: &str) -> Vec<ClockMatch> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':'))
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b':') {
            end += 1;
        }
        let token = &text[i..end];
        let glued = end < bytes.len() && bytes[end].is_ascii_alphabetic();
        let token = token.trim_end_matches(':');
        if !glued && token.contains(':') {
            if let Some(seconds) = parse_clock(token) {
                found.push(ClockMatch {
                    start: i,
                    end: i + token.len(),
                    seconds,
                });
            }
        }
        i = end.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters() {
        for (text, seconds) in [
            ("183", 183),
            ("183s", 183),
            ("1m40s", 100),
            ("1h2m3s", 3723),
            ("2m", 120),
            ("1H", 3600),
            ("1h5s", 3605),
            ("75.5", 75),
            ("1:07:55", 4075),
        ] {
            assert_eq!(parse_time_param(text), Some(seconds), "{text}");
        }
        for text in [
            "",
            "-5",
            "1m2m",
            "3s1m",
            "1 m",
            "abc",
            "99999999999s",
            "4294967296",
            "1.",
            "s",
        ] {
            assert_eq!(parse_time_param(text), None, "{text}");
        }
    }

    #[test]
    fn clocks() {
        for (text, seconds) in [
            ("3:03", 183),
            ("06:15", 375),
            ("1:07:55", 4075),
            ("0:45", 45),
            ("75:10", 4510),
        ] {
            assert_eq!(parse_clock(text), Some(seconds), "{text}");
        }
        for text in [
            "3:3",
            "3:003",
            "1:60",
            ":30",
            "1:2:3:4",
            "12",
            "1:00:00:00",
            "a:00",
        ] {
            assert_eq!(parse_clock(text), None, "{text}");
        }
        for (seconds, text) in [
            (183, "3:03"),
            (4075, "1:07:55"),
            (0, "0:00"),
            (59, "0:59"),
            (3600, "1:00:00"),
            (36000, "10:00:00"),
        ] {
            assert_eq!(format_clock(seconds), text);
        }
    }

    #[test]
    fn clocks_in_text() {
        let seconds = |text: &str| {
            find_clocks(text)
                .into_iter()
                .map(|c| c.seconds)
                .collect::<Vec<_>>()
        };
        assert_eq!(seconds("(starting at 3:03)"), [183]);
        assert_eq!(seconds("starting at 1:07:55."), [4075]);
        assert_eq!(seconds("03:03 Opening remarks"), [183]);
        assert_eq!(seconds("12:30-13:00"), [750, 780]);
        assert_eq!(seconds("doors at 6:30pm, 2023:"), Vec::<u32>::new());
        let text = "début à 3:03 — merci";
        let found = find_clocks(text);
        assert_eq!(&text[found[0].start..found[0].end], "3:03");
    }
}
