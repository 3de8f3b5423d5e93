//! `ProtocolTests` on small models: which cases become tests, how skips show, and the errors
//! for cases whose `params` do not fit the shapes. (The generated tests themselves run in
//! `tests/protocol-compliance` against Smithy's own suites.)

use serde_json::{json, Value};
use smithy_bind::model::load_json_value;
use smithy_bind::ProtocolTests;

fn model(params: Value) -> Value {
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": { "type": "service", "version": "1", "operations": [{ "target": "ex#Put" }],
                        "traits": { "aws.protocols#awsJson1_0": {} } },
            "ex#Put": {
                "type": "operation",
                "input": { "target": "ex#PutInput" },
                "output": { "target": "smithy.api#Unit" },
                "traits": {
                    "smithy.test#httpRequestTests": [
                        { "id": "PutSendsName", "protocol": "aws.protocols#awsJson1_0", "method": "POST", "uri": "/",
                          "body": "{\"name\":\"a\"}", "bodyMediaType": "application/json", "params": params },
                        { "id": "PutOnServers", "protocol": "aws.protocols#awsJson1_0", "method": "POST", "uri": "/",
                          "appliesTo": "server" },
                        { "id": "PutOtherProtocol", "protocol": "aws.protocols#restJson1", "method": "POST", "uri": "/" }
                    ],
                    "smithy.test#httpResponseTests": [
                        { "id": "PutAnswers", "protocol": "aws.protocols#awsJson1_0", "code": 200, "appliesTo": "client" }
                    ]
                }
            },
            "ex#PutInput": { "type": "structure", "members": { "name": { "target": "smithy.api#String" } } }
        }
    })
}

#[test]
fn client_cases_of_the_service_protocol_become_named_tests() {
    let model = load_json_value(&model(json!({ "name": "a" }))).unwrap();
    let tests = ProtocolTests::new("ex#Svc")
        .bindings_module("crate::svc")
        .skip("PutAnswers", "shown as skipped")
        .render(&model)
        .unwrap();
    let ids: Vec<(&str, &str, Option<&str>)> =
        tests.cases.iter().map(|c| (c.id.as_str(), c.kind, c.skip.as_deref())).collect();
    assert_eq!(ids, [("PutSendsName", "request", None), ("PutAnswers", "response", Some("shown as skipped"))]);
    assert!(tests.source.contains("fn PutSendsName()"), "{}", tests.source);
    assert!(tests.source.contains("#[ignore = \"shown as skipped\"]\n"), "{}", tests.source);
    assert!(tests.source.contains("crate::svc::operation::put::PutInput::builder()"), "{}", tests.source);
    assert!(tests.source.contains(".set_name(::std::option::Option::Some(::std::string::String::from(\"a\")))"));
}

#[test]
fn params_that_do_not_fit_the_shapes_are_errors_naming_the_case() {
    for (params, expected) in [
        (json!({ "nickname": "a" }), "ex#Put test `PutSendsName`: `ex#PutInput` has no member `nickname`"),
        (json!({ "name": 5 }), "ex#Put test `PutSendsName`.name: expected a string, found `5`"),
    ] {
        let model = load_json_value(&model(params)).unwrap();
        let error = ProtocolTests::new("ex#Svc").render(&model).unwrap_err().to_string();
        assert_eq!(error, expected);
    }
}
