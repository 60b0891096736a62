"""Small helpers the reporters share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from ..findings import Finding

if TYPE_CHECKING:
    from . import RunResult

__all__ = ["by_file", "limited", "location", "tail"]


def limited(run: RunResult, limit: int | None) -> Iterator[Finding]:
    """The run's findings in order, read once, the first ``limit`` of them.

    The whole run is read even past the limit, so that its tally counts every finding:
    ``run.tally.findings`` minus what was shown is the "+N more".
    """
    shown = 0
    for check in run.stream():
        for finding in check.findings:
            if limit is None or shown < limit:
                shown += 1
                yield finding


def by_file(findings: Iterable[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by file, in the order given (they arrive sorted)."""
    for file, group in groupby(findings, key=lambda f: f.span.file if f.span else ""):
        yield file, list(group)


def location(finding: Finding) -> str:
    """``file:line:col``, or ``-`` for a finding with no file."""
    return str(finding.span) if finding.span else "-"


def tail(hidden: int) -> str:
    """The "+N more" line for findings past ``--max-findings``."""
    return f"+{hidden} more finding{'s' if hidden != 1 else ''} not shown (raise --max-findings to see them)"
