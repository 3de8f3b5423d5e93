//! Small value types shared by the generated types: unknown enum values, binary data,
//! timestamps, untyped documents and arbitrary-precision numbers.

use std::collections::HashMap;
use std::fmt;

/// An enum value the service sent (or the user chose) that this version of the bindings
/// does not know. It is kept exactly, so it can be inspected and written back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownVariantValue(pub(crate) String);

impl UnknownVariantValue {
    /// The value as it was received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Binary data, sent base64-encoded in JSON. `Debug` and `Display` show it in hex, as
/// aws-smithy-types does.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(Vec<u8>);

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob {{ inner: {self} }}")
    }
}

impl Blob {
    /// Wraps the bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// Takes the bytes out.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

/// The bytes in lowercase hexadecimal, as aws-smithy-types prints a blob.
impl fmt::Display for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in &self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// How a timestamp is written: Smithy's `@timestampFormat` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Seconds since 1970-01-01T00:00:00Z as a JSON number, with a fraction when needed.
    EpochSeconds,
    /// RFC 3339, as in `2024-02-29T12:30:05.25Z`.
    DateTime,
    /// The IMF-fixdate of HTTP, as in `Thu, 29 Feb 2024 12:30:05 GMT`.
    HttpDate,
    /// RFC 3339 that may carry a UTC offset when read (`2024-02-29T13:30:05+01:00`); written
    /// in UTC, as [`DateTime`](Format::DateTime).
    DateTimeWithOffset,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::EpochSeconds => "EpochSeconds",
            Format::DateTime | Format::DateTimeWithOffset => "DateTime",
            Format::HttpDate => "HttpDate",
        }
    }
}

/// The name aws-sdk-rust gives [`Format`] in its `primitives` module.
#[allow(unused_imports, reason = "a public name for users; the crate itself says `Format`")]
pub use self::Format as DateTimeFormat;

/// An instant, exact to the nanosecond, from far before 1970 to far after.
///
/// `Display` writes RFC 3339 (epoch seconds for years outside 1–9999).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    seconds: i64,
    nanos: u32,
}

/// A timestamp that could not be read, formatted or converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeError(String);

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateTimeError {}

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl DateTime {
    /// Whole seconds since the Unix epoch.
    pub fn from_secs(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }

    /// Seconds since the epoch plus a fraction of the next second; `nanos` beyond one
    /// second carry into `seconds`.
    pub fn from_secs_and_nanos(seconds: i64, nanos: u32) -> Self {
        Self {
            seconds: seconds + i64::from(nanos / NANOS_PER_SECOND),
            nanos: nanos % NANOS_PER_SECOND,
        }
    }

    /// Milliseconds since the epoch.
    pub fn from_millis(millis: i64) -> Self {
        Self::from_secs_and_nanos(millis.div_euclid(1000), (millis.rem_euclid(1000) as u32) * 1_000_000)
    }

    /// Whole seconds since the epoch, rounded down (so -0.5 s is -1 s plus 500 ms).
    pub fn secs(&self) -> i64 {
        self.seconds
    }

    /// Nanoseconds past [`secs`](Self::secs).
    pub fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Nanoseconds since the epoch; fails beyond the range of `i64` seconds.
    pub fn from_nanos(nanos: i128) -> Result<Self, DateTimeError> {
        let seconds = i64::try_from(nanos.div_euclid(i128::from(NANOS_PER_SECOND)))
            .map_err(|_| DateTimeError(format!("{nanos} epoch nanoseconds do not fit in a DateTime")))?;
        Ok(Self { seconds, nanos: nanos.rem_euclid(i128::from(NANOS_PER_SECOND)) as u32 })
    }

    /// Whole seconds plus a fraction (0.0 up to 1.0) of the next second.
    pub fn from_fractional_secs(seconds: i64, fraction: f64) -> Self {
        let nanos = (fraction * f64::from(NANOS_PER_SECOND)).round() as u32;
        Self::from_secs_and_nanos(seconds, nanos)
    }

    /// Seconds since the epoch as a float, rounded to the nearest nanosecond.
    pub fn from_secs_f64(seconds: f64) -> Self {
        let whole = seconds.floor();
        Self::from_fractional_secs(whole as i64, seconds - whole)
    }

    /// Seconds since the epoch as a float (exact to about a microsecond today).
    pub fn as_secs_f64(&self) -> f64 {
        self.seconds as f64 + f64::from(self.nanos) / f64::from(NANOS_PER_SECOND)
    }

    /// Nanoseconds since the epoch.
    pub fn as_nanos(&self) -> i128 {
        i128::from(self.seconds) * i128::from(NANOS_PER_SECOND) + i128::from(self.nanos)
    }

    /// Milliseconds since the epoch, rounded down; fails beyond the range of `i64`.
    pub fn to_millis(self) -> Result<i64, DateTimeError> {
        self.seconds
            .checked_mul(1000)
            .and_then(|millis| millis.checked_add(i64::from(self.nanos / 1_000_000)))
            .ok_or_else(|| DateTimeError(format!("{self} does not fit in i64 epoch milliseconds")))
    }

    /// Whether the instant falls between whole seconds.
    pub fn has_subsec_nanos(&self) -> bool {
        self.nanos != 0
    }

    /// Replaces the whole seconds.
    pub fn set_seconds(&mut self, seconds: i64) -> &mut Self {
        self.seconds = seconds;
        self
    }

    /// Replaces the nanoseconds past the whole seconds; whole seconds in `nanos` carry over.
    pub fn set_subsec_nanos(&mut self, nanos: u32) -> &mut Self {
        *self = Self::from_secs_and_nanos(self.seconds, nanos);
        self
    }

    /// Writes the instant in `format`. RFC 3339 and HTTP dates exist only for the years
    /// 1 to 9999, so other instants are an error in those formats.
    pub fn fmt(&self, format: Format) -> Result<String, DateTimeError> {
        if format != Format::EpochSeconds {
            let (year, _, _) = civil_from_days(self.seconds.div_euclid(86_400));
            if !(1..=9999).contains(&year) {
                return Err(DateTimeError(format!(
                    "{} cannot be written as {format:?}: the format covers the years 1 to 9999",
                    self.epoch_seconds_text()
                )));
            }
        }
        Ok(self.format_text(format))
    }

    /// Writes the instant in `format`, whatever its year (the serializers' form). It is the
    /// text aws-sdk-rust puts on the wire: RFC 3339 to the microsecond, HTTP dates to the
    /// second, epoch seconds to the nanosecond.
    pub(crate) fn format_text(&self, format: Format) -> String {
        match format {
            Format::EpochSeconds => self.epoch_seconds_text(),
            Format::DateTime | Format::DateTimeWithOffset => {
                let (year, month, day) = civil_from_days(self.seconds.div_euclid(86_400));
                let (hour, minute, second) = self.time_of_day();
                let micros = DateTime::from_secs_and_nanos(0, self.nanos / 1000 * 1000).fraction_text();
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{micros}Z")
            }
            Format::HttpDate => {
                let days = self.seconds.div_euclid(86_400);
                let (year, month, day) = civil_from_days(days);
                let (hour, minute, second) = self.time_of_day();
                let weekday = DAYS[days.rem_euclid(7) as usize];
                let month = MONTHS[month as usize - 1];
                format!("{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02} GMT")
            }
        }
    }

    /// Reads an instant written in `format`.
    pub fn from_str(text: &str, format: Format) -> Result<Self, DateTimeError> {
        let parsed = match format {
            Format::EpochSeconds => parse_epoch_seconds(text),
            // Smithy's date-time is UTC with `Z`; responses may carry offsets, which the
            // parsers read as DateTimeWithOffset.
            Format::DateTime if !text.ends_with('Z') => None,
            Format::DateTime | Format::DateTimeWithOffset => parse_rfc3339(text),
            Format::HttpDate => parse_http_date(text),
        };
        parsed.ok_or_else(|| DateTimeError(format!("{text:?} is not a valid {} timestamp", format.name())))
    }

    fn time_of_day(&self) -> (i64, i64, i64) {
        let in_day = self.seconds.rem_euclid(86_400);
        (in_day / 3600, in_day % 3600 / 60, in_day % 60)
    }

    /// `.25` for 250 ms; empty for whole seconds. Trailing zeros are dropped.
    fn fraction_text(&self) -> String {
        if self.nanos == 0 {
            return String::new();
        }
        let digits = format!("{:09}", self.nanos);
        format!(".{}", digits.trim_end_matches('0'))
    }

    fn epoch_seconds_text(&self) -> String {
        if self.nanos == 0 {
            return self.seconds.to_string();
        }
        if self.seconds >= 0 {
            return format!("{}{}", self.seconds, self.fraction_text());
        }
        // -1.25 s is stored as -2 s + 750 ms; written, it is minus (1 s + 250 ms).
        let whole = -(self.seconds + 1);
        let fraction = DateTime::from_secs_and_nanos(0, NANOS_PER_SECOND - self.nanos).fraction_text();
        format!("-{whole}{fraction}")
    }
}

/// The same text as `Display`, as aws-smithy-types prints it.
impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = DateTime::fmt(self, Format::DateTime).unwrap_or_else(|_| self.epoch_seconds_text());
        f.write_str(&text)
    }
}

impl From<std::time::SystemTime> for DateTime {
    fn from(time: std::time::SystemTime) -> Self {
        match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => Self::from_secs_and_nanos(after.as_secs() as i64, after.subsec_nanos()),
            Err(before) => {
                let before = before.duration();
                let nanos = -(i128::from(before.as_secs()) * i128::from(NANOS_PER_SECOND) + i128::from(before.subsec_nanos()));
                // A SystemTime is always within i64 seconds of the epoch.
                Self::from_nanos(nanos).unwrap_or_default()
            }
        }
    }
}

impl TryFrom<DateTime> for std::time::SystemTime {
    type Error = DateTimeError;

    fn try_from(time: DateTime) -> Result<Self, Self::Error> {
        let overflow = || DateTimeError(format!("{time} is outside the range of SystemTime"));
        if time.seconds >= 0 {
            let after = std::time::Duration::new(time.seconds as u64, time.nanos);
            std::time::UNIX_EPOCH.checked_add(after).ok_or_else(overflow)
        } else {
            let nanos = -time.as_nanos();
            let whole = u64::try_from(nanos / i128::from(NANOS_PER_SECOND)).map_err(|_| overflow())?;
            let before = std::time::Duration::new(whole, (nanos % i128::from(NANOS_PER_SECOND)) as u32);
            std::time::UNIX_EPOCH.checked_sub(before).ok_or_else(overflow)
        }
    }
}

/// Days since 1970-01-01 → (year, month 1–12, day 1–31), in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Count from 0000-03-01, so that the leap day ends each 400-year era's years.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month 1–12, day 1–31) → days since 1970-01-01; `None` for dates that do not exist.
fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    let leap = year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0);
    let month_length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > month_length {
        return None;
    }
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Decimal digits after a `.`, as nanoseconds; digits past the ninth are dropped.
fn parse_fraction(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut padded: String = digits.chars().take(9).collect();
    while padded.len() < 9 {
        padded.push('0');
    }
    padded.parse().ok()
}

fn parse_epoch_seconds(text: &str) -> Option<DateTime> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if unsigned.contains(['e', 'E']) {
        // Exponent notation is rare enough that a float's precision serves.
        let value: f64 = text.parse().ok().filter(|v: &f64| v.is_finite())?;
        let seconds = value.floor();
        let nanos = ((value - seconds) * f64::from(NANOS_PER_SECOND)).round() as u32;
        return Some(DateTime::from_secs_and_nanos(seconds as i64, nanos));
    }
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, parse_fraction(fraction)?),
        None => (unsigned, 0),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    Some(match (negative, fraction) {
        (false, _) => DateTime::from_secs_and_nanos(whole, fraction),
        (true, 0) => DateTime::from_secs(-whole),
        (true, _) => DateTime::from_secs_and_nanos(-whole - 1, NANOS_PER_SECOND - fraction),
    })
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with `T` and `Z` in either case.
fn parse_rfc3339(text: &str) -> Option<DateTime> {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || bytes[4] != b'-' || bytes[7] != b'-' || !matches!(bytes[10], b'T' | b't') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok()).flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let mut rest = &text[19..];
    let mut nanos = 0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let digits = after_dot.bytes().take_while(u8::is_ascii_digit).count();
        nanos = parse_fraction(&after_dot[..digits])?;
        rest = &after_dot[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let offset = rest.get(1..)?;
            let (hours, minutes) = offset.split_once(':')?;
            if hours.len() != 2 || minutes.len() != 2 {
                return None;
            }
            let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 3600 + minutes * 60)
        }
    };
    instant(year, month, day, hour, minute, second, nanos, offset)
}

/// `Sun, 06 Nov 1994 08:49:37[.fraction] GMT`.
fn parse_http_date(text: &str) -> Option<DateTime> {
    let mut parts = text.split(' ');
    let weekday = parts.next()?.strip_suffix(',')?;
    let day: u32 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year: i64 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let time = parts.next()?;
    if parts.next() != Some("GMT") || parts.next().is_some() {
        return None;
    }
    let (clock, nanos) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, parse_fraction(fraction)?),
        None => (time, 0),
    };
    let mut fields = clock.split(':').map(|f| f.parse::<i64>().ok().filter(|_| f.len() == 2));
    let (hour, minute, second) = (fields.next()??, fields.next()??, fields.next()??);
    if fields.next().is_some() {
        return None;
    }
    let parsed = instant(year, i64::from(month), i64::from(day), hour, minute, second, nanos, 0)?;
    let days = parsed.seconds.div_euclid(86_400);
    (DAYS[days.rem_euclid(7) as usize] == weekday).then_some(parsed)
}

#[allow(clippy::too_many_arguments)]
fn instant(year: i64, month: i64, day: i64, hour: i64, minute: i64, second: i64, nanos: u32, offset: i64) -> Option<DateTime> {
    // Second 60 is a leap second; it reads as the first second of the next minute.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Some(DateTime::from_secs_and_nanos(seconds, nanos))
}

/// A number in a [`Document`], kept as the kind of number it was written as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A number with a fraction or exponent, or one too large for an integer.
    Float(f64),
}

/// An untyped JSON value, for members whose shape the model leaves open.
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// A JSON object.
    Object(HashMap<String, Document>),
    /// A JSON array.
    Array(Vec<Document>),
    /// A JSON number.
    Number(Number),
    /// A JSON string.
    String(String),
    /// A JSON boolean.
    Bool(bool),
    /// JSON `null`.
    Null,
}

macro_rules! big_number {
    ($name:ident, $what:literal, $integer_only:literal) => {
        #[doc = concat!("An arbitrary-precision ", $what, ", kept as its exact decimal text.")]
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// The decimal text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Zero, which client error correction puts in a required member the response
            /// left out.
            #[allow(dead_code, reason = "only required members of this type call it")]
            pub(crate) fn zero() -> Self {
                Self("0".to_owned())
            }
        }

        impl std::str::FromStr for $name {
            type Err = BigNumberError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                if is_json_number(text, $integer_only) {
                    Ok(Self(text.to_owned()))
                } else {
                    Err(BigNumberError(format!(concat!("{:?} is not ", $what), text)))
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

big_number!(BigInteger, "an integer", true);
big_number!(BigDecimal, "a decimal number", false);

/// Text that is not the number a [`BigInteger`] or [`BigDecimal`] needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigNumberError(String);

impl fmt::Display for BigNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BigNumberError {}

/// Whether `text` follows the JSON number grammar (integers only, if asked).
fn is_json_number(text: &str, integer_only: bool) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let int_end = unsigned.find(|c: char| !c.is_ascii_digit()).unwrap_or(unsigned.len());
    let (int, rest) = unsigned.split_at(int_end);
    if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
        return false;
    }
    if integer_only {
        return rest.is_empty();
    }
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => {
            let digits = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
            if digits == 0 {
                return false;
            }
            &fraction[digits..]
        }
        None => rest,
    };
    match rest.strip_prefix(['e', 'E']) {
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit())
        }
        None => rest.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime {
        DateTime::from_str(text, Format::DateTimeWithOffset).unwrap()
    }

    #[test]
    fn formats_and_reads_all_three_formats() {
        let t = DateTime::from_secs_and_nanos(1_709_209_805, 250_000_000);
        assert_eq!(t.format_text(Format::EpochSeconds), "1709209805.25");
        assert_eq!(t.format_text(Format::DateTime), "2024-02-29T12:30:05.25Z");
        // HTTP dates have whole seconds, as aws-sdk-rust writes them; a fraction is still read.
        assert_eq!(t.format_text(Format::HttpDate), "Thu, 29 Feb 2024 12:30:05 GMT");
        assert_eq!(DateTime::from_str("Thu, 29 Feb 2024 12:30:05.25 GMT", Format::HttpDate), Ok(t));
        for format in [Format::EpochSeconds, Format::DateTime] {
            assert_eq!(DateTime::from_str(&t.format_text(format), format), Ok(t), "{format:?}");
        }
        let nanos = DateTime::from_secs_and_nanos(0, 123_456_789);
        assert_eq!(nanos.format_text(Format::DateTime), "1970-01-01T00:00:00.123456Z", "microseconds at most");
        assert_eq!(nanos.fmt(Format::DateTime).as_deref(), Ok("1970-01-01T00:00:00.123456Z"));
        assert_eq!(nanos.format_text(Format::EpochSeconds), "0.123456789");
        assert!(DateTime::from_str("2024-02-29T13:30:05+01:00", Format::DateTime).is_err(), "date-time is UTC");
        assert_eq!(DateTime::from_secs(0).format_text(Format::HttpDate), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    #[test]
    fn leap_years_follow_the_gregorian_rules() {
        assert_eq!(at("2000-02-29T00:00:00Z").format_text(Format::DateTime), "2000-02-29T00:00:00Z");
        assert_eq!(at("2000-02-29T00:00:00Z").secs(), 951_782_400);
        assert_eq!(at("2024-02-29T23:59:59Z").secs() + 1, at("2024-03-01T00:00:00Z").secs());
        assert!(DateTime::from_str("1900-02-29T00:00:00Z", Format::DateTime).is_err());
        assert!(DateTime::from_str("2023-02-29T00:00:00Z", Format::DateTime).is_err());
        assert_eq!(at("2100-03-01T00:00:00Z").secs() - at("2100-02-28T00:00:00Z").secs(), 86_400);
    }

    #[test]
    fn instants_before_1970() {
        let t = at("1969-12-31T23:59:59.5Z");
        assert_eq!((t.secs(), t.subsec_nanos()), (-1, 500_000_000));
        assert_eq!(t.format_text(Format::EpochSeconds), "-0.5");
        assert_eq!(DateTime::from_str("-0.5", Format::EpochSeconds), Ok(t));
        assert_eq!(DateTime::from_str("-1.25", Format::EpochSeconds).unwrap().format_text(Format::DateTime), "1969-12-31T23:59:58.75Z");
        assert_eq!(at("1601-01-01T00:00:00Z").secs(), -11_644_473_600);
        assert_eq!(DateTime::from_secs(-11_644_473_600).format_text(Format::HttpDate), "Mon, 01 Jan 1601 00:00:00 GMT");
        assert_eq!(DateTime::from_millis(-1).format_text(Format::EpochSeconds), "-0.001");
    }

    #[test]
    fn offsets_and_exponents() {
        assert_eq!(at("2024-02-29T13:30:05+01:00"), at("2024-02-29T12:30:05Z"));
        assert_eq!(at("2024-02-29t12:30:05-00:30").secs(), at("2024-02-29T13:00:05Z").secs());
        assert_eq!(DateTime::from_str("1.5e3", Format::EpochSeconds), Ok(DateTime::from_secs_and_nanos(1500, 0)));
        assert_eq!(DateTime::from_str("1700000000.123456789999", Format::EpochSeconds).unwrap().subsec_nanos(), 123_456_789);
    }

    #[test]
    fn rejects_malformed_timestamps() {
        for bad in ["2024-13-01T00:00:00Z", "2024-02-29 12:30:05Z", "2024-02-29T24:00:00Z", "2024-02-29T12:30:05", "2024-02-29T12:30:05+1:00"] {
            assert!(DateTime::from_str(bad, Format::DateTime).is_err(), "{bad}");
        }
        assert!(DateTime::from_str("Fri, 29 Feb 2024 12:30:05 GMT", Format::HttpDate).is_err(), "wrong weekday");
        assert!(DateTime::from_str("Thu, 29 Feb 2024 12:30:05 UTC", Format::HttpDate).is_err());
        for bad in ["", "-", "1.", ".5", "1x", "--1", "NaN"] {
            assert!(DateTime::from_str(bad, Format::EpochSeconds).is_err(), "{bad}");
        }
    }

    #[test]
    fn big_numbers_keep_their_text() {
        let big: BigInteger = "-123456789012345678901234567890".parse().unwrap();
        assert_eq!(big.as_str(), "-123456789012345678901234567890");
        assert!("1.5".parse::<BigInteger>().is_err());
        assert!("01".parse::<BigInteger>().is_err());
        let decimal: BigDecimal = "-0.000000000000000000001e-7".parse().unwrap();
        assert_eq!(decimal.to_string(), "-0.000000000000000000001e-7");
        for bad in ["", "1.", ".1", "1e", "+1", "NaN", "1 "] {
            assert!(bad.parse::<BigDecimal>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn formatting_outside_years_1_to_9999_is_an_error_except_as_epoch_seconds() {
        let before_year_one = DateTime::from_secs(-62_135_596_801);
        assert!(before_year_one.fmt(Format::DateTime).is_err());
        assert!(before_year_one.fmt(Format::HttpDate).is_err());
        assert_eq!(before_year_one.fmt(Format::EpochSeconds).as_deref(), Ok("-62135596801"));
        assert_eq!(before_year_one.to_string(), "-62135596801");
        assert_eq!(DateTime::from_secs(1_700_000_000).to_string(), "2023-11-14T22:13:20Z");
        assert_eq!(
            DateTime::from_secs(1_700_000_000).fmt(Format::DateTimeWithOffset).as_deref(),
            Ok("2023-11-14T22:13:20Z")
        );
    }

    #[test]
    fn nanos_millis_floats_and_system_time_convert_both_ways() {
        let t = DateTime::from_nanos(-1_500_000_000).unwrap();
        assert_eq!((t.secs(), t.subsec_nanos()), (-2, 500_000_000));
        assert_eq!(t.as_nanos(), -1_500_000_000);
        assert_eq!(t.to_millis(), Ok(-1500));
        assert!(DateTime::from_nanos(i128::MAX).is_err());
        assert!(DateTime::from_secs(i64::MAX).to_millis().is_err());
        assert_eq!(DateTime::from_secs_f64(1.25), DateTime::from_secs_and_nanos(1, 250_000_000));
        assert_eq!(DateTime::from_secs_f64(-0.5).as_secs_f64(), -0.5);
        assert_eq!(DateTime::from_fractional_secs(3, 1.0), DateTime::from_secs(4));
        for t in [DateTime::from_millis(1_700_000_000_123), DateTime::from_millis(-1)] {
            let system = std::time::SystemTime::try_from(t).unwrap();
            assert_eq!(DateTime::from(system), t);
        }
        let mut t = DateTime::from_secs(10);
        t.set_seconds(20).set_subsec_nanos(5);
        assert_eq!((t.secs(), t.subsec_nanos(), t.has_subsec_nanos()), (20, 5, true));
    }

    #[test]
    fn blobs_print_as_hex_and_give_their_bytes_back() {
        assert_eq!(Blob::new("abc").to_string(), "616263");
        assert_eq!(Vec::<u8>::from(Blob::from(&b"\x00\xff"[..])), vec![0, 255]);
    }
}
