//! Idempotency tokens for members the user leaves unset.

// A crate uses this only if one of its inputs has an `@idempotencyToken` member.
#![allow(dead_code)]

use std::collections::hash_map::RandomState;
use std::fmt::Write;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// A random UUID (version 4) such as `3f2c8a4e-9b1d-4c6e-8f0a-2d7e5b9c1a34`.
///
/// The bits come from the standard library's per-process random hash keys mixed with a
/// counter, which makes tokens unique without a dependency on a random number crate; they
/// are not meant to be secret.
pub(crate) fn new_token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let random = |salt: u64| {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(count);
        hasher.write_u64(salt);
        hasher.finish()
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&random(0).to_le_bytes());
    bytes[8..].copy_from_slice(&random(1).to_le_bytes());
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    let mut hex = String::with_capacity(32);
    for byte in bytes {
        // Writing into a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::new_token;

    #[test]
    fn tokens_are_distinct_version_4_uuids() {
        let tokens: Vec<String> = (0..1000).map(|_| new_token()).collect();
        for token in &tokens {
            assert_eq!(token.len(), 36);
            assert_eq!(&token[14..15], "4", "{token}");
            assert!(matches!(&token[19..20], "8" | "9" | "a" | "b"), "{token}");
        }
        let unique: std::collections::HashSet<_> = tokens.iter().collect();
        assert_eq!(unique.len(), tokens.len());
    }
}
