//! `extract` writes the chosen operations' closure as facts: shapes exactly as the generator
//! reads them, prose removed, and a model that loads back into the same crate.

use serde_json::json;
use smithy_bind::closure::OperationClosure;
use smithy_bind::extract::{extract, to_json_text};
use smithy_bind::model::{load_idl, load_json_ast};
use smithy_bind::Generator;

const MODEL: &str = r#"
$version: "2"
namespace example

/// A shop.
@aws.protocols#awsJson1_1
@smithy.rules#endpointRuleSet({
    version: "1.0"
    parameters: { Region: { type: "string", builtIn: "AWS::Region", required: false, documentation: "Where." } }
    rules: [{ type: "endpoint", conditions: [], endpoint: { url: "https://shop.example.com" }, documentation: "Always." }]
})
service Shop {
    version: "2024-01-01"
    operations: [PlaceOrder, CancelOrder]
}

/// Places an order.
@examples([{ title: "One", input: { item: "pen" } }])
operation PlaceOrder {
    input := {
        /// What to buy.
        @required
        item: ItemName
        @deprecated(message: "Use item.", since: "2024")
        sku: String
        colour: Colour
    }
    errors: [OutOfStock]
}

operation CancelOrder {}

@length(min: 1)
string ItemName

enum Colour {
    /// Red.
    RED = "red"
}

@error("client")
@externalDocumentation(Guide: "https://example.com")
structure OutOfStock {}
"#;

fn extracted() -> serde_json::Value {
    let model = load_idl(&[("shop.smithy".to_owned(), MODEL.to_owned())]).unwrap();
    let closure = OperationClosure::resolve(&model, None, &["PlaceOrder".to_owned()]).unwrap();
    extract(&model, &closure).unwrap()
}

#[test]
fn extract_keeps_the_facts_and_drops_the_prose() {
    let input = "example#PlaceOrderInput";
    assert_eq!(
        extracted(),
        json!({
            "smithy": "2.0",
            "shapes": {
                "example#Colour": {
                    "type": "enum",
                    "members": { "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } } }
                },
                "example#ItemName": { "type": "string", "traits": { "smithy.api#length": { "min": 1 } } },
                "example#OutOfStock": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } },
                "example#PlaceOrder": {
                    "type": "operation",
                    "input": { "target": input },
                    "output": { "target": "smithy.api#Unit" },
                    "errors": [{ "target": "example#OutOfStock" }]
                },
                input: {
                    "type": "structure",
                    "members": {
                        "item": { "target": "example#ItemName", "traits": { "smithy.api#required": {} } },
                        "sku": { "target": "smithy.api#String", "traits": { "smithy.api#deprecated": { "since": "2024" } } },
                        "colour": { "target": "example#Colour" }
                    },
                    "traits": { "smithy.api#input": {} }
                },
                "example#Shop": {
                    "type": "service",
                    "version": "2024-01-01",
                    "operations": [{ "target": "example#PlaceOrder" }],
                    "traits": {
                        "aws.protocols#awsJson1_1": {},
                        "smithy.rules#endpointRuleSet": {
                            "version": "1.0",
                            "parameters": { "Region": { "type": "string", "builtIn": "AWS::Region", "required": false } },
                            "rules": [{ "type": "endpoint", "conditions": [], "endpoint": { "url": "https://shop.example.com" } }]
                        }
                    }
                }
            }
        })
    );
}

#[test]
fn the_extracted_file_loads_back_and_generates_only_the_chosen_operation() {
    let text = to_json_text(&extracted());
    assert!(text.starts_with("{\n    \"smithy\": \"2.0\",\n"), "four-space indents, as the official files");
    assert!(text.ends_with("}\n"));
    let reloaded = load_json_ast(&text, "extracted.json").unwrap();
    let files = Generator::new().render_loaded(&reloaded).unwrap();
    let lib = files.iter().find(|file| file.path == "src/lib.rs").unwrap();
    assert!(lib.contents.contains("PlaceOrder"));
    assert!(!files.iter().any(|file| file.contents.contains("cancel_order")), "only the chosen operation");
    assert!(!files.iter().any(|file| file.contents.contains("What to buy.")), "no prose survives");
}
