//! Finding, eight bytes at a time, the first byte of a string that JSON treats specially: a
//! quote, a backslash or a control character. The reader stops there to end or unescape a
//! string, the writer to escape; every run before it is plain text, copied or borrowed whole.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);

/// Whether `byte` is `"`, `\` or below U+0020.
pub(crate) fn is_special(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// The index of the first special byte of `bytes`, if any.
pub(crate) fn first_special(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in words.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let mask = special_bytes(u64::from_le_bytes(word));
        if mask != 0 {
            return Some(offset + (mask.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    words.remainder().iter().position(|&byte| is_special(byte)).map(|index| offset + index)
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
