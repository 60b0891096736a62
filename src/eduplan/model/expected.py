"""Which units an indicator expects a return from in a year: the register as of a day, within the scope.

The rules, the forms and the roll-up all ask here, so that they agree.

The day is the declaration's ``as_of`` in that year; else the month and day of the register's own ``as_of``,
in that year; else 06-10 of that year (10 June, OBEC's day of counting students). A unit is expected when it is
open on that day (opened on or before it, not closed on or before it), of the scope's kind, and of every level,
size, district, province and parent the scope names. ``eduplan collect`` sends forms to the same units.
"""

from __future__ import annotations

import datetime as dt

from eduplan.model.register import Register, Unit, UnitKind
from eduplan.model.rollup import Rollup, Scope, date_in_year

__all__ = ["COUNTING_DAY", "day_of", "expected_units", "in_scope", "kind_of"]

COUNTING_DAY = "06-10"
"""The day of the year units are counted at when neither the declaration nor the register says (10 June)."""


def day_of(register: Register, rollup: Rollup, year: int, year_kind: str) -> dt.date:
    """The B.E. day of ``year`` (fiscal or academic) the register is read at for ``rollup``."""
    if rollup.as_of is not None:
        month_day = rollup.as_of
    elif register.as_of is not None:
        month_day = f"{register.as_of.month:02d}-{register.as_of.day:02d}"
    else:
        month_day = COUNTING_DAY
    return date_in_year(month_day, year, year_kind)


def kind_of(register: Register, scope: Scope) -> UnitKind:
    """The kind of unit a scope takes: its own, else schools when the register has any, else offices."""
    if scope.kind is not None:
        return scope.kind
    return "school" if any(unit.kind == "school" for unit in register.units) else "office"


def in_scope(unit: Unit, scope: Scope, kind: UnitKind) -> bool:
    """Whether a unit is one the scope takes (whatever its dates)."""
    if unit.kind != kind:
        return False
    if scope.levels and not set(scope.levels) & set(unit.levels):
        return False
    return not (
        (scope.sizes and unit.size not in scope.sizes)
        or (scope.districts and unit.district not in scope.districts)
        or (scope.provinces and unit.province not in scope.provinces)
        or (scope.parents and unit.parent not in scope.parents)
    )


def expected_units(register: Register, rollup: Rollup, year: int, year_kind: str) -> list[Unit]:
    """The units ``rollup`` expects a return from in ``year``, in register order, each code once."""
    day = day_of(register, rollup, year, year_kind)
    kind = kind_of(register, rollup.scope)
    seen: set[str] = set()
    found: list[Unit] = []
    for unit in register.units:
        if unit.code in seen or not unit.open_on(day) or not in_scope(unit, rollup.scope, kind):
            continue
        seen.add(unit.code)
        found.append(unit)
    return found
