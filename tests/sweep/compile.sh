#!/usr/bin/env bash
# Generates the awsJson, rpcv2Cbor and restJson1 services of ../shared/aws-models/ with all
# their operations and compiles each generated crate, all in one Cargo workspace with one target
# directory. A service that declares rpcv2Cbor is generated with `--protocol rpcv2Cbor`, which is
# also its default. SWEEP_ONLY=restJson1 (or awsJson1_, rpcv2Cbor) keeps the services whose
# protocols list names it.
#
#   bash tests/sweep/compile.sh            every such service; `cargo check --all-features`,
#                                          where a warning counts as a failure
#   bash tests/sweep/compile.sh --sample   CI's fixed sample and every service that declares
#                                          rpcv2Cbor (generated with `--protocol rpcv2Cbor`),
#                                          with `cargo clippy -D warnings`
#
# Prints each service that does not generate and why, `N/M generate`, the first error (or
# warning) of each crate that fails, then `N/M compile` (of the crates generated), and exits 1
# if any crate failed to compile. A service that does not generate is not a failure here:
# tests/tests/aws_models_sweep.rs pins which ones those are and why. SWEEP_DIR keeps the generated crates and build output (default: a temporary
# directory, removed afterwards).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
models="$root/../shared/aws-models"

# The services that once failed or warned (see the README), the second largest (ssm), the one
# that compresses requests (cloudwatch) and dynamodb. sagemaker, the largest, once failed too,
# but its clippy run alone takes about two minutes on 2 cores: the full sweep covers it.
sample=(application-discovery-service backup-gateway bcm-pricing-calculator cloudwatch
  cloudwatch-logs codecommit cost-explorer dynamodb frauddetector glue identitystore
  iotfleetwise kendra kinesis ssm verifiedpermissions
  # restJson1: labels, queries, headers and payloads of every kind (lambda, which also has an
  # event-stream operation left out, and glacier), a mid-size service (eks) and the WorkSpaces
  # family (workspaces-web).
  lambda eks glacier workspaces-web)

mode=check
selection=all
if [ "${1:-}" = "--sample" ]; then mode=clippy selection=sample; fi

work="${SWEEP_DIR:-}"
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/models" "$work/crates"

in_sample() {
  local stem="$1" name
  for name in "${sample[@]}"; do
    # A model file is <service>-<yyyy>-<mm>-<dd>.json.gz.
    if [[ "$stem" =~ ^${name}-[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then return 0; fi
  done
  return 1
}

cargo build -q --locked -p smithy-bind-cli
generator="$root/target/debug/smithy-bind"

stems=()
considered=0
while IFS=$'\t' read -r file _service protocols _rest; do
  case "$protocols" in *awsJson1_*|*rpcv2Cbor*|*restJson1*) ;; *) continue ;; esac
  case "$protocols" in *"${SWEEP_ONLY:-}"*) ;; *) continue ;; esac
  stem="${file%.json.gz}"
  protocol=()
  case "$protocols" in *rpcv2Cbor*) protocol=(--protocol rpcv2Cbor) ;; esac
  if [ "$selection" = sample ] && [ ${#protocol[@]} -eq 0 ] && ! in_sample "$stem"; then continue; fi
  gzip -dc "$models/$file" > "$work/models/$stem.json"
  # Warnings (left-out operations, unchecked patterns) are the generator's, not the compiler's;
  # an error (a service none of whose operations can be generated) is printed and counted.
  considered=$((considered + 1))
  if ! "$generator" generate --model "$work/models/$stem.json" --all-operations "${protocol[@]}" \
    --out "$work/crates/$stem" --crate-name "$stem" 2> "$work/generate.err"; then
    echo "NOT GENERATED $stem: $(grep -m1 '^error' "$work/generate.err" || head -n1 "$work/generate.err")"
    continue
  fi
  stems+=("$stem")
done < <(tail -n +2 "$models/INDEX.tsv")
echo "aws-models: ${#stems[@]}/$considered generate"

{
  printf '[workspace]\nresolver = "2"\nmembers = [%s]\n' "$(printf '"%s",' "${stems[@]}")"
} > "$work/crates/Cargo.toml"
echo "generated ${#stems[@]} crates in $work/crates"
# The sweep's dependencies at the versions the project is tested with (its lock file), fetched
# first so the offline build below finds them on a machine that has built nothing yet.
cp Cargo.lock "$work/crates/Cargo.lock"
cargo fetch --manifest-path "$work/crates/Cargo.toml" --quiet

messages="$work/messages.json"
export CARGO_TARGET_DIR="$work/target"
if [ "$mode" = clippy ]; then
  cargo clippy --offline --manifest-path "$work/crates/Cargo.toml" --workspace --all-features \
    --keep-going --message-format=json -- -D warnings > "$messages" || true
else
  cargo check --offline --manifest-path "$work/crates/Cargo.toml" --workspace --all-features \
    --keep-going --message-format=json > "$messages" || true
fi
python3 "$root/tests/sweep/summarize.py" "$messages" "${stems[*]}" "$mode"
