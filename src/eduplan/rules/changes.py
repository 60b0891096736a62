"""Change targets (เพิ่มขึ้นร้อยละ 3) and the values they name (shared by the TG rules).

The value a change names is counted as statuses count it (:func:`eduplan.analysis.targets.resolve_target`):
from the previous year's target (before the first, the baseline) or from the baseline
(``of: baseline``). A baseline of 80 and "เพิ่มขึ้นร้อยละ 3" name 83 in the first year, 86 in the next.
When the value it counts from is unknown (no baseline value, a gap year, a level, a range), rules
judge only the change itself.
"""

from __future__ import annotations

from eduplan.analysis.targets import resolve_target
from eduplan.i18n import _
from eduplan.model import Change, Indicator
from eduplan.rules.base import numeric, show

__all__ = ["resolved", "written_change"]


def resolved(indicator: Indicator) -> dict[int, float | None]:
    """Each change target's year -> the number it names, or None when it cannot be known."""
    values: dict[int, float | None] = {}
    for year, target in indicator.targets.items():
        if isinstance(target, Change):
            found = resolve_target(indicator, year)
            values[year] = numeric(found.value) if found is not None else None
    return values


def written_change(change: Change, value: float | None) -> str:
    """A change as messages show it: "เพิ่มขึ้นร้อยละ 3, that is 103" (the value when known)."""
    shown = change.shown()
    if value is None:
        return shown
    # TRANSLATORS: a change target and the value it names: "เพิ่มขึ้นร้อยละ 3, that is 83".
    return _("{change}, that is {value}").format(change=shown, value=show(round(value, 6)))
