//! The generated crate's serializer and parser, each in the same run as the baselines:
//! serde_json with `#[derive(Serialize, Deserialize)]` on equivalent hand-written structs,
//! and (for serializing) aws-smithy-json's `JsonObjectWriter` writing the same members in
//! the same order, which is how aws-sdk-rust serializes.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde::{Deserialize, Serialize};
use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_bindings::types::{ActiveDirectoryConfig, Tag, Tenancy, UserIdentityType, WorkspaceType};

const SUBNETS: [&str; 2] = ["subnet-0123456789abcdef0", "subnet-12345678"];

/// Tag values with a quote to escape in each, and a non-ASCII letter.
fn escape_heavy_tags() -> Vec<(String, String)> {
    (0..10).map(|i| (format!("team-{i}"), format!("desktops \"{i}\" / é"))).collect()
}

/// Tag values as most requests have them: plain ASCII, nothing to escape.
fn plain_tags() -> Vec<(String, String)> {
    (0..10).map(|i| (format!("team-{i}"), format!("desktops-{i}-corp"))).collect()
}

fn our_input(tags: fn() -> Vec<(String, String)>) -> RegisterWorkspaceDirectoryInput {
    RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .set_subnet_ids(Some(SUBNETS.iter().map(|s| s.to_string()).collect()))
        .enable_self_service(false)
        .tenancy(Tenancy::Dedicated)
        .set_tags(Some(tags().into_iter().map(|(k, v)| Tag::builder().key(k).value(v).build().unwrap()).collect()))
        .workspace_directory_name("corp-directory")
        .workspace_directory_description("Directory for the corp domain")
        .user_identity_type(UserIdentityType::AwsDirectoryService)
        .workspace_type(WorkspaceType::Personal)
        .active_directory_config(
            ActiveDirectoryConfig::builder()
                .domain_name("corp.example.com")
                .service_account_secret_arn("arn:aws:secretsmanager:us-east-1:123456789012:secret:ws-svc-AbCdEf")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SerdeInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    directory_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subnet_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enable_self_service: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenancy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<SerdeTag>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace_directory_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace_directory_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_identity_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    active_directory_config: Option<SerdeActiveDirectoryConfig>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SerdeTag {
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SerdeActiveDirectoryConfig {
    domain_name: String,
    service_account_secret_arn: String,
}

fn serde_input(tags: fn() -> Vec<(String, String)>) -> SerdeInput {
    SerdeInput {
        directory_id: Some("d-1234567890".into()),
        subnet_ids: Some(SUBNETS.iter().map(|s| s.to_string()).collect()),
        enable_self_service: Some(false),
        tenancy: Some("DEDICATED".into()),
        tags: Some(tags().into_iter().map(|(key, value)| SerdeTag { key, value: Some(value) }).collect()),
        workspace_directory_name: Some("corp-directory".into()),
        workspace_directory_description: Some("Directory for the corp domain".into()),
        user_identity_type: Some("AWS_DIRECTORY_SERVICE".into()),
        workspace_type: Some("PERSONAL".into()),
        active_directory_config: Some(SerdeActiveDirectoryConfig {
            domain_name: "corp.example.com".into(),
            service_account_secret_arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:ws-svc-AbCdEf".into(),
        }),
    }
}

/// What aws-sdk-rust's generated serializer does for this input, with its JSON writer.
fn smithy_json_body(input: &RegisterWorkspaceDirectoryInput) -> String {
    use aws_smithy_json::serialize::JsonObjectWriter;
    let mut out = String::new();
    let mut object = JsonObjectWriter::new(&mut out);
    if let Some(v) = input.directory_id() {
        object.key("DirectoryId").string(v);
    }
    if let Some(list) = &input.subnet_ids {
        let mut array = object.key("SubnetIds").start_array();
        for item in list {
            array.value().string(item);
        }
        array.finish();
    }
    if let Some(v) = input.enable_self_service() {
        object.key("EnableSelfService").boolean(v);
    }
    if let Some(v) = input.tenancy() {
        object.key("Tenancy").string(v.as_str());
    }
    if let Some(list) = &input.tags {
        let mut array = object.key("Tags").start_array();
        for tag in list {
            let mut tag_object = array.value().start_object();
            tag_object.key("Key").string(tag.key());
            if let Some(v) = tag.value() {
                tag_object.key("Value").string(v);
            }
            tag_object.finish();
        }
        array.finish();
    }
    if let Some(v) = input.workspace_directory_name() {
        object.key("WorkspaceDirectoryName").string(v);
    }
    if let Some(v) = input.workspace_directory_description() {
        object.key("WorkspaceDirectoryDescription").string(v);
    }
    if let Some(v) = input.user_identity_type() {
        object.key("UserIdentityType").string(v.as_str());
    }
    if let Some(v) = input.workspace_type() {
        object.key("WorkspaceType").string(v.as_str());
    }
    if let Some(config) = input.active_directory_config() {
        let mut ad = object.key("ActiveDirectoryConfig").start_object();
        ad.key("DomainName").string(config.domain_name());
        ad.key("ServiceAccountSecretArn").string(config.service_account_secret_arn());
        ad.finish();
    }
    object.finish();
    out
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct SerdeOutput {
    directory_id: Option<String>,
    state: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct SerdeError {
    #[serde(rename = "__type")]
    type_name: Option<String>,
    message: Option<String>,
    #[serde(rename = "ResourceId")]
    resource_id: Option<String>,
}

const SUCCESS: &[u8] = br#"{"DirectoryId":"d-1234567890","State":"REGISTERING"}"#;
const ERROR: &[u8] = br#"{"__type":"com.amazonaws.workspaces#ResourceNotFoundException","message":"The directory d-1234567890 was not found.","ResourceId":"d-1234567890"}"#;

/// Both inputs set every member the benchmark's model has, with 2 subnets and 10 tags; they
/// differ only in the tag values. (Group names stay under criterion's 64-character limit
/// for directory names, so the two groups' results do not land in one directory.)
fn serialize(c: &mut Criterion) {
    serialize_group(c, "serialize RegisterWorkspaceDirectoryInput, escape-heavy", escape_heavy_tags);
    serialize_group(c, "serialize RegisterWorkspaceDirectoryInput, plain ASCII", plain_tags);
}

fn serialize_group(c: &mut Criterion, name: &str, tags: fn() -> Vec<(String, String)>) {
    let ours = our_input(tags);
    let serde = serde_input(tags);
    // All three write the same JSON value; ours and aws-smithy-json the same bytes.
    let our_body = RegisterWorkspaceDirectory::serialize_request(&ours).into_body();
    assert_eq!(our_body, smithy_json_body(&ours).into_bytes());
    let as_value = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    assert_eq!(as_value(&our_body), as_value(&serde_json::to_vec(&serde).unwrap()));

    let mut group = c.benchmark_group(name);
    group.bench_function("smithy-bind: serialize_request", |b| {
        b.iter(|| RegisterWorkspaceDirectory::serialize_request(black_box(&ours)))
    });
    group.bench_function("serde_json derive: to_vec", |b| b.iter(|| serde_json::to_vec(black_box(&serde)).unwrap()));
    group.bench_function("aws-smithy-json JsonObjectWriter", |b| b.iter(|| smithy_json_body(black_box(&ours))));
    group.finish();
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse success response");
    // The response is built once, as the baseline's input is: what is timed is the parse.
    let success = HttpResponse::new(200, SUCCESS);
    group.bench_function("smithy-bind: parse_response", |b| {
        b.iter(|| RegisterWorkspaceDirectory::parse_response(black_box(&success)).unwrap())
    });
    group.bench_function("serde_json derive: from_slice", |b| {
        b.iter(|| serde_json::from_slice::<SerdeOutput>(black_box(SUCCESS)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("parse error response");
    let error = HttpResponse::new(400, ERROR).with_header("x-amzn-RequestId", "4a8b-example");
    group.bench_function("smithy-bind: parse_response", |b| {
        b.iter(|| RegisterWorkspaceDirectory::parse_response(black_box(&error)).unwrap_err())
    });
    group.bench_function("serde_json derive: from_slice + code split", |b| {
        b.iter(|| {
            let error = serde_json::from_slice::<SerdeError>(black_box(ERROR)).unwrap();
            let code = error.type_name.as_deref().and_then(|t| t.split(':').next()).map(|t| t.rsplit('#').next().unwrap_or(t).to_owned());
            (error, code)
        })
    });
    group.finish();
}

criterion_group!(benches, serialize, parse);
criterion_main!(benches);
