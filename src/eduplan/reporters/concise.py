"""The concise format: one line per finding, ``file:line:col: severity CODE message (name)``.

Accepted findings end with ``[accepted: reason]``. The summary line follows the findings.
"""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions, RunResult
from .common import limited, location, tail

__all__ = ["write"]


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write one line per finding, then the summary."""
    shown = 0
    for finding in limited(run, options.max_findings):
        shown += 1
        line = f"{location(finding)}: {finding.severity.value} {finding.code} {finding.message} ({finding.name})"
        if finding.accepted:
            line += f" [accepted: {finding.accepted}]"
        out.write(line.replace("\n", " ") + "\n")
    if run.tally.findings > shown:
        out.write(tail(run.tally.findings - shown) + "\n")
    out.write(run.summary() + "\n")
