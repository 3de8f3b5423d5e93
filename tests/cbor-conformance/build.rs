//! Generates, into `$OUT_DIR`, Smithy RPC v2 CBOR bindings for CloudWatch's `PutMetricData`
//! and `GetMetricData` from the official model in `../shared/aws-models/` (never copied into
//! this repository), with the `serde` part so that the test can build inputs from the same
//! JSON params it gives botocore.

use std::path::Path;

fn main() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/aws-models/cloudwatch-2010-08-01.json.gz");
    println!("cargo:rerun-if-changed={}", model.display());
    let result = smithy_bind::Generator::new()
        .model(&model)
        .model_label("../shared/aws-models/cloudwatch-2010-08-01.json.gz")
        .command("cargo build -p cbor-conformance (its build script)")
        .protocol("rpcv2Cbor")
        .operation("PutMetricData")
        .operation("GetMetricData")
        .single_file("cloudwatch.rs", "crate::cloudwatch")
        .single_file_features(["serde"])
        .report_warnings(false)
        .generate();
    if let Err(error) = result {
        panic!("cannot generate the CloudWatch bindings from {}: {error}", model.display());
    }
}
