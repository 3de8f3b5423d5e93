//! Smithy RPC v2 CBOR for every shape the protocol carries, through the crate generated from
//! tests/fixtures/cbor-shapes.smithy. Requests are checked byte for byte where the encoding is
//! fixed, and as data items decoded by ciborium (written apart from our reader) elsewhere;
//! responses are built with ciborium and read back.

use std::collections::HashMap;

use cbor_shapes_bindings::http::HttpResponse;
use cbor_shapes_bindings::operation::get_reading::{GetReading, GetReadingError};
use cbor_shapes_bindings::operation::ping::{Ping, PingInput};
use cbor_shapes_bindings::operation::put_reading::{PutReading, PutReadingError, PutReadingInput};
use cbor_shapes_bindings::primitives::{Blob, DateTime};
use cbor_shapes_bindings::types::{Circle, Color, Figure, Reading};
use ciborium::value::Value;

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(entries.into_iter().map(|(key, value)| (text(key), value)).collect())
}

fn encode(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(value, &mut bytes).expect("ciborium encodes the value");
    bytes
}

fn decode(bytes: &[u8]) -> Value {
    ciborium::de::from_reader(bytes).expect("the body is CBOR")
}

fn cbor_response(status: u16, body: &[u8]) -> HttpResponse<'_> {
    HttpResponse::new(status, body).with_header("smithy-protocol", "rpc-v2-cbor")
}

fn every_member() -> Reading {
    let child = Reading::builder().set_text(Some("child".to_owned())).set_count(Some(-1)).build();
    Reading::builder()
        .set_text(Some("héllo \u{1f600}".to_owned()))
        .set_flag(Some(true))
        .set_tiny(Some(-128))
        .set_small(Some(-32_768))
        .set_count(Some(65_536))
        .set_big(Some(i64::MIN))
        .set_ratio(Some(1.5))
        .set_precise(Some(f64::NEG_INFINITY))
        .set_at(Some(DateTime::from_millis(1_700_000_000_123)))
        .set_payload(Some(Blob::new(vec![0, 255, 1])))
        .set_color(Some(Color::from("blue")))
        .set_priority(Some(10))
        .set_colors(Some(vec![Color::Red, Color::from("PURPLE")]))
        .set_sparse_names(Some(vec![Some("a".to_owned()), None]))
        .set_labels(Some(HashMap::from([("k".to_owned(), "v".to_owned())])))
        .set_sparse_counts(Some(HashMap::from([("none".to_owned(), None), ("one".to_owned(), Some(1))])))
        .set_series(Some(vec![0.1, -0.0, f64::MAX]))
        .set_moments(Some(vec![DateTime::from_secs(0), DateTime::from_millis(-1_500)]))
        .set_grid(Some(vec![vec![1.0, 2.5], vec![]]))
        .set_figure(Some(Figure::Circle(Circle::builder().radius(2.0).build().unwrap())))
        .set_children(Some(vec![child]))
        .set_secret(Some("hunter2".to_owned()))
        .build()
}

#[test]
fn a_small_request_is_exactly_these_bytes() {
    let reading = Reading::builder().set_text(Some("a".to_owned())).set_count(Some(24)).build();
    let input = PutReadingInput::builder().reading(reading).token("t").build().unwrap();
    let request = PutReading::serialize_request(&input);
    let mut expected = vec![0xa2, 0x67];
    expected.extend_from_slice(b"Reading");
    expected.extend_from_slice(&[0xa2, 0x64]);
    expected.extend_from_slice(b"Text");
    expected.extend_from_slice(&[0x61, b'a', 0x65]);
    expected.extend_from_slice(b"Count");
    expected.extend_from_slice(&[0x18, 24, 0x65]);
    expected.extend_from_slice(b"Token");
    expected.extend_from_slice(&[0x61, b't']);
    assert_eq!(request.body(), expected);
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/service/ReadingsService/operation/PutReading");
    let headers: Vec<(&str, &str)> = request.headers().collect();
    assert_eq!(
        headers,
        [
            ("smithy-protocol", "rpc-v2-cbor"),
            ("Accept", "application/cbor"),
            ("Content-Type", "application/cbor"),
            ("Content-Length", "33"),
        ]
    );
}

#[test]
fn an_operation_without_input_sends_no_body_and_no_content_type() {
    let request = Ping::serialize_request(&PingInput::builder().build().unwrap());
    let headers: Vec<(&str, &str)> = request.headers().collect();
    assert_eq!(
        headers,
        [("smithy-protocol", "rpc-v2-cbor"), ("Accept", "application/cbor"), ("Content-Length", "0")]
    );
    assert!(request.body().is_empty());
    assert_eq!(request.uri(), "/service/ReadingsService/operation/Ping");
}

#[test]
fn every_member_is_written_as_the_protocol_says() {
    let input = PutReadingInput::builder().reading(every_member()).token("t").build().unwrap();
    let request = PutReading::serialize_request(&input);
    let body = decode(request.body());
    let reading = match &body {
        Value::Map(entries) => entries.iter().find(|(key, _)| key == &text("Reading")).map(|(_, value)| value.clone()).unwrap(),
        other => panic!("{other:?}"),
    };
    let child = map(vec![("Text", text("child")), ("Count", Value::Integer((-1).into()))]);
    let circle = map(vec![("Circle", map(vec![("Radius", Value::Float(2.0))]))]);
    let expected = map(vec![
        ("Text", text("héllo \u{1f600}")),
        ("Flag", Value::Bool(true)),
        ("Tiny", Value::Integer((-128).into())),
        ("Small", Value::Integer((-32_768).into())),
        ("Count", Value::Integer(65_536.into())),
        ("Big", Value::Integer(i64::MIN.into())),
        ("Ratio", Value::Float(1.5)),
        ("Precise", Value::Float(f64::NEG_INFINITY)),
        ("At", Value::Tag(1, Box::new(Value::Float(1_700_000_000.123)))),
        ("Payload", Value::Bytes(vec![0, 255, 1])),
        ("Color", text("blue")),
        ("Priority", Value::Integer(10.into())),
        ("Colors", Value::Array(vec![text("RED"), text("PURPLE")])),
        ("SparseNames", Value::Array(vec![text("a"), Value::Null])),
        ("Labels", map(vec![("k", text("v"))])),
        ("SparseCounts", map(vec![("none", Value::Null), ("one", Value::Integer(1.into()))])),
        ("Series", Value::Array(vec![Value::Float(0.1), Value::Float(-0.0), Value::Float(f64::MAX)])),
        (
            "Moments",
            Value::Array(vec![Value::Tag(1, Box::new(Value::Integer(0.into()))), Value::Tag(1, Box::new(Value::Float(-1.5)))]),
        ),
        ("Grid", Value::Array(vec![Value::Array(vec![Value::Float(1.0), Value::Float(2.5)]), Value::Array(vec![])])),
        ("Figure", circle),
        ("Children", Value::Array(vec![child])),
        ("Secret", text("hunter2")),
    ]);
    // Members in model order; map entries sorted, since a HashMap has no order of its own.
    let sorted = |value: Value| match value {
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(key, value)| match value {
                    Value::Map(mut inner) if key == text("SparseCounts") => {
                        inner.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
                        (key, Value::Map(inner))
                    }
                    value => (key, value),
                })
                .collect(),
        ),
        other => other,
    };
    assert_eq!(sorted(reading), expected);
    // Widths: `float` members single precision, `double` members double precision.
    let bytes = request.body();
    let ratio = bytes.windows(6).position(|w| w == b"\x65Ratio").unwrap();
    assert_eq!(bytes[ratio + 6..ratio + 11], [0xfa, 0x3f, 0xc0, 0x00, 0x00]);
    let precise = bytes.windows(8).position(|w| w == b"\x67Precise").unwrap();
    assert_eq!(bytes[precise + 8..precise + 17], [0xfb, 0xff, 0xf0, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn what_is_written_reads_back_equal() {
    let reading = every_member();
    let input = PutReadingInput::builder().reading(reading.clone()).build().unwrap();
    let request = PutReading::serialize_request(&input);
    let Value::Map(mut entries) = decode(request.body()) else { panic!("a map") };
    // The idempotency token was made up, since none was set.
    let token = entries.iter().position(|(key, _)| key == &text("Token")).unwrap();
    let (_, Value::Text(token)) = entries.remove(token) else { panic!("a text token") };
    assert_eq!(token.len(), 36);
    entries.push((text("NextToken"), text("next")));
    let body = encode(&Value::Map(entries));
    let output = GetReading::parse_response(&cbor_response(200, &body).with_header("x-amzn-requestid", "r-1")).unwrap();
    assert_eq!(output.reading, Some(reading));
    assert_eq!(output.next_token.as_deref(), Some("next"));
}

#[test]
fn responses_read_any_width_indefinite_lengths_and_unknown_members() {
    // {_ "Reading": {_ "Ratio": 1.5 (half precision), "New": [_ 1], "Figure": {"Shape": 1},
    //     "Color": (_ "MA" "UVE")}}
    let mut body = vec![0xbf, 0x67];
    body.extend_from_slice(b"Reading");
    body.extend_from_slice(&[0xbf, 0x65]);
    body.extend_from_slice(b"Ratio");
    body.extend_from_slice(&[0xf9, 0x3e, 0x00, 0x63]);
    body.extend_from_slice(b"New");
    body.extend_from_slice(&[0x9f, 0x01, 0xff, 0x66]);
    body.extend_from_slice(b"Figure");
    body.extend_from_slice(&[0xa1, 0x65]);
    body.extend_from_slice(b"Shape");
    body.extend_from_slice(&[0x01, 0x65]);
    body.extend_from_slice(b"Color");
    body.extend_from_slice(&[0x7f, 0x62]);
    body.extend_from_slice(b"MA");
    body.extend_from_slice(&[0x63]);
    body.extend_from_slice(b"UVE");
    body.extend_from_slice(&[0xff, 0xff, 0xff]);
    let output = GetReading::parse_response(&cbor_response(200, &body)).unwrap();
    let reading = output.reading.unwrap();
    assert_eq!(reading.ratio, Some(1.5));
    assert!(reading.figure.as_ref().is_some_and(Figure::is_unknown));
    assert_eq!(reading.color.as_ref().map(Color::as_str), Some("MAUVE"));
    // An empty body is an empty output.
    let empty = GetReading::parse_response(&cbor_response(200, b"")).unwrap();
    assert_eq!(empty.reading, None);
}

#[test]
fn a_value_of_the_wrong_type_or_range_is_unhandled_with_its_place() {
    let problem = |body: Value| {
        let body = encode(&map(vec![("Reading", body)]));
        match GetReading::parse_response(&cbor_response(200, &body)).unwrap_err() {
            GetReadingError::Unhandled(unhandled) => unhandled.problem().unwrap_or_default().to_owned(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        problem(map(vec![("Tiny", Value::Integer(300.into()))])),
        "response body is not the expected output: integer 300 does not fit the member's 8-bit type at byte 15"
    );
    assert_eq!(
        problem(map(vec![("Text", Value::Integer(1.into()))])),
        "response body is not the expected output: expected a text string, found an integer at byte 15"
    );
    assert_eq!(
        problem(map(vec![("Figure", map(vec![("Side", Value::Float(1.0)), ("Label", text("x"))]))])),
        "response body is not the expected output: union `Figure` has more than one member set at byte 17"
    );
}

#[test]
fn errors_are_named_by_type_and_need_the_protocol_header() {
    let throttled = encode(&map(vec![("__type", text("example.cbor#Throttled")), ("message", text("slow down"))]));
    match PutReading::parse_response(&cbor_response(400, &throttled)).unwrap_err() {
        PutReadingError::Throttled(error) => assert_eq!(error.message.as_deref(), Some("slow down")),
        other => panic!("{other:?}"),
    }
    let invalid = encode(&map(vec![
        ("__type", text("example.cbor#InvalidReading:http://internal.amazon.com/coral/")),
        ("Message", text("bad")),
        ("Field", text("Tiny")),
    ]));
    match GetReading::parse_response(&cbor_response(400, &invalid)).unwrap_err() {
        GetReadingError::InvalidReading(error) => {
            assert_eq!((error.message.as_deref(), error.field.as_deref()), (Some("bad"), Some("Tiny")));
        }
        other => panic!("{other:?}"),
    }
    // The same body without the protocol header is malformed, whatever it says.
    match GetReading::parse_response(&HttpResponse::new(400, &invalid)).unwrap_err() {
        GetReadingError::Unhandled(unhandled) => {
            assert_eq!(unhandled.meta().status(), 400);
            assert_eq!(unhandled.meta().code(), None);
            assert_eq!(
                unhandled.problem(),
                Some(
                    "the response is not Smithy RPC v2 CBOR: `smithy-protocol` should be `rpc-v2-cbor`, found no such header; only its status was read"
                )
            );
        }
        other => panic!("{other:?}"),
    }
}
