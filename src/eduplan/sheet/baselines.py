"""Reading an indicator's baseline back from the ``indicators`` sheet: its year, value, reason for no data and source.

The year is a Buddhist-Era year (2565) or a span as published (2564-2565, ปี 64/65); the value is
read as a target of the indicator is (a number, a range, a level on its scale); a reason for no
data (n/a, ไม่มีข้อมูล) goes in its own column, never with a value. Clearing every cell removes
the baseline; typing into a row without one adds it. A baseline written short in the YAML
(``baseline: 45``) is written out as a mapping when a key is added to it.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from eduplan.edit.yamledit import DELETE
from eduplan.i18n import _
from eduplan.model.common import YearValue
from eduplan.model.walk import IndicatorAt
from eduplan.sheet.cells import Bad, plain, plain_target, same, value
from eduplan.sheet.read import Cell, Problem
from eduplan.sheet.rows import Change, ImportPlan, read_row

__all__ = ["BASELINE_KEYS", "baseline_changes"]

BASELINE_KEYS = {
    "baseline_year": "year",
    "baseline": "value",
    "baseline_no_data": "no_data",
    "baseline_source": "source",
}
"""The baseline's columns on the indicators sheet, with the key each sets (in the order a baseline is written)."""

_YEAR: TypeAdapter[Any] = TypeAdapter(YearValue)


def _year(cell: Cell) -> int | str | None:
    got = plain(cell)
    if got is None:
        return None
    try:
        return _YEAR.validate_python(int(got) if got.isdigit() else got)  # type: ignore[no-any-return]
    except ValidationError as exc:
        raise Bad(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None


def baseline_changes(row: dict[str, Cell], at: IndicatorAt, result: ImportPlan) -> list[Change]:
    """The changes the baseline cells of one row make (problems go to ``result``)."""
    ind = at.indicator
    old = ind.baseline
    before = {k: getattr(old, k) if old is not None else None for k in BASELINE_KEYS.values()}
    readers = {
        "baseline_year": _year,
        "baseline": lambda cell: value(cell, at, before["value"], measured=True),
        "baseline_no_data": plain,
        "baseline_source": plain,
    }
    cells = read_row(row, readers, result)
    if not cells:
        return []
    typed = {BASELINE_KEYS[k]: v for k, v in cells.items()}
    after = {**{k: plain_target(v) for k, v in before.items()}, **typed}
    if after["value"] is not None and after["no_data"] is not None:
        ref = row.get("baseline_no_data", row.get("baseline"))
        message = _("give the baseline a value or a reason for no data, not both")
        result.problems.append(Problem(ref.ref if ref else row["id"].ref, message))
        return []
    changed = {k: v for k, v in typed.items() if not same(v, before[k])}
    if not changed:
        return []
    base = (*at.path, "baseline")
    first = next(c for k, c in row.items() if k in BASELINE_KEYS and BASELINE_KEYS[k] in changed)
    what = _("{id} baseline").format(id=ind.id)
    if all(v is None for v in after.values()):
        return [Change(base, DELETE, old, what, first.ref)]
    if old is None:
        whole = {k: v for k, v in after.items() if v is not None}
        return [Change(base, whole, None, what, first.ref, first.formula)]
    out = []
    if "no_data" in changed and old.value is None and old.no_data is not None and "value" not in changed:
        # the YAML may hold the reason as the value (value: n/a): the new reason replaces it there too
        out.append(Change((*base, "value"), DELETE, None, _("{what} {key}").format(what=what, key="value"), first.ref))
    for key, new in changed.items():
        cell = next(c for k, c in row.items() if BASELINE_KEYS.get(k) == key)
        new_value = DELETE if new is None else new
        named = _("{what} {key}").format(what=what, key=key)
        out.append(Change((*base, key), new_value, plain_target(before[key]), named, cell.ref, cell.formula))
    return out
