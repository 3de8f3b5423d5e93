#!/usr/bin/env bash
# Build footprint, side by side: a minimal binary that builds and serializes one
# RegisterWorkspaceDirectory request, once with generated/ and once with aws-sdk-workspaces
# from the crates registry. Reports clean build wall time (debug and release), packages in
# the lock file and release binary size. Not part of the default test run (the SDK build
# takes minutes); run it with `bash tests/footprint/run.sh [SDK_VERSION]`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sdk_version="${1:-1.89.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/ours/src" "$work/sdk/src"
cat > "$work/ours/Cargo.toml" <<TOML
[package]
name = "footprint-ours"
version = "0.0.0"
edition = "2021"

[dependencies]
workspaces-bindings = { path = "$root/generated" }

[workspace]
TOML
cat > "$work/ours/src/main.rs" <<'RUST'
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_bindings::types::Tenancy;

fn main() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .build()
        .expect("input builds");
    let request = RegisterWorkspaceDirectory::serialize_request(&input);
    println!("{}", String::from_utf8_lossy(request.body()));
}
RUST
cat > "$work/sdk/Cargo.toml" <<TOML
[package]
name = "footprint-sdk"
version = "0.0.0"
edition = "2021"

[dependencies]
aws-sdk-workspaces = "=$sdk_version"

[workspace]
TOML
# The SDK serializes inside its client pipeline; building the input and a configured
# client is the least a program that sends this request compiles.
cat > "$work/sdk/src/main.rs" <<'RUST'
use aws_sdk_workspaces::config::{BehaviorVersion, Region};
use aws_sdk_workspaces::operation::register_workspace_directory::RegisterWorkspaceDirectoryInput;
use aws_sdk_workspaces::types::Tenancy;

fn main() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .build()
        .expect("input builds");
    let config = aws_sdk_workspaces::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .build();
    let client = aws_sdk_workspaces::Client::from_conf(config);
    let _request = client.register_workspace_directory().set_directory_id(input.directory_id().map(str::to_owned));
    println!("{input:?}");
}
RUST

seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; }

report() {
  local name="$1" dir="$2"
  (cd "$dir" && cargo fetch -q)
  local packages debug release size
  packages=$(grep -c '^name = ' "$dir/Cargo.lock")
  debug=$(cd "$dir" && seconds cargo build -q --offline)
  rm -rf "$dir/target"
  release=$(cd "$dir" && seconds cargo build -q --offline --release)
  size=$(stat -c %s "$dir/target/release/footprint-$name")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$debug" "$release" "$packages" "$size"
}

echo "machine: $(nproc) cores; $(rustc --version)"
printf 'binary\tclean debug build (s)\tclean release build (s)\tpackages in Cargo.lock\trelease binary (bytes)\n'
report ours "$work/ours"
report sdk "$work/sdk"
