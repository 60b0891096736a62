"""The human format: changes grouped per policy and item, coloured with Rich on a terminal.

Plan text is never read as Rich markup (``[Week 1]`` stays as written). Word changes are
shown as ``[-removed-]{+added+}`` (as ``git diff --word-diff=plain`` does), coloured when the
output is a terminal, so the text stays readable when piped or pasted.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from .change import Change, DiffResult, Group, Level
from .present import location, sections, shorten, summary
from .words import compact

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["write_human"]

_STYLE = {Level.MAJOR: "bold red", Level.WARN: "yellow", Level.MINOR: "cyan", Level.INFO: "dim"}


def write_human(result: DiffResult, file: TextIO, *, color: bool | None = None) -> None:
    """Write the report; ``color`` None means colour on a terminal (``NO_COLOR`` and ``FORCE_COLOR`` apply)."""
    from rich.console import Console

    if color is None:
        tty = hasattr(file, "isatty") and file.isatty()
        color = bool(os.environ.get("FORCE_COLOR")) or (tty and "NO_COLOR" not in os.environ)
    console = Console(
        file=file,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
    )
    console.print(f"{result.old_label} → {result.new_label}: {summary(result)}", style="bold")
    for section in sections(result):
        console.print()
        console.print(_heading(section.group, 90), style="bold")
        for change in section.own:
            _change(console, change, "  ")
        for item, changes in section.items:
            console.print("  " + _heading(item, 80), style="bold")
            for change in changes:
                _change(console, change, "    ")


def _heading(group: Group, limit: int) -> str:
    text = group.label if group.label == group.id else f"{group.label} ({group.id})"
    return f"{text}  {shorten(group.title, limit)}" if group.title else text


def _change(console: Console, change: Change, indent: str) -> None:
    from rich.text import Text

    line = Text(indent)
    line.append(f"{change.severity.value:<5}", style=_STYLE[change.severity])
    line.append(f"  {change.kind.words:<19} ")
    line.append(change.detail)
    if change.weakening and "weakening" not in change.detail:
        line.append("  (weakening)", style="bold red")
    console.print(line)
    pad = indent + " " * 7
    if change.words:
        words = Text(pad)
        for op, text in compact(list(change.words)):
            if op == "-":
                words.append(f"[-{text}-]", style="red")
            elif op == "+":
                words.append(f"{{+{text}+}}", style="green")
            else:
                words.append(text)
        console.print(words)
    if change.hint:
        console.print(Text(f"{pad}hint: {change.hint}", style="magenta"))
    where = location(change)
    if where:
        console.print(Text(f"{pad}{where}", style="dim"))
