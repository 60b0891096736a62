"""The human format: changes grouped per policy and item, coloured with Rich on a terminal.

Plan text is never read as Rich markup (``[Week 1]`` stays as written). Word changes are
shown as ``[-removed-]{+added+}`` (as ``git diff --word-diff=plain`` does), coloured when the
output is a terminal, so the text stays readable when piped or pasted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from eduplan.diff.change import Change, ChangeKind, DiffResult, Group, Level
from eduplan.diff.present import location, sections, shorten
from eduplan.diff.words import compact

if TYPE_CHECKING:
    from rich.console import Console

    from eduplan.diff.wording import Words

__all__ = ["write_human"]

_STYLE = {Level.MAJOR: "bold red", Level.WARN: "yellow", Level.MINOR: "cyan", Level.INFO: "dim"}


def write_human(result: DiffResult, file: TextIO, words: Words, *, color: bool) -> None:
    """Write the report in ``words``' language, coloured or not (the command decides)."""
    from rich.cells import cell_len

    from eduplan.console import plain_console

    console = plain_console(file, color=color)
    # columns as wide as the longest level and kind in this language (Thai marks take no cell)
    widths = (max(cell_len(words.level(lv)) for lv in Level), max(cell_len(words.kind(k)) for k in ChangeKind))
    console.print(f"{result.old_label} → {result.new_label}: {words.summary(result)}", style="bold")
    for section in sections(result):
        console.print()
        console.print(_heading(section.group, words, 90), style="bold")
        for change in section.own:
            _change(console, change, words, widths, "  ")
        for item, changes in section.items:
            console.print("  " + _heading(item, words, 80), style="bold")
            for change in changes:
                _change(console, change, words, widths, "    ")


def _heading(group: Group, words: Words, limit: int) -> str:
    label = words.heading(group)
    text = label if group.shown_id in ("", label) else f"{label} ({group.shown_id})"
    return f"{text}  {shorten(group.title, limit)}" if group.title else text


def _change(console: Console, change: Change, words: Words, widths: tuple[int, int], indent: str) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    def padded(text: str, width: int) -> str:
        return text + " " * (width - cell_len(text))

    line = Text(indent)
    line.append(padded(words.level(change.severity), widths[0]), style=_STYLE[change.severity])
    line.append(f"  {padded(words.kind(change.kind), widths[1])} ")
    detail = words.detail(change)
    line.append(detail)
    if words.weakening_unsaid(change, detail):
        line.append(f" ({words['diff_weakening']})", style="bold red")
    console.print(line)
    pad = indent + " " * (widths[0] + 2)
    if change.words:
        diffed = Text(pad)
        for op, text in compact(list(change.words)):
            if op == "-":
                diffed.append(f"[-{text}-]", style="red")
            elif op == "+":
                diffed.append(f"{{+{text}+}}", style="green")
            else:
                diffed.append(text)
        console.print(diffed)
    if change.hint:
        console.print(Text(f"{pad}{words['diff_hint']}: {words.hint(change)}", style="magenta"))
    where = location(change)
    if where:
        console.print(Text(f"{pad}{where}", style="dim"))
