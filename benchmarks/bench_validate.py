"""``eduplan validate`` on the shipped plan against yamllint on the same files, in one run.

Usage: .venv/bin/python benchmarks/bench_validate.py [--rounds N]

Every command runs N times, interleaved so that machine noise hits all of them alike. The
table gives medians and the ratio to ``yamllint`` (default configuration) measured in the same
run, then the in-process cost of each stage (load, rules, acceptances) for the same plan.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"


def commands() -> dict[str, list[str]]:
    """The commands to time, by label."""
    bindir = Path(sys.executable).parent
    eduplan = str(bindir / "eduplan")
    yamllint = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
    if yamllint is None:
        sys.exit("yamllint is not installed: pip install yamllint (it is in the dev extra)")
    found = {"python -c pass": [sys.executable, "-c", "pass"], "yamllint": [yamllint, str(PLAN)]}
    for fmt in ("human", "concise", "json", "sarif", "github"):
        found[f"eduplan validate -f {fmt}"] = [eduplan, "validate", str(PLAN), "--format", fmt]
    return found


def stages(rounds: int) -> dict[str, float]:
    """Median milliseconds of each stage, in process (imports already paid)."""
    from eduplan.check import check_result
    from eduplan.config import Settings
    from eduplan.loader import load_plan

    loads, checks = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        result = load_plan(PLAN)
        loaded = time.perf_counter()
        check_result(result, Settings())
        loads.append(loaded - start)
        checks.append(time.perf_counter() - loaded)
    return {"load (read, parse, validate)": statistics.median(loads), "rules + acceptances": statistics.median(checks)}


def main() -> None:
    """Time the commands and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    todo = commands()
    times: dict[str, list[float]] = {label: [] for label in todo}
    for _ in range(rounds):
        for label, argv in todo.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[label].append(time.perf_counter() - start)
    files = len(list(PLAN.rglob("*.yaml")))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in PLAN.rglob("*.yaml"))
    yamllint = statistics.median(times["yamllint"])
    print(f"Shipped plan: {files} files, {lines} lines; median of {rounds} interleaved runs.\n")
    print("| command | median ms | × yamllint |")
    print("|---|---:|---:|")
    for label, samples in times.items():
        median = statistics.median(samples)
        print(f"| {label} | {median * 1000:.0f} | {median / yamllint:.2f} |")
    print("\n| stage (in process) | median ms |")
    print("|---|---:|")
    for label, seconds in stages(rounds).items():
        print(f"| {label} | {seconds * 1000:.1f} |")


if __name__ == "__main__":
    main()
