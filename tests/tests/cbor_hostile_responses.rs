//! The generated Smithy RPC v2 CBOR response parser on hostile input: 100,000 bodies (random
//! bytes, CBOR-shaped fragments, and valid outputs and errors with bytes flipped, inserted,
//! deleted or repeated), with any status. Each returns a value; none panics; an error status
//! is never read as success. Lengths beyond the body, deep nesting and endless indefinite
//! items are errors that say so.

use std::time::Instant;

use cbor_shapes_bindings::http::HttpResponse;
use cbor_shapes_bindings::operation::get_reading::{GetReading, GetReadingError};
use ciborium::value::Value;
#[path = "support/mutations.rs"]
mod mutations;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const BODIES: usize = 100_000;

fn encode(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(value, &mut bytes).expect("ciborium encodes the value");
    bytes
}

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

fn valid_bodies() -> Vec<Vec<u8>> {
    let reading = Value::Map(vec![
        (text("Text"), text("héllo")),
        (text("Count"), Value::Integer(65_536.into())),
        (text("Precise"), Value::Float(0.1)),
        (text("At"), Value::Tag(1, Box::new(Value::Float(1.7e9)))),
        (text("Payload"), Value::Bytes(vec![1, 2, 3])),
        (text("SparseNames"), Value::Array(vec![text("a"), Value::Null])),
        (text("Labels"), Value::Map(vec![(text("k"), text("v"))])),
        (text("Figure"), Value::Map(vec![(text("Side"), Value::Float(2.5))])),
        (text("Children"), Value::Array(vec![Value::Map(vec![(text("Flag"), Value::Bool(true))])])),
    ]);
    vec![
        encode(&Value::Map(vec![(text("Reading"), reading), (text("NextToken"), text("n"))])),
        encode(&Value::Map(vec![(text("__type"), text("example.cbor#InvalidReading")), (text("Message"), text("bad"))])),
        encode(&Value::Map(vec![(text("__type"), text("Throttled")), (text("message"), text("slow"))])),
        // Indefinite lengths: {_ "Reading": {_ "Text": (_ "a", "b")}}
        vec![0xbf, 0x67, b'R', b'e', b'a', b'd', b'i', b'n', b'g', 0xbf, 0x64, b'T', b'e', b'x', b't', 0x7f, 0x61, b'a', 0x61, b'b', 0xff, 0xff, 0xff],
    ]
}

fn body(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    // Heads of every major type, with lengths up to 2^64 - 1, indefinite starts and breaks,
    // tags, simple values and floats.
    let fragment = prop_oneof![
        Just(&b"\xa1"[..]), Just(&b"\xbf"[..]), Just(&b"\x9f"[..]), Just(&b"\xff"[..]), Just(&b"\x7f"[..]),
        Just(&b"\x5f"[..]), Just(&b"\xc1"[..]), Just(&b"\xc2"[..]), Just(&b"\xf6"[..]), Just(&b"\xf7"[..]),
        Just(&b"\xf9\x7e\x00"[..]), Just(&b"\xfb\x7f\xf0\0\0\0\0\0\0"[..]), Just(&b"\x1b\xff\xff\xff\xff\xff\xff\xff\xff"[..]),
        Just(&b"\x7b\xff\xff\xff\xff\xff\xff\xff\xff"[..]), Just(&b"\xbb\x00\x00\x00\x01\x00\x00\x00\x00"[..]),
        Just(&b"\x67Reading"[..]), Just(&b"\x66__type"[..]), Just(&b"\x69Throttled"[..]), Just(&b"\x64Text"[..]),
        Just(&b"\x66Figure"[..]), Just(&b"\x68Children"[..]), Just(&b"\x62\xff\xfe"[..]), Just(&b"\x1c"[..]),
    ];
    mutations::body(seeds, fragment)
}

#[test]
fn hostile_cbor_bodies_never_panic() {
    let seed = *b"smithy-bindgen hostile CBOR!!!!!";
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let strategy = (prop_oneof![Just(200u16), Just(400u16), 100u16..600], body(valid_bodies()));
    let started = Instant::now();
    let (mut outputs, mut modeled, mut unhandled) = (0, 0, 0);
    for _ in 0..BODIES {
        let (status, body) = strategy.new_tree(&mut runner).unwrap().current();
        let response = HttpResponse::new(status, &body).with_header("smithy-protocol", "rpc-v2-cbor");
        match GetReading::parse_response(&response) {
            Ok(_) => {
                assert!((200..300).contains(&status), "status {status} read as success");
                outputs += 1;
            }
            Err(GetReadingError::Unhandled(error)) => {
                assert_eq!(error.meta().status(), status);
                assert!(!error.to_string().is_empty());
                unhandled += 1;
            }
            Err(error) => {
                assert!(!(200..300).contains(&status));
                assert!(error.code().is_some());
                modeled += 1;
            }
        }
    }
    println!(
        "hostile CBOR bodies: {BODIES} parsed in {:.1?} ({outputs} outputs, {modeled} modeled errors, \
         {unhandled} unhandled), 0 panics",
        started.elapsed()
    );
}

fn problem(status: u16, body: &[u8]) -> String {
    match GetReading::parse_response(&HttpResponse::new(status, body).with_header("smithy-protocol", "rpc-v2-cbor")) {
        Err(GetReadingError::Unhandled(unhandled)) => unhandled.problem().unwrap_or_default().to_owned(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn lengths_nesting_and_endless_items_are_refused() {
    // A map that claims 2^32 entries, and a text string that claims 2^64 - 1 bytes.
    assert_eq!(
        problem(200, b"\xbb\x00\x00\x00\x01\x00\x00\x00\x00"),
        "response body is not the expected output: a length of 4294967296 is more than the 0 bytes left at byte 9"
    );
    assert_eq!(
        problem(200, b"\xa1\x7b\xff\xff\xff\xff\xff\xff\xff\xff"),
        "response body is not the expected output: a length of 18446744073709551615 is more than the 0 bytes left at byte 10"
    );
    // 100,000 nested arrays under an unknown member, and under a known one.
    let mut deep = b"\xa1\x65Extra".to_vec();
    deep.extend(std::iter::repeat_n(0x81, 100_000));
    // The output map is one level; the 127th array below `Extra` would be the 129th.
    assert_eq!(problem(200, &deep), "response body is not the expected output: nesting deeper than 128 levels at byte 134");
    let mut deep_error = b"\xa2\x66__type\x69Throttled\x65Extra".to_vec();
    deep_error.extend(std::iter::repeat_n(0x9f, 100_000));
    let error = problem(400, &deep_error);
    assert!(error.starts_with("error response body is not a CBOR map: nesting deeper than 128 levels"), "{error}");
    // An indefinite map that never ends, and an indefinite string of a thousand empty chunks
    // that never ends.
    assert_eq!(
        problem(200, b"\xbf\x67Reading\xbf"),
        "response body is not the expected output: the body ends where an item was expected at byte 10"
    );
    let mut chunks = b"\xa1\x67NextToken".to_vec();
    chunks.truncate(1);
    chunks.extend_from_slice(b"\x69NextToken\x7f");
    chunks.extend(std::iter::repeat_n(0x60, 1_000));
    assert!(problem(200, &chunks).ends_with("the body ends where an item was expected at byte 1012"), "{}", problem(200, &chunks));
}
