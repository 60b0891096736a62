"""The github format: GitHub Actions workflow commands, grouped per file.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and drops
the rest silently. This format annotates the first findings of each kind up to that cap,
prints the others as plain log lines, and ends with a notice "+N more". Accepted findings are
never annotated: they are counted in the summary line and, with ``--show-accepted``, listed as
plain log lines after each plan's real findings, in a group of their own. Values are escaped
as the Actions toolkit does.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from eduplan.check.result import RunResult
from eduplan.findings import Finding
from eduplan.i18n import _, ngettext
from eduplan.reporters import ReportOptions, summary
from eduplan.reporters.common import by_file_and_acceptance, hidden, limited, plain, tail, with_hint
from eduplan.words.github import escape_data, escape_property, log_line

__all__ = ["ANNOTATION_CAP", "write"]

ANNOTATION_CAP = 10
"""Annotations of one kind that GitHub shows per step."""

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    props = []
    if finding.span:
        span = finding.span
        props += [
            f"file={escape_property(span.file)}",
            f"line={span.line}",
            f"endLine={span.end_line}",
            f"col={span.col}",
        ]
        if span.end_line == span.line:
            props.append(f"endColumn={span.end_col}")
    props.append(f"title={escape_property(f'eduplan {finding.code} ({finding.name})')}")
    return f"::{_COMMAND[finding.severity.value]} {','.join(props)}::{escape_data(with_hint(finding))}"


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write annotations grouped per file, then the "+N more" notice and the summary."""
    used: Counter[str] = Counter()
    unannotated = shown = 0
    for file, accepted, group in by_file_and_acceptance(limited(run, options.max_findings, options.show_accepted)):
        shown += len(group)
        title = (file or "eduplan") + (" " + _("(accepted)") if accepted else "")
        out.write(f"::group::{escape_data(title)}\n")
        for finding in group:
            kind = _COMMAND[finding.severity.value]
            cap = ANNOTATION_CAP - 1 if kind == "notice" else ANNOTATION_CAP  # one notice is kept for "+N more"
            if accepted:
                out.write(log_line(plain(finding)) + "\n")
            elif used[kind] < cap:
                used[kind] += 1
                out.write(annotation(finding) + "\n")
            else:
                unannotated += 1
                out.write(log_line(plain(finding)) + "\n")
        out.write("::endgroup::\n")
    more = hidden(run, shown, options.show_accepted)
    if unannotated or more:
        parts = []
        if unannotated:
            parts.append(
                ngettext(
                    "+{count} more not annotated (GitHub shows {cap} per kind); see the log",
                    "+{count} more not annotated (GitHub shows {cap} per kind); see the log",
                    unannotated,
                ).format(count=unannotated, cap=ANNOTATION_CAP)
            )
        if more:
            parts.append(tail(more))
        out.write(f"::notice title=eduplan::{escape_data('; '.join(parts))}\n")
    out.write(log_line(summary(run, accepted_hidden=not options.show_accepted)) + "\n")
