//! Generates all 89 operations of the official WorkSpaces model from its JSON text in
//! memory, ten times, for profiling: `perf record -g target/release/examples/generator_profile`.

use std::hint::black_box;
use std::path::PathBuf;

use smithy_bind::Generator;

fn main() {
    let model = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/models/workspaces-2015-04-08.json");
    let text = std::fs::read_to_string(&model).unwrap_or_else(|error| panic!("{}: {error}", model.display()));
    let generator = Generator::new();
    for _ in 0..10 {
        let json: serde_json::Value = serde_json::from_str(black_box(&text)).expect("the model is JSON");
        black_box(generator.render_json(&json).expect("the model generates"));
    }
}
