"""Small helpers the reporters share."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from ..findings import Finding

__all__ = ["by_file", "location", "tail"]


def by_file(findings: list[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by file, in the order given (they arrive sorted)."""
    for file, group in groupby(findings, key=lambda f: f.span.file if f.span else ""):
        yield file, list(group)


def location(finding: Finding) -> str:
    """``file:line:col``, or ``-`` for a finding with no file."""
    return str(finding.span) if finding.span else "-"


def tail(hidden: int) -> str:
    """The "+N more" line for findings past ``--max-findings``."""
    return f"+{hidden} more finding{'s' if hidden != 1 else ''} not shown (raise --max-findings to see them)"
