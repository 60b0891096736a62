"""The project table of a performance report: each project of the year's action plan, done or not, and its money."""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.model import Plan, Project, ProjectResult, Report
from eduplan.render.style import Style
from eduplan.words.money import Amount, exact, total
from eduplan.words.thai import format_percent

__all__ = ["ProjectResultRow", "money", "project_results", "share"]


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


def share(part: Amount | None, whole: Amount | None, style: Style) -> str | None:
    """``part`` as a percentage of ``whole``, or None when either is missing (or the whole is zero)."""
    if part is None or not whole:
        return None
    return format_percent(float(exact(part) / exact(whole)), style.digits)


def money(amount: Amount | None, style: Style) -> str | None:
    """Baht in the document's digits, or None."""
    return style.money(amount) if amount is not None else None


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
        budget=money(budget, style),
        spent=money(spent, style),
        share=share(spent, budget, style),
        note=result.note if result else None,
    )


def project_results(
    plan: Plan, year: int, report: Report, style: Style
) -> tuple[tuple[ProjectResultRow, ...], Amount | None, Amount | None]:
    """The project table, the total budget and the total spent.

    Rows: the action plan's projects in published order, then results for projects it does not have.
    """
    annual = plan.action_plan_of(year)
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
