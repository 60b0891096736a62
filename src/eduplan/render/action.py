"""View-model of the annual action plan (แผนปฏิบัติการ) of one fiscal year.

Per policy: the indicators with that year's target and owner, then the year's projects with
their budgets when the plan has an action plan for the year. Without one, the document says so
(``no_action_plan``) instead of showing empty sections. Projects whose policy is not in the plan
are listed in a section of their own, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.errors import UsageError
from eduplan.model import ActionPlan, Plan, Policy, Project
from eduplan.render.views import Style
from eduplan.words.money import Amount, total
from eduplan.words.thai import fiscal_quarters, fiscal_year_span, format_money, format_months

__all__ = [
    "ActionIndicatorView",
    "ActionPlanView",
    "ActionPolicyView",
    "AlignmentMatrix",
    "AlignmentRow",
    "BudgetRow",
    "ProjectIndicatorView",
    "ProjectView",
    "QuarterView",
    "alignment_matrix",
    "build_action_plan",
    "find_action_plan",
]


@dataclass(frozen=True, slots=True)
class ActionIndicatorView:
    """An indicator with the fiscal year's target."""

    number: str
    name: str
    unit: str | None
    target: str | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class QuarterView:
    """One quarter of a project's schedule."""

    label: str
    months: str
    target: str | None
    budget: str | None


@dataclass(frozen=True, slots=True)
class ProjectIndicatorView:
    """One of a project's own indicators of success, with its target."""

    name: str
    unit: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class ProjectView:
    """A project with everything the action plan publishes about it.

    Attributes:
        anchor: HTML id.
        heading: Number and name, such as "โครงการที่ 1".
        name: Project name as published.
        objectives: Objectives.
        targets_quantitative: Quantitative targets.
        targets_qualitative: Qualitative targets.
        indicators: The plan's indicators it serves, as references (policy and indicator numbers).
        success_indicators: The project's own indicators and targets.
        budget: Budget in baht, or None when not given.
        budget_source: Source of funds, or None.
        owner: Responsible group, or None.
        quarters: The four quarters, or empty when the project has no schedule.
        alignment: Higher plans it serves, one line each.
    """

    anchor: str
    heading: str
    name: str
    objectives: tuple[str, ...]
    targets_quantitative: tuple[str, ...]
    targets_qualitative: tuple[str, ...]
    indicators: tuple[str, ...]
    success_indicators: tuple[ProjectIndicatorView, ...]
    budget: str | None
    budget_source: str | None
    owner: str | None
    quarters: tuple[QuarterView, ...]
    alignment: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActionPolicyView:
    """A policy of the action plan: the year's indicator targets and projects."""

    anchor: str
    heading: str
    title: str
    indicators: tuple[ActionIndicatorView, ...]
    projects: tuple[ProjectView, ...]
    budget: str | None
    """The policy's project budgets in words (งบประมาณ 205,000 บาท), or None when none has one."""


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One line of the budget summary."""

    heading: str
    title: str
    projects: str
    budget: str


@dataclass(frozen=True, slots=True)
class AlignmentRow:
    """One project's row of the alignment matrix: the codes it names in each scheme."""

    anchor: str
    heading: str
    name: str
    cells: tuple[str | None, ...]
    """One cell per column: the codes, comma-separated, or None when the project names none."""


@dataclass(frozen=True, slots=True)
class AlignmentMatrix:
    """Projects (rows) against the higher plans they serve (columns).

    Attributes:
        schemes: Column headers: the schemes the projects use, known ones first in a fixed order.
        rows: One row per project, in published order.
    """

    schemes: tuple[str, ...]
    rows: tuple[AlignmentRow, ...]


SCHEMES: dict[str, str] = {
    "national-strategy-20y": "scheme_national_strategy_20y",
    "master-plan": "scheme_master_plan",
    "ndp13": "scheme_ndp13",
    "moe-policy": "scheme_moe_policy",
    "obec-policy": "scheme_obec_policy",
    "sdg": "scheme_sdg",
}
"""Known higher plans, from the highest level down (the column order), with their label keys."""


@dataclass(frozen=True, slots=True)
class ActionPlanView:
    """The annual action plan of one fiscal year.

    Attributes:
        title: Document title (แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567, or the published one).
        plan_title: Title of the five-year plan it belongs to.
        office: Office name.
        fiscal_year: The year, formatted.
        span: First and last day of the fiscal year, in words.
        target_header: Header of the target column (ค่าเป้าหมาย ปี 2567).
        missing: The notice shown when the plan has no action plan for the year, else None.
        policies: One section per policy of the plan.
        other_projects: Projects whose policy is not in the plan.
        budget_rows: Budget summary, one row per policy with projects.
        projects_total: Sum of the project budgets, or None when no project has one.
        declared_total: The total budget the action plan declares, or None.
        alignment: Projects against higher plans, or None when no project names one.
    """

    title: str
    plan_title: str
    office: str
    fiscal_year: str
    span: str
    target_header: str
    missing: str | None
    policies: tuple[ActionPolicyView, ...]
    other_projects: tuple[ProjectView, ...]
    budget_rows: tuple[BudgetRow, ...]
    projects_total: str | None
    declared_total: str | None
    alignment: AlignmentMatrix | None


def _total(projects: list[Project]) -> Amount | None:
    budgets = [p.budget for p in projects if p.budget is not None]
    return total(budgets) if budgets else None  # exact: 1e308 + 1e308 is no overflow


def _money(amount: Amount | None, style: Style) -> str | None:
    return format_money(amount, style.digits) if amount is not None else None


def _indicator_refs(project: Project, plan: Plan, home: Policy | None, style: Style) -> tuple[str, ...]:
    """References to the indicators a project serves: the number, with its policy when elsewhere."""
    where = {i.id: (p, i) for p in plan.policies for i in p.indicators}
    labels = style.labels
    refs = []
    for ident in project.indicators:
        if ident not in where:
            refs.append(labels.format("unknown_ref", id=ident))
            continue
        policy, indicator = where[ident]
        number = style.digits_of(indicator.number)
        if policy is home:
            refs.append(labels.format("chart_indicator", number=number))
        else:
            refs.append(labels.format("indicator_ref", policy_number=style.digits_of(policy.number), number=number))
    return tuple(refs)


def _quarters(project: Project, year: int, style: Style) -> tuple[QuarterView, ...]:
    if not project.quarters:
        return ()
    planned = {int(number): quarter for number, quarter in project.quarters.items()}
    out = []
    for number, first, last in fiscal_quarters(year):
        quarter = planned.get(number)
        out.append(
            QuarterView(
                label=style.labels.format("quarter", number=style.digits_of(str(number))),
                months=format_months(first, last, style.lang, style.digits),
                target=quarter.target if quarter else None,
                budget=_money(quarter.budget, style) if quarter else None,
            )
        )
    return tuple(out)


def _project(project: Project, index: int, plan: Plan, home: Policy | None, year: int, style: Style) -> ProjectView:
    number = project.number if project.number is not None else str(index)
    return ProjectView(
        anchor=f"project-{project.id}",
        heading=style.labels.format("project_numbered", number=style.digits_of(number)),
        name=project.name,
        objectives=tuple(project.objectives),
        targets_quantitative=tuple(project.targets_quantitative),
        targets_qualitative=tuple(project.targets_qualitative),
        indicators=_indicator_refs(project, plan, home, style),
        success_indicators=tuple(
            ProjectIndicatorView(i.name, i.unit, style.target(i.target)) for i in project.success_indicators
        ),
        budget=_money(project.budget, style),
        budget_source=project.budget_source,
        owner=project.owner,
        quarters=_quarters(project, year, style),
        alignment=tuple(" ".join(x for x in (a.scheme, a.code, a.note) if x) for a in project.alignment),
    )


def alignment_matrix(projects: list[Project], numbered: dict[str, int], style: Style) -> AlignmentMatrix | None:
    """The alignment matrix of an action plan's projects; None when no project names a higher plan.

    Columns are the schemes the projects use: the known ones in :data:`SCHEMES` order, then any
    other scheme in alphabetical order (so the order never depends on the order of projects).
    A cell lists the project's codes in that scheme in the order written.
    """
    used = {ref.scheme for project in projects for ref in project.alignment}
    if not used:
        return None
    schemes = [s for s in SCHEMES if s in used] + sorted(used - SCHEMES.keys())
    rows = []
    for project in projects:
        codes: dict[str, list[str]] = {}
        for ref in project.alignment:
            codes.setdefault(ref.scheme, []).append(ref.code)  # plan text: digits as written
        number = project.number if project.number is not None else str(numbered[project.id])
        rows.append(
            AlignmentRow(
                anchor=f"project-{project.id}",
                heading=style.labels.format("project_numbered", number=style.digits_of(number)),
                name=project.name,
                cells=tuple(", ".join(codes[s]) if s in codes else None for s in schemes),
            )
        )
    return AlignmentMatrix(
        schemes=tuple(style.labels[SCHEMES[s]] if s in SCHEMES else s for s in schemes),
        rows=tuple(rows),
    )


def find_action_plan(plan: Plan, year: int) -> ActionPlan | None:
    """The plan's action plan for fiscal year ``year``, if it has one."""
    return next((a for a in plan.action_plans if a.fiscal_year == year), None)


def build_action_plan(plan: Plan, year: int, style: Style) -> ActionPlanView:
    """The action plan of fiscal year ``year`` as its template sees it.

    Raises:
        UsageError: ``year`` is not a year of the plan.
    """
    if year not in plan.period.years:
        raise UsageError(
            f"fiscal year {year} is outside the plan's period {plan.period.start}-{plan.period.end}; "
            f"choose --year from {plan.period.start} to {plan.period.end}"
        )
    labels = style.labels
    annual = find_action_plan(plan, year)
    projects = annual.projects if annual else []
    numbered = {p.id: i for i, p in enumerate(projects, start=1)}
    policy_ids = {p.id for p in plan.policies}
    sections = []
    rows = []
    for policy in plan.policies:
        mine = [p for p in projects if p.policy == policy.id]
        heading = labels.format("policy_numbered", number=style.digits_of(policy.number))
        budget = _money(_total(mine), style)
        budget_words = labels.format("budget_amount", amount=budget) if budget else None
        sections.append(
            ActionPolicyView(
                anchor=f"policy-{policy.id}",
                heading=heading,
                title=policy.title,
                indicators=tuple(
                    ActionIndicatorView(
                        style.digits_of(i.number), i.name, i.unit, style.target(i.targets.get(year)), i.owner
                    )
                    for i in policy.indicators
                ),
                projects=tuple(_project(p, numbered[p.id], plan, policy, year, style) for p in mine),
                budget=budget_words,
            )
        )
        if mine:
            rows.append(BudgetRow(heading, policy.title, style.number(len(mine)), budget or labels["empty"]))
    others = [p for p in projects if p.policy not in policy_ids]
    if others:
        rows.append(
            BudgetRow(
                labels["other_projects"],
                "",
                style.number(len(others)),
                _money(_total(others), style) or labels["empty"],
            )
        )
    first, last = fiscal_year_span(year)
    shown_year = style.year(year)
    return ActionPlanView(
        title=(annual.title if annual and annual.title else labels.format("action_plan_title", year=shown_year)),
        plan_title=plan.title,
        office=plan.office.name,
        fiscal_year=shown_year,
        span=labels.format("fiscal_year_span", start=style.date(first), end=style.date(last)),
        target_header=labels.format("col_target_year", year=shown_year),
        missing=None if annual else labels.format("no_action_plan", year=shown_year),
        policies=tuple(sections),
        other_projects=tuple(_project(p, numbered[p.id], plan, None, year, style) for p in others),
        budget_rows=tuple(rows),
        projects_total=_money(_total(projects), style),
        declared_total=_money(annual.total_budget, style) if annual else None,
        alignment=alignment_matrix(projects, numbered, style),
    )
