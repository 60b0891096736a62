"""Reading a workbook back: cells -> changes to the plan data, and located problems for bad cells.

The workbook has the layout of :mod:`eduplan.spreadsheet`. Rows are matched by id. Only the
imported columns are read: on ``indicators`` the unit, the targets per year and the owner; on
``actuals-<year>`` the value, no_data, measured, source and note; on ``results-<year>`` the
project results (see :mod:`eduplan.sheetresults`). A cell that holds what the plan already holds
is no change; a cleared cell removes the value. Every bad cell is a :class:`Problem` located as
``sheet!C12``; nothing here reads or writes files.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Indicator, Plan
from .model.common import BE_MAX, BE_MIN
from .sheetcells import Bad, date, or_delete, plain, plain_target, same, value
from .sheetread import Cell, Sheet
from .sheetresults import import_results
from .sheetrows import (
    Change,
    ImportPlan,
    Index,
    Problem,
    Row,
    context_warnings,
    letter,
    list_changes,
    read_row,
    unknown_columns,
)
from .spreadsheet import INDICATORS
from .yamledit import DELETE

__all__ = ["Change", "ImportPlan", "Problem", "plan_import"]

_SHEET = re.compile(r"^(actuals|results)-(\d{4})$")
_FIELDS = ("value", "measured", "source", "note", "no_data")
"""The imported columns of an actuals sheet, in the order an actual's keys are written."""

_Found = tuple[int, int, Indicator, str]
"""An indicator with where it is: policy index, indicator index, the indicator, the policy id."""


def plan_import(plan: Plan, sheets: dict[str, Sheet], years: set[int] | None = None) -> ImportPlan:
    """Compare the workbook with the plan: the changes to make and the problems found.

    Args:
        plan: The plan as loaded (it must have loaded without errors).
        sheets: The workbook read by :func:`eduplan.sheetread.read_workbook`.
        years: Import only the actuals and project results of these fiscal years (every
            ``actuals-<year>`` and ``results-<year>`` sheet when ``None``).
    """
    result = ImportPlan()
    index = Index.of(
        "indicator",
        "the plan",
        (
            (ind.id, (pi, ii, ind, policy.id))
            for pi, policy in enumerate(plan.policies)
            for ii, ind in enumerate(policy.indicators)
        ),
    )
    if INDICATORS in sheets:
        _indicators(sheets[INDICATORS], index, result)
    for name, sheet in sheets.items():
        match = _SHEET.match(name)
        if match is None or (years is not None and int(match.group(2)) not in years):
            continue
        if match.group(1) == "actuals":
            _actuals(sheet, int(match.group(2)), plan, index, result)
        else:
            import_results(sheet, int(match.group(2)), plan, result)
    for year in sorted(years or ()):
        if f"actuals-{year}" not in sheets and f"results-{year}" not in sheets:
            result.problems.append(Problem(f"actuals-{year}", "the workbook has no such sheet"))
    return result


# -- the indicator table -----------------------------------------------------------------------


def _indicators(sheet: Sheet, index: Index[_Found], result: ImportPlan) -> None:
    if "id" not in sheet.columns:
        result.problems.append(Problem(sheet.header_ref(), "no id column: the header row must have 'รหัส (id)'"))
        return
    years: dict[str, int] = {}
    for key, column in sheet.columns.items():
        if key.isdigit() and BE_MIN <= int(key) <= BE_MAX:
            years[key] = int(key)
        elif key.isdigit():
            result.problems.append(Problem(f"{sheet.name}!{letter(column)}1", f"{key} is not a Buddhist-Era year"))
    unknown_columns(sheet, {"policy", "id", "number", "name", "unit", "kind", "direction", "owner", *years}, result)
    seen: dict[str, str] = {}
    for row in sheet.rows:
        found = index.find(row["id"], seen, result)
        if found is not None:
            _indicator_row(row, found, years, result)


def _indicator_row(row: dict[str, Cell], found: _Found, years: dict[str, int], result: ImportPlan) -> None:
    pi, ii, ind, policy = found
    base = ("policies", pi, "indicators", ii)
    shown = {"policy": policy, "number": ind.number, "name": ind.name, "kind": ind.kind, "direction": ind.direction}
    context_warnings(row, shown, "the YAML", result)
    for key in ("unit", "owner"):
        if key in row:
            try:
                new, old = plain(row[key]), getattr(ind, key)
            except Bad as exc:
                result.problems.append(Problem(row[key].ref, str(exc)))
                continue
            if not same(new, old):
                result.changes.append(Change((*base, key), or_delete(new), old, f"{ind.id} {key}", row[key].ref))
    targets: dict[int, Any] = dict(ind.targets)
    changes = []
    for key, year in years.items():
        cell = row.get(key)
        if cell is None:
            continue
        try:
            new = value(cell, ind, ind.targets.get(year))
        except Bad as exc:
            result.problems.append(Problem(cell.ref, str(exc)))
            continue
        old = ind.targets.get(year)
        if not same(new, old):
            targets[year] = new
            changes.append(Change((*base, "targets", year), or_delete(new), old, f"{ind.id} target {year}", cell.ref))
    if changes and (not ind.targets or all(v is None for v in targets.values())):
        # no targets mapping to edit in place (or none left): write or remove the whole mapping
        whole = {y: plain_target(v) for y, v in sorted(targets.items()) if v is not None}
        changes = [Change((*base, "targets"), whole or DELETE, None, f"{ind.id} targets", changes[0].ref)]
    result.changes += changes


# -- actuals -----------------------------------------------------------------------------------


def _actuals(sheet: Sheet, year: int, plan: Plan, index: Index[_Found], result: ImportPlan) -> None:
    if "indicator" not in sheet.columns:
        message = "no indicator column: the header row must have 'รหัสตัวชี้วัด (indicator)'"
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    unknown_columns(sheet, {"policy", "indicator", "number", "name", "unit", "target", "status", *_FIELDS}, result)
    ri = next((i for i, r in enumerate(plan.reports) if r.fiscal_year == year), None)
    old = plan.reports[ri].actuals if ri is not None else []
    values = {}
    for act in reversed(old):
        values[act.indicator] = act.value
    rows = []
    seen: dict[str, str] = {}
    for row in sheet.rows:
        found = index.find(row["indicator"], seen, result)
        if found is None:
            continue
        ind = found[2]
        cells = _actual_cells(row, ind, values.get(ind.id), result)
        if cells is not None:
            rows.append(Row(ind.id, cells, row, row["indicator"].ref))
    list_changes(result, year, ri, "actuals", "actual", old, rows)


def _actual_cells(row: dict[str, Cell], ind: Indicator, old: Any, result: ImportPlan) -> dict[str, Any] | None:
    """The imported cells of one row as plain values, or ``None`` (with problems) when one is bad."""
    readers = {"value": lambda cell: value(cell, ind, old), "measured": date, "source": plain, "note": plain}
    cells = read_row(row, {**readers, "no_data": plain}, result)
    if cells is not None and cells.get("value") is not None and cells.get("no_data") is not None:
        result.problems.append(Problem(row["no_data"].ref, "give a value or a reason for no data, not both"))
        return None
    return cells
