//! The awsJson1_1 requests RegisterWorkspaceDirectory produces, byte for byte.
//!
//! Each snapshot holds the whole request: method, path, headers and body. Review changes
//! with `cargo insta review`.

use smithy_bind_tests::render_request;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_bindings::types::{
    ActiveDirectoryConfig, MicrosoftEntraConfig, Tag, Tenancy, UserIdentityType, WorkspaceType,
};

fn request_text(input: &RegisterWorkspaceDirectoryInput) -> String {
    render_request(&RegisterWorkspaceDirectory::serialize_request(input))
}

fn body(input: &RegisterWorkspaceDirectoryInput) -> Vec<u8> {
    RegisterWorkspaceDirectory::serialize_request(input).into_body()
}

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build().unwrap()
}

/// Every request member of the model, in model order on the wire.
#[test]
fn every_documented_parameter() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .subnet_ids("subnet-0123456789abcdef0")
        .enable_self_service(true)
        .tenancy(Tenancy::Dedicated)
        .tags(tag("team", "desktops"))
        .tags(Tag::builder().key("cost-center").build().unwrap())
        .workspace_directory_name("corp-directory")
        .workspace_directory_description("Directory for the corp domain")
        .user_identity_type(UserIdentityType::AwsDirectoryService)
        .idc_instance_arn("arn:aws:sso:::instance/ssoins-1234567890abcdef")
        .microsoft_entra_config(
            MicrosoftEntraConfig::builder()
                .tenant_id("1a2b3c4d-0000-4000-8000-000000000000")
                .application_config_secret_arn("arn:aws:secretsmanager:us-east-1:123456789012:secret:entra-AbCdEf")
                .build(),
        )
        .workspace_type(WorkspaceType::Personal)
        .active_directory_config(
            ActiveDirectoryConfig::builder()
                .domain_name("corp.example.com")
                .service_account_secret_arn(
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:ws-svc-AbCdEf",
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
}

#[test]
fn only_directory_id() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(body(&input), br#"{"DirectoryId":"d-1234567890"}"#);
}

#[test]
fn empty_input_is_an_empty_object() {
    let input = RegisterWorkspaceDirectoryInput::builder().build().unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(body(&input), b"{}");
}

#[test]
fn set_but_empty_lists_are_written_as_empty_arrays() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .set_subnet_ids(Some(vec![]))
        .set_tags(Some(vec![]))
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(body(&input), br#"{"SubnetIds":[],"Tags":[]}"#);
}

#[test]
fn tag_without_value_has_no_value_key() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .tags(Tag::builder().key("owner").build().unwrap())
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(
        body(&input),
        br#"{"DirectoryId":"d-1234567890","Tags":[{"Key":"owner"}]}"#
    );
}

/// One tag per interesting character, so each escape is visible on its own.
#[test]
fn strings_are_escaped_as_aws_sdk_rust_escapes_them() {
    let samples = [
        ("quote", "\""),
        ("backslash", "\\"),
        ("newline", "\n"),
        ("tab", "\t"),
        ("nul", "\u{0}"),
        ("soh", "\u{1}"),
        ("unit-separator", "\u{1f}"),
        ("slash", "/"),
        ("e-acute", "é"),
        ("emoji", "😀"),
        ("line-separator", "\u{2028}"),
        ("delete", "\u{7f}"),
    ];
    let input = RegisterWorkspaceDirectoryInput::builder()
        .set_tags(Some(samples.iter().map(|(k, v)| tag(k, v)).collect()))
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    let expected = concat!(
        r#"{"Tags":["#,
        r#"{"Key":"quote","Value":"\""},"#,
        r#"{"Key":"backslash","Value":"\\"},"#,
        r#"{"Key":"newline","Value":"\n"},"#,
        r#"{"Key":"tab","Value":"\t"},"#,
        r#"{"Key":"nul","Value":"\u0000"},"#,
        r#"{"Key":"soh","Value":"\u0001"},"#,
        r#"{"Key":"unit-separator","Value":"\u001f"},"#,
        r#"{"Key":"slash","Value":"/"},"#,
        "{\"Key\":\"e-acute\",\"Value\":\"\u{e9}\"},",
        "{\"Key\":\"emoji\",\"Value\":\"\u{1f600}\"},",
        "{\"Key\":\"line-separator\",\"Value\":\"\u{2028}\"},",
        "{\"Key\":\"delete\",\"Value\":\"\u{7f}\"}",
        "]}"
    );
    assert_eq!(String::from_utf8(body(&input)).unwrap(), expected);
}

#[test]
fn unknown_enum_values_are_written_back_unchanged() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .tenancy(Tenancy::from("ISOLATED"))
        .user_identity_type(UserIdentityType::from("federated_v2"))
        .workspace_type("POOLS-PREVIEW".parse::<WorkspaceType>().unwrap())
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(
        body(&input),
        br#"{"Tenancy":"ISOLATED","UserIdentityType":"federated_v2","WorkspaceType":"POOLS-PREVIEW"}"#
    );
}

#[test]
fn false_booleans_are_written() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .enable_self_service(false)
        .build()
        .unwrap();
    insta::assert_snapshot!(request_text(&input));
    assert_eq!(body(&input), br#"{"EnableSelfService":false}"#);
}

#[test]
fn request_converts_into_an_http_crate_request() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .build()
        .unwrap();
    let request: http::Request<Vec<u8>> =
        RegisterWorkspaceDirectory::serialize_request(&input).try_into().unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/");
    assert_eq!(request.headers()["content-type"], "application/x-amz-json-1.1");
    assert_eq!(
        request.headers()["x-amz-target"],
        "WorkspacesService.RegisterWorkspaceDirectory"
    );
    assert_eq!(request.body(), br#"{"DirectoryId":"d-1234567890"}"#);
    assert_eq!(request.headers()["content-length"], "30");
}

#[test]
fn content_length_is_the_body_length_in_bytes() {
    let input = RegisterWorkspaceDirectoryInput::builder().workspace_directory_description("é😀").build().unwrap();
    let request = RegisterWorkspaceDirectory::serialize_request(&input);
    assert_eq!(request.body().len(), 42);
    assert_eq!(request.header("Content-Length"), Some("42"));
}
