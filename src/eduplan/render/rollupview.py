"""View-model of a report's figures from the units: each rolled-up actual with its coverage, breakdown and gaps.

``eduplan rollup --write`` records, with each actual it writes, what the figure is made of (``rolled_up``: the pooled
numbers, the units counted and expected, the breakdown by district, province and size, the units that did not
report). The report shows them in a section of its own (``templates/rollup.html``): the figure, "ส่งรายงาน
212/230 โรง", a table per breakdown, and the names of the units that did not report (from the plan's register).
Nothing here reads a return: the report is the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.model import Plan, Report
from eduplan.model.register import SIZES
from eduplan.model.rollup import RolledUp, RolledUpGroup
from eduplan.model.walk import all_indicators
from eduplan.render.style import Style
from eduplan.words.quantity import with_unit

__all__ = ["BreakdownView", "GroupRow", "RollupView", "build_rollups"]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One district, province or size class of a breakdown: its name, figure and ``reported/expected``."""

    name: str
    value: str
    reported: str


@dataclass(frozen=True, slots=True)
class BreakdownView:
    """A breakdown of one figure (by district, province or size): a heading, its first column's, a row per group."""

    heading: str
    column: str
    rows: tuple[GroupRow, ...]


@dataclass(frozen=True, slots=True)
class RollupView:
    """One rolled-up figure of the report.

    Attributes:
        anchor: HTML id (``rollup-<indicator id>``).
        number: The indicator's number as published.
        name: The indicator as published.
        value: The figure, with its unit.
        made_of: The pooled numbers it is made of (``4,512 of 5,230``), or None.
        reported: ``Reported: 212/230 schools`` (ส่งรายงาน 212/230 โรง).
        breakdowns: By district, province and size (those with more than one group).
        missing_heading: ``Schools that did not report (18)``, or None when every unit reported.
        missing: Each unit that did not report, as ``name (code)``.
    """

    anchor: str
    number: str
    name: str
    value: str
    made_of: str | None
    reported: str
    breakdowns: tuple[BreakdownView, ...]
    missing_heading: str | None
    missing: tuple[str, ...]


def build_rollups(plan: Plan, report: Report, style: Style) -> tuple[RollupView, ...]:
    """The report's rolled-up figures, in the plan's order of indicators."""
    made = {a.indicator: a for a in report.actuals if a.rolled_up is not None}
    names = {unit.code: unit.name for unit in plan.unit_register.units} if plan.unit_register else {}
    views = []
    for at in all_indicators(plan):
        actual = made.pop(at.indicator.id, None)
        if actual is None or actual.rolled_up is None:
            continue
        rolled = actual.rolled_up
        value = style.target(actual.value)
        views.append(
            RollupView(
                anchor=f"rollup-{at.indicator.id}",
                number=style.digits_of(at.indicator.number),
                name=at.indicator.name,
                value=with_unit(value, at.indicator.unit, style.labels) if value is not None else "–",
                made_of=_made_of(rolled, style),
                reported=_reported(rolled, style),
                breakdowns=tuple(
                    _breakdown(dim, groups, style) for dim, groups in rolled.by.items() if len(groups) > 1
                ),
                missing_heading=style.labels.format(
                    "rollup_missing_offices" if rolled.units == "office" else "rollup_missing_schools",
                    count=style.number(len(rolled.missing)),
                )
                if rolled.missing
                else None,
                missing=tuple(f"{names.get(code, code)} ({style.digits_of(code)})" for code in rolled.missing),
            )
        )
    return tuple(views)


def _reported(rolled: RolledUp, style: Style) -> str:
    key = "rollup_reported_offices" if rolled.units == "office" else "rollup_reported_schools"
    return style.labels.format(key, reported=style.number(rolled.reported), expected=style.number(rolled.expected))


def _made_of(rolled: RolledUp, style: Style) -> str | None:
    """A ratio's pooled numbers (``1,290 of 1,500``), a share's units (``180 of 212``); None for other methods."""
    if rolled.method not in ("ratio", "share") or rolled.numerator is None or rolled.denominator is None:
        return None
    return style.labels.format(
        "rollup_made_of", numerator=style.number(rolled.numerator), denominator=style.number(rolled.denominator)
    )


def _breakdown(dimension: str, groups: list[RolledUpGroup], style: Style) -> BreakdownView:
    labels = style.labels
    heading = labels[f"rollup_by_{dimension}"]
    column = labels[f"rollup_col_{dimension}"]
    rows = []
    for group in groups:
        if group.group is None:
            name = labels["rollup_not_given"]
        elif dimension == "size" and group.group in SIZES:
            name = labels[f"size_{group.group}"]
        else:
            name = group.group
        value = style.target(group.value) if group.value is not None else None
        shown = f"{style.number(group.reported)}/{style.number(group.expected)}"
        rows.append(GroupRow(name, value or "–", shown))
    return BreakdownView(heading, column, tuple(rows))
