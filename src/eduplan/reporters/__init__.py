"""Reporters: one module per output format, each with ``write(run, out, options)``.

Machine formats (concise, json, github, sarif, junit, markdown) use plain string building;
only ``human`` imports Rich, and only when it is used. :data:`FORMATS` maps format names to
modules, imported on demand.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TextIO

from ..check import PlanCheck, failing
from ..findings import Finding, Severity

__all__ = ["FORMATS", "ReportOptions", "RunResult", "write_report"]

FORMATS = ("human", "concise", "json", "github", "sarif", "junit", "markdown")
"""Output formats, as named by ``--format`` and ``--report``."""


@dataclass(frozen=True)
class ReportOptions:
    """How to present a run.

    Attributes:
        color: Use colour (human format, on a terminal).
        max_findings: Show at most this many findings, then "+N more" (human, concise, github).
        width: Terminal width for the human format (None: detect).
    """

    color: bool = False
    max_findings: int | None = None
    width: int | None = None


@dataclass
class RunResult:
    """Everything a reporter shows: the checks of one run and its threshold.

    Attributes:
        checks: One result per plan.
        fail_on: Lowest severity that fails the run.
        texts: File contents known in memory (a plan read from standard input), by file name.
    """

    checks: list[PlanCheck]
    fail_on: Severity = Severity.ERROR
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        """All findings of the run, plan by plan."""
        return [f for check in self.checks for f in check.findings]

    @property
    def failing(self) -> list[Finding]:
        """Findings that fail the run."""
        return failing(self.findings, self.fail_on)

    @property
    def files(self) -> list[str]:
        """Every file read."""
        return [file for check in self.checks for file in check.files]

    def counts(self) -> Counter[str]:
        """Findings by severity (accepted ones counted apart, as "accepted")."""
        counts: Counter[str] = Counter()
        for finding in self.findings:
            counts["accepted" if finding.accepted else finding.severity.value] += 1
        return counts

    def summary(self) -> str:
        """One line: what was found, or that all is well."""
        counts = self.counts()
        plans = _plural(len(self.checks), "plan")
        files = _plural(len(self.files), "file")
        shown = [_plural(counts[s.value], s.value) for s in Severity if counts[s.value]]
        accepted = f"; {counts['accepted']} accepted" if counts["accepted"] else ""
        if not shown:
            return f"All checks passed: {plans}, {files}{accepted}."
        return f"Found {', '.join(shown)} in {plans}, {files}{accepted}."

    def lines(self, file: str) -> list[str]:
        """The lines of a file, for code frames (empty when it cannot be read)."""
        if file in self.texts:
            return self.texts[file].splitlines()
        return _read_lines(file)


@cache
def _read_lines(file: str) -> list[str]:
    try:
        data = Path(file).read_bytes()
    except OSError:
        return []
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace").splitlines()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def write_report(fmt: str, run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write ``run`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    writer: Callable[[RunResult, TextIO, ReportOptions], None] = importlib.import_module(f"{__name__}.{fmt}").write
    writer(run, out, options)
