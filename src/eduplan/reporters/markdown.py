"""The markdown format: a summary table, for ``$GITHUB_STEP_SUMMARY`` and pull-request comments.

The findings that need fixing come first, in one table; the accepted ones follow in a folded
``<details>`` section of their own, each marked accepted with its reason, so the first rows a
reader sees (and the rows kept under the cap) are the real ones.
"""

from __future__ import annotations

from typing import TextIO

from eduplan.check.result import RunResult
from eduplan.findings import Finding
from eduplan.reporters import ReportOptions, summary
from eduplan.words.markdown import code, text

__all__ = ["MAX_ROWS", "write"]

MAX_ROWS = 200
"""Rows in the tables before "+N more" (GitHub caps a step summary at 1 MiB)."""

_ICON = {"error": "🔴 error", "warning": "🟡 warning", "info": "🔵 info"}
_HEAD = "| Where | Severity | Code | Message | At |\n|---|---|---|---|---|\n"


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write a heading, the summary line, a table of real findings and a folded one of accepted findings."""
    verdict = "failed" if run.failing else "passed"
    out.write(f"## eduplan validate: {verdict}\n\n{summary(run)}\n")
    findings = run.findings
    real = [f for f in findings if f.accepted is None]
    accepted = [f for f in findings if f.accepted is not None]
    limit = min(options.max_findings or MAX_ROWS, MAX_ROWS)
    if real:
        out.write("\n" + _HEAD)
        _rows(real[:limit], out)
    room = accepted[: max(0, limit - len(real))]
    if room:
        out.write(f"\n<details><summary>{_count(len(accepted), 'accepted finding')}</summary>\n\n{_HEAD}")
        _rows(room, out)
        out.write("\n</details>\n")
    if len(findings) > limit:
        more = len(findings) - limit
        out.write(f"\n+{_count(more, 'more finding')}: run `eduplan validate --show-accepted` to see them all.\n")


def _rows(findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        where = code(str(f.span)) if f.span else "-"
        severity = "✅ accepted" if f.accepted is not None else _ICON[f.severity.value]
        message = text(f.message) + (f"<br>*accepted:* {text(f.accepted)}" if f.accepted is not None else "")
        at = code(f.at) if f.at else "-"
        out.write(f"| {where} | {severity} | {text(f.code)} {code(f.name)} | {message} | {at} |\n")


def _count(n: int, words: str) -> str:
    return f"{n} {words}{'' if n == 1 else 's'}"
