"""Comparing values: yearly targets (direction-aware), numbers with a tolerance, and display.

A target is a number (80), a range ({min: 70, max: 80}) or a qualitative level ("ดีมาก").
Numbers compare by value; ranges when both bounds move the same way; levels by their place
on the indicator's scale (``levels``, worst to best). Anything else is a change with no up or
down (``target-changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eduplan.analysis.targets import resolve_target
from eduplan.diff.change import ChangeKind
from eduplan.model import Indicator, Range
from eduplan.model.common import Change

__all__ = [
    "TargetChange",
    "year_target_change",
    "compare_changes",
    "compare_numbers",
    "compare_target",
    "is_number",
    "show",
]

TargetChange = tuple[ChangeKind, float | None, bool]
"""(kind, delta, weakening) of a changed target."""


def compare_numbers(old: Any, new: Any, tolerance: float) -> float | None:
    """``new - old`` when both are numbers and differ by more than ``tolerance``, else ``None``."""
    if not is_number(old) or not is_number(new):
        return None
    delta = _tidy(new - old)
    return delta if abs(delta) > tolerance else None


def compare_target(
    old: Any, new: Any, direction: str, levels: list[str] | None, tolerance: float
) -> TargetChange | None:
    """How a yearly target changed, or ``None`` when it did not (within ``tolerance``).

    Args:
        old: The old target (number, :class:`Range` or level text).
        new: The new target.
        direction: The indicator's direction in the new edition.
        levels: The indicator's scale, worst to best, when it has one.
        tolerance: Numeric differences up to this size are not changes.
    """
    if is_number(old) and is_number(new):
        delta = _tidy(new - old)
        return None if abs(delta) <= tolerance else _moved(delta, delta, direction)
    if isinstance(old, Range) and isinstance(new, Range):
        return _compare_ranges(old, new, direction, tolerance)
    if isinstance(old, str) and isinstance(new, str):
        if old == new:
            return None
        scale = levels or []
        if old in scale and new in scale:
            steps = scale.index(new) - scale.index(old)
            return _moved(steps, float(steps), direction)
    if old == new:
        return None
    return ChangeKind.TARGET_CHANGED, None, False


def year_target_change(
    old: Any,
    new: Any,
    year: int,
    before: Indicator | None,
    after: Indicator,
    levels: list[str] | None,
    tolerance: float,
) -> tuple[TargetChange | None, tuple[float, float] | None]:
    """How one year's target changed, and the two values compared when a change target met a value.

    A change target ("เพิ่มขึ้นร้อยละ 3") against a value (85), or against a change counted from something
    else, is resolved on each side (:mod:`eduplan.analysis.targets`): when both give numbers they are
    compared, so 'เพิ่มขึ้นร้อยละ 3' (83) -> 80 is a lowering; else it is a change with no up or down.

    Args:
        old: The old edition's target of the year.
        new: The new edition's target of the year.
        year: The year.
        before: The indicator in the old edition, when it had one.
        after: The indicator in the new edition.
        levels: The scale of levels, worst to best, when there is one.
        tolerance: Numeric differences up to this size are not changes.
    """
    direction = after.direction
    if not isinstance(old, Change) and not isinstance(new, Change):
        return compare_target(old, new, direction, levels, tolerance), None
    if isinstance(old, Change) and isinstance(new, Change) and old.of == new.of:
        return compare_changes(old, new, direction, tolerance), None
    was = resolve_target(before, year) if before is not None else None
    now = resolve_target(after, year)
    if was is not None and now is not None and is_number(was.value) and is_number(now.value):
        values = (float(was.value), float(now.value))  # type: ignore[arg-type]
        return compare_target(*values, direction, levels, tolerance), values
    return (ChangeKind.TARGET_CHANGED, None, False), None


def compare_changes(old: Change, new: Change, direction: str, tolerance: float) -> TargetChange | None:
    """How a change target changed into another counted from the same value ("เพิ่มขึ้น 3" -> "เพิ่มขึ้น 5").

    A larger increase (or a smaller decrease) raises the target; wording alone (the same amount) is no change.
    Counted from something else (previous year -> baseline), it is a change with no up or down.
    """
    if old.of != new.of:
        return ChangeKind.TARGET_CHANGED, None, False
    delta = _tidy(new.delta - old.delta)
    return None if abs(delta) <= tolerance else _moved(delta, delta, direction)


def _compare_ranges(old: Range, new: Range, direction: str, tolerance: float) -> TargetChange | None:
    moves: list[float] = []
    for before, after in ((old.min, new.min), (old.max, new.max)):
        if before is None and after is None:
            continue
        if before is None or after is None:
            return ChangeKind.TARGET_CHANGED, None, False
        moves.append(_tidy(after - before))
    moves = [m if abs(m) > tolerance else 0.0 for m in moves]
    if all(m == 0 for m in moves):
        return None
    if all(m >= 0 for m in moves) or all(m <= 0 for m in moves):
        delta = moves[0] if len(set(moves)) == 1 else None
        return _moved(sum(moves), delta, direction)
    return ChangeKind.TARGET_CHANGED, None, False


def _moved(sign: float, delta: float | None, direction: str) -> TargetChange:
    raised = sign > 0
    kind = ChangeKind.TARGET_RAISED if raised else ChangeKind.TARGET_LOWERED
    weakening = (direction == "higher-is-better" and not raised) or (direction == "lower-is-better" and raised)
    return kind, delta, weakening


def is_number(value: Any) -> bool:
    """True for ints and floats (not booleans)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _tidy(value: float) -> float:
    """Round away float noise (85.1 - 85 = 0.0999...): 10 significant decimals are plenty."""
    rounded = round(value, 10)
    return int(rounded) if rounded == int(rounded) else rounded


def _change(change: Change, again: Callable[[Any], str]) -> str:
    """A change target as published ("เพิ่มขึ้นร้อยละ 3"), else in the plan's words ("เพิ่มขึ้น 3 จากปีฐาน")."""
    if change.text:
        return change.text
    word = "เพิ่มขึ้น" if change.increase is not None else "ลดลง"
    since = "จากปีฐาน" if change.of == "baseline" else ""
    return " ".join(w for w in (word, again(abs(change.delta)), since) if w)


def show(value: Any, number: Callable[[str], str] = str, none: str = "(none)", unbounded: str = "(any)") -> str:
    """A value as a reader writes it: 80 (not 80.0), 70–80 for a range, text as is.

    Args:
        value: A number, range, level, text, list or ``None``.
        number: Writes the digits of a number (Thai digits in a Thai document); plan text is
            never touched.
        none: The word for no value.
        unbounded: The word for a range with neither bound.
    """

    def again(inner: Any) -> str:
        return show(inner, number, none, unbounded)

    if value is None:
        return none
    if isinstance(value, bool):
        return str(value).lower()
    if is_number(value):
        return number(str(_tidy(value)))
    if isinstance(value, Range):
        return again(value.model_dump(mode="json"))
    if isinstance(value, Change) or (isinstance(value, dict) and {"increase", "decrease"} & set(value)):
        return _change(Change.model_validate(value), again)
    if isinstance(value, dict) and set(value) <= {"min", "max"}:
        low, high = value.get("min"), value.get("max")
        if low is None and high is None:
            return unbounded
        if low is not None and high is not None:
            return f"{again(low)}–{again(high)}"
        return f"≥ {again(low)}" if low is not None else f"≤ {again(high)}"
    if isinstance(value, list):
        return ", ".join(again(v) for v in value) if value else none
    return str(value)
