//! The request body agrees with the documented parameter syntax of RegisterWorkspaceDirectory
//! (tests/fixtures/register_workspace_directory.syntax.json): every documented parameter set
//! yields exactly the documented keys, nested and typed as documented, and nothing else.
//!
//! The user's API reference describes the service as it was before the model moved on, so
//! these tests hold the bindings of that version (tests/fixtures/workspaces-reference, from
//! the reference's facts) to it exactly, and `generated/` (the newest model) to it with
//! exactly the changes `smithy-bind diff` reports between the two.

use serde_json::Value;
use smithy_bind_tests::workspace_root;
use workspaces_reference_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_reference_bindings::types::{
    ActiveDirectoryConfig, Tag, Tenancy, UserIdentityType, WorkspaceDirectoryState, WorkspaceType,
};

fn syntax() -> Value {
    let path = workspace_root().join("tests/fixtures/register_workspace_directory.syntax.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn every_parameter() -> RegisterWorkspaceDirectoryInput {
    RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .enable_work_docs(true)
        .enable_self_service(false)
        .tenancy(Tenancy::Shared)
        .tags(Tag::builder().key("k").value("v").build().unwrap())
        .workspace_directory_name("name")
        .workspace_directory_description("description")
        .user_identity_type(UserIdentityType::CustomerManaged)
        .workspace_type(WorkspaceType::Pools)
        .active_directory_config(
            ActiveDirectoryConfig::builder()
                .domain_name("corp.example.com")
                .service_account_secret_arn("arn:aws:secretsmanager:us-east-1:1:secret:s-12345678")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

/// Checks `value` against a type from the fixture; returns the mismatches with their paths.
fn conform(path: &str, value: &Value, expected: &Value, problems: &mut Vec<String>) {
    match (expected, value) {
        (Value::String(t), Value::String(_)) if t == "string" => {}
        (Value::String(t), Value::Bool(_)) if t == "boolean" => {}
        (Value::Object(spec), _) if spec.contains_key("enum") => {
            let allowed = spec["enum"].as_array().unwrap();
            if !value.is_string() || !allowed.contains(value) {
                problems.push(format!("{path}: {value} is not one of {allowed:?}"));
            }
        }
        (Value::Object(spec), Value::Array(items)) if spec.contains_key("list") => {
            if items.is_empty() {
                problems.push(format!("{path}: the list is empty, so its items go unchecked"));
            }
            for (index, item) in items.iter().enumerate() {
                conform(&format!("{path}[{index}]"), item, &spec["list"], problems);
            }
        }
        (Value::Object(spec), Value::Object(object)) if spec.contains_key("structure") => {
            conform_structure(path, object, spec["structure"].as_object().unwrap(), problems)
        }
        _ => problems.push(format!("{path}: {value} does not have the documented type {expected}")),
    }
}

fn conform_structure(
    path: &str,
    object: &serde_json::Map<String, Value>,
    members: &serde_json::Map<String, Value>,
    problems: &mut Vec<String>,
) {
    for key in object.keys().filter(|key| !members.contains_key(*key)) {
        problems.push(format!("{path}.{key}: not a documented parameter"));
    }
    for (name, expected) in members {
        match object.get(name) {
            Some(value) => conform(&format!("{path}.{name}"), value, expected, problems),
            None => problems.push(format!("{path}.{name}: documented but not written")),
        }
    }
}

#[test]
fn body_with_every_parameter_has_exactly_the_documented_shape() {
    let syntax = syntax();
    let request = RegisterWorkspaceDirectory::serialize_request(&every_parameter());
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    let mut problems = Vec::new();
    conform_structure(
        "request",
        body.as_object().expect("the body is a JSON object"),
        syntax["request"].as_object().unwrap(),
        &mut problems,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_conformance_check_itself_rejects_wrong_shapes() {
    let syntax = syntax();
    let spec = syntax["request"].as_object().unwrap();
    let wrong = serde_json::json!({
        "DirectoryId": true,
        "Tenancy": "HYBRID",
        "Tags": [{"Key": "k", "Colour": "red"}],
        "Extra": 1
    });
    let mut problems = Vec::new();
    conform_structure("request", wrong.as_object().unwrap(), spec, &mut problems);
    for expected in [
        "request.DirectoryId: true does not have the documented type \"string\"",
        "request.Extra: not a documented parameter",
        "request.Tags[0].Colour: not a documented parameter",
        "request.Tags[0].Value: documented but not written",
        "request.SubnetIds: documented but not written",
    ] {
        assert!(problems.iter().any(|p| p == expected), "missing {expected:?} in {problems:#?}");
    }
    assert!(problems.iter().any(|p| p.starts_with("request.Tenancy: \"HYBRID\" is not one of")));
}

#[test]
fn enum_types_define_exactly_the_documented_values() {
    let syntax = syntax();
    let values = |spec: &Value| -> Vec<String> {
        // The same set of values; the bindings list them sorted, as aws-sdk-rust does.
        let mut values: Vec<String> = spec["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        values.sort();
        values
    };
    assert_eq!(Tenancy::values(), values(&syntax["request"]["Tenancy"]));
    assert_eq!(UserIdentityType::values(), values(&syntax["request"]["UserIdentityType"]));
    assert_eq!(WorkspaceType::values(), values(&syntax["request"]["WorkspaceType"]));
    assert_eq!(WorkspaceDirectoryState::values(), values(&syntax["response"]["State"]));
}

#[test]
fn documented_required_members_are_required_by_the_builders() {
    let syntax = syntax();
    let required: Vec<&str> = syntax["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(
        required,
        ["Tags[].Key", "ActiveDirectoryConfig.DomainName", "ActiveDirectoryConfig.ServiceAccountSecretArn"]
    );
    assert_eq!(Tag::builder().value("v").build().unwrap_err().missing(), ["key"]);
    assert_eq!(
        ActiveDirectoryConfig::builder().build().unwrap_err().missing(),
        ["domain_name", "service_account_secret_arn"]
    );
}

#[test]
fn modeled_errors_and_response_members_are_the_documented_ones() {
    for model in ["tests/fixtures/workspaces-reference.json", "model/workspaces.json"] {
        assert_errors_and_response_members_are_documented(model);
    }
}

fn assert_errors_and_response_members_are_documented(model: &str) {
    let syntax = syntax();
    let model_path = workspace_root().join(model);
    let model: Value = serde_json::from_str(&std::fs::read_to_string(model_path).unwrap()).unwrap();
    let shapes = &model["shapes"];
    let operation = &shapes["com.amazonaws.workspaces#RegisterWorkspaceDirectory"];
    let mut modeled: Vec<&str> = operation["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["target"].as_str().unwrap().trim_start_matches("com.amazonaws.workspaces#"))
        .collect();
    let mut documented: Vec<&str> = syntax["errors"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    modeled.sort_unstable();
    documented.sort_unstable();
    assert_eq!(modeled, documented);
    let output = operation["output"]["target"].as_str().unwrap();
    let members: Vec<&String> = shapes[output]["members"].as_object().unwrap().keys().collect();
    let documented: Vec<&String> = syntax["response"].as_object().unwrap().keys().collect();
    assert_eq!(members, documented);
}

/// `generated/`, from the newest model: the documented syntax less `EnableWorkDocs`, plus
/// `IdcInstanceArn` and `MicrosoftEntraConfig`, the request changes the model diff lists.
mod newest_model {
    use serde_json::{json, Value};
    use workspaces_bindings::operation::register_workspace_directory::{
        RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
    };
    use workspaces_bindings::types::{
        ActiveDirectoryConfig, MicrosoftEntraConfig, Tag, Tenancy, UserIdentityType, WorkspaceType,
    };

    use super::{conform_structure, syntax};

    fn every_parameter() -> RegisterWorkspaceDirectoryInput {
        RegisterWorkspaceDirectoryInput::builder()
            .directory_id("d-1234567890")
            .subnet_ids("subnet-12345678")
            .enable_self_service(false)
            .tenancy(Tenancy::Shared)
            .tags(Tag::builder().key("k").value("v").build().unwrap())
            .workspace_directory_name("name")
            .workspace_directory_description("description")
            .user_identity_type(UserIdentityType::AwsIamIdentityCenter)
            .idc_instance_arn("arn:aws:sso:::instance/ssoins-1234567890abcdef")
            .microsoft_entra_config(
                MicrosoftEntraConfig::builder()
                    .tenant_id("1a2b3c4d-0000-4000-8000-000000000000")
                    .application_config_secret_arn("arn:aws:secretsmanager:us-east-1:1:secret:entra-12345678")
                    .build(),
            )
            .workspace_type(WorkspaceType::Pools)
            .active_directory_config(
                ActiveDirectoryConfig::builder()
                    .domain_name("corp.example.com")
                    .service_account_secret_arn("arn:aws:secretsmanager:us-east-1:1:secret:s-12345678")
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap()
    }

    #[test]
    fn body_has_the_documented_shape_with_the_model_changes() {
        let mut request_syntax = syntax()["request"].as_object().unwrap().clone();
        assert!(request_syntax.shift_remove("EnableWorkDocs").is_some());
        request_syntax.insert("IdcInstanceArn".into(), json!("string"));
        request_syntax.insert(
            "MicrosoftEntraConfig".into(),
            json!({ "structure": { "TenantId": "string", "ApplicationConfigSecretArn": "string" } }),
        );
        let request = RegisterWorkspaceDirectory::serialize_request(&every_parameter());
        let body: Value = serde_json::from_slice(request.body()).unwrap();
        let mut problems = Vec::new();
        conform_structure("request", body.as_object().unwrap(), &request_syntax, &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_new_members_are_checked_by_validate() {
        let mut input = every_parameter();
        assert_eq!(input.validate(), Ok(()));
        input.idc_instance_arn = Some("not-an-arn".into());
        let error = input.validate().unwrap_err();
        let broken: Vec<(&str, Option<&str>)> = error.violations().iter().map(|v| (v.path(), v.value())).collect();
        assert_eq!(broken, [("IdcInstanceArn", Some("\"not-an-arn\""))]);
    }
}
