"""What a form asks, and of whom: the questions of the office's indicators that declare a roll-up, by unit.

``eduplan collect`` writes, for one year, one form per expected unit (or one form for all of them): each
unit is asked the questions of the indicators whose scope takes it that year, and nothing else. A unit that
keeps its own eduplan plan (the register's ``plan:``) gets no form: its report feeds the office
(:mod:`eduplan.collect.unitplans`). This module does not import openpyxl: :mod:`eduplan.collect.write`
writes a :class:`Form`, :mod:`eduplan.collect.read` reads one back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from eduplan.model import Plan
from eduplan.model.expected import expected_units
from eduplan.model.register import Register, Unit
from eduplan.model.rollup import QuestionType, Rollup
from eduplan.model.walk import all_indicators

__all__ = ["FORM_VERSION", "Ask", "Asked", "Form", "Layout", "Skipped", "asks_of", "forms_of"]

FORM_VERSION = 1
"""The version of the form's layout and record; a form of another version is not read (RT02)."""

Layout = Literal["unit", "all"]
"""A form for one unit (a row per question), or one for all units (a row per unit, a column per question)."""


@dataclass(frozen=True, slots=True)
class Ask:
    """One question of an indicator, as a form asks it.

    Attributes:
        indicator: The indicator's id.
        number: Its number as published (``1.2``).
        name: Its name as published.
        key: The question's key in ``rollup.collect`` (``numerator``, ``denominator``, ``value``, a weight's key).
        label: The question's words.
        unit: The unit of a number (คน), if any.
        type: ``number``, ``level``, ``yes-no`` or ``text``.
        levels: A level question's scale, worst first.
        note: Help shown with the question.
    """

    indicator: str
    number: str
    name: str
    key: str
    label: str
    unit: str | None
    type: QuestionType
    levels: tuple[str, ...] = ()
    note: str | None = None

    @property
    def ref(self) -> tuple[str, str]:
        """(indicator id, key): what names the question."""
        return self.indicator, self.key


@dataclass(frozen=True, slots=True)
class Asked:
    """A unit on a form, and the questions it is asked (the others of the form are not its)."""

    code: str
    name: str
    district: str | None
    refs: frozenset[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Form:
    """One workbook to send: the plan and year it is for, its questions and its units.

    Attributes:
        plan: The office plan's id.
        office: The office's name (shown on the form).
        year: The Buddhist-Era year the answers are of.
        year_kind: ``fiscal`` or ``academic`` (the plan's).
        layout: ``unit`` (one unit) or ``all`` (a row per unit).
        questions: Every question the form asks, in the plan's order of indicators.
        units: The units it is for (one, for a ``unit`` form).
        due: The day the returns are due (B.E. date), if the office gave one.
    """

    plan: str
    office: str
    year: int
    year_kind: str
    layout: Layout
    questions: tuple[Ask, ...]
    units: tuple[Asked, ...]
    due: dt.date | None = None

    @property
    def name(self) -> str:
        """The workbook's file name: the unit's code (``1052140123.xlsx``), or ``all.xlsx``."""
        return f"{self.units[0].code}.xlsx" if self.layout == "unit" else "all.xlsx"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An expected unit that gets no form, and why: it keeps its own plan (``plan`` is its folder)."""

    unit: Unit
    plan: str


def asks_of(plan: Plan) -> list[tuple[Ask, Rollup]]:
    """Every question of every indicator (and sub-indicator) that declares a roll-up, in the plan's order."""
    out = []
    for at in all_indicators(plan):
        rollup = at.indicator.rollup
        if rollup is None:
            continue
        ind = at.indicator
        for key in rollup.questions:
            question = rollup.collect[key]
            ask = Ask(
                ind.id,
                ind.number,
                ind.name,
                key,
                question.label,
                question.unit,
                question.type,
                tuple(question.levels or ()),
                question.note,
            )
            out.append((ask, rollup))
    return out


@dataclass(slots=True)
class _Units:
    order: list[Unit] = field(default_factory=list)
    refs: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def add(self, unit: Unit, refs: Iterable[tuple[str, str]]) -> None:
        if unit.code not in self.refs:
            self.order.append(unit)
            self.refs[unit.code] = set()
        self.refs[unit.code].update(refs)


def forms_of(
    plan: Plan, year: int, *, one_workbook: bool = False, due: dt.date | None = None
) -> tuple[list[Form], list[Skipped]]:
    """The forms to send for ``year``, and the expected units that keep their own plan (no form).

    A unit is asked the questions of every indicator whose scope takes it in ``year``; a unit asked
    nothing gets no form. Units are in the register's order, questions in the plan's.
    """
    register = plan.unit_register or Register()
    kind = plan.period.year
    asks = asks_of(plan)
    units = _Units()
    for ask, rollup in asks:
        for unit in expected_units(register, rollup, year, kind):
            units.add(unit, [ask.ref])
    skipped = [Skipped(u, u.plan) for u in units.order if u.plan is not None]
    asked = [Asked(u.code, u.name, u.district, frozenset(units.refs[u.code])) for u in units.order if u.plan is None]
    office = plan.office.name
    questions = tuple(ask for ask, _rollup in asks)
    if one_workbook:
        if not asked:
            return [], skipped
        used = set().union(*(a.refs for a in asked))
        form = Form(plan.id, office, year, kind, "all", tuple(q for q in questions if q.ref in used), tuple(asked), due)
        return [form], skipped
    forms = [
        Form(plan.id, office, year, kind, "unit", tuple(q for q in questions if q.ref in a.refs), (a,), due)
        for a in asked
    ]
    return forms, skipped
