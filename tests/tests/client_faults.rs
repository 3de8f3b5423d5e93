//! The clients against a server that fails on purpose: what is retried, how often, with
//! which headers, and what error comes back. Each test asserts the requests the server saw.

#![allow(clippy::result_large_err, reason = "SdkError holds the operation's error unboxed, as aws-sdk-rust's does")]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use smithy_bind_tests::fault_server::{Fault, FaultServer, SeenRequest};
use workspaces_bindings::blocking::{self, HttpClient, HttpClientError, Request, Response, UreqClient};
use workspaces_bindings::config::{Credentials, RetryConfig, TimeoutConfig};
use workspaces_bindings::error::{SdkError, TimeoutKind};
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectoryError, RegisterWorkspaceDirectoryOutput,
};
use workspaces_bindings::Config;

/// What a RegisterWorkspaceDirectory call ends in.
type Outcome = Result<RegisterWorkspaceDirectoryOutput, SdkError<RegisterWorkspaceDirectoryError>>;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789";

/// A blocking HTTP client that sends with ureq and records the waits between attempts.
#[derive(Debug, Clone, Default)]
struct Recording {
    inner: UreqClient,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl HttpClient for Recording {
    fn send(&self, request: &Request) -> Result<Response, HttpClientError> {
        self.inner.send(request)
    }

    fn sleep(&self, duration: Duration) {
        self.sleeps.lock().unwrap().push(duration);
        std::thread::sleep(duration);
    }
}

/// A clock that moves one second each time it is read, so each attempt is signed anew.
fn ticking_clock() -> impl Fn() -> SystemTime + Send + Sync + 'static {
    let ticks = AtomicU64::new(0);
    move || UNIX_EPOCH + Duration::from_secs(1_780_000_000 + ticks.fetch_add(1, Ordering::SeqCst))
}

fn config(server: &FaultServer, retry: RetryConfig, timeouts: TimeoutConfig) -> Config {
    Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("AKIDEXAMPLE", SECRET, Some(TOKEN.to_owned())))
        .endpoint_url(server.url())
        .retry_config(retry)
        .timeout_config(timeouts)
        .time_source(ticking_clock())
        .build()
}

fn fast_retries() -> RetryConfig {
    RetryConfig::standard().with_initial_backoff(Duration::from_millis(5))
}

fn register(client: &blocking::Client) -> Outcome {
    client
        .register_workspace_directory()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-0a1b2c3d")
        .subnet_ids("subnet-4e5f6a7b")
        .send()
}

fn run(script: Vec<Fault>, retry: RetryConfig, timeouts: TimeoutConfig) -> (Outcome, Vec<SeenRequest>, Vec<Duration>) {
    let server = FaultServer::start(script);
    let http = Recording::default();
    let client = blocking::Client::with_http_client(config(&server, retry, timeouts), http.clone());
    let result = register(&client);
    let sleeps = http.sleeps.lock().unwrap().clone();
    (result, server.seen(), sleeps)
}

fn attempt_headers(seen: &[SeenRequest]) -> Vec<String> {
    seen.iter().map(|request| request.header("amz-sdk-request").unwrap().to_owned()).collect()
}

#[test]
fn a_503_then_a_200_succeeds_on_the_second_attempt_with_a_new_signature() {
    let (result, seen, sleeps) = run(
        vec![Fault::error(503, "ServiceUnavailable", "try later", "req-1"), Fault::json(200, "{}")],
        fast_retries(),
        TimeoutConfig::default(),
    );
    result.expect("the second attempt succeeds");
    assert_eq!(attempt_headers(&seen), ["attempt=1; max=3", "attempt=2; max=3"]);
    assert_eq!(seen[0].header("amz-sdk-invocation-id"), seen[1].header("amz-sdk-invocation-id"));
    assert_eq!(seen[0].body, seen[1].body, "the body is serialized once");
    assert_ne!(seen[0].header("x-amz-date"), seen[1].header("x-amz-date"), "each attempt is signed at its own time");
    assert_ne!(seen[0].header("authorization"), seen[1].header("authorization"));
    for request in &seen {
        assert_eq!((request.method.as_str(), request.target.as_str()), ("POST", "/"));
        assert_eq!(request.header("x-amz-target"), Some("WorkspacesService.RegisterWorkspaceDirectory"));
        assert_eq!(request.header("x-amz-security-token"), Some(TOKEN));
        let authorization = request.header("authorization").unwrap();
        assert!(
            authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260528/us-east-1/workspaces/aws4_request, SignedHeaders=amz-sdk-invocation-id;content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature="),
            "{authorization}"
        );
    }
    assert_eq!(sleeps.len(), 1);
}

#[test]
fn a_throttling_error_is_retried_after_a_backoff() {
    let (result, seen, sleeps) = run(
        vec![
            Fault::error(400, "ThrottlingException", "Rate exceeded", "req-1"),
            Fault::error(400, "ThrottlingException", "Rate exceeded", "req-2"),
            Fault::json(200, "{}"),
        ],
        fast_retries(),
        TimeoutConfig::default(),
    );
    result.expect("the third attempt succeeds");
    assert_eq!(attempt_headers(&seen), ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    // Full jitter: each wait is at most the initial backoff doubled once per earlier retry.
    assert_eq!(sleeps.len(), 2);
    assert!(sleeps[0] <= Duration::from_millis(5) && sleeps[1] <= Duration::from_millis(10), "{sleeps:?}");
}

#[test]
fn a_reset_connection_is_retried() {
    let (result, seen, _) = run(vec![Fault::Reset, Fault::json(200, "{}")], fast_retries(), TimeoutConfig::default());
    result.expect("the attempt after the reset succeeds");
    assert_eq!(attempt_headers(&seen), ["attempt=1; max=3", "attempt=2; max=3"]);
}

#[test]
fn a_server_that_never_answers_gives_a_timeout_error() {
    let timeouts = TimeoutConfig::default().with_attempt_timeout(Duration::from_millis(300));
    let (result, seen, _) = run(vec![Fault::Hang], RetryConfig::disabled(), timeouts);
    let error = result.expect_err("no answer");
    let SdkError::TimeoutError(timeout) = &error else { panic!("{error:?}") };
    assert_eq!(timeout.kind(), TimeoutKind::Attempt);
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.to_string(), "RegisterWorkspaceDirectory: the attempt timeout of 300ms ran out after 1 attempt");
    assert_eq!(seen.len(), 1);
}

#[test]
fn the_operation_timeout_bounds_every_attempt_together() {
    let timeouts = TimeoutConfig::default().with_operation_timeout(Duration::from_millis(400));
    let (result, seen, _) = run(vec![Fault::Hang, Fault::Hang, Fault::Hang], fast_retries(), timeouts);
    let error = result.expect_err("no answer");
    let SdkError::TimeoutError(timeout) = &error else { panic!("{error:?}") };
    assert_eq!(timeout.kind(), TimeoutKind::Operation);
    assert_eq!(error.attempts(), 1, "the first attempt used up the operation's time");
    assert_eq!(seen.len(), 1);
}

#[test]
fn four_500s_give_the_last_response_after_three_attempts() {
    let script = (1..=4).map(|n| Fault::error(500, "InternalFailure", &format!("failure {n}"), &format!("req-{n}"))).collect();
    let (result, seen, sleeps) = run(script, fast_retries(), TimeoutConfig::default());
    let error = result.expect_err("every attempt fails");
    assert_eq!(error.attempts(), 3);
    assert_eq!(seen.len(), 3, "the fourth 500 is never asked for");
    assert_eq!(sleeps.len(), 2);
    let raw = error.raw_response().expect("the last response");
    assert_eq!((raw.status(), raw.header("x-amzn-requestid")), (500, Some("req-3")));
    let service_error = error.as_service_error().unwrap();
    assert_eq!(service_error.code(), Some("InternalFailure"));
    assert_eq!(service_error.message(), Some("failure 3"));
    assert_eq!(
        error.to_string(),
        format!("RegisterWorkspaceDirectory: the service answered 500 after 3 attempts: {service_error}")
    );
    let operation_error = error.into_service_error();
    assert_eq!(operation_error.request_id(), Some("req-3"));
}

#[test]
fn a_truncated_success_body_is_an_error_and_is_not_retried() {
    let truncated = Fault::Truncate {
        status: 200,
        body: r#"{"Direc"#.to_owned(),
        declared_length: 200,
    };
    let (result, seen, _) = run(vec![truncated], fast_retries(), TimeoutConfig::default());
    let error = result.expect_err("a truncated body");
    assert!(matches!(error, SdkError::ResponseError(_)), "{error:?}");
    assert_eq!((error.attempts(), seen.len()), (1, 1));

    // A complete response whose body is cut JSON is an error of the same kind.
    let (result, seen, _) = run(vec![Fault::json(200, r#"{"Dir"#)], fast_retries(), TimeoutConfig::default());
    let error = result.expect_err("an unreadable body");
    let SdkError::ResponseError(response_error) = &error else { panic!("{error:?}") };
    assert_eq!(response_error.raw().map(Response::status), Some(200));
    assert_eq!((error.attempts(), seen.len()), (1, 1));
}

#[test]
fn client_errors_are_not_retried() {
    let (result, seen, _) = run(
        vec![Fault::error(400, "ResourceNotFoundException", "The specified directory could not be found", "req-1")],
        fast_retries(),
        TimeoutConfig::default(),
    );
    let error = result.expect_err("a modeled error").into_service_error();
    assert!(error.is_resource_not_found_exception(), "{error:?}");
    assert_eq!(error.message(), Some("The specified directory could not be found"));
    assert_eq!(seen.len(), 1);
}

#[test]
fn an_idempotency_token_is_the_same_on_every_attempt() {
    use all_shapes_bindings::blocking::Client;
    let server = FaultServer::start(vec![Fault::error(503, "ServiceUnavailable", "later", "r1"), Fault::json(200, "{}")]);
    let config = all_shapes_bindings::Config::builder()
        .region("us-east-1")
        .credentials(all_shapes_bindings::config::Credentials::from_keys("AKIDEXAMPLE", SECRET, None))
        .endpoint_url(server.url())
        .retry_config(all_shapes_bindings::config::RetryConfig::standard().with_initial_backoff(Duration::from_millis(5)))
        .build();
    let client = Client::from_conf(config);
    client.put_everything().name("n").send().expect("the retry succeeds");
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    let token = |request: &SeenRequest| {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        body["Token"].as_str().unwrap().to_owned()
    };
    assert_eq!(token(&seen[0]), token(&seen[1]));
    assert_eq!(token(&seen[0]).len(), 36, "a generated UUID");
}

#[test]
fn secrets_never_appear_in_debug_output_or_errors() {
    let server = FaultServer::start(vec![Fault::error(500, "InternalFailure", "boom", "r1")]);
    let config = config(&server, RetryConfig::disabled(), TimeoutConfig::default());
    let client = blocking::Client::with_http_client(config.clone(), Recording::default());
    let error = register(&client).expect_err("a 500");
    let seen = server.seen();
    let authorization = seen[0].header("authorization").unwrap();
    let signature = authorization.rsplit("Signature=").next().unwrap();
    assert_eq!(signature.len(), 64);
    let texts = [
        format!("{config:?}"),
        format!("{client:?}"),
        format!("{error:?}"),
        format!("{error}"),
        format!("{:?}", Credentials::from_keys("AKIDEXAMPLE", SECRET, Some(TOKEN.to_owned()))),
        format!("{:?}", error.into_service_error()),
    ];
    for text in &texts {
        for secret in [SECRET, TOKEN, signature] {
            assert!(!text.contains(secret), "{secret} appears in {text}");
        }
    }
    assert!(texts[0].contains("AKIDEXAMPLE"), "the access key id names the key: {}", texts[0]);
}

/// The async client's faults, through hyper on tokio: the same decisions, and its own
/// enforcement of the attempt timeout around the HTTP client's future.
mod async_client {
    use super::*;
    use workspaces_bindings::client::{BoxFuture, HttpClient as AsyncHttpClient, HyperClient};
    use workspaces_bindings::Client;

    #[derive(Debug, Clone)]
    struct RecordingHyper {
        inner: HyperClient,
        sleeps: Arc<Mutex<Vec<Duration>>>,
    }

    impl AsyncHttpClient for RecordingHyper {
        fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, HttpClientError>> {
            self.inner.send(request)
        }

        fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
            self.sleeps.lock().unwrap().push(duration);
            self.inner.sleep(duration)
        }
    }

    async fn run_async(
        script: Vec<Fault>,
        retry: RetryConfig,
        timeouts: TimeoutConfig,
    ) -> (Outcome, Vec<SeenRequest>) {
        let server = FaultServer::start(script);
        let http = RecordingHyper {
            inner: HyperClient::new(Some(Duration::from_secs(2))),
            sleeps: Arc::default(),
        };
        let client = Client::with_http_client(config(&server, retry, timeouts), http);
        let result = client
            .register_workspace_directory()
            .directory_id("d-1234567890")
            .subnet_ids("subnet-0a1b2c3d")
            .send()
            .await;
        (result, server.seen())
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_503_then_a_200_succeeds_on_the_second_attempt() {
        let (result, seen) = run_async(
            vec![Fault::error(503, "ServiceUnavailable", "try later", "req-1"), Fault::json(200, "{}")],
            fast_retries(),
            TimeoutConfig::default(),
        )
        .await;
        result.expect("the second attempt succeeds");
        assert_eq!(attempt_headers(&seen), ["attempt=1; max=3", "attempt=2; max=3"]);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_reset_connection_is_retried() {
        let (result, seen) = run_async(vec![Fault::Reset, Fault::json(200, "{}")], fast_retries(), TimeoutConfig::default()).await;
        result.expect("the attempt after the reset succeeds");
        assert_eq!(seen.len(), 2);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_server_that_never_answers_gives_a_timeout_error_after_every_attempt() {
        let timeouts = TimeoutConfig::default().with_attempt_timeout(Duration::from_millis(200));
        let (result, seen) = run_async(vec![Fault::Hang, Fault::Hang, Fault::Hang], fast_retries(), timeouts).await;
        let error = result.expect_err("no answer");
        let SdkError::TimeoutError(timeout) = &error else { panic!("{error:?}") };
        assert_eq!(timeout.kind(), TimeoutKind::Attempt);
        assert_eq!((error.attempts(), seen.len()), (3, 3), "a timed-out attempt is retried");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn four_500s_give_the_last_response_after_three_attempts() {
        let script = (1..=4).map(|n| Fault::error(500, "InternalFailure", &format!("failure {n}"), &format!("req-{n}"))).collect();
        let (result, seen) = run_async(script, fast_retries(), TimeoutConfig::default()).await;
        let error = result.expect_err("every attempt fails");
        assert_eq!((error.attempts(), seen.len()), (3, 3));
        assert_eq!(error.raw_response().and_then(|raw| raw.header("x-amzn-requestid")), Some("req-3"));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_truncated_success_body_is_an_error_and_is_not_retried() {
        let truncated = Fault::Truncate {
            status: 200,
            body: r#"{"Direc"#.to_owned(),
            declared_length: 200,
        };
        let (result, seen) = run_async(vec![truncated], fast_retries(), TimeoutConfig::default()).await;
        let error = result.expect_err("a truncated body");
        assert!(matches!(error, SdkError::ResponseError(_)), "{error:?}");
        assert_eq!(seen.len(), 1);
    }
}
