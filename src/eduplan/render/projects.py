"""The tables of an action plan's projects: units and targets, and the alignment matrix.

The project table has one row per unit a project counts, its name spanning its rows.

A published action-plan table gives each project its หน่วยนับ (unit), เป้าหมาย (target) and the
target of each quarter; a project that counts two things (schools and teachers) takes two rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.model import ActionPlan, Plan, Project
from eduplan.render.sections import scheme_order, scheme_title
from eduplan.render.style import Style
from eduplan.words.quantity import with_unit
from eduplan.words.thai import fiscal_quarters, format_months

__all__ = [
    "AlignmentMatrix",
    "AlignmentRow",
    "ProjectFields",
    "ProjectRow",
    "TableColumns",
    "QuarterView",
    "alignment_matrix",
    "project_amount",
    "project_fields",
    "project_rows",
    "quarters",
    "table_columns",
]


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """One row of the project table.

    Attributes:
        anchor: HTML id of the project's details.
        span: Rows the project's name, budget and owner cells span (on its first row); 0 on its other rows.
        number: The project's number as published, or its place.
        name: The project's name.
        unit: The unit of this row, or None.
        target: The year's target in that unit, or None.
        quarters: The target of each quarter, or None where none is given.
        budget: The project's budget, or None.
        owner: The responsible group, or None.
    """

    anchor: str
    span: int
    number: str
    name: str
    unit: str | None
    target: str | None
    quarters: tuple[str | None, ...]
    budget: str | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class ProjectFields:
    """Which fields the projects' details show: only those some project of the action plan gives."""

    objectives: bool
    targets_quantitative: bool
    targets_qualitative: bool
    indicators: bool
    budget: bool
    budget_source: bool
    owner: bool
    alignment: bool


def project_fields(projects: list[Project]) -> ProjectFields:
    """The fields of the projects' details that some project fills."""
    return ProjectFields(
        objectives=any(p.objectives for p in projects),
        targets_quantitative=any(p.targets_quantitative for p in projects),
        targets_qualitative=any(p.targets_qualitative for p in projects),
        indicators=any(p.indicators for p in projects),
        budget=any(p.budget is not None for p in projects),
        budget_source=any(p.budget_source for p in projects),
        owner=any(p.owner for p in projects),
        alignment=any(p.alignment for p in projects),
    )


@dataclass(frozen=True, slots=True)
class TableColumns:
    """Which optional columns the project table has: only those some project fills."""

    quarters: bool
    budget: bool
    owner: bool


def project_amount(value: float | str | None, style: Style) -> str | None:
    """A project's target (a number in its unit, or words) as a cell shows it."""
    if value is None or isinstance(value, str):
        return value
    return style.number(value)


def project_rows(project: Project, number: str, style: Style) -> tuple[ProjectRow, ...]:
    """The rows of one project (none when it gives no unit, target or outputs)."""
    outputs = project.rows
    budget = style.money(project.budget) if project.budget is not None else None
    return tuple(
        ProjectRow(
            anchor=f"project-{project.id}",
            span=len(outputs) if n == 0 else 0,
            number=number,
            name=project.name,
            unit=output.unit,
            target=project_amount(output.target, style),
            quarters=tuple(project_amount(output.quarters.get(q), style) for q in (1, 2, 3, 4)),
            budget=budget,
            owner=project.owner,
        )
        for n, output in enumerate(outputs)
    )


def table_columns(projects: list[Project]) -> TableColumns:
    """The optional columns of an action plan's project table."""
    return TableColumns(
        quarters=any(output.quarters for p in projects for output in p.rows),
        budget=any(p.budget is not None for p in projects),
        owner=any(p.owner for p in projects),
    )


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


def alignment_matrix(
    plan: Plan, projects: list[Project], numbered: dict[str, int], style: Style
) -> AlignmentMatrix | None:
    """The alignment matrix of an action plan's projects; None when no project names a higher plan.

    Columns are the schemes the projects use: the known ones from the highest plan down, then the
    plan's own schemes in its order, then any other in alphabetical order (so the order never
    depends on the order of projects), each named by its title (:func:`~eduplan.render.sections.scheme_title`).
    A cell lists the project's codes in that scheme in the order written.
    """
    used = {ref.scheme for project in projects for ref in project.alignment}
    if not used:
        return None
    schemes = scheme_order(plan, used)
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
        schemes=tuple(scheme_title(plan, s, style) for s in schemes),
        rows=tuple(rows),
    )


@dataclass(frozen=True, slots=True)
class QuarterView:
    """One quarter of a project's schedule."""

    label: str
    months: str
    target: str | None
    budget: str | None


def quarters(project: Project, annual: ActionPlan | None, year: int, style: Style) -> tuple[QuarterView, ...]:
    """The project's quarters; an academic year's are numbered only (its quarters have no fixed months)."""
    outputs = [o for o in project.outputs if o.quarters]
    if not project.quarters and not outputs:
        return ()
    planned = {int(number): quarter for number, quarter in project.quarters.items()}
    academic = annual is not None and annual.year_kind == "academic"
    out = []
    for number, first, last in fiscal_quarters(year):
        quarter = planned.get(number)
        out.append(
            QuarterView(
                label=style.labels.format("quarter", number=style.digits_of(str(number))),
                months="" if academic else format_months(first, last, style.lang, style.digits),
                target=_quarter_target(project, number, style),
                budget=style.money(quarter.budget) if quarter and quarter.budget is not None else None,
            )
        )
    return tuple(out)


def _quarter_target(project: Project, number: int, style: Style) -> str | None:
    """What a quarter plans: its own words or number, else each output's number with its unit (106 โรงเรียน)."""
    quarter = project.quarters.get(number)  # type: ignore[call-overload]
    if quarter is not None and quarter.target is not None:
        return project_amount(quarter.target, style)
    parts = []
    for output in project.outputs:
        value = project_amount(output.quarters.get(number), style)  # type: ignore[call-overload]
        if value is not None:
            parts.append(with_unit(value, output.unit, style.labels))
    return "; ".join(parts) or None
