//! Responses to RegisterWorkspaceDirectory read into the output or the error the service
//! reported. Snapshots hold the parsed values; review changes with `cargo insta review`.

use std::fmt::Write as _;

use smithy_bind_tests::error_corpus::{error_forms, message_spellings, MODELED_ERRORS};
use smithy_bind_tests::parse_error_case;

use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError, RegisterWorkspaceDirectoryOutput,
};
use workspaces_bindings::types::WorkspaceDirectoryState;

type Parsed = Result<RegisterWorkspaceDirectoryOutput, RegisterWorkspaceDirectoryError>;

fn parse(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Parsed {
    let mut response = HttpResponse::new(status, body);
    for (name, value) in headers {
        response = response.with_header(name, value);
    }
    RegisterWorkspaceDirectory::parse_response(&response)
}

fn success(body: &str) -> RegisterWorkspaceDirectoryOutput {
    parse(200, &[], body.as_bytes()).expect("a successful response")
}

fn failure(status: u16, headers: &[(&str, &str)], body: &[u8]) -> RegisterWorkspaceDirectoryError {
    parse(status, headers, body).expect_err("an error response")
}

/// One line per fact a user reads off an error.
fn describe(error: &RegisterWorkspaceDirectoryError) -> String {
    let variant = format!("{error:?}");
    let variant = variant.split('(').next().unwrap_or_default();
    let mut text = format!(
        "{variant}: code={:?} message={:?} request_id={:?} status={}\n  display: {error}",
        error.code(),
        error.message(),
        error.request_id(),
        error.meta().status(),
    );
    match error {
        RegisterWorkspaceDirectoryError::ResourceNotFoundException(e) => {
            write!(text, "\n  resource_id={:?}", e.resource_id()).unwrap();
        }
        RegisterWorkspaceDirectoryError::OperationNotSupportedException(e) => {
            write!(text, "\n  reason={:?}", e.reason()).unwrap();
        }
        RegisterWorkspaceDirectoryError::Unhandled(e) => {
            write!(text, "\n  problem={:?}\n  body_excerpt={:?}", e.problem(), e.body_excerpt()).unwrap();
        }
        _ => {}
    }
    text
}

#[test]
fn success_reads_every_member() {
    let output = success(r#"{"DirectoryId":"d-1234567890","State":"REGISTERING"}"#);
    insta::assert_debug_snapshot!(output);
    assert_eq!(output.directory_id(), Some("d-1234567890"));
    assert_eq!(output.state(), Some(&WorkspaceDirectoryState::Registering));
}

#[test]
fn unknown_fields_are_ignored_at_any_depth() {
    let output = success(
        r#" {"Extra":{"deep":[1,-2.5e10,{"x":null,"y":[[],{}]}],"s":"\"}"},
             "DirectoryId":"d-1234567890","Later":true,"State":"REGISTERED","Last":[[[]]]} "#,
    );
    insta::assert_debug_snapshot!(output);
    assert_eq!(output.state(), Some(&WorkspaceDirectoryState::Registered));
}

#[test]
fn unknown_state_is_kept() {
    let output = success(r#"{"State":"SUSPENDED"}"#);
    insta::assert_debug_snapshot!(output);
    assert_eq!(output.state().map(WorkspaceDirectoryState::as_str), Some("SUSPENDED"));
    assert!(matches!(output.state(), Some(WorkspaceDirectoryState::Unknown(_))));
}

#[test]
fn null_and_missing_members_are_none() {
    let output = success(r#"{"DirectoryId":null,"State":null}"#);
    insta::assert_debug_snapshot!(output);
    assert_eq!((output.directory_id(), output.state()), (None, None));
    let empty = success("");
    assert_eq!((empty.directory_id(), empty.state()), (None, None));
    assert_eq!(success("{}"), empty);
}

#[test]
fn escapes_and_surrogate_pairs_are_decoded() {
    let output = success(r#"{"DirectoryId":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n"}"#);
    assert_eq!(output.directory_id(), Some("café 😀 \"q\" \\ / \n"));
}

#[test]
fn every_modeled_error_in_every_code_form() {
    for (code, extra) in MODELED_ERRORS {
        let mut report = String::new();
        for case in error_forms(code, extra) {
            let error = parse_error_case(&case);
            let form = &case.name;
            assert_eq!(error.code(), Some(code), "{form}");
            assert!(!matches!(error, RegisterWorkspaceDirectoryError::Unhandled(_)), "{form}: {error:?}");
            assert_eq!(error.message(), Some(format!("{code} happened").as_str()), "{form}");
            assert_eq!(error.request_id(), Some("req-0001"), "{form}");
            writeln!(report, "{form}\n  {}", describe(&error)).unwrap();
        }
        insta::assert_snapshot!(code, report);
    }
}

#[test]
fn is_helpers_name_exactly_one_variant() {
    let error = failure(400, &[], br#"{"__type":"ResourceNotFoundException","ResourceId":"d-1"}"#);
    assert!(error.is_resource_not_found_exception());
    assert!(!error.is_access_denied_exception());
    assert!(!error.is_resource_limit_exceeded_exception());
    let RegisterWorkspaceDirectoryError::ResourceNotFoundException(inner) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(inner.resource_id(), Some("d-1"));
    assert_eq!(inner.message(), None);
    let source = std::error::Error::source(&error).expect("the modeled error is the source");
    assert_eq!(source.to_string(), "ResourceNotFoundException");
}

#[test]
fn message_field_spellings() {
    let mut report = String::new();
    for case in message_spellings() {
        let error = parse_error_case(&case);
        assert!(error.is_access_denied_exception(), "{}", case.name);
        let RegisterWorkspaceDirectoryError::AccessDeniedException(inner) = &error else { unreachable!() };
        assert_eq!(inner.message(), error.message(), "the modeled member is filled from the metadata");
        writeln!(report, "{}\n  {}", case.name, describe(&error)).unwrap();
    }
    insta::assert_snapshot!(report);
}

#[test]
fn unmodeled_and_unreadable_responses_are_unhandled() {
    let html = b"<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>";
    let binary: Vec<u8> = (0u8..=255).collect();
    type Case<'a> = (&'a str, u16, Vec<(&'a str, &'a str)>, &'a [u8]);
    let cases: Vec<Case> = vec![
        (
            "unmodeled ThrottlingException",
            400,
            vec![("x-amzn-RequestId", "req-7")],
            br#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#,
        ),
        ("500 with an HTML body", 500, vec![], html),
        ("403 with an empty body", 403, vec![], b""),
        ("error body without a code", 400, vec![], br#"{"message":"no code here"}"#),
        ("modeled error whose member has the wrong type", 400, vec![], br#"{"__type":"ResourceNotFoundException","ResourceId":7}"#),
        ("truncated JSON on 200", 200, vec![], br#"{"DirectoryId":"d-1234"#),
        ("[] on 200", 200, vec![], b"[]"),
        ("binary on 200", 200, vec![("x-amzn-RequestId", "req-8")], &binary),
        ("trailing data on 200", 200, vec![], br#"{"DirectoryId":"d-1"} {}"#),
        ("State of the wrong type on 200", 200, vec![], br#"{"State":5}"#),
        ("redirect status", 302, vec![], b""),
    ];
    let mut report = String::new();
    for (case, status, headers, body) in cases {
        let error = failure(status, &headers, body);
        assert!(matches!(error, RegisterWorkspaceDirectoryError::Unhandled(_)), "{case}: {error:?}");
        assert_eq!(error.meta().status(), status, "{case}");
        writeln!(report, "{case}\n  {}", describe(&error)).unwrap();
    }
    insta::assert_snapshot!(report);
}

#[test]
fn http_crate_responses_convert() {
    let response = http::Response::builder()
        .status(400)
        .header("X-Amzn-ErrorType", "AccessDeniedException")
        .header("X-Amzn-RequestId", "req-9")
        .body(br#"{"message":"no"}"#.to_vec())
        .unwrap();
    let error = RegisterWorkspaceDirectory::parse_response(&HttpResponse::from(&response)).unwrap_err();
    assert!(error.is_access_denied_exception());
    assert_eq!((error.message(), error.request_id()), (Some("no"), Some("req-9")));
}

mod never_panics {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    use super::*;

    /// Bodies that are mostly JSON-shaped, so the parser gets past its first byte.
    fn body() -> impl Strategy<Value = Vec<u8>> {
        let fragment = prop_oneof![
            Just(&b"{"[..]), Just(&b"}"[..]), Just(&b"["[..]), Just(&b"]"[..]), Just(&b","[..]),
            Just(&b":"[..]), Just(&b"\"__type\""[..]), Just(&b"\"AccessDeniedException\""[..]),
            Just(&b"\"State\""[..]), Just(&b"\"DirectoryId\""[..]), Just(&b"\"message\""[..]),
            Just(&b"null"[..]), Just(&b"true"[..]), Just(&b"-1.5e3"[..]), Just(&b"\"\\ud83d\""[..]),
            Just(&b"\"\\u00e9\""[..]), Just(&b"\\"[..]), Just(&b" "[..]),
        ];
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..64),
            proptest::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat()),
        ]
    }

    proptest! {
        #![proptest_config(Config {
            cases: 20_000,
            rng_seed: RngSeed::Fixed(0x5eed_0003),
            failure_persistence: None,
            ..Config::default()
        })]

        #[test]
        fn any_body_with_any_status_returns_a_value(status in 100u16..600, body in body(), header in any::<Option<String>>()) {
            let mut response = HttpResponse::new(status, &body);
            if let Some(code) = &header {
                response = response.with_header("X-Amzn-Errortype", code);
            }
            let parsed = RegisterWorkspaceDirectory::parse_response(&response);
            if !(200..300).contains(&status) {
                prop_assert!(parsed.is_err(), "an error status is never a success");
            }
            if let Err(error) = parsed {
                prop_assert_eq!(error.meta().status(), status);
                let _ = error.to_string();
            }
        }
    }
}
