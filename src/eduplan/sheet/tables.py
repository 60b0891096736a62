"""The tables of the workbook layout, which the export writes and the import reads back.

:mod:`eduplan.spreadsheet` describes the layout and writes it; :mod:`eduplan.sheetread` and
:mod:`eduplan.sheetimport` read it back and compare it with what these builders give for the plan.
This module does not import openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eduplan.analysis.status import year_status
from eduplan.model import ActionPlan, Plan, ProjectResult, Range, Report

__all__ = [
    "ACTUAL_COLUMNS",
    "DONE_WORDS",
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
    "results_sheet",
    "table_of",
    "tables",
]

INDICATORS = "indicators"
"""Name of the indicator-table sheet."""


def actuals_sheet(year: int) -> str:
    """Name of the sheet holding the actuals of a fiscal year."""
    return f"actuals-{year}"


def projects_sheet(year: int) -> str:
    """Name of the sheet holding the projects of a fiscal year's action plan."""
    return f"projects-{year}"


def results_sheet(year: int) -> str:
    """Name of the sheet holding the project results of a fiscal year."""
    return f"results-{year}"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the layout: its key (what the import reads), Thai label, whether it is imported.

    A ``derived`` column shows what another sheet imports or what is computed (an actual's unit,
    target and status): it goes stale as soon as that changes, so the import accepts what it
    showed, what the plan says and what the workbook says (:mod:`eduplan.sheetshown`). Every other
    column that is not imported is context: it must still show what the plan says.
    """

    key: str
    label: str
    imported: bool = False
    width: int = 14
    derived: bool = False


INDICATOR_HEAD = (
    Column("policy", "นโยบาย", width=9),
    Column("id", "รหัส", width=10),
    Column("number", "ที่", width=6),
    Column("name", "ตัวชี้วัด", width=60),
    Column("unit", "หน่วยนับ", imported=True, width=12),
    Column("kind", "ชนิด", width=10),
    Column("direction", "ทิศทาง", width=16),
)
INDICATOR_TAIL = (Column("owner", "ผู้รับผิดชอบ", imported=True, width=28),)

ACTUAL_COLUMNS = (
    Column("policy", "นโยบาย", width=9),
    Column("indicator", "รหัสตัวชี้วัด", width=12),
    Column("number", "ที่", width=6),
    Column("name", "ตัวชี้วัด", width=60),
    Column("unit", "หน่วยนับ", width=12, derived=True),
    Column("target", "ค่าเป้าหมาย", width=12, derived=True),
    Column("value", "ผลการดำเนินงาน", imported=True, width=16),
    Column("no_data", "ไม่มีข้อมูล เพราะ", imported=True, width=30),
    Column("measured", "วันที่วัดผล", imported=True, width=14),
    Column("source", "แหล่งข้อมูล", imported=True, width=24),
    Column("note", "หมายเหตุ", imported=True, width=30),
    Column("status", "สถานะ", width=14, derived=True),
)

PROJECT_COLUMNS = (
    Column("id", "รหัส", width=14),
    Column("number", "ที่", width=6),
    Column("name", "โครงการ/กิจกรรมหลัก", width=50),
    Column("policy", "นโยบาย", width=9),
    Column("indicators", "ตัวชี้วัดของแผน", width=14),
    Column("objectives", "วัตถุประสงค์", width=40),
    Column("targets_quantitative", "เป้าหมายเชิงปริมาณ", width=30),
    Column("targets_qualitative", "เป้าหมายเชิงคุณภาพ", width=30),
    Column("success_indicators", "ตัวชี้วัดและค่าเป้าหมาย", width=40),
    Column("budget", "งบประมาณ (บาท)", width=14),
    Column("budget_source", "แหล่งงบประมาณ", width=24),
    Column("owner", "กลุ่ม/ผู้รับผิดชอบ", width=24),
    *(
        Column(f"q{q}_{what}", f"ไตรมาส {q} {label}", width=14 if what == "budget" else 24)
        for q in (1, 2, 3, 4)
        for what, label in (("target", "เป้าหมาย"), ("budget", "งบประมาณ"))
    ),
    Column("alignment", "ความสอดคล้อง", width=40),
)

RESULT_COLUMNS = (
    Column("project", "รหัสโครงการ", width=14),
    Column("number", "ที่", width=6),
    Column("name", "โครงการ/กิจกรรมหลัก", width=50),
    Column("budget", "งบประมาณ (บาท)", width=14),
    Column("done", "ดำเนินการแล้ว", imported=True, width=14),
    Column("budget_spent", "ใช้จ่ายจริง (บาท)", imported=True, width=16),
    Column("note", "ผลการดำเนินงาน/หมายเหตุ", imported=True, width=40),
)

DONE_WORDS = ("ใช่", "ไม่ใช่")
"""How the export writes ``done``: true, false (a blank cell: not reported)."""


def header(column: Column) -> str:
    """The header cell of a column: the Thai label, then the key in parentheses."""
    return f"{column.label} ({column.key})"


def format_value(value: float | Range | str | None) -> float | str | None:
    """A target or actual as a cell value: numbers stay numbers, ranges become ``70..80``."""
    if isinstance(value, Range):
        low = "" if value.min is None else _num(value.min)
        high = "" if value.max is None else _num(value.max)
        return f"{low}..{high}"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


# -- the tables ------------------------------------------------------------------------------


KINDS = ("indicators", "projects", "results", "actuals")
"""The kinds of sheet of the layout."""

ID_KEYS = {"indicators": "id", "projects": "id", "results": "project", "actuals": "indicator"}
"""The column that names a row's item, by kind of sheet."""

MARK = "eduplan.sheet"
"""The hidden sheet-scoped defined name the export puts on every sheet; its value is the sheet's
layout name (``actuals-2567``), so that a renamed or moved sheet is still recognised."""


RECORD = "eduplan-shown"
"""The very hidden sheet in which the export records what it showed in each actuals sheet's columns
from elsewhere (:data:`SHOWN_KEYS`): a cell that still shows that is no edit, even after the plan
changed (a re-import of the same workbook)."""

SHOWN_KEYS = ("unit", "target", "status")
"""The columns of an actuals sheet shown from the indicator table (unit, target) or computed (status)."""


@dataclass(frozen=True, slots=True)
class Table:
    """What the export writes on one sheet: its layout name, kind, year, columns and rows of values."""

    name: str
    kind: str
    year: int | None
    columns: tuple[Column, ...]
    rows: list[list[Any]]

    def by_id(self) -> dict[str, dict[str, Any]]:
        """Each row as values by column key, by the id of its item (the first row of an id)."""
        index = [c.key for c in self.columns].index(ID_KEYS[self.kind])
        out: dict[str, dict[str, Any]] = {}
        for row in self.rows:
            values = {c.key: v for c, v in zip(self.columns, row, strict=True)}
            out.setdefault(str(row[index]), values)
        return out


def indicator_columns(years: list[int]) -> tuple[Column, ...]:
    """The columns of the indicator table for a period's years."""
    targets = [Column(str(y), f"ค่าเป้าหมาย {y}", imported=True, width=11) for y in years]
    return (*INDICATOR_HEAD, *targets, *INDICATOR_TAIL)


def kind_columns(kind: str) -> tuple[Column, ...]:
    """The fixed columns of a kind of sheet (the indicator table's year columns come from the period)."""
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
        out.append(project_table(action_plan))
        report = next((r for r in plan.reports if r.fiscal_year == action_plan.fiscal_year), None)
        out.append(result_table(action_plan, report))
    years = sorted(set(plan.period.years) | {r.fiscal_year for r in plan.reports})
    out += [actual_table(plan, year) for year in years]
    return out


def table_of(plan: Plan, kind: str, year: int | None) -> Table | None:
    """The table the export would write for a kind of sheet and year; ``None`` when it has none."""
    if kind == "indicators":
        return indicator_table(plan)
    if kind == "actuals" and year is not None:
        return actual_table(plan, year)
    action_plan = next((a for a in plan.action_plans if a.fiscal_year == year), None)
    if action_plan is None:
        return None
    if kind == "projects":
        return project_table(action_plan)
    report = next((r for r in plan.reports if r.fiscal_year == year), None)
    return result_table(action_plan, report)


def indicator_table(plan: Plan) -> Table:
    """The ``indicators`` sheet."""
    rows = []
    for policy in plan.policies:
        for ind in policy.indicators:
            targets = [format_value(ind.targets.get(y)) for y in plan.period.years]
            head = [policy.id, ind.id, ind.number, ind.name, ind.unit, ind.kind, ind.direction]
            rows.append([*head, *targets, ind.owner])
    return Table(INDICATORS, "indicators", None, indicator_columns(plan.period.years), rows)


def actual_table(plan: Plan, year: int) -> Table:
    """The ``actuals-<year>`` sheet."""
    status = year_status(plan, year)
    report = next((r for r in plan.reports if r.fiscal_year == year), None)
    rows = []
    for policy, policy_status in zip(plan.policies, status.policies, strict=True):
        for ind, ind_status in zip(policy.indicators, policy_status.indicators, strict=True):
            actual = report.actuals[ind_status.actual_index] if report and ind_status.actual_index is not None else None
            rows.append(
                [
                    policy.id,
                    ind.id,
                    ind.number,
                    ind.name,
                    ind.unit,
                    format_value(ind.targets.get(year)),
                    format_value(actual.value) if actual else None,
                    actual.no_data if actual else None,
                    actual.measured if actual else None,
                    actual.source if actual else None,
                    actual.note if actual else None,
                    ind_status.status.value,
                ]
            )
    return Table(actuals_sheet(year), "actuals", year, ACTUAL_COLUMNS, rows)


def project_table(action_plan: ActionPlan) -> Table:
    """The ``projects-<year>`` sheet (for reading)."""
    rows = []
    for p in action_plan.projects:
        quarters: list[Any] = []
        for q in (1, 2, 3, 4):
            quarter = p.quarters.get(q)
            quarters += [quarter.target, format_value(quarter.budget)] if quarter else [None, None]
        success = [
            " ".join(str(x) for x in (s.name, format_value(s.target), s.unit) if x is not None)
            for s in p.success_indicators
        ]
        alignment = [f"{a.scheme} {a.code}" + (f" ({a.note})" if a.note else "") for a in p.alignment]
        rows.append(
            [
                p.id,
                p.number,
                p.name,
                p.policy,
                ", ".join(p.indicators),
                _lines(p.objectives),
                _lines(p.targets_quantitative),
                _lines(p.targets_qualitative),
                _lines(success),
                format_value(p.budget),
                p.budget_source,
                p.owner,
                *quarters,
                _lines(alignment),
            ]
        )
    year = action_plan.fiscal_year
    return Table(projects_sheet(year), "projects", year, PROJECT_COLUMNS, rows)


def result_table(action_plan: ActionPlan, report: Report | None) -> Table:
    """The ``results-<year>`` sheet."""
    results: dict[str, ProjectResult] = {}
    for result in report.projects if report else []:
        results.setdefault(result.project, result)
    rows = []
    for p in action_plan.projects:
        got = results.get(p.id)
        done = None if got is None or got.done is None else DONE_WORDS[0 if got.done else 1]
        spent = format_value(got.budget_spent) if got else None
        rows.append([p.id, p.number, p.name, format_value(p.budget), done, spent, got.note if got else None])
    year = action_plan.fiscal_year
    return Table(results_sheet(year), "results", year, RESULT_COLUMNS, rows)


def _lines(items: list[str]) -> str | None:
    return "\n".join(items) if items else None


def record_rows(every: list[Table]) -> list[list[Any]]:
    """The rows of the :data:`RECORD` sheet: a header, then sheet, indicator and the shown values per actuals row."""
    out: list[list[Any]] = [["sheet", "indicator", *SHOWN_KEYS]]
    for table in every:
        if table.kind == "actuals":
            keys = [c.key for c in table.columns]
            for row in table.rows:
                out.append([table.name, row[keys.index("indicator")], *(row[keys.index(k)] for k in SHOWN_KEYS)])
    return out
