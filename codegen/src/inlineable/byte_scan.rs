//! Finding, eight bytes at a time, the first byte of a small set: the JSON reader stops at
//! a quote, a backslash or a control character to end or unescape a string, the writer to
//! escape one, and error codes are cut at their first `#` or `:`. Every run before the byte
//! found is plain, and is copied or borrowed whole.

// A crate uses only the searches its protocol needs.
#![allow(dead_code)]

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);

/// Whether `byte` is `"`, `\` or below U+0020.
pub(crate) fn is_special(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// The index of the first byte of `bytes` that JSON treats specially, if any.
pub(crate) fn first_special(bytes: &[u8]) -> Option<usize> {
    first_matching(bytes, special_bytes, is_special)
}

/// The index of the first `byte` in `bytes`, if any.
pub(crate) fn first_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let words = u64::from_ne_bytes([byte; 8]);
    first_matching(bytes, |word| zero_bytes(word ^ words), |candidate| candidate == byte)
}

/// The index of the first `a` or `b` in `bytes`, if any.
pub(crate) fn first_of_two(bytes: &[u8], a: u8, b: u8) -> Option<usize> {
    let (words_a, words_b) = (u64::from_ne_bytes([a; 8]), u64::from_ne_bytes([b; 8]));
    first_matching(bytes, |word| zero_bytes(word ^ words_a) | zero_bytes(word ^ words_b), |byte| byte == a || byte == b)
}

/// The first index whose byte `matches`; `word_mask` marks, in a little-endian word, the
/// lowest matching byte exactly (bits above it may be set falsely).
#[inline]
fn first_matching(bytes: &[u8], word_mask: impl Fn(u64) -> u64, matches: impl Fn(u8) -> bool) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in words.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let mask = word_mask(u64::from_le_bytes(word));
        if mask != 0 {
            return Some(offset + (mask.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    words.remainder().iter().position(|&byte| matches(byte)).map(|index| offset + index)
}

/// A word with the high bit set in the lowest special byte of `word` (little-endian). Bits
/// above it may be set falsely, by borrows out of the subtractions; the lowest one is exact.
fn special_bytes(word: u64) -> u64 {
    let quote = zero_bytes(word ^ QUOTES);
    let backslash = zero_bytes(word ^ BACKSLASHES);
    // A byte below 0x20 borrows when 0x20 is subtracted; bytes of 0x80 and above are
    // excluded by `!word`.
    let control = word.wrapping_sub(SPACES) & !word & HIGH_BITS;
    quote | backslash | control
}

fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_special_byte_wherever_it_stands() {
        for length in 0..40 {
            for at in 0..length {
                for special in [b'"', b'\\', 0x00, 0x1F, b'\n'] {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = special;
                    // A later special byte must not be found first.
                    if at + 1 < length {
                        bytes[length - 1] = b'"';
                    }
                    assert_eq!(first_special(&bytes), Some(at), "{special:#x} at {at} of {length}");
                }
            }
            assert_eq!(first_special(&vec![b'a'; length]), None);
        }
    }

    #[test]
    fn finds_the_first_of_two_bytes_for_every_byte_value_and_position() {
        for length in 0..24 {
            for at in 0..length {
                for byte in 0..=255u8 {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = byte;
                    bytes[length - 1] = if at + 1 < length { b':' } else { bytes[length - 1] };
                    let expected = bytes.iter().position(|&b| b == b'#' || b == b':');
                    assert_eq!(first_of_two(&bytes, b'#', b':'), expected, "{byte:#x} at {at} of {length}");
                }
            }
        }
    }

    #[test]
    fn finds_the_first_of_one_byte_for_every_byte_value_and_position() {
        for length in 0..24 {
            for at in 0..length {
                for byte in 0..=255u8 {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = byte;
                    let expected = bytes.iter().position(|&b| b == b':');
                    assert_eq!(first_byte(&bytes, b':'), expected, "{byte:#x} at {at} of {length}");
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_byte_rule_for_every_byte_value() {
        for byte in 0..=255u8 {
            let mut bytes = *b"abcdefghijklmnop";
            bytes[5] = byte;
            let expected = is_special(byte).then_some(5);
            assert_eq!(first_special(&bytes), expected, "byte {byte:#x}");
            // Bytes that borrow (0x00, 0x20, 0x80) next to special ones must not shift it.
            let mut pair = [byte, b'"', 0, 0, 0, 0, 0, 0];
            pair[2..].copy_from_slice(&[0x80, 0x21, 0x7f, 0xff, 0x01, 0x20]);
            assert_eq!(first_special(&pair), Some(if is_special(byte) { 0 } else { 1 }));
        }
    }
}
