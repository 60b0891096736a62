"""The actuals of every report with their indicators, and how messages name them (shared by the AN rules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eduplan.findings import Path
from eduplan.model import Actual, Indicator, Plan, Policy, Range
from eduplan.rules.base import show

__all__ = ["Entry", "describe", "entries", "written"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One actual of one report.

    Attributes:
        path: Data path of the actual, such as ("reports", 1, "actuals", 3).
        year: The report's fiscal year.
        actual: The actual.
        indicator: The indicator it names, or ``None`` when there is no such indicator (RF04).
        policy: The indicator's policy, or ``None``.
    """

    path: Path
    year: int
    actual: Actual
    indicator: Indicator | None
    policy: Policy | None

    @property
    def value_path(self) -> Path:
        """Where the actual's value is (or would be)."""
        return (*self.path, "value")

    @property
    def name(self) -> str:
        """The indicator as messages name it."""
        if self.indicator is None or self.policy is None:
            return f"indicator {self.actual.indicator}"
        return describe(self.indicator, self.policy)

    @property
    def label(self) -> str:
        """The actual as messages name it: "the actual of indicator p1-i1 (policy 1, no. 1) for 2567"."""
        return f"the actual of {self.name} for {self.year}"


def describe(indicator: Indicator, policy: Policy) -> str:
    """An indicator by id and published number: "indicator p1-i2 (policy 1, no. 2)"."""
    return f"indicator {indicator.id} (policy {policy.number}, no. {indicator.number})"


def entries(plan: Plan) -> Iterator[Entry]:
    """Every actual of every report, in order."""
    found = {i.id: (i, p) for p in plan.policies for i in p.indicators}
    for r, report in enumerate(plan.reports):
        for n, actual in enumerate(report.actuals):
            indicator, policy = found.get(actual.indicator, (None, None))
            yield Entry(("reports", r, "actuals", n), report.fiscal_year, actual, indicator, policy)


def written(value: object) -> str:
    """A value as a plan writes it: 84, 84.5, ดีมาก or 30..40."""
    if isinstance(value, Range):
        return f"{'' if value.min is None else show(value.min)}..{'' if value.max is None else show(value.max)}"
    return show(value)
