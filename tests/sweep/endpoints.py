#!/usr/bin/env python3
"""Runs the endpoint tests (`smithy.rules#endpointTests`) of the awsJson and restJson1 services
of ../shared/aws-models/ against the resolvers smithy-bind compiles from their rule sets.

    python3 tests/sweep/endpoints.py            every awsJson and restJson1 service
    python3 tests/sweep/endpoints.py --sample   CI's fixed sample

SWEEP_ONLY=restJson1 (or awsJson1_) keeps the services of that protocol.

Each service is generated with one operation (the resolver does not depend on operations)
into one scratch Cargo workspace; the crates' unit tests under `endpoint::tests` are built
once and each test binary is run. A case counts as passing only if its test ran and passed:
the expected count per service is INDEX.tsv's, so a case the generator did not emit, or a
crate that did not generate or compile, counts against the total. Prints failing cases, then
`endpoint tests (<protocol>): N/M pass` per protocol and overall; exits 1 if any case failed.
SWEEP_DIR keeps the generated crates and build output (default: a temporary directory).
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODELS = os.path.join(ROOT, "..", "shared", "aws-models")

# Both awsJson protocols; the rules that call more than aws.partition (dynamodb: parseArn,
# isValidHostLabel and account-id endpoints; kinesis: parseArn and substring; eventbridge:
# isValidHostLabel); the services with the most cases; WorkSpaces' newest model.
SAMPLE = ["dynamodb", "kinesis", "eventbridge", "iotsecuretunneling", "kms", "wafv2", "health",
          "cognito-identity-provider", "workspaces", "secrets-manager", "cloudwatch", "ssm",
          # restJson1: Lambda, EKS and the WorkSpaces family.
          "lambda", "eks", "workspaces-web"]
PROTOCOLS = ("awsJson1_0", "awsJson1_1", "restJson1")


def index_rows():
    with open(os.path.join(MODELS, "INDEX.tsv"), encoding="utf-8") as index:
        header = index.readline().rstrip("\n").split("\t")
        for line in index:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


def in_sample(stem):
    return any(re.fullmatch(rf"{re.escape(name)}-\d{{4}}-\d{{2}}-\d{{2}}", stem) for name in SAMPLE)


def operations_of(model, service_id):
    """The service's operations, its resources' included, sorted by name."""
    shapes = model["shapes"]
    found, pending = set(), [service_id]
    while pending:
        shape = shapes.get(pending.pop(), {})
        for key in ("operations", "collectionOperations"):
            found.update(target["target"] for target in shape.get(key, []))
        for key in ("create", "put", "read", "update", "delete", "list"):
            if key in shape:
                found.add(shape[key]["target"])
        pending.extend(target["target"] for target in shape.get("resources", []))
    return sorted(name.split("#")[1] for name in found)


def generate(generator, model_path, service_id, stem, out, model):
    """Generates the crate with the first operation that generates; returns the error text
    of the last attempt when none does."""
    error = "the service has no operations"
    for operation in operations_of(model, service_id)[:5]:
        result = subprocess.run(
            [generator, "generate", "--model", model_path, "--service", service_id,
             "--operation", operation, "--out", out, "--crate-name", stem],
            capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return None
        error = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
    return error


def main():
    sample = "--sample" in sys.argv[1:]
    work = os.environ.get("SWEEP_DIR") or tempfile.mkdtemp()
    keep = bool(os.environ.get("SWEEP_DIR"))
    try:
        return sweep(work, sample)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def sweep(work, sample):
    os.makedirs(os.path.join(work, "models"), exist_ok=True)
    os.makedirs(os.path.join(work, "crates"), exist_ok=True)
    subprocess.run(["cargo", "build", "-q", "--locked", "-p", "smithy-bind-cli"], cwd=ROOT, check=True)
    generator = os.path.join(ROOT, "target", "debug", "smithy-bind")

    services = []  # (stem, protocol, expected cases)
    problems = defaultdict(list)
    members = []
    for row in index_rows():
        only = os.environ.get("SWEEP_ONLY", "")
        protocols = [p for p in row["protocols"].split(",") if p in PROTOCOLS and p.startswith(only)]
        stem = row["file"][: -len(".json.gz")]
        if not protocols or (sample and not in_sample(stem)):
            continue
        services.append((stem, protocols[0], int(row["endpoint_tests"])))
        with gzip.open(os.path.join(MODELS, row["file"]), "rt", encoding="utf-8") as compressed:
            text = compressed.read()
        model_path = os.path.join(work, "models", stem + ".json")
        with open(model_path, "w", encoding="utf-8") as out:
            out.write(text)
        error = generate(generator, model_path, row["service"], stem, os.path.join(work, "crates", stem), json.loads(text))
        if error:
            problems[stem].append(f"does not generate: {error}")
        else:
            members.append(stem)
    with open(os.path.join(work, "crates", "Cargo.toml"), "w", encoding="utf-8") as manifest:
        manifest.write('[workspace]\nresolver = "2"\nmembers = [%s]\n' % ", ".join(f'"{m}"' for m in members))
    print(f"generated {len(members)} of {len(services)} crates in {work}/crates", flush=True)

    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(work, "target"))
    build = subprocess.run(
        ["cargo", "test", "--offline", "--no-run", "--workspace", "--lib", "--no-fail-fast",
         "--message-format=json", "--manifest-path", os.path.join(work, "crates", "Cargo.toml")],
        capture_output=True, text=True, env=env, check=False)
    executables = {}
    for line in build.stdout.splitlines():
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        crate = message.get("package_id", "").split("#")[0].rsplit("/", 1)[-1]
        if message.get("reason") == "compiler-artifact" and message.get("executable") and message["profile"]["test"]:
            executables[crate] = message["executable"]
        elif message.get("reason") == "compiler-message" and message["message"]["level"] == "error":
            if not problems[crate]:
                problems[crate].append("does not compile: " + message["message"]["rendered"].strip().splitlines()[0])

    passed = {}
    for stem in members:
        if stem not in executables:
            if not problems[stem]:
                problems[stem].append("built no test binary")
            continue
        run = subprocess.run([executables[stem], "endpoint::tests::", "--test-threads=2"],
                             capture_output=True, text=True, check=False)
        result = re.search(r"test result: \w+\. (\d+) passed; (\d+) failed", run.stdout)
        passed[stem] = int(result.group(1)) if result else 0
        for failure in re.findall(r"^test endpoint::tests::(\S+) \.\.\. FAILED$", run.stdout, re.M):
            problems[stem].append(f"fails {failure}")

    totals = defaultdict(lambda: [0, 0])
    for stem, protocol, expected in services:
        ok = min(passed.get(stem, 0), expected)
        if passed.get(stem, 0) != expected and not problems[stem]:
            problems[stem].append(f"ran {passed.get(stem, 0)} passing cases, INDEX.tsv lists {expected}")
        for key in (protocol, "all"):
            totals[key][0] += ok
            totals[key][1] += expected
    for stem in sorted(problems):
        for problem in problems[stem][:5]:
            print(f"FAIL {stem}: {problem}")
        if len(problems[stem]) > 5:
            print(f"FAIL {stem}: ... and {len(problems[stem]) - 5} more")
    scope = "sample of " if sample else ""
    for key in sorted(k for k in totals if k != "all"):
        print(f"endpoint tests ({key}): {totals[key][0]}/{totals[key][1]} pass")
    ok, total = totals["all"]
    print(f"endpoint tests ({scope}{len(services)} services): {ok}/{total} pass")
    return 0 if ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
