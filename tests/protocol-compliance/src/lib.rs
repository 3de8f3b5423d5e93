//! The checks the generated protocol tests call: each compares what the bindings produced with
//! what a Smithy test case expects, with the semantics of Smithy's protocol compliance test
//! specification, and panics with both sides when they differ. Header and JSON body
//! comparisons are aws-smithy-protocol-test's, as in smithy-rs; CBOR bodies are compared by
//! [`cbor_body`].

use std::fmt::Debug;

use aws_smithy_protocol_test::{forbid_headers, require_headers, validate_body, validate_headers, MediaType};

mod cbor_body;

/// Every generated test: `source`, `suite`, `service`, `kind`, `id` and `skip` (the reason,
/// or empty), tab-separated with a header line.
pub const GENERATED_CASES: &str = include_str!(concat!(env!("OUT_DIR"), "/cases.tsv"));

/// A serialized request, borrowed from whichever bindings produced it.
#[derive(Debug)]
pub struct ActualRequest<'a> {
    pub method: &'a str,
    pub uri: &'a str,
    pub headers: Vec<(&'a str, &'a str)>,
    pub body: &'a [u8],
}

/// What an `httpRequestTests` case expects.
#[derive(Debug)]
pub struct ExpectedRequest<'a> {
    pub method: &'a str,
    /// The path, without the query string.
    pub uri: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub forbid_headers: &'a [&'a str],
    pub require_headers: &'a [&'a str],
    /// `name=value` pairs, percent-encoded as on the wire.
    pub query_params: &'a [&'a str],
    pub forbid_query_params: &'a [&'a str],
    pub require_query_params: &'a [&'a str],
    /// `None` when the case does not assert the body.
    pub body: Option<Body<'a>>,
}

/// An expected body and how to compare it.
#[derive(Debug)]
pub enum Body<'a> {
    /// Compared as JSON values, so key order and whitespace do not matter.
    Json(&'a str),
    /// Compared byte for byte, as for a case with no `bodyMediaType`.
    Bytes(&'a str),
    /// Base64 of a CBOR body, compared as data items (see [`cbor_body`]).
    Cbor(&'a str),
    /// Another media type, compared by aws-smithy-protocol-test's rules for it.
    Other { media_type: &'a str, text: &'a str },
}

/// Panics unless `actual` is the request `expected` describes.
pub fn check_request(actual: &ActualRequest<'_>, expected: &ExpectedRequest<'_>) {
    assert_eq!(actual.method, expected.method, "the HTTP method");
    let (path, query) = actual.uri.split_once('?').unwrap_or((actual.uri, ""));
    assert_eq!(path, expected.uri, "the request path");
    check_query(query, expected);
    let headers = header_map(&actual.headers);
    ok("headers", validate_headers(&headers, expected.headers.iter().copied()));
    ok("forbidden headers", forbid_headers(&headers, expected.forbid_headers));
    ok("required headers", require_headers(&headers, expected.require_headers));
    match expected.body {
        None => {}
        Some(Body::Json(text)) => ok("JSON body", validate_body(actual.body, text, MediaType::Json)),
        Some(Body::Bytes(text)) => assert_eq!(
            String::from_utf8_lossy(actual.body),
            text,
            "the body, byte for byte"
        ),
        Some(Body::Cbor(text)) => {
            if let Some(problem) = cbor_body::cbor_difference(actual.body, text) {
                panic!("CBOR body: {problem}");
            }
        }
        Some(Body::Other { media_type, text }) => {
            ok("body", validate_body(actual.body, text, MediaType::from(media_type)));
        }
    }
}

fn check_query(query: &str, expected: &ExpectedRequest<'_>) {
    let pairs: Vec<&str> = query.split('&').filter(|pair| !pair.is_empty()).collect();
    let key = |pair: &str| pair.split_once('=').map_or(pair, |(key, _)| key).to_owned();
    for wanted in expected.query_params {
        assert!(pairs.contains(wanted), "the query `{query}` lacks `{wanted}`");
    }
    for forbidden in expected.forbid_query_params {
        assert!(!pairs.iter().any(|pair| key(pair) == *forbidden), "the query `{query}` has `{forbidden}`");
    }
    for required in expected.require_query_params {
        assert!(pairs.iter().any(|pair| key(pair) == *required), "the query `{query}` lacks `{required}`");
    }
}

fn header_map(headers: &[(&str, &str)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in headers {
        let name = http::HeaderName::from_bytes(name.as_bytes()).unwrap_or_else(|e| panic!("header name `{name}`: {e}"));
        let value = http::HeaderValue::from_str(value).unwrap_or_else(|e| panic!("header `{name}` value `{value}`: {e}"));
        map.append(name, value);
    }
    map
}

fn ok(what: &str, result: Result<(), aws_smithy_protocol_test::ProtocolTestFailure>) {
    if let Err(failure) = result {
        panic!("{what}: {failure}");
    }
}

/// The authority (`foo.example.com`) and the path with any query (`/custom/`) of an absolute URL.
pub fn split_url(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or((rest, "/"), |slash| rest.split_at(slash))
}

/// Panics unless the values are equal. NaN is not equal to itself, so values whose only
/// difference under `==` is a NaN compare by their `Debug` text, which shows every field.
pub fn assert_same<T: PartialEq + Debug>(actual: &T, expected: &T) {
    if let Some((actual, expected)) = difference(actual, expected, true) {
        panic!("parsed value differs from the case's params\n  parsed: {actual}\nexpected: {expected}");
    }
}

/// [`assert_same`] for one field of a parsed error, naming the field.
pub fn assert_field<T: PartialEq + Debug>(field: &str, actual: &T, expected: &T) {
    if let Some((actual, expected)) = difference(actual, expected, false) {
        panic!("error field `{field}`: parsed {actual}, expected {expected}");
    }
}

/// The `Debug` texts of two values that differ by more than a NaN, pretty-printed if asked.
fn difference<T: PartialEq + Debug>(actual: &T, expected: &T, pretty: bool) -> Option<(String, String)> {
    if actual == expected {
        return None;
    }
    let texts = if pretty {
        (format!("{actual:#?}"), format!("{expected:#?}"))
    } else {
        (format!("{actual:?}"), format!("{expected:?}"))
    };
    (texts.0 != texts.1 || !texts.0.contains("NaN")).then_some(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(body: &'a [u8], headers: Vec<(&'a str, &'a str)>) -> ActualRequest<'a> {
        ActualRequest {
            method: "POST",
            uri: "/",
            headers,
            body,
        }
    }

    fn expected<'a>(body: Option<Body<'a>>, headers: &'a [(&'a str, &'a str)]) -> ExpectedRequest<'a> {
        ExpectedRequest {
            method: "POST",
            uri: "/",
            headers,
            forbid_headers: &["X-Forbidden"],
            require_headers: &[],
            query_params: &[],
            forbid_query_params: &[],
            require_query_params: &[],
            body,
        }
    }

    #[test]
    fn json_bodies_compare_as_values() {
        let actual = request(br#"{"b":1,"a":[true]}"#, vec![("Content-Type", "application/json")]);
        check_request(&actual, &expected(Some(Body::Json("{\n \"a\": [true], \"b\": 1}")), &[("content-type", "application/json")]));
    }

    #[test]
    #[should_panic(expected = "JSON body")]
    fn a_different_json_value_fails() {
        let actual = request(br#"{"a":1}"#, vec![]);
        check_request(&actual, &expected(Some(Body::Json(r#"{"a":2}"#)), &[]));
    }

    #[test]
    #[should_panic(expected = "byte for byte")]
    fn bodies_without_a_media_type_compare_as_bytes() {
        let actual = request(br#"{"a":1}"#, vec![]);
        check_request(&actual, &expected(Some(Body::Bytes(r#"{"a": 1}"#)), &[]));
    }

    #[test]
    #[should_panic(expected = "forbidden headers")]
    fn a_forbidden_header_fails() {
        let actual = request(b"", vec![("x-forbidden", "1")]);
        check_request(&actual, &expected(None, &[]));
    }

    #[test]
    #[should_panic(expected = "headers")]
    fn a_wrong_header_value_fails() {
        let actual = request(b"", vec![("X-Amz-Target", "A.B")]);
        check_request(&actual, &expected(None, &[("X-Amz-Target", "A.C")]));
    }

    #[test]
    fn urls_split_into_host_and_path() {
        assert_eq!(split_url("https://foo.example.com/custom/"), ("foo.example.com", "/custom/"));
        assert_eq!(split_url("http://example.com"), ("example.com", "/"));
    }

    #[test]
    fn nan_equals_nan_only_through_debug_text() {
        assert_same(&Some(f64::NAN), &Some(f64::NAN));
        assert!(std::panic::catch_unwind(|| assert_same(&Some(f64::NAN), &Some(1.0))).is_err());
        assert!(std::panic::catch_unwind(|| assert_field("a", &1, &2)).is_err());
    }
}
