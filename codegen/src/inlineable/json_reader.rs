//! A pull reader for JSON response bodies. Generated deserializers ask it for the value they
//! expect next; anything else is an error that says what was found and at which byte.
//! Unknown members are skipped without recursion, and nesting is capped so that hostile
//! bodies cannot exhaust the stack.

// A crate uses only the value kinds its operations' members have.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting than any AWS response uses; beyond it a body is rejected, not parsed.
const MAX_DEPTH: usize = 128;

/// A response body that is not the JSON the model describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    offset: usize,
    message: String,
}

impl JsonError {
    /// The byte offset in the body where the problem was found.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for JsonError {}

#[derive(Clone)]
pub(crate) struct JsonReader<'a> {
    /// The body up to its first byte that is not UTF-8: the whole body is checked once, so
    /// that strings are borrowed from it without checking each again.
    text: &'a str,
    /// `text`'s bytes, which is all of the body the reader sees.
    bytes: &'a [u8],
    /// Where the body stops being UTF-8, if it does; reading that far is an error.
    invalid_utf8_at: Option<usize>,
    position: usize,
    /// How many containers are open.
    depth: usize,
    /// Bit `n` is set when the container at depth `n` is an object (clear: an array). A
    /// bit set, not a `Vec`, so reading allocates nothing; it is why the depth cap is 128.
    objects: u128,
    /// Whether the next `next_key`/`has_next_element` call is the first in its container.
    first: bool,
}

impl<'a> JsonReader<'a> {
    pub(crate) fn new(body: &'a [u8]) -> Self {
        // JSON is UTF-8 throughout (RFC 8259 §8.1), so a body that is not holds no value past
        // that point; checking it whole costs less than checking each string.
        let (text, invalid_utf8_at) = match std::str::from_utf8(body) {
            Ok(text) => (text, None),
            Err(error) => {
                let valid = error.valid_up_to();
                (std::str::from_utf8(&body[..valid]).unwrap_or_default(), Some(valid))
            }
        };
        Self {
            text,
            bytes: text.as_bytes(),
            invalid_utf8_at,
            position: 0,
            depth: 0,
            objects: 0,
            first: true,
        }
    }

    /// A reader over the empty body, for a reader not yet given one.
    pub(crate) fn empty() -> Self {
        Self {
            text: "",
            bytes: &[],
            invalid_utf8_at: None,
            position: 0,
            depth: 0,
            objects: 0,
            first: true,
        }
    }

    /// A new reader over the same body at `position`, such as at a value an earlier pass
    /// found; its errors still give offsets in the whole body.
    pub(crate) fn at(&self, position: usize) -> Self {
        Self {
            position,
            depth: 0,
            objects: 0,
            first: true,
            ..*self
        }
    }

    /// Skips whitespace and returns where the next value starts.
    pub(crate) fn value_start(&mut self) -> usize {
        self.skip_whitespace();
        self.position
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError {
            offset: self.position,
            message: message.into(),
        }
    }

    /// Consumes `{`.
    pub(crate) fn begin_object(&mut self) -> Result<(), JsonError> {
        self.expect_byte(b'{', "an object")?;
        self.enter()
    }

    /// The next member name of the current object, or `None` after its `}`.
    pub(crate) fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            self.leave();
            return Ok(None);
        }
        if !std::mem::replace(&mut self.first, false) {
            self.expect_byte(b',', "`,` or `}`")?;
            self.skip_whitespace();
        }
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("a member name"));
        }
        let key = self.string_literal()?;
        self.skip_whitespace();
        self.expect_byte(b':', "`:`")?;
        Ok(Some(key))
    }

    /// Consumes `[`.
    pub(crate) fn begin_array(&mut self) -> Result<(), JsonError> {
        self.expect_byte(b'[', "an array")?;
        self.enter()
    }

    /// Whether another element follows in the current array; consumes `]` when not.
    pub(crate) fn has_next_element(&mut self) -> Result<bool, JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            self.leave();
            return Ok(false);
        }
        if !std::mem::replace(&mut self.first, false) {
            self.expect_byte(b',', "`,` or `]`")?;
        }
        Ok(true)
    }

    /// Consumes `null` and returns true if it comes next.
    pub(crate) fn take_null(&mut self) -> bool {
        self.skip_whitespace();
        let null = self.bytes[self.position..].starts_with(b"null");
        if null {
            self.position += 4;
        }
        null
    }

    pub(crate) fn optional_string(&mut self) -> Result<Option<String>, JsonError> {
        Ok(self.optional_str()?.map(Cow::into_owned))
    }

    /// A string borrowed from the body when it has no escapes, for values that are matched
    /// rather than kept (enum values).
    pub(crate) fn optional_str(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        if self.take_null() {
            return Ok(None);
        }
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("a string"));
        }
        self.string_literal().map(Some)
    }

    /// The value if it is a string; any other value (`null` included) is skipped.
    pub(crate) fn string_or_skip(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b'"') {
            return self.string_literal().map(Some);
        }
        self.skip_value().map(|()| None)
    }

    pub(crate) fn optional_bool(&mut self) -> Result<Option<bool>, JsonError> {
        if self.take_null() {
            return Ok(None);
        }
        let rest = &self.bytes[self.position..];
        if rest.starts_with(b"true") {
            self.position += 4;
            Ok(Some(true))
        } else if rest.starts_with(b"false") {
            self.position += 5;
            Ok(Some(false))
        } else {
            Err(self.unexpected("a boolean"))
        }
    }

    /// An integer that must fit `T`; fractions and exponents are rejected, not rounded.
    pub(crate) fn optional_integer<T: TryFrom<i64>>(&mut self) -> Result<Option<T>, JsonError> {
        if self.take_null() {
            return Ok(None);
        }
        let start = self.position;
        let text = self.number_literal()?;
        let value: i64 = text.parse().map_err(|_| JsonError {
            offset: start,
            message: format!("expected an integer, found {text}"),
        })?;
        T::try_from(value).map(Some).map_err(|_| JsonError {
            offset: start,
            message: format!("integer {text} is out of range"),
        })
    }

    /// A number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    pub(crate) fn optional_float(&mut self) -> Result<Option<f64>, JsonError> {
        if self.take_null() {
            return Ok(None);
        }
        if self.peek() == Some(b'"') {
            let start = self.position;
            return match self.string_literal()?.as_ref() {
                "NaN" => Ok(Some(f64::NAN)),
                "Infinity" => Ok(Some(f64::INFINITY)),
                "-Infinity" => Ok(Some(f64::NEG_INFINITY)),
                other => Err(JsonError {
                    offset: start,
                    message: format!("expected a number, found the string {other:?}"),
                }),
            };
        }
        let start = self.position;
        let text = self.number_literal()?;
        text.parse().map(Some).map_err(|_| JsonError {
            offset: start,
            message: format!("expected a number, found {text}"),
        })
    }

    /// The text of a number, exactly as written (for big numbers).
    pub(crate) fn optional_number_text(&mut self) -> Result<Option<&'a str>, JsonError> {
        if self.take_null() {
            return Ok(None);
        }
        self.number_literal().map(Some)
    }

    /// A number parsed into `T`, such as a big integer kept as exact text.
    pub(crate) fn optional_parsed<T>(&mut self) -> Result<Option<T>, JsonError>
    where
        T: std::str::FromStr,
        T::Err: fmt::Display,
    {
        let start = self.position;
        let Some(text) = self.optional_number_text()? else {
            return Ok(None);
        };
        text.parse()
            .map(Some)
            .map_err(|error: T::Err| Self::error_at(start, &error.to_string()))
    }

    /// A base64 string.
    pub(crate) fn optional_blob(&mut self) -> Result<Option<super::primitives::Blob>, JsonError> {
        let start = self.position;
        let Some(text) = self.optional_string()? else {
            return Ok(None);
        };
        super::base64::decode(&text)
            .map(|bytes| Some(super::primitives::Blob::new(bytes)))
            .ok_or_else(|| Self::error_at(start, "expected base64 data"))
    }

    /// A timestamp: a number for epoch seconds, a string for the other formats.
    pub(crate) fn optional_date_time(
        &mut self,
        format: super::primitives::Format,
    ) -> Result<Option<super::primitives::DateTime>, JsonError> {
        use super::primitives::{DateTime, Format};
        if self.take_null() {
            return Ok(None);
        }
        let start = self.position;
        let text = match format {
            Format::EpochSeconds => Cow::Borrowed(self.number_literal()?),
            _ => match self.peek() {
                Some(b'"') => self.string_literal()?,
                _ => return Err(self.unexpected("a timestamp string")),
            },
        };
        // Servers may send RFC 3339 with an offset; Smithy clients accept it.
        let format = if format == Format::DateTime { Format::DateTimeWithOffset } else { format };
        DateTime::from_str(&text, format)
            .map(Some)
            .map_err(|error| JsonError {
                offset: start,
                message: error.to_string(),
            })
    }

    /// Any JSON value. Nesting is bounded by the reader's depth limit.
    pub(crate) fn optional_document(&mut self) -> Result<Option<super::primitives::Document>, JsonError> {
        use super::primitives::{Document, Number};
        self.skip_whitespace();
        let document = match self.peek() {
            Some(b'n') if self.take_null() => Document::Null,
            Some(b'{') => {
                self.begin_object()?;
                let mut members = std::collections::HashMap::new();
                while let Some(key) = self.next_key()? {
                    let value = self.optional_document()?.unwrap_or(Document::Null);
                    members.insert(key.into_owned(), value);
                }
                Document::Object(members)
            }
            Some(b'[') => {
                self.begin_array()?;
                let mut items = Vec::new();
                while self.has_next_element()? {
                    items.push(self.optional_document()?.unwrap_or(Document::Null));
                }
                Document::Array(items)
            }
            Some(b'"') => Document::String(self.string_literal()?.into_owned()),
            Some(b't' | b'f') => Document::Bool(self.optional_bool()?.unwrap_or_default()),
            _ => {
                let start = self.position;
                let text = self.number_literal()?;
                let number = if let Ok(n) = text.parse::<u64>() {
                    Number::PosInt(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    Number::NegInt(n)
                } else {
                    Number::Float(text.parse().map_err(|_| Self::error_at(start, "expected a number"))?)
                };
                Document::Number(number)
            }
        };
        // A document member may be JSON null; a null member is still a document.
        Ok(Some(document))
    }

    /// Skips one value of any kind, however deeply nested, without recursion.
    pub(crate) fn skip_value(&mut self) -> Result<(), JsonError> {
        let base = self.depth;
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'{') => self.begin_object()?,
                Some(b'[') => self.begin_array()?,
                Some(b'"') => {
                    self.string_literal()?;
                }
                Some(b't' | b'f') => {
                    self.optional_bool()?;
                }
                Some(b'n') if self.take_null() => {}
                Some(b'-' | b'0'..=b'9') => {
                    self.number_literal()?;
                }
                _ => return Err(self.unexpected("a value")),
            }
            // Move to the next value inside the skipped one, closing containers that end.
            loop {
                if self.depth == base {
                    return Ok(());
                }
                let more = if self.in_object() {
                    self.next_key()?.is_some()
                } else {
                    self.has_next_element()?
                };
                if more {
                    break;
                }
            }
        }
    }

    /// Succeeds only if nothing but whitespace follows.
    pub(crate) fn end(&mut self) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.position < self.bytes.len() || self.invalid_utf8_at.is_some() {
            return Err(self.unexpected("the end of the body"));
        }
        Ok(())
    }

    /// Records a container just opened (its opening byte is the one before `position`).
    fn enter(&mut self) -> Result<(), JsonError> {
        if self.depth == MAX_DEPTH {
            return Err(Self::error_at(
                self.position - 1,
                &format!("JSON nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        let bit = 1u128 << self.depth;
        if self.bytes[self.position - 1] == b'{' {
            self.objects |= bit;
        } else {
            self.objects &= !bit;
        }
        self.depth += 1;
        self.first = true;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        // The container that just closed was an item of its parent, so the parent's next
        // item needs a separator.
        self.first = false;
    }

    fn in_object(&self) -> bool {
        self.depth > 0 && self.objects >> (self.depth - 1) & 1 == 1
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    fn expect_byte(&mut self, byte: u8, what: &str) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.position += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, expected: &str) -> JsonError {
        let found = match self.peek() {
            None if self.invalid_utf8_at.is_some() => "invalid UTF-8".to_owned(),
            None => "the end of the body".to_owned(),
            Some(byte) if byte.is_ascii_graphic() => format!("`{}`", char::from(byte)),
            Some(byte) => format!("byte 0x{byte:02x}"),
        };
        self.error(format!("expected {expected}, found {found}"))
    }

    /// A JSON number's text, checked against the JSON grammar.
    fn number_literal(&mut self) -> Result<&'a str, JsonError> {
        let start = self.position;
        let bytes = self.bytes;
        let mut at = start;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let int_start = at;
        if !digits(&mut at) || (bytes[int_start] == b'0' && at - int_start > 1) {
            return Err(self.unexpected("a number"));
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                self.position = at;
                return Err(self.unexpected("a digit"));
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at) {
                self.position = at;
                return Err(self.unexpected("a digit"));
            }
        }
        self.position = at;
        // The grammar above admits only ASCII.
        Ok(self.text.get(start..at).unwrap_or_default())
    }

    /// A quoted string with escapes decoded; borrowed when it has none. Plain runs between
    /// escapes are found a word at a time and copied whole.
    // Inlined into every caller: most strings have no escapes, and borrowing one costs
    // little more than the call itself; the rest take the loop out of line. (`#[inline]`
    // alone left it a call: callgrind counted 2% more instructions per error response.)
    #[allow(clippy::inline_always, reason = "measured, as said above")]
    #[inline(always)]
    fn string_literal(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let start = self.position + 1;
        let rest = self.bytes.get(start..).unwrap_or_default();
        if let Some(length) = super::byte_scan::first_special(rest).filter(|&length| rest[length] == b'"') {
            self.position = start + length + 1;
            return Ok(Cow::Borrowed(self.text.get(start..start + length).unwrap_or_default()));
        }
        self.escaped_string_literal(start)
    }

    /// A string with escapes (or an error), from its first byte `start` on.
    #[inline(never)]
    fn escaped_string_literal(&mut self, start: usize) -> Result<Cow<'a, str>, JsonError> {
        let mut at = start;
        let mut owned: Option<String> = None;
        loop {
            let rest = self.bytes.get(at..).unwrap_or_default();
            let Some(run) = super::byte_scan::first_special(rest) else {
                return Err(match self.invalid_utf8_at {
                    Some(offset) => Self::error_at(offset, "invalid UTF-8 in a string"),
                    None => Self::error_at(self.bytes.len(), "unterminated string"),
                });
            };
            let special = at + run;
            // Special bytes are ASCII, so both ends of every run are character boundaries.
            let plain = self.text.get(at..special).unwrap_or_default();
            match self.bytes[special] {
                b'"' => {
                    if let Some(buffer) = owned.as_mut() {
                        buffer.push_str(plain);
                    }
                    at = special;
                    break;
                }
                b'\\' => {
                    let buffer = owned.get_or_insert_with(String::new);
                    buffer.push_str(plain);
                    at = self.escape(special, buffer)?;
                }
                byte => {
                    self.position = special;
                    return Err(self.error(format!("unescaped control character 0x{byte:02x} in a string")));
                }
            }
        }
        self.position = at + 1;
        Ok(match owned {
            Some(buffer) => Cow::Owned(buffer),
            None => Cow::Borrowed(self.text.get(start..at).unwrap_or_default()),
        })
    }

    /// Decodes the escape at `at` (a backslash) into `buffer`; returns the next position.
    fn escape(&mut self, at: usize, buffer: &mut String) -> Result<usize, JsonError> {
        let simple = match self.bytes.get(at + 1) {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0C,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                let (ch, next) = self.unicode_escape(at)?;
                buffer.push(ch);
                return Ok(next);
            }
            _ => {
                self.position = at;
                return Err(self.error("invalid escape in a string"));
            }
        };
        buffer.push(char::from(simple));
        Ok(at + 2)
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, starting at `at`.
    fn unicode_escape(&mut self, at: usize) -> Result<(char, usize), JsonError> {
        let high = self.hex4(at + 2)?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high)
                .map(|ch| (ch, at + 6))
                .ok_or_else(|| Self::error_at(at, "unpaired low surrogate in a string"));
        }
        if self.bytes.get(at + 6..at + 8) != Some(b"\\u") {
            return Err(Self::error_at(at, "unpaired high surrogate in a string"));
        }
        let low = self.hex4(at + 8)?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(Self::error_at(at, "unpaired high surrogate in a string"));
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(code)
            .map(|ch| (ch, at + 12))
            .ok_or_else(|| Self::error_at(at, "invalid surrogate pair in a string"))
    }

    fn hex4(&self, at: usize) -> Result<u32, JsonError> {
        self.bytes
            .get(at..at + 4)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
            .ok_or_else(|| Self::error_at(at, "expected four hex digits in a \\u escape"))
    }

    /// An error at the end of the body.
    pub(crate) fn end_error(&self, message: &str) -> JsonError {
        Self::error_at(self.bytes.len(), message)
    }

    pub(crate) fn error_at(offset: usize, message: &str) -> JsonError {
        JsonError {
            offset,
            message: message.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(body: &str) -> Result<(), JsonError> {
        let mut reader = JsonReader::new(body.as_bytes());
        reader.skip_value()?;
        reader.end()
    }

    fn skip_all_bytes(body: &[u8]) -> Result<(), JsonError> {
        let mut reader = JsonReader::new(body);
        reader.skip_value()?;
        reader.end()
    }

    #[test]
    fn skips_nested_values_of_every_kind() {
        skip_all(r#"{"a":[1,-2.5e3,{"b":[]},{},[[]],"x\"y",true,false,null],"c":{}}"#).unwrap();
        skip_all(" [ ] ").unwrap();
        skip_all("0").unwrap();
    }

    #[test]
    fn rejects_malformed_json_with_its_position() {
        let error = skip_all(r#"{"a":1,}"#).unwrap_err();
        assert_eq!(error.to_string(), "expected a member name, found `}` at byte 7");
        assert_eq!(skip_all(r#"{"a" 1}"#).unwrap_err().to_string(), "expected `:`, found `1` at byte 5");
        assert_eq!(skip_all("[1 2]").unwrap_err().to_string(), "expected `,` or `]`, found `2` at byte 3");
        assert_eq!(skip_all(r#"{"a":"#).unwrap_err().to_string(), "expected a value, found the end of the body at byte 5");
        assert_eq!(skip_all("01").unwrap_err().to_string(), "expected a number, found `0` at byte 0");
        assert_eq!(skip_all("{} x").unwrap_err().to_string(), "expected the end of the body, found `x` at byte 3");
        assert_eq!(
            skip_all("\"a\\u0001\nb\"").unwrap_err().to_string(),
            "unescaped control character 0x0a in a string at byte 8"
        );
    }

    #[test]
    fn caps_nesting_instead_of_recursing() {
        let deep = "[".repeat(100_000);
        let error = skip_all(&deep).unwrap_err();
        assert_eq!(error.to_string(), "JSON nested deeper than 128 levels at byte 128");
        let fine = format!("{}{}", "[".repeat(128), "]".repeat(128));
        skip_all(&fine).unwrap();
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let mut reader = JsonReader::new(br#""caf\u00e9 \ud83d\ude00 \n\/""#);
        assert_eq!(reader.optional_string().unwrap().unwrap(), "café 😀 \n/");
        let mut lone = JsonReader::new(br#""\ud83d x""#);
        assert_eq!(lone.optional_string().unwrap_err().message(), "unpaired high surrogate in a string");
        let mut bad_utf8 = JsonReader::new(b"\"a\xff\"");
        assert_eq!(bad_utf8.optional_string().unwrap_err().to_string(), "invalid UTF-8 in a string at byte 2");
        let mut escaped_then_bad = JsonReader::new(b"\"\\n\xc3\"");
        assert_eq!(escaped_then_bad.optional_string().unwrap_err().to_string(), "invalid UTF-8 in a string at byte 3");
        let mut bad_outside = JsonReader::new(b"{\"a\":1\xff}");
        bad_outside.begin_object().unwrap();
        assert_eq!(bad_outside.next_key().unwrap().unwrap(), "a");
        bad_outside.skip_value().unwrap();
        assert_eq!(bad_outside.next_key().unwrap_err().to_string(), "expected `,` or `}`, found invalid UTF-8 at byte 6");
        assert_eq!(skip_all_bytes(b"{}\xff").unwrap_err().to_string(), "expected the end of the body, found invalid UTF-8 at byte 2");
    }

    #[test]
    fn reads_numbers_into_their_types() {
        let mut reader = JsonReader::new(b"[300, 7, 1.5, \"NaN\", null]");
        reader.begin_array().unwrap();
        assert!(reader.has_next_element().unwrap());
        assert_eq!(reader.optional_integer::<i8>().unwrap_err().to_string(), "integer 300 is out of range at byte 1");
        assert!(reader.has_next_element().unwrap());
        assert_eq!(reader.optional_integer::<i32>().unwrap(), Some(7));
        assert!(reader.has_next_element().unwrap());
        assert_eq!(reader.optional_float().unwrap(), Some(1.5));
        assert!(reader.has_next_element().unwrap());
        assert!(reader.optional_float().unwrap().unwrap().is_nan());
        assert!(reader.has_next_element().unwrap());
        assert_eq!(reader.optional_float().unwrap(), None);
        assert!(!reader.has_next_element().unwrap());
        reader.end().unwrap();
    }
}
