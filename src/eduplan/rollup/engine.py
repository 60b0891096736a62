"""The roll-up of one year: each indicator that declares ``rollup:``, from the returns of the units expected.

:func:`roll_up` is the engine. For each indicator it takes the units the register expects that year
(:func:`eduplan.model.expected.expected_units`), judges each one's answers (:mod:`eduplan.rollup.judge`), and
computes the figure (:func:`eduplan.rollup.figure.compute`) for the whole office and for each district, province
and size class. Returns are matched to units by code: a return of a unit the register does not hold (RU12), of a
unit not expected for an indicator (RU11), or a second return of the same unit (RU13, both left out) is never
counted, so a coverage is never above 100%. A coverage below the declaration's ``coverage_min`` is RU10.
Nothing here reads a file: the returns are given (``eduplan collect``'s reader, or a unit's own report).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from eduplan.findings import Finding, Path
from eduplan.i18n import _, ngettext
from eduplan.load.source import SourceMap
from eduplan.model import Indicator, Plan
from eduplan.model.expected import day_of, expected_units
from eduplan.model.register import SIZES, Register, Unit
from eduplan.model.rollup import Rollup
from eduplan.model.walk import all_indicators
from eduplan.rollup.codes import finding, place
from eduplan.rollup.figure import HUNDRED, Figure, compute
from eduplan.rollup.judge import Judged, judge
from eduplan.rollup.records import UnitReturn

__all__ = ["DIMENSIONS", "Rolled", "RollupResult", "per_of", "roll_up"]

DIMENSIONS = ("district", "province", "size")
"""What every figure is broken down by: the register's fields of each unit."""


@dataclass(frozen=True, slots=True)
class Rolled:
    """One indicator rolled up.

    Attributes:
        path: The indicator's data path in the plan.
        indicator: The indicator.
        rollup: Its declaration.
        day: The day the register was read at for the year.
        total: The figure of the whole plan (office or country).
        breakdown: Dimension (``district``, ``province``, ``size``) -> (group, figure) in order: districts and
            provinces as the register first lists them, sizes smallest first; the group None holds the units
            whose register entry leaves the field empty.
        kind: The indicator's kind (its own, or the nearest parent's).
    """

    path: Path
    indicator: Indicator
    rollup: Rollup
    day: dt.date
    total: Figure
    breakdown: dict[str, tuple[tuple[str | None, Figure], ...]] = field(default_factory=dict)
    kind: str | None = None


@dataclass(slots=True)
class RollupResult:
    """The roll-up of one year: each indicator's figures and what the returns gave to find."""

    year: int
    year_kind: str
    figures: list[Rolled] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def figure(self, indicator: str) -> Rolled | None:
        """The roll-up of one indicator, by id."""
        return next((f for f in self.figures if f.indicator.id == indicator), None)


def per_of(rollup: Rollup, kind: str | None) -> Decimal:
    """What a ratio is scaled by: the declaration's ``per``, else 100 for a percent indicator, else 1."""
    if rollup.per is not None:
        return Decimal(str(rollup.per))
    return HUNDRED if kind == "percent" else Decimal(1)


def roll_up(
    plan: Plan,
    returns: Iterable[UnitReturn],
    year: int,
    *,
    source: SourceMap | None = None,
    only: Sequence[str] = (),
) -> RollupResult:
    """Roll up every indicator of ``plan`` that declares ``rollup:`` for ``year`` from ``returns``.

    Args:
        plan: The plan, with its register.
        returns: The units' returns (of any year: only those of ``year`` are read).
        year: The B.E. year (fiscal or academic, as the plan's period counts).
        source: The plan's source map, to place a finding about a declaration (RU10) at its line.
        only: Ids of the indicators to roll up (all when empty).
    """
    year_kind = plan.period.year
    result = RollupResult(year, year_kind)
    register = plan.unit_register or Register()
    known = register.by_code()
    by_unit = _index([r for r in returns if r.year == year], known, result.findings)
    for at in all_indicators(plan):
        rollup = at.indicator.rollup
        if rollup is None or only and at.indicator.id not in only:
            continue
        expected = expected_units(register, rollup, year, year_kind)
        codes = {unit.code for unit in expected}
        per, keys = per_of(rollup, at.kind), rollup.questions
        judged = [judge(at, rollup, unit, by_unit.get(unit.code), per, result.findings, keys) for unit in expected]
        total = _figure(rollup, at.kind, expected, judged)
        breakdown = {dim: _breakdown(dim, rollup, at.kind, expected, judged) for dim in DIMENSIONS}
        day = day_of(register, rollup, year, year_kind)
        rolled = Rolled(at.path, at.indicator, rollup, day, total, breakdown, at.kind)
        result.figures.append(rolled)
        _not_expected(at.indicator, by_unit, codes, known, result.findings)
        _checks(rolled, source, result.findings)
    return result


def _index(returns: list[UnitReturn], known: dict[str, Unit], findings: list[Finding]) -> dict[str, UnitReturn | None]:
    """Returns by unit code; a code returned twice maps to None (neither counts); unknown codes are left out."""
    by_unit: dict[str, UnitReturn | None] = {}
    first: dict[str, UnitReturn] = {}
    for ret in returns:
        if ret.unit not in known:
            findings.append(
                finding(
                    "RU12",
                    _("the return names unit {code}, which the register does not hold; it is not counted").format(
                        code=ret.unit
                    ),
                    place(ret.source),
                    hint=_("add the unit to the register, or correct the code on the return"),
                )
            )
            continue
        if ret.unit in first:
            findings.append(
                finding(
                    "RU13",
                    _("{name} ({code}) returned again (also {other}); neither return is counted").format(
                        name=known[ret.unit].name, code=ret.unit, other=first[ret.unit].source
                    ),
                    place(ret.source),
                    hint=_("keep one return per unit and year"),
                )
            )
            by_unit[ret.unit] = None
            continue
        first[ret.unit] = ret
        by_unit[ret.unit] = ret
    return by_unit


def _figure(rollup: Rollup, kind: str | None, expected: Sequence[Unit], judged: Sequence[Judged]) -> Figure:
    return compute(
        rollup.method,
        [j.part for j in judged if j.part is not None],
        expected,
        per=per_of(rollup, kind),
        no_data=[j.unit for j in judged if j.no_data],
        left_out=[j.unit for j in judged if j.left_out],
    )


def _breakdown(
    dimension: str, rollup: Rollup, kind: str | None, expected: Sequence[Unit], judged: Sequence[Judged]
) -> tuple[tuple[str | None, Figure], ...]:
    groups: dict[str | None, tuple[list[Unit], list[Judged]]] = {}
    for unit, one in zip(expected, judged, strict=True):
        units, answers = groups.setdefault(getattr(unit, dimension), ([], []))
        units.append(unit)
        answers.append(one)
    order = list(groups)
    if dimension == "size":
        order.sort(key=lambda size: SIZES.index(size) if size in SIZES else len(SIZES))
    else:
        order.sort(key=lambda name: name is None)  # the unnamed group last, the others as first listed
    return tuple((group, _figure(rollup, kind, *groups[group])) for group in order)


def _not_expected(
    indicator: Indicator,
    by_unit: dict[str, UnitReturn | None],
    expected: set[str],
    known: dict[str, Unit],
    findings: list[Finding],
) -> None:
    for code, ret in by_unit.items():
        if ret is None or code in expected or indicator.id not in ret.answers:
            continue
        unit = known[code]
        findings.append(
            finding(
                "RU11",
                _("{name} ({code}) answered {id}, but the register does not expect it for {id}; not counted").format(
                    name=unit.name, code=code, id=indicator.id
                ),
                place(ret.source),
                hint=_("check the unit's dates (`opened`, `closed`) and the indicator's `scope`"),
            )
        )


def _checks(rolled: Rolled, source: SourceMap | None, findings: list[Finding]) -> None:
    total, rollup = rolled.total, rolled.rollup
    at = (*rolled.path, "rollup")
    if rollup.method == "ratio" and total.parts and not total.denominator:
        findings.append(
            finding(
                "RU15",
                ngettext(
                    "the denominators of {id} add up to 0 ({count} unit): the figure has no value",
                    "the denominators of {id} add up to 0 ({count} units): the figure has no value",
                    total.reported,
                ).format(id=rolled.indicator.id, count=total.reported),
                source.span(at) if source else None,
                path=at,
            )
        )
    coverage = total.coverage
    if rollup.coverage_min is not None and coverage is not None and coverage < Decimal(str(rollup.coverage_min)):
        where = (*at, "coverage_min")
        findings.append(
            finding(
                "RU10",
                _(
                    "{id}: {reported} of {expected} expected units count ({coverage}%), below `coverage_min: {min}`"
                ).format(
                    id=rolled.indicator.id,
                    reported=total.reported,
                    expected=len(total.expected),
                    coverage=f"{coverage:.1f}",
                    min=rollup.coverage_min,
                ),
                source.span(where) if source else None,
                hint=_("the missing units: {codes}").format(
                    codes=", ".join(u.code for u in total.missing[:10]) + (" ..." if len(total.missing) > 10 else "")
                )
                if total.missing
                else None,
                path=where,
            )
        )
