"""The actuals of every report with their indicators, and how messages name them (shared by the AN rules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eduplan.findings import Path
from eduplan.i18n import _
from eduplan.model import Actual, Indicator, Plan, Range, Report
from eduplan.model.walk import IndicatorAt, find_indicators
from eduplan.rules.base import show

__all__ = ["Entry", "describe", "entries", "written"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One actual of one report.

    Attributes:
        path: Data path of the actual, such as ("reports", 1, "actuals", 3).
        report: The report (its fiscal or academic year).
        actual: The actual.
        place: The indicator, sub-indicator or standard it names, where it is; ``None`` when there is
            no such item (RF04).
    """

    path: Path
    report: Report
    actual: Actual
    place: IndicatorAt | None

    @property
    def indicator(self) -> Indicator | None:
        """The indicator it names, or ``None``."""
        return self.place.indicator if self.place is not None else None

    @property
    def year(self) -> int:
        """The report's year."""
        return self.report.year

    @property
    def value_path(self) -> Path:
        """Where the actual's value is (or would be)."""
        return (*self.path, "value")

    @property
    def name(self) -> str:
        """The indicator as messages name it."""
        if self.place is None:
            return _("indicator {id}").format(id=self.actual.indicator)
        return describe(self.place)

    @property
    def label(self) -> str:
        """The actual as messages name it: "the actual of indicator p1-i1 (policy 1, no. 1) for 2567"."""
        return _("the actual of {name} for {year}").format(name=self.name, year=self.year)


def describe(place: IndicatorAt) -> str:
    """An indicator by id and published number: "indicator p1-i2 (policy 1, no. 2)", "standard s1 (no. 1)".

    A part names the whole it belongs to: "sub-indicator p1-i1-2 (policy 1, indicator 1, no. 2)",
    "item s1-1 of standard 1 (no. 1.1)".
    """
    indicator, parents = place.indicator, place.parents
    if place.policy is None:
        if not parents:
            return _("standard {id} (no. {number})").format(id=indicator.id, number=indicator.number)
        return _("item {id} of standard {standard} (no. {number})").format(
            id=indicator.id, standard=parents[0].number, number=indicator.number
        )
    if not parents:
        return _("indicator {id} (policy {policy}, no. {number})").format(
            id=indicator.id, policy=place.policy.number, number=indicator.number
        )
    wholes = " > ".join(p.number for p in parents)
    return _("sub-indicator {id} (policy {policy}, indicator {wholes}, no. {number})").format(
        id=indicator.id, policy=place.policy.number, wholes=wholes, number=indicator.number
    )


def entries(plan: Plan) -> Iterator[Entry]:
    """Every actual of every report, in order."""
    found = find_indicators(plan)
    for r, report in enumerate(plan.reports):
        for n, actual in enumerate(report.actuals):
            yield Entry(("reports", r, "actuals", n), report, actual, found.get(actual.indicator))


def written(value: object) -> str:
    """A value as a plan writes it: 84, 84.5, ดีมาก or 30..40."""
    if isinstance(value, Range):
        return f"{'' if value.min is None else show(value.min)}..{'' if value.max is None else show(value.max)}"
    return show(value)
