"""The concise format: one line per finding, ``file:line:col: severity CODE message (name)``.

Accepted findings end with ``[accepted: reason]``. The summary line follows the findings.
"""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions, RunResult
from .common import location, tail

__all__ = ["write"]


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write one line per finding, then the summary."""
    findings = run.findings
    limit = options.max_findings if options.max_findings is not None else len(findings)
    for finding in findings[:limit]:
        line = f"{location(finding)}: {finding.severity.value} {finding.code} {finding.message} ({finding.name})"
        if finding.accepted:
            line += f" [accepted: {finding.accepted}]"
        out.write(line.replace("\n", " ") + "\n")
    if len(findings) > limit:
        out.write(tail(len(findings) - limit) + "\n")
    out.write(run.summary() + "\n")
