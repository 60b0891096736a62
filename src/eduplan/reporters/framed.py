"""The human format's findings, grouped per file, each with a code frame; Rich, markup off.

:mod:`.human` imports this module only when there is something to list.

Plan text is printed as text: Rich markup and highlighting are off, so ``[ปี 2566]`` stays as
written; spaces YAML does not read as spaces (a no-break space from Word) show as ``⍽``. Columns
in the frame are counted in terminal cells, so the caret lands under Thai text with combining marks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from eduplan.check.result import RunResult
from eduplan.console import plain_console
from eduplan.findings import Finding
from eduplan.i18n import _
from eduplan.load.mistakes import VISIBLE
from eduplan.reporters import ReportOptions, source_lines, summary
from eduplan.reporters.common import by_file_and_acceptance, hidden, severity_word, tail

__all__ = ["write_findings"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CONTEXT = 1
"""Lines shown above and below the offending line."""


def write_findings(run: RunResult, findings: Iterator[Finding], out: TextIO, options: ReportOptions) -> None:
    """Write ``findings`` (the run's, as listed) each with its frame, then the "+N more" and the summary."""
    console = plain_console(out, color=options.color, width=options.width or (None if options.color else 120))
    shown = 0
    for file, accepted, group in by_file_and_acceptance(findings):
        heading = Text(file or _("(no file)"), style="bold underline")
        if accepted:
            heading.append(" " + _("(accepted)"), style="green")
        console.print(heading)
        for finding in group:
            _finding(console, run, finding)
        console.print()
        shown += len(group)
    more = hidden(run, shown, options.show_accepted)
    if more > 0:
        console.print(Text(tail(more), style="dim"))
    style = "bold red" if run.failing else "bold green"
    console.print(Text(summary(run, accepted_hidden=not options.show_accepted), style=style))


def _finding(console: Console, run: RunResult, finding: Finding) -> None:
    span = finding.span
    head = Text("  ")
    head.append(f"{span.line}:{span.col}" if span else "-", style="bold")
    head.append("  ")
    style = "green" if finding.accepted is not None else _STYLE[finding.severity.value]
    head.append(severity_word(finding), style=style)
    head.append(f"  {finding.code}  ", style="bold")
    head.append(finding.message)
    head.append(f"  {finding.name}", style="dim")
    console.print(head)
    if span is not None:
        _frame(console, source_lines(run, span.file), finding)
    if finding.hint:
        console.print(Text("      " + _("hint: {hint}").format(hint=finding.hint), style="dim"))
    if finding.accepted is not None:
        console.print(Text("      " + _("accepted: {reason}").format(reason=finding.accepted), style="green"))


def _frame(console: Console, lines: list[str], finding: Finding) -> None:
    span = finding.span
    if span is None or not 1 <= span.line <= len(lines):
        return
    first, last = max(1, span.line - CONTEXT), min(len(lines), span.line + CONTEXT)
    gutter = len(str(last))
    budget = max(40, console.width - gutter - 10)
    # Only the characters around the column are looked at (a 60 kB line is cut first, in one slice):
    # the frame shows at most ``budget`` cells of them, so the cost per finding does not grow with the line.
    reach = 3 * budget
    offset = max(0, span.col - 1 - reach)
    full = lines[span.line - 1]
    line = full[offset : span.col - 1 + reach].expandtabs(1).translate(VISIBLE)
    start = min(span.col - 1 - offset, len(line))
    end = span.end_col - 1 - offset if span.end_line == span.line else len(line)
    end = max(start + 1, min(end, len(line)))
    left = max(0, min(start - budget // 3, len(line) - budget)) if cell_len(line) > budget or offset else 0
    while 0 < left < len(line) and cell_len(line[left]) == 0:
        left -= 1  # never start on a combining mark
    for number in range(first, last + 1):
        text = lines[number - 1]
        text = _window(
            text[offset : span.col - 1 + reach].expandtabs(1).translate(VISIBLE), left, budget, offset, len(text)
        )
        marker = ">" if number == span.line else " "
        row = Text(f"    {marker} {number:>{gutter}} | ", style="dim")
        row.append(text, style="bold" if number == span.line else "dim")
        console.print(row, overflow="ignore", crop=False)
        if number == span.line:
            shown = ("…" if left or offset else "") + line[left:start]
            width = max(1, cell_len(line[start:end]))
            caret = Text(" " * (4 + 2 + gutter + 3 + cell_len(shown)))
            caret.append("^" * min(width, budget), style=_caret_style(finding))
            console.print(caret)


def _caret_style(finding: Finding) -> str:
    return "green" if finding.accepted is not None else _STYLE[finding.severity.value]


def _window(text: str, left: int, budget: int, offset: int = 0, length: int | None = None) -> str:
    """The part of a long line that the frame shows, with "…" where it is cut.

    ``text`` is the line from character ``offset`` on (of ``length`` characters in all).
    """
    length = offset + len(text) if length is None else length
    if cell_len(text) <= budget and not left and not offset and len(text) == length:
        return text
    part = text[left:]
    while cell_len(part) > budget:
        part = part[: max(1, len(part) - max(1, cell_len(part) - budget))]
    cut_left = bool(left or offset)
    return ("…" if cut_left else "") + part + ("…" if offset + left + len(part) < length else "")
