"""Status of indicators in a fiscal year: achieved, not achieved, no data, not comparable, not due.

A pure module: plan in, plain dataclasses out. It never reads files and never prints. The
performance report (rendered later through view-models), the budget and actuals rules and
``eduplan export --format xlsx`` all read the status from here, so that they agree.

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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from eduplan.model import Actual, Indicator, Plan, Range, Report
from eduplan.model.common import Direction

__all__ = [
    "Comparison",
    "Counts",
    "IndicatorStatus",
    "PolicyStatus",
    "Status",
    "YearStatus",
    "compare",
    "indicator_status",
    "plan_status",
    "year_status",
]

TargetValue = float | Range | str
"""A target or an actual value as the model holds it: a number, a range or a level."""


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


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """The status of one indicator in one fiscal year.

    Attributes:
        policy: Id of the policy that holds the indicator.
        indicator: Id of the indicator.
        number: The indicator's number as published.
        year: The fiscal year (Buddhist Era).
        status: The status.
        reason: One sentence saying why.
        direction: The indicator's direction.
        target: The year's target, or ``None`` when the year has none.
        actual: The actual value, or ``None`` when there is none.
        margin: See :class:`Comparison`.
        by_equality: See :class:`Comparison`.
        no_data_reason: The report's reason for having no value, when it gives one.
        report_index: Index of the report in ``Plan.reports``, or ``None`` when the year has no report.
        actual_index: Index of the actual in that report's ``actuals``, or ``None``.
    """

    policy: str
    indicator: str
    number: str
    year: int
    status: Status
    reason: str
    direction: Direction
    target: TargetValue | None = None
    actual: TargetValue | None = None
    margin: float | None = None
    by_equality: bool = False
    no_data_reason: str | None = None
    report_index: int | None = None
    actual_index: int | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    """How many indicators have each status.

    Attributes:
        achieved: Indicators whose actual reaches the target.
        not_achieved: Indicators whose actual misses the target.
        no_data: Indicators with a target but no value in the year's report.
        not_comparable: Indicators whose value cannot be compared with the target.
        not_due: Indicators with nothing to judge (no target, or no report yet).
    """

    achieved: int = 0
    not_achieved: int = 0
    no_data: int = 0
    not_comparable: int = 0
    not_due: int = 0

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
        )

    @property
    def total(self) -> int:
        """Every indicator counted."""
        return self.achieved + self.not_achieved + self.no_data + self.not_comparable + self.not_due

    @property
    def due(self) -> int:
        """Indicators that had a target and a report: everything but ``not_due``."""
        return self.total - self.not_due

    @property
    def with_data(self) -> int:
        """Indicators that could be judged: achieved plus not achieved."""
        return self.achieved + self.not_achieved

    @property
    def share_achieved(self) -> float | None:
        """Achieved / judged (0..1), or ``None`` when nothing could be judged."""
        return self.achieved / self.with_data if self.with_data else None


@dataclass(frozen=True, slots=True)
class PolicyStatus:
    """The statuses of one policy's indicators in one year.

    Attributes:
        policy: Id of the policy.
        number: The policy's number as published.
        indicators: One status per indicator, in published order.
        counts: The statuses counted.
    """

    policy: str
    number: str
    indicators: tuple[IndicatorStatus, ...]
    counts: Counts


@dataclass(frozen=True, slots=True)
class YearStatus:
    """The statuses of every indicator of the plan in one fiscal year.

    Attributes:
        year: The fiscal year (Buddhist Era).
        reported: True when the plan has a report for the year.
        policies: One entry per policy, in published order.
        counts: The statuses of every indicator counted.
        unknown_actuals: Ids in the year's report that name no indicator of the plan, in report order.
        tolerance: The tolerance used for ``maintain`` indicators.
    """

    year: int
    reported: bool
    policies: tuple[PolicyStatus, ...]
    counts: Counts
    unknown_actuals: tuple[str, ...] = ()
    tolerance: float = 0.0

    @property
    def indicators(self) -> list[IndicatorStatus]:
        """Every indicator's status, policy by policy."""
        return [status for policy in self.policies for status in policy.indicators]


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
    if isinstance(target, str) or isinstance(actual, str):
        return _compare_levels(target, actual, direction, levels)
    if isinstance(actual, Range):
        return Comparison(Status.NOT_COMPARABLE, f"the actual is a range ({_show(actual)}), not a value")
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
        status, f"{_num(actual)} {where} the range {_show(target)} ({_WORDS[direction]}{widened})", finite
    )


def _compare_levels(
    target: TargetValue, actual: TargetValue, direction: Direction, levels: Sequence[str] | None
) -> Comparison:
    if not isinstance(target, str) or not isinstance(actual, str):
        return Comparison(
            Status.NOT_COMPARABLE,
            f"the actual {_show(actual)} and the target {_show(target)} are not of the same kind "
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


def indicator_status(
    indicator: Indicator,
    year: int,
    report: Report | None,
    *,
    policy: str = "",
    report_index: int | None = None,
    tolerance: float = 0.0,
) -> IndicatorStatus:
    """The status of one indicator in one year, given that year's report (``None``: not reported yet)."""
    target = indicator.targets.get(year)
    found = _find_actual(report, indicator.id) if report is not None else None
    actual_index, actual = found if found is not None else (None, None)

    def make(status: Status, reason: str, comparison: Comparison | None = None) -> IndicatorStatus:
        return IndicatorStatus(
            policy=policy,
            indicator=indicator.id,
            number=indicator.number,
            year=year,
            status=status,
            reason=reason,
            direction=indicator.direction,
            target=target,
            actual=actual.value if actual is not None else None,
            margin=comparison.margin if comparison else None,
            by_equality=comparison.by_equality if comparison else False,
            no_data_reason=actual.no_data if actual is not None else None,
            report_index=report_index if report is not None else None,
            actual_index=actual_index,
        )

    if target is None:
        extra = " (the report gives an actual anyway)" if actual is not None and actual.value is not None else ""
        return make(Status.NOT_DUE, f"no target for {year}{extra}")
    if report is None:
        return make(Status.NOT_DUE, f"no report for {year} yet")
    if actual is None:
        return make(Status.NO_DATA, f"the report for {year} does not mention the indicator")
    if actual.value is None:
        why = f"no data: {actual.no_data}" if actual.no_data else "the report gives no value and no reason"
        return make(Status.NO_DATA, why)
    comparison = compare(target, actual.value, indicator.direction, indicator.levels, tolerance)
    return make(comparison.status, comparison.reason, comparison)


def year_status(plan: Plan, year: int, *, tolerance: float = 0.0) -> YearStatus:
    """The status of every indicator of the plan in one fiscal year.

    When the plan has several reports for the year, the first one counts (a rule reports the others).
    """
    report_index = next((i for i, r in enumerate(plan.reports) if r.fiscal_year == year), None)
    report = plan.reports[report_index] if report_index is not None else None
    policies = []
    known: set[str] = set()
    for policy in plan.policies:
        statuses = tuple(
            indicator_status(indicator, year, report, policy=policy.id, report_index=report_index, tolerance=tolerance)
            for indicator in policy.indicators
        )
        known.update(i.id for i in policy.indicators)
        policies.append(PolicyStatus(policy.id, policy.number, statuses, Counts.of(s.status for s in statuses)))
    unknown = tuple(dict.fromkeys(a.indicator for a in report.actuals if a.indicator not in known)) if report else ()
    every = [s.status for p in policies for s in p.indicators]
    return YearStatus(year, report is not None, tuple(policies), Counts.of(every), unknown, tolerance)


def plan_status(plan: Plan, *, tolerance: float = 0.0, years: Iterable[int] | None = None) -> list[YearStatus]:
    """The status per year: by default every year of the plan's period and every reported year, in order."""
    chosen = set(years) if years is not None else set(plan.period.years) | {r.fiscal_year for r in plan.reports}
    return [year_status(plan, year, tolerance=tolerance) for year in sorted(chosen)]


def _find_actual(report: Report, indicator: str) -> tuple[int, Actual] | None:
    """The first actual for the indicator (a rule reports duplicates)."""
    for index, actual in enumerate(report.actuals):
        if actual.indicator == indicator:
            return index, actual
    return None


def _num(value: float) -> str:
    """A number as people write it: 80 rather than 80.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _show(value: TargetValue | None) -> str:
    if isinstance(value, Range):
        low = "" if value.min is None else _num(value.min)
        high = "" if value.max is None else _num(value.max)
        return f"{low}..{high}"
    if isinstance(value, str):
        return value
    return "nothing" if value is None else _num(value)
