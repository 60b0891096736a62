"""The ``projects-<year>`` sheet (for reading) and the ``results-<year>`` sheet of a year's action plan.

A project that counts several things (schools and teachers: ``outputs``) takes one row per output:
its first row holds the whole project and output 1, each further row the project's id, the output's
number (``output``) and that output's unit, target and quarter targets. Quarter targets stay
numbers when they are numbers; a project budgeted over several years shows its budget per year.
"""

from __future__ import annotations

from typing import Any, Literal

from eduplan.i18n import N_, language
from eduplan.model import ActionPlan, Plan, Project, ProjectResult, Report
from eduplan.model.narrative import NARRATIVE_FIELDS as NARRATIVE_KEYS
from eduplan.sheet.layout import Column, Table, format_value, projects_sheet, results_sheet, table, translated
from eduplan.sheet.words import DONE, word

__all__ = ["PROJECT_COLUMNS", "RESULT_COLUMNS", "project_table", "result_table"]

_QUARTER_LABELS = (
    (N_("Quarter 1 target"), N_("Quarter 1 budget")),
    (N_("Quarter 2 target"), N_("Quarter 2 budget")),
    (N_("Quarter 3 target"), N_("Quarter 3 budget")),
    (N_("Quarter 4 target"), N_("Quarter 4 budget")),
)

PROJECT_COLUMNS = (
    Column("id", N_("ID"), width=14),
    Column("output", N_("Output no."), width=8, optional=True),
    Column("number", N_("No."), width=6),
    Column("name", N_("Project/main activity"), width=50),
    Column("policy", N_("Policy"), width=9),
    Column("indicators", N_("Indicators of the plan"), width=14),
    Column("objectives", N_("Objectives"), width=40),
    Column("targets_quantitative", N_("Quantitative targets"), width=30),
    Column("targets_qualitative", N_("Qualitative targets"), width=30),
    Column("success_indicators", N_("Indicators and targets"), width=40),
    Column("unit", N_("Unit"), imported=True, width=12, optional=True),
    Column("target", N_("Output target"), imported=True, width=12, optional=True),
    Column("budget", N_("Budget (baht)"), width=14),
    Column("budgets", N_("Budget by year (baht)"), width=24, optional=True),
    Column("budget_source", N_("Source of the budget"), width=24),
    Column("owner", N_("Group/owner"), width=24),
    *(
        Column(f"q{q}_{what}", label, imported=what == "target", width=14 if what == "budget" else 24)
        for q, labels in enumerate(_QUARTER_LABELS, 1)
        for what, label in zip(("target", "budget"), labels, strict=True)
    ),
    Column("alignment", N_("Alignment"), width=40),
)

RESULT_COLUMNS = (
    Column("project", N_("Project ID"), width=14),
    Column("number", N_("No."), width=6),
    Column("name", N_("Project/main activity"), width=50),
    Column("budget", N_("Budget (baht)"), width=14),
    Column("done", N_("Done"), imported=True, width=14),
    Column("budget_spent", N_("Spent (baht)"), imported=True, width=16),
    Column("note", N_("Results/note"), imported=True, width=40),
    Column("results", N_("Results in words (one paragraph a line)"), imported=True, width=50),
    Column("highlights", N_("Notable results and good practice (one a line)"), imported=True, width=40),
    Column("problems", N_("Problems and obstacles (one a line)"), imported=True, width=40),
    Column("suggestions", N_("Suggestions (one a line)"), imported=True, width=40),
)

_QUARTERS: tuple[Literal[1, 2, 3, 4], ...] = (1, 2, 3, 4)


def _lines(items: list[str]) -> str | None:
    return "\n".join(items) if items else None


def _money(amount: float) -> str:
    return f"{amount:,.2f}" if isinstance(amount, float) and not amount.is_integer() else f"{int(amount):,}"


def _project_rows(plan: Plan, p: Project) -> list[dict[str, Any]]:
    """The rows of one project: the whole project with its first output, then one row per further output."""
    success = [
        " ".join(str(x) for x in (s.name, format_value(s.target), s.unit) if x is not None)
        for s in p.success_indicators
    ]
    alignment = []
    for a in p.alignment:
        scheme = plan.schemes.get(a.scheme)
        name = f"{scheme.title} ({a.scheme})" if scheme is not None and scheme.title else a.scheme
        alignment.append(f"{name} {a.code}" + (f" ({a.note})" if a.note else ""))
    first: dict[str, Any] = {
        "id": p.id,
        "number": p.number,
        "name": p.name,
        "policy": p.policy,
        "indicators": ", ".join(p.indicators),
        "objectives": _lines(p.objectives),
        "targets_quantitative": _lines(p.targets_quantitative),
        "targets_qualitative": _lines(p.targets_qualitative),
        "success_indicators": _lines(success),
        "budget": format_value(p.budget),
        "budgets": _lines([f"{year}: {_money(amount)}" for year, amount in sorted(p.budgets.items())]),
        "budget_source": p.budget_source,
        "owner": p.owner,
        "alignment": _lines(alignment),
    }
    for q in _QUARTERS:
        quarter = p.quarters.get(q)
        first[f"q{q}_target"] = format_value(quarter.target) if quarter else None
        first[f"q{q}_budget"] = format_value(quarter.budget) if quarter else None
    outputs = p.rows
    rows = [first]
    for n, output in enumerate(outputs, 1):
        row: dict[str, Any] = first if n == 1 else {"id": p.id}
        row["output"] = n if len(outputs) > 1 else None
        row["unit"] = output.unit
        row["target"] = format_value(output.target)
        for q in _QUARTERS:
            row[f"q{q}_target"] = format_value(output.quarters.get(q))
        if n > 1:
            rows.append(row)
    return rows


def project_table(plan: Plan, action_plan: ActionPlan) -> Table:
    """The ``projects-<year>`` sheet (for reading)."""
    rows = [row for p in action_plan.projects for row in _project_rows(plan, p)]
    keep = {key for key in ("output", "unit", "target", "budgets") if any(r.get(key) is not None for r in rows)}
    year = action_plan.year
    return table(projects_sheet(year), "projects", year, translated(PROJECT_COLUMNS), rows, keep=keep)


def result_table(action_plan: ActionPlan, report: Report | None) -> Table:
    """The ``results-<year>`` sheet, in the run's language (``done``: ใช่ / ไม่ใช่ or yes / no).

    A project's narrative (results, highlights, problems, suggestions) takes one cell per part, one
    paragraph or point a line, so that the office can write it in the workbook and import it back.
    """
    lang = language()
    results: dict[str, ProjectResult] = {}
    for result in report.projects if report else []:
        results.setdefault(result.project, result)
    rows = []
    for p in action_plan.projects:
        got = results.get(p.id)
        done = None if got is None or got.done is None else word("done", DONE[0 if got.done else 1], lang)
        spent = format_value(got.budget_spent) if got else None
        rows.append(
            {
                "project": p.id,
                "number": p.number,
                "name": p.name,
                "budget": format_value(p.budget),
                "done": done,
                "budget_spent": spent,
                "note": got.note if got else None,
                **{key: _lines(getattr(got, key)) if got else None for key in NARRATIVE_KEYS},
            }
        )
    year = action_plan.year
    return table(results_sheet(year), "results", year, translated(RESULT_COLUMNS), rows)
