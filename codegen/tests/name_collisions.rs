//! Names that would collide in Rust give a clear error naming the shape, never code that
//! does not compile; names that have a stable rename get it.

use serde_json::{json, Value};
use smithy_bind::{Error, GeneratedFile, Generator};

fn generate(shapes: Value) -> Result<Vec<GeneratedFile>, Error> {
    let mut all = json!({
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                   "traits": {"aws.protocols#awsJson1_1": {}}},
        "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}}
    });
    all.as_object_mut().unwrap().extend(shapes.as_object().unwrap().clone());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("model.json");
    std::fs::write(&path, json!({"smithy": "2.0", "shapes": all}).to_string()).unwrap();
    Generator::new().model(&path).model_label("model.json").render()
}

fn string_members(names: &[&str]) -> Value {
    let members: serde_json::Map<String, Value> =
        names.iter().map(|n| (n.to_string(), json!({"target": "smithy.api#String"}))).collect();
    json!({"ex#OpInput": {"type": "structure", "members": members}})
}

#[test]
fn members_whose_rust_names_coincide_are_an_error() {
    // Smithy itself forbids members that differ only in case, so the loader says so first.
    let error = generate(string_members(&["self", "Self"])).unwrap_err();
    assert_eq!(error.to_string(), "ex#OpInput: members `self` and `Self` differ only in case, which Smithy forbids");
    let error = generate(string_members(&["FooBar", "foo_bar"])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "ex#OpInput: the field of `FooBar` and the field of `foo_bar` are both named `foo_bar` in Rust"
    );
    let error = generate(string_members(&["Name", "SetName"])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "ex#OpInput: the setter of `Name` and the field of `SetName` are both named `set_name` in Rust"
    );
}

#[test]
fn shapes_whose_rust_names_coincide_are_an_error() {
    let error = generate(json!({
        "ex#OpInput": {"type": "structure", "members": {"A": {"target": "ex#Thing"}, "B": {"target": "other#Thing"}}},
        "ex#Thing": {"type": "structure", "members": {}},
        "other#Thing": {"type": "structure", "members": {}}
    }))
    .unwrap_err();
    assert_eq!(error.to_string(), "other#Thing: its generated name `Thing` is already taken by `ex#Thing`");
}

#[test]
fn enum_values_whose_variants_coincide_are_an_error() {
    let error = generate(json!({
        "ex#OpInput": {"type": "structure", "members": {"Mode": {"target": "ex#Mode"}}},
        "ex#Mode": {"type": "enum", "members": {
            "FAST_MODE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a"}},
            "FastMode": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "b"}}
        }}
    }))
    .unwrap_err();
    assert_eq!(error.to_string(), "ex#Mode: values \"a\" and \"b\" both become the variant `FastMode`");
}

#[test]
fn reserved_names_get_a_stable_rename() {
    let files = generate(string_members(&["Build", "type", "Builder"])).unwrap();
    let input = &files.iter().find(|f| f.path.ends_with("_op_input.rs")).unwrap().contents;
    for field in ["pub build_value:", "pub r#type:", "pub builder_value:"] {
        assert!(input.contains(field), "{field} missing:\n{input}");
    }
}

#[test]
fn an_event_stream_operation_asked_for_by_name_is_an_error_naming_the_stream() {
    let model = json!({"smithy": "2.0", "shapes": {
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Watch"}, {"target": "ex#Op"}],
                   "traits": {"aws.protocols#awsJson1_1": {}}},
        "ex#Op": {"type": "operation"},
        "ex#Watch": {"type": "operation", "output": {"target": "ex#WatchOutput"}},
        "ex#WatchOutput": {"type": "structure", "members": {"Events": {"target": "ex#Events"}}},
        "ex#Events": {"type": "union", "members": {"Tick": {"target": "ex#Tick"}}, "traits": {"smithy.api#streaming": {}}},
        "ex#Tick": {"type": "structure", "members": {}}
    }});
    let error = Generator::new().operation("Watch").render_json(&model).unwrap_err();
    assert_eq!(
        error.to_string(),
        "ex#Watch: its output member `Events` is an event stream (`@streaming` union `ex#Events`), \
         which smithy-bind does not generate yet"
    );
    // Without a list of operations, the rest of the service is generated and the docs say why
    // `Watch` is missing.
    let files = Generator::new().render_json(&model).unwrap();
    let lib = &files.iter().find(|f| f.path.ends_with("lib.rs")).unwrap().contents;
    assert!(lib.contains("//! - [`Op`](operation::op::Op)\n"), "{lib}");
    assert!(lib.contains("//! - `Watch`: its output member `Events` is an event stream"), "{lib}");
    assert!(!files.iter().any(|f| f.path.contains("watch")));
}
