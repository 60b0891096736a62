"""View-model of the annual action plan (แผนปฏิบัติการ) of one fiscal year.

Per policy: the indicators with that year's target and owner, then the year's projects with
their budgets when the plan has an action plan for the year. Without one, the document says so
(``no_action_plan``) instead of showing empty sections. Projects whose policy is not in the plan
are listed in a section of their own, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.model import ActionPlan, AlignmentRef, Indicator, Plan, Policy, Project
from eduplan.model.walk import all_indicators, all_policies
from eduplan.render.indicators import columns_of, own_cell
from eduplan.render.narrative import ForewordView, SignatureView, build_foreword, build_signatures
from eduplan.render.projects import (
    AlignmentMatrix,
    ProjectFields,
    ProjectRow,
    QuarterView,
    TableColumns,
    alignment_matrix,
    project_fields,
    project_rows,
    quarters,
    table_columns,
)
from eduplan.render.sections import scheme_codes, scheme_title
from eduplan.render.style import Style, levels_heading
from eduplan.words.money import Amount, total
from eduplan.words.quantity import with_unit
from eduplan.words.thai import year_span

__all__ = [
    "ActionIndicatorView",
    "ActionPlanView",
    "ActionPolicyView",
    "BudgetRow",
    "ProjectIndicatorView",
    "ProjectView",
    "build_action_plan",
]


@dataclass(frozen=True, slots=True)
class ActionIndicatorView:
    """An indicator with the year's target; a sub-indicator (depth 1 or more) is a row under its indicator."""

    number: str
    name: str
    depth: int
    unit: str | None
    target: str | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class ProjectIndicatorView:
    """One of a project's own indicators of success, with its target.

    Attributes:
        name: The indicator as published.
        unit: Its unit as published, or None.
        target: The target with its unit, in the document's order (ร้อยละ 90, ระดับมาก, 600 คน), or None.
    """

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
        budgets: Budget per year for a project over several years, as (year, baht) pairs.
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
    budgets: tuple[tuple[str, str], ...]
    quarters: tuple[QuarterView, ...]
    alignment: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActionPolicyView:
    """A policy of the action plan (of any level): the year's indicator targets and projects.

    Attributes:
        table: The projects' rows of the project table (units, targets, quarters), or empty.
    """

    anchor: str
    depth: int
    heading: str
    title: str
    indicators: tuple[ActionIndicatorView, ...]
    projects: tuple[ProjectView, ...]
    table: tuple[ProjectRow, ...]
    leaf: bool
    """Whether it holds no policies of a lower level (only a leaf says it has no projects)."""
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
class ActionPlanView:
    """The annual action plan of one fiscal year.

    Attributes:
        title: Document title (แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567, or the published one).
        plan_title: Title of the five-year plan it belongs to.
        office: Office name.
        year_word: ปีงบประมาณ or ปีการศึกษา.
        fiscal_year: The year, formatted.
        span: First and last day of the year, in words.
        target_header: Header of the target column (ค่าเป้าหมาย ปี 2567).
        units: Whether the indicator tables have a unit column.
        owners: Whether the indicator tables have an owner column.
        missing: The notice shown when the plan has no action plan for the year, else None.
        policies: One section per policy of the plan.
        standards: A school's standards and their items with the year's expected level, or empty.
        other_projects: Projects whose policy is not in the plan.
        table_columns: The optional columns of the project tables.
        fields: The fields the projects' details show (those some project gives).
        quarter_labels: The quarters' headers (ไตรมาส 1 ...).
        budget_rows: Budget summary, one row per policy with projects.
        budget_heading: Header of its first column (นโยบาย, or the names of the levels that have projects).
        projects_total: Sum of the project budgets, or None when no project has one.
        declared_total: The total budget the action plan declares, or None.
        alignment: Projects against higher plans, or None when no project names one.
        foreword: The action plan's foreword (คำนำ), or None.
        signatures: Its signature blocks (ผู้เสนอ, ผู้เห็นชอบ, ผู้อนุมัติ), in printed order.
    """

    title: str
    plan_title: str
    office: str
    year_word: str
    fiscal_year: str
    span: str
    target_header: str
    units: bool
    owners: bool
    missing: str | None
    policies: tuple[ActionPolicyView, ...]
    standards: tuple[ActionIndicatorView, ...]
    other_projects: tuple[ProjectView, ...]
    table_columns: TableColumns
    fields: ProjectFields
    quarter_labels: tuple[str, ...]
    budget_rows: tuple[BudgetRow, ...]
    budget_heading: str
    projects_total: str | None
    declared_total: str | None
    alignment: AlignmentMatrix | None
    foreword: ForewordView | None
    signatures: tuple[SignatureView, ...]


def _total(projects: list[Project]) -> Amount | None:
    budgets = [p.budget for p in projects if p.budget is not None]
    return total(budgets) if budgets else None  # exact: 1e308 + 1e308 is no overflow


def _money(amount: Amount | None, style: Style) -> str | None:
    return style.money(amount) if amount is not None else None


@dataclass(frozen=True, slots=True)
class _Doc:
    """The plan and the year's action plan, with where each indicator is and each policy's level (built once)."""

    plan: Plan
    annual: ActionPlan | None
    where: dict[str, tuple[Policy | None, str]]
    depths: dict[int, int]

    @classmethod
    def of(cls, plan: Plan, annual: ActionPlan | None) -> _Doc:
        where: dict[str, tuple[Policy | None, str]] = {}
        for at in all_indicators(plan):
            where.setdefault(at.indicator.id, (at.policy, at.indicator.number))
        return cls(plan, annual, where, {id(at.policy): at.depth for at in all_policies(plan)})


def _indicator_refs(project: Project, doc: _Doc, home: Policy | None, style: Style) -> tuple[str, ...]:
    """References to the indicators a project serves: the number, with its policy when elsewhere."""
    where, depths = doc.where, doc.depths
    labels = style.labels
    refs = []
    for ident in project.indicators:
        if ident not in where:
            refs.append(labels.format("unknown_ref", id=ident))
            continue
        policy, shown = where[ident]
        number = style.digits_of(shown)
        if policy is home or policy is None:  # its own policy's, or a standard
            refs.append(labels.format("chart_indicator", number=number))
        elif depths[id(policy)] == 1:
            refs.append(labels.format("indicator_ref", policy_number=style.digits_of(policy.number), number=number))
        else:
            level = labels.level_numbered(depths[id(policy)], style.digits_of(policy.number))
            refs.append(f"{level} {labels.format('chart_indicator', number=number)}")
    return tuple(refs)


def _with_unit(value: str | None, unit: str | None, style: Style) -> str | None:
    return None if value is None else with_unit(value, unit, style.labels)


def _alignment_item(plan: Plan, ref: AlignmentRef, style: Style) -> str:
    """A higher plan a project serves: the scheme's title, the code and what the code stands for.

    What it stands for is the project's note, else the scheme's title of the code; without either,
    the code alone (rule RF06 reports it).
    """
    scheme = scheme_title(plan, ref.scheme, style)
    title = ref.note or scheme_codes(plan, ref.scheme).get(ref.code)
    if title:
        return style.labels.format("alignment_item", scheme=scheme, code=ref.code, title=title)
    return style.labels.format("alignment_item_untitled", scheme=scheme, code=ref.code)


def _number(project: Project, numbered: dict[str, int]) -> str:
    """The project's number as published, or its place in the action plan."""
    return project.number if project.number is not None else str(numbered[project.id])


def _project(project: Project, place: int, home: Policy | None, doc: _Doc, style: Style) -> ProjectView:
    plan, annual = doc.plan, doc.annual
    number = project.number if project.number is not None else str(place)
    return ProjectView(
        anchor=f"project-{project.id}",
        heading=style.labels.format("project_numbered", number=style.digits_of(number)),
        name=project.name,
        objectives=tuple(project.objectives),
        targets_quantitative=tuple(project.targets_quantitative),
        targets_qualitative=tuple(project.targets_qualitative),
        indicators=_indicator_refs(project, doc, home, style),
        success_indicators=tuple(
            ProjectIndicatorView(i.name, i.unit, _with_unit(style.target(i.target), i.unit, style))
            for i in project.success_indicators
        ),
        budget=_money(project.budget, style),
        budget_source=project.budget_source,
        owner=project.owner,
        budgets=tuple((style.year(y), style.money(b)) for y, b in sorted(project.budgets.items())),
        quarters=quarters(project, annual, annual.year if annual else 0, style),
        alignment=tuple(_alignment_item(plan, a, style) for a in project.alignment),
    )


def _indicators(indicators: list[Indicator], year: int, style: Style, depth: int = 0) -> list[ActionIndicatorView]:
    """The year's targets of a policy's indicators, each followed by its sub-indicators."""
    rows = []
    for i in indicators:
        target = own_cell(i, style.target(i.targets.get(year)))
        rows.append(ActionIndicatorView(style.digits_of(i.number), i.name, depth, i.unit, target, i.owner))
        rows += _indicators(i.indicators, year, style, depth + 1)
    return rows


def build_action_plan(plan: Plan, year: int, style: Style) -> ActionPlanView:
    """The action plan of year ``year`` (fiscal, or academic for a school's) as its template sees it.

    Raises:
        UsageError: ``year`` is not a year of the plan.
    """
    kind = plan.period.year
    if year not in plan.period.years:
        if kind == "academic":
            message = _(
                "academic year {year} is outside the plan's period {start}-{end}; choose --year from {start} to {end}"
            )
        else:
            message = _(
                "fiscal year {year} is outside the plan's period {start}-{end}; choose --year from {start} to {end}"
            )
        raise UsageError(message.format(year=year, start=plan.period.start, end=plan.period.end))
    labels = style.labels
    annual = plan.action_plan_of(year)
    if annual is not None:
        kind = annual.year_kind
    academic = kind == "academic"
    projects = annual.projects if annual else []
    numbered = {p.id: i for i, p in enumerate(projects, start=1)}
    doc = _Doc.of(plan, annual)
    policies = list(all_policies(plan))
    policy_ids = {at.policy.id for at in policies}
    sections = []
    rows = []
    for at in policies:
        policy = at.policy
        mine = [p for p in projects if p.policy == policy.id]
        heading = labels.level_numbered(at.depth, style.digits_of(policy.number))
        budget = _money(_total(mine), style)
        budget_words = labels.format("budget_amount", amount=budget) if budget else None
        views = [_project(p, numbered[p.id], policy, doc, style) for p in mine]
        sections.append(
            ActionPolicyView(
                anchor=f"policy-{policy.id}",
                depth=at.depth,
                heading=heading,
                title=policy.title,
                indicators=tuple(_indicators(policy.indicators, year, style)),
                projects=tuple(views),
                table=tuple(r for p in mine for r in project_rows(p, _number(p, numbered), style)),
                budget=budget_words,
                leaf=not policy.policies,
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
    first, last = year_span(kind, year)
    shown_year = style.year(year)
    title_key = "action_plan_title_academic" if academic else "action_plan_title"
    columns = columns_of(i for at in policies for i in at.policy.indicators)
    return ActionPlanView(
        title=(annual.title if annual and annual.title else labels.format(title_key, year=shown_year)),
        plan_title=plan.title,
        office=plan.office.name,
        year_word=labels["academic_year" if academic else "fiscal_year"],
        fiscal_year=shown_year,
        span=labels.format("fiscal_year_span", start=style.date(first), end=style.date(last)),
        target_header=labels.format("col_target_year", year=shown_year),
        units=columns.unit,
        owners=columns.owner,
        missing=None
        if annual
        else labels.format("no_action_plan_academic" if academic else "no_action_plan", year=shown_year),
        policies=tuple(sections),
        standards=tuple(_indicators(plan.standards, year, style)),
        other_projects=tuple(_project(p, numbered[p.id], None, doc, style) for p in others),
        table_columns=table_columns(projects),
        fields=project_fields(projects),
        quarter_labels=tuple(labels.format("quarter", number=style.digits_of(str(q))) for q in (1, 2, 3, 4)),
        budget_rows=tuple(rows),
        budget_heading=levels_heading(
            labels, (at.depth for at in policies if any(p.policy == at.policy.id for p in projects))
        ),
        projects_total=_money(_total(projects), style),
        declared_total=_money(annual.total_budget, style) if annual else None,
        alignment=alignment_matrix(plan, projects, numbered, style),
        foreword=build_foreword(annual.foreword, style) if annual else None,
        signatures=build_signatures(annual.signatures, style) if annual else (),
    )
