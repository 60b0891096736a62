"""The human format: findings grouped per file, each with a code frame, then a summary line.

Accepted findings are counted in the summary line; with ``--show-accepted`` they are listed
too, after each plan's real findings, under their file's name marked "(accepted)", so a real
finding is never buried among them. A run with nothing to list prints the summary line alone,
without loading Rich; the frames are drawn by :mod:`.framed`.
"""

from __future__ import annotations

from itertools import chain
from typing import TextIO

from eduplan.check.result import RunResult
from eduplan.reporters import ReportOptions, summary
from eduplan.reporters.common import hidden, limited, tail

__all__ = ["write"]

_SGR = {"bold red": "1;31", "bold green": "1;32", "dim": "2"}
"""The styles of the lines written without Rich, as terminal codes."""


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write every finding with its frame, then the summary."""
    findings = limited(run, options.max_findings, options.show_accepted)
    first = next(findings, None)
    if first is not None:
        from eduplan.reporters.framed import write_findings

        write_findings(run, chain([first], findings), out, options)
        return
    more = hidden(run, 0, options.show_accepted)  # the stream has been read: the tally is complete
    if more > 0:
        out.write(_styled(tail(more), "dim", options.color))
    line = summary(run, accepted_hidden=not options.show_accepted)
    out.write(_styled(line, "bold red" if run.failing else "bold green", options.color))


def _styled(line: str, style: str, color: bool) -> str:
    return f"\x1b[{_SGR[style]}m{line}\x1b[0m\n" if color else line + "\n"
