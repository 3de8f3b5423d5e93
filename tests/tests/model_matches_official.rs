//! model/workspaces.json states the same shape facts as the official WorkSpaces model.
//!
//! Every shape in model/ must equal the official shape of the same id once documentation is
//! set aside. The only other differences allowed are named here: the request omits the two
//! members the user's API reference does not document, the service carries only the
//! operations we generate, and its endpoint tests are the newest official model's (the rule
//! set is the same; four April 2025 cases contradict today's partitions, see below).

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use smithy_bind_tests::{aws_models, shared_file, workspace_root};

const NS: &str = "com.amazonaws.workspaces#";
const REQUEST: &str = "com.amazonaws.workspaces#RegisterWorkspaceDirectoryRequest";
const SERVICE: &str = "com.amazonaws.workspaces#WorkspacesService";
const OMITTED_REQUEST_MEMBERS: [&str; 2] = ["IdcInstanceArn", "MicrosoftEntraConfig"];
const ENDPOINT_TESTS: &str = "smithy.rules#endpointTests";

fn shapes(path: &std::path::Path) -> Map<String, Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut model: Value = serde_json::from_str(&text).unwrap();
    model["shapes"].take().as_object().unwrap().clone()
}

fn ours() -> Map<String, Value> {
    shapes(&workspace_root().join("model/workspaces.json"))
}

fn official() -> Map<String, Value> {
    shapes(&shared_file("models/workspaces-2015-04-08.json"))
}

/// The WorkSpaces service shape of the newest official model (../shared/aws-models/).
fn newest_official_service() -> Value {
    let model = aws_models().into_iter().find(|model| model.service == SERVICE).unwrap().load();
    model["shapes"][SERVICE].clone()
}

/// Removes documentation traits at every depth (and the endpoint rules' `documentation`
/// fields), and `traits` objects left empty.
fn without_docs(value: &Value) -> Value {
    match value {
        Value::Object(object) => {
            let mut out = Map::new();
            for (key, inner) in object {
                if key == "smithy.api#documentation" || key == "documentation" {
                    continue;
                }
                let inner = without_docs(inner);
                if key == "traits" && inner.as_object().is_some_and(Map::is_empty) {
                    continue;
                }
                out.insert(key.clone(), inner);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(without_docs).collect()),
        other => other.clone(),
    }
}

/// Shape ids RegisterWorkspaceDirectory reaches in the official model, not following the
/// omitted request members.
fn documented_closure(official: &Map<String, Value>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending = vec![format!("{NS}RegisterWorkspaceDirectory")];
    while let Some(id) = pending.pop() {
        if id.starts_with("smithy.api#") || !found.insert(id.clone()) {
            continue;
        }
        let shape = &official[&id];
        for key in ["input", "output", "member", "key", "value"] {
            if let Some(target) = shape[key]["target"].as_str() {
                pending.push(target.to_owned());
            }
        }
        for error in shape["errors"].as_array().into_iter().flatten() {
            pending.push(error["target"].as_str().unwrap().to_owned());
        }
        if shape["type"] != "enum" {
            for (name, member) in shape["members"].as_object().into_iter().flatten() {
                if id == REQUEST && OMITTED_REQUEST_MEMBERS.contains(&name.as_str()) {
                    continue;
                }
                pending.push(member["target"].as_str().unwrap().to_owned());
            }
        }
    }
    found
}

#[test]
fn model_holds_exactly_the_documented_closure_and_the_service() {
    let official = official();
    let mut expected = documented_closure(&official);
    expected.insert(SERVICE.to_owned());
    let ours: BTreeSet<String> = ours().keys().cloned().collect();
    assert_eq!(ours, expected);
}

#[test]
fn every_shape_matches_the_official_shape_apart_from_documentation() {
    let official = official();
    let mut differences = Vec::new();
    for (id, shape) in ours() {
        if id == SERVICE {
            continue;
        }
        let mut theirs = without_docs(&official[&id]);
        if id == REQUEST {
            let members = theirs["members"].as_object_mut().unwrap();
            for omitted in OMITTED_REQUEST_MEMBERS {
                assert!(members.shift_remove(omitted).is_some(), "official request lost {omitted}");
            }
        }
        let ours = without_docs(&shape);
        if ours != theirs {
            differences.push(format!("{id}:\n  ours:     {ours}\n  official: {theirs}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn member_order_matches_the_official_order() {
    // Serialization writes members in model order, so order is a wire-format fact too.
    let official = official();
    for (id, shape) in ours() {
        let Some(members) = shape["members"].as_object() else { continue };
        let ours: Vec<&String> = members.keys().collect();
        let theirs: Vec<&String> = official[&id]["members"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|name| id != REQUEST || !OMITTED_REQUEST_MEMBERS.contains(&name.as_str()))
            .collect();
        assert_eq!(ours, theirs, "member order of {id}");
    }
}

#[test]
fn service_matches_apart_from_operations_and_endpoint_tests() {
    let ours = without_docs(&ours()[SERVICE]);
    let theirs = without_docs(&official()[SERVICE]);
    assert_eq!(ours["type"], theirs["type"]);
    assert_eq!(ours["version"], theirs["version"]);
    let our_traits = ours["traits"].as_object().unwrap();
    let their_traits = theirs["traits"].as_object().unwrap();
    let our_names: Vec<&String> = our_traits.keys().collect();
    let their_names: Vec<&String> = their_traits.keys().collect();
    assert_eq!(our_names, their_names, "service traits of model/ and the official model");
    for (name, value) in our_traits {
        if name != ENDPOINT_TESTS {
            assert_eq!(Some(value), their_traits.get(name), "service trait {name}");
        }
    }
    let newest = without_docs(&newest_official_service());
    assert_eq!(our_traits[ENDPOINT_TESTS], newest["traits"][ENDPOINT_TESTS], "endpoint tests = the newest official model's");
    let official_operations = theirs["operations"].as_array().unwrap();
    for operation in ours["operations"].as_array().unwrap() {
        assert!(official_operations.contains(operation), "{operation} is not an official operation");
    }
    assert_eq!(our_traits["aws.protocols#awsJson1_1"], serde_json::json!({}));
    assert_eq!(our_traits["aws.auth#sigv4"]["name"], "workspaces");
    assert_eq!(our_traits["aws.api#service"]["sdkId"], "WorkSpaces");
}

/// The April 2025 model has four endpoint cases more than the newest one. Each expects
/// dual-stack to be refused in an ISO partition, and each contradicts the partitions.json the
/// resolver is built from, where that partition now supports dual-stack: so model/ takes the
/// newest model's cases, which agree with it.
#[test]
fn the_april_2025_endpoint_cases_left_out_contradict_todays_partitions() {
    let cases = |service: &Value| -> Vec<Value> {
        without_docs(&service["traits"][ENDPOINT_TESTS])["testCases"].as_array().unwrap().clone()
    };
    let newest = cases(&newest_official_service());
    let april = cases(&official()[SERVICE]);
    let dropped: Vec<&Value> = april.iter().filter(|case| !newest.contains(case)).collect();
    assert_eq!(april.len(), 40);
    assert_eq!(newest.len(), 36);
    assert!(newest.iter().all(|case| april.contains(case)), "the newest cases are a subset");
    let partitions: Value =
        serde_json::from_str(&std::fs::read_to_string(shared_file("aws-sdk-data/partitions.json")).unwrap()).unwrap();
    let mut regions = Vec::new();
    for case in dropped {
        let region = case["params"]["Region"].as_str().unwrap();
        assert_eq!(case["params"]["UseDualStack"], true, "{case}");
        assert!(case["expect"]["error"].as_str().unwrap().contains("DualStack"), "{case}");
        let partition = partitions["partitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|partition| partition["regions"].get(region).is_some())
            .unwrap();
        assert_eq!(partition["outputs"]["supportsDualStack"], true, "{region} now supports dual-stack");
        regions.push(format!("{region} ({})", partition["id"].as_str().unwrap()));
    }
    regions.sort();
    assert_eq!(
        regions,
        ["us-iso-east-1 (aws-iso)", "us-iso-east-1 (aws-iso)", "us-isob-east-1 (aws-iso-b)", "us-isob-east-1 (aws-iso-b)"]
    );
}

#[test]
fn documentation_is_our_own() {
    let official = official();
    for (id, shape) in ours() {
        let ours = shape["traits"]["smithy.api#documentation"].as_str();
        assert!(ours.is_some_and(|doc| !doc.is_empty()), "{id} has no documentation");
        assert_ne!(ours, official[&id]["traits"]["smithy.api#documentation"].as_str(), "{id}");
    }
}
