"""The tables of the workbook layout, which the export writes and the import reads back.

:mod:`eduplan.sheet.write` writes them; :mod:`eduplan.sheet.read` and :mod:`eduplan.sheet.importer`
read them back and compare them with what these builders give for the plan. The indicator and
actuals sheets are built in :mod:`eduplan.sheet.measures`, the projects and results sheets in
:mod:`eduplan.sheet.projects`. This module does not import openpyxl.
"""

from __future__ import annotations

from typing import Any

from eduplan.i18n import LANGS, language, using
from eduplan.model import Plan
from eduplan.sheet.layout import (
    ID_KEYS,
    INDICATORS,
    KINDS,
    Column,
    Table,
    actuals_sheet,
    format_value,
    header,
    projects_sheet,
    results_sheet,
)
from eduplan.sheet.measures import (
    ACTUAL_COLUMNS,
    INDICATOR_HEAD,
    INDICATOR_TAIL,
    actual_table,
    indicator_table,
    report_of,
)
from eduplan.sheet.projects import PROJECT_COLUMNS, RESULT_COLUMNS, project_table, result_table

__all__ = [
    "ACTUAL_COLUMNS",
    "ID_KEYS",
    "INDICATORS",
    "KINDS",
    "MARK",
    "RECORD",
    "RESULT_COLUMNS",
    "SHOWN_KEYS",
    "Column",
    "Table",
    "actuals_sheet",
    "format_value",
    "header",
    "kind_columns",
    "projects_sheet",
    "record_rows",
    "report_of",
    "results_sheet",
    "table_of",
    "tables",
    "tables_of",
]

MARK = "eduplan.sheet"
"""The hidden sheet-scoped defined name the export puts on every sheet; its value is the sheet's
layout name (``actuals-2567``), so that a renamed or moved sheet is still recognised."""

RECORD = "eduplan-shown"
"""The very hidden sheet in which the export records what it showed in each actuals sheet's columns
from elsewhere (:data:`SHOWN_KEYS`): a cell that still shows that is no edit, even after the plan
changed (a re-import of the same workbook)."""

SHOWN_KEYS = ("unit", "target", "status")
"""The columns of an actuals sheet shown from the indicator table (unit, target) or computed (status)."""


def kind_columns(kind: str) -> tuple[Column, ...]:
    """Every column a kind of sheet may have (the indicator table's year columns come from the period)."""
    return {
        "indicators": (*INDICATOR_HEAD, *INDICATOR_TAIL),
        "projects": PROJECT_COLUMNS,
        "results": RESULT_COLUMNS,
        "actuals": ACTUAL_COLUMNS,
    }[kind]


def tables(plan: Plan) -> list[Table]:
    """Every sheet the export writes, in workbook order."""
    out = [indicator_table(plan)]
    for action_plan in plan.action_plans:
        out.append(project_table(plan, action_plan))
        out.append(result_table(action_plan, report_of(plan, action_plan.year)[1]))
    years = sorted(set(plan.period.years) | {r.year for r in plan.reports})
    out += [actual_table(plan, year) for year in years]
    return out


def table_of(plan: Plan, kind: str, year: int | None) -> Table | None:
    """The table the export would write for a kind of sheet and year; ``None`` when it has none."""
    if kind == "indicators":
        return indicator_table(plan)
    if kind == "actuals" and year is not None:
        return actual_table(plan, year)
    action_plan = plan.action_plan_of(year) if year is not None else None
    if action_plan is None:
        return None
    if kind == "projects":
        return project_table(plan, action_plan)
    return result_table(action_plan, report_of(plan, action_plan.year)[1])


def tables_of(plan: Plan, kind: str, year: int | None) -> list[Table]:
    """The table of a kind of sheet and year as the export writes it in each language, the run's first.

    A workbook exported in one language may be imported in the other: a context cell is as it
    should be when it shows what the export writes in either.
    """
    out = []
    for lang in sorted(LANGS, key=lambda lang: lang != language()):
        with using(lang):
            found = table_of(plan, kind, year)
        if found is not None:
            out.append(found)
    return out


def record_rows(every: list[Table]) -> list[list[Any]]:
    """The rows of the :data:`RECORD` sheet: a header, then sheet, indicator and the shown values per actuals row."""
    out: list[list[Any]] = [["sheet", "indicator", *SHOWN_KEYS]]
    for table in every:
        if table.kind == "actuals":
            keys = [c.key for c in table.columns]
            for row in table.rows:
                out.append([table.name, row[keys.index("indicator")], *(row[keys.index(k)] for k in SHOWN_KEYS)])
    return out
