//! A CBOR (RFC 8949) encoder for request bodies, as Smithy RPC v2 CBOR needs them: every map,
//! array and string has a definite length, every head is in its shortest form, and nothing
//! is allocated beyond the output buffer.

// A crate uses only the value kinds its operations' members have.
#![allow(dead_code)]

const UNSIGNED: u8 = 0;
const NEGATIVE: u8 = 1;
const BYTES: u8 = 2;
const TEXT: u8 = 3;
const ARRAY: u8 = 4;
const MAP: u8 = 5;
const TAG: u8 = 6;
const SIMPLE: u8 = 7;

// Additional information: how many bytes follow the head's first byte, or which simple value.
const FOLLOWED_BY_1: u8 = 0x18;
const FOLLOWED_BY_2: u8 = 0x19;
const FOLLOWED_BY_4: u8 = 0x1a;
const FOLLOWED_BY_8: u8 = 0x1b;
const FALSE: u8 = 0x14;
const TRUE: u8 = 0x15;
const NULL: u8 = 0x16;

/// Appends CBOR data items to a buffer. Containers are announced with their length, and the
/// caller then writes that many items (twice that many, keys and values, for a map).
#[derive(Debug, Default)]
pub(crate) struct CborWriter {
    out: Vec<u8>,
}

impl CborWriter {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// The head of an item: major type and argument, in the fewest bytes that hold it.
    fn head(&mut self, major: u8, argument: u64) {
        let major = major << 5;
        if argument < 24 {
            self.out.push(major | argument as u8);
        } else if let Ok(byte) = u8::try_from(argument) {
            self.out.extend_from_slice(&[major | FOLLOWED_BY_1, byte]);
        } else if let Ok(short) = u16::try_from(argument) {
            self.out.push(major | FOLLOWED_BY_2);
            self.out.extend_from_slice(&short.to_be_bytes());
        } else if let Ok(word) = u32::try_from(argument) {
            self.out.push(major | FOLLOWED_BY_4);
            self.out.extend_from_slice(&word.to_be_bytes());
        } else {
            self.out.push(major | FOLLOWED_BY_8);
            self.out.extend_from_slice(&argument.to_be_bytes());
        }
    }

    pub(crate) fn map(&mut self, entries: usize) -> &mut Self {
        self.head(MAP, entries as u64);
        self
    }

    pub(crate) fn array(&mut self, items: usize) -> &mut Self {
        self.head(ARRAY, items as u64);
        self
    }

    pub(crate) fn str(&mut self, text: &str) -> &mut Self {
        self.head(TEXT, text.len() as u64);
        self.out.extend_from_slice(text.as_bytes());
        self
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.head(BYTES, bytes.len() as u64);
        self.out.extend_from_slice(bytes);
        self
    }

    pub(crate) fn integer(&mut self, value: i64) -> &mut Self {
        if value >= 0 {
            self.head(UNSIGNED, value.unsigned_abs());
        } else {
            // -1 - n, computed without overflow for i64::MIN.
            self.head(NEGATIVE, !(value as u64));
        }
        self
    }

    pub(crate) fn boolean(&mut self, value: bool) -> &mut Self {
        self.out.push((SIMPLE << 5) | if value { TRUE } else { FALSE });
        self
    }

    pub(crate) fn null(&mut self) -> &mut Self {
        self.out.push((SIMPLE << 5) | NULL);
        self
    }

    /// A single-precision float, for `float` members.
    pub(crate) fn float(&mut self, value: f32) -> &mut Self {
        self.out.push((SIMPLE << 5) | FOLLOWED_BY_4);
        self.out.extend_from_slice(&value.to_bits().to_be_bytes());
        self
    }

    /// A double-precision float, for `double` members and timestamps.
    pub(crate) fn double(&mut self, value: f64) -> &mut Self {
        self.out.push((SIMPLE << 5) | FOLLOWED_BY_8);
        self.out.extend_from_slice(&value.to_bits().to_be_bytes());
        self
    }

    /// A tag before the next item, such as 1 (epoch-based date and time).
    pub(crate) fn tag(&mut self, tag: u64) -> &mut Self {
        self.head(TAG, tag);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut CborWriter)) -> Vec<u8> {
        let mut writer = CborWriter::new();
        write(&mut writer);
        writer.into_bytes()
    }

    #[test]
    fn heads_take_the_shortest_form() {
        // RFC 8949 appendix A.
        assert_eq!(written(|w| { w.integer(0); }), [0x00]);
        assert_eq!(written(|w| { w.integer(23); }), [0x17]);
        assert_eq!(written(|w| { w.integer(24); }), [0x18, 0x18]);
        assert_eq!(written(|w| { w.integer(1000); }), [0x19, 0x03, 0xe8]);
        assert_eq!(written(|w| { w.integer(1_000_000); }), [0x1a, 0x00, 0x0f, 0x42, 0x40]);
        assert_eq!(written(|w| { w.integer(-1); }), [0x20]);
        assert_eq!(written(|w| { w.integer(-1000); }), [0x39, 0x03, 0xe7]);
        assert_eq!(written(|w| { w.integer(i64::MIN); }), [0x3b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn strings_containers_and_simple_values() {
        assert_eq!(written(|w| { w.str("IETF"); }), [0x64, 0x49, 0x45, 0x54, 0x46]);
        assert_eq!(written(|w| { w.bytes(&[1, 2, 3, 4]); }), [0x44, 1, 2, 3, 4]);
        assert_eq!(written(|w| { w.map(1).str("a").array(2).integer(1).boolean(false); }), [0xa1, 0x61, 0x61, 0x82, 0x01, 0xf4]);
        assert_eq!(written(|w| { w.null().boolean(true); }), [0xf6, 0xf5]);
        assert_eq!(written(|w| { w.tag(1).double(1.5); }), [0xc1, 0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
        assert_eq!(written(|w| { w.float(f32::INFINITY); }), [0xfa, 0x7f, 0x80, 0x00, 0x00]);
    }
}
