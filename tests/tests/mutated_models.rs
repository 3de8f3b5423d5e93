//! The generator on thousands of broken variants of the official WorkSpaces model, and on
//! broken variants of other services' official models: each run returns files or an error
//! that names where the problem is, never panics, and finishes within a time bound.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;
use smithy_bind::Generator;
use smithy_bind_tests::{aws_models, shared_file, AwsModel};

const CASES: usize = 2_000;
const TIME_BOUND: Duration = Duration::from_secs(10);

#[derive(Clone, Debug)]
enum Mutation {
    DeleteKey(Index),
    ChangeType(Index, u8),
    Retarget(Index, Index, bool),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteKey),
        (any::<Index>(), 0u8..6).prop_map(|(at, kind)| Mutation::ChangeType(at, kind)),
        (any::<Index>(), any::<Index>(), any::<bool>()).prop_map(|(at, to, exists)| Mutation::Retarget(at, to, exists)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// JSON pointers to every value in the model, and to every member's `target`.
fn pointers(value: &Value, at: String, all: &mut Vec<String>, targets: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if key == "target" {
                    targets.push(path.clone());
                }
                all.push(path.clone());
                pointers(inner, path, all, targets);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                let path = format!("{at}/{index}");
                all.push(path.clone());
                pointers(inner, path, all, targets);
            }
        }
        _ => {}
    }
}

fn parent_and_key(pointer: &str) -> (&str, String) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    (parent, key.replace("~1", "/").replace("~0", "~"))
}

/// `model` with one mutation applied (all but truncation, which works on the text).
fn mutate(model: &Value, mutation: &Mutation, all: &[String], targets: &[String], shape_ids: &[&String], missing: &str) -> Value {
    let mut mutated = model.clone();
    match mutation {
        Mutation::DeleteKey(at) => {
            let (parent, key) = parent_and_key(&all[at.index(all.len())]);
            match mutated.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.shift_remove(&key);
                }
                Some(Value::Array(items)) => {
                    let index: usize = key.parse().unwrap();
                    items.remove(index);
                }
                _ => {}
            }
        }
        Mutation::ChangeType(at, kind) => {
            let replacement = match kind {
                0 => Value::Null,
                1 => Value::from(42),
                2 => Value::from("text"),
                3 => Value::Array(Vec::new()),
                4 => Value::Bool(true),
                _ => Value::Object(Default::default()),
            };
            *mutated.pointer_mut(&all[at.index(all.len())]).unwrap() = replacement;
        }
        Mutation::Retarget(at, to, exists) => {
            let new_target = if *exists {
                shape_ids[to.index(shape_ids.len())].clone()
            } else {
                missing.to_owned()
            };
            *mutated.pointer_mut(&targets[at.index(targets.len())]).unwrap() = Value::from(new_target);
        }
        Mutation::Truncate(_) => unreachable!(),
    }
    mutated
}

#[test]
fn mutated_official_models_never_panic() {
    let text = std::fs::read_to_string(shared_file("models/workspaces-2015-04-08.json")).unwrap();
    let model: Value = serde_json::from_str(&text).unwrap();
    let (mut all, mut targets) = (Vec::new(), Vec::new());
    pointers(&model, String::new(), &mut all, &mut targets);
    let shape_ids: Vec<&String> = model["shapes"].as_object().unwrap().keys().collect();
    let operations: Vec<&str> = model["shapes"]["com.amazonaws.workspaces#WorkspacesService"]["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| op["target"].as_str().unwrap().rsplit('#').next().unwrap())
        .collect();

    let seed = *b"smithy-bindgen mutated models!!!";
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let strategy = (mutation(), any::<Index>());
    let (mut generated, mut rejected, mut slowest) = (0, 0, Duration::ZERO);
    for case in 0..CASES {
        let (mutation, operation) = strategy.new_tree(&mut runner).unwrap().current();
        let operation = operations[operation.index(operations.len())];
        let started = Instant::now();
        let result = match &mutation {
            Mutation::Truncate(at) => {
                let cut = at.index(text.len());
                let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                smithy_bind::model::load_json_ast(&text[..cut], "truncated").map(|_| Vec::new())
            }
            _ => {
                let mutated = mutate(&model, &mutation, &all, &targets, &shape_ids, "com.amazonaws.workspaces#DoesNotExist");
                Generator::new().operation(operation).render_json(&mutated)
            }
        };
        let elapsed = started.elapsed();
        slowest = slowest.max(elapsed);
        assert!(elapsed < TIME_BOUND, "case {case} ({mutation:?}) took {elapsed:?}");
        match result {
            Ok(_) => generated += 1,
            Err(error) => {
                assert!(!error.to_string().is_empty(), "case {case}: an empty error message");
                rejected += 1;
            }
        }
    }
    println!(
        "mutated models: {CASES} cases ({generated} generated, {rejected} rejected with an error), \
         0 panics, slowest {slowest:.2?}"
    );
}

const OTHER_SERVICE_CASES: usize = 200;

/// The ids of the shapes `operation` reaches (with the service shape), found by following
/// every `target` in the JSON, so that mutations land where the generator looks.
fn reachable(model: &Value, service: &str, operation: &str) -> Vec<String> {
    let shapes = model["shapes"].as_object().unwrap();
    let mut seen = vec![service.to_owned()];
    let mut pending = vec![operation.to_owned()];
    while let Some(id) = pending.pop() {
        if seen.contains(&id) {
            continue;
        }
        let Some(shape) = shapes.get(&id) else { continue };
        seen.push(id);
        let (mut all, mut targets) = (Vec::new(), Vec::new());
        pointers(shape, String::new(), &mut all, &mut targets);
        pending.extend(targets.iter().filter_map(|t| shape.pointer(t)?.as_str().map(str::to_owned)));
    }
    seen.sort();
    seen
}

#[test]
fn mutated_models_of_other_services_fail_with_errors_that_name_the_shape() {
    let services: Vec<AwsModel> =
        aws_models().into_iter().filter(|m| m.speaks_aws_json() && !m.file.starts_with("workspaces-")).collect();
    let seed = *b"smithy-bind other services mutat";
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let without_truncation = prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteKey),
        (any::<Index>(), 0u8..6).prop_map(|(at, kind)| Mutation::ChangeType(at, kind)),
        (any::<Index>(), any::<Index>(), any::<bool>()).prop_map(|(at, to, exists)| Mutation::Retarget(at, to, exists)),
    ];
    let strategy = (any::<Index>(), any::<Index>(), without_truncation);
    let mut loaded: std::collections::BTreeMap<String, Value> = std::collections::BTreeMap::new();
    let (mut generated, mut rejected, mut services_seen) = (0, 0, std::collections::BTreeSet::new());
    for case in 0..OTHER_SERVICE_CASES {
        let (service, operation, mutation) = strategy.new_tree(&mut runner).unwrap().current();
        let service = &services[service.index(services.len())];
        services_seen.insert(service.stem().to_owned());
        let model = loaded.entry(service.file.clone()).or_insert_with(|| service.load());
        let operations: Vec<String> = model["shapes"][&service.service]["operations"]
            .as_array()
            .map(|ops| ops.iter().filter_map(|op| op["target"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        if operations.is_empty() {
            continue;
        }
        let operation = &operations[operation.index(operations.len())];
        // Pointers into the shapes the operation reaches, so that most mutations matter.
        let (mut all, mut targets) = (Vec::new(), Vec::new());
        for id in reachable(model, &service.service, operation) {
            let at = format!("/shapes/{}", id.replace('~', "~0").replace('/', "~1"));
            pointers(&model["shapes"][&id], at, &mut all, &mut targets);
        }
        let shape_ids: Vec<&String> = model["shapes"].as_object().unwrap().keys().collect();
        let missing = format!("{}DoesNotExist", service.service);
        let mutated = mutate(model, &mutation, &all, &targets, &shape_ids, &missing);
        let name = operation.rsplit('#').next().unwrap();
        match Generator::new().report_warnings(false).operation(name).render_json(&mutated) {
            Ok(_) => generated += 1,
            Err(error) => {
                rejected += 1;
                let text = error.to_string();
                let names_a_shape = matches!(&error, smithy_bind::Error::Model { location, .. } | smithy_bind::Error::Unsupported { location, .. }
                    if location.contains('#') || location.starts_with("the model"));
                assert!(names_a_shape, "case {case} ({}, {name}, {mutation:?}): the error names no shape: {text}", service.stem());
            }
        }
    }
    println!(
        "mutated models of other services: {OTHER_SERVICE_CASES} cases over {} services \
         ({generated} generated, {rejected} rejected with an error naming the shape), 0 panics",
        services_seen.len()
    );
}
