"""Status of indicators in a year: achieved, partly achieved, not achieved, no data, not comparable, not due.

A pure module: plan in, plain dataclasses out. It never reads files and never prints. The
performance report and the SAR (rendered later through view-models), the budget and actuals
rules and ``eduplan export --format xlsx`` all read the status from here, so that they agree.

- How one actual is compared with one target: :func:`compare` (:mod:`eduplan.analysis.compare`).
- A change target ("เพิ่มขึ้นร้อยละ 3") is first resolved to a value (:mod:`eduplan.analysis.targets`);
  one that cannot be resolved makes the indicator *not comparable*, with the reason.
- Level indicators and standards compare on their scale, their own or the nearest parent's
  (a standard's items use the standard's); the SAR's score is kept for display.
- A cumulative indicator (สะสม) compares running totals: the year's total with the year's target.
- An indicator with sub-indicators takes its status from its own actual when the report gives
  one, else from its parts: all parts achieved -> achieved; none -> not achieved; some ->
  partly achieved; none measured -> no data. Its parts are in :attr:`IndicatorStatus.parts`,
  and it counts as **one** indicator in every count and share.

Years are the documents' own (fiscal or academic): a report of ``academic_year: 2567`` is the
report of year 2567 for a plan whose period counts academic years.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eduplan.analysis.compare import Comparison, Counts, Status, TargetValue, combine_parts, compare
from eduplan.analysis.targets import Resolved, resolve_actual, resolve_target
from eduplan.findings import Path
from eduplan.i18n import _
from eduplan.model import Actual, Indicator, Plan, Report
from eduplan.model.common import Change, Direction
from eduplan.model.walk import all_policies

__all__ = [
    "Comparison",
    "Counts",
    "IndicatorStatus",
    "PolicyStatus",
    "Status",
    "TargetValue",
    "YearStatus",
    "compare",
    "find_report",
    "indicator_status",
    "plan_status",
    "year_status",
]


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """The status of one indicator (or standard) in one year.

    Attributes:
        policy: Id of the policy that holds the indicator; empty for a standard.
        indicator: Id of the indicator.
        number: The indicator's number as published.
        year: The year (Buddhist Era), fiscal or academic as the report's.
        status: The status.
        reason: One sentence saying why.
        direction: The indicator's direction.
        target: The year's target as written (a change stays a change), or ``None`` when the year has none.
        actual: The actual value (for a level indicator, the level reached), or ``None`` when there is none.
        margin: See :class:`Comparison`.
        by_equality: See :class:`Comparison`.
        no_data_reason: The report's reason for having no value, when it gives one.
        report_index: Index of the report in ``Plan.reports``, or ``None`` when the year has no report.
        actual_index: Index of the actual in that report's ``actuals``, or ``None``.
        resolved_target: The target compared with: equal to ``target`` unless that is a change, then the
            value it was resolved to (``None`` when it cannot be resolved, or there is no target).
        target_how: How a change target was resolved, or why it could not be; empty otherwise.
        score: The report's score behind a level (a SAR's 4.62), for display; ``None`` when not given.
        cumulative: Whether the indicator counts running totals.
        levels: The scale used (the indicator's or its nearest parent's), or ``None``.
        parts: The statuses of its sub-indicators (a standard's items), in published order.
        from_parts: True when the status comes from the parts (the report gives no value of its own).
        path: Data path of the indicator in the plan.
        resolved_actual: The value compared with the target: equal to ``actual`` unless the report gives the
            result as a change ("เพิ่มขึ้นร้อยละ 2.5"), then the value it stands for (``None`` when it cannot be
            counted).
        actual_how: How a result given as a change was counted, or why it could not be; empty otherwise.
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
    resolved_target: TargetValue | None = None
    target_how: str = ""
    score: float | None = None
    cumulative: bool = False
    levels: tuple[str, ...] | None = None
    parts: tuple[IndicatorStatus, ...] = ()
    from_parts: bool = False
    path: Path = ()
    resolved_actual: TargetValue | None = None
    actual_how: str = ""

    def walk(self) -> Iterable[IndicatorStatus]:
        """This status, then its parts' and theirs, in document order."""
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass(frozen=True, slots=True)
class PolicyStatus:
    """The statuses of one policy's indicators in one year, with the policies of the next level.

    Attributes:
        policy: Id of the policy.
        number: The policy's number as published.
        indicators: One status per indicator of its own table, in published order (sub-indicators
            are in each status's ``parts``).
        counts: The statuses counted over the policy and every policy under it.
        policies: The policies of the next level (กลยุทธ์ under a ประเด็นยุทธศาสตร์), in published order.
        depth: The policy's level, 1 for the first.
        path: Data path of the policy.
    """

    policy: str
    number: str
    indicators: tuple[IndicatorStatus, ...]
    counts: Counts
    policies: tuple[PolicyStatus, ...] = ()
    depth: int = 1
    path: Path = ()

    def walk(self) -> Iterable[PolicyStatus]:
        """This policy, then every policy under it, in document order."""
        yield self
        for child in self.policies:
            yield from child.walk()

    @property
    def own_counts(self) -> Counts:
        """The statuses of its own table only (not the policies under it)."""
        return Counts.of(s.status for s in self.indicators)

    @property
    def all_indicators(self) -> list[IndicatorStatus]:
        """The whole indicators of this policy and every policy under it, in document order."""
        return [status for policy in self.walk() for status in policy.indicators]


@dataclass(frozen=True, slots=True)
class YearStatus:
    """The statuses of every indicator and standard of the plan in one year.

    Attributes:
        year: The year (Buddhist Era).
        reported: True when the plan has a report for the year.
        policies: One entry per first-level policy, in published order (each holds the levels under it).
        counts: The statuses of every whole indicator and standard counted (parts are not counted apart).
        unknown_actuals: Ids in the year's report that name no indicator of the plan, in report order.
        tolerance: The tolerance used for ``maintain`` indicators.
        standards: One entry per standard of a school's plan, in published order (items in ``parts``).
        year_kind: ``fiscal`` or ``academic``: the report's kind of year, else the plan period's.
    """

    year: int
    reported: bool
    policies: tuple[PolicyStatus, ...]
    counts: Counts
    unknown_actuals: tuple[str, ...] = ()
    tolerance: float = 0.0
    standards: tuple[IndicatorStatus, ...] = ()
    year_kind: str = "fiscal"

    @property
    def indicators(self) -> list[IndicatorStatus]:
        """Every whole indicator's status, policy by policy (every level), then every standard's."""
        return [s for policy in self.policies for s in policy.all_indicators] + list(self.standards)

    @property
    def standard_counts(self) -> Counts:
        """The statuses of the standards (each with its items counted once)."""
        return Counts.of(s.status for s in self.standards)

    @property
    def every_policy(self) -> list[PolicyStatus]:
        """Every policy of every level, in document order."""
        return [p for top in self.policies for p in top.walk()]


def indicator_status(
    indicator: Indicator,
    year: int,
    report: Report | None,
    *,
    policy: str = "",
    report_index: int | None = None,
    tolerance: float = 0.0,
    levels: Sequence[str] | None = None,
    path: Path = (),
    previous: Report | None = None,
) -> IndicatorStatus:
    """The status of one indicator in one year, given that year's report (``None``: not reported yet).

    Args:
        indicator: The indicator (with its sub-indicators, judged too).
        year: The year.
        report: The year's report, or ``None``.
        policy: Id of the policy that holds it (empty for a standard).
        report_index: Index of the report in ``Plan.reports``.
        tolerance: How far a ``maintain`` indicator may stray.
        levels: The scale inherited from a parent, used when the indicator has none of its own.
        path: Data path of the indicator.
        previous: The report of the year before, for a result given as a change from it.
    """
    scale = indicator.levels if indicator.levels is not None else levels
    parts = tuple(
        indicator_status(
            part,
            year,
            report,
            policy=policy,
            report_index=report_index,
            tolerance=tolerance,
            levels=scale,
            path=(*path, "indicators", n),
            previous=previous,
        )
        for n, part in enumerate(indicator.indicators)
    )
    resolved = resolve_target(indicator, year)
    found = _find_actual(report, indicator.id) if report is not None else None
    actual_index, actual = found if found is not None else (None, None)
    value = actual.value if actual is not None else None
    counted = None
    if isinstance(value, Change):
        before = _find_actual(previous, indicator.id) if previous is not None else None
        counted = resolve_actual(indicator, value, year, before[1].value if before else None)

    def make(
        status: Status, reason: str, comparison: Comparison | None = None, *, whole: bool = True
    ) -> IndicatorStatus:
        return IndicatorStatus(
            policy=policy,
            indicator=indicator.id,
            number=indicator.number,
            year=year,
            status=status,
            reason=reason,
            direction=indicator.direction,
            target=indicator.targets.get(year),
            actual=actual.value if actual is not None else None,
            margin=comparison.margin if comparison else None,
            by_equality=comparison.by_equality if comparison else False,
            no_data_reason=actual.no_data if actual is not None else None,
            report_index=report_index if report is not None else None,
            actual_index=actual_index,
            resolved_target=resolved.value if resolved else None,
            target_how=resolved.how if resolved else "",
            score=actual.score if actual is not None else None,
            cumulative=indicator.cumulative,
            levels=tuple(scale) if scale is not None else None,
            parts=parts,
            from_parts=not whole,
            path=path,
            resolved_actual=counted.value if counted else value,
            actual_how=counted.how if counted else "",
        )

    has_value = actual is not None and actual.value is not None
    if parts and not (has_value and resolved is not None):
        status, reason = combine_parts([p.status for p in parts])
        return make(status, reason, whole=False)
    status, reason, comparison = _judge(indicator, year, report, actual, resolved, counted, scale, tolerance)
    return make(status, reason, comparison)


def _judge(
    indicator: Indicator,
    year: int,
    report: Report | None,
    actual: Actual | None,
    resolved: Resolved | None,
    counted: Resolved | None,
    scale: Sequence[str] | None,
    tolerance: float,
) -> tuple[Status, str, Comparison | None]:
    """The status of an indicator judged on its own target and value, with why."""
    if resolved is None:
        if actual is not None and actual.value is not None:
            return Status.NOT_DUE, _("no target for {year} (the report gives an actual anyway)").format(year=year), None
        return Status.NOT_DUE, _("no target for {year}").format(year=year), None
    if report is None:
        return Status.NOT_DUE, _("no report for {year} yet").format(year=year), None
    if actual is None:
        return Status.NO_DATA, _("the report for {year} does not mention the indicator").format(year=year), None
    if actual.value is None:
        if actual.no_data:
            return Status.NO_DATA, _("no data: {reason}").format(reason=actual.no_data), None
        return Status.NO_DATA, _("the report gives no value and no reason"), None
    if resolved.value is None:
        why = _("the target {target} cannot be resolved: {how}").format(
            target=_written(indicator, year), how=resolved.how
        )
        return Status.NOT_COMPARABLE, " ".join(why.split()), None
    if counted is not None and counted.value is None:
        why = _("the result {result} cannot be counted: {how}").format(
            result=f"'{_shown(actual.value)}'", how=counted.how
        )
        return Status.NOT_COMPARABLE, why, None
    reached = counted.value if counted is not None and counted.value is not None else actual.value
    comparison = compare(resolved.value, reached, indicator.direction, scale, tolerance)
    reasons = [comparison.reason]
    if resolved.how:
        written = _("the target {target} is {how}").format(target=_written(indicator, year), how=resolved.how)
        reasons.append(" ".join(written.split()))
    if counted is not None:
        reasons.append(_("the result {result} is {how}").format(result=f"'{_shown(actual.value)}'", how=counted.how))
    if indicator.cumulative:
        reasons.append(_("running totals (cumulative)"))
    return comparison.status, "; ".join(reasons), comparison


def _shown(value: TargetValue) -> str:
    return value.shown() if isinstance(value, Change) else str(value)


def _written(indicator: Indicator, year: int) -> str:
    target = indicator.targets.get(year)
    return f"'{target.shown()}'" if isinstance(target, Change) else ""


def find_report(plan: Plan, year: int) -> tuple[int, Report] | None:
    """The plan's first report of ``year`` (fiscal or academic) with its index, or ``None``."""
    for index, report in enumerate(plan.reports):
        if report.year == year:
            return index, report
    return None


def year_status(plan: Plan, year: int, *, tolerance: float = 0.0) -> YearStatus:
    """The status of every indicator and standard of the plan in one year.

    When the plan has several reports for the year, the first one counts (a rule reports the others).
    """
    found = find_report(plan, year)
    report_index, report = found if found is not None else (None, None)
    before = find_report(plan, year - 1)

    def judge(indicators: list[Indicator], path: Path, policy: str) -> tuple[IndicatorStatus, ...]:
        return tuple(
            indicator_status(
                indicator,
                year,
                report,
                policy=policy,
                report_index=report_index,
                tolerance=tolerance,
                path=(*path, n),
                previous=before[1] if before else None,
            )
            for n, indicator in enumerate(indicators)
        )

    built: dict[Path, PolicyStatus] = {}
    for at in reversed(list(all_policies(plan))):  # each policy after the policies under it
        mine = judge(at.policy.indicators, (*at.path, "indicators"), at.policy.id)
        children = tuple(built.pop((*at.path, "policies", n)) for n in range(len(at.policy.policies)))
        statuses = [s.status for s in mine] + [c for child in children for c in _statuses(child)]
        built[at.path] = PolicyStatus(
            at.policy.id, at.policy.number, mine, Counts.of(statuses), children, at.depth, at.path
        )
    policies = tuple(built[("policies", n)] for n in range(len(plan.policies)))
    standards = judge(plan.standards, ("standards",), "")
    every = [s for p in policies for s in p.all_indicators] + list(standards)
    known = {part.indicator for s in every for part in s.walk()}
    unknown = tuple(dict.fromkeys(a.indicator for a in report.actuals if a.indicator not in known)) if report else ()
    kind = report.year_kind if report is not None else plan.period.year
    return YearStatus(
        year, report is not None, policies, Counts.of(s.status for s in every), unknown, tolerance, standards, kind
    )


def _statuses(policy: PolicyStatus) -> list[Status]:
    return [s.status for s in policy.all_indicators]


def plan_status(plan: Plan, *, tolerance: float = 0.0, years: Iterable[int] | None = None) -> list[YearStatus]:
    """The status per year: by default every year of the plan's period and every reported year, in order."""
    chosen = set(years) if years is not None else set(plan.period.years) | {r.year for r in plan.reports}
    return [year_status(plan, year, tolerance=tolerance) for year in sorted(chosen)]


def _find_actual(report: Report, indicator: str) -> tuple[int, Actual] | None:
    """The first actual for the indicator (a rule reports duplicates)."""
    for index, actual in enumerate(report.actuals):
        if actual.indicator == indicator:
            return index, actual
    return None
