//! Every operation of the official WorkSpaces model (../shared/models) generates into one
//! crate that builds, passes clippy and documents with warnings denied.

mod common;

use std::time::Instant;

use common::{cargo, scratch_manifest, workspace, write};
use smithy_bindgen::Generator;

#[test]
fn all_workspaces_operations_build_warning_free() {
    let model = workspace().join("../shared/models/workspaces-2015-04-08.json");
    assert!(
        model.exists(),
        "{} is missing: this test reads the official model from the shared/ folder beside the checkout",
        model.display()
    );
    let scratch = tempfile::tempdir().unwrap();
    let crate_dir = scratch.path();
    write(&crate_dir.join("Cargo.toml"), &scratch_manifest("workspaces-all-operations"));
    let started = Instant::now();
    Generator::new().model(&model).out_dir(crate_dir).generate().unwrap();
    let generated_in = started.elapsed();

    let operations = std::fs::read_dir(crate_dir.join("src/operation"))
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(operations, 89);

    let started = Instant::now();
    cargo(crate_dir, "whole-service", &["build"]);
    let built_in = started.elapsed();
    cargo(crate_dir, "whole-service", &["clippy", "--all-features"]);
    cargo(crate_dir, "whole-service", &["doc", "--no-deps"]);
    println!(
        "whole WorkSpaces service: {operations} operations generated in {:.2} s (debug build of the \
         generator), built in {:.1} s, clippy and rustdoc clean",
        generated_in.as_secs_f64(),
        built_in.as_secs_f64()
    );
}
