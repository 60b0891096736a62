"""Reading a workbook back: cells -> changes to the plan data, and located problems for bad cells.

The workbook has the layout of :mod:`eduplan.spreadsheet`. Rows are matched by id. Only the
imported columns are read: on ``indicators`` the unit, the targets per year and the owner; on
``actuals-<year>`` the value, no_data, measured, source and note; on ``results-<year>`` the
project results (see :mod:`eduplan.sheetresults`); an actuals sheet's unit, target and status
are checked by :mod:`eduplan.sheetshown`. A cell that holds what the plan already holds
is no change; a cleared cell removes the value. Every bad cell is a :class:`Problem` located as
``sheet!C12``; nothing here reads or writes files.
"""

from __future__ import annotations

from typing import Any

from eduplan.edit.yamledit import DELETE
from eduplan.i18n import _
from eduplan.model import Plan
from eduplan.model.walk import IndicatorAt, all_indicators
from eduplan.sheet.baselines import BASELINE_KEYS, baseline_changes
from eduplan.sheet.cells import Bad, date, or_delete, plain, plain_target, same, score, value
from eduplan.sheet.outputs import editable, import_projects
from eduplan.sheet.read import Cell, Problem, Sheet, header_of
from eduplan.sheet.results import import_results
from eduplan.sheet.rows import Change, ImportPlan, Index, Row, context_errors, list_changes, read_row, shown_rows
from eduplan.sheet.shown import BAD, Said, Shown, check_shown
from eduplan.sheet.tables import SHOWN_KEYS, Table, report_of, tables_of

__all__ = ["Change", "ImportPlan", "Problem", "plan_import"]

_FIELDS = ("value", "score", "measured", "source", "note", "no_data")
"""The imported columns of an actuals sheet, in the order an actual's keys are written."""


def plan_import(plan: Plan, sheets: dict[str, Sheet], years: set[int] | None = None) -> ImportPlan:
    """Compare the workbook with the plan: the changes to make and the problems found.

    Args:
        plan: The plan as loaded (it must have loaded without errors).
        sheets: The workbook read by :func:`eduplan.sheetread.read_workbook`.
        years: Import only the actuals and project results of these years, fiscal or academic
            as the plan counts them (every yearly sheet when ``None``).
    """
    result = ImportPlan(year_key="academic_year" if plan.period.year == "academic" else "fiscal_year")
    index = Index.of("indicator", _("the plan"), ((at.indicator.id, at) for at in all_indicators(plan)))
    chosen: dict[str, Sheet] = {}
    said: Said = {}
    shown: list[Shown] = []
    for sheet in sheets.values():
        if sheet.skipped is not None or sheet.kind is None:
            result.problems += sheet.problems
            result.not_read[sheet.name] = str(sheet.skipped)
        elif years is not None and sheet.year is not None and sheet.year not in years:
            result.not_read[sheet.name] = f"--year {' '.join(map(str, sorted(years)))}"
        elif sheet.layout in chosen:
            message = _("two sheets are {layout}: this one and {other}; keep one").format(
                layout=sheet.layout, other=chosen[sheet.layout].name
            )
            result.problems.append(Problem(sheet.header_ref(), message))
            result.not_read[sheet.name] = _("a second {layout}").format(layout=sheet.layout)
        else:
            chosen[sheet.layout] = sheet
            result.problems += sheet.problems
            expected = tables_of(plan, sheet.kind, sheet.year)
            seen = _sheet(sheet, plan, index, expected, result, said, shown)
            _summarise(sheet, seen, expected[0] if expected else None, result)
    check_shown(shown, said, result)
    found = {s.year for s in chosen.values()}
    for year in sorted((years or set()) - found):
        result.problems.append(Problem(f"actuals-{year}", _("the workbook has no sheet of this year")))
    return result


def _sheet(
    sheet: Sheet,
    plan: Plan,
    index: Index[IndicatorAt],
    expected: list[Table],
    result: ImportPlan,
    said: Said,
    shown: list[Shown],
) -> set[str]:
    """Import one recognised sheet; the ids of the rows it holds.

    ``expected`` is the sheet as the export writes it, in each language (the run's first);
    ``said`` collects what the indicators sheet says, ``shown`` the shown cells of actuals sheets
    (checked once every sheet is read).
    """
    seen: dict[str, str] = {}
    if sheet.kind == "indicators":
        _indicators(sheet, index, expected, seen, result, said)
    elif sheet.kind == "actuals" and sheet.year is not None:
        _actuals(sheet, sheet.year, plan, index, expected, seen, result, shown)
    elif sheet.kind == "results" and sheet.year is not None:
        import_results(sheet, sheet.year, plan, expected, seen, result)
    elif not expected:
        message = _("the plan has no action plan for {year}: there are no projects to show").format(year=sheet.year)
        result.problems.append(Problem(sheet.header_ref(), message))
    else:
        import_projects(sheet, plan, expected, seen, result)
    return set(seen)


def _summarise(sheet: Sheet, seen: set[str], expected: Table | None, result: ImportPlan) -> None:
    """Name a sheet read in the summary, and the rows it lacks."""
    words = []
    if sheet.layout != sheet.name:
        words.append(_("the sheet {name}, {how}").format(name=sheet.name, how=sheet.how))
    if sheet.kind == "projects" and expected is not None and not editable(expected):
        words.append(_("for reading only"))
    result.read.append(sheet.layout + (f" ({', '.join(words)})" if words else ""))
    missing = [key for key in (expected.by_id() if expected else {}) if key not in seen]
    if missing and sheet.kind != "projects":
        result.untouched[sheet.layout] = missing


# -- the indicator table -----------------------------------------------------------------------


def _indicators(
    sheet: Sheet,
    index: Index[IndicatorAt],
    expected: list[Table],
    seen: dict[str, str],
    result: ImportPlan,
    said: Said,
) -> None:
    if "id" not in sheet.columns:
        message = _("no id column: the header row must have {header!r}").format(header=header_of("indicators", "id"))
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    years = {key: int(key) for key in sheet.columns if key.isdigit()}
    shown = shown_rows(expected)
    for row in sheet.rows:
        found = index.find(row["id"], seen, result)
        if found is not None:
            imported = {"unit", "owner", *years, *BASELINE_KEYS}
            context_errors(row, shown(found.indicator.id), imported, _("the YAML"), result)
            result.changes += baseline_changes(row, found, result)
            _indicator_row(row, found, years, result, said)


def _indicator_row(
    row: dict[str, Cell], found: IndicatorAt, years: dict[str, int], result: ImportPlan, said: Said
) -> None:
    ind, base = found.indicator, found.path
    for key in ("unit", "owner"):
        if key in row:
            try:
                new, old = plain(row[key]), getattr(ind, key)
            except Bad as exc:
                result.problems.append(Problem(row[key].ref, str(exc)))
                said[(ind.id, key)] = (BAD, row[key].ref)
                continue
            said[(ind.id, key)] = (new, row[key].ref)
            if not same(new, old):
                where = row[key]
                what = _("{id} {key}").format(id=ind.id, key=key)
                result.changes.append(Change((*base, key), or_delete(new), old, what, where.ref, where.formula))
    targets: dict[int, Any] = dict(ind.targets)
    changes = []
    for key, year in years.items():
        cell = row.get(key)
        if cell is None:
            continue
        try:
            new = value(cell, found, ind.targets.get(year))
        except Bad as exc:
            result.problems.append(Problem(cell.ref, str(exc)))
            said[(ind.id, key)] = (BAD, cell.ref)
            continue
        said[(ind.id, key)] = (new, cell.ref)
        old = ind.targets.get(year)
        if not same(new, old):
            targets[year] = new
            what = _("{id} target {year}").format(id=ind.id, year=year)
            changes.append(Change((*base, "targets", year), or_delete(new), old, what, cell.ref, cell.formula))
    if changes and (not ind.targets or all(v is None for v in targets.values())):
        # no targets mapping to edit in place (or none left): write or remove the whole mapping
        whole = {y: plain_target(v) for y, v in sorted(targets.items()) if v is not None}
        what = _("{id} targets").format(id=ind.id)
        changes = [Change((*base, "targets"), whole or DELETE, None, what, changes[0].ref)]
    result.changes += changes


# -- actuals -----------------------------------------------------------------------------------


def _actuals(
    sheet: Sheet,
    year: int,
    plan: Plan,
    index: Index[IndicatorAt],
    expected: list[Table],
    seen: dict[str, str],
    result: ImportPlan,
    shown_cells: list[Shown],
) -> None:
    if "indicator" not in sheet.columns:
        message = _("no indicator column: the header row must have {header!r}").format(
            header=header_of("actuals", "indicator")
        )
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    shown = shown_rows(expected)
    ri, report = report_of(plan, year)
    old = report.actuals if report is not None else []
    values = {}
    for act in reversed(old):
        values[act.indicator] = act.value
    rows = []
    for row in sheet.rows:
        found = index.find(row["indicator"], seen, result)
        if found is None:
            continue
        ind = found.indicator
        now = shown(ind.id)
        context_errors(row, now, {*_FIELDS, *SHOWN_KEYS}, _("the YAML (or the indicators sheet)"), result)
        cells = _actual_cells(row, found, values.get(ind.id), result)
        got = BAD if cells is None else cells.get("value", plain_target(values.get(ind.id)))
        exported = sheet.exported.get(ind.id, {})
        shown_cells.append(Shown(row, found, year, now, exported, got, report))
        if cells is not None:
            rows.append(Row(ind.id, cells, row, row["indicator"].ref))
    list_changes(result, year, ri, "actuals", old, rows)


def _actual_cells(row: dict[str, Cell], at: IndicatorAt, old: Any, result: ImportPlan) -> dict[str, Any] | None:
    """The imported cells of one row as plain values, or ``None`` (with problems) when one is bad."""
    readers = {
        "value": lambda cell: value(cell, at, old, measured=True),
        "score": score,
        "measured": date,
        "source": plain,
    }
    cells = read_row(row, {**readers, "note": plain, "no_data": plain}, result)
    if cells is not None and cells.get("value") is not None and cells.get("no_data") is not None:
        result.problems.append(Problem(row["no_data"].ref, _("give a value or a reason for no data, not both")))
        return None
    return cells
