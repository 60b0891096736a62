"""Every format reads a run once, as plans arrive, keeping nothing that grows; the pool hands out plans a few at a time.

The documents (json, sarif, junit) spool each plan's part and write the whole at the end: the
text is the one written from the whole run at once (``json.dump`` of ``document``), whether the
spool stays in memory, moves to a temporary file, or cannot (no writable temporary folder).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

from eduplan.check import batch
from eduplan.check.config import Settings
from eduplan.check.pipeline import PlanCheck, check_path
from eduplan.check.result import RunResult
from eduplan.findings import Finding, Severity, Span
from eduplan.reporters import FORMATS, ReportOptions, sarif, spool, write_report
from eduplan.reporters import json as json_format
from tests.conftest import REAL_PLAN


def _checks() -> list[PlanCheck]:
    real = check_path(REAL_PLAN, Settings())
    other = Finding("LD01", "layout.missing", Severity.ERROR, "no file", None)  # a finding with no file
    odd = Finding("TX07", "text.double-space", Severity.WARNING, 'two <&> "spaces"', Span("p2/plan.yaml", 3, 4, 3, 6))
    return [real, PlanCheck("p2", ["p2/plan.yaml"], [other, odd], True, rules=["TX07"]), real]


def _written(fmt: str, run: RunResult, **options: Any) -> str:
    out = io.StringIO()
    write_report(fmt, run, out, ReportOptions(**options))
    return out.getvalue()


@pytest.mark.parametrize("where", ["memory", "disk", "nowhere"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_streamed_run_is_written_as_the_whole_run(fmt: str, where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if where != "memory":
        monkeypatch.setattr(spool, "_IN_MEMORY", 10)  # every spool past its first item goes to a file
    if where == "nowhere":

        def refused(*_args: object, **_kwargs: object) -> None:
            raise PermissionError("read-only")

        monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    checks = _checks()
    whole = _written(fmt, RunResult(list(checks)), show_accepted=True)
    assert _written(fmt, RunResult(iter(checks)), show_accepted=True) == whole
    if fmt == "json":
        assert whole == json.dumps(json_format.document(RunResult(checks)), ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        assert whole == json.dumps(sarif.document(RunResult(checks)), ensure_ascii=False, indent=2) + "\n"


def test_an_empty_run_writes_empty_lists() -> None:
    assert json.loads(_written("json", RunResult(iter([]))))["findings"] == []
    assert '"results": []' in _written("sarif", RunResult(iter([])))


def test_a_spool_gives_back_its_items_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool, "_IN_MEMORY", 5)
    with spool.Spool() as kept:
        items = [f"item {n}\nwith ไทย" for n in range(1000)]
        for item in items:
            kept.add(item)
        assert list(kept.items()) == items and kept.count == 1000


class _Pool:
    """An executor that checks nothing and counts the batches handed out and not yet read back."""

    def __init__(self) -> None:
        self.out = 0
        self.most = 0

    def submit(self, _function: Any, items: list[tuple[Path, int]]) -> _Pool.Batch:
        self.out += 1
        self.most = max(self.most, self.out)
        return _Pool.Batch(self, [PlanCheck(str(path), [], [], True) for path, _settings in items])

    class Batch:
        def __init__(self, pool: _Pool, checks: list[PlanCheck]) -> None:
            self.pool, self.checks = pool, checks

        def result(self) -> list[PlanCheck]:
            self.pool.out -= 1
            return self.checks


def test_the_pool_hands_out_a_few_batches_ahead_of_the_reader_never_all() -> None:
    pool = _Pool()
    paths = [Path(f"p{n}") for n in range(1000)]
    read = [check.root for check in batch._window(pool, ((p, 0) for p in paths), 4, 3)]  # type: ignore[arg-type]
    assert read == [str(p) for p in paths]  # in order, every one
    assert pool.most == 3  # 250 batches, never more than 3 out at a time
