#!/usr/bin/env python3
"""Runs the wire and generator benchmarks several times and prints the README's table.

Each run is `cargo bench -p smithy-bind-benchmarks --bench wire --bench generator`; after
it, criterion's median estimate of every benchmark is read from
target/criterion/*/*/new/estimates.json (the printed middle value is the slope, not the
median). The table gives, per benchmark, the median of the runs' medians, and for each
ratio to a baseline the lowest and highest value it took over the runs.

    python3 benchmarks/report.py [RUNS]      (default 3)
"""

import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"
OURS = "smithy-bind"


def medians(since):
    """{(group, function): median in ns} for every benchmark criterion wrote after `since`
    (results of benchmarks renamed or removed since stay on disk and are left out)."""
    found = {}
    for estimates in CRITERION.glob("*/*/new/estimates.json"):
        if estimates.stat().st_mtime < since:
            continue
        identity = json.loads((estimates.parent / "benchmark.json").read_text())
        median = json.loads(estimates.read_text())["median"]["point_estimate"]
        found[(identity["group_id"], identity["function_id"])] = median
    return found


def run_once():
    started = time.time()
    subprocess.run(
        ["cargo", "bench", "-q", "-p", "smithy-bind-benchmarks", "--bench", "wire", "--bench", "generator"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return medians(started)


def show(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = []
    for number in range(runs):
        print(f"run {number + 1} of {runs} ...", file=sys.stderr)
        results.append(run_once())
    groups = sorted({group for group, _ in results[-1]})
    print("| benchmark | implementation | median (median of runs) | ours ÷ it: median (lowest–highest) over runs |")
    print("| --- | --- | --- | --- |")
    for group in groups:
        functions = sorted((f for g, f in results[-1] if g == group), key=lambda f: (not f.startswith(OURS), f))
        ours = [f for f in functions if f.startswith(OURS)]
        for function in functions:
            times = [run[(group, function)] for run in results if (group, function) in run]
            ratio = ""
            if ours and function not in ours:
                ratios = [run[(group, ours[0])] / run[(group, function)] for run in results
                          if (group, function) in run and (group, ours[0]) in run]
                ratio = f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}×–{max(ratios):.2f}×)"
            print(f"| {group} | {function} | {show(statistics.median(times))} | {ratio} |")


if __name__ == "__main__":
    main()
