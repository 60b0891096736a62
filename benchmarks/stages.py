"""Where the time goes inside one process: eduplan's stages, imports already paid.

Usage: .venv/bin/python benchmarks/stages.py [--rounds N] [--plans N] [--profile N]
(also ``benchmarks/run.py --stages``, on the plans run.py generated)

Each stage runs N times, interleaved; medians in milliseconds. The shipped plan: load (read,
parse, validate into the model), rules + acceptances, render to HTML and Markdown; its two
editions (the diff tests' edited copy): load both, diff, the three reports. A generated set:
the CSafeLoader parse of every file (the floor), eduplan's own YAML reading (with positions),
the whole load, and the rules, each summed over the set. --profile N prints cProfile's top 15
functions, by cumulative and by own time, of load_plan + check_result over N generated plans.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"


def timed(stages: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds of each stage over ``rounds`` interleaved rounds (after one warm-up)."""
    samples: dict[str, list[float]] = {label: [] for label in stages}
    for stage in stages.values():
        stage()
    for _ in range(rounds):
        for label, stage in stages.items():
            start = time.perf_counter()
            stage()
            samples[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in samples.items()}


def shipped_stages(plan_dir: Path, old: Path, new: Path) -> dict[str, Callable[[], object]]:
    """Stages on the shipped plan and its two editions."""
    from eduplan.check.config import Settings
    from eduplan.check.pipeline import check_result
    from eduplan.diff import diff_plans
    from eduplan.diff.human import write_human
    from eduplan.diff.machine import to_json, to_markdown
    from eduplan.diff.wording import Words
    from eduplan.load.loader import load_plan
    from eduplan.render import Renderer, Request

    loaded = load_plan(plan_dir)
    plan = loaded.plan
    before, after = load_plan(old), load_plan(new)
    assert plan is not None and before.plan is not None and after.plan is not None
    old_plan, new_plan = before.plan, after.plan
    changes = diff_plans(old_plan, new_plan, old_source=before.source, new_source=after.source)
    renderer = Renderer()
    words = Words.of("th", "arabic", new_plan.labels)
    return {
        "shipped plan: load (read, parse, validate)": lambda: load_plan(plan_dir),
        "shipped plan: rules + acceptances": lambda: check_result(loaded, Settings()),
        "shipped plan: render HTML (view-models + template)": lambda: renderer.text(plan, Request("plan", "html")),
        "shipped plan: render Markdown": lambda: renderer.text(plan, Request("plan", "markdown")),
        "editions: load both": lambda: (load_plan(old), load_plan(new)),
        "editions: diff": lambda: diff_plans(old_plan, new_plan, old_source=before.source, new_source=after.source),
        "editions: report human (Rich)": lambda: write_human(changes, io.StringIO(), words, color=False),
        "editions: report markdown + json": lambda: (to_markdown(changes, words), to_json(changes)),
    }


def set_stages(folder: Path) -> tuple[dict[str, Callable[[], object]], int]:
    """Stages summed over a generated set, and how many plans it holds."""
    import yaml

    from eduplan.check.config import Settings
    from eduplan.check.pipeline import check_result
    from eduplan.load.loader import find_plans, load_plan
    from eduplan.load.yamlio import read_yaml

    plans = find_plans([folder])
    files = [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*.yaml"))]
    results = [load_plan(p) for p in plans]
    # What the set keeps in memory is data, not garbage: frozen, the collector stops rescanning it
    # (as `eduplan validate` freezes its modules), or every later stage pays for its size.
    gc.freeze()
    settings = Settings()
    return {
        "set: floor, CSafeLoader parse (bytes in memory)": lambda: [
            yaml.load(data, Loader=yaml.CSafeLoader) for _, data in files
        ],
        "set: eduplan YAML reading, with positions (bytes in memory)": lambda: [read_yaml(d, n) for n, d in files],
        "set: load_plan (read, parse, validate)": lambda: [load_plan(p) for p in plans],
        "set: rules + acceptances": lambda: [check_result(r, settings) for r in results],
    }, len(plans)


def print_stages(plan_dir: Path, old: Path, new: Path, folder: Path | None, rounds: int = 9) -> None:
    """Print the stage tables (the set's with 3 rounds: it is long)."""
    print(f"\nIn process, median of {rounds} interleaved rounds after a warm-up:\n")
    print("| stage | ms |")
    print("|---|---:|")
    for label, seconds in timed(shipped_stages(plan_dir, old, new), rounds).items():
        print(f"| {label} | {seconds * 1000:.1f} |")
    if folder is None:
        return
    stages, count = set_stages(folder)
    print(f"\nGenerated set of {count:,} plans, in process, median of 3 rounds:\n")
    print("| stage | s | ms per plan |")
    print("|---|---:|---:|")
    for label, seconds in timed(stages, 3).items():
        print(f"| {label} | {seconds:.2f} | {seconds * 1000 / count:.2f} |")


def profile(folder: Path, top: int = 15) -> None:
    """cProfile of load_plan + check_result over every plan of ``folder``: top functions two ways."""
    from eduplan.check.config import Settings
    from eduplan.check.pipeline import check_result
    from eduplan.load.loader import find_plans, load_plan

    plans, settings = find_plans([folder]), Settings()
    profiler = cProfile.Profile()
    profiler.enable()
    for path in plans:
        check_result(load_plan(path), settings)
    profiler.disable()
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        print(f"\n## {len(plans):,} plans, top {top} by {key}\n")
        print(out.getvalue().split("\n\n", 2)[-1].rstrip())


def main() -> None:
    """Run the stages on the shipped plan and a freshly generated set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--plans", type=int, default=1000, help="size of the generated set (default 1000)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile N generated plans instead")
    args = parser.parse_args()
    from tests.diff.editions import make_editions

    from benchmarks.generate import generate

    with tempfile.TemporaryDirectory(prefix="eduplan-stages-") as tmp:
        root = Path(tmp)
        generate(root / "plans", args.profile or args.plans)
        if args.profile:
            profile(root / "plans")
            return
        old, new = make_editions(root / "editions")
        print_stages(PLAN, old, new, root / "plans", args.rounds)


if __name__ == "__main__":
    main()
