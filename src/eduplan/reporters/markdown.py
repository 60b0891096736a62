"""The markdown format: a summary table, for ``$GITHUB_STEP_SUMMARY`` and pull-request comments.

The findings that need fixing come first, in one table; the accepted ones follow in a folded
``<details>`` section of their own, each marked accepted with its reason, so the first rows a
reader sees (and the rows kept under the cap) are the real ones. The run is read once, keeping
only the rows a table can show, so memory stays flat however many plans there are.
"""

from __future__ import annotations

from typing import TextIO

from eduplan.check.result import RunResult
from eduplan.findings import Finding
from eduplan.i18n import _, ngettext
from eduplan.reporters import ReportOptions, summary
from eduplan.reporters.common import severity_word
from eduplan.words.markdown import code, text

__all__ = ["MAX_ROWS", "write"]

MAX_ROWS = 200
"""Rows in the tables before "+N more" (GitHub caps a step summary at 1 MiB)."""

_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _head() -> str:
    """The head of a findings table, in the run's language."""
    words = [_("Where"), _("Severity"), _("Code"), _("Message"), _("At")]
    return "| " + " | ".join(words) + " |\n|---|---|---|---|---|\n"


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write a heading, the summary line, a table of real findings and a folded one of accepted findings."""
    limit = min(options.max_findings or MAX_ROWS, MAX_ROWS)
    real: list[Finding] = []  # the first `limit` of each kind: all a table can show
    accepted: list[Finding] = []
    for check in run.stream():
        for finding in check.findings:
            kept = real if finding.accepted is None else accepted
            if len(kept) < limit:
                kept.append(finding)
    verdict = _("eduplan validate: failed") if run.failing else _("eduplan validate: passed")
    out.write(f"## {verdict}\n\n{summary(run)}\n")
    counts = run.tally.counts
    findings, accepted_count = run.tally.findings, counts["accepted"]
    if real:
        out.write("\n" + _head())
        _rows(real[:limit], out)
    room = accepted[: max(0, limit - (findings - accepted_count))]
    if room:
        folded = ngettext("{count} accepted finding", "{count} accepted findings", accepted_count)
        out.write(f"\n<details><summary>{folded.format(count=accepted_count)}</summary>\n\n{_head()}")
        _rows(room, out)
        out.write("\n</details>\n")
    if findings > limit:
        more = findings - limit
        said = ngettext(
            "+{count} more finding: run `eduplan validate --show-accepted` to see them all.",
            "+{count} more findings: run `eduplan validate --show-accepted` to see them all.",
            more,
        )
        out.write(f"\n{said.format(count=more)}\n")


def _rows(findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        where = code(str(f.span)) if f.span else "-"
        icon = "✅" if f.accepted is not None else _ICON[f.severity.value]
        severity = f"{icon} {severity_word(f)}"
        message = text(f.message)
        if f.accepted is not None:
            label = _("accepted:")
            message += f"<br>*{label}* {text(f.accepted)}"
        at = code(f.at) if f.at else "-"
        out.write(f"| {where} | {severity} | {text(f.code)} {code(f.name)} | {message} | {at} |\n")
