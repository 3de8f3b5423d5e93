//! Conformance against botocore, the Python SDK behind the user's API reference.
//!
//! 2,000 RegisterWorkspaceDirectory inputs, generated with a fixed seed, are serialized by
//! the generated crate and by botocore's JSON serializer; the error corpus is parsed by both.
//! botocore runs from `.venv` (made by tests/conformance/setup-venv.sh, which this test runs
//! when the venv is missing), pinned to 1.35.5: its bundled WorkSpaces model has exactly the
//! eleven request members of the user's API reference (1.35.6 and later add IdcInstanceArn and
//! MicrosoftEntraConfig), so the requests are those of the reference's bindings
//! (tests/fixtures/workspaces-reference), which share every serializer code path with
//! generated/. The error corpus is parsed by generated/ itself. The oracle forces `metadata.protocol = "json"`, since later
//! releases prefer rpc-v2-cbor for WorkSpaces, so both sides speak awsJson1_1.

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use smithy_bind_tests::error_corpus::{error_corpus, ErrorCase};
use smithy_bind_tests::{botocore_python, parse_error_case, workspace_root, BOTOCORE_VERSION};
use workspaces_reference_bindings::http::HttpRequest;
use workspaces_reference_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_reference_bindings::types::{
    ActiveDirectoryConfig, Tag, Tenancy, UserIdentityType, WorkspaceType,
};

const INPUTS: usize = 2_000;
/// Extra inputs whose strings may fall below the documented minimum lengths, so botocore's
/// validator rejects some; our `validate()` must reject every one it rejects.
const LOOSE_INPUTS: usize = 500;

/// The values of one input, from which both our input and botocore's params are built.
#[derive(Clone, Debug)]
struct Params {
    directory_id: Option<String>,
    subnet_ids: Option<Vec<String>>,
    enable_work_docs: Option<bool>,
    enable_self_service: Option<bool>,
    tenancy: Option<String>,
    tags: Option<Vec<(String, Option<String>)>>,
    workspace_directory_name: Option<String>,
    workspace_directory_description: Option<String>,
    user_identity_type: Option<String>,
    workspace_type: Option<String>,
    active_directory_config: Option<(String, String)>,
}

/// Characters that stress a JSON writer: ASCII, JSON escapes, control characters, non-BMP
/// characters, the JavaScript line terminators U+2028/U+2029, and other non-ASCII text.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => prop_oneof![Just('"'), Just('\\'), Just('/')],
        2 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => Just('\u{7f}'),
        2 => proptest::char::range('\u{10000}', '\u{10ffff}'),
        1 => prop_oneof![Just('\u{2028}'), Just('\u{2029}')],
        1 => prop_oneof![Just('é'), Just('中'), Just('\u{feff}'), Just('\u{ffff}')],
    ]
}

/// Strings of `min..=max` characters. botocore validates minimum lengths (counted in code
/// points, as Smithy counts them), and our builders do not yet (that is client-side
/// validation's issue), so generated strings stay at or above each documented minimum.
fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), min..=max).prop_map(String::from_iter)
}

/// A known enum value, or an unknown string, which must round-trip unchanged.
fn enum_value(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(known).prop_map(str::to_owned),
        1 => text(0, 12),
    ]
}

fn params(loose: bool) -> impl Strategy<Value = Params> {
    let min = |documented: usize| if loose { 0 } else { documented };
    let tag = (text(min(1), 16), proptest::option::of(text(0, 16)));
    (
        (
            proptest::option::of(text(min(10), 24)),
            proptest::option::of(proptest::collection::vec(text(min(15), 24), 0..=3)),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(enum_value(Tenancy::values())),
            proptest::option::of(proptest::collection::vec(tag, 0..=3)),
        ),
        (
            proptest::option::of(text(0, 20)),
            proptest::option::of(text(0, 40)),
            proptest::option::of(enum_value(UserIdentityType::values())),
            proptest::option::of(enum_value(WorkspaceType::values())),
            proptest::option::of((text(0, 20), text(0, 30))),
        ),
    )
        .prop_map(|((id, subnets, docs, service, tenancy, tags), (name, description, identity, kind, ad))| Params {
            directory_id: id,
            subnet_ids: subnets,
            enable_work_docs: docs,
            enable_self_service: service,
            tenancy,
            tags,
            workspace_directory_name: name,
            workspace_directory_description: description,
            user_identity_type: identity,
            workspace_type: kind,
            active_directory_config: ad,
        })
}

fn generate(strategy: impl Strategy<Value = Params>, count: usize, seed: &[u8; 32]) -> Vec<Params> {
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, seed));
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).expect("strategy yields values").current())
        .collect()
}

fn generate_params() -> Vec<Params> {
    generate(params(false), INPUTS, b"smithy-bindgen botocore corpus!!")
}

fn generate_loose_params() -> Vec<Params> {
    generate(params(true), LOOSE_INPUTS, b"smithy-bindgen loose inputs....!")
}

/// Our input, built only through the public builders.
fn build_input(p: &Params) -> RegisterWorkspaceDirectoryInput {
    let tags = p.tags.as_ref().map(|tags| {
        tags.iter()
            .map(|(key, value)| Tag::builder().key(key).set_value(value.clone()).build().expect("Key is set"))
            .collect()
    });
    let ad = p.active_directory_config.as_ref().map(|(domain, secret)| {
        ActiveDirectoryConfig::builder()
            .domain_name(domain)
            .service_account_secret_arn(secret)
            .build()
            .expect("both required members are set")
    });
    RegisterWorkspaceDirectoryInput::builder()
        .set_directory_id(p.directory_id.clone())
        .set_subnet_ids(p.subnet_ids.clone())
        .set_enable_work_docs(p.enable_work_docs)
        .set_enable_self_service(p.enable_self_service)
        .set_tenancy(p.tenancy.as_deref().map(Tenancy::from))
        .set_tags(tags)
        .set_workspace_directory_name(p.workspace_directory_name.clone())
        .set_workspace_directory_description(p.workspace_directory_description.clone())
        .set_user_identity_type(p.user_identity_type.as_deref().map(UserIdentityType::from))
        .set_workspace_type(p.workspace_type.as_deref().map(WorkspaceType::from))
        .set_active_directory_config(ad)
        .build()
        .expect("input builders accept any members")
}

/// botocore's params for the same values, written independently of our serializer.
fn botocore_params(p: &Params) -> Value {
    let mut params = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            params.insert(key.to_owned(), value);
        }
    };
    put("DirectoryId", p.directory_id.clone().map(Value::from));
    put("SubnetIds", p.subnet_ids.clone().map(Value::from));
    put("EnableWorkDocs", p.enable_work_docs.map(Value::from));
    put("EnableSelfService", p.enable_self_service.map(Value::from));
    put("Tenancy", p.tenancy.clone().map(Value::from));
    put(
        "Tags",
        p.tags.as_ref().map(|tags| {
            tags.iter()
                .map(|(key, value)| match value {
                    Some(value) => json!({"Key": key, "Value": value}),
                    None => json!({"Key": key}),
                })
                .collect()
        }),
    );
    put("WorkspaceDirectoryName", p.workspace_directory_name.clone().map(Value::from));
    put("WorkspaceDirectoryDescription", p.workspace_directory_description.clone().map(Value::from));
    put("UserIdentityType", p.user_identity_type.clone().map(Value::from));
    put("WorkspaceType", p.workspace_type.clone().map(Value::from));
    put(
        "ActiveDirectoryConfig",
        p.active_directory_config
            .as_ref()
            .map(|(domain, secret)| json!({"DomainName": domain, "ServiceAccountSecretArn": secret})),
    );
    Value::Object(params)
}

/// Runs the oracle once over every input and error case.
fn run_botocore(inputs: &[Value], errors: &[ErrorCase]) -> Value {
    let dir = tempfile_dir();
    let corpus_path = dir.join("corpus.json");
    let out_path = dir.join("botocore.json");
    let errors: Vec<Value> = errors
        .iter()
        .map(|case| {
            let headers: Map<String, Value> =
                case.headers.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))).collect();
            json!({"status": case.status, "headers": headers, "body": case.body})
        })
        .collect();
    std::fs::write(&corpus_path, json!({"inputs": inputs, "errors": errors}).to_string()).unwrap();
    let output = Command::new(botocore_python())
        .arg(workspace_root().join("tests/conformance/botocore_oracle.py"))
        .arg(&corpus_path)
        .arg(&out_path)
        .output()
        .expect("python runs");
    assert!(output.status.success(), "the botocore oracle failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let result: Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(result["botocore_version"], BOTOCORE_VERSION);
    result
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smithy-bind-botocore-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Where our request and botocore's disagree; empty when they agree.
fn request_differences(ours: &HttpRequest, theirs: &Value) -> Vec<String> {
    let mut differences = Vec::new();
    let mut same = |what: &str, ours: Option<&str>, theirs: Option<&str>| {
        if ours != theirs {
            differences.push(format!("{what}: ours {ours:?}, botocore {theirs:?}"));
        }
    };
    same("method", Some(ours.method()), theirs["method"].as_str());
    same("path", Some(ours.uri()), theirs["path"].as_str());
    for header in ["Content-Type", "X-Amz-Target"] {
        same(header, ours.header(header), theirs["headers"][header].as_str());
    }
    let our_body: Value = serde_json::from_slice(ours.body()).expect("our body is JSON");
    let their_body: Value = serde_json::from_str(theirs["body"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| Value::String(format!("unparseable botocore body: {e}")));
    if our_body != their_body {
        differences.push(format!("body: ours {our_body}, botocore {their_body}"));
    }
    if theirs["valid"] != true {
        differences.push(format!("botocore rejects an input our builder accepted: {}", theirs["problems"]));
    }
    differences
}

#[test]
fn requests_and_errors_agree_with_botocore() {
    let params = generate_params();
    let loose = generate_loose_params();
    let inputs: Vec<Value> = params.iter().chain(&loose).map(botocore_params).collect();
    let errors = error_corpus();
    let botocore = run_botocore(&inputs, &errors);

    let mut disagreements = Vec::new();
    let requests = botocore["requests"].as_array().unwrap();
    assert_eq!(requests.len(), params.len() + loose.len());
    for (index, (p, theirs)) in params.iter().zip(requests).enumerate() {
        let ours = RegisterWorkspaceDirectory::serialize_request(&build_input(p));
        for difference in request_differences(&ours, theirs) {
            disagreements.push(format!("input {index} ({}): {difference}", inputs[index]));
        }
    }
    let mut botocore_rejections = 0;
    for (index, (p, theirs)) in loose.iter().zip(&requests[params.len()..]).enumerate() {
        if theirs["valid"] == true {
            continue;
        }
        botocore_rejections += 1;
        if build_input(p).validate().is_ok() {
            disagreements.push(format!(
                "loose input {index} ({}): botocore rejects it ({}) but validate() accepts it",
                inputs[params.len() + index],
                theirs["problems"]
            ));
        }
    }

    let parsed = botocore["errors"].as_array().unwrap();
    assert_eq!(parsed.len(), errors.len());
    let mut expected_differences: std::collections::BTreeMap<&str, usize> = Default::default();
    for (case, theirs) in errors.iter().zip(parsed) {
        let error = parse_error_case(case);
        assert_eq!(error.code(), case.code, "{}: we follow the specification", case.name);
        let ours = (error.code().unwrap_or_default(), error.message().unwrap_or_default());
        let theirs = (theirs["code"].as_str().unwrap(), theirs["message"].as_str().unwrap());
        match (case.botocore_differs, ours == theirs) {
            (None, true) => {}
            (Some(reason), false) => *expected_differences.entry(reason).or_default() += 1,
            (None, false) => disagreements.push(format!("error {}: ours {ours:?}, botocore {theirs:?}", case.name)),
            (Some(reason), true) => disagreements.push(format!(
                "error {}: marked as a difference ({reason}) but both give {ours:?}",
                case.name
            )),
        }
    }

    let expected_total: usize = expected_differences.values().sum();
    println!(
        "botocore {BOTOCORE_VERSION} conformance: {} inputs compared, {} error cases compared, \
         {} disagreements; validate() rejects all {botocore_rejections} of {} loose inputs that \
         botocore's ParamValidator rejects; {expected_total} error cases differ as expected, where \
         botocore parts from the awsJson1_1 specification:",
        params.len(),
        errors.len(),
        disagreements.len(),
        loose.len()
    );
    for (reason, count) in &expected_differences {
        println!("  {count:>2} × {reason}");
    }
    assert!(params.len() >= 2_000 && errors.len() >= 30);
    assert!(botocore_rejections >= 100, "the loose inputs should exercise botocore's validator");
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
}

/// The corpus exercises what it claims to: absent and present members, empty lists, and
/// every kind of tricky character.
#[test]
fn generated_inputs_cover_the_space() {
    let params = generate_params();
    let bodies: Vec<String> = params.iter().map(|p| botocore_params(p).to_string()).collect();
    assert!(params.iter().any(|p| p.directory_id.is_none()) && params.iter().any(|p| p.directory_id.is_some()));
    assert!(params.iter().any(|p| p.subnet_ids.as_ref().is_some_and(Vec::is_empty)));
    assert!(params.iter().any(|p| p.tags.as_ref().is_some_and(|t| t.len() == 3)));
    assert!(params.iter().any(|p| p.tags.as_ref().is_some_and(|t| t.iter().any(|(_, v)| v.is_none()))));
    assert!(params.iter().any(|p| p.tenancy.as_deref().is_some_and(|t| !Tenancy::values().contains(&t))));
    for needle in ["\\u0000", "\\\"", "\\\\", "\u{2028}", "\u{2029}", "\u{7f}"] {
        assert!(bodies.iter().any(|b| b.contains(needle)), "no input contains {needle:?}");
    }
    assert!(bodies.iter().any(|b| b.chars().any(|c| c > '\u{ffff}')), "no non-BMP character");
}

/// The comparison notices a renamed key, a dropped escape and a wrong header.
#[test]
fn the_comparison_can_fail() {
    let p = generate_params().into_iter().find(|p| p.tags.as_ref().is_some_and(|t| !t.is_empty())).unwrap();
    let ours = RegisterWorkspaceDirectory::serialize_request(&build_input(&p));
    let body = String::from_utf8(ours.body().to_vec()).unwrap();
    let agreeing = json!({
        "valid": true, "method": "POST", "path": "/", "body": body,
        "headers": {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "WorkspacesService.RegisterWorkspaceDirectory"}
    });
    assert!(request_differences(&ours, &agreeing).is_empty());

    let mut renamed = agreeing.clone();
    renamed["body"] = Value::from(body.replacen("\"Key\"", "\"key\"", 1));
    assert!(request_differences(&ours, &renamed).iter().any(|d| d.starts_with("body:")));

    let mut unescaped = agreeing.clone();
    unescaped["body"] = Value::from(body.replacen("\"Key\":\"", "\"Key\":\"x", 1));
    assert!(request_differences(&ours, &unescaped).iter().any(|d| d.starts_with("body:")));

    let mut wrong_target = agreeing.clone();
    wrong_target["headers"]["X-Amz-Target"] = Value::from("WorkSpaces.RegisterWorkspaceDirectory");
    assert_eq!(request_differences(&ours, &wrong_target).len(), 1);

    let mut rejected = agreeing;
    rejected["valid"] = Value::from(false);
    assert_eq!(request_differences(&ours, &rejected).len(), 1);
}
