//! Integers written in decimal into a buffer on the stack, for the `Content-Length` header
//! and JSON numbers: `to_string` would allocate, and `write!` goes through the formatting
//! machinery, which costs more than the digits themselves.

// Only the JSON protocols write signed integers this way.
#![allow(dead_code)]

/// An integer's decimal digits, kept inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    /// The text is right-aligned: it runs from `start` to the end.
    bytes: [u8; 20],
    start: u8,
}

impl Decimal {
    pub(crate) fn unsigned(mut value: u64) -> Self {
        let mut bytes = [0; 20];
        let mut start = bytes.len();
        loop {
            start -= 1;
            bytes[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        Self { bytes, start: start as u8 }
    }

    pub(crate) fn signed(value: i64) -> Self {
        let mut text = Self::unsigned(value.unsigned_abs());
        // i64::MIN has 19 digits, so there is always room for the sign.
        if value < 0 {
            text.start -= 1;
            text.bytes[usize::from(text.start)] = b'-';
        }
        text
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and `-` are ever written.
        std::str::from_utf8(&self.bytes[usize::from(self.start)..]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn writes_what_to_string_writes() {
        for value in [0, 1, 9, 10, 99, 100, 1234567890, u64::MAX] {
            assert_eq!(Decimal::unsigned(value).as_str(), value.to_string());
        }
        for value in [0, -1, 7, -10, 1 << 40, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(Decimal::signed(value).as_str(), value.to_string());
        }
    }
}
