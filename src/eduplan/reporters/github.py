"""The github format: GitHub Actions workflow commands, grouped per file.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and drops
the rest silently. This format annotates the first findings of each kind up to that cap,
prints the others as plain log lines, and ends with a notice "+N more". Accepted findings are
plain log lines. Values are escaped as the Actions toolkit does.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..findings import Finding
from . import ReportOptions, RunResult
from .common import by_file, limited, location, tail

__all__ = ["ANNOTATION_CAP", "escape_data", "escape_property", "write"]

ANNOTATION_CAP = 10
"""Annotations of one kind that GitHub shows per step."""

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


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
    message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    return f"::{_COMMAND[finding.severity.value]} {','.join(props)}::{escape_data(message)}"


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write annotations grouped per file, then the "+N more" notice and the summary."""
    used: Counter[str] = Counter()
    plain = shown = 0
    for file, group in by_file(limited(run, options.max_findings)):
        shown += len(group)
        out.write(f"::group::{escape_data(file or 'eduplan')}\n")
        for finding in group:
            kind = _COMMAND[finding.severity.value]
            cap = ANNOTATION_CAP - 1 if kind == "notice" else ANNOTATION_CAP  # one notice is kept for "+N more"
            line = f"{location(finding)}: {finding.severity.value} {finding.code} {finding.message} ({finding.name})"
            if finding.accepted:
                out.write(escape_data(f"{line} [accepted: {finding.accepted}]") + "\n")
            elif used[kind] < cap:
                used[kind] += 1
                out.write(annotation(finding) + "\n")
            else:
                plain += 1
                out.write(escape_data(line) + "\n")
        out.write("::endgroup::\n")
    hidden = run.tally.findings - shown
    if plain or hidden:
        parts = []
        if plain:
            parts.append(f"+{plain} more not annotated (GitHub shows {ANNOTATION_CAP} per kind); see the log")
        if hidden:
            parts.append(tail(hidden))
        out.write(f"::notice title=eduplan::{escape_data('; '.join(parts))}\n")
    out.write(run.summary() + "\n")
