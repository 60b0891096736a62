"""The concise format: one line per finding, ``file:line:col: severity CODE message (name)``.

Accepted findings are counted in the summary line and listed only with ``--show-accepted``,
after each plan's real findings, as ``file:line:col: accepted CODE message (name) [reason: ...]``.
The summary line follows the findings.
"""

from __future__ import annotations

from typing import TextIO

from eduplan.check.result import RunResult
from eduplan.reporters import ReportOptions, summary
from eduplan.reporters.common import hidden, limited, plain, tail

__all__ = ["write"]


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write one line per finding, then the summary."""
    shown = 0
    for finding in limited(run, options.max_findings, options.show_accepted):
        shown += 1
        out.write(plain(finding) + "\n")
    more = hidden(run, shown, options.show_accepted)
    if more > 0:
        out.write(tail(more) + "\n")
    out.write(summary(run, accepted_hidden=not options.show_accepted) + "\n")
