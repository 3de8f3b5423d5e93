//! The generator's output depends on the model's content, not on the order of its shapes,
//! members of the `shapes` object, or the run: byte-identical files every time.

use serde_json::{Map, Value};
use smithy_bind::Generator;
use smithy_bind_tests::shared_file;

/// The model with its shapes in another order (a fixed permutation, so the test is stable).
fn shuffled(model: &Value, seed: u64) -> Value {
    let mut entries: Vec<(String, Value)> =
        model["shapes"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut state = seed;
    for i in (1..entries.len()).rev() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        entries.swap(i, (state >> 33) as usize % (i + 1));
    }
    let mut copy = model.clone();
    copy["shapes"] = Value::Object(entries.into_iter().collect::<Map<_, _>>());
    copy
}

#[test]
fn shuffled_shapes_generate_identical_files() {
    let text = std::fs::read_to_string(shared_file("models/workspaces-2015-04-08.json")).unwrap();
    let model: Value = serde_json::from_str(&text).unwrap();
    let generator = Generator::new().model_label("workspaces-2015-04-08.json");
    let original = generator.render_json(&model).unwrap();
    let reordered = shuffled(&model, 7);
    assert_ne!(
        reordered["shapes"].as_object().unwrap().keys().take(5).collect::<Vec<_>>(),
        model["shapes"].as_object().unwrap().keys().take(5).collect::<Vec<_>>(),
        "the shuffle changed the order"
    );
    let again = generator.render_json(&reordered).unwrap();
    assert_eq!(original.len(), again.len());
    for (a, b) in original.iter().zip(&again) {
        assert_eq!(a.path, b.path);
        assert!(a.contents == b.contents, "{} differs after shuffling the shapes", a.path);
    }
    assert_eq!(generator.render_json(&model).unwrap(), original, "a second run differs");
}
