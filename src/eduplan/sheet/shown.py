"""The columns an ``actuals-<year>`` sheet shows from elsewhere: unit and target (from the indicator table) and status.

These cells are not imported, but an edit typed into one is never dropped without a word. A cell
is no edit when it shows what the export showed there (its hidden record, so that a re-import of
the same workbook passes), what the plan says now, or what this workbook says: the unit and the
target on its ``indicators`` sheet, the status its own target and value give. Numbers are
compared by amount (``๘๕``, ``1,200``). Anything else, a cleared cell too (as for every grey
context cell), is refused at its cell, saying where to make that edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from eduplan.analysis.status import indicator_status
from eduplan.i18n import _, language
from eduplan.model import Actual, Report
from eduplan.model.common import Target
from eduplan.model.walk import IndicatorAt
from eduplan.sheet.cells import Bad, plain, plain_target, same, text, value
from eduplan.sheet.read import Cell, Problem
from eduplan.sheet.rows import ImportPlan
from eduplan.sheet.tables import INDICATORS, SHOWN_KEYS
from eduplan.sheet.words import key_of, word

__all__ = ["Said", "Shown", "check_shown"]

Said = dict[tuple[str, str], tuple[Any, str]]
"""What the workbook's indicators sheet says, by (indicator id, ``unit`` or a year): (plain value, cell).
The value is :data:`BAD` when the cell could not be read."""

BAD = object()


@dataclass(frozen=True, slots=True)
class Shown:
    """The shown cells of one actuals row, to check once every sheet is read.

    Attributes:
        cells: The row's cells by key.
        at: The indicator (or standard) of the row, where it is.
        year: The sheet's year.
        now: What the export would show for the plan as it is (the row of the table, in each language).
        exported: What the export showed (the hidden record), or empty.
        value: The row's value as it will be imported (plain), or :data:`BAD` when the row is bad.
        report: The plan's report of the year, if it has one.
    """

    cells: dict[str, Cell]
    at: IndicatorAt
    year: int
    now: list[dict[str, Any]]
    exported: dict[str, Any]
    value: Any
    report: Report | None

    @property
    def ind(self) -> Any:
        """The indicator of the row."""
        return self.at.indicator


def check_shown(rows: list[Shown], said: Said, result: ImportPlan) -> None:
    """An error for each shown cell that holds none of the values it may hold."""
    for row in rows:
        for key in SHOWN_KEYS:
            cell = row.cells.get(key)
            if cell is None:
                continue
            told = said.get((row.ind.id, "unit" if key == "unit" else str(row.year)))
            if key == "status":
                ok, wanted = _status_ok(cell, row, said, result)
            else:
                ok, wanted = _shown_ok(cell, key, row, told)
            if not ok:
                result.problems.append(Problem(cell.ref, _message(cell, key, row, told, wanted)))


def _candidates(row: Shown, key: str, told: tuple[Any, str] | None) -> list[Any]:
    """The plain values a unit or target cell may show."""
    out = [row.ind.unit if key == "unit" else plain_target(row.ind.targets.get(row.year))]
    if told is not None and told[0] is not BAD:
        out.append(told[0])
    if row.exported:
        out.append(_read(Cell("", 0, 0, row.exported.get(key)), key, row))
    return out


def _read(cell: Cell, key: str, row: Shown) -> Any:
    try:
        return plain(cell) if key == "unit" else value(cell, row.at, row.ind.targets.get(row.year))
    except Bad:
        return BAD


def _shown_ok(cell: Cell, key: str, row: Shown, told: tuple[Any, str] | None) -> tuple[bool, Any]:
    got = _read(cell, key, row)
    candidates = _candidates(row, key, told)
    ok = got is not BAD and any(c is not BAD and same(got, c) for c in candidates)
    return ok, candidates[1] if told is not None and told[0] is not BAD else candidates[0]


def _status_ok(cell: Cell, row: Shown, said: Said, result: ImportPlan) -> tuple[bool, Any]:
    """A status cell may show the plan's status, the exported one, or the one this workbook's values give."""
    told = said.get((row.ind.id, str(row.year)))
    target = told[0] if told is not None else plain_target(row.ind.targets.get(row.year))
    computed = None
    if row.value is not BAD and target is not BAD:
        computed = _status(row, target, row.year in result.new_reports)
    now = _status_key(row.now[0].get("status")) if row.now else None
    candidates = [now, _status_key(row.exported.get("status")), computed]
    got = _status_key(cell.value) if not cell.odd and not cell.formula else None
    return got is not None and got in candidates, computed or now


def _status_key(shown: Any) -> str | None:
    """The status a cell's word names, in either language (``บรรลุ``, ``achieved`` -> ``achieved``)."""
    return None if shown is None else key_of("status", text(shown))


_TARGET: TypeAdapter[Any] = TypeAdapter(Target)


def _status(row: Shown, target: Any, new_report: bool) -> str | None:
    """The status the workbook's target and value give the row; ``None`` when they cannot be judged.

    It is judged as :func:`~eduplan.analysis.status.indicator_status` judges it, with the rest of the
    year's report as the plan has it.
    """
    ind = row.ind
    try:
        targets = {**ind.targets}
        if target is None:
            targets.pop(row.year, None)
        else:
            targets[row.year] = _TARGET.validate_python(target)
        actual = None if row.value is None else Actual(indicator=ind.id, value=_TARGET.validate_python(row.value))
    except ValidationError:
        return None
    if row.report is None and not new_report:
        report = None
    else:
        others = [a for a in (row.report.actuals if row.report else []) if a.indicator != ind.id]
        actuals = [*([actual] if actual else []), *others]
        if row.report is not None and row.report.academic_year is not None:
            report = Report(academic_year=row.year, actuals=actuals)
        else:
            report = Report(fiscal_year=row.year, actuals=actuals)
    judged = indicator_status(ind.model_copy(update={"targets": targets}), row.year, report, levels=row.at.levels)
    return judged.status.value


def _message(cell: Cell, key: str, row: Shown, told: tuple[Any, str] | None, wanted: Any) -> str:
    """Why a shown cell is refused, and where to make the edit instead."""
    if key == "status":
        what = _("the status is computed from the target and the value")
        value_cell = row.cells.get("value")
        if value_cell is not None:
            where = _("change the value or the target instead ({cell})").format(cell=value_cell.ref)
        else:
            where = _("change the value or the target instead")
        wanted = word("status", wanted, language()) if isinstance(wanted, str) else wanted
    else:
        if key == "unit":
            what = _("the unit is shown from the indicators sheet")
        else:
            what = _("the target of {year} is shown from the indicators sheet").format(year=row.year)
        if told:
            where = _("change it there ({cell})").format(cell=told[1])
        else:
            where = _("change it on the {sheet} sheet or in the YAML").format(sheet=INDICATORS)
    if wanted is None or wanted is BAD:
        if cell.value is None:
            return _("{what} and was cleared (it should show nothing): put it back, or {where}").format(
                what=what, where=where
            )
        return _("{what}, not read here (it should show nothing): put it back, or {where}").format(
            what=what, where=where
        )
    shown = repr(_show(wanted))
    if cell.value is None:
        return _("{what} and was cleared (it should show {value}): put it back, or {where}").format(
            what=what, value=shown, where=where
        )
    return _("{what}, not read here (it should show {value}): put it back, or {where}").format(
        what=what, value=shown, where=where
    )


def _show(plain_value: Any) -> Any:
    if isinstance(plain_value, dict):
        low, high = plain_value.get("min"), plain_value.get("max")
        return f"{'' if low is None else text(low)}..{'' if high is None else text(high)}"
    return plain_value
