//! A pull reader for CBOR (RFC 8949) response bodies. Generated deserializers ask for the
//! item they expect next; anything else is an error naming what was found and at which byte.
//! Definite and indefinite lengths are both read. Nothing trusts a length: a string or a
//! container that claims more than the body holds is refused before anything is allocated,
//! and nesting is capped, so hostile bodies cannot exhaust memory or the stack.

// A crate uses only the value kinds its operations' members have.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting than any AWS response uses; beyond it a body is rejected, not parsed.
const MAX_DEPTH: usize = 128;
const BREAK: u8 = 0xff;

/// A response body that is not the CBOR the model describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CborError {
    offset: usize,
    message: String,
}

impl CborError {
    /// The byte offset in the body where the problem was found.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CborError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for CborError {}

/// The kind of the next item, for deciding how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CborKind {
    Unsigned,
    Negative,
    Bytes,
    Text,
    Array,
    Map,
    Tag,
    /// `true` or `false`.
    Bool,
    /// `null` or `undefined`.
    Null,
    Float,
    /// A simple value Smithy does not use, or the break byte out of place.
    Other,
}

/// An open map or array: how many entries are left, or `None` until a break byte.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Container {
    remaining: Option<u64>,
}

pub(crate) struct CborReader<'a> {
    bytes: &'a [u8],
    position: usize,
    depth: usize,
}

impl<'a> CborReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, position: 0, depth: 0 }
    }

    pub(crate) fn position(&self) -> usize {
        self.position
    }

    pub(crate) fn is_at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, CborError> {
        Err(self.error_at(self.position, message))
    }

    /// An error about the item that starts at `offset` (at most the body's end).
    pub(crate) fn error_at(&self, offset: usize, message: impl Into<String>) -> CborError {
        CborError { offset: offset.min(self.bytes.len()), message: message.into() }
    }

    /// Succeeds only when the whole body has been read.
    pub(crate) fn end(&self) -> Result<(), CborError> {
        match self.bytes.len() - self.position {
            0 => Ok(()),
            1 => self.error("1 byte after the body's item"),
            left => self.error(format!("{left} bytes after the body's item")),
        }
    }

    fn peek_byte(&self) -> Result<u8, CborError> {
        match self.bytes.get(self.position) {
            Some(byte) => Ok(*byte),
            None => self.error("the body ends where an item was expected"),
        }
    }

    pub(crate) fn peek_kind(&self) -> Result<CborKind, CborError> {
        let byte = self.peek_byte()?;
        Ok(match byte >> 5 {
            0 => CborKind::Unsigned,
            1 => CborKind::Negative,
            2 => CborKind::Bytes,
            3 => CborKind::Text,
            4 => CborKind::Array,
            5 => CborKind::Map,
            6 => CborKind::Tag,
            _ => match byte & 0x1f {
                20 | 21 => CborKind::Bool,
                22 | 23 => CborKind::Null,
                25..=27 => CborKind::Float,
                _ => CborKind::Other,
            },
        })
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], CborError> {
        let end = self.position.checked_add(count).filter(|end| *end <= self.bytes.len());
        match end {
            Some(end) => {
                let taken = &self.bytes[self.position..end];
                self.position = end;
                Ok(taken)
            }
            None => self.error(format!("an item needs {count} more bytes than the body has")),
        }
    }

    /// Reads a head: the major type and its argument, `None` for an indefinite length.
    fn head(&mut self) -> Result<(u8, Option<u64>), CborError> {
        let start = self.position;
        let byte = self.take(1)?[0];
        let (major, info) = (byte >> 5, byte & 0x1f);
        let argument = match info {
            0..=23 => Some(u64::from(info)),
            24 => Some(u64::from(self.take(1)?[0])),
            25 => Some(u64::from(u16::from_be_bytes(self.take(2)?.try_into().expect("two bytes")))),
            26 => Some(u64::from(u32::from_be_bytes(self.take(4)?.try_into().expect("four bytes")))),
            27 => Some(u64::from_be_bytes(self.take(8)?.try_into().expect("eight bytes"))),
            31 if matches!(major, 2..=5) => None,
            _ => {
                self.position = start;
                return self.error(format!("byte {byte:#04x} does not start a well-formed item"));
            }
        };
        Ok((major, argument))
    }

    fn expect(&mut self, wanted: CborKind, what: &str) -> Result<(), CborError> {
        let found = self.peek_kind()?;
        if found == wanted {
            Ok(())
        } else {
            self.error(format!("expected {what}, found {}", describe(found)))
        }
    }

    /// A length the body can hold: `unit` is the fewest bytes each counted thing takes.
    fn length(&self, length: u64, unit: u64) -> Result<usize, CborError> {
        let left = (self.bytes.len() - self.position) as u64;
        if length.saturating_mul(unit) > left {
            return self.error(format!("a length of {length} is more than the {left} bytes left"));
        }
        Ok(length as usize)
    }

    fn open(&mut self, major: u8, what: &str, unit: u64) -> Result<Container, CborError> {
        let kind = if major == 5 { CborKind::Map } else { CborKind::Array };
        self.expect(kind, what)?;
        if self.depth == MAX_DEPTH {
            return self.error(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        let (_, count) = self.head()?;
        if let Some(count) = count {
            self.length(count, unit)?;
        }
        self.depth += 1;
        Ok(Container { remaining: count })
    }

    pub(crate) fn start_map(&mut self) -> Result<Container, CborError> {
        self.open(5, "a map", 2)
    }

    pub(crate) fn start_array(&mut self) -> Result<Container, CborError> {
        self.open(4, "an array", 1)
    }

    /// Whether the container has another entry (for a map, a key comes next); `false` closes it.
    pub(crate) fn has_next(&mut self, container: &mut Container) -> Result<bool, CborError> {
        let more = match &mut container.remaining {
            Some(0) => false,
            Some(remaining) => {
                *remaining -= 1;
                true
            }
            None if self.peek_byte()? == BREAK => {
                self.position += 1;
                false
            }
            None => true,
        };
        if !more {
            self.depth -= 1;
        }
        Ok(more)
    }

    /// A text string, borrowed from the body unless it came in chunks.
    pub(crate) fn str(&mut self) -> Result<Cow<'a, str>, CborError> {
        self.expect(CborKind::Text, "a text string")?;
        let start = self.position;
        let text = match self.chunks(3)? {
            Cow::Borrowed(bytes) => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            Cow::Owned(bytes) => String::from_utf8(bytes).ok().map(Cow::Owned),
        };
        text.ok_or_else(|| CborError { offset: start, message: "a text string is not UTF-8".into() })
    }

    pub(crate) fn bytes(&mut self) -> Result<Cow<'a, [u8]>, CborError> {
        self.expect(CborKind::Bytes, "a byte string")?;
        self.chunks(2)
    }

    /// The contents of a byte or text string; an indefinite one is its definite chunks of the
    /// same major type, joined.
    fn chunks(&mut self, major: u8) -> Result<Cow<'a, [u8]>, CborError> {
        let (_, length) = self.head()?;
        if let Some(length) = length {
            let length = self.length(length, 1)?;
            return Ok(Cow::Borrowed(self.take(length)?));
        }
        let mut joined = Vec::new();
        loop {
            let byte = self.peek_byte()?;
            if byte == BREAK {
                self.position += 1;
                return Ok(Cow::Owned(joined));
            }
            if byte >> 5 != major || byte & 0x1f == 31 {
                return self.error("a chunk of an indefinite-length string is not a definite string of its type");
            }
            let (_, length) = self.head()?;
            let length = self.length(length.unwrap_or_default(), 1)?;
            joined.extend_from_slice(self.take(length)?);
        }
    }

    /// An integer of either sign that fits in an `i64`.
    pub(crate) fn integer(&mut self) -> Result<i64, CborError> {
        let kind = self.peek_kind()?;
        if !matches!(kind, CborKind::Unsigned | CborKind::Negative) {
            return self.error(format!("expected an integer, found {}", describe(kind)));
        }
        let start = self.position;
        let (major, value) = self.head()?;
        let value = value.unwrap_or_default();
        let converted = if major == 0 { i64::try_from(value).ok() } else { i64::try_from(value).ok().map(|n| -1 - n) };
        converted.ok_or_else(|| CborError { offset: start, message: format!("integer out of range for i64 (argument {value})") })
    }

    /// An integer that fits in `T`, the member's type (`i8` for `byte`, and so on).
    pub(crate) fn integer_as<T: TryFrom<i64>>(&mut self) -> Result<T, CborError> {
        let start = self.position;
        let value = self.integer()?;
        T::try_from(value).map_err(|_| {
            let bits = std::mem::size_of::<T>() * 8;
            self.error_at(start, format!("integer {value} does not fit the member's {bits}-bit type"))
        })
    }

    /// A floating-point number in any width, or an integer, as the protocol allows for
    /// `float` and `double` members.
    pub(crate) fn double(&mut self) -> Result<f64, CborError> {
        match self.peek_kind()? {
            CborKind::Unsigned | CborKind::Negative => {
                let (major, value) = self.head()?;
                let value = value.unwrap_or_default() as f64;
                Ok(if major == 0 { value } else { -1.0 - value })
            }
            CborKind::Float => {
                let width = self.peek_byte()? & 0x1f;
                let bits = self.head()?.1.unwrap_or_default();
                Ok(match width {
                    25 => half_to_f64(bits as u16),
                    26 => f64::from(f32::from_bits(bits as u32)),
                    _ => f64::from_bits(bits),
                })
            }
            other => self.error(format!("expected a number, found {}", describe(other))),
        }
    }

    pub(crate) fn boolean(&mut self) -> Result<bool, CborError> {
        self.expect(CborKind::Bool, "a boolean")?;
        let byte = self.take(1)?[0];
        Ok(byte & 0x1f == 21)
    }

    /// Consumes a `null` (or `undefined`) if one is next, reporting whether it did.
    pub(crate) fn null(&mut self) -> Result<bool, CborError> {
        if self.peek_kind()? == CborKind::Null {
            self.position += 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// Consumes a tag if one is next, returning it.
    pub(crate) fn tag(&mut self) -> Result<Option<u64>, CborError> {
        if self.peek_kind()? != CborKind::Tag {
            return Ok(None);
        }
        Ok(self.head()?.1)
    }

    /// A timestamp: epoch seconds, optionally under tag 1, as an integer or a float.
    pub(crate) fn epoch_seconds(&mut self) -> Result<f64, CborError> {
        let start = self.position;
        match self.tag()? {
            None | Some(1) => self.double(),
            Some(other) => Err(CborError { offset: start, message: format!("expected tag 1 (epoch time), found tag {other}") }),
        }
    }

    /// Skips one whole item, however nested, without recursion.
    pub(crate) fn skip(&mut self) -> Result<(), CborError> {
        // Items still to skip in each open container; `None` counts to a break byte.
        let mut pending: Vec<Option<u64>> = vec![Some(1)];
        while let Some(top) = pending.last_mut() {
            match top {
                Some(0) => {
                    pending.pop();
                    continue;
                }
                Some(left) => *left -= 1,
                None if self.peek_byte()? == BREAK => {
                    self.position += 1;
                    pending.pop();
                    continue;
                }
                None => {}
            }
            match self.peek_kind()? {
                CborKind::Bytes | CborKind::Text => {
                    let major = self.peek_byte()? >> 5;
                    self.chunks(major)?;
                }
                CborKind::Array | CborKind::Map => {
                    if self.depth + pending.len() > MAX_DEPTH {
                        return self.error(format!("nesting deeper than {MAX_DEPTH} levels"));
                    }
                    let (major, count) = self.head()?;
                    let per_entry = if major == 5 { 2 } else { 1 };
                    match count {
                        Some(count) => {
                            self.length(count, per_entry)?;
                            pending.push(Some(count * per_entry));
                        }
                        None => pending.push(None),
                    }
                }
                CborKind::Tag => {
                    self.head()?;
                    // The tagged item takes the slot the tag was counted in.
                    pending.push(Some(1));
                }
                CborKind::Other => return self.error(format!("byte {:#04x} is not a value Smithy uses", self.peek_byte()?)),
                _ => {
                    self.head()?;
                }
            }
        }
        Ok(())
    }
}

fn half_to_f64(half: u16) -> f64 {
    let exponent = (half >> 10) & 0x1f;
    let fraction = f64::from(half & 0x3ff);
    let magnitude = match exponent {
        0 => fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f64.powi(i32::from(exponent) - 15),
    };
    if half & 0x8000 == 0 {
        magnitude
    } else {
        -magnitude
    }
}

fn describe(kind: CborKind) -> &'static str {
    match kind {
        CborKind::Unsigned | CborKind::Negative => "an integer",
        CborKind::Bytes => "a byte string",
        CborKind::Text => "a text string",
        CborKind::Array => "an array",
        CborKind::Map => "a map",
        CborKind::Tag => "a tag",
        CborKind::Bool => "a boolean",
        CborKind::Null => "null",
        CborKind::Float => "a float",
        CborKind::Other => "a simple value Smithy does not use",
    }
}
