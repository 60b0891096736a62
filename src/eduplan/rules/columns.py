"""The columns of an indicator table and whether a plan has them (shared by MD01 and UN01).

A plan is published with the columns its office uses: one has no ผู้รับผิดชอบ (owner) column, a
school's standards have no หน่วยนับ (unit). A column is *present* in a table (the policies'
indicators, or the standards) when some row fills it; the configuration's ``required`` can say
which columns every row must fill instead (:meth:`eduplan.rules.base.Options.requires`).
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.model import Indicator, Plan
from eduplan.model.walk import IndicatorAt, all_indicators
from eduplan.rules.base import Context

__all__ = ["missing"]


def _value(indicator: Indicator, column: str) -> object:
    value = getattr(indicator, column)
    return value.strip() or None if isinstance(value, str) else value


def _present(plan: Plan, column: str, lost: bool) -> tuple[bool, bool]:
    """Whether the policies' indicators, and the standards, have the column (some row fills it).

    When indicators were dropped from a partial plan, the column counts as present: a dropped row
    may have filled it, and the rows left are checked as before.
    """
    found = [lost, lost]
    for at in all_indicators(plan):
        if _value(at.indicator, column) is not None:
            found[at.is_standard] = True
    return found[0], found[1]


def missing(ctx: Context, column: str) -> Iterator[IndicatorAt]:
    """The indicators that must fill ``column`` and do not (themselves or through the whole they are part of).

    A group of sub-indicators is judged through its parts, which take what the group fills.
    """
    present = _present(ctx.plan, column, ctx.lost_any("indicators", "policies", "standards", "indicators"))
    for at in all_indicators(ctx.plan):
        if at.indicator.indicators or not ctx.options.requires(column, present[at.is_standard]):
            continue
        if all(_value(i, column) is None for i in (at.indicator, *at.parents)):
            yield at
