"""Change targets (เพิ่มขึ้นร้อยละ 3) and the values they name (shared by the TG and AN rules).

A change counts from the previous year's target (the nearest earlier year that has one; before the
first, the baseline) or from the baseline (``of: baseline``). The value it names is known when that
earlier value is a number: a baseline of 80 and "เพิ่มขึ้นร้อยละ 3" name 83 in the first year, 86 in
the next. Otherwise (no baseline value, a level, a range) it is unknown and rules judge only the change
itself.
"""

from __future__ import annotations

from eduplan.model import Change, Indicator
from eduplan.rules.base import numeric, show

__all__ = ["CHANGE_KINDS", "resolved", "written_change"]

CHANGE_KINDS = ("percent", "count", "score")
"""Kinds whose targets can be a change: an amount more or less than before is a number."""


def resolved(indicator: Indicator) -> dict[int, float | None]:
    """Each change target's year -> the value it names, or None when the value it counts from is unknown."""
    baseline = numeric(indicator.baseline.value) if indicator.baseline is not None else None
    values: dict[int, float | None] = {}
    previous = baseline
    for year in sorted(indicator.targets):
        target = indicator.targets[year]
        if isinstance(target, Change):
            start = baseline if target.of == "baseline" else previous
            values[year] = None if start is None else start + target.delta
            previous = values[year]
        else:
            previous = numeric(target)
    return values


def written_change(change: Change, value: float | None) -> str:
    """A change as messages show it: "เพิ่มขึ้นร้อยละ 3, that is 103" (the value when known)."""
    shown = change.shown()
    return shown if value is None else f"{shown}, that is {show(round(value, 6))}"
