//! The endpoint rules compiler against every official model, and the partitions it embeds
//! against botocore's partitions.json.

use smithy_bind::endpoint::{partitions, resolve_endpoints};
use smithy_bind::model::{load_json_value, ShapeId};
use smithy_bind_tests::{aws_models, shared_file};

#[test]
fn every_rule_set_of_the_official_models_compiles_but_s3s() {
    let embedded = partitions::load(partitions::EMBEDDED, "embedded").unwrap();
    let (mut compiled, mut cases, mut failures) = (0, 0, Vec::new());
    let models = aws_models();
    for model in &models {
        let loaded = load_json_value(&model.load()).unwrap();
        let shape = loaded.shape(&ShapeId::parse(&model.service).unwrap()).unwrap();
        match resolve_endpoints(&model.service, &shape.traits, &embedded) {
            Ok(Some(endpoints)) => {
                compiled += 1;
                cases += endpoints.cases.len();
            }
            Ok(None) => failures.push(format!("{}: no rule set", model.file)),
            Err(error) => failures.push(format!("{}: {error}", model.file)),
        }
    }
    println!("endpoint rule sets: {compiled}/{} compile ({cases} test cases)", models.len());
    // S3's rules need aws.isVirtualHostableS3Bucket, which comes with restXml.
    assert_eq!(
        failures,
        ["s3-2006-03-01.json.gz: com.amazonaws.s3#AmazonS3 smithy.rules#endpointRuleSet at \
          rules[0].rules[5].rules[1].rules[0].rules[1].conditions[0]: calls the rules-engine function \
          `aws.isVirtualHostableS3Bucket`, which smithy-bind does not support"]
    );
    assert_eq!(cases, 13_878 - 392, "every case INDEX.tsv counts but S3's 392");
}

#[test]
fn the_embedded_partitions_are_the_facts_of_botocores_partitions_json() {
    let shared = std::fs::read_to_string(shared_file("aws-sdk-data/partitions.json")).unwrap();
    let theirs = partitions::load(&shared, "shared").unwrap();
    let ours = partitions::load(partitions::EMBEDDED, "embedded").unwrap();
    assert_eq!(ours, theirs, "codegen/src/endpoint/partitions.json differs from ../shared/aws-sdk-data/partitions.json");
    assert!(!partitions::EMBEDDED.contains("description"), "the embedded copy keeps facts only");
}
