//! Every client case of the awsJson and rpcv2Cbor suites is a generated test, from every model
//! source that has the suite (the JSON AST lacks Smithy's own rpcv2Cbor package): the
//! list in `../shared/protocol-tests/cases-manifest.tsv` and the build script's list must agree,
//! and every skipped case must say why.

use std::collections::BTreeSet;
use std::path::PathBuf;

use protocol_compliance::GENERATED_CASES;

const BOTH: &[&str] = &["json_ast", "idl"];
/// Each suite, its number of client cases, and the model sources it is generated from.
const SUITES: [(&str, usize, &[&str]); 4] = [
    ("awsJson1_1", 119, BOTH),
    ("awsJson1_0", 70, BOTH),
    ("rpcv2Cbor", 72, &["idl"]),
    ("rpcv2Cbor-aws", 4, BOTH),
];
const SOURCES: [&str; 2] = ["json_ast", "idl"];

fn manifest() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/protocol-tests/cases-manifest.tsv");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {} ({e}): the protocol test models are read from ../shared/ beside the repository", path.display())
    })
}

/// `(id, kind)` of the manifest's client cases of `suite`.
fn manifest_cases(manifest: &str, suite: &str) -> BTreeSet<(String, String)> {
    manifest
        .lines()
        .skip(1)
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|fields| fields[0] == suite && fields[4] != "server")
        .map(|fields| (fields[5].to_owned(), fields[3].to_owned()))
        .collect()
}

/// `(id, kind, skip reason)` of the generated tests of `suite` from `source`.
fn generated_cases(source: &str, suite: &str) -> Vec<(String, String, String)> {
    GENERATED_CASES
        .lines()
        .skip(1)
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|fields| fields[0] == source && fields[1] == suite)
        .map(|fields| (fields[4].to_owned(), fields[3].to_owned(), fields[5].to_owned()))
        .collect()
}

#[test]
fn every_client_case_of_the_manifest_is_a_generated_test() {
    let manifest = manifest();
    for source in SOURCES {
        for (suite, expected_total, sources) in SUITES {
            if !sources.contains(&source) {
                assert!(generated_cases(source, suite).is_empty(), "{source} has no {suite} cases to generate");
                continue;
            }
            let wanted = manifest_cases(&manifest, suite);
            assert_eq!(wanted.len(), expected_total, "client cases of {suite} in the manifest");
            let generated = generated_cases(source, suite);
            let have: BTreeSet<(String, String)> =
                generated.iter().map(|(id, kind, _)| (id.clone(), kind.clone())).collect();
            assert_eq!(have.len(), generated.len(), "{source} {suite}: a case was generated twice");
            let missing: Vec<_> = wanted.difference(&have).collect();
            let extra: Vec<_> = have.difference(&wanted).collect();
            assert!(missing.is_empty(), "{source} {suite}: no test for {missing:?}");
            assert!(extra.is_empty(), "{source} {suite}: tests for cases the manifest lacks: {extra:?}");
            let skipped = generated.iter().filter(|(_, _, reason)| !reason.is_empty()).count();
            println!("{source} {suite}: {} client cases, {} run, {skipped} skipped", generated.len(), generated.len() - skipped);
        }
    }
}

#[test]
fn every_skip_names_a_case_and_a_reason() {
    let skips = include_str!("../skipped-cases.tsv");
    for line in skips.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let (id, reason) = line.split_once('\t').expect("a tab between the case id and the reason");
        assert!(reason.split_whitespace().count() >= 5, "the reason for skipping {id} says why");
        // Every source that has the case (restJson1 comes from the JSON AST alone) skips it.
        let rows: Vec<&str> = GENERATED_CASES.lines().filter(|row| row.split('\t').nth(4) == Some(id)).collect();
        assert!(!rows.is_empty(), "{id} is a generated test");
        for row in rows {
            assert!(row.ends_with(reason), "{id} is generated as a skipped test: {row}");
        }
    }
}

/// The restJson1 suite (not in the manifest), from the JSON AST: every one of the 242 client
/// cases of `aws.protocoltests.restjson`, and the 5 of API Gateway and Glacier, is a
/// generated test.
#[test]
fn every_client_case_of_the_rest_json1_suite_is_a_generated_test() {
    let generated = generated_cases("json_ast", "restJson1");
    let skipped = generated.iter().filter(|(_, _, skip)| !skip.is_empty()).count();
    println!("json_ast restJson1: {} client cases, {} run, {skipped} skipped", generated.len(), generated.len() - skipped);
    assert_eq!(generated.len(), 242 + 5);
    let of_service = |service: &str| {
        let prefix = format!("json_ast\trestJson1\t{service}\t");
        GENERATED_CASES.lines().filter(|line| line.starts_with(&prefix)).count()
    };
    assert_eq!(of_service("aws.protocoltests.restjson#RestJson"), 242);
    let service_specific = of_service("com.amazonaws.apigateway#BackplaneControlService") + of_service("com.amazonaws.glacier#Glacier");
    assert_eq!(service_specific, 5, "client cases of API Gateway and Glacier");
    for kind in ["request", "response", "error"] {
        let count = generated.iter().filter(|(_, k, _)| k == kind).count();
        println!("  {kind}: {count}");
    }
}
