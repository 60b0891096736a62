"""Work that grows with the input grows linearly: each case times a 1x and a 10x input.

A quadratic algorithm takes about 100 times as long on the 10x input, a linear one about 10
times: each test asserts less than 20 times (and an absolute bound loose enough for a busy
2-core machine). The cases are the ones that were quadratic or worse: a trailing-space regex,
code frames over a long line, every acceptance tried against every finding, the word diff of
long texts, numbering repeated ids, and finding the items that moved.

Measured before the fixes (1x -> 10x, on the 2-core machine): TX06 over 4,000 -> 40,000 spaces
0.19 s -> 18.7 s; frames of a line of 1,000 -> 10,000 doubled tone marks 0.34 s -> 16.2 s; 300 ->
3,000 acceptances 0.03 s -> 2.0 s; the word diff of 100 -> 1,000 shuffled phrases 0.04 s -> 13.0 s;
1,000 -> 10,000 repeated ids and reversed items 0.04 s -> 4.4 s. After: 0.001 s -> 0.001 s,
0.30 s -> 2.8 s, 0.02 s -> 0.17 s, 0.03 s -> 0.002 s (a middle over MAX_TOKENS is one
replacement), 0.001 s -> 0.009 s.
"""

from __future__ import annotations

import gc
import io
import time
from collections.abc import Callable
from pathlib import Path

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.check.result import RunResult
from eduplan.diff.match import keyed, out_of_order
from eduplan.diff.words import word_diff
from eduplan.model import Statement
from eduplan.reporters import ReportOptions, write_report
from tests.conftest import PLAN_WITH_POLICY

RATIO = 20.0
"""Most the 10x input may take, as a multiple of the 1x input (linear: about 10; quadratic: 100)."""


def _seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two runs: a busy machine only ever slows a run down
        gc.collect()
        gc.disable()  # the collector's passes over a large heap are not the algorithm under test
        try:
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _linear(make: Callable[[int], Callable[[], object]], n: int, most: float) -> None:
    small, large = make(n), make(10 * n)
    once, tenfold = _seconds(small), _seconds(large)
    floor = 0.002  # below a few milliseconds, timer noise is the ratio
    assert tenfold < RATIO * max(once, floor), f"1x {once:.3f} s, 10x {tenfold:.3f} s: not linear"
    assert tenfold < most, f"10x took {tenfold:.2f} s"


def _plan(tmp_path: Path, name: str, body: str) -> Path:
    plan = tmp_path / name
    plan.write_text(PLAN_WITH_POLICY + body, encoding="utf-8")
    return plan


def test_trailing_spaces_of_a_long_text(tmp_path: Path) -> None:
    def make(n: int) -> Callable[[], object]:
        plan = _plan(tmp_path, f"spaces{n}.yaml", f'vision: "a{" " * n}b "\n')
        settings = Settings(select=("TX06",))

        def work() -> object:
            findings = check_path(plan, settings).findings
            assert [(f.code, f.span.col if f.span else 0) for f in findings] == [("TX06", 12 + n)]  # the space after b
            return findings

        return work

    _linear(make, 4_000, most=5.0)


def test_code_frames_over_one_long_line(tmp_path: Path) -> None:
    def make(n: int) -> Callable[[], object]:
        # Doubled tone marks (TX03, one finding per pair) take no width: the whole line "fits" a frame.
        text = "ก" + "\u0e49" * n
        plan = _plan(tmp_path, f"line{n}.yaml", f"vision: {text}\n")
        run = RunResult([check_path(plan, Settings(select=("TX03",)))])
        assert len(run.findings) == n // 2

        def work() -> str:
            out = io.StringIO()
            write_report("human", run, out, ReportOptions(width=100))
            return out.getvalue()

        return work

    _linear(make, 1_000, most=20.0)
    shown = max(make(1_000)().splitlines(), key=len)
    assert len(shown) < 1_000  # a frame shows a window of the line, not the line


def test_many_acceptances_of_many_findings(tmp_path: Path) -> None:
    def make(n: int) -> Callable[[], object]:
        missions = "".join(f"  - {{id: m{k}, number: '{k}', text: พันธกิจ  ที่ {k}}}\n" for k in range(1, n + 1))
        accepted = "".join(f"  - {{code: TX07, at: m{k}, reason: ตามต้นฉบับ}}\n" for k in range(1, n + 1))
        plan = _plan(tmp_path, f"accepted{n}.yaml", f"missions:\n{missions}accepted:\n{accepted}")
        settings = Settings(select=("TX07", "AC01", "AC02"))

        def work() -> object:
            findings = check_path(plan, settings).findings
            assert len(findings) == n and all(f.accepted == "ตามต้นฉบับ" for f in findings)
            return findings

        return work

    _linear(make, 300, most=20.0)


def test_word_diff_of_long_texts() -> None:
    def make(n: int) -> Callable[[], object]:
        old = "".join(f"การพัฒนาคุณภาพ {k} " for k in range(n))
        new = "".join(f"การพัฒนาคุณภาพ {k * 7 % n} " for k in range(n))  # the same words, shuffled

        def work() -> object:
            ops = word_diff(old, new)
            assert "".join(t for op, t in ops if op != "+") == old
            assert "".join(t for op, t in ops if op != "-") == new
            return ops

        return work

    _linear(make, 100, most=10.0)


def test_repeated_ids_and_moved_items() -> None:
    def make(n: int) -> Callable[[], object]:
        items = [Statement(id="m1", number=str(k), text="พันธกิจ") for k in range(n)]
        keys = [f"k{k}" for k in range(n)]

        def work() -> object:
            assert len(keyed(items)) == n
            assert len(out_of_order(keys, keys[::-1])) == n - 1
            return None

        return work

    _linear(make, 1_000, most=5.0)
