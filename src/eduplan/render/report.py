"""View-model of the annual performance report (รายงานผลการดำเนินงาน) of one fiscal year.

The report answers three questions, in this order: how much was achieved (the share of measured
indicators that reached their target, the count of each status, a table per policy); how each
indicator did (target, actual, status as a word and a mark, why, when and where it was measured,
and a chart of actuals against targets over the plan's years, with what was reported up to this
year); and what the projects did (done or not, budget against money spent, totals).

The statuses come from :mod:`eduplan.status` (the same ones ``eduplan export`` and the rules
use); this module only puts them into words, through the labels, for one language and digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from eduplan.analysis.status import Counts, IndicatorStatus, Status, year_status
from eduplan.errors import UsageError
from eduplan.model import Indicator, Plan, Project, ProjectResult, Report
from eduplan.model.common import Target
from eduplan.render.action import find_action_plan
from eduplan.render.outcome import STATUS_ORDER, StatusMark, reason, status_marks
from eduplan.render.views import Style, actuals_by_indicator, indicator_chart
from eduplan.words.money import Amount, exact, total
from eduplan.words.thai import fiscal_year_span, format_money, format_percent

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
class PolicyCountRow:
    """One row of the table of counts per policy.

    Attributes:
        anchor: HTML id of the policy's section (for a link), or None for the total row.
        heading: Policy number in words (นโยบายที่ 1), or the word for the total.
        title: Policy title, or an empty string for the total row.
        counts: One count per status, in the order of ``ReportView.marks``.
        total: Every indicator counted.
        share: Share achieved of the measured indicators, in percent, or None when none was measured.
    """

    anchor: str | None
    heading: str
    title: str
    counts: tuple[str, ...]
    total: str
    share: str | None


@dataclass(frozen=True, slots=True)
class IndicatorResultView:
    """One indicator's result in the fiscal year.

    Attributes:
        anchor: HTML id.
        number: Number as published (in the document's digits).
        name: Indicator text, exactly as published.
        unit: Unit, or None.
        target: The year's target, or None.
        actual: The reported value, or None.
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
    unit: str | None
    target: str | None
    actual: str | None
    mark: StatusMark
    reason: str
    measured: str | None
    source: str | None
    note: str | None
    chart_title: str
    chart: Markup | None


@dataclass(frozen=True, slots=True)
class ReportPolicyView:
    """A policy's indicators and their results."""

    anchor: str
    heading: str
    title: str
    indicators: tuple[IndicatorResultView, ...]


@dataclass(frozen=True, slots=True)
class ProjectResultRow:
    """One project: carried out or not, budget and money spent.

    Attributes:
        anchor: HTML id.
        number: Number as published, or its place in the action plan.
        name: Project name, or its id with a note when the action plan does not have it.
        done: Carried out, not carried out, or not reported, in words.
        done_key: ``yes``, ``no`` or ``unknown`` (a CSS class).
        budget: Budget in baht, or None.
        spent: Money spent in baht, or None.
        share: Spent as a percentage of the budget, or None.
        note: The report's note on the project, or None.
    """

    anchor: str
    number: str
    name: str
    done: str
    done_key: str
    budget: str | None
    spent: str | None
    share: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ReportView:
    """The performance report of one fiscal year.

    Attributes:
        title: Document title (the report's own, or รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567).
        plan_title: Title of the five-year plan.
        office: Office name.
        fiscal_year: The year, formatted.
        span: First and last day of the fiscal year, in words.
        share: The share achieved overall, as a sentence.
        indicators_total: How many indicators the plan has, as a sentence.
        statuses: Count of each status, in a fixed order.
        marks: The statuses in that order (the columns of ``policy_rows``).
        policy_rows: Counts per policy.
        overall: Counts of the whole plan (the table's last row).
        target_header: Header of the target column (ค่าเป้าหมาย ปี 2567).
        policies: One section per policy.
        unknown: A notice naming ids in the report that are not indicators of the plan, or None.
        projects: One row per project of the year's action plan (and per result for another project).
        projects_budget: Sum of the budgets, or None.
        projects_spent: Sum of the money spent, or None.
        projects_share: Total spent as a percentage of the total budget, or None.
        no_projects: The notice shown when the year has neither projects nor results, else None.
    """

    title: str
    plan_title: str
    office: str
    fiscal_year: str
    span: str
    share: str
    indicators_total: str
    statuses: tuple[StatusCount, ...]
    marks: tuple[StatusMark, ...]
    policy_rows: tuple[PolicyCountRow, ...]
    overall: PolicyCountRow
    target_header: str
    policies: tuple[ReportPolicyView, ...]
    unknown: str | None
    projects: tuple[ProjectResultRow, ...]
    projects_budget: str | None
    projects_spent: str | None
    projects_share: str | None
    no_projects: str | None


def find_report(plan: Plan, year: int) -> Report:
    """The plan's (first) performance report for fiscal year ``year``.

    Raises:
        UsageError: there is none; the message names the years that have reports.
    """
    for report in plan.reports:
        if report.fiscal_year == year:
            return report
    years = sorted({r.fiscal_year for r in plan.reports})
    have = (
        f"the plan has reports for fiscal years {', '.join(map(str, years))}"
        if years
        else "the plan has no performance reports (reports/*.yaml)"
    )
    raise UsageError(f"no performance report for fiscal year {year}; {have}")


def _count_row(anchor: str | None, heading: str, title: str, counts: Counts, style: Style) -> PolicyCountRow:
    by_status = {
        Status.ACHIEVED: counts.achieved,
        Status.NOT_ACHIEVED: counts.not_achieved,
        Status.NO_DATA: counts.no_data,
        Status.NOT_COMPARABLE: counts.not_comparable,
        Status.NOT_DUE: counts.not_due,
    }
    share = counts.share_achieved
    return PolicyCountRow(
        anchor=anchor,
        heading=heading,
        title=title,
        counts=tuple(style.number(by_status[s]) for s in STATUS_ORDER),
        total=style.number(counts.total),
        share=format_percent(share, style.digits) if share is not None else None,
    )


def _indicator(
    indicator: Indicator,
    status: IndicatorStatus,
    anchor: str,
    context: tuple[Plan, Report, dict[str, dict[int, Target]]],
    marks: dict[Status, StatusMark],
    style: Style,
) -> IndicatorResultView:
    plan, report, actuals = context
    actual = report.actuals[status.actual_index] if status.actual_index is not None else None
    number = style.digits_of(indicator.number)
    return IndicatorResultView(
        anchor=anchor,
        number=number,
        name=indicator.name,
        unit=indicator.unit,
        target=style.target(status.target),
        actual=style.target(status.actual),
        mark=marks[status.status],
        reason=reason(status, indicator.levels, style),
        measured=style.date(actual.measured) if actual and actual.measured else None,
        source=actual.source if actual else None,
        note=actual.note if actual else None,
        chart_title=style.labels.format("chart_indicator", number=number),
        chart=indicator_chart(
            indicator, plan.period.years, actuals.get(indicator.id, {}), style, highlight=status.year
        ),
    )


def _share(part: Amount | None, whole: Amount | None, style: Style) -> str | None:
    if part is None or not whole:
        return None
    return format_percent(float(exact(part) / exact(whole)), style.digits)


def _money(amount: Amount | None, style: Style) -> str | None:
    return format_money(amount, style.digits) if amount is not None else None


_DONE = {"yes": "done_yes", "no": "done_no", "unknown": "done_unknown"}
"""Whether a project was carried out -> its label."""


def _project_row(
    ident: str, project: Project | None, index: int, result: ProjectResult | None, style: Style
) -> ProjectResultRow:
    """One row of the project table: a project of the action plan, or a result for another project."""
    labels = style.labels
    done = result.done if result else None
    key = "unknown" if done is None else "yes" if done else "no"
    spent = result.budget_spent if result else None
    budget = project.budget if project else None
    if project is None:
        number, name = labels["empty"], labels.format("not_in_action_plan", id=ident)
    else:
        number = style.digits_of(project.number if project.number is not None else str(index))
        name = project.name
    return ProjectResultRow(
        anchor=f"project-{ident}",
        number=number,
        name=name,
        done=labels[_DONE[key]],
        done_key=key,
        budget=_money(budget, style),
        spent=_money(spent, style),
        share=_share(spent, budget, style),
        note=result.note if result else None,
    )


def _projects(
    plan: Plan, year: int, report: Report, style: Style
) -> tuple[tuple[ProjectResultRow, ...], Amount | None, Amount | None]:
    """The project table, the total budget and the total spent.

    Rows: the action plan's projects in published order, then results for projects it does not have.
    """
    annual = find_action_plan(plan, year)
    projects = annual.projects if annual else []
    results: dict[str, ProjectResult] = {}
    for result in report.projects:  # the first result per project counts (a rule reports the others)
        results.setdefault(result.project, result)
    planned = {p.id for p in projects}
    rows = [_project_row(p.id, p, i, results.get(p.id), style) for i, p in enumerate(projects, start=1)]
    rows += [_project_row(ident, None, 0, r, style) for ident, r in results.items() if ident not in planned]
    budgets = [p.budget for p in projects if p.budget is not None]
    spent = [r.budget_spent for r in results.values() if r.budget_spent is not None]
    return tuple(rows), total(budgets) if budgets else None, total(spent) if spent else None  # exact: 1e308 + 1e308


def build_report(plan: Plan, year: int, style: Style) -> ReportView:
    """The performance report of fiscal year ``year`` as its templates see it.

    Raises:
        UsageError: the plan has no report for ``year``.
    """
    report = find_report(plan, year)
    labels = style.labels
    statuses = year_status(plan, year)
    marks = status_marks(style)
    ordered = tuple(marks[s] for s in STATUS_ORDER)
    counts = statuses.counts
    share = counts.share_achieved
    rows = tuple(
        _count_row(
            f"policy-{policy.id}",
            labels.format("policy_numbered", number=style.digits_of(policy.number)),
            policy.title,
            result.counts,
            style,
        )
        for policy, result in zip(plan.policies, statuses.policies, strict=True)
    )
    projects, budget, spent = _projects(plan, year, report, style)
    context = (plan, report, actuals_by_indicator(plan, until=year))
    first, last = fiscal_year_span(year)
    shown_year = style.year(year)
    return ReportView(
        title=report.title or labels.format("report_title", year=shown_year),
        plan_title=plan.title,
        office=plan.office.name,
        fiscal_year=shown_year,
        span=labels.format("fiscal_year_span", start=style.date(first), end=style.date(last)),
        share=(
            labels.format(
                "share_achieved",
                count=style.number(counts.achieved),
                of=style.number(counts.with_data),
                share=format_percent(share, style.digits),
            )
            if share is not None
            else labels["share_none"]
        ),
        indicators_total=labels.format("indicators_count", count=style.number(counts.total)),
        statuses=tuple(
            StatusCount(mark, row)
            for mark, row in zip(ordered, _count_row(None, "", "", counts, style).counts, strict=True)
        ),
        marks=ordered,
        policy_rows=rows,
        overall=_count_row(None, labels["total"], "", counts, style),
        target_header=labels.format("col_target_year", year=shown_year),
        policies=tuple(
            ReportPolicyView(
                anchor=f"policy-{policy.id}",
                heading=labels.format("policy_numbered", number=style.digits_of(policy.number)),
                title=policy.title,
                indicators=tuple(
                    _indicator(i, s, f"indicator-{policy.id}-{i.id}", context, marks, style)
                    for i, s in zip(policy.indicators, result.indicators, strict=True)
                ),
            )
            for policy, result in zip(plan.policies, statuses.policies, strict=True)
        ),
        unknown=labels.format("unknown_actuals", id=", ".join(statuses.unknown_actuals))
        if statuses.unknown_actuals
        else None,
        projects=projects,
        projects_budget=_money(budget, style),
        projects_spent=_money(spent, style),
        projects_share=_share(spent, budget, style),
        no_projects=None if projects else labels["no_project_results"],
    )
