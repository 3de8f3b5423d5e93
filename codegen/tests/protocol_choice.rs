//! Which protocol a crate speaks: a service that declares several gets the one aws-sdk-rust
//! picks (rpcv2Cbor before awsJson1_0 before awsJson1_1), `protocol(..)` picks another it
//! declares, and what cannot be spoken is an error that names the shape and the problem.

use serde_json::{json, Value};
use smithy_bind::Generator;

fn model(protocols: &[&str], member_target: &str) -> Value {
    let traits: serde_json::Map<String, Value> = protocols.iter().map(|id| ((*id).to_owned(), json!({}))).collect();
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": { "type": "service", "version": "1", "operations": [{ "target": "ex#Put" }], "traits": traits },
            "ex#Put": { "type": "operation", "input": { "target": "ex#PutInput" }, "output": { "target": "smithy.api#Unit" } },
            "ex#PutInput": { "type": "structure", "members": { "value": { "target": member_target } } }
        }
    })
}

const BOTH: [&str; 2] = ["aws.protocols#awsJson1_0", "smithy.protocols#rpcv2Cbor"];

/// The generated crate's file paths and its operation module.
fn generate(generator: Generator, model: &Value) -> Result<(Vec<String>, String), String> {
    let files = generator.render_json(model).map_err(|error| error.to_string())?;
    let operation = files
        .iter()
        .find(|file| file.path == "src/operation/put/mod.rs")
        .map(|file| file.contents.clone())
        .expect("the operation module");
    Ok((files.into_iter().map(|file| file.path).collect(), operation))
}

#[test]
fn a_service_with_cbor_and_json_speaks_cbor_by_default() {
    let (paths, operation) = generate(Generator::new(), &model(&BOTH, "smithy.api#String")).unwrap();
    assert!(paths.contains(&"src/cbor_writer.rs".to_owned()) && paths.contains(&"src/rpcv2_cbor.rs".to_owned()));
    assert!(!paths.contains(&"src/json_writer.rs".to_owned()) && !paths.contains(&"src/aws_json.rs".to_owned()));
    assert!(operation.contains(r#"::std::borrow::Cow::Borrowed("/service/Svc/operation/Put")"#), "{operation}");
    // Whether a header tuple fits one line is prettyplease's choice, so compare without whitespace.
    let compact: String = operation.split_whitespace().collect();
    assert!(compact.contains(r#"("smithy-protocol",crate::http::HeaderValue::Static("rpc-v2-cbor")"#));
}

#[test]
fn the_protocol_option_picks_another_declared_protocol() {
    let (paths, operation) = generate(Generator::new().protocol("awsJson1_0"), &model(&BOTH, "smithy.api#String")).unwrap();
    assert!(paths.contains(&"src/json_writer.rs".to_owned()) && !paths.contains(&"src/cbor_writer.rs".to_owned()));
    assert!(operation.contains(r#"crate::http::HeaderValue::Static("Svc.Put")"#), "{operation}");
    // The trait's shape id names it too.
    assert!(generate(Generator::new().protocol("smithy.protocols#rpcv2Cbor"), &model(&BOTH, "smithy.api#String")).is_ok());
}

#[test]
fn a_protocol_the_service_lacks_or_nobody_speaks_is_an_error() {
    let lacking = generate(Generator::new().protocol("awsJson1_1"), &model(&BOTH, "smithy.api#String")).unwrap_err();
    assert_eq!(
        lacking,
        "ex#Svc: does not speak awsJson1_1 (asked for with --protocol); it declares rpcv2Cbor, awsJson1_0"
    );
    let undeclared = generate(Generator::new().protocol("restJson1"), &model(&BOTH, "smithy.api#String")).unwrap_err();
    assert_eq!(
        undeclared,
        "ex#Svc: does not speak restJson1 (asked for with --protocol); it declares rpcv2Cbor, awsJson1_0"
    );
    let unknown = generate(Generator::new().protocol("restXml"), &model(&BOTH, "smithy.api#String")).unwrap_err();
    assert_eq!(
        unknown,
        "--protocol: `restXml` is no protocol smithy-bind speaks; it speaks rpcv2Cbor, awsJson1_0, awsJson1_1, restJson1"
    );
}

#[test]
fn cbor_refuses_documents_and_big_numbers_by_member() {
    let cbor = ["smithy.protocols#rpcv2Cbor"];
    let document = generate(Generator::new(), &model(&cbor, "smithy.api#Document")).unwrap_err();
    assert_eq!(
        document,
        "ex#PutInput$value: is a document, which Smithy RPC v2 CBOR does not support"
    );
    let big = generate(Generator::new(), &model(&cbor, "smithy.api#BigDecimal")).unwrap_err();
    assert!(big.starts_with("ex#PutInput$value: is a bigInteger or bigDecimal"), "{big}");
    // The same shapes are fine over JSON.
    assert!(generate(Generator::new(), &model(&["aws.protocols#awsJson1_0"], "smithy.api#Document")).is_ok());
}
