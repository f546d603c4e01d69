//! RFC 3339 timestamps, as JSON Feed's `date_published` carries them, and dates in words.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A valid RFC 3339 date-time, kept as written so that it round-trips unchanged.
///
/// The calendar date is the one written in the string (the organiser's local date), while
/// ordering uses the instant it denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    raw: String,
    year: i32,
    month: u8,
    day: u8,
    /// Seconds since 1970-01-01T00:00:00Z.
    unix: i64,
}

/// Why a string is not an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not RFC 3339 (expected like 2023-05-03T18:30:00Z): {0:?}")]
pub struct DateError(String);

impl Timestamp {
    /// Parses an RFC 3339 date-time such as `2023-05-03T18:30:00Z` or
    /// `2023-05-03T18:30:00.5+01:00`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        parse_rfc3339(text).ok_or_else(|| DateError(text.to_owned()))
    }

    /// The timestamp exactly as written.
    pub(crate) fn as_str(&self) -> &str {
        &self.raw
    }

    /// Seconds since the Unix epoch of the instant it denotes.
    pub fn unix_seconds(&self) -> i64 {
        self.unix
    }

    /// The calendar year as written.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The date as written: year, month (1–12), day, and weekday (0 for Monday).
    pub(crate) fn calendar(&self) -> (i32, u8, u8, usize) {
        let days = days_from_civil(self.year, self.month, self.day);
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let weekday = (days + 3).rem_euclid(7) as usize;
        (self.year, self.month, self.day, weekday)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a visitor, so that a bad date is reported where it stands in the document.
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an RFC 3339 timestamp")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                Timestamp::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A cursor over ASCII digits and separators.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn number(&mut self, width: usize) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + width)?;
        self.pos += width;
        digits.iter().try_fold(0u32, |acc, b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    }

    fn expect(&mut self, accepted: &[u8]) -> Option<()> {
        let byte = self.bytes.get(self.pos)?;
        self.pos += 1;
        accepted.contains(byte).then_some(())
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }
}

fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let mut c = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let year = c.number(4)?;
    c.expect(b"-")?;
    let month = u8::try_from(c.number(2)?).ok()?;
    c.expect(b"-")?;
    let day = u8::try_from(c.number(2)?).ok()?;
    c.expect(b"Tt ")?;
    let hour = c.number(2)?;
    c.expect(b":")?;
    let minute = c.number(2)?;
    c.expect(b":")?;
    let second = c.number(2)?;
    if c.peek() == Some(b'.') {
        c.pos += 1;
        let start = c.pos;
        while c.peek().is_some_and(|b| b.is_ascii_digit()) {
            c.pos += 1;
        }
        if c.pos == start {
            return None;
        }
    }
    let offset_seconds = match c.peek()? {
        b'Z' | b'z' => {
            c.pos += 1;
            0
        }
        sign @ (b'+' | b'-') => {
            c.pos += 1;
            let hours = c.number(2)?;
            c.expect(b":")?;
            let minutes = c.number(2)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i64::from(hours * 3600 + minutes * 60);
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let year = i32::try_from(year).ok()?;
    let valid = c.pos == text.len()
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && hour <= 23
        && minute <= 59
        // 60 is a leap second.
        && second <= 60;
    if !valid {
        return None;
    }
    let unix = days_from_civil(year, month, day) * 86_400
        + i64::from(hour * 3600 + minute * 60 + second)
        - offset_seconds;
    Some(Timestamp {
        raw: text.to_owned(),
        year,
        month,
        day,
        unix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        let utc = Timestamp::parse("2023-05-03T17:30:00Z").unwrap();
        let bst = Timestamp::parse("2023-05-03T18:30:00+01:00").unwrap();
        assert_eq!(utc.unix_seconds(), bst.unix_seconds());
        assert_eq!(utc.unix_seconds(), 1_683_135_000);
    }

    #[test]
    fn accepts_fractions_lowercase_and_space_separator() {
        for text in [
            "2023-05-03T18:30:00.123Z",
            "2023-05-03t18:30:00z",
            "2023-05-03 18:30:00-05:30",
            "2024-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(Timestamp::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_rfc3339() {
        for text in [
            "",
            "2023-05-03",
            "2023-05-03T18:30Z",
            "2023-05-03T18:30:00",
            "2023-13-03T18:30:00Z",
            "2023-02-29T18:30:00Z",
            "2023-04-31T18:30:00Z",
            "2023-05-03T24:00:00Z",
            "2023-05-03T18:30:00.Z",
            "2023-05-03T18:30:00+0100",
            "2023-05-03T18:30:00Z trailing",
            "May 3rd, 2023",
            "２０２３-05-03T18:30:00Z",
        ] {
            assert!(Timestamp::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn the_calendar_is_the_written_date() {
        let t = Timestamp::parse("2023-05-03T23:30:00-04:00").unwrap();
        // A Wednesday (2), though it is already Thursday in UTC.
        assert_eq!(t.calendar(), (2023, 5, 3, 2));
        assert_eq!(t.year(), 2023);
        let leap = Timestamp::parse("2024-02-29T12:00:00Z").unwrap();
        assert_eq!(leap.calendar(), (2024, 2, 29, 3));
        let epoch = Timestamp::parse("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(epoch.unix_seconds(), 0);
        assert_eq!(epoch.calendar(), (1970, 1, 1, 3));
        let sunday = Timestamp::parse("2026-12-06T10:00:00Z").unwrap();
        assert_eq!(sunday.calendar().3, 6);
    }

    #[test]
    fn round_trips_through_serde_as_written() {
        let t: Timestamp = serde_json::from_str("\"2023-05-03T18:30:00.5+01:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2023-05-03T18:30:00.5+01:00\""
        );
        let err = serde_json::from_str::<Timestamp>("\"yesterday\"").unwrap_err();
        assert!(err.to_string().starts_with("not RFC 3339"), "{err}");
    }
}
