//! The generated response parser on hostile input: 100,000 bodies (random bytes, JSON-shaped
//! fragments, and valid responses with bytes flipped, inserted, deleted or repeated), with any
//! status. Each returns a value; none panics; an error status is never read as success.

use std::time::Instant;

#[path = "support/mutations.rs"]
mod mutations;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use smithy_bind_tests::error_corpus::error_corpus;
use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError,
};

const BODIES: usize = 100_000;

fn valid_bodies() -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = error_corpus().into_iter().map(|case| case.body.into_bytes()).collect();
    bodies.push(br#"{"DirectoryId":"d-1234567890","State":"REGISTERING"}"#.to_vec());
    bodies.push(br#"{"DirectoryId":"caf\u00e9 \ud83d\ude00","State":null,"Extra":{"a":[1,2,{"b":[]}]}}"#.to_vec());
    bodies
}

fn body(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just(&b"{"[..]), Just(&b"}"[..]), Just(&b"["[..]), Just(&b"]"[..]), Just(&b","[..]), Just(&b":"[..]),
        Just(&b"\"__type\""[..]), Just(&b"\"code\""[..]), Just(&b"\"ResourceNotFoundException\""[..]),
        Just(&b"\"State\""[..]), Just(&b"\"message\""[..]), Just(&b"null"[..]), Just(&b"-1e999"[..]),
        Just(&b"\"\\ud800\""[..]), Just(&b"\"\\u00\""[..]), Just(&b"\\"[..]), Just(&b"\xff"[..]),
    ];
    mutations::body(seeds, fragment)
}

#[test]
fn hostile_bodies_never_panic() {
    let seed = *b"smithy-bindgen hostile bodies!!!";
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let strategy = (prop_oneof![Just(200u16), Just(400u16), 100u16..600], body(valid_bodies()), any::<bool>());
    let started = Instant::now();
    let (mut outputs, mut modeled, mut unhandled) = (0, 0, 0);
    for _ in 0..BODIES {
        let (status, body, with_header) = strategy.new_tree(&mut runner).unwrap().current();
        let mut response = HttpResponse::new(status, &body);
        if with_header {
            response = response.with_header("X-Amzn-Errortype", "AccessDeniedException");
        }
        match RegisterWorkspaceDirectory::parse_response(&response) {
            Ok(_) => {
                assert!((200..300).contains(&status), "status {status} read as success");
                outputs += 1;
            }
            Err(RegisterWorkspaceDirectoryError::Unhandled(error)) => {
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
        "hostile bodies: {BODIES} parsed in {:.1?} ({outputs} outputs, {modeled} modeled errors, \
         {unhandled} unhandled), 0 panics",
        started.elapsed()
    );
}

#[test]
fn deeply_nested_bodies_are_errors_not_stack_overflows() {
    for (status, body) in [
        (200, format!("{{\"Extra\":{}", "[".repeat(100_000))),
        (400, format!("{{\"__type\":\"AccessDeniedException\",\"x\":{}", "[".repeat(100_000))),
        (200, "[".repeat(100_000)),
        (200, format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000))),
    ] {
        let error = RegisterWorkspaceDirectory::parse_response(&HttpResponse::new(status, body.as_bytes())).unwrap_err();
        let RegisterWorkspaceDirectoryError::Unhandled(unhandled) = &error else { panic!("{error:?}") };
        let problem = unhandled.problem().unwrap_or_default();
        assert!(
            problem.contains("nested deeper than 128 levels") || problem.contains("expected an object"),
            "{problem}"
        );
    }
}
