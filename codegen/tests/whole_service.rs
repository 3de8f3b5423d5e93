//! Every operation of the official WorkSpaces model (../shared/models) generates into one
//! crate that builds, passes clippy and documents with warnings denied.

mod common;

use std::time::Instant;

use common::{cargo, scratch_manifest, workspace, write};
use smithy_bind::Generator;

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

/// The awsJson services of Smithy's protocol-test model use shapes WorkSpaces does not
/// (unions, sparse collections, recursion, every number and timestamp kind).
#[test]
fn protocol_test_services_build_warning_free() {
    let model = workspace().join("../shared/protocol-tests/json-ast/smithy-aws-protocol-tests_model.json");
    assert!(model.exists(), "{} is missing (shared/ beside the checkout)", model.display());
    for (service, operations) in [
        ("aws.protocoltests.json#JsonProtocol", 18),
        ("aws.protocoltests.json10#JsonRpc10", 16),
        ("aws.protocoltests.json10#QueryCompatibleJsonRpc10", 1),
        ("com.amazonaws.machinelearning#AmazonML_20141212", 1),
    ] {
        let scratch = tempfile::tempdir().unwrap();
        let crate_dir = scratch.path();
        write(&crate_dir.join("Cargo.toml"), &scratch_manifest("protocol-test-service"));
        Generator::new().model(&model).service(service).out_dir(crate_dir).generate().unwrap();
        let generated = std::fs::read_dir(crate_dir.join("src/operation"))
            .unwrap()
            .filter(|entry| entry.as_ref().unwrap().path().is_dir())
            .count();
        assert_eq!(generated, operations, "{service}");
        cargo(crate_dir, "protocol-test-services", &["clippy", "--all-features"]);
        println!("{service}: {generated} operations, clippy clean");
    }
}
