//! The generated response parser on hostile input: 100,000 bodies (random bytes, JSON-shaped
//! fragments, and valid responses with bytes flipped, inserted, deleted or repeated), with any
//! status. Each returns a value; none panics; an error status is never read as success.

use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::Index;
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

#[derive(Clone, Debug)]
enum Edit {
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index, Index),
    Repeat(Index, Index),
}

fn body(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just(&b"{"[..]), Just(&b"}"[..]), Just(&b"["[..]), Just(&b"]"[..]), Just(&b","[..]), Just(&b":"[..]),
        Just(&b"\"__type\""[..]), Just(&b"\"code\""[..]), Just(&b"\"ResourceNotFoundException\""[..]),
        Just(&b"\"State\""[..]), Just(&b"\"message\""[..]), Just(&b"null"[..]), Just(&b"-1e999"[..]),
        Just(&b"\"\\ud800\""[..]), Just(&b"\"\\u00\""[..]), Just(&b"\\"[..]), Just(&b"\xff"[..]),
    ];
    let edit = prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Delete(a, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Repeat(a, b)),
    ];
    let mutated = (proptest::sample::select(seeds), proptest::collection::vec(edit, 1..4)).prop_map(|(mut body, edits)| {
        for edit in edits {
            let len = body.len().max(1);
            match edit {
                Edit::Flip(at, byte) if !body.is_empty() => body[at.index(len)] = byte,
                Edit::Insert(at, byte) => body.insert(at.index(len + 1).min(body.len()), byte),
                Edit::Delete(a, b) if !body.is_empty() => {
                    let (a, b) = (a.index(len), b.index(len));
                    body.drain(a.min(b)..a.max(b));
                }
                Edit::Repeat(a, b) if !body.is_empty() => {
                    let (a, b) = (a.index(len), b.index(len));
                    let piece = body[a.min(b)..a.max(b)].to_vec();
                    body.splice(a.max(b)..a.max(b), piece);
                }
                _ => {}
            }
        }
        body
    });
    prop_oneof![
        2 => proptest::collection::vec(any::<u8>(), 0..64),
        3 => proptest::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat()),
        5 => mutated,
    ]
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
