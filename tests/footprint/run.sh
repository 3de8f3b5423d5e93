#!/usr/bin/env bash
# Build footprint, side by side. Four minimal programs, each its own crate in a temporary
# directory:
#   serialize        builds and serializes one RegisterWorkspaceDirectory request (generated/)
#   blocking         sends one with generated/'s blocking client (features = ["ureq"])
#   async            sends one with generated/'s async client (features = ["hyper"], tokio)
#   sdk              sends one with aws-sdk-workspaces (default features, tokio)
# Each sending program signs with static credentials and sends to $FOOTPRINT_ENDPOINT
# (default http://127.0.0.1:9, where nothing listens, so each prints its error); it is run
# once after the build to show it works. Reports clean build wall time (debug and release),
# packages in the lock file, and the stripped release binary's size. Not part of the test
# run (the SDK build takes minutes): `bash tests/footprint/run.sh [SDK_VERSION]`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sdk_version="${1:-1.144.0}"
endpoint="${FOOTPRINT_ENDPOINT:-http://127.0.0.1:9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

manifest() {
  local name="$1" dependencies="$2"
  mkdir -p "$work/$name/src"
  printf '[package]\nname = "footprint-%s"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s\n\n[workspace]\n' \
    "$name" "$dependencies" > "$work/$name/Cargo.toml"
}

manifest serialize "workspaces-bindings = { path = \"$root/generated\" }"
cat > "$work/serialize/src/main.rs" <<'RUST'
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

manifest blocking "workspaces-bindings = { path = \"$root/generated\", features = [\"ureq\"] }"
cat > "$work/blocking/src/main.rs" <<'RUST'
use workspaces_bindings::blocking::Client;
use workspaces_bindings::config::{Credentials, RetryConfig};
use workspaces_bindings::types::Tenancy;
use workspaces_bindings::Config;

fn main() {
    let endpoint = std::env::args().nth(1).expect("an endpoint URL");
    let config = Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    let result = Client::from_conf(config)
        .register_workspace_directory()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .send();
    println!("{result:?}");
}
RUST

manifest async "workspaces-bindings = { path = \"$root/generated\", features = [\"hyper\"] }
tokio = { version = \"1\", features = [\"rt\", \"macros\"] }"
cat > "$work/async/src/main.rs" <<'RUST'
use workspaces_bindings::config::{Credentials, RetryConfig};
use workspaces_bindings::types::Tenancy;
use workspaces_bindings::{Client, Config};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let endpoint = std::env::args().nth(1).expect("an endpoint URL");
    let config = Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    let result = Client::from_conf(config)
        .register_workspace_directory()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .send()
        .await;
    println!("{result:?}");
}
RUST

manifest sdk "aws-sdk-workspaces = \"=$sdk_version\"
tokio = { version = \"1\", features = [\"rt\", \"macros\"] }"
cat > "$work/sdk/src/main.rs" <<'RUST'
use aws_sdk_workspaces::config::{BehaviorVersion, Credentials, Region, retry::RetryConfig};
use aws_sdk_workspaces::types::Tenancy;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let endpoint = std::env::args().nth(1).expect("an endpoint URL");
    let config = aws_sdk_workspaces::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "footprint"))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    let result = aws_sdk_workspaces::Client::from_conf(config)
        .register_workspace_directory()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .send()
        .await;
    println!("{result:?}");
}
RUST

# Wall seconds of a command; on failure its output is shown and the script stops.
seconds() {
  local log="$work/build.log"
  if ! /usr/bin/time -o "$work/seconds" -f "%e" "$@" > "$log" 2>&1; then
    cat "$log" >&2
    return 1
  fi
  cat "$work/seconds"
}

report() {
  local name="$1" dir="$work/$1"
  (cd "$dir" && cargo generate-lockfile -q && cargo fetch -q)
  local packages built debug release size
  packages=$(grep -c '^name = ' "$dir/Cargo.lock")
  # What this machine compiles: the host's normal and build dependencies, the program included.
  built=$(cd "$dir" && cargo tree -q --offline -e normal,build --prefix none | sed 's/ .*//' | sort -u | wc -l)
  debug=$(cd "$dir" && seconds cargo build -q --offline)
  rm -rf "$dir/target"
  release=$(cd "$dir" && seconds cargo build -q --offline --release)
  cp "$dir/target/release/footprint-$name" "$work/$name.stripped"
  strip "$work/$name.stripped"
  size=$(stat -c %s "$work/$name.stripped")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$debug" "$release" "$packages" "$built" "$size"
  if [ "$name" != serialize ]; then
    "$dir/target/release/footprint-$name" "$endpoint" | cut -c1-160 >&2
  fi
}

echo "machine: $(nproc) cores; $(rustc --version); aws-sdk-workspaces $sdk_version"
printf 'binary\tclean debug build (s)\tclean release build (s)\tpackages in Cargo.lock\tpackages built\tstripped release binary (bytes)\n'
for name in serialize blocking async sdk; do
  report "$name"
done
