//! The generator on thousands of broken variants of the official WorkSpaces model: each run
//! returns files or an error, never panics, and finishes within a time bound.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;
use smithy_bind::Generator;
use smithy_bind_tests::shared_file;

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
                let mut mutated = model.clone();
                match &mutation {
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
                            "com.amazonaws.workspaces#DoesNotExist".to_owned()
                        };
                        *mutated.pointer_mut(&targets[at.index(targets.len())]).unwrap() = Value::from(new_target);
                    }
                    Mutation::Truncate(_) => unreachable!(),
                }
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
