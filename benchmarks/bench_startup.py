"""Start-up time of eduplan against the floor (python -c pass) and a peer (yamllint), in one run.

Usage: .venv/bin/python benchmarks/bench_startup.py [--rounds N]

Each command runs N times, interleaved so that machine noise hits all of them alike; the table
shows medians and ratios against ``python -c pass`` measured in the same run.
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
    """The commands to time, by label; yamllint only when it is installed."""
    bindir = Path(sys.executable).parent
    eduplan = str(bindir / "eduplan")
    found = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "eduplan --version": [eduplan, "--version"],
        "eduplan --help": [eduplan, "--help"],
        "eduplan validate (real plan)": [eduplan, "validate", str(PLAN)],
        "eduplan export (real plan)": [eduplan, "export", str(PLAN)],
    }
    yamllint = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
    if yamllint:
        found["yamllint --version"] = [yamllint, "--version"]
        found["yamllint (same files)"] = [yamllint, "-d", "relaxed", str(PLAN)]
    return found


def main() -> None:
    """Time every command and print a Markdown table."""
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
    floor = statistics.median(times["python -c pass"])
    print(f"| command | median ms | × python -c pass |  (n={rounds})")
    print("|---|---:|---:|")
    for label, samples in times.items():
        median = statistics.median(samples)
        print(f"| {label} | {median * 1000:.0f} | {median / floor:.1f} |")


if __name__ == "__main__":
    main()
