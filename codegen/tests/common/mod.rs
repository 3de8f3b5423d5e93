//! Scratch crates: generated code written to a temporary crate and built with Cargo, so a
//! test covers code that compiles, not only text that looks right.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The manifest of a scratch crate: the features and dependencies `generated/Cargo.toml`
/// declares, under `name`, plus
/// `miniz_oxide`, which bindings for operations with `@requestCompression` need.
pub fn scratch_manifest(name: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [features]\ndefault = [\"validation\"]\nhttp = [\"dep:http\"]\nserde = [\"dep:serde\"]\nvalidation = [\"dep:regex-lite\"]\n\
         sigv4 = [\"dep:hmac\", \"dep:sha2\"]\nclient = [\"sigv4\"]\nblocking = [\"client\"]\nasync = [\"client\"]\nureq = [\"blocking\", \"dep:ureq\"]\n\
         hyper = [\"async\", \"dep:http-body-util\", \"dep:hyper\", \"dep:hyper-rustls\", \"dep:hyper-util\", \"dep:tokio\"]\n\n\
         [dependencies]\nhttp = {{ version = \"1\", optional = true, default-features = false, features = [\"std\"] }}\n\
         hmac = {{ version = \"0.12\", optional = true }}\nsha2 = {{ version = \"0.10\", optional = true, default-features = false }}\n\
         ureq = {{ version = \"3\", optional = true, default-features = false, features = [\"rustls\"] }}\n\
         http-body-util = {{ version = \"0.1\", optional = true }}\nhyper = {{ version = \"1\", optional = true, features = [\"client\", \"http1\"] }}\n\
         hyper-rustls = {{ version = \"0.27\", optional = true, default-features = false, features = [\"http1\", \"ring\", \"webpki-roots\", \"tls12\"] }}\n\
         hyper-util = {{ version = \"0.1\", optional = true, features = [\"client-legacy\", \"http1\", \"tokio\"] }}\n\
         tokio = {{ version = \"1\", optional = true, features = [\"time\"] }}\n\
         regex-lite = {{ version = \"0.1\", optional = true }}\nminiz_oxide = \"0.9\"\n\
         serde = {{ version = \"1\", optional = true, features = [\"derive\"] }}\n\n\
         [workspace]\n"
    )
}

pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs `cargo <args>` on the crate at `crate_dir` with warnings denied, sharing a target
/// directory under the workspace's so repeated runs are incremental.
pub fn cargo(crate_dir: &Path, target_name: &str, args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args(args)
        .args(["--offline", "--quiet", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", workspace().join("target").join(target_name))
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings");
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
