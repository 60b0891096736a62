"""eduplan's benchmarks in one command: a Markdown table of ratios measured in the same run.

Usage: .venv/bin/python benchmarks/run.py [--quick] [--plans 1000,30000] [--real 2000] [--memory 2000,10000]
[--only short,generated,real,memory] [--rounds N] [--stages] [--keep DIR]

Every figure is a whole process, started the way a user starts it, and set against a baseline
started the same way in the same run (so interpreter start-up counts on both sides): eduplan
--version against ``python -c pass`` and ``yamllint --version``; validate of the shipped plan
against yamllint on the same files; validate of N generated plans (see generate.py) and of N
copies of the shipped plan (copies.py) against the floor, a fresh Python that parses the same
files with PyYAML's CSafeLoader and nothing else; render and diff against a fresh Python that
loads the same plan(s). Repeats are interleaved (and their order reversed every other round) so
that machine noise hits both sides alike. Each row gives the ratio of wall times and of CPU
times (user + system, workers included: on a busy machine it moves less) and the peak memory of
the measured process (see ``measure``). The memory table runs every output format once on
copies of the shipped plan, at each size of ``--memory``.

--quick skips the 30,000-plan set and the memory table, uses 500 copies and runs fewer rounds.
--only picks groups of rows. --stages adds the in-process breakdown of stages.py. The tables go
to standard output, progress to standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # benchmarks.generate, and tests.diff.editions (the diff test's edited copy)

from benchmarks.measure import MEMORY_TARGET_MB, Row, Runs, interleave, measure, shown_memory, shown_time  # noqa: E402

PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"
BIN = Path(sys.executable).parent
PY = sys.executable

FLOOR = """\
import sys
from pathlib import Path
import yaml
for root in sys.argv[1:]:
    for path in sorted(Path(root).rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""
"""The floor: read and parse every YAML file under the given folders, nothing else."""

LOAD = """\
import sys
from eduplan.load.loader import load_plan
for path in sys.argv[1:]:
    assert load_plan(path).plan is not None
"""
"""Baseline of render and diff: load the plan(s) into the model, as every command does first."""


def machine() -> str:
    """One line on the machine, the Python and the eduplan under test."""
    cpu = _field("/proc/cpuinfo", "model name", ":") or platform.processor() or "unknown CPU"
    mem = int((_field("/proc/meminfo", "MemTotal", ":") or "0 kB").split()[0])
    os_name = (_field("/etc/os-release", "PRETTY_NAME", "=") or platform.platform()).strip('"')
    where = subprocess.run(
        [PY, "-c", "import eduplan; print(eduplan.__version__, eduplan.__file__)"], capture_output=True, text=True
    ).stdout.split()
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem / 1024**2:.0f} GiB RAM; Python {platform.python_version()}; "
        f"{os_name}; eduplan {where[0] if where else '?'} from {Path(where[-1]).parent if where else '?'} "
        f"(checkout {commit or '?'}); {dt.date.today().isoformat()}"
    )


def _field(path: str, key: str, sep: str) -> str | None:
    """The value of the first ``key<sep>value`` line of a text file, or None."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    return next((line.split(sep, 1)[1].strip() for line in lines if line.startswith(key) and sep in line), None)


GROUPS = ("short", "generated", "real", "memory")
"""Groups of rows ``--only`` picks from."""
FORMATS = ("human", "concise", "json", "github", "sarif", "junit", "markdown")
"""The output formats of the memory table (every format of ``eduplan validate``)."""
FLAT = 1.10
"""Peak memory is flat when the largest set needs at most this much more than the smallest."""


@dataclass
class Plan:
    """What run.py measures, as the options chose it."""

    generated: list[int]
    real: list[int]
    memory: list[int]
    groups: set[str]
    rounds: int
    formats: list[str] = field(default_factory=lambda: list(FORMATS))


def main() -> None:
    """Generate the plan sets, run everything, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="no 30,000-plan set, no memory table; fewer rounds")
    parser.add_argument("--plans", default=None, help="sizes of the generated sets (default 1000,30000)")
    parser.add_argument("--real", default=None, help="sizes of the sets of shipped-plan copies (default 2000)")
    parser.add_argument("--memory", default=None, help="copies for the memory table (default 2000,10000)")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"groups of rows (default {','.join(GROUPS)})")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats of the memory table (default: all)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds of the short commands (default 9; 5 quick)")
    parser.add_argument("--stages", action="store_true", help="add the in-process breakdown (stages.py)")
    parser.add_argument("--keep", type=Path, default=None, help="generate into DIR and keep it")
    args = parser.parse_args()
    groups = {g.strip() for g in args.only.split(",") if g.strip()}
    if groups - set(GROUPS):
        sys.exit(f"--only: unknown group(s) {', '.join(sorted(groups - set(GROUPS)))}; use {', '.join(GROUPS)}")
    plan = Plan(
        _sizes(args.plans, "1000" if args.quick else "1000,30000"),
        _sizes(args.real, "500" if args.quick else "2000"),
        _sizes(args.memory, "" if args.quick else "2000,10000"),
        groups,
        args.rounds or (5 if args.quick else 9),
        [f.strip() for f in args.formats.split(",") if f.strip()],
    )
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    if yamllint is None:
        sys.exit("yamllint is not installed: .venv/bin/pip install yamllint (it is in the dev extra)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="eduplan-bench-"))
    try:
        report(work, plan, yamllint, args.stages)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _sizes(option: str | None, default: str) -> list[int]:
    text = default if option is None else option
    return [int(s.replace("_", "")) for s in text.split(",") if s.strip() and s.strip() != "none"]


def cmd(*argv: str | Path, ok: tuple[int, ...] = (0,)) -> Runs:
    """A command to measure; ``ok``: the exit codes that are not failures."""
    return Runs([str(a) for a in argv], ok)


def report(work: Path, plan: Plan, yamllint: str, stages: bool) -> None:
    """Measure and print."""
    from tests.diff.editions import make_editions

    from benchmarks.copies import copies
    from benchmarks.generate import generate

    # eduplan's caches (compiled templates, Thai words) in a folder of the run's own: the warm-up
    # round fills it, as a user's first render does; the cold row renders without any
    os.environ["EDUPLAN_CACHE_DIR"] = str(work / "cache")
    print(f"Machine: {machine()}", flush=True)
    print(f"Load average at the start (1/5/15 min): {'/'.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    sets: list[tuple[int, Path, float, str]] = []
    for n in plan.generated if "generated" in plan.groups else []:
        print(f"generating {n:,} plans...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        done = generate(work / f"plans-{n}", n)
        took = time.perf_counter() - start
        sets.append((n, work / f"plans-{n}", took, f"{done.files:,} files, {done.bytes / 1e6:.0f} MB"))
    real: dict[int, tuple[Path, str]] = {}
    wanted = (plan.real if "real" in plan.groups else []) + (plan.memory if "memory" in plan.groups else [])
    for n in sorted(set(wanted)):
        print(f"copying the shipped plan {n:,} times...", file=sys.stderr, flush=True)
        copied = copies(work / f"copies-{n}", n)
        real[n] = (work / f"copies-{n}", f"{copied.files:,} files, {copied.bytes / 1e6:.0f} MB")
    rows: list[Row] = []
    if "short" in plan.groups:
        rows += short_rows(work, plan.rounds, yamllint, make_editions)
    throughput = []
    for n, folder, _, _ in sets:
        mine, floor = cmd(EDUPLAN, "validate", folder, ok=(0, 1)), cmd(PY, "-c", FLOOR, folder)
        interleave([[floor, mine]], 3 if n <= 5000 else 2, f"{n:,} plans")
        rows.append(Row(f"`eduplan validate` {n:,} plans", mine, "floor: CSafeLoader parse", floor,
                        1.5 if n >= 30000 else None))  # fmt: skip
        throughput.append((n, mine, floor))
    for n in plan.real if "real" in plan.groups else []:
        rows += real_rows(n, real[n][0])
    _print(rows, throughput, sets, plan.rounds)
    if real:
        print("\n| copies of the shipped plan | files |")
        print("|---:|---|")
        for n, (_, files) in sorted(real.items()):
            print(f"| {n:,} | {files} |")
    if "memory" in plan.groups and plan.memory:
        memory_table({n: real[n][0] for n in plan.memory}, plan.formats)
    if stages:
        from benchmarks.stages import print_stages

        old, new = make_editions(work / "editions-stages")
        print_stages(PLAN, old, new, sets[0][1] if sets else None)


EDUPLAN = str(BIN / "eduplan")


def short_rows(work: Path, rounds: int, yamllint: str, make_editions: Any) -> list[Row]:
    """The commands on one plan: --version, validate, render, diff, each against its baseline."""
    old, new = make_editions(work / "editions")
    html = work / "plan.html"
    bare, version, lint_version = cmd(PY, "-c", "pass"), cmd(EDUPLAN, "--version"), cmd(yamllint, "--version")
    validate, lint = cmd(EDUPLAN, "validate", PLAN), cmd(yamllint, PLAN, ok=(0, 1))
    render, load = cmd(EDUPLAN, "render", PLAN, "-o", html), cmd(PY, "-c", LOAD, PLAN)
    cold = cmd("env", "EDUPLAN_CACHE_DIR=", EDUPLAN, "render", PLAN, "-o", html)
    diff, load_both = cmd(EDUPLAN, "diff", old, new, ok=(0, 1)), cmd(PY, "-c", LOAD, old, new)
    groups = [[bare, version, lint_version], [validate, lint], [render, load, cold], [diff, load_both]]
    print("warming up...", file=sys.stderr, flush=True)
    interleave(groups, 1, "warm-up")
    for runs in (r for g in groups for r in g):
        runs.seconds.clear()
        runs.cpu.clear()
    interleave(groups, rounds, "short commands")
    return [
        Row("`eduplan --version`", version, "`python -c pass`", bare),
        Row("`eduplan --version`", version, "`yamllint --version`", lint_version, 1.0),
        Row("`eduplan validate` shipped plan (6 files)", validate, "`yamllint` same files", lint, 1.0),
        Row("`eduplan render` shipped plan → HTML", render, "load the plan (fresh Python)", load, 1.3),
        Row("`eduplan render` → HTML, no cache (a first run)", cold, "load the plan (fresh Python)", load),
        Row("`eduplan diff` two editions", diff, "load both (fresh Python)", load_both),
    ]


def real_rows(n: int, folder: Path) -> list[Row]:
    """Validate ``n`` copies of the shipped plan in the default format and others, against the floor."""
    floor = cmd(PY, "-c", FLOOR, folder)
    variants = [
        ("default format (human)", [], 1.5),
        ("`-f concise`", ["-f", "concise"], None),
        ("human `--show-accepted`", ["--show-accepted"], None),
        ("`-f concise --show-accepted`", ["-f", "concise", "--show-accepted"], None),
    ]
    runs = [cmd(EDUPLAN, "validate", folder, *extra, ok=(0, 1)) for _, extra, _ in variants]
    interleave([[floor, *runs]], 3, f"{n:,} copies")
    return [
        Row(
            f"`eduplan validate` {n:,} copies of the shipped plan, {label}",
            mine,
            "floor: CSafeLoader parse",
            floor,
            target,
        )  # fmt: skip
        for (label, _, target), mine in zip(variants, runs, strict=True)
    ]


def memory_table(folders: dict[int, Path], formats: Sequence[str] = FORMATS) -> None:
    """Peak memory of validate in each format, at each size: one run each, all sizes of a format together."""
    peaks: dict[tuple[str, int], Runs] = {}
    for fmt in formats:
        for n, folder in sorted(folders.items()):
            print(f"  memory: {fmt}, {n:,} copies", file=sys.stderr, flush=True)
            runs = cmd(EDUPLAN, "validate", folder, "-f", fmt, ok=(0, 1))
            measure(runs)
            peaks[fmt, n] = runs
    sizes = sorted(folders)
    print(f"\nPeak memory (MB) of `eduplan validate -f FORMAT` on copies of the shipped plan (one run each; "
          f"wall time in brackets); flat: the largest set within {FLAT:.2f}× the smallest:\n")  # fmt: skip
    print("| format | " + " | ".join(f"{n:,} copies" for n in sizes) + " | KB per plan more | flat | < 300 MB |")
    print("|---|" + "---:|" * (len(sizes) + 1) + "---|---|")
    for fmt in formats:
        cells = [f"{shown_memory(peaks[fmt, n])} ({shown_time(peaks[fmt, n].seconds[0])})" for n in sizes]
        low, high = peaks[fmt, sizes[0]].peak_mb, peaks[fmt, sizes[-1]].peak_mb
        flat = "yes" if high <= low * FLAT else f"no ({high / low:.2f}×)"
        under = "pass" if max(peaks[fmt, n].peak_mb for n in sizes) < MEMORY_TARGET_MB else "miss"
        # what each plan beyond the smallest set adds: the run's bookkeeping (its list of plans), not their findings
        per_plan = (high - low) * 1024 / (sizes[-1] - sizes[0]) if len(sizes) > 1 else 0.0
        print(f"| {fmt} | " + " | ".join(cells) + f" | {per_plan:.1f} | {flat} | {under} |")


def _print(
    rows: list[Row], throughput: list[tuple[int, Runs, Runs]], sets: list[tuple[int, Path, float, str]], rounds: int
) -> None:
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Load average at the end (1/5/15 min): {load}; CPU is user + system time of the process and its workers.\n")
    heads = ["command", "median", "CPU", "baseline", "baseline median", "baseline CPU", "× baseline", "CPU ×"]
    print("| " + " | ".join([*heads, "peak MB", "baseline peak MB", "target", "runs"]) + " |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    if throughput:
        print("\n| plans | files | eduplan validate | plans/s | floor | plans/s |")
        print("|---:|---|---:|---:|---:|---:|")
        for (n, mine, floor), (_, _, _, files) in zip(throughput, sets, strict=True):
            print(f"| {n:,} | {files} | {shown_time(mine.median)} | {n / mine.median:,.0f} "
                  f"| {shown_time(floor.median)} | {n / floor.median:,.0f} |")  # fmt: skip
    measured = [row.runs for row in rows if "eduplan" in row.runs.argv[0]]
    if measured:
        peak = max(measured, key=lambda r: r.peak_mb)
        verdict = "pass" if peak.peak_mb < MEMORY_TARGET_MB else "miss"
        print(f"\nPeak memory target < {MEMORY_TARGET_MB} MB: {verdict} (largest eduplan run: {peak.peak_mb:.0f} MB, "
              f"`{' '.join(Path(a).name if '/' in a else a for a in peak.argv[:3])}`).")  # fmt: skip
    made = "; ".join(f"{n:,} plans in {took:.1f} s" for n, _, took, _ in sets)
    print(
        f"Short commands: median of {rounds} interleaved rounds after a warm-up. Plan sets generated: {made or 'none'}."
    )


if __name__ == "__main__":
    main()
