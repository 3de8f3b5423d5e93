//! Generator speed: load, resolve and emit (formatting included, nothing written) for
//! model/ and for all 89 operations of the official WorkSpaces model.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use smithy_bind::Generator;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate in memory");
    group.sample_size(20);
    let seed_model = Generator::new().model(workspace().join("model/workspaces.json"));
    group.bench_function("model/ (RegisterWorkspaceDirectory)", |b| b.iter(|| seed_model.render().unwrap()));
    let official = workspace().join("../shared/models/workspaces-2015-04-08.json");
    if official.exists() {
        let all = Generator::new().model(&official);
        assert_eq!(all.render().unwrap().iter().filter(|f| f.path.ends_with("/mod.rs") && f.path.starts_with("src/operation/") && f.path.matches('/').count() == 3).count(), 89);
        group.bench_function("official model, all 89 operations", |b| b.iter(|| all.render().unwrap()));
    } else {
        eprintln!("{} is missing; skipping the whole-service generator benchmark", official.display());
    }
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
