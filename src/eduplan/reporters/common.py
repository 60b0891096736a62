"""Small helpers the reporters share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any, TypeVar

from eduplan.findings import Finding
from eduplan.i18n import _, ngettext, pgettext

if TYPE_CHECKING:
    from eduplan.check.result import RunResult

__all__ = [
    "by_file",
    "by_file_and_acceptance",
    "editor_lines",
    "hidden",
    "limited",
    "limited_shown",
    "listed",
    "location",
    "plain",
    "severity_word",
    "tail",
    "with_hint",
]

_BREAK = re.compile(r"\r\n?|\n")
T = TypeVar("T")


def _itself(item: Any) -> Any:
    return item


def editor_lines(text: str) -> list[str]:
    """The lines of a text as editors and eduplan's positions count them.

    Only a line feed, CR LF or a lone CR ends a line: ``str.splitlines`` also breaks at NEL, U+2028,
    U+2029 and form feeds, which would put a frame's lines out of step with the line numbers.
    """
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def listed(findings: list[Finding], show_accepted: bool) -> list[Finding]:
    """One plan's findings as a listing shows them: the real ones, then (if shown) the accepted ones.

    Real findings come first, so that what needs fixing is never buried among accepted lines.
    """
    real = [f for f in findings if f.accepted is None]
    if not show_accepted or len(real) == len(findings):
        return real
    return real + [f for f in findings if f.accepted is not None]


def limited(run: RunResult, limit: int | None, show_accepted: bool = False) -> Iterator[Finding]:
    """The run's findings as listed (see :func:`listed`), read once, the first ``limit`` of them.

    The whole run is read even past the limit, so that its tally counts every finding:
    :func:`hidden` is then the "+N more".
    """
    return (finding for finding, _shown in limited_shown(run, limit, show_accepted))


def limited_shown(
    run: RunResult, limit: int | None, show_accepted: bool = False
) -> Iterator[tuple[Finding, str | None]]:
    """:func:`limited`, each finding with its text as the worker that checked its plan wrote it (else None).

    A plan's ``shown`` texts, when its worker made them, are those of its listed findings, in order.
    """
    shown = 0
    for check in run.stream():
        if limit is not None and shown >= limit:
            continue
        texts = check.shown
        for i, finding in enumerate(listed(check.findings, show_accepted)):
            if limit is None or shown < limit:
                shown += 1
                yield finding, texts[i] if texts is not None else None


def hidden(run: RunResult, shown: int, show_accepted: bool) -> int:
    """Findings the listing would show but ``--max-findings`` cut (accepted ones aside when not shown)."""
    return run.tally.visible(show_accepted) - shown


def by_file(findings: Iterable[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by file, in the order given (they arrive sorted)."""
    for file, group in groupby(findings, key=lambda f: f.span.file if f.span else ""):
        yield file, list(group)


def by_file_and_acceptance(
    items: Iterable[T], finding_of: Callable[[T], Finding] = _itself
) -> Iterator[tuple[str, bool, list[T]]]:
    """Findings (or items holding one: ``finding_of``) grouped by file and by whether they are accepted, in order.

    See :func:`listed` for the order a listing gives them.
    """

    def where(item: T) -> tuple[str, bool]:
        finding = finding_of(item)
        return (finding.span.file if finding.span else "", finding.accepted is not None)

    for (file, accepted), group in groupby(items, key=where):
        yield file, accepted, list(group)


def plain(finding: Finding) -> str:
    """One line: ``file:line:col: severity CODE message (name)``; ``accepted`` and the reason for an accepted one.

    The severity is a word of the run's language (``error``, ``ข้อผิดพลาด``); an accepted finding never
    reads as an error, so a ``grep ': error '`` (or its Thai) skips it.
    """
    line = f"{location(finding)}: {severity_word(finding)} {finding.code} {finding.message} ({finding.name})"
    if finding.accepted is not None:
        line += " [" + _("reason: {reason}").format(reason=finding.accepted) + "]"
    return line.replace("\r", " ").replace("\n", " ")


def location(finding: Finding) -> str:
    """``file:line:col``, or ``-`` for a finding with no file."""
    return str(finding.span) if finding.span else "-"


def tail(hidden: int) -> str:
    """The "+N more" line for findings past ``--max-findings``."""
    return ngettext(
        "+{count} more finding not shown (raise --max-findings to see them)",
        "+{count} more findings not shown (raise --max-findings to see them)",
        hidden,
    ).format(count=hidden)


def severity_word(finding: Finding) -> str:
    """The severity of a finding in the run's language (``accepted`` for an accepted one), for people to read."""
    if finding.accepted is not None:
        return pgettext("severity", "accepted")
    return finding.severity.word


def with_hint(finding: Finding, separator: str = "\n") -> str:
    """The message, and ``hint: ...`` after ``separator`` when the finding has one."""
    if not finding.hint:
        return finding.message
    return finding.message + separator + _("hint: {hint}").format(hint=finding.hint)
