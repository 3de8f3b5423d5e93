//! A `@pattern` regex-lite cannot compile (Unicode classes such as `\p{L}`, common in AWS
//! tag shapes) does not stop generation: validate() leaves it to the service, the member's
//! documentation says so, and the generator warns.

mod common;

use common::{cargo, scratch_manifest, workspace, write};
use smithy_bind::Generator;

#[test]
fn unicode_class_patterns_are_left_to_the_service_and_documented() {
    let model = workspace().join("codegen/tests/fixtures/unicode-class-pattern.json");
    let scratch = tempfile::tempdir().unwrap();
    let crate_dir = scratch.path();
    write(&crate_dir.join("Cargo.toml"), &scratch_manifest("unicode-class-pattern"));
    Generator::new().model(&model).out_dir(crate_dir).generate().unwrap();
    let input = std::fs::read_to_string(crate_dir.join("src/operation/op/_op_input.rs")).unwrap();
    assert!(
        input.contains("/// The model also requires matching the pattern `^[\\p{L}\\p{Z}]*$`, which client-side validation"),
        "{input}"
    );
    let constraints = std::fs::read_to_string(crate_dir.join("src/constraints.rs")).unwrap();
    assert!(!constraints.contains("p{L}"), "no check is generated for the pattern");
    cargo(crate_dir, "unchecked-patterns", &["clippy", "--all-features"]);
    cargo(crate_dir, "unchecked-patterns", &["doc", "--no-deps"]);
}
