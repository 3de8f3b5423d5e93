#!/usr/bin/env bash
# What a regex engine costs a crate: for regex-lite and regex, a crate with one Regex::new
# call, built clean in debug and release; prints packages and wall times. Not part of the
# test run; `bash tests/footprint/regex-engines.sh`.
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; }
printf 'engine\tpackages\tclean debug build (s)\tclean release build (s)\n'
for engine in regex-lite regex; do
  dir="$work/$engine"
  mkdir -p "$dir/src"
  version=$([ "$engine" = regex ] && echo 1 || echo 0.1)
  printf '[package]\nname = "regex-cost"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s = "%s"\n\n[workspace]\n' "$engine" "$version" > "$dir/Cargo.toml"
  crate=${engine//-/_}
  echo "pub fn matches(s: &str) -> bool { $crate::Regex::new(\"^[a-z]+\$\").map(|r| r.is_match(s)).unwrap_or(false) }" > "$dir/src/lib.rs"
  (cd "$dir" && cargo fetch -q)
  packages=$(cd "$dir" && cargo tree -q -e normal --prefix none | sort -u | wc -l)
  debug=$(cd "$dir" && seconds cargo build -q --offline)
  rm -rf "$dir/target"
  release=$(cd "$dir" && seconds cargo build -q --offline --release)
  printf '%s\t%s\t%s\t%s\n' "$engine" "$packages" "$debug" "$release"
done
