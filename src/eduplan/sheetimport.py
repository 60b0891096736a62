"""Reading a workbook back: cells -> changes to the plan data, and located problems for bad cells.

The workbook has the layout of :mod:`eduplan.spreadsheet`. Rows are matched by id. Only the
imported columns are read: on ``indicators`` the unit, the targets per year and the owner; on
``actuals-<year>`` the value, no_data, measured, source and note. A cell that holds what the plan
already holds is no change; a cleared cell removes the value. Every bad cell is a
:class:`Problem` located as ``sheet!C12``; nothing here reads or writes files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .model import Actual, Indicator, Plan, Range
from .model.common import BE_MAX, BE_MIN
from .spreadsheet import INDICATORS, Cell, Sheet, format_value
from .yamledit import DELETE

__all__ = ["Change", "ImportPlan", "Problem", "plan_import"]

_NUMBER = re.compile(r"^[-+]?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?$")
_ACTUALS = re.compile(r"^actuals-(\d{4})$")
_THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_FIELDS = ("value", "measured", "source", "note", "no_data")
"""The imported columns of an actuals sheet, in the order an actual's keys are written."""
TEXT_KINDS = ("level", "qualitative")


@dataclass(frozen=True, slots=True)
class Problem:
    """A bad cell (error: nothing is written) or a cell that is not imported (warning)."""

    ref: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.ref}: {'error' if self.error else 'warning'}: {self.message}"


@dataclass(frozen=True, slots=True)
class Change:
    """One value of the plan data to set (or remove, when ``new`` is :data:`~eduplan.yamledit.DELETE`).

    Attributes:
        path: Where in the plan data, such as ("policies", 0, "indicators", 2, "targets", 2567).
        new: The new value as plain YAML data, or DELETE.
        old: The value before, or ``None`` when there was none.
        what: What changes, in words: "p1-i1 target 2567".
        ref: The cell it comes from.
    """

    path: tuple[str | int, ...]
    new: Any
    old: Any
    what: str
    ref: str


@dataclass(slots=True)
class ImportPlan:
    """Everything an import would do.

    Attributes:
        changes: Values to set or remove in existing files, in sheet order.
        new_reports: Reports to create, by fiscal year (plain data), for years the plan has no report of.
        problems: Bad cells (errors) and ignored edits (warnings).
    """

    changes: list[Change] = field(default_factory=list)
    new_reports: dict[int, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the import."""
        return [p for p in self.problems if p.error]


class _Bad(Exception):
    pass


@dataclass(slots=True)
class _Index:
    """The plan's indicators by id, and the ids it holds twice."""

    items: dict[str, tuple[int, int, Indicator, str]] = field(default_factory=dict)
    twice: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, plan: Plan) -> _Index:
        index = cls()
        for pi, policy in enumerate(plan.policies):
            for ii, ind in enumerate(policy.indicators):
                if ind.id in index.items:
                    index.twice.add(ind.id)
                index.items.setdefault(ind.id, (pi, ii, ind, policy.id))
        return index

    def find(self, cell: Cell, seen: dict[str, str], result: ImportPlan) -> tuple[int, int, Indicator, str] | None:
        """The indicator a row is about, or ``None`` (with a problem) when the id cell is bad."""
        key = _text(cell.value) if cell.value is not None else None
        problem = None
        if not key:
            problem = "no indicator id in this row"
        elif key not in self.items:
            problem = f"no indicator {key!r} in the plan"
        elif key in self.twice:
            problem = f"the plan has two indicators with the id {key!r}; fix the YAML first"
        elif key in seen:
            problem = f"{key} appears twice (also at {seen[key]})"
        if problem or key is None:
            result.problems.append(Problem(cell.ref, problem or "no indicator id in this row"))
            return None
        seen[key] = cell.ref
        return self.items[key]


def plan_import(plan: Plan, sheets: dict[str, Sheet], years: set[int] | None = None) -> ImportPlan:
    """Compare the workbook with the plan: the changes to make and the problems found.

    Args:
        plan: The plan as loaded (it must have loaded without errors).
        sheets: The workbook read by :func:`eduplan.spreadsheet.read_workbook`.
        years: Import only the actuals of these fiscal years (all ``actuals-<year>`` sheets when ``None``).
    """
    result = ImportPlan()
    index = _Index.of(plan)
    if INDICATORS in sheets:
        _indicators(sheets[INDICATORS], index, result)
    for name, sheet in sheets.items():
        match = _ACTUALS.match(name)
        if match and (years is None or int(match.group(1)) in years):
            _actuals(sheet, int(match.group(1)), plan, index, result)
    for year in sorted(years or ()):
        if f"actuals-{year}" not in sheets:
            result.problems.append(Problem(f"actuals-{year}", "the workbook has no such sheet"))
    return result


# -- the indicator table -----------------------------------------------------------------------


def _indicators(sheet: Sheet, index: _Index, result: ImportPlan) -> None:
    if "id" not in sheet.columns:
        result.problems.append(Problem(sheet.header_ref(), "no id column: the header row must have 'รหัส (id)'"))
        return
    years: dict[str, int] = {}
    for key, column in sheet.columns.items():
        if key.isdigit() and BE_MIN <= int(key) <= BE_MAX:
            years[key] = int(key)
        elif key.isdigit():
            result.problems.append(Problem(f"{sheet.name}!{_letter(column)}1", f"{key} is not a Buddhist-Era year"))
    _unknown_columns(sheet, {"policy", "id", "number", "name", "unit", "kind", "direction", "owner", *years}, result)
    seen: dict[str, str] = {}
    for row in sheet.rows:
        found = index.find(row["id"], seen, result)
        if found is not None:
            _indicator_row(row, found, years, result)


def _indicator_row(
    row: dict[str, Cell], found: tuple[int, int, Indicator, str], years: dict[str, int], result: ImportPlan
) -> None:
    pi, ii, ind, policy = found
    base = ("policies", pi, "indicators", ii)
    shown = {"policy": policy, "number": ind.number, "name": ind.name, "kind": ind.kind, "direction": ind.direction}
    for key, value in shown.items():
        cell = row.get(key)
        if cell is not None and cell.value is not None and _text(cell.value) != value:
            message = f"{key} is not imported (the plan says {value!r}); edit it in the YAML"
            result.problems.append(Problem(cell.ref, message, error=False))
    for key in ("unit", "owner"):
        if key in row:
            try:
                _set(result, (*base, key), _plain(row[key]), getattr(ind, key), f"{ind.id} {key}", row[key])
            except _Bad as exc:
                result.problems.append(Problem(row[key].ref, str(exc)))
    targets: dict[int, Any] = dict(ind.targets)
    changes = []
    for key, year in years.items():
        cell = row.get(key)
        if cell is None:
            continue
        try:
            new = _value(cell, ind, ind.targets.get(year))
        except _Bad as exc:
            result.problems.append(Problem(cell.ref, str(exc)))
            continue
        old = ind.targets.get(year)
        if not _same(new, old):
            targets[year] = new
            changes.append(Change((*base, "targets", year), _or_delete(new), old, f"{ind.id} target {year}", cell.ref))
    if changes and (not ind.targets or all(v is None for v in targets.values())):
        # no targets mapping to edit in place (or none left): write or remove the whole mapping
        whole = {y: _plain_target(v) for y, v in sorted(targets.items()) if v is not None}
        changes = [Change((*base, "targets"), whole or DELETE, None, f"{ind.id} targets", changes[0].ref)]
    result.changes += changes


def _plain_target(value: Any) -> Any:
    if isinstance(value, Range):
        return {k: v for k, v in (("min", value.min), ("max", value.max)) if v is not None}
    return value


# -- actuals -----------------------------------------------------------------------------------


def _actuals(sheet: Sheet, year: int, plan: Plan, index: _Index, result: ImportPlan) -> None:
    if "indicator" not in sheet.columns:
        message = "no indicator column: the header row must have 'รหัสตัวชี้วัด (indicator)'"
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    _unknown_columns(sheet, {"policy", "indicator", "number", "name", "unit", "target", "status", *_FIELDS}, result)
    ri = next((i for i, r in enumerate(plan.reports) if r.fiscal_year == year), None)
    first: dict[str, int] = {}
    for ai, act in enumerate(plan.reports[ri].actuals if ri is not None else []):
        first.setdefault(act.indicator, ai)
    appended: list[tuple[dict[str, Any], str]] = []
    changes: list[Change] = []
    seen: dict[str, str] = {}
    for row in sheet.rows:
        found = index.find(row["indicator"], seen, result)
        if found is None:
            continue
        ind = found[2]
        old_value = plan.reports[ri].actuals[first[ind.id]].value if ri is not None and ind.id in first else None
        cells = _actual_cells(row, ind, old_value, result)
        if cells is None:
            continue
        given = {k: v for k, v in cells.items() if v is not None}
        if ri is None or ind.id not in first:
            if given:
                appended.append(({"indicator": ind.id, **given}, row["indicator"].ref))
            continue
        ai = first[ind.id]
        changes += _actual_changes(plan.reports[ri].actuals[ai], ("reports", ri, "actuals", ai), year, cells, row)
    if ri is None:
        if appended:
            result.new_reports[year] = {"fiscal_year": year, "actuals": [item for item, _ in appended]}
        return
    count = len(plan.reports[ri].actuals)
    cleared = [c for c in changes if len(c.path) == 4 and c.new is DELETE]
    if cleared and len(cleared) == count and not appended:
        changes = [Change(("reports", ri, "actuals"), DELETE, None, f"every actual of {year}", cleared[0].ref)]
    for k, (item, ref) in enumerate(appended):
        what = f"{item['indicator']} actual {year} (new)"
        changes.append(Change(("reports", ri, "actuals", count + k), item, None, what, ref))
    result.changes += changes


def _actual_changes(
    old: Actual, base: tuple[str | int, ...], year: int, cells: dict[str, Any], row: dict[str, Cell]
) -> list[Change]:
    """Changes to one existing actual; every cell cleared removes the actual."""
    kept = [k for k in _FIELDS if getattr(old, k) is not None and k not in cells]
    if not kept and all(v is None for v in cells.values()):
        return [
            Change(base, DELETE, old.value, f"{old.indicator} actual {year} (every cell cleared)", row["indicator"].ref)
        ]
    out = []
    for key, new in cells.items():
        previous = getattr(old, key)
        if not _same(new, previous):
            what = f"{old.indicator} actual {year} {key}"
            out.append(Change((*base, key), _or_delete(new), previous, what, row[key].ref))
    return out


def _actual_cells(row: dict[str, Cell], ind: Indicator, old: Any, result: ImportPlan) -> dict[str, Any] | None:
    """The imported cells of one row as plain values, or ``None`` (with problems) when one is bad."""
    cells: dict[str, Any] = {}
    bad = False
    for key in _FIELDS:
        cell = row.get(key)
        if cell is None:
            continue
        try:
            cells[key] = (
                _value(cell, ind, old) if key == "value" else _date(cell) if key == "measured" else _plain(cell)
            )
        except _Bad as exc:
            result.problems.append(Problem(cell.ref, str(exc)))
            bad = True
    if cells.get("value") is not None and cells.get("no_data") is not None:
        result.problems.append(Problem(row["no_data"].ref, "give a value or a reason for no data, not both"))
        bad = True
    return None if bad else cells


# -- cells ---------------------------------------------------------------------------------------


def _value(cell: Cell, ind: Indicator, old: Any) -> Any:
    """A target or actual value from a cell.

    A cell that still holds what the plan holds passes even when it is odd: a published mistake
    is the checker's business, not the import's.
    """
    try:
        return _target(cell, ind)
    except _Bad:
        if old is not None and _same(_target_text(cell.value), _target_text(old)):
            return _plain_target(old)
        raise


def _target_text(value: Any) -> str:
    if isinstance(value, Range):
        return str(format_value(value))
    return _text(value) if isinstance(value, int | float | str) and not isinstance(value, bool) else repr(value)


def _target(cell: Cell, ind: Indicator) -> Any:
    """A target or actual value: a number, a range written a..b, or a level."""
    value = cell.value
    _no_formula(cell)
    if value is None:
        return None
    if isinstance(value, bool | dt.date | dt.time):
        raise _Bad(f"expected a {'level' if ind.kind in TEXT_KINDS else 'number'}, got {value!r}")
    if ind.kind in TEXT_KINDS:
        text = _text(value)
        if isinstance(value, int | float) or _NUMBER.match(text):
            raise _Bad(f"{ind.id} is a {ind.kind} indicator: expected a level such as ดีมาก, got the number {text}")
        if ind.levels and text not in ind.levels:
            raise _Bad(f"{text!r} is not one of the indicator's levels ({', '.join(ind.levels)})")
        return text
    if isinstance(value, str):
        text = value.translate(_THAI).replace(" ", "")
        if ".." in text and text != "..":
            low, high = (_number(part, value) if part else None for part in text.split("..", 1))
            if low is not None and high is not None and low > high:
                raise _Bad(f"the range {value} goes down: write the lower bound first")
            return {k: _whole(v) for k, v in (("min", low), ("max", high)) if v is not None}
        value = _number(text, value)
    if cell.percent:
        raise _Bad(
            f"the cell is formatted as a percentage (Excel holds {value!r}); eduplan writes 85 for 85%: "
            "clear the % format and type the number"
        )
    number = _whole(value)
    if ind.kind == "percent" and not 0 <= number <= 100:
        raise _Bad(f"{ind.id} is a percent indicator: {number} is not in 0..100")
    return number


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _number(text: str, shown: Any) -> float:
    text = text.translate(_THAI)
    if not _NUMBER.match(text):
        raise _Bad(f"expected a number, got the text {shown!r}")
    return float(text.replace(",", ""))


def _date(cell: Cell) -> str | None:
    _no_formula(cell)
    value = cell.value
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
    else:
        try:
            day = dt.date.fromisoformat(_text(value).translate(_THAI))
        except ValueError:
            raise _Bad(f"expected a date (YYYY-MM-DD), got {value!r}") from None
    if day.year >= BE_MIN:
        raise _Bad(f"{day.isoformat()} looks like a Buddhist-Era date; dates are ISO, Christian Era ({day.year - 543})")
    return day.isoformat()


def _no_formula(cell: Cell) -> None:
    if cell.formula:
        raise _Bad(f"the formula {cell.formula} has no saved result; type the value, or save the file in Excel")


def _plain(cell: Cell) -> str | None:
    _no_formula(cell)
    if cell.value is None:
        return None
    if isinstance(cell.value, dt.date | dt.time):
        raise _Bad(f"expected text, got the date {cell.value}")
    return _text(cell.value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _same(new: Any, old: Any) -> bool:
    if isinstance(old, Range):
        return isinstance(new, dict) and _plain_target(old) == new
    if isinstance(old, dt.date):
        return bool(new == old.isoformat())
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and old.strip() == new.strip()
    return bool(new == old)


def _set(result: ImportPlan, path: tuple[str | int, ...], new: Any, old: Any, what: str, cell: Cell) -> None:
    if not _same(new, old):
        result.changes.append(Change(path, _or_delete(new), old, what, cell.ref))


def _or_delete(value: Any) -> Any:
    return DELETE if value is None else value


def _unknown_columns(sheet: Sheet, known: set[str], result: ImportPlan) -> None:
    for key, column in sheet.columns.items():
        if key not in known:
            result.problems.append(
                Problem(f"{sheet.name}!{_letter(column)}1", f"the column {key!r} is not imported", False)
            )
    for cell in sheet.unknown:
        result.problems.append(Problem(cell.ref, f"the column {cell.value!r} is not imported", False))


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
