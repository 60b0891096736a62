"""``eduplan diff`` on two editions of the shipped plan, against the cost of loading them, in one run.

Usage: .venv/bin/python benchmarks/bench_diff.py [--rounds N]

The editions are the real plan and an edited copy (the golden-test edits: a raised and a
lowered target, a removed and an added indicator, a renamed indicator, a reworded approach).
Every stage runs N times, interleaved; the table gives medians in milliseconds and the ratio to
loading both sides, measured in the same run. A last row diffs a plan ten times the size with
every target changed, to show how the diff grows. Then the whole command, as a user runs it.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.diff.editions: the same edited copy as the golden tests


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _scaled(plan: Any, times: int) -> Any:
    """The plan with its policies repeated ``times`` times (ids made unique), and a copy with every target +1."""
    from eduplan.model import Plan

    data = plan.model_dump(exclude_none=True)
    policies = []
    for n in range(times):
        for policy in copy.deepcopy(data["policies"]):
            policy["id"] += f"x{n}"
            for name in ("targets", "approaches", "indicators"):
                for item in policy[name]:
                    item["id"] += f"x{n}"
            policies.append(policy)
    data["policies"] = policies
    changed = copy.deepcopy(data)
    for policy in changed["policies"]:
        for item in policy["indicators"]:
            item["targets"] = {y: v + 1 if isinstance(v, int | float) else v for y, v in item["targets"].items()}
    return Plan.model_validate(data), Plan.model_validate(changed)


def main() -> None:
    """Time each stage and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds

    from tests.diff.editions import make_editions

    from eduplan.diff import diff_plans
    from eduplan.diff.human import write_human
    from eduplan.diff.machine import to_json, to_markdown
    from eduplan.loader import load_plan

    with tempfile.TemporaryDirectory() as tmp:
        old_dir, new_dir = make_editions(Path(tmp))
        old, new = load_plan(old_dir), load_plan(new_dir)
        old_plan, new_plan = old.plan, new.plan
        assert old_plan is not None and new_plan is not None
        result = diff_plans(old_plan, new_plan, old_source=old.source, new_source=new.source)
        big_old, big_new = _scaled(old_plan, 10)
        big_count = len(diff_plans(big_old, big_new).changes)
        stages: dict[str, Callable[[], object]] = {
            "load both sides (baseline)": lambda: (load_plan(old_dir), load_plan(new_dir)),
            "diff": lambda: diff_plans(old_plan, new_plan, old_source=old.source, new_source=new.source),
            "diff of a plan against itself": lambda: diff_plans(old_plan, old_plan),
            "report: human (Rich)": lambda: write_human(result, io.StringIO(), color=False),
            "report: markdown": lambda: to_markdown(result),
            "report: json": lambda: to_json(result),
            f"diff ×10 plan ({big_count} changes)": lambda: diff_plans(big_old, big_new),
        }
        samples: dict[str, list[float]] = {label: [] for label in stages}
        for _ in range(rounds):
            for label, stage in stages.items():
                start = time.perf_counter()
                stage()
                samples[label].append(time.perf_counter() - start)
        eduplan = str(Path(sys.executable).parent / "eduplan")
        command = [eduplan, "diff", str(old_dir), str(new_dir), "--format", "json"]
        runs = []
        for _ in range(max(5, rounds // 3)):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            runs.append(time.perf_counter() - start)

    base = _median_ms(samples["load both sides (baseline)"])
    print(f"{len(result.changes)} changes between the editions; {rounds} rounds, medians\n")
    print("| stage | ms | × loading both sides |")
    print("|---|---:|---:|")
    for label, values in samples.items():
        print(f"| {label} | {_median_ms(values):.2f} | {_median_ms(values) / base:.2f} |")
    print(
        f"| `eduplan diff OLD NEW -f json` (whole process) | {_median_ms(runs):.0f} | {_median_ms(runs) / base:.1f} |"
    )


if __name__ == "__main__":
    main()
