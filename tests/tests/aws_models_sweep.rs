//! Every awsJson and restJson1 service of the official AWS models (`../shared/aws-models/`,
//! 2026-04) generates with all its operations. Compiling them is `tests/sweep/compile.sh`'s job (see
//! the README); CI compiles a fixed sample of them with clippy.

use std::sync::Mutex;

use smithy_bind::Generator;
use smithy_bind_tests::{aws_models, AwsModel};

/// Generates one service; `Ok` holds how many operations were left out (event streams).
fn generate(model: &AwsModel) -> Result<usize, String> {
    let files = Generator::new()
        .model_label(model.file.as_str())
        .report_warnings(false)
        .render_json(&model.load())
        .map_err(|error| error.to_string())?;
    let lib = files.iter().find(|file| file.path == "src/lib.rs").ok_or("no src/lib.rs")?;
    let left_out = lib.contents.split("//! Left out of this crate").nth(1).unwrap_or_default();
    Ok(left_out.lines().take_while(|line| !line.starts_with("//! #")).filter(|line| line.starts_with("//! - `")).count())
}

/// Generates every service, two at a time: `(stem, result)` in file order.
fn generate_all(services: &[AwsModel]) -> Vec<(String, Result<usize, String>)> {
    let results = Mutex::new(Vec::new());
    let next = Mutex::new(services.iter());
    // Two workers: the machine has two cores, and sagemaker alone is a few seconds.
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let Some(model) = next.lock().unwrap().next() else { break };
                let result = generate(model);
                results.lock().unwrap().push((model.stem().to_owned(), result));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort();
    results
}

/// `name (count)` of each service that left operations out.
fn left_out_counts(results: &[(String, Result<usize, String>)]) -> Vec<String> {
    results
        .iter()
        .filter_map(|(name, result)| result.as_ref().ok().filter(|n| **n > 0).map(|n| format!("{name} ({n})")))
        .collect()
}

#[test]
fn every_aws_json_service_of_the_official_models_generates() {
    let services: Vec<AwsModel> = aws_models().into_iter().filter(AwsModel::speaks_aws_json).collect();
    assert_eq!(services.len(), 153, "INDEX.tsv lists 153 awsJson services");
    let results = generate_all(&services);
    let failures: Vec<String> =
        results.iter().filter_map(|(name, result)| result.as_ref().err().map(|e| format!("{name}: {e}"))).collect();
    let left_out = left_out_counts(&results);
    println!(
        "aws-models sweep: {}/{} generate; operations left out (event streams): {}",
        results.len() - failures.len(),
        results.len(),
        left_out.join(", ")
    );
    assert!(failures.is_empty(), "{} services do not generate:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(left_out, ["cloudwatch-logs-2014-03-28 (2)", "kinesis-2013-12-02 (1)"]);
}

#[test]
fn every_rest_json1_service_of_the_official_models_generates() {
    let services: Vec<AwsModel> = aws_models().into_iter().filter(AwsModel::speaks_rest_json).collect();
    assert_eq!(services.len(), 251, "INDEX.tsv lists 251 restJson1 services");
    let results = generate_all(&services);
    let failures: Vec<String> =
        results.iter().filter_map(|(name, result)| result.as_ref().err().map(|e| format!("{name}: {e}"))).collect();
    let left_out = left_out_counts(&results);
    println!(
        "aws-models restJson1 sweep: {}/{} generate; operations left out (event streams): {}",
        results.len() - failures.len(),
        results.len(),
        left_out.join(", ")
    );
    // Its one operation streams events both ways, which the generator leaves out, and a crate
    // of no operations is refused.
    let only_event_streams = "sagemaker-runtime-http2-2025-10-01: com.amazonaws.sagemakerruntimehttp2#AmazonSageMakerRuntimeHttp2: \
        every operation is left out (1 of them); `InvokeEndpointWithBidirectionalStream`";
    assert_eq!(failures.len(), 1, "services that do not generate:\n{}", failures.join("\n"));
    assert!(failures[0].starts_with(only_event_streams), "{}", failures[0]);
}
