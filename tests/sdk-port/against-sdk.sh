#!/usr/bin/env bash
# Builds and runs tests/sdk-port/src/main.rs against the real aws-sdk-workspaces 1.144.0 from
# crates.io, to show the program is written against the SDK's API: the same file then runs
# against our bindings in `cargo test -p sdk-port`, with only the crate path changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/src"
cp "$here/src/main.rs" "$scratch/src/main.rs"
cat > "$scratch/Cargo.toml" <<'TOML'
[package]
name = "sdk-port-against-sdk"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
aws-sdk-workspaces = "=1.144.0"
TOML
# A target directory of its own (kept between runs when SDK_PORT_TARGET is set).
export CARGO_TARGET_DIR="${SDK_PORT_TARGET:-$scratch/target}"
cd "$scratch"
cargo run --quiet
