"""Measuring a command: its wall and CPU time and its peak memory, repeats interleaved with its baseline's.

``run.py`` builds its tables from these; ``measure`` runs a command once and folds its figures in.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MEMORY_TARGET_MB = 300
SAMPLE_SECONDS = 0.05


@dataclass
class Runs:
    """Timings and peak memory of one command over its repeats."""

    argv: list[str]
    ok: tuple[int, ...] = (0,)
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    processes: int = 1

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        """Median CPU time (user + system, workers included) in seconds."""
        return statistics.median(self.cpu)


def measure(runs: Runs) -> None:
    """Run the command once; add its wall time and fold in its peak memory.

    The peak is the larger of the kernel's peak RSS of the process (``os.wait4``, exact, but
    per process) and the sum of the proportional set sizes (PSS) of the process and its
    descendants, sampled every 50 ms from /proc: a pool of workers counts as a whole, shared
    pages once.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(runs.argv, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        sampled: list[tuple[float, int]] = []
        done = threading.Event()
        sampler = threading.Thread(target=_sample, args=(proc.pid, done, sampled), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in runs.ok:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            sys.exit(f"{' '.join(runs.argv)}: exit {proc.returncode}\n" + "\n".join(message))
    runs.seconds.append(elapsed)
    runs.cpu.append(usage.ru_utime + usage.ru_stime)
    tree_mb, processes = max(sampled, default=(0.0, 1))
    runs.peak_mb = max(runs.peak_mb, usage.ru_maxrss * 1024 / 1e6, tree_mb)
    runs.processes = max(runs.processes, processes)


def _sample(pid: int, done: threading.Event, out: list[tuple[float, int]]) -> None:
    while not done.wait(SAMPLE_SECONDS):
        pss, count, todo = 0, 0, [pid]
        while todo:
            current = todo.pop()
            try:
                rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
                pss += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
                for task in Path(f"/proc/{current}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except (OSError, StopIteration, ValueError):
                continue
            count += 1
        if count:
            out.append((pss * 1024 / 1e6, count))


def interleave(groups: Sequence[Sequence[Runs]], rounds: int, label: str) -> None:
    """Run each group's commands ``rounds`` times, alternating their order every round."""
    for r in range(rounds):
        print(f"  {label}: round {r + 1}/{rounds}", file=sys.stderr, flush=True)
        for group in groups:
            for runs in group if r % 2 == 0 else reversed(group):
                measure(runs)


@dataclass
class Row:
    """A line of the table: a command against its baseline."""

    what: str
    runs: Runs
    base_label: str
    base: Runs
    target: float | None = None

    def cells(self) -> list[str]:
        """The row's cells: times, ratios (wall and CPU), memory, target (judged on the wall ratio)."""
        ratio = self.runs.median / self.base.median
        target = ""
        if self.target is not None:
            target = f"≤ {self.target:g}×: {'pass' if ratio <= self.target else 'miss'}"
        return [
            self.what,
            shown_time(self.runs.median),
            shown_time(self.runs.median_cpu),
            self.base_label,
            shown_time(self.base.median),
            shown_time(self.base.median_cpu),
            f"{ratio:.2f}",
            f"{self.runs.median_cpu / self.base.median_cpu:.2f}",
            shown_memory(self.runs),
            shown_memory(self.base),
            target,
            str(len(self.runs.seconds)),
        ]


def shown_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def shown_memory(runs: Runs) -> str:
    return f"{runs.peak_mb:.0f}" + (f" ({runs.processes} proc.)" if runs.processes > 1 else "")
