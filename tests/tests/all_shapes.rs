//! The awsJson encoding of every Smithy shape type and trait, through the crate generated
//! from tests/fixtures/all-shapes.json (awsJson1_0). Requests are checked against JSON built
//! here independently (serde_json, the `base64` and `time` crates); responses are read back.

use std::collections::HashMap;

use all_shapes_bindings::error::BuildError;
use all_shapes_bindings::http::HttpResponse;
use all_shapes_bindings::operation::get_defaults::GetDefaults;
use all_shapes_bindings::operation::get_everything::GetEverything;
use all_shapes_bindings::operation::put_everything::{PutEverything, PutEverythingInput};
use all_shapes_bindings::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Format, Number};
use all_shapes_bindings::types::{
    Box as BoxShape, CapitalSelf, Circle, Color, Everything, Figure, Keywords, Measure, Option as OptionShape, Series,
    TreeNode,
};
use base64::Engine as _;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The `Item` of the request body written for `item`.
fn written(item: Everything) -> Value {
    let input = PutEverythingInput::builder().item(item).token("fixed").build().unwrap();
    let request = PutEverything::serialize_request(&input);
    let mut body: Value = serde_json::from_slice(request.body()).expect("the body is JSON");
    assert_eq!(body["Token"], "fixed");
    body["Item"].take()
}

/// `item` as read from a GetEverything response whose body holds it as JSON.
fn read(item: &Value) -> Everything {
    let body = json!({ "Item": item }).to_string();
    let output = GetEverything::parse_response(&HttpResponse::new(200, body.as_bytes())).expect("a valid response");
    output.item().cloned().expect("the item is present")
}

fn read_error(item: &Value) -> String {
    let body = json!({ "Item": item }).to_string();
    GetEverything::parse_response(&HttpResponse::new(200, body.as_bytes())).unwrap_err().to_string()
}

fn round_trip(item: Everything) -> (Value, Everything) {
    let json = written(item);
    let back = read(&json);
    (json, back)
}

#[test]
fn awsjson_1_0_headers_come_from_the_service_shape() {
    let request = PutEverything::serialize_request(&PutEverythingInput::builder().token("t").build().unwrap());
    assert_eq!(request.header("Content-Type"), Some("application/x-amz-json-1.0"));
    assert_eq!(request.header("X-Amz-Target"), Some("ShapesService.PutEverything"));
    assert_eq!(request.body(), br#"{"Token":"t"}"#);
}

#[test]
fn structure_and_scalar_members() {
    let item = Everything::builder()
        .text("héllo \"world\"")
        .flag(false)
        .tiny(-128)
        .small(32_767)
        .count(-7)
        .big(i64::MAX)
        .build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(
        json,
        json!({"Text": "héllo \"world\"", "Flag": false, "Tiny": -128, "Small": 32767, "Count": -7, "Big": i64::MAX})
    );
    assert_eq!(back, item);
}

#[test]
fn integers_out_of_range_are_errors() {
    assert!(read_error(&json!({"Tiny": 128})).contains("integer 128 is out of range"));
    assert!(read_error(&json!({"Count": 1.5})).contains("expected an integer, found 1.5"));
}

#[test]
fn floats_and_their_special_values() {
    let item = Everything::builder().ratio(0.1).precise(-2.5e-300).build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(json["Ratio"].as_f64().map(|v| v as f32), Some(0.1));
    assert_eq!(json["Precise"], json!(-2.5e-300));
    assert_eq!(back, item);
    for (value, text) in [(f64::NAN, "NaN"), (f64::INFINITY, "Infinity"), (f64::NEG_INFINITY, "-Infinity")] {
        let json = written(Everything::builder().precise(value).ratio(value as f32).build());
        assert_eq!((json["Precise"].as_str(), json["Ratio"].as_str()), (Some(text), Some(text)));
        let back = read(&json);
        let (precise, ratio) = (back.precise().unwrap(), back.ratio().unwrap());
        assert!(precise.to_bits() == value.to_bits() || (value.is_nan() && precise.is_nan()));
        assert!((value.is_nan() && ratio.is_nan()) || f64::from(ratio) == value);
    }
}

#[test]
fn big_integer_and_big_decimal_keep_every_digit() {
    let huge: BigInteger = "-123456789012345678901234567890123".parse().unwrap();
    let exact: BigDecimal = "3.14159265358979323846264338327950288".parse().unwrap();
    let item = Everything::builder().huge_integer(huge.clone()).exact_decimal(exact.clone()).build();
    let input = PutEverythingInput::builder().item(item.clone()).token("t").build().unwrap();
    let body = String::from_utf8(PutEverything::serialize_request(&input).into_body()).unwrap();
    assert!(body.contains(r#""HugeInteger":-123456789012345678901234567890123,"#), "{body}");
    assert!(body.contains(r#""ExactDecimal":3.14159265358979323846264338327950288"#), "{body}");
    let response = format!(r#"{{"Item":{{"HugeInteger":{},"ExactDecimal":{}}}}}"#, huge, exact);
    let back = GetEverything::parse_response(&HttpResponse::new(200, response.as_bytes())).unwrap();
    assert_eq!(back.item().unwrap(), &item);
    assert!(read_error(&json!({"HugeInteger": 1.5})).contains("is not an integer"));
}

#[test]
fn timestamps_in_each_format() {
    let leap_day = DateTime::from_secs_and_nanos(951_827_696, 125_000_000); // 2000-02-29T12:34:56.125Z
    let before_1970 = DateTime::from_secs(-86_400 * 365 - 1); // 1968-12-31T23:59:59Z
    let item = Everything::builder().epoch_time(leap_day).iso_time(leap_day).http_time(before_1970).build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(json["EpochTime"], json!(951_827_696.125));
    assert_eq!(json["IsoTime"], "2000-02-29T12:34:56.125Z");
    assert_eq!(json["HttpTime"], "Tue, 31 Dec 1968 23:59:59 GMT");
    assert_eq!(back, item);
    let offset = read(&json!({"IsoTime": "2000-02-29T13:34:56.125+01:00", "EpochTime": -1.5}));
    assert_eq!(offset.iso_time(), Some(&leap_day));
    assert_eq!(offset.epoch_time().unwrap().fmt(Format::DateTime).as_deref(), Ok("1969-12-31T23:59:58.5Z"));
    assert!(read_error(&json!({"IsoTime": "2001-02-29T00:00:00Z"})).contains("is not a valid DateTime timestamp"));
}

#[test]
fn blobs_are_base64() {
    let bytes: Vec<u8> = (0..=255).collect();
    let (json, back) = round_trip(Everything::builder().payload(Blob::new(bytes.clone())).build());
    assert_eq!(json["Payload"], base64::engine::general_purpose::STANDARD.encode(&bytes));
    assert_eq!(back.payload().unwrap().as_ref(), bytes.as_slice());
    assert!(read_error(&json!({"Payload": "not base64!"})).contains("expected base64 data"));
}

#[test]
fn documents_hold_any_json() {
    let value = json!({"a": [1, -2, 2.5, "x", true, null, {"b": {}}], "c": 18446744073709551615u64});
    let back = read(&json!({ "Anything": value }));
    let Some(Document::Object(members)) = back.anything() else { panic!("{back:?}") };
    assert_eq!(members["c"], Document::Number(Number::PosInt(u64::MAX)));
    let Document::Array(items) = &members["a"] else { panic!() };
    assert_eq!(items[1], Document::Number(Number::NegInt(-2)));
    assert_eq!(items[5], Document::Null);
    assert_eq!(written(back.clone())["Anything"], value);
}

#[test]
fn lists_and_sets() {
    let item = Everything::builder()
        .colors(Color::Red)
        .colors(Color::from("purple"))
        .unique_names("a")
        .unique_names("b")
        .build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(json["Colors"], json!(["red", "purple"]));
    assert_eq!(json["UniqueNames"], json!(["a", "b"]));
    assert_eq!(back, item);
    let dense = read(&json!({"UniqueNames": ["a", null, "b"]}));
    assert_eq!(dense.unique_names(), ["a", "b"], "dense lists drop nulls");
}

#[test]
fn sparse_lists_and_maps_keep_nulls() {
    let item = Everything::builder()
        .sparse_names(Some("a".to_owned()))
        .sparse_names(None)
        .sparse_labels("k", None)
        .build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(json["SparseNames"], json!(["a", null]));
    assert_eq!(json["SparseLabels"], json!({"k": null}));
    assert_eq!(back, item);
}

#[test]
fn maps_with_string_and_enum_keys() {
    let item = Everything::builder()
        .labels("team", "blue")
        .labels("stage", "prod")
        .color_counts(Color::Green, 3)
        .color_counts(Color::from("teal"), 4)
        .build();
    let (json, back) = round_trip(item.clone());
    assert_eq!(json["Labels"], json!({"team": "blue", "stage": "prod"}));
    assert_eq!(json["ColorCounts"], json!({"green": 3, "teal": 4}));
    assert_eq!(back, item);
    assert_eq!(read(&json!({"Labels": {"x": null}})).labels(), Some(&HashMap::new()), "dense maps drop nulls");
}

#[test]
fn enums_and_int_enums() {
    assert_eq!(Color::values(), ["blue", "green", "red", "unknown"], "sorted, as aws-sdk-rust lists them");
    assert_eq!(Color::from("unknown"), Color::UnknownValue, "a modeled UNKNOWN does not take the catch-all's name");
    assert!(matches!(Color::from("UNKNOWN"), Color::Unknown(_)));
    let (json, back) = round_trip(Everything::builder().level(10).colors(Color::UnknownValue).build());
    assert_eq!((json["Level"].clone(), json["Colors"].clone()), (json!(10), json!(["unknown"])));
    assert_eq!(back.level(), Some(10));
}

#[test]
fn unions_have_exactly_one_member() {
    for (figure, expected) in [
        (Figure::Circle(Circle::builder().radius(1.5).build().unwrap()), json!({"Circle": {"Radius": 1.5}})),
        (Figure::Side(4), json!({"Side": 4})),
        (Figure::Label("x".into()), json!({"Label": "x"})),
        (Figure::Nothing, json!({"Nothing": {}})),
    ] {
        let (json, back) = round_trip(Everything::builder().figure(figure.clone()).build());
        assert_eq!(json["Figure"], expected);
        assert_eq!(back.figure(), Some(&figure));
    }
    assert_eq!(Figure::Side(4).as_side(), Ok(&4));
    assert!(Figure::Side(4).as_label().is_err());
    assert!(read_error(&json!({"Figure": {"Side": 1, "Label": "x"}})).contains("union `Figure` has more than one member set"));
    assert!(read_error(&json!({"Figure": {}})).contains("union `Figure` has no member set"));
    let with_type = read(&json!({"Figure": {"__type": "example.shapes#Figure", "Side": 2, "Label": null}}));
    assert_eq!(with_type.figure(), Some(&Figure::Side(2)));
}

#[test]
fn unknown_union_members_are_kept_as_unknown() {
    let back = read(&json!({"Figure": {"Hexagon": {"Sides": 6}}}));
    assert!(back.figure().unwrap().is_unknown());
    assert_eq!(written(back)["Figure"], json!({}), "Unknown writes no member");
}

#[test]
fn floats_and_timestamps_inside_lists_maps_and_unions() {
    let instant = DateTime::from_secs_and_nanos(951_827_696, 125_000_000); // 2000-02-29T12:34:56.125Z
    let series = Series::builder()
        .ratios(0.5)
        .ratios(f32::NAN)
        .readings(None)
        .readings(Some(f64::NEG_INFINITY))
        .weights("w", 2.5)
        .grid(vec![f32::INFINITY])
        .epochs(instant)
        .moments(instant)
        .deadlines("due", Some(instant))
        .deadlines("never", None)
        .measure(Measure::Window(vec![DateTime::from_secs(0)]))
        .build();
    let (json, back) = round_trip(Everything::builder().series(series).build());
    assert_eq!(
        json["Series"],
        json!({
            "Ratios": [0.5, "NaN"],
            "Readings": [null, "-Infinity"],
            "Weights": {"w": 2.5},
            "Grid": [["Infinity"]],
            "Epochs": [951_827_696.125],
            "Moments": ["2000-02-29T12:34:56.125Z"],
            "Deadlines": {"due": "Tue, 29 Feb 2000 12:34:56 GMT", "never": null},
            "Measure": {"Window": ["Thu, 01 Jan 1970 00:00:00 GMT"]},
        })
    );
    let back = back.series().unwrap();
    assert!(back.ratios()[0] == 0.5 && back.ratios()[1].is_nan());
    assert_eq!((back.readings(), back.grid()), ([None, Some(f64::NEG_INFINITY)].as_slice(), [vec![f32::INFINITY]].as_slice()));
    assert_eq!((back.epochs(), back.moments()), ([instant].as_slice(), [instant].as_slice()));
    // HTTP dates carry whole seconds (as aws-sdk-rust writes them), so the 125 ms are gone.
    assert_eq!(back.deadlines().unwrap()["due"], Some(DateTime::from_secs(951_827_696)));
    for (measure, expected) in [
        (Measure::Scalar(-0.25), json!({"Scalar": -0.25})),
        (Measure::At(instant), json!({"At": "2000-02-29T12:34:56.125Z"})),
        (Measure::Since(DateTime::from_secs(-1)), json!({"Since": -1})),
    ] {
        let (json, back) = round_trip(Everything::builder().series(Series::builder().measure(measure.clone()).build()).build());
        assert_eq!(json["Series"]["Measure"], expected);
        assert_eq!(back.series().unwrap().measure(), Some(&measure));
    }
}

#[test]
fn recursive_structures_are_boxed() {
    let leaf = TreeNode::builder().value("leaf").build();
    let tree = TreeNode::builder().value("root").children(leaf.clone()).next(TreeNode::builder().value("sibling").next(leaf).build()).build();
    let (json, back) = round_trip(Everything::builder().tree(tree.clone()).build());
    assert_eq!(
        json["Tree"],
        json!({"Value": "root", "Children": [{"Value": "leaf"}], "Next": {"Value": "sibling", "Next": {"Value": "leaf"}}})
    );
    assert_eq!(back.tree(), Some(&tree));
    assert_eq!(back.tree().unwrap().next().unwrap().value(), Some("sibling"));
}

#[test]
fn idempotency_token_is_filled_when_unset() {
    let first = PutEverything::serialize_request(&PutEverythingInput::builder().build().unwrap());
    let second = PutEverything::serialize_request(&PutEverythingInput::builder().build().unwrap());
    let token = |body: &[u8]| serde_json::from_slice::<Value>(body).unwrap()["Token"].as_str().unwrap().to_owned();
    let (a, b) = (token(first.body()), token(second.body()));
    assert_ne!(a, b);
    for token in [a, b] {
        let hex: String = token.chars().filter(|c| *c != '-').collect();
        assert_eq!((token.len(), hex.len(), &token[14..15]), (36, 32, "4"), "{token}");
        assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
    }
}

#[test]
fn defaults_required_and_client_optional() {
    let output = GetDefaults::parse_response(&HttpResponse::new(200, br#"{"Id":"x"}"#)).unwrap();
    assert_eq!(output.retries(), 3);
    assert_eq!(output.mode(), &Color::Green);
    assert!(output.names().is_empty());
    assert!(!output.enabled());
    assert_eq!(output.label(), "none");
    assert_eq!(output.nickname(), None, "@clientOptional keeps a required member optional");
    assert_eq!(output.id(), "x");
    // Smithy's client error correction: a required member the server left out reads as its
    // zero value instead of failing the whole response.
    let corrected = GetDefaults::parse_response(&HttpResponse::new(200, b"{}")).unwrap();
    assert_eq!(corrected.id(), "");
    let error: BuildError = Circle::builder().build().unwrap_err();
    assert_eq!(error.missing(), ["radius"]);
}

#[test]
fn deprecated_members_carry_the_attribute() {
    let source = include_str!("../fixtures/all-shapes/src/types/_everything.rs");
    assert!(source.contains("#[deprecated(note = \"use Text (deprecated since 2024-06-01)\")]\n    pub old_text:"));
    #[allow(deprecated)]
    let item = Everything::builder().old_text("still works").build();
    #[allow(deprecated)]
    let old = item.old_text();
    assert_eq!(old, Some("still works"));
    assert_eq!(written(item)["OldText"], "still works");
}

#[test]
fn sensitive_values_are_redacted_in_debug() {
    let item = Everything::builder().secret("hunter2").text("visible").build();
    let debug = format!("{item:?}");
    assert!(debug.contains(r#"secret: "*** Sensitive Data Redacted ***""#), "{debug}");
    assert!(debug.contains(r#"text: Some("visible")"#));
    assert!(!debug.contains("hunter2"));
    assert_eq!(written(item)["Secret"], "hunter2", "redaction is for Debug only");
}

#[test]
fn keyword_and_reserved_member_names() {
    let keywords = Keywords::builder().r#type("t").r#match("m").self_value("s").build_value("b").build();
    assert_eq!((keywords.r#type(), keywords.r#match(), keywords.self_value(), keywords.build_value()), (Some("t"), Some("m"), Some("s"), Some("b")));
    let capital = CapitalSelf::builder().self_value("S").build();
    let (json, back) = round_trip(Everything::builder().keywords(keywords.clone()).self_holder(capital.clone()).build());
    assert_eq!(json["Keywords"], json!({"type": "t", "match": "m", "self": "s", "Build": "b"}));
    assert_eq!(json["SelfHolder"], json!({"Self": "S"}));
    assert_eq!((back.keywords(), back.self_holder()), (Some(&keywords), Some(&capital)));
}

#[test]
fn shapes_named_after_std_types() {
    let boxed = BoxShape::builder()
        .option(OptionShape::builder().some("x").build())
        .vec("a")
        .string("s")
        .build();
    let (json, back) = round_trip(Everything::builder().r#box(boxed.clone()).build());
    assert_eq!(json["Box"], json!({"Option": {"Some": "x"}, "Vec": ["a"], "String": "s"}));
    assert_eq!(back.r#box(), Some(&boxed));
}

/// Values from which both an `Everything` and its expected JSON are built.
#[derive(Clone, Debug)]
struct Sample {
    text: Option<String>,
    flag: Option<bool>,
    count: Option<i32>,
    big: Option<i64>,
    precise: Option<f64>,
    epoch_millis: Option<i64>,
    iso_millis: Option<i64>,
    http_seconds: Option<i64>,
    payload: Option<Vec<u8>>,
    colors: Option<Vec<String>>,
    labels: Option<HashMap<String, String>>,
    figure: Option<(u8, i32, String)>,
}

fn sample() -> impl Strategy<Value = Sample> {
    // Timestamps from 1600 to 2400, so leap centuries and pre-1970 instants come up.
    let instant_millis = -11_676_096_000_000i64..13_569_465_600_000i64;
    (
        (
            proptest::option::of(any::<String>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<i32>()),
            proptest::option::of(any::<i64>()),
            proptest::option::of(any::<f64>().prop_filter("finite", |v| v.is_finite())),
            proptest::option::of(instant_millis.clone()),
        ),
        (
            proptest::option::of(instant_millis.clone()),
            proptest::option::of(instant_millis.prop_map(|ms| ms.div_euclid(1000))),
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..40)),
            proptest::option::of(proptest::collection::vec(prop_oneof![Just("red".to_owned()), "[a-z]{1,8}"], 0..4)),
            proptest::option::of(proptest::collection::hash_map("[a-zA-Z0-9 ]{0,6}", any::<String>(), 0..4)),
            proptest::option::of((0u8..3, any::<i32>(), any::<String>())),
        ),
    )
        .prop_map(|((text, flag, count, big, precise, epoch_millis), (iso_millis, http_seconds, payload, colors, labels, figure))| Sample {
            text,
            flag,
            count,
            big,
            precise,
            epoch_millis,
            iso_millis,
            http_seconds,
            payload,
            colors,
            labels,
            figure,
        })
}

fn figure_of(sample: &Sample) -> Option<(Figure, Value)> {
    let (kind, side, label) = sample.figure.clone()?;
    Some(match kind {
        0 => (Figure::Side(side), json!({"Side": side})),
        1 => (Figure::Label(label.clone()), json!({"Label": label})),
        _ => (Figure::Nothing, json!({"Nothing": {}})),
    })
}

fn build(sample: &Sample) -> Everything {
    let millis = |ms: Option<i64>| ms.map(DateTime::from_millis);
    Everything::builder()
        .set_text(sample.text.clone())
        .set_flag(sample.flag)
        .set_count(sample.count)
        .set_big(sample.big)
        .set_precise(sample.precise)
        .set_epoch_time(millis(sample.epoch_millis))
        .set_iso_time(millis(sample.iso_millis))
        .set_http_time(sample.http_seconds.map(DateTime::from_secs))
        .set_payload(sample.payload.clone().map(Blob::new))
        .set_colors(sample.colors.as_ref().map(|c| c.iter().map(|v| Color::from(v.as_str())).collect()))
        .set_labels(sample.labels.clone())
        .set_figure(figure_of(sample).map(|(figure, _)| figure))
        .build()
}

fn rfc3339(millis: i64) -> String {
    let instant = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).unwrap();
    instant.format(&time::format_description::well_known::Rfc3339).unwrap()
}

fn http_date(seconds: i64) -> String {
    let instant = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap();
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    instant.format(&format).unwrap()
}

/// Checks what we wrote for `sample` against an expectation built without our code.
fn check_against_expectation(sample: &Sample, json: &Value) -> Result<(), TestCaseError> {
    let mut expected = serde_json::Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            expected.insert(key.to_owned(), value);
        }
    };
    put("Text", sample.text.clone().map(Value::from));
    put("Flag", sample.flag.map(Value::from));
    put("Count", sample.count.map(Value::from));
    put("Big", sample.big.map(Value::from));
    put("Precise", sample.precise.map(Value::from));
    put("Payload", sample.payload.as_ref().map(|p| Value::from(base64::engine::general_purpose::STANDARD.encode(p))));
    put("Colors", sample.colors.clone().map(Value::from));
    put("Labels", sample.labels.as_ref().map(|l| json!(l)));
    put("Figure", figure_of(sample).map(|(_, json)| json));
    put("HttpTime", sample.http_seconds.map(|s| Value::from(http_date(s))));
    let mut json = json.clone();
    let object = json.as_object_mut().unwrap();
    // Timestamps with fractions are compared as instants, which spelling-independent.
    if let Some(ms) = sample.epoch_millis {
        let written = object.remove("EpochTime").and_then(|v| v.as_f64());
        let expected_seconds = ms as f64 / 1000.0;
        prop_assert!(written.is_some_and(|w| (w - expected_seconds).abs() < 1e-6), "EpochTime {written:?} vs {expected_seconds}");
    }
    if let Some(ms) = sample.iso_millis {
        let written = object.remove("IsoTime");
        let parse = |text: &str| time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).unwrap();
        let written = written.as_ref().and_then(Value::as_str).map(parse);
        prop_assert_eq!(written, Some(parse(&rfc3339(ms))));
    }
    prop_assert_eq!(Value::Object(object.clone()), Value::Object(expected));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1_000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_0005),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_values_match_the_independent_expectation_and_read_back(sample in sample()) {
        let item = build(&sample);
        let json = written(item.clone());
        check_against_expectation(&sample, &json)?;
        prop_assert_eq!(read(&json), item);
    }
}
