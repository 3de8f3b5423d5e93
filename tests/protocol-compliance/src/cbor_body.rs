//! Compares a CBOR request body with a case's base64 body as data items under the protocol's
//! own equivalence: map entries in any order, any float width, and a number sent as an
//! integer equal to one sent as a float of the same value (the Smithy RPC v2 CBOR
//! specification lets either side send a lossless float, or a timestamp, as an integer).
//! Anything else (types, keys, lengths, tags, strings, bytes) must match exactly.

use ciborium::value::Value;

/// Why two bodies differ, with a path to the first difference.
pub fn cbor_difference(actual: &[u8], expected_base64: &str) -> Option<String> {
    let expected_bytes = aws_smithy_protocol_test::decode_body_data(expected_base64.as_bytes(), aws_smithy_protocol_test::MediaType::Cbor);
    let expected: Value = match ciborium::de::from_reader(expected_bytes.as_ref()) {
        Ok(value) => value,
        Err(problem) => return Some(format!("the case's body is not CBOR: {problem}")),
    };
    let actual_value: Value = match ciborium::de::from_reader(actual) {
        Ok(value) => value,
        Err(problem) => return Some(format!("the request body is not CBOR ({problem}): {actual:02x?}")),
    };
    let mut trailing = actual;
    let _: Result<Value, _> = ciborium::de::from_reader(&mut trailing);
    if !trailing.is_empty() {
        return Some(format!("the request body has {} bytes after its item", trailing.len()));
    }
    difference("body", &actual_value, &expected).map(|problem| format!("{problem}\n  actual: {actual_value:?}\nexpected: {expected:?}"))
}

fn difference(path: &str, actual: &Value, expected: &Value) -> Option<String> {
    match (actual, expected) {
        (Value::Map(actual), Value::Map(expected)) => map_difference(path, actual, expected),
        (Value::Array(actual), Value::Array(expected)) => {
            if actual.len() != expected.len() {
                return Some(format!("{path}: {} items, expected {}", actual.len(), expected.len()));
            }
            actual
                .iter()
                .zip(expected)
                .enumerate()
                .find_map(|(index, (actual, expected))| difference(&format!("{path}[{index}]"), actual, expected))
        }
        (Value::Tag(actual_tag, actual), Value::Tag(expected_tag, expected)) if actual_tag == expected_tag => {
            difference(&format!("{path}(tag {actual_tag})"), actual, expected)
        }
        _ if same_number(actual, expected) || actual == expected => None,
        _ => Some(format!("{path}: {actual:?}, expected {expected:?}")),
    }
}

fn map_difference(path: &str, actual: &[(Value, Value)], expected: &[(Value, Value)]) -> Option<String> {
    if actual.len() != expected.len() {
        let keys = |entries: &[(Value, Value)]| entries.iter().map(|(key, _)| format!("{key:?}")).collect::<Vec<_>>().join(", ");
        return Some(format!("{path}: keys [{}], expected [{}]", keys(actual), keys(expected)));
    }
    expected.iter().find_map(|(key, expected)| match actual.iter().find(|(candidate, _)| candidate == key) {
        Some((_, actual)) => difference(&format!("{path}.{key:?}"), actual, expected),
        None => Some(format!("{path}: no entry {key:?}")),
    })
}

/// Equal numbers, whatever their CBOR types: NaN equals NaN, and an integer equals a float
/// that has exactly its value.
fn same_number(actual: &Value, expected: &Value) -> bool {
    let as_float = |value: &Value| match value {
        Value::Float(float) => Some(*float),
        Value::Integer(integer) => {
            let wide = i128::from(*integer);
            // Only integers a double holds exactly can equal one.
            (wide.unsigned_abs() <= 1 << 53).then_some(wide as f64)
        }
        _ => None,
    };
    match (as_float(actual), as_float(expected)) {
        (Some(actual), Some(expected)) => actual == expected || (actual.is_nan() && expected.is_nan()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut text = String::new();
        for chunk in bytes.chunks(3) {
            let word = chunk.iter().enumerate().fold(0u32, |word, (i, byte)| word | (u32::from(*byte) << (16 - 8 * i)));
            for i in 0..4 {
                if i <= chunk.len() {
                    text.push(ALPHABET[(word >> (18 - 6 * i)) as usize & 63] as char);
                } else {
                    text.push('=');
                }
            }
        }
        text
    }

    #[test]
    fn map_order_float_width_and_lossless_integers_do_not_matter() {
        // {"a": 1.0 (half), "t": 1(0)} against {"t": 1(0.0 double), "a": 1}
        let actual = [0xa2, 0x61, b'a', 0xf9, 0x3c, 0x00, 0x61, b't', 0xc1, 0x00];
        let expected = [0xa2, 0x61, b't', 0xc1, 0xfb, 0, 0, 0, 0, 0, 0, 0, 0, 0x61, b'a', 0x01];
        assert_eq!(cbor_difference(&actual, &base64(&expected)), None);
    }

    #[test]
    fn values_types_and_tags_still_must_match() {
        let expected = base64(&[0xa1, 0x61, b'a', 0x01]);
        let two = cbor_difference(&[0xa1, 0x61, b'a', 0x02], &expected).unwrap();
        assert!(two.starts_with("body.Text(\"a\"): Integer(Integer(2)), expected Integer(Integer(1))"), "{two}");
        let text = cbor_difference(&[0xa1, 0x61, b'a', 0x61, b'1'], &expected).unwrap();
        assert!(text.starts_with("body.Text(\"a\"): Text(\"1\")"), "{text}");
        let tagged = cbor_difference(&[0xa1, 0x61, b'a', 0xc2, 0x01], &expected).unwrap();
        assert!(tagged.starts_with("body.Text(\"a\"): Tag(2"), "{tagged}");
        let trailing = cbor_difference(&[0xa1, 0x61, b'a', 0x01, 0x00], &expected).unwrap();
        assert_eq!(trailing, "the request body has 1 bytes after its item");
    }
}
