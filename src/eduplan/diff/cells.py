"""Comparing the tables of a plan's context sections (ข้อมูลพื้นฐาน): rows and cells.

A table's rows are matched by their first cell (the district, the school size) when it names
every row once in both editions, else by position; a changed cell is one change naming its row
and its column heading, with the delta when both values are numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from eduplan.diff.change import ChangeKind, Say
from eduplan.diff.match import merged_order
from eduplan.diff.targets import compare_numbers, is_number

__all__ = ["compare_rows"]

Row = Sequence[Any]


class Position(Protocol):
    """Where the walk is (the engine's ``_At``)."""

    def field(self, name: str | int) -> Position:
        """The position of a part of the value."""
        ...


Emit = Callable[..., None]
"""The engine's ``emit(kind, at, old, new, *, delta=None, say)``."""


def compare_rows(
    emit: Emit, old: list[Row], new: list[Row], at: Position, columns: Sequence[str], tolerance: float
) -> None:
    """Report the rows added and removed and every cell changed between two versions of a table."""
    old_by, new_by = _keyed(old, new), _keyed(new, old)
    for key in merged_order(list(old_by), list(new_by)):
        if key not in old_by:
            n, row = new_by[key]
            emit(
                ChangeKind.CHANGED, at.field(n), None, list(row), say=Say.of("diff_row_added", row=n + 1, new=list(row))
            )
        elif key not in new_by:
            n, row = old_by[key]
            emit(
                ChangeKind.CHANGED,
                at.field(n),
                list(row),
                None,
                say=Say.of("diff_row_removed", row=n + 1, old=list(row)),
            )
        else:
            (_, before), (n, after) = old_by[key], new_by[key]
            for c in range(max(len(before), len(after))):
                a = before[c] if c < len(before) else None
                b = after[c] if c < len(after) else None
                if a == b:
                    continue
                delta = None
                if is_number(a) and is_number(b):
                    delta = compare_numbers(a, b, tolerance)
                    if delta is None:
                        continue
                column = columns[c] if c < len(columns) else str(c + 1)
                say = Say.of("diff_cell_changed", row=n + 1, column=column, old=a, new=b, delta=delta)
                emit(ChangeKind.CHANGED, at.field(n).field(c), a, b, delta=delta, say=say)


def _keyed(rows: list[Row], other: list[Row]) -> dict[str, tuple[int, Row]]:
    """Rows by their first cell when it names each row once in both tables, else by position."""
    firsts = [r[0] if r else None for r in rows]
    others = [r[0] if r else None for r in other]
    unique = all(isinstance(f, str) and len(set(cells)) == len(cells) for cells in (firsts, others) for f in cells)
    if unique:
        return {str(f): (n, r) for n, (f, r) in enumerate(zip(firsts, rows, strict=True))}
    return {f"#{n}": (n, r) for n, r in enumerate(rows)}
