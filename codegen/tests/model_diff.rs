//! How `diff` classifies each kind of model change, one small model edit at a time: the
//! verdict follows the generated Rust API (field types, `build()`, variants) and the wire.

use smithy_bind::diff::{diff, to_json, to_table, ModelDiff};
use smithy_bind::model::{load_idl, Model};

const BASE: &str = r#"
$version: "2"
namespace example

@aws.protocols#awsJson1_1
service Shop {
    version: "2024-01-01"
    operations: [PlaceOrder, CancelOrder]
}

/// Places an order.
operation PlaceOrder {
    input := {
        @required
        item: ItemName
        quantity: Integer
        colour: Colour
        note: String
        notes: Notes
    }
    output := {
        orderId: String
        receipt: Receipt
    }
    errors: [OutOfStock]
}

operation CancelOrder {
    input := { orderId: String }
}

@length(min: 1, max: 10)
string ItemName

list Notes {
    member: String
}

enum Colour {
    RED
    GREEN
}

structure Receipt {
    total: Long
}

@error("client")
structure OutOfStock {
    message: String
}

@error("client")
structure Throttled {
    message: String
}
"#;

fn model(text: &str) -> Model {
    load_idl(&[("model.smithy".to_owned(), text.to_owned())]).unwrap()
}

/// The change rows of BASE → BASE with `edits` applied, as `impact | change | subject | detail`.
fn changes(edits: &[(&str, &str)]) -> Vec<String> {
    rows(&compare(edits))
}

fn compare(edits: &[(&str, &str)]) -> ModelDiff {
    let mut edited = BASE.to_owned();
    for (from, to) in edits {
        assert!(edited.contains(from), "the base model has no {from:?}");
        edited = edited.replacen(from, to, 1);
    }
    diff(&model(BASE), &model(&edited), None, &["PlaceOrder".to_owned()]).unwrap()
}

fn rows(diff: &ModelDiff) -> Vec<String> {
    diff.changes
        .iter()
        .map(|c| format!("{} | {} | {} | {}", c.impact.as_str(), c.kind, c.subject.trim_start_matches("example#"), c.detail))
        .collect()
}

#[test]
fn the_same_model_has_no_changes() {
    let same = compare(&[]);
    assert!(same.is_empty());
    assert_eq!(to_table(&same), "0 changes (0 breaking, 0 additive, 0 wire-only, 0 docs-only); documentation changed on 0 shapes and members (not listed)\n");
}

#[test]
fn an_optional_input_member_is_additive_and_a_removed_one_breaking() {
    assert_eq!(
        changes(&[("note: String\n", "note: String\n        giftWrap: Boolean\n")]),
        ["additive | member added | PlaceOrderInput$giftWrap | `gift_wrap: Option<bool>`"]
    );
    assert_eq!(changes(&[("        note: String\n", "")]), ["breaking | member removed | PlaceOrderInput$note | `note: Option<String>`"]);
}

#[test]
fn required_on_an_input_only_changes_validation_but_on_an_output_changes_the_field_type() {
    assert_eq!(
        changes(&[("        quantity: Integer", "        @required\n        quantity: Integer")]),
        ["wire-only | trait added | PlaceOrderInput$quantity | @required"]
    );
    assert_eq!(
        changes(&[("        orderId: String\n        receipt", "        @required\n        orderId: String\n        receipt")]),
        [
            "breaking | builder changed | PlaceOrderOutput | `build()` now returns a Result",
            "breaking | member type changed | PlaceOrderOutput$orderId | `order_id: Option<String>` → `order_id: String`",
            "wire-only | trait added | PlaceOrderOutput$orderId | @required",
        ]
    );
}

#[test]
fn a_required_member_new_to_a_nested_structure_breaks_its_builder() {
    assert_eq!(
        changes(&[("    total: Long\n", "    total: Long\n    @required\n    currency: String\n")]),
        [
            "breaking | builder changed | Receipt | `build()` now returns a Result",
            "breaking | member added | Receipt$currency | `currency: String`, required: `build()` fails without it",
        ]
    );
}

#[test]
fn a_retarget_breaks_only_when_the_rust_type_changes() {
    assert_eq!(
        changes(&[("        note: String\n", "        note: ItemName\n")]),
        ["wire-only | member retargeted | PlaceOrderInput$note | smithy.api#String → example#ItemName"]
    );
    assert_eq!(
        changes(&[("        quantity: Integer", "        quantity: Long")]),
        ["breaking | member retargeted | PlaceOrderInput$quantity | smithy.api#Integer → smithy.api#Long; `quantity: Option<i32>` → `quantity: Option<i64>`"]
    );
}

#[test]
fn a_list_item_retarget_breaks_only_when_the_item_type_changes() {
    assert_eq!(
        changes(&[("    member: String\n", "    member: ItemName\n")]),
        ["wire-only | member retargeted | Notes$member | smithy.api#String → example#ItemName"]
    );
    assert_eq!(
        changes(&[("    member: String\n", "    member: Integer\n")]),
        [
            "breaking | member retargeted | Notes$member | smithy.api#String → smithy.api#Integer",
            "breaking | member type changed | PlaceOrderInput$notes | `notes: Option<Vec<String>>` → `notes: Option<Vec<i32>>`",
        ]
    );
}

#[test]
fn a_shape_whose_type_changes_breaks() {
    assert_eq!(
        changes(&[("structure Receipt {\n    total: Long\n}", "union Receipt {\n    total: Long\n}")]),
        // The field keeps its type's name, so only the shape's row says what changed.
        ["breaking | shape type changed | Receipt | structure → union"]
    );
}

#[test]
fn constraints_are_wire_only_with_both_values_shown() {
    assert_eq!(
        changes(&[("@length(min: 1, max: 10)", "@length(min: 1, max: 5)")]),
        [r#"wire-only | trait changed | ItemName | @length {"min":1,"max":10} → {"min":1,"max":5}"#]
    );
    assert_eq!(
        changes(&[("@length(min: 1, max: 10)\n", "@length(min: 1, max: 10)\n@pattern(\"^[a-z]+$\")\n")]),
        [r#"wire-only | trait added | ItemName | @pattern "^[a-z]+$""#]
    );
}

#[test]
fn enum_values_added_are_additive_removed_or_renamed_breaking() {
    assert_eq!(
        changes(&[("    GREEN\n", "    GREEN\n    BLUE\n")]),
        [r#"additive | enum value added | Colour | "BLUE" (variant `Blue`)"#]
    );
    assert_eq!(changes(&[("    GREEN\n", "")]), [r#"breaking | enum value removed | Colour | "GREEN" (variant `Green`)"#]);
    assert_eq!(
        changes(&[("    GREEN\n", "    VERDANT = \"GREEN\"\n")]),
        [r#"breaking | enum value renamed | Colour | "GREEN": `Green` → `Verdant`"#]
    );
}

#[test]
fn errors_added_are_additive_removed_breaking() {
    assert_eq!(
        changes(&[("errors: [OutOfStock]", "errors: [OutOfStock, Throttled]")]),
        [
            "additive | error added | PlaceOrder | Throttled (a new variant; the error enums are #[non_exhaustive])",
            "additive | type added | Throttled | `types::error::Throttled`",
        ]
    );
    assert_eq!(
        changes(&[("errors: [OutOfStock]", "errors: []")]),
        [
            "breaking | type removed | OutOfStock | `types::error::OutOfStock`",
            "breaking | error removed | PlaceOrder | OutOfStock (its variant of the error enum goes away)",
        ]
    );
}

#[test]
fn reordered_members_change_the_bytes_only() {
    assert_eq!(
        changes(&[("        colour: Colour\n        note: String\n", "        note: String\n        colour: Colour\n")]),
        ["wire-only | member order changed | PlaceOrderInput | members are serialized in model order"]
    );
}

#[test]
fn deprecation_is_additive_and_sensitivity_wire_only() {
    assert_eq!(
        changes(&[("        note: String\n", "        @deprecated\n        note: String\n")]),
        ["additive | trait added | PlaceOrderInput$note | @deprecated"]
    );
    assert_eq!(changes(&[("structure Receipt", "@sensitive\nstructure Receipt")]), ["wire-only | trait added | Receipt | @sensitive"]);
}

#[test]
fn documentation_is_counted_not_listed() {
    let changed = compare(&[("/// Places an order.", "/// Places an order and charges for it.")]);
    assert!(changed.changes.is_empty());
    assert_eq!(changed.documentation_changes, 1);
    assert!(!changed.is_breaking());
}

#[test]
fn whole_service_diffs_see_operations_come_and_go() {
    let edited = BASE.replace("operations: [PlaceOrder, CancelOrder]", "operations: [PlaceOrder]");
    let removed = diff(&model(BASE), &model(&edited), None, &[]).unwrap();
    assert_eq!(rows(&removed), ["breaking | operation removed | CancelOrder | its module under `operation::` and its client method go away"]);
    let added = diff(&model(&edited), &model(BASE), None, &[]).unwrap();
    assert_eq!(rows(&added), ["additive | operation added | CancelOrder | a new module under `operation::` and a client method"]);
    // Chosen by name, an operation missing on one side is a change; missing on both, an error.
    let chosen = diff(&model(BASE), &model(&edited), None, &["CancelOrder".to_owned()]).unwrap();
    assert_eq!(rows(&chosen), rows(&removed));
    let error = diff(&model(BASE), &model(&edited), None, &["CancelOrdr".to_owned()]).unwrap_err();
    assert_eq!(error.to_string(), "example#Shop: has no operation named `CancelOrdr`; did you mean `CancelOrder`?");
}

#[test]
fn protocol_changes_are_wire_only() {
    assert_eq!(
        changes(&[("@aws.protocols#awsJson1_1", "@aws.protocols#awsJson1_0")]),
        ["wire-only | trait added | Shop | @aws.protocols#awsJson1_0", "wire-only | trait removed | Shop | @aws.protocols#awsJson1_1"]
    );
}

#[test]
fn the_json_form_carries_full_ids_and_the_verdict() {
    let json = to_json(&compare(&[("        note: String\n", "")]));
    assert_eq!(
        json,
        serde_json::json!({
            "breaking": true,
            "counts": {"breaking": 1, "additive": 0, "wire-only": 0, "docs-only": 0},
            "documentation_changes": 0,
            "changes": [{
                "impact": "breaking",
                "change": "member removed",
                "subject": "example#PlaceOrderInput$note",
                "detail": "`note: Option<String>`",
            }],
        })
    );
}
