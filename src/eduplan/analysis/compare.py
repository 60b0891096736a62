"""Comparing one actual with one target: the whole rule of achieved and not achieved.

A pure module, used by :mod:`eduplan.analysis.status` and by the sheet's live status.

How an actual is compared with a target depends on the target and the indicator's direction:

==================  ==============================  ==============================  =========================
target              higher-is-better                lower-is-better                 maintain
==================  ==============================  ==============================  =========================
number ``t``        actual >= t                     actual <= t                     abs(actual - t) <= tol
range ``min..max``  actual >= min                   actual <= max                   min - tol <= actual <= max + tol
level (scale)       at least as good on the scale   at least as good on the scale   the same level
level (no scale)    the same level (equality)       the same level (equality)       the same level (equality)
==================  ==============================  ==============================  =========================

A level scale (``Indicator.levels``) is ordered from worst to best, so for levels "better" is
defined by the scale whatever the direction says. A range with only one bound is open on the
other side. ``tol`` (the tolerance) only widens ``maintain``; it is 0 unless the caller gives one.

A change target (``เพิ่มขึ้นร้อยละ 3``) is resolved to a value first (:mod:`eduplan.analysis.targets`);
given one unresolved, or an actual written as a change, ``compare`` says they are not comparable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from eduplan.model import Range
from eduplan.model.common import Change, Direction

__all__ = ["Comparison", "Counts", "Status", "combine_parts", "TargetValue", "compare", "show_value"]

TargetValue = float | Range | Change | str
"""A target or an actual as the model holds it: a number, a range, a change or a level."""


class Status(StrEnum):
    """The status of one indicator in one fiscal year."""

    ACHIEVED = "achieved"
    """The actual reaches the target."""
    NOT_ACHIEVED = "not-achieved"
    """The actual misses the target."""
    NO_DATA = "no-data"
    """The year's report gives no value: the indicator is missing or marked ``no_data``."""
    NOT_COMPARABLE = "not-comparable"
    """There is a value, but it cannot be compared with the target (a level for a number target,
    a level that is not on the indicator's scale, a range given as an actual)."""
    NOT_DUE = "not-due"
    """Nothing to judge: the year has no target for the indicator, or no report yet."""
    PARTLY = "partly-achieved"
    """An indicator judged by its sub-indicators: some of them reach their targets, not all."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing one actual with one target.

    Attributes:
        status: achieved, not-achieved or not-comparable.
        reason: One sentence saying why, with both values, such as "82 >= 80 (higher is better)".
        margin: How far the actual is on the good side of the target (negative: short of it), in
            the indicator's unit; for levels, in steps of the scale. ``None`` when not measurable
            (levels without a scale, not comparable).
        by_equality: True when levels were compared for equality because the indicator has no scale.
    """

    status: Status
    reason: str
    margin: float | None = None
    by_equality: bool = False


@dataclass(frozen=True, slots=True, repr=False)
class Counts:
    """How many indicators have each status (an indicator with its sub-indicators counts once).

    Attributes:
        achieved: Indicators whose actual reaches the target.
        not_achieved: Indicators whose actual misses the target.
        no_data: Indicators with a target but no value in the year's report.
        not_comparable: Indicators whose value cannot be compared with the target.
        not_due: Indicators with nothing to judge (no target, or no report yet).
        partly: Indicators judged by their parts, some of which reach their targets.
    """

    achieved: int = 0
    not_achieved: int = 0
    no_data: int = 0
    not_comparable: int = 0
    not_due: int = 0
    partly: int = 0

    def __repr__(self) -> str:
        """The counts by name; ``partly`` only when some indicator is judged by its parts."""
        names = ["achieved", "not_achieved", "no_data", "not_comparable", "not_due"] + ["partly"] * bool(self.partly)
        return f"Counts({', '.join(f'{name}={getattr(self, name)}' for name in names)})"

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> Counts:
        """Count statuses."""
        tally = Counter(statuses)
        return cls(
            achieved=tally[Status.ACHIEVED],
            not_achieved=tally[Status.NOT_ACHIEVED],
            no_data=tally[Status.NO_DATA],
            not_comparable=tally[Status.NOT_COMPARABLE],
            not_due=tally[Status.NOT_DUE],
            partly=tally[Status.PARTLY],
        )

    @property
    def total(self) -> int:
        """Every indicator counted."""
        return self.achieved + self.not_achieved + self.no_data + self.not_comparable + self.not_due + self.partly

    @property
    def due(self) -> int:
        """Indicators that had a target and a report: everything but ``not_due``."""
        return self.total - self.not_due

    @property
    def with_data(self) -> int:
        """Indicators that could be judged: achieved, partly achieved and not achieved."""
        return self.achieved + self.not_achieved + self.partly

    @property
    def share_achieved(self) -> float | None:
        """Achieved (wholly) / judged (0..1), or ``None`` when nothing could be judged."""
        return self.achieved / self.with_data if self.with_data else None


_WORDS: dict[Direction, str] = {
    "higher-is-better": "higher is better",
    "lower-is-better": "lower is better",
    "maintain": "maintain",
}


def compare(
    target: TargetValue,
    actual: TargetValue,
    direction: Direction = "higher-is-better",
    levels: Sequence[str] | None = None,
    tolerance: float = 0.0,
) -> Comparison:
    """Compare one actual with one target (see the module docstring for the table).

    Args:
        target: The year's target: a number, a range or a level.
        actual: The actual value.
        direction: The indicator's direction.
        levels: The indicator's scale of levels, worst to best, if it has one.
        tolerance: How far a ``maintain`` indicator may stray from its target and still be achieved.

    Raises:
        ValueError: ``tolerance`` is negative.
    """
    if tolerance < 0:
        raise ValueError(f"the tolerance cannot be negative ({tolerance})")
    if isinstance(actual, Change) or isinstance(target, Change):
        what, change = ("actual", actual) if isinstance(actual, Change) else ("target", target)
        return Comparison(
            Status.NOT_COMPARABLE, f"the {what} is a change ({show_value(change)}) with nothing to count it from"
        )
    if isinstance(target, str) or isinstance(actual, str):
        return _compare_levels(target, actual, direction, levels)
    if isinstance(actual, Range):
        return Comparison(Status.NOT_COMPARABLE, f"the actual is a range ({show_value(actual)}), not a value")
    if isinstance(target, Range):
        return _compare_range(target, actual, direction, tolerance)
    return _compare_numbers(target, actual, direction, tolerance)


def _compare_numbers(target: float, actual: float, direction: Direction, tolerance: float) -> Comparison:
    if direction == "higher-is-better":
        margin = actual - target
        sign = ">=" if margin >= 0 else "<"
    elif direction == "lower-is-better":
        margin = target - actual
        sign = "<=" if margin >= 0 else ">"
    else:
        margin = tolerance - abs(actual - target)
        ok = margin >= 0
        if tolerance:
            text = f"{_num(actual)} is {'within' if ok else 'more than'} {_num(tolerance)} of {_num(target)} (maintain)"
        else:
            text = f"{_num(actual)} {'=' if ok else '!='} {_num(target)} (maintain)"
        return Comparison(Status.ACHIEVED if ok else Status.NOT_ACHIEVED, text, margin)
    status = Status.ACHIEVED if margin >= 0 else Status.NOT_ACHIEVED
    return Comparison(status, f"{_num(actual)} {sign} {_num(target)} ({_WORDS[direction]})", margin)


def _compare_range(target: Range, actual: float, direction: Direction, tolerance: float) -> Comparison:
    low = -float("inf") if target.min is None else target.min
    high = float("inf") if target.max is None else target.max
    if direction == "higher-is-better":
        margin = actual - low
    elif direction == "lower-is-better":
        margin = high - actual
    else:
        margin = min(actual - (low - tolerance), (high + tolerance) - actual)
    status = Status.ACHIEVED if margin >= 0 else Status.NOT_ACHIEVED
    where = "reaches" if status is Status.ACHIEVED else "misses"
    widened = f", widened by {_num(tolerance)}" if direction == "maintain" and tolerance else ""
    finite = margin if abs(margin) != float("inf") else None
    return Comparison(
        status, f"{_num(actual)} {where} the range {show_value(target)} ({_WORDS[direction]}{widened})", finite
    )


def _compare_levels(
    target: TargetValue, actual: TargetValue, direction: Direction, levels: Sequence[str] | None
) -> Comparison:
    if not isinstance(target, str) or not isinstance(actual, str):
        return Comparison(
            Status.NOT_COMPARABLE,
            f"the actual {show_value(actual)} and the target {show_value(target)} are not of the same kind "
            "(a level and a number)",
        )
    if not levels:
        status = Status.ACHIEVED if actual == target else Status.NOT_ACHIEVED
        verb = "is" if actual == target else "is not"
        reason = f"{actual} {verb} {target} (compared by equality: the indicator gives no scale of levels)"
        return Comparison(status, reason, by_equality=True)
    scale = list(levels)
    for value, what in ((actual, "actual"), (target, "target")):
        if value not in scale:
            return Comparison(
                Status.NOT_COMPARABLE, f"the {what} {value} is not on the indicator's scale ({', '.join(scale)})"
            )
    steps = scale.index(actual) - scale.index(target)
    if direction == "maintain":
        status = Status.ACHIEVED if steps == 0 else Status.NOT_ACHIEVED
        verb = "is" if steps == 0 else "is not"
        return Comparison(status, f"{actual} {verb} {target} (maintain)", float(-abs(steps)))
    status = Status.ACHIEVED if steps >= 0 else Status.NOT_ACHIEVED
    verb = "is at least" if steps >= 0 else "is below"
    return Comparison(status, f"{actual} {verb} {target} on the scale {' < '.join(scale)}", float(steps))


def combine_parts(parts: Sequence[Status]) -> tuple[Status, str]:
    """An indicator's status from its parts' statuses, and how it was reached (parts not due left out).

    All parts due achieved -> achieved; none (and none partly) -> not achieved; some -> partly achieved;
    none measured -> no data (or not comparable, when every part due is).
    """
    tally = Counter(parts)
    due = len(parts) - tally[Status.NOT_DUE]
    met, missed, partly = tally[Status.ACHIEVED], tally[Status.NOT_ACHIEVED], tally[Status.PARTLY]
    of = f"of its {_parts(len(parts))}" + (f" ({due} due this year)" if due != len(parts) else "")
    if due == 0:
        return Status.NOT_DUE, f"none of its {_parts(len(parts))} has a target and a report for the year"
    if met + missed + partly == 0:
        if tally[Status.NOT_COMPARABLE] and not tally[Status.NO_DATA]:
            return Status.NOT_COMPARABLE, f"none {of} can be compared with its target"
        return Status.NO_DATA, f"none {of} was measured"
    if met == due:
        if due == len(parts):
            return Status.ACHIEVED, "its only part achieved" if due == 1 else f"all {due} parts achieved"
        return Status.ACHIEVED, f"every part due this year achieved ({due} of {_parts(len(parts))})"
    counted = (
        (partly, "partly achieved"),
        (missed, "not achieved"),
        (tally[Status.NO_DATA], "without data"),
        (tally[Status.NOT_COMPARABLE], "not comparable"),
    )
    others = ", ".join(f"{n} {word}" for n, word in counted if n)
    if met == 0 and partly == 0:
        rest = ", ".join(f"{n} {word}" for n, word in counted[2:] if n)
        return Status.NOT_ACHIEVED, f"none {of} achieved" + (f" ({rest})" if rest else "")
    return Status.PARTLY, f"{met} {of} achieved, {others}"


def _parts(n: int) -> str:
    return f"{n} part" if n == 1 else f"{n} parts"


def _num(value: float) -> str:
    """A number as people write it: 80 rather than 80.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def show_value(value: TargetValue | None) -> str:
    """A target or an actual in a reason: 80, 70..80, ดีมาก, เพิ่มขึ้นร้อยละ 3."""
    if isinstance(value, Change):
        return value.shown()
    if isinstance(value, Range):
        low = "" if value.min is None else _num(value.min)
        high = "" if value.max is None else _num(value.max)
        return f"{low}..{high}"
    if isinstance(value, str):
        return value
    return "nothing" if value is None else _num(value)
