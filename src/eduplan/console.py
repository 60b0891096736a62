"""The Rich console every human format writes through: it prints what it is given, coloured or not.

No wrapping of its own (``soft_wrap``), no markup, emoji codes or highlighting read into the text
(plan text may hold ``[brackets]`` and ``:colons:``), and colour only when the command decided so.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console

__all__ = ["plain_console"]


def plain_console(file: TextIO, *, color: bool, width: int | None = None) -> Console:
    """A console on ``file`` that prints its text as given; ``width`` when the caller fixes one."""
    return Console(
        file=file,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        width=width,
    )
