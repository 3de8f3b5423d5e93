//! Changing the model changes the generated crate with no hand edits: a scratch copy of
//! model/ gains an error, and the regenerated crate parses it into its own variant. The
//! scratch crate is compiled and its test run, so the check covers code that builds.

mod common;

use common::{cargo, scratch_manifest, workspace, write};
use serde_json::{json, Value};
use smithy_bind::Generator;

const NS: &str = "com.amazonaws.workspaces#";

fn model_with_throttling_error() -> Value {
    let text = std::fs::read_to_string(workspace().join("model/workspaces.json")).unwrap();
    let mut model: Value = serde_json::from_str(&text).unwrap();
    let shapes = model["shapes"].as_object_mut().unwrap();
    shapes.insert(
        format!("{NS}ThrottlingException"),
        json!({
            "type": "structure",
            "members": {
                "message": {"target": format!("{NS}ExceptionMessage")},
                "RetryAfterSeconds": {"target": "smithy.api#Integer"}
            },
            "traits": {"smithy.api#error": "client", "smithy.api#documentation": "<p>Slow down.</p>"}
        }),
    );
    shapes[&format!("{NS}RegisterWorkspaceDirectory")]["errors"]
        .as_array_mut()
        .unwrap()
        .push(json!({"target": format!("{NS}ThrottlingException")}));
    model
}

#[test]
fn a_new_error_in_the_model_becomes_a_parsed_variant() {
    let scratch = tempfile::tempdir().unwrap();
    let model_path = scratch.path().join("model.json");
    write(&model_path, &serde_json::to_string_pretty(&model_with_throttling_error()).unwrap());
    let crate_dir = scratch.path().join("bindings");
    write(&crate_dir.join("Cargo.toml"), &scratch_manifest("scratch-bindings"));
    Generator::new()
        .model(&model_path)
        .operation("RegisterWorkspaceDirectory")
        .out_dir(&crate_dir)
        .generate()
        .unwrap();

    let error_enum = std::fs::read_to_string(
        crate_dir.join("src/operation/register_workspace_directory/_register_workspace_directory_error.rs"),
    )
    .unwrap();
    assert!(error_enum.contains("ThrottlingException(crate::types::error::ThrottlingException),"));
    assert!(error_enum.contains("pub fn is_throttling_exception(&self) -> bool"));

    write(
        &crate_dir.join("tests/throttling.rs"),
        r##"
use scratch_bindings::http::HttpResponse;
use scratch_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError,
};

#[test]
fn throttling_is_modeled() {
    let body = br#"{"__type":"ThrottlingException","message":"slow down","RetryAfterSeconds":3}"#;
    let error = RegisterWorkspaceDirectory::parse_response(&HttpResponse::new(400, body)).unwrap_err();
    assert!(error.is_throttling_exception());
    let RegisterWorkspaceDirectoryError::ThrottlingException(inner) = error else { panic!() };
    assert_eq!(inner.retry_after_seconds(), Some(3));
    assert_eq!(inner.message(), Some("slow down"));
}
"##,
    );
    cargo(&crate_dir, "scratch-model-changes", &["test"]);
}
