//! Every name in smithy-rs's golden list must come out of our snake_case unchanged.

use std::path::PathBuf;

fn golden_list() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/naming/smithy-rs-snake-case.csv");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "the golden naming list is read from {} (the shared/ folder beside the checkout): {error}",
            path.display()
        )
    })
}

#[test]
fn snake_case_matches_every_name_aws_sdk_rust_generates() {
    let list = golden_list();
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for line in list.lines().filter(|line| !line.is_empty()) {
        let (model_name, expected) = line
            .split_once(',')
            .unwrap_or_else(|| panic!("golden line without a comma: {line:?}"));
        let ours = smithy_bind::naming::snake_case(model_name);
        if ours != expected {
            mismatches.push(format!("{model_name}: expected {expected}, got {ours}"));
        }
        checked += 1;
    }
    assert_eq!(checked, 62_988, "the golden list changed size");
    assert!(
        mismatches.is_empty(),
        "{} of {checked} names differ, first ones:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(30)].join("\n")
    );
}
