//! Conformance of the rpcv2Cbor serializer with botocore 1.44.8's (the release in
//! `.venv-moto`, made by `tests/emulator/setup-venv.sh`, which this test runs when the venv is
//! missing).
//!
//! `tests/conformance/botocore_cbor_oracle.py` builds 2,000 random CloudWatch inputs
//! (`PutMetricData` and `GetMetricData`: doubles with NaN, infinities and extremes, timestamps,
//! integers at every head width, lists, maps, nested structures, enums known and unknown)
//! from botocore's own model with a fixed seed, and serializes each with botocore's
//! rpc-v2-cbor serializer. This test reads the same params into the generated input type
//! (through its serde form), serializes it, and requires the same method, path and protocol
//! headers and a body that decodes to the same CBOR data items, member order and float width
//! aside: botocore writes NaN and the infinities as half-precision floats, we as the member's
//! own width, which the protocol allows.
//!
//! Canned CBOR error responses to `PutMetricData` are parsed by both; each gives the same
//! code and message, but for the cases listed with the reason botocore parts from the
//! specification (or from aws-sdk-rust) there.

use std::path::{Path, PathBuf};
use std::process::Command;

use cbor_conformance::cloudwatch::operation::get_metric_data::{GetMetricData, GetMetricDataInput};
use cbor_conformance::cloudwatch::http::HttpResponse;
use cbor_conformance::cloudwatch::operation::put_metric_data::{PutMetricData, PutMetricDataInput};
use ciborium::value::Value;
use serde_json::Value as Json;

const INPUTS: usize = 2_000;
const SEED: u32 = 20_261_202;
const BOTOCORE_VERSION: &str = "1.44.8";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `.venv-moto`'s Python, made if missing.
fn botocore_python() -> PathBuf {
    let root = workspace_root();
    let python = root.join(".venv-moto/bin/python");
    if !python.exists() {
        let status = Command::new("bash").arg(root.join("tests/emulator/setup-venv.sh")).status();
        assert!(status.is_ok_and(|s| s.success()), "tests/emulator/setup-venv.sh could not make .venv-moto (python3 with venv and pip, and PyPI, are needed)");
    }
    python
}

fn oracle() -> Json {
    let out = std::env::temp_dir().join(format!("botocore-cbor-oracle-{}.json", std::process::id()));
    let errors = std::env::temp_dir().join(format!("botocore-cbor-errors-{}.json", std::process::id()));
    let corpus: Vec<Json> = error_corpus()
        .iter()
        .map(|case| {
            let headers: serde_json::Map<String, Json> =
                case.headers.iter().map(|(name, value)| ((*name).to_owned(), Json::from(*value))).collect();
            serde_json::json!({ "status": case.status, "headers": headers, "body": hex(&case.body) })
        })
        .collect();
    std::fs::write(&errors, serde_json::to_vec(&corpus).unwrap()).expect("the error corpus is written");
    let script = workspace_root().join("tests/conformance/botocore_cbor_oracle.py");
    let output = Command::new(botocore_python())
        .arg(&script)
        .args([INPUTS.to_string(), SEED.to_string()])
        .arg(&errors)
        .arg(&out)
        .output()
        .expect("the botocore oracle runs");
    assert!(output.status.success(), "the botocore oracle failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let text = std::fs::read_to_string(&out).expect("the oracle's output");
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&errors);
    serde_json::from_str(&text).expect("the oracle writes JSON")
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex digits")).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn cbor(entries: &[(&str, &str)]) -> Vec<u8> {
    let map = Value::Map(entries.iter().map(|(key, value)| (Value::Text((*key).to_owned()), Value::Text((*value).to_owned()))).collect());
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(&map, &mut bytes).unwrap();
    bytes
}

/// A canned error response, and why botocore reads it otherwise, when it does.
struct ErrorCase {
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    body: Vec<u8>,
    differs: Option<&'static str>,
}

const PROTOCOL: (&str, &str) = ("smithy-protocol", "rpc-v2-cbor");

fn error_corpus() -> Vec<ErrorCase> {
    let case = |status, headers: &[(&'static str, &'static str)], body: &[(&str, &str)], differs| ErrorCase {
        status,
        headers: [PROTOCOL].iter().chain(headers).copied().collect(),
        body: cbor(body),
        differs,
    };
    let namespaced = "com.amazonaws.cloudwatch#InvalidParameterValueException";
    vec![
        case(400, &[("x-amzn-query-error", "InvalidParameterValue;Sender")], &[("__type", namespaced), ("message", "bad value")], None),
        case(400, &[], &[("__type", namespaced), ("message", "bad value")], None),
        case(400, &[], &[("__type", "InvalidParameterValueException:http://internal.amazon.com/coral/com.amazon.coral.validate/"), ("message", "m")], None),
        case(500, &[("x-amzn-query-error", "InternalServiceError;Receiver")], &[("__type", "com.amazonaws.cloudwatch#InternalServiceFault"), ("Message", "oops")], None),
        case(400, &[], &[("__type", "com.amazonaws.cloudwatch#MissingRequiredParameterException"), ("message", "")], None),
        case(400, &[("x-amzn-requestid", "req-1")], &[("__type", "ThrottlingException"), ("message", "Rate exceeded")], None),
        case(400, &[("x-amzn-query-error", "Throttling;Sender")], &[("__type", "aws.protocoltests#ThrottlingException"), ("message", "slow")], None),
        case(400, &[("X-Amzn-Errortype", "HeaderError")], &[("__type", "InvalidParameterCombinationException"), ("message", "x")], None),
        case(400, &[], &[("__type", "ns#Nested#Name")], Some("botocore keeps what follows the last `#`; the specification, and aws-sdk-rust, what follows the first")),
        case(400, &[], &[("__type", namespaced), ("message", "lower"), ("Message", "upper")], Some("botocore prefers `message` to `Message`; we take the last the body has, as for awsJson")),
        case(400, &[], &[("message", "no type")], Some("with no `__type` botocore reports the status (`400`) as the code; we report the error as Unhandled, with no code")),
    ]
    .into_iter()
    .chain([ErrorCase {
        status: 400,
        headers: Vec::new(),
        body: cbor(&[("__type", namespaced), ("message", "bad value")]),
        differs: Some("a response without `smithy-protocol: rpc-v2-cbor` is malformed, so we read only its status; botocore reads it anyway"),
    }])
    .collect()
}

/// Our code and message for an error response to PutMetricData ("" for none).
fn our_error(case: &ErrorCase) -> (String, String) {
    let mut response = HttpResponse::new(case.status, &case.body);
    for (name, value) in &case.headers {
        response = response.with_header(name, value);
    }
    let error = PutMetricData::parse_response(&response).expect_err("an error status");
    (error.code().unwrap_or_default().to_owned(), error.message().unwrap_or_default().to_owned())
}

/// Our request for one case: method, path, headers and body.
fn ours(operation: &str, params: &Json) -> (String, String, Vec<(String, String)>, Vec<u8>) {
    let request = match operation {
        "PutMetricData" => {
            let input: PutMetricDataInput = serde_json::from_value(params.clone()).expect("the params read as PutMetricDataInput");
            PutMetricData::serialize_request(&input)
        }
        "GetMetricData" => {
            let input: GetMetricDataInput = serde_json::from_value(params.clone()).expect("the params read as GetMetricDataInput");
            GetMetricData::serialize_request(&input)
        }
        other => panic!("the oracle names an operation this test does not know: {other}"),
    };
    let headers = request.headers().map(|(name, value)| (name.to_owned(), value.to_owned())).collect();
    (request.method().to_owned(), request.uri().to_owned(), headers, request.body().to_vec())
}

fn decode(bytes: &[u8], whose: &str) -> Value {
    let mut rest = bytes;
    let value = ciborium::de::from_reader(&mut rest).unwrap_or_else(|e| panic!("{whose} body is not CBOR: {e}"));
    assert!(rest.is_empty(), "{whose} body has {} bytes after its item", rest.len());
    value
}

/// Where two data items differ, member order and float width aside; `None` when they agree.
fn difference(path: &str, ours: &Value, theirs: &Value) -> Option<String> {
    match (ours, theirs) {
        (Value::Map(ours), Value::Map(theirs)) => {
            if ours.len() != theirs.len() {
                let keys = |entries: &[(Value, Value)]| entries.iter().map(|(key, _)| format!("{key:?}")).collect::<Vec<_>>();
                return Some(format!("{path}: keys {:?}, botocore {:?}", keys(ours), keys(theirs)));
            }
            theirs.iter().find_map(|(key, theirs)| match ours.iter().find(|(candidate, _)| candidate == key) {
                Some((_, ours)) => difference(&format!("{path}.{key:?}"), ours, theirs),
                None => Some(format!("{path}: no {key:?}")),
            })
        }
        (Value::Array(ours), Value::Array(theirs)) if ours.len() == theirs.len() => ours
            .iter()
            .zip(theirs)
            .enumerate()
            .find_map(|(index, (ours, theirs))| difference(&format!("{path}[{index}]"), ours, theirs)),
        (Value::Tag(ours_tag, ours), Value::Tag(theirs_tag, theirs)) if ours_tag == theirs_tag => {
            difference(&format!("{path}(tag {ours_tag})"), ours, theirs)
        }
        // Bit for bit, so 0.0 and -0.0 differ; NaN is NaN.
        (Value::Float(ours), Value::Float(theirs)) if ours.to_bits() == theirs.to_bits() || (ours.is_nan() && theirs.is_nan()) => None,
        _ if ours == theirs && !matches!(ours, Value::Float(_)) => None,
        _ => Some(format!("{path}: ours {ours:?}, botocore {theirs:?}")),
    }
}

/// The headers the protocol defines, as both sides send them (botocore adds no
/// Content-Length in its serializer, and its header names keep their case).
fn protocol_headers(headers: &[(String, String)]) -> Vec<(String, String)> {
    let mut chosen: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| !name.eq_ignore_ascii_case("content-length"))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.clone()))
        .collect();
    chosen.sort();
    chosen
}

#[test]
fn cloudwatch_requests_and_errors_agree_with_botocore() {
    let oracle = oracle();
    assert_eq!(oracle["botocore_version"], BOTOCORE_VERSION, "the oracle's botocore release");
    let cases = oracle["cases"].as_array().expect("the oracle's cases");
    assert_eq!(cases.len(), INPUTS);
    let mut disagreements = Vec::new();
    let mut bytes_equal = 0;
    for (index, case) in cases.iter().enumerate() {
        let operation = case["operation"].as_str().expect("an operation name");
        let (method, path, headers, body) = ours(operation, &case["params"]);
        let theirs_body = unhex(case["body"].as_str().expect("a hex body"));
        let theirs_headers: Vec<(String, String)> = case["headers"]
            .as_object()
            .expect("headers")
            .iter()
            .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned()))
            .collect();
        let mut problems = Vec::new();
        if method != case["method"] || path != case["path"] {
            problems.push(format!("request line {method} {path}, botocore {} {}", case["method"], case["path"]));
        }
        if protocol_headers(&headers) != protocol_headers(&theirs_headers) {
            problems.push(format!("headers {:?}, botocore {:?}", protocol_headers(&headers), protocol_headers(&theirs_headers)));
        }
        if let Some(problem) = difference("body", &decode(&body, "our"), &decode(&theirs_body, "botocore's")) {
            problems.push(problem);
        }
        if body == theirs_body {
            bytes_equal += 1;
        }
        if !problems.is_empty() {
            disagreements.push(format!("case {index} ({operation}): {}", problems.join("; ")));
        }
    }
    println!(
        "botocore {BOTOCORE_VERSION} rpcv2Cbor conformance: {INPUTS} CloudWatch inputs compared, {} disagreements, {bytes_equal} bodies byte-identical",
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{} disagreements, the first:\n{}", disagreements.len(), disagreements.iter().take(5).cloned().collect::<Vec<_>>().join("\n"));

    let corpus = error_corpus();
    let theirs = oracle["errors"].as_array().expect("the oracle's error results");
    assert_eq!(theirs.len(), corpus.len());
    let mut expected_differences = Vec::new();
    for (case, theirs) in corpus.iter().zip(theirs) {
        let theirs = (theirs["code"].as_str().unwrap().to_owned(), theirs["message"].as_str().unwrap().to_owned());
        let ours = our_error(case);
        match case.differs {
            None => assert_eq!(ours, theirs, "(code, message) of {:?}, ours then botocore's", String::from_utf8_lossy(&case.body)),
            Some(reason) => {
                assert_ne!(ours, theirs, "the case is listed as a difference, but botocore agrees: {reason}");
                expected_differences.push(format!("  {reason}: ours {ours:?}, botocore {theirs:?}"));
            }
        }
    }
    println!(
        "botocore {BOTOCORE_VERSION} rpcv2Cbor errors: {} error responses compared, {} agree, {} differ as expected:\n{}",
        corpus.len(),
        corpus.len() - expected_differences.len(),
        expected_differences.len(),
        expected_differences.join("\n")
    );
}
