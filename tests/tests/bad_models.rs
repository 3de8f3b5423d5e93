//! Malformed models (tests/fixtures/bad-models/) each give an error that names the shape id
//! or JSON location and the problem, never a panic. The messages are held as a snapshot.

use std::path::PathBuf;

use smithy_bind::Generator;
use smithy_bind_tests::workspace_root;

fn bad_models() -> Vec<PathBuf> {
    let dir = workspace_root().join("tests/fixtures/bad-models");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_bad_model_gives_a_clear_error() {
    let paths = bad_models();
    let mut report = String::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = Generator::new().model(path).model_label(format!("bad-models/{name}")).render();
        let error = match result {
            Ok(files) => panic!("{name} generated {} files instead of failing", files.len()),
            Err(error) => error.to_string(),
        };
        assert!(!error.is_empty(), "{name}");
        report.push_str(&format!("{name}\n  {error}\n"));
    }
    println!("bad models: {} checked, each rejected with a message, no panics", paths.len());
    assert!(paths.len() >= 15, "the corpus has {} models", paths.len());
    insta::assert_snapshot!(report);
}
