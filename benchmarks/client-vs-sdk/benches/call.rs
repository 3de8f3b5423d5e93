//! One RegisterWorkspaceDirectory call, end to end but for the network: build the input,
//! serialize, resolve the endpoint, sign, hand the request to an in-memory transport that
//! answers at once with a canned 200, and parse the output. Ours (blocking and async) and
//! aws-sdk-workspaces with a replaying HTTP client, in one criterion run.
//!
//! `cargo bench --manifest-path benchmarks/client-vs-sdk/Cargo.toml`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use workspaces_bindings::client::BoxFuture;
use workspaces_bindings::config::{Credentials, RetryConfig};
use workspaces_bindings::types::Tenancy;

const BODY: &str = r#"{"DirectoryId":"d-1234567890","State":"REGISTERING"}"#;
const REQUEST_ID: &str = "5f1c0a9e-0000-4000-8000-000000000000";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn canned() -> workspaces_bindings::blocking::Response {
    workspaces_bindings::blocking::Response::new(
        200,
        vec![
            ("Content-Type".to_owned(), "application/x-amz-json-1.1".to_owned()),
            ("x-amzn-RequestId".to_owned(), REQUEST_ID.to_owned()),
        ],
        BODY.as_bytes().to_vec(),
    )
}

/// Answers every request with the canned response, checking it was signed.
#[derive(Debug)]
struct InMemory;

impl workspaces_bindings::blocking::HttpClient for InMemory {
    fn send(&self, request: &workspaces_bindings::blocking::Request) -> Result<workspaces_bindings::blocking::Response, workspaces_bindings::blocking::HttpClientError> {
        assert!(request.headers().any(|(name, _)| name == "Authorization"));
        Ok(canned())
    }
}

impl workspaces_bindings::client::HttpClient for InMemory {
    fn send<'a>(&'a self, request: &'a workspaces_bindings::client::Request) -> BoxFuture<'a, Result<workspaces_bindings::client::Response, workspaces_bindings::client::HttpClientError>> {
        assert!(request.headers().any(|(name, _)| name == "Authorization"));
        Box::pin(std::future::ready(Ok(canned())))
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        panic!("no retries in this benchmark ({duration:?})")
    }
}

fn our_config() -> workspaces_bindings::Config {
    workspaces_bindings::Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("AKIDEXAMPLE", SECRET, None))
        .retry_config(RetryConfig::disabled())
        .build()
}

fn sdk_client() -> aws_sdk_workspaces::Client {
    use aws_sdk_workspaces::config::{BehaviorVersion, Credentials, Region};
    let http = aws_smithy_http_client::test_util::infallible_client_fn(|_request| {
        http::Response::builder()
            .status(200)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("x-amzn-RequestId", REQUEST_ID)
            .body(aws_smithy_types::body::SdkBody::from(BODY))
            .unwrap()
    });
    let config = aws_sdk_workspaces::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", SECRET, None, None, "benchmark"))
        .retry_config(aws_sdk_workspaces::config::retry::RetryConfig::disabled())
        .http_client(http)
        .build();
    aws_sdk_workspaces::Client::from_conf(config)
}

fn calls(c: &mut Criterion) {
    // The SDK's identity cache sets timers, so the runtime needs them.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    let blocking = workspaces_bindings::blocking::Client::with_http_client(our_config(), InMemory);
    let ours_async = workspaces_bindings::Client::with_http_client(our_config(), InMemory);
    let sdk = sdk_client();

    // The same answer from all three before any timing.
    let ours = blocking.register_workspace_directory().directory_id("d-1234567890").subnet_ids("subnet-12345678").tenancy(Tenancy::Shared).send().unwrap();
    let theirs = runtime
        .block_on(sdk.register_workspace_directory().directory_id("d-1234567890").subnet_ids("subnet-12345678").tenancy(aws_sdk_workspaces::types::Tenancy::Shared).send())
        .unwrap();
    assert_eq!(ours.directory_id(), theirs.directory_id());
    assert_eq!(ours.state().map(|s| s.as_str()), theirs.state().map(|s| s.as_str()));

    let mut group = c.benchmark_group("RegisterWorkspaceDirectory call");
    group.bench_function("ours, blocking", |b| {
        b.iter(|| {
            black_box(
                blocking
                    .register_workspace_directory()
                    .directory_id("d-1234567890")
                    .subnet_ids("subnet-12345678")
                    .tenancy(Tenancy::Shared)
                    .send()
                    .unwrap(),
            )
        });
    });
    group.bench_function("ours, async", |b| {
        b.iter(|| {
            black_box(
                runtime
                    .block_on(
                        ours_async
                            .register_workspace_directory()
                            .directory_id("d-1234567890")
                            .subnet_ids("subnet-12345678")
                            .tenancy(Tenancy::Shared)
                            .send(),
                    )
                    .unwrap(),
            )
        });
    });
    group.bench_function("aws-sdk-workspaces", |b| {
        b.iter(|| {
            black_box(
                runtime
                    .block_on(
                        sdk.register_workspace_directory()
                            .directory_id("d-1234567890")
                            .subnet_ids("subnet-12345678")
                            .tenancy(aws_sdk_workspaces::types::Tenancy::Shared)
                            .send(),
                    )
                    .unwrap(),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
