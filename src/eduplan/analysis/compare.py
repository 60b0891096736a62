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

from eduplan.i18n import N_, _, ngettext
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
    "higher-is-better": N_("higher is better"),
    "lower-is-better": N_("lower is better"),
    "maintain": N_("maintain"),
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
        raise ValueError(_("the tolerance cannot be negative ({tolerance})").format(tolerance=tolerance))
    if isinstance(actual, Change):
        reason = _("the actual is a change ({change}) with nothing to count it from").format(change=show_value(actual))
        return Comparison(Status.NOT_COMPARABLE, reason)
    if isinstance(target, Change):
        reason = _("the target is a change ({change}) with nothing to count it from").format(change=show_value(target))
        return Comparison(Status.NOT_COMPARABLE, reason)
    if isinstance(target, str) or isinstance(actual, str):
        return _compare_levels(target, actual, direction, levels)
    if isinstance(actual, Range):
        reason = _("the actual is a range ({range}), not a value").format(range=show_value(actual))
        return Comparison(Status.NOT_COMPARABLE, reason)
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
        values = {"actual": _num(actual), "tolerance": _num(tolerance), "target": _num(target)}
        if tolerance and ok:
            text = _("{actual} is within {tolerance} of {target} (maintain)").format(**values)
        elif tolerance:
            text = _("{actual} is more than {tolerance} of {target} (maintain)").format(**values)
        else:
            text = _("{actual} {sign} {target} (maintain)").format(sign="=" if ok else "!=", **values)
        return Comparison(Status.ACHIEVED if ok else Status.NOT_ACHIEVED, text, margin)
    status = Status.ACHIEVED if margin >= 0 else Status.NOT_ACHIEVED
    reason = _("{actual} {sign} {target} ({direction})").format(
        actual=_num(actual), sign=sign, target=_num(target), direction=_(_WORDS[direction])
    )
    return Comparison(status, reason, margin)


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
    finite = margin if abs(margin) != float("inf") else None
    values = {"actual": _num(actual), "range": show_value(target), "direction": _(_WORDS[direction])}
    if direction == "maintain" and tolerance:
        if status is Status.ACHIEVED:
            reason = _("{actual} reaches the range {range} ({direction}, widened by {tolerance})")
        else:
            reason = _("{actual} misses the range {range} ({direction}, widened by {tolerance})")
        return Comparison(status, reason.format(tolerance=_num(tolerance), **values), finite)
    if status is Status.ACHIEVED:
        reason = _("{actual} reaches the range {range} ({direction})")
    else:
        reason = _("{actual} misses the range {range} ({direction})")
    return Comparison(status, reason.format(**values), finite)


def _compare_levels(
    target: TargetValue, actual: TargetValue, direction: Direction, levels: Sequence[str] | None
) -> Comparison:
    if not isinstance(target, str) or not isinstance(actual, str):
        reason = _(
            "the actual {actual} and the target {target} are not of the same kind (a level and a number)"
        ).format(actual=show_value(actual), target=show_value(target))
        return Comparison(Status.NOT_COMPARABLE, reason)
    if not levels:
        status = Status.ACHIEVED if actual == target else Status.NOT_ACHIEVED
        if actual == target:
            reason = _("{actual} is {target} (compared by equality: the indicator gives no scale of levels)")
        else:
            reason = _("{actual} is not {target} (compared by equality: the indicator gives no scale of levels)")
        return Comparison(status, reason.format(actual=actual, target=target), by_equality=True)
    scale = list(levels)
    shown = ", ".join(scale)
    if actual not in scale:
        reason = _("the actual {value} is not on the indicator's scale ({scale})").format(value=actual, scale=shown)
        return Comparison(Status.NOT_COMPARABLE, reason)
    if target not in scale:
        reason = _("the target {value} is not on the indicator's scale ({scale})").format(value=target, scale=shown)
        return Comparison(Status.NOT_COMPARABLE, reason)
    steps = scale.index(actual) - scale.index(target)
    if direction == "maintain":
        status = Status.ACHIEVED if steps == 0 else Status.NOT_ACHIEVED
        reason = _("{actual} is {target} (maintain)") if steps == 0 else _("{actual} is not {target} (maintain)")
        return Comparison(status, reason.format(actual=actual, target=target), float(-abs(steps)))
    status = Status.ACHIEVED if steps >= 0 else Status.NOT_ACHIEVED
    if steps >= 0:
        reason = _("{actual} is at least {target} on the scale {scale}")
    else:
        reason = _("{actual} is below {target} on the scale {scale}")
    return Comparison(status, reason.format(actual=actual, target=target, scale=" < ".join(scale)), float(steps))


def combine_parts(parts: Sequence[Status]) -> tuple[Status, str]:
    """An indicator's status from its parts' statuses, and how it was reached (parts not due left out).

    All parts due achieved -> achieved; none (and none partly) -> not achieved; some -> partly achieved;
    none measured -> no data (or not comparable, when every part due is).
    """
    tally = Counter(parts)
    due = len(parts) - tally[Status.NOT_DUE]
    met, missed, partly = tally[Status.ACHIEVED], tally[Status.NOT_ACHIEVED], tally[Status.PARTLY]
    every = _parts(len(parts))
    scope = every if due == len(parts) else _("{parts} ({due} due this year)").format(parts=every, due=due)
    if due == 0:
        return Status.NOT_DUE, _("none of its {parts} has a target and a report for the year").format(parts=every)
    if met + missed + partly == 0:
        if tally[Status.NOT_COMPARABLE] and not tally[Status.NO_DATA]:
            return Status.NOT_COMPARABLE, _("none of its {parts} can be compared with its target").format(parts=scope)
        return Status.NO_DATA, _("none of its {parts} was measured").format(parts=scope)
    if met == due:
        if due == len(parts):
            if due == 1:
                return Status.ACHIEVED, _("its only part achieved")
            return Status.ACHIEVED, _("all {count} parts achieved").format(count=due)
        return Status.ACHIEVED, _("every part due this year achieved ({due} of {parts})").format(due=due, parts=every)
    counted = (
        (partly, _("{count} partly achieved")),
        (missed, _("{count} not achieved")),
        (tally[Status.NO_DATA], _("{count} without data")),
        (tally[Status.NOT_COMPARABLE], _("{count} not comparable")),
    )
    others = ", ".join(words.format(count=n) for n, words in counted if n)
    if met == 0 and partly == 0:
        rest = ", ".join(words.format(count=n) for n, words in counted[2:] if n)
        if rest:
            return Status.NOT_ACHIEVED, _("none of its {parts} achieved ({rest})").format(parts=scope, rest=rest)
        return Status.NOT_ACHIEVED, _("none of its {parts} achieved").format(parts=scope)
    return Status.PARTLY, _("{count} of its {parts} achieved, {others}").format(count=met, parts=scope, others=others)


def _parts(n: int) -> str:
    return ngettext("{count} part", "{count} parts", n).format(count=n)


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
    return _("nothing") if value is None else _num(value)
