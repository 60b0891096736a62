"""View-model of the annual performance report (รายงานผลการดำเนินงาน) of one fiscal year.

The report answers three questions, in this order: how much was achieved (the share of measured
indicators that reached their target, the count of each status, a table per policy); how each
indicator did (target, actual, status as a word and a mark, why, when and where it was measured,
and a chart of actuals against targets over the plan's years, with what was reported up to this
year); and what the projects did (done or not, budget against money spent, totals). Beside the
tables, the report's own words (:mod:`eduplan.render.narrative`): its foreword, the narrative of
the year, of each policy and of each project, and its signatures.

The statuses come from :mod:`eduplan.status` (the same ones ``eduplan export`` and the rules
use); this module only puts them into words, through the labels, for one language and digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from eduplan.analysis.status import Counts, IndicatorStatus, Status, year_status
from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.model import Plan, Report
from eduplan.model.common import Change, Target
from eduplan.model.walk import IndicatorAt, all_indicators, all_policies
from eduplan.render.indicators import actuals_by_indicator, indicator_chart, own_cell
from eduplan.render.narrative import NarrativeView, ReportWords, policy_narratives, report_words
from eduplan.render.outcome import STATUS_ORDER, PolicyCountRow, StatusMark, by_status, count_row, reason, status_marks
from eduplan.render.projectresults import ProjectResultRow, money, project_results, share
from eduplan.render.rollupview import RollupView, build_rollups
from eduplan.render.style import Style, levels_heading
from eduplan.words.thai import format_percent, year_span

__all__ = [
    "IndicatorResultView",
    "PolicyCountRow",
    "ProjectResultRow",
    "ReportPolicyView",
    "ReportView",
    "StatusCount",
    "build_report",
    "find_report",
]


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many indicators have one status."""

    mark: StatusMark
    count: str


@dataclass(frozen=True, slots=True)
class IndicatorResultView:
    """One indicator's (or standard's) result in the year; a sub-indicator is a row under its indicator.

    Attributes:
        anchor: HTML id.
        number: Number as published (in the document's digits).
        name: Indicator text, exactly as published.
        depth: 0 for a whole indicator, 1 for its sub-indicators, 2 for theirs.
        unit: Unit, or None.
        target: The year's target (a change as published), or None.
        target_value: The value a change target comes to, or None.
        actual: The reported value (a level reached), or None.
        score: The score behind a level (a SAR's), or None.
        mark: The status: word, symbol, icon.
        reason: Why the status is what it is, in words (or the report's reason for having no data).
        measured: When the value was measured, or None.
        source: Where the value comes from, or None.
        note: The report's note, or None.
        chart_title: Caption of the chart.
        chart: Actuals against targets over the plan's years, or None when nothing is numeric.
    """

    anchor: str
    number: str
    name: str
    depth: int
    unit: str | None
    target: str | None
    target_value: str | None
    actual: str | None
    score: str | None
    mark: StatusMark
    reason: str
    measured: str | None
    source: str | None
    note: str | None
    chart_title: str
    chart: Markup | None


@dataclass(frozen=True, slots=True)
class ReportPolicyView:
    """A policy's indicators and their results (sub-indicators as rows under their indicator), and its narrative."""

    anchor: str
    depth: int
    heading: str
    title: str
    indicators: tuple[IndicatorResultView, ...]
    narrative: NarrativeView | None


@dataclass(frozen=True, slots=True)
class ReportView:
    """The performance report of one fiscal year, or a school's self-assessment report of an academic year.

    Attributes:
        title: Document title (the report's own, or รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567).
        plan_title: Title of the five-year plan.
        office: Office name.
        year_word: ปีงบประมาณ or ปีการศึกษา.
        fiscal_year: The year, formatted.
        span: First and last day of the year, in words.
        share: The share achieved overall, as a sentence.
        indicators_total: How many indicators the plan has, as a sentence.
        statuses: Count of each status, in a fixed order.
        marks: The columns of ``policy_rows``: achieved and not achieved, then each other status some indicator has.
        policy_rows: Counts per policy, every level (a policy's row counts the levels under it too).
        policies_heading: Header of their first column (นโยบาย, or ประเด็นยุทธศาสตร์/กลยุทธ์).
        overall: Counts of the whole plan (the table's last row).
        target_header: Header of the target column (ค่าเป้าหมาย ปี 2567).
        units: Whether the result tables have a unit column (some indicator has a unit).
        policies: One section per policy, every level.
        standards: The standards and their items, or empty.
        standard_header: Header of the expected-level column.
        scores: Whether the standards table has a score column.
        unknown: A notice naming ids in the report that are not indicators of the plan, or None.
        projects: One row per project of the year's action plan (and per result for another project).
        projects_budget: Sum of the budgets, or None.
        projects_spent: Sum of the money spent, or None.
        projects_share: Total spent as a percentage of the total budget, or None.
        no_projects: The notice shown when the year has neither projects nor results, else None.
        words: The foreword, the narratives of the year and of the projects, the signatures.
        rollups: The figures ``eduplan rollup`` wrote from the units' returns, with coverage and breakdown.
    """

    title: str
    plan_title: str
    office: str
    year_word: str
    fiscal_year: str
    span: str
    share: str
    indicators_total: str
    statuses: tuple[StatusCount, ...]
    marks: tuple[StatusMark, ...]
    policy_rows: tuple[PolicyCountRow, ...]
    policies_heading: str
    overall: PolicyCountRow
    target_header: str
    units: bool
    policies: tuple[ReportPolicyView, ...]
    standards: tuple[IndicatorResultView, ...]
    standard_header: str
    scores: bool
    unknown: str | None
    projects: tuple[ProjectResultRow, ...]
    projects_budget: str | None
    projects_spent: str | None
    projects_share: str | None
    no_projects: str | None
    words: ReportWords
    rollups: tuple[RollupView, ...] = ()


def find_report(plan: Plan, year: int) -> Report:
    """The plan's (first) performance report (or SAR) of year ``year``, fiscal or academic.

    Raises:
        UsageError: there is none; the message names the years that have reports.
    """
    for report in plan.reports:
        if report.year == year:
            return report
    years = sorted({r.year for r in plan.reports})
    academic = plan.period.year == "academic"
    if years and academic:
        message = _("no performance report for academic year {year}; the plan has reports for academic years {years}")
    elif years:
        message = _("no performance report for fiscal year {year}; the plan has reports for fiscal years {years}")
    elif academic:
        message = _(
            "no performance report for academic year {year}; the plan has no performance reports (reports/*.yaml)"
        )
    else:
        message = _(
            "no performance report for fiscal year {year}; the plan has no performance reports (reports/*.yaml)"
        )
    raise UsageError(message.format(year=year, years=", ".join(map(str, years))))


def _target_value(status: IndicatorStatus, style: Style) -> str | None:
    """The value a change target comes to (``64.27`` for เพิ่มขึ้นร้อยละ 3), or None for any other target."""
    if isinstance(status.target, Change) and status.resolved_target is not None:
        return style.target(status.resolved_target)
    return None


@dataclass(frozen=True, slots=True)
class _Context:
    plan: Plan
    report: Report
    actuals: dict[str, dict[int, Target]]
    marks: dict[Status, StatusMark]
    where: dict[tuple[str | int, ...], IndicatorAt]


def _title(at: IndicatorAt, style: Style) -> str:
    """A result card's title: ตัวชี้วัดที่ 1.1; for a standard มาตรฐานที่ 1, ประเด็นพิจารณาที่ 1.1, or its point 1)."""
    number = style.digits_of(at.indicator.number)
    if not at.is_standard:
        return style.labels.format("chart_indicator", number=number)
    if not at.parents:
        return style.labels.format("chart_standard", number=number)
    if len(at.parents) == 1:
        return style.labels.format("chart_standard_item", number=number)
    return style.labels.format("chart_standard_part", parent=style.digits_of(at.parents[-1].number), number=number)


def _results(
    status: IndicatorStatus, anchor: str, ctx: _Context, style: Style, depth: int = 0
) -> list[IndicatorResultView]:
    """The rows of one indicator: its own, then its parts' (any depth)."""
    at = ctx.where[status.path]
    indicator = at.indicator
    actual = ctx.report.actuals[status.actual_index] if status.actual_index is not None else None
    number = style.digits_of(indicator.number)
    row = IndicatorResultView(
        anchor=f"{anchor}-{indicator.id}",
        number=number,
        name=indicator.name,
        depth=depth,
        unit=indicator.unit,
        target=own_cell(indicator, style.target(status.target)),
        target_value=_target_value(status, style),
        actual=own_cell(indicator, style.target(status.actual)),
        score=style.number(status.score) if status.score is not None else None,
        mark=ctx.marks[status.status],
        reason=reason(status, status.levels, style),
        measured=style.date(actual.measured) if actual and actual.measured else None,
        source=actual.source if actual else None,
        note=actual.note if actual else None,
        chart_title=_title(at, style),
        chart=indicator_chart(
            indicator,
            ctx.plan.period.years,
            ctx.actuals.get(indicator.id, {}),
            style,
            highlight=status.year,
            levels=list(status.levels) if status.levels else None,
        ),
    )
    rows = [row]
    for part in status.parts:
        rows += _results(part, anchor, ctx, style, depth + 1)
    return rows


def build_report(plan: Plan, year: int, style: Style) -> ReportView:
    """The performance report (or SAR) of year ``year`` as its templates see it.

    Raises:
        UsageError: the plan has no report for ``year``.
    """
    report = find_report(plan, year)
    labels = style.labels
    statuses = year_status(plan, year)
    marks = status_marks(style)
    counts = statuses.counts
    order = tuple(s for s in STATUS_ORDER if s is not Status.PARTLY or counts.partly)
    columns = tuple(s for s in order if s in (Status.ACHIEVED, Status.NOT_ACHIEVED) or by_status(counts)[s])
    achieved = counts.share_achieved
    titles = {at.path: at.policy for at in all_policies(plan)}
    everyone = statuses.every_policy
    rows = tuple(
        count_row(
            f"policy-{titles[p.path].id}",
            p.depth,
            labels.level_numbered(p.depth, style.digits_of(p.number)),
            titles[p.path].title,
            p.counts,
            columns,
            style,
        )
        for p in everyone
    )
    if statuses.standards:  # the standards' row, so that the rows add up to the total
        standards_counts = Counts.of(st.status for st in statuses.standards)
        rows += (count_row("standards", 1, labels["standards"], "", standards_counts, columns, style),)
    projects, budget, spent = project_results(plan, year, report, style)
    ctx = _Context(
        plan, report, actuals_by_indicator(plan, until=year), marks, {a.path: a for a in all_indicators(plan)}
    )
    academic = report.year_kind == "academic"
    first, last = year_span(report.year_kind, year)
    shown_year = style.year(year)
    standards = [r for s in statuses.standards for r in _results(s, "standard", ctx, style)]
    told = policy_narratives(report, style)
    return ReportView(
        title=report.title or labels.format("report_title_academic" if academic else "report_title", year=shown_year),
        plan_title=plan.title,
        office=plan.office.name,
        year_word=labels["academic_year" if academic else "fiscal_year"],
        fiscal_year=shown_year,
        span=labels.format("fiscal_year_span", start=style.date(first), end=style.date(last)),
        share=(
            labels.format(
                "share_achieved",
                count=style.number(counts.achieved),
                of=style.number(counts.with_data),
                share=format_percent(achieved, style.digits),
            )
            if achieved is not None
            else labels["share_none"]
        ),
        indicators_total=labels.format("indicators_count", count=style.number(counts.total)),
        statuses=tuple(
            StatusCount(marks[s], row)
            for s, row in zip(order, count_row(None, 0, "", "", counts, order, style).counts, strict=True)
        ),
        marks=tuple(marks[s] for s in columns),
        policy_rows=rows,
        policies_heading=levels_heading(labels, (p.depth for p in everyone)),
        overall=count_row(None, 0, labels["total"], "", counts, columns, style),
        target_header=labels.format("col_target_year", year=shown_year),
        units=any(a.indicator.unit for a in ctx.where.values() if not a.is_standard),
        policies=tuple(
            ReportPolicyView(
                anchor=f"policy-{titles[p.path].id}",
                depth=p.depth,
                heading=labels.level_numbered(p.depth, style.digits_of(p.number)),
                title=titles[p.path].title,
                indicators=tuple(
                    r for s in p.indicators for r in _results(s, f"indicator-{titles[p.path].id}", ctx, style)
                ),
                narrative=told.get(titles[p.path].id),
            )
            for p in everyone
        ),
        standards=tuple(standards),
        standard_header=labels.format("col_target_year", year=shown_year),
        scores=any(r.score for r in standards),
        unknown=labels.format("unknown_actuals", id=", ".join(statuses.unknown_actuals))
        if statuses.unknown_actuals
        else None,
        projects=projects,
        projects_budget=money(budget, style),
        projects_spent=money(spent, style),
        projects_share=share(spent, budget, style),
        no_projects=None if projects else labels["no_project_results_academic" if academic else "no_project_results"],
        words=report_words(plan, report, style),
        rollups=build_rollups(plan, report, style),
    )
