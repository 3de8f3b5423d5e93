//! The generated restJson1 response parser on hostile input: 100,000 responses to `GetBook`
//! (tests/fixtures/rest-json-shapes.smithy) with any status, bodies that are random bytes,
//! JSON fragments, or valid payloads and errors damaged, and header values drawn from valid
//! ones, damaged ones and junk, for every header the output or its errors read. Each returns
//! a value; none panics; an error status is never read as success.

use std::time::Instant;

use rest_json_shapes_bindings::http::HttpResponse;
use rest_json_shapes_bindings::operation::get_book::{GetBook, GetBookError};
#[path = "support/mutations.rs"]
mod mutations;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const RESPONSES: usize = 100_000;

fn valid_bodies() -> Vec<Vec<u8>> {
    [
        &br#"{"title":"Dune","Authors":["Frank Herbert"],"Printed":-14182940}"#[..],
        br#"{"Message":"no such book"}"#,
        br#"{"code":"example.library#Throttled","message":"slow down"}"#,
        br#"{"__type":"NoSuchBook:http://internal","Message":"x"}"#,
        b"",
    ]
    .iter()
    .map(|body| body.to_vec())
    .collect()
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just(&b"{"[..]), Just(&b"}"[..]), Just(&b"["[..]), Just(&b"\""[..]), Just(&b"\\u"[..]), Just(&b"\\ud800"[..]),
        Just(&b"1e999"[..]), Just(&b"-0"[..]), Just(&b"null"[..]), Just(&b"\"title\":"[..]), Just(&b"\"Authors\":"[..]),
        Just(&b"\"Printed\":"[..]), Just(&b"\"code\":"[..]), Just(&b"\"__type\":"[..]), Just(&b"\xff\xfe"[..]), Just(&b","[..]),
    ];
    mutations::body(valid_bodies(), fragment)
}

/// A header value: a valid one for some header, one of them damaged, or junk.
fn header_value() -> impl Strategy<Value = String> {
    let valid = prop_oneof![
        Just("3".to_owned()),
        Just("Mon, 16 Dec 2019 23:48:18 GMT".to_owned()),
        Just("NoSuchBook".to_owned()),
        Just("example.library#Throttled:http://x".to_owned()),
        Just("fiction".to_owned()),
        Just(String::new()),
    ];
    prop_oneof![
        valid.clone(),
        (valid, any::<proptest::sample::Index>(), any::<char>()).prop_map(|(mut text, at, ch)| {
            let at = at.index(text.len() + 1);
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.insert(at, ch);
            text
        }),
        "[ -~]{0,40}",
        Just("99999999999999999999".to_owned()),
        Just("-".to_owned()),
    ]
}

fn response_parts() -> impl Strategy<Value = (u16, Vec<u8>, Vec<(&'static str, String)>)> {
    let names = prop_oneof![
        Just("Last-Modified"),
        Just("X-Copies"),
        Just("x-meta-shelf"),
        Just("X-Amzn-Errortype"),
        Just("X-Shelf"),
        Just("x-amzn-requestid"),
    ];
    (
        prop_oneof![Just(200u16), Just(404u16), Just(429u16), 0u16..1000],
        body(),
        proptest::collection::vec((names, header_value()), 0..5),
    )
}

#[test]
fn hostile_rest_json_responses_never_panic() {
    let seed = *b"smithy-bindgen hostile restJson1";
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let strategy = response_parts();
    let started = Instant::now();
    let (mut outputs, mut modeled, mut unhandled) = (0, 0, 0);
    for _ in 0..RESPONSES {
        let (status, body, headers) = strategy.new_tree(&mut runner).unwrap().current();
        let mut response = HttpResponse::new(status, &body);
        for (name, value) in &headers {
            response = response.with_header(name, value);
        }
        match GetBook::parse_response(&response) {
            Ok(_) => {
                assert!((200..300).contains(&status), "status {status} read as success");
                outputs += 1;
            }
            Err(GetBookError::Unhandled(error)) => {
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
        "hostile restJson1 responses: {RESPONSES} parsed in {:.1?} ({outputs} outputs, {modeled} modeled errors, \
         {unhandled} unhandled), 0 panics",
        started.elapsed()
    );
    // Every kind of outcome is reached, so the inputs test each path.
    assert!(outputs > 0 && modeled > 0 && unhandled > 0);
}
