"""The markdown format: a summary table, for ``$GITHUB_STEP_SUMMARY`` and pull-request comments."""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions, RunResult

__all__ = ["MAX_ROWS", "write"]

MAX_ROWS = 200
"""Rows in the table before "+N more" (GitHub caps a step summary at 1 MiB)."""

_ICON = {"error": "🔴 error", "warning": "🟡 warning", "info": "🔵 info"}


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write a heading, the summary line and a table of findings."""
    verdict = "failed" if run.failing else "passed"
    out.write(f"## eduplan validate: {verdict}\n\n{run.summary()}\n")
    findings = run.findings
    if not findings:
        return
    limit = min(options.max_findings or MAX_ROWS, MAX_ROWS)
    out.write("\n| Where | Severity | Code | Message | At |\n|---|---|---|---|---|\n")
    for f in findings[:limit]:
        where = f"`{f.span}`" if f.span else "-"
        severity = "✅ accepted" if f.accepted else _ICON[f.severity.value]
        message = _cell(f.message) + (f"<br>*accepted:* {_cell(f.accepted)}" if f.accepted else "")
        out.write(f"| {where} | {severity} | {f.code} `{f.name}` | {message} | `{_cell(f.at or '')}` |\n")
    if len(findings) > limit:
        out.write(f"\n+{len(findings) - limit} more findings: run `eduplan validate` to see them all.\n")
