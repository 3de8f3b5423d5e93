"""Reads cargo's JSON messages for the sweep workspace; prints the first error (or warning) of
each failing crate and `N/M compile`; exits 1 if any crate failed. A crate compiles only if
cargo reports its artifact and no diagnostic for it: one cargo never reached (a dependency that
failed, or cargo itself stopping) is a failure too."""

import json
import sys

messages, members, mode = sys.argv[1], sys.argv[2].split(), sys.argv[3]
first = {}
built = set()
with open(messages, encoding="utf-8") as lines:
    for line in lines:
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        # package_id: path+file:///.../crates/<crate>#<version> (or #<name>@<version>)
        crate = message.get("package_id", "").split("#")[0].rsplit("/", 1)[-1]
        if message.get("reason") == "compiler-artifact":
            built.add(crate)
        if message.get("reason") != "compiler-message":
            continue
        diagnostic = message["message"]
        if diagnostic["level"] in ("error", "warning") and crate not in first:
            first[crate] = diagnostic["rendered"].strip().splitlines()[0]

for crate in members:
    if crate not in built and crate not in first:
        first[crate] = "not compiled: cargo reported neither an artifact nor an error for it"
failed = sorted(first)
for crate in failed:
    print(f"FAIL {crate}: {first[crate]}")
ok = len(members) - len(failed)
print(f"aws-models {mode}: {ok}/{len(members)} compile" + ("" if mode == "check" else " (clippy -D warnings, all features)"))
sys.exit(1 if failed else 0)
