//! Shapes named like the types the generator makes for an operation (`<Op>Error`, `<Op>Input`,
//! `<Op>Output`) live in `types::` beside the operation's own types, as in aws-sdk-rust, and
//! read and write like any other shape. The model is `tests/fixtures/name-clashes.smithy`.

use name_clashes_bindings::http::HttpResponse;
use name_clashes_bindings::operation::create_thing::{CreateThing, CreateThingInput};
use name_clashes_bindings::operation::describe_thing::{DescribeThing, DescribeThingError};
use name_clashes_bindings::operation::test_connection::{TestConnection, TestConnectionInput};
use name_clashes_bindings::operation::update_tags_status::{UpdateTagsStatus, UpdateTagsStatusError};
use name_clashes_bindings::types;

fn error_response<'a>(code: &'a str, body: &'a [u8]) -> HttpResponse<'a> {
    HttpResponse::new(400, body).with_header("x-amzn-errortype", code)
}

#[test]
fn a_structure_named_like_the_operation_error_enum_is_a_type_beside_it() {
    let body = br#"{"Errors":[{"TagKey":"team","Code":"TagNotFound","Message":"no such tag"}]}"#;
    let output = UpdateTagsStatus::parse_response(&HttpResponse::new(200, body)).unwrap();
    let entry: &types::UpdateTagsStatusError = &output.errors()[0];
    assert_eq!(
        (entry.tag_key(), entry.code(), entry.message()),
        (Some("team"), Some("TagNotFound"), Some("no such tag"))
    );

    let body = br#"{"__type":"Throttled","message":"slow down"}"#;
    let error: UpdateTagsStatusError = UpdateTagsStatus::parse_response(&HttpResponse::new(400, body)).unwrap_err();
    assert!(error.is_throttled(), "{error:?}");
    assert_eq!(error.message(), Some("slow down"));
}

#[test]
fn errors_declared_on_the_service_join_every_operation_error_enum() {
    let body = br#"{"Message":"try again"}"#;
    let error = DescribeThing::parse_response(&error_response("ServiceFault", body)).unwrap_err();
    let DescribeThingError::ServiceFault(fault) = &error else {
        panic!("expected ServiceFault, got {error:?}");
    };
    assert_eq!(fault.message(), Some("try again"));

    let error = UpdateTagsStatus::parse_response(&error_response("ServiceFault", body)).unwrap_err();
    assert!(error.is_service_fault(), "{error:?}");
    assert_eq!(error.code(), Some("ServiceFault"));
}

#[test]
fn a_member_structure_named_like_the_operation_input_serializes_and_validates() {
    let nested = types::TestConnectionInput::builder()
        .connection_type("JDBC")
        .properties("HOST", "db.example.com")
        .build()
        .unwrap();
    let input: TestConnectionInput = TestConnectionInput::builder()
        .connection_name("warehouse")
        .test_connection_input(nested)
        .build()
        .unwrap();
    let request = TestConnection::serialize_request(&input);
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"ConnectionName":"warehouse","TestConnectionInput":{"ConnectionType":"JDBC","Properties":{"HOST":"db.example.com"}}}"#
    );
    assert_eq!(request.header("x-amz-target"), Some("ClashService.TestConnection"));
    input.validate().unwrap();

    let too_many = (0..5).fold(types::TestConnectionInput::builder().connection_type("JDBC"), |builder, i| {
        builder.properties(format!("K{i}"), "v")
    });
    let input = TestConnectionInput::builder().test_connection_input(too_many.build().unwrap()).build().unwrap();
    let violations = input.validate().unwrap_err();
    let paths: Vec<(&str, &str)> = violations.violations().iter().map(|v| (v.path(), v.rule())).collect();
    assert_eq!(paths, [("TestConnectionInput.Properties", "length must be at most 4, but is 5")]);
}

#[test]
fn a_structure_named_like_the_operation_output_reads_back() {
    let body = br#"{"TestConnectionOutput":{"Status":"SUCCEEDED"}}"#;
    let output = TestConnection::parse_response(&HttpResponse::new(200, body)).unwrap();
    let status: Option<&types::TestConnectionOutput> = output.test_connection_output();
    assert_eq!(status.and_then(types::TestConnectionOutput::status), Some("SUCCEEDED"));
}

#[test]
fn an_input_shape_that_a_member_also_targets_is_both_the_input_and_a_shared_type() {
    let input = CreateThingInput::builder().name("lamp").build().unwrap();
    assert_eq!(CreateThing::serialize_request(&input).body(), br#"{"Name":"lamp"}"#);

    let body = br#"{"Request":{"Name":"lamp"}}"#;
    let output = CreateThing::parse_response(&HttpResponse::new(200, body)).unwrap();
    let echoed: &types::CreateThingInput = output.request().unwrap();
    assert_eq!(echoed.name(), Some("lamp"));
}

#[test]
fn the_event_stream_operation_is_left_out_and_the_crate_docs_say_why() {
    let lib = std::fs::read_to_string(smithy_bind_tests::workspace_root().join("tests/fixtures/name-clashes/src/lib.rs")).unwrap();
    assert!(
        lib.contains(
            "//! - `WatchThings`: its output member `Events` is an event stream (`@streaming` union \
             `example.clashes#ThingEvents`), which smithy-bind does not generate yet\n"
        ),
        "{lib}"
    );
    assert!(!smithy_bind_tests::workspace_root().join("tests/fixtures/name-clashes/src/operation/watch_things").exists());
}

#[test]
fn shapes_named_like_prelude_items_are_types_and_the_prelude_still_works_beside_them() {
    let body = br#"{"Name":"lamp","Option":{"Value":"v1","Label":"first"},"Result":"RETRY","None":{},"Hash":{"sha256":"ab12"},"Options":[{"Value":"v2"}]}"#;
    let output = DescribeThing::parse_response(&HttpResponse::new(200, body)).unwrap();
    let option: &types::Option = output.option().unwrap();
    assert_eq!((option.value(), option.label()), (Some("v1"), Some("first")));
    assert_eq!(output.result(), Some(&types::Result::Retry));
    assert_eq!(output.none(), Some(&types::None::builder().build()));
    assert_eq!(output.hash().and_then(types::Hash::sha256), Some("ab12"));
    assert_eq!(output.options().iter().map(types::Option::value).collect::<Vec<_>>(), [Some("v2")]);

    let unknown = br#"{"Result":"PAUSE"}"#;
    let output = DescribeThing::parse_response(&HttpResponse::new(200, unknown)).unwrap();
    assert_eq!(output.result().map(types::Result::as_str), Some("PAUSE"));
}
