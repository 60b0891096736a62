"""Findings: what the loader and the rules say about a plan, each located in a file.

A finding is a value. Loading and checking collect every finding of a run; nothing stops at
the first. Presentation (text, JSON, SARIF, ...) is the reporters' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, NamedTuple, Self

from eduplan.i18n import pgettext

__all__ = ["Finding", "Path", "Severity", "Span"]

Path = tuple[str | int, ...]
"""Where a value sits in the plan data, such as ("policies", 2, "indicators", 0, "targets", 2567)."""


class Severity(StrEnum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for errors, 1 for warnings, 0 for infos."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    @property
    def word(self) -> str:
        """The severity in the run's language, for people to read (the value stays the same for tools)."""
        if self is Severity.ERROR:
            return pgettext("severity", "error")
        if self is Severity.WARNING:
            return pgettext("severity", "warning")
        return pgettext("severity", "info")


class Span(NamedTuple):
    """A region of a file: 1-based lines and columns; the end is exclusive."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a plan.

    Attributes:
        code: Rule code, such as ``TG01`` or ``YA02``.
        name: Dotted rule name, such as ``targets.against-direction``.
        severity: error, warning or info.
        message: What is wrong, with the offending value.
        span: Where it is; ``None`` only for problems with no file (a missing directory).
        path: Where the value sits in the plan data, when known.
        hint: How to fix it, when there is a useful suggestion.
        accepted: The reason from the plan's ``accepted`` list, when the plan accepts it.
        at: Id-based path of what the finding is about, such as ``p3-i19.targets.2567``
            (set by :mod:`eduplan.check`; acceptances and machine formats name findings by it).
    """

    code: str
    name: str
    severity: Severity
    message: str
    span: Span | None = None
    path: Path = field(default=())
    hint: str | None = None
    accepted: str | None = None
    at: str | None = None

    def accept(self, reason: str) -> Finding:
        """Return this finding marked as accepted, with the reason."""
        return replace(self, accepted=reason)

    @property
    def sort_key(self) -> tuple[tuple[int | str, ...], int, int, str, str]:
        """The order of findings everywhere: file (``policies/2.yaml`` before ``10.yaml``), line, column, code."""
        if self.span is None:
            return ((), 0, 0, self.code, self.message)
        return (natural_key(self.span.file), self.span.line, self.span.col, self.code, self.message)


def natural_key(text: str) -> tuple[int | str, ...]:
    """Sort key that reads runs of digits as numbers: ``2.yaml`` before ``10.yaml``.

    ``isdecimal``, not ``isdigit``: ``²`` is a digit that ``int()`` does not read.
    """
    return tuple(int(part) if part.isdecimal() else part for part in re.split(r"(\d+)", text))


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a finding code means: loading codes, rules and acceptances alike (a rule is one, with its check).

    Attributes:
        code: Short code, such as ``YA02``.
        name: Dotted name, such as ``yaml.duplicate-key``.
        severity: Default severity.
        summary: One line: the first of ``doc``.
        doc: User documentation: what it checks, why, and *Fails:*/*Passes:* examples.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str

    @classmethod
    def documented(cls, code: str, name: str, severity: Severity, doc: str, **more: Any) -> Self:
        """The code with its documentation (the summary is its first line); ``more``: a subclass's fields."""
        doc = doc.strip()
        return cls(code, name, severity, doc.partition("\n")[0].strip(), doc, **more)
