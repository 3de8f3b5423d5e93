//! The CBOR support files against ciborium, a well-kept CBOR crate, on random data items:
//! what ciborium encodes our reader reads back equal, what our writer encodes ciborium
//! reads back equal (and, without floats, byte for byte as ciborium writes it), and damaged
//! encodings are errors, never panics.

use ciborium::Value;

use super::cbor_reader::{CborKind, CborReader};
use super::cbor_writer::CborWriter;

/// xorshift64*: a fixed-seed generator, so every run checks the same items.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const FLOATS: [f64; 8] = [0.0, -0.0, 1.5, -2.25e-300, 3.4e38, f64::INFINITY, f64::NEG_INFINITY, f64::NAN];

fn random_text(random: &mut Random) -> String {
    let alphabet = ['a', 'Z', '0', ' ', '"', '\u{e9}', '\u{2028}', '\u{1f600}', '\u{0}'];
    (0..random.below(30)).map(|_| alphabet[random.below(alphabet.len() as u64) as usize]).collect()
}

fn random_value(random: &mut Random, depth: u32, floats: bool) -> Value {
    let kinds = if depth == 0 { 6 } else { 8 };
    match random.below(kinds) {
        0 => {
            let magnitude = random.next() >> random.below(64);
            let value = if random.below(2) == 0 { magnitude as i64 } else { -((magnitude >> 1) as i64) - 1 };
            Value::Integer(value.into())
        }
        1 => Value::Bytes((0..random.below(40)).map(|_| random.next() as u8).collect()),
        2 => Value::Text(random_text(random)),
        3 => Value::Bool(random.below(2) == 0),
        4 if floats => {
            let pick = random.below(FLOATS.len() as u64 + 2) as usize;
            Value::Float(FLOATS.get(pick).copied().unwrap_or_else(|| f64::from_bits(random.next())))
        }
        4 | 5 => Value::Null,
        6 => Value::Array((0..random.below(6)).map(|_| random_value(random, depth - 1, floats)).collect()),
        _ => Value::Map(
            (0..random.below(6)).map(|_| (Value::Text(random_text(random)), random_value(random, depth - 1, floats))).collect(),
        ),
    }
}

/// Reads any item with the pull API, into ciborium's model to compare.
fn read_item(reader: &mut CborReader<'_>) -> Value {
    match reader.peek_kind().unwrap() {
        CborKind::Unsigned | CborKind::Negative => Value::Integer(reader.integer().unwrap().into()),
        CborKind::Bytes => Value::Bytes(reader.bytes().unwrap().into_owned()),
        CborKind::Text => Value::Text(reader.str().unwrap().into_owned()),
        CborKind::Bool => Value::Bool(reader.boolean().unwrap()),
        CborKind::Null => {
            assert!(reader.null().unwrap());
            Value::Null
        }
        CborKind::Float => Value::Float(reader.double().unwrap()),
        CborKind::Tag => {
            let tag = reader.tag().unwrap().unwrap();
            Value::Tag(tag, Box::new(read_item(reader)))
        }
        CborKind::Array => {
            let mut array = reader.start_array().unwrap();
            let mut items = Vec::new();
            while reader.has_next(&mut array).unwrap() {
                items.push(read_item(reader));
            }
            Value::Array(items)
        }
        CborKind::Map => {
            let mut map = reader.start_map().unwrap();
            let mut entries = Vec::new();
            while reader.has_next(&mut map).unwrap() {
                let key = Value::Text(reader.str().unwrap().into_owned());
                entries.push((key, read_item(reader)));
            }
            Value::Map(entries)
        }
        CborKind::Other => panic!("no such item is generated"),
    }
}

fn write_item(writer: &mut CborWriter, value: &Value) {
    match value {
        Value::Integer(integer) => {
            writer.integer(i64::try_from(*integer).expect("generated integers fit i64"));
        }
        Value::Bytes(bytes) => {
            writer.bytes(bytes);
        }
        Value::Text(text) => {
            writer.str(text);
        }
        Value::Bool(value) => {
            writer.boolean(*value);
        }
        Value::Null => {
            writer.null();
        }
        Value::Float(value) => {
            writer.double(*value);
        }
        Value::Tag(tag, inner) => {
            writer.tag(*tag);
            write_item(writer, inner);
        }
        Value::Array(items) => {
            writer.array(items.len());
            items.iter().for_each(|item| write_item(writer, item));
        }
        Value::Map(entries) => {
            writer.map(entries.len());
            for (key, value) in entries {
                write_item(writer, key);
                write_item(writer, value);
            }
        }
        other => panic!("not generated: {other:?}"),
    }
}

/// Equality with NaN equal to NaN, since the items carry NaNs on purpose.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, va), (kb, vb))| same(ka, kb) && same(va, vb))
        }
        (Value::Tag(ta, a), Value::Tag(tb, b)) => ta == tb && same(a, b),
        _ => a == b,
    }
}

fn encoded(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

#[test]
fn our_reader_reads_what_ciborium_writes() {
    let mut random = Random(0x5eed_cb0a);
    for _ in 0..2_000 {
        let value = random_value(&mut random, 4, true);
        let bytes = encoded(&value);
        let mut reader = CborReader::new(&bytes);
        let read = read_item(&mut reader);
        assert!(reader.is_at_end());
        assert!(same(&read, &value), "{value:?} read as {read:?}");
    }
}

#[test]
fn ciborium_reads_what_our_writer_writes_and_without_floats_the_bytes_are_its_own() {
    let mut random = Random(0x0dd_ba11);
    for round in 0..2_000 {
        let floats = round % 2 == 0;
        let value = random_value(&mut random, 4, floats);
        let mut writer = CborWriter::new();
        write_item(&mut writer, &value);
        let ours = writer.into_bytes();
        let back: Value = ciborium::from_reader(ours.as_slice()).unwrap();
        assert!(same(&back, &value), "{value:?} came back as {back:?}");
        if !floats {
            // Shortest heads and definite lengths, as ciborium writes them.
            assert_eq!(ours, encoded(&value), "{value:?}");
        }
    }
}

#[test]
fn timestamps_are_tag_1_over_a_number() {
    let mut writer = CborWriter::new();
    writer.tag(1).double(1_700_000_000.5);
    let bytes = writer.into_bytes();
    assert_eq!(ciborium::from_reader::<Value, _>(bytes.as_slice()).unwrap(), Value::Tag(1, Box::new(Value::Float(1_700_000_000.5))));
    assert_eq!(CborReader::new(&bytes).epoch_seconds().unwrap(), 1_700_000_000.5);
    // Untagged, integral and other tags.
    assert_eq!(CborReader::new(&[0x1a, 0x65, 0x53, 0xf1, 0x00]).epoch_seconds().unwrap(), 1_700_000_000.0);
    assert_eq!(CborReader::new(&[0xc1, 0xf9, 0x3e, 0x00]).epoch_seconds().unwrap(), 1.5);
    let error = CborReader::new(&[0xc0, 0x60]).epoch_seconds().unwrap_err();
    assert_eq!(error.to_string(), "expected tag 1 (epoch time), found tag 0 at byte 0");
}

#[test]
fn indefinite_lengths_are_read() {
    // {_ "a": [_ 1, 2], "b": (_ "x", "yz")} with a chunked byte string too.
    let bytes = [0xbf, 0x61, b'a', 0x9f, 0x01, 0x02, 0xff, 0x61, b'b', 0x7f, 0x61, b'x', 0x62, b'y', b'z', 0xff, 0x61, b'c', 0x5f, 0x41, 7, 0x41, 8, 0xff, 0xff];
    let mut reader = CborReader::new(&bytes);
    let value = read_item(&mut reader);
    assert!(reader.is_at_end());
    assert_eq!(
        value,
        Value::Map(vec![
            (Value::Text("a".into()), Value::Array(vec![Value::Integer(1.into()), Value::Integer(2.into())])),
            (Value::Text("b".into()), Value::Text("xyz".into())),
            (Value::Text("c".into()), Value::Bytes(vec![7, 8])),
        ])
    );
    let mut skipper = CborReader::new(&bytes);
    skipper.skip().unwrap();
    assert!(skipper.is_at_end());
}

#[test]
fn hostile_bodies_are_errors_that_say_where() {
    let cases: [(&[u8], &str); 8] = [
        (&[0x7a, 0xff, 0xff, 0xff, 0xff], "a length of 4294967295 is more than the 0 bytes left at byte 5"),
        (&[0x9b, 0, 0, 0, 1, 0, 0, 0, 0], "a length of 4294967296 is more than the 0 bytes left at byte 9"),
        (&[0x62, b'a'], "a length of 2 is more than the 1 bytes left at byte 1"),
        (&[0x19, 0x01], "an item needs 2 more bytes than the body has at byte 1"),
        (&[0x62, 0xc3, 0x28], "a text string is not UTF-8 at byte 0"),
        (&[0x1c], "byte 0x1c does not start a well-formed item at byte 0"),
        (&[0x7f, 0x41, b'a', 0xff], "a chunk of an indefinite-length string is not a definite string of its type at byte 1"),
        (&[], "the body ends where an item was expected at byte 0"),
    ];
    for (bytes, expected) in cases {
        let mut reader = CborReader::new(bytes);
        let error = match reader.peek_kind() {
            Ok(CborKind::Array) => reader.start_array().unwrap_err(),
            // Skipping does not check the text of strings it skips; reading one does.
            Ok(CborKind::Text) => reader.str().unwrap_err(),
            Ok(_) => reader.skip().unwrap_err(),
            Err(error) => error,
        };
        assert_eq!(error.to_string(), expected, "{bytes:02x?}");
    }
    let mut deep = vec![0x81; 200];
    deep.push(0x00);
    assert_eq!(CborReader::new(&deep).skip().unwrap_err().to_string(), "nesting deeper than 128 levels at byte 128");
    let mut reader = CborReader::new(&deep);
    let mut opened = 0;
    let error = loop {
        match reader.start_array() {
            Ok(_) => opened += 1,
            Err(error) => break error,
        }
    };
    assert_eq!((opened, error.to_string()), (128, "nesting deeper than 128 levels at byte 128".to_owned()));
}

/// 100,000 damaged encodings of random items: each is read to its end or to an error.
#[test]
fn damaged_encodings_never_panic() {
    let mut random = Random(0xbad_cb0a);
    let mut errors = 0;
    for _ in 0..100_000 {
        let mut bytes = encoded(&random_value(&mut random, 3, true));
        match random.below(3) {
            0 => bytes.truncate(random.below(bytes.len() as u64 + 1) as usize),
            1 => {
                let at = random.below(bytes.len() as u64) as usize;
                bytes[at] = random.next() as u8;
            }
            _ => bytes.insert(random.below(bytes.len() as u64 + 1) as usize, random.next() as u8),
        }
        let mut reader = CborReader::new(&bytes);
        if reader.skip().is_err() {
            errors += 1;
        }
    }
    // Most damage is detected; some (a changed byte inside a string) is still well-formed.
    assert!(errors > 30_000, "{errors}");
}
