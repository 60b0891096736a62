"""Walking a plan's trees: policies of every level, indicators with their sub-indicators, standards.

Every stage that visits policies or indicators walks them here, so a plan of one level, a plan of
ประเด็นยุทธศาสตร์ -> กลยุทธ์ -> กลยุทธ์ย่อย and a school's standards with their items are read the same
way. Paths are data paths into the plan, as findings and the source map use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import takewhile

from eduplan.findings import Path
from eduplan.model.plan import Indicator, Plan, Policy

__all__ = [
    "IndicatorAt",
    "PolicyAt",
    "all_indicators",
    "all_policies",
    "find_indicators",
    "leaf_indicators",
    "walked_once",
]


@dataclass(frozen=True, slots=True)
class PolicyAt:
    """A policy of some level, where it is.

    Attributes:
        path: Data path, such as ("policies", 0, "policies", 2).
        policy: The policy.
        parents: The policies above it, top first (empty at the first level).
    """

    path: Path
    policy: Policy
    parents: tuple[Policy, ...] = ()

    @property
    def depth(self) -> int:
        """The level, 1 for the first."""
        return len(self.parents) + 1


@dataclass(frozen=True, slots=True)
class IndicatorAt:
    """An indicator, a sub-indicator or a standard, where it is.

    Attributes:
        path: Data path, such as ("policies", 0, "indicators", 3, "indicators", 1).
        indicator: The indicator.
        policy: The policy whose table holds it; None for a standard.
        parents: The indicators it is a part of, top first (empty for a whole indicator).
    """

    path: Path
    indicator: Indicator
    policy: Policy | None = None
    parents: tuple[Indicator, ...] = ()

    @property
    def is_part(self) -> bool:
        """Whether it is a sub-indicator (or a standard's item)."""
        return bool(self.parents)

    @property
    def is_standard(self) -> bool:
        """Whether it is one of the plan's standards or their items."""
        return self.policy is None

    @property
    def levels(self) -> list[str] | None:
        """The scale of levels that applies: its own, or the nearest parent's."""
        for indicator in (self.indicator, *reversed(self.parents)):
            if indicator.levels is not None:
                return indicator.levels
        return None

    @property
    def kind(self) -> str | None:
        """Its kind; a group without one takes the nearest parent's."""
        for indicator in (self.indicator, *reversed(self.parents)):
            if indicator.kind is not None:
                return indicator.kind
        return None


def all_policies(plan: Plan) -> Iterator[PolicyAt]:
    """Every policy of every level, each before the policies it holds (the order of the document)."""

    def walk(items: list[Policy], path: Path, parents: tuple[Policy, ...]) -> Iterator[PolicyAt]:
        for n, policy in enumerate(items):
            here = (*path, "policies", n)
            yield PolicyAt(here, policy, parents)
            yield from walk(policy.policies, here, (*parents, policy))

    yield from walk(plan.policies, (), ())


def _indicator_tree(
    items: list[Indicator], path: Path, policy: Policy | None, parents: tuple[Indicator, ...]
) -> Iterator[IndicatorAt]:
    for n, indicator in enumerate(items):
        here = (*path, n)
        yield IndicatorAt(here, indicator, policy, parents)
        yield from _indicator_tree(indicator.indicators, (*here, "indicators"), policy, (*parents, indicator))


def all_indicators(plan: Plan, *, standards: bool = True) -> Iterator[IndicatorAt]:
    """Every indicator and sub-indicator of every policy, then every standard and its items, in document order."""
    walked = _walked.get(id(plan))
    if walked is not None and walked[0] is plan:  # the rules' plan: walked once for all of them
        return iter(walked[1]) if standards else takewhile(lambda at: at.policy is not None, walked[1])
    return _all_indicators(plan, standards)


def _all_indicators(plan: Plan, standards: bool) -> Iterator[IndicatorAt]:
    for at in all_policies(plan):
        yield from _indicator_tree(at.policy.indicators, (*at.path, "indicators"), at.policy, ())
    if standards:
        yield from _indicator_tree(plan.standards, ("standards",), None, ())


_walked: dict[int, tuple[Plan, tuple[IndicatorAt, ...]]] = {}
"""The indicators of the plans being checked (:func:`walked_once`), by the plan's identity."""


@contextmanager
def walked_once(plan: Plan) -> Iterator[None]:
    """While this lasts, :func:`all_indicators` of ``plan`` gives the indicators of one walk, made now.

    The rules of a check walk the same plan some thirty times; the plan does not change meanwhile.
    """
    _walked[id(plan)] = (plan, tuple(_all_indicators(plan, True)))
    try:
        yield
    finally:
        _walked.pop(id(plan), None)


def find_indicators(plan: Plan) -> dict[str, IndicatorAt]:
    """Every indicator, sub-indicator and standard by id (the first one of an id used twice)."""
    found: dict[str, IndicatorAt] = {}
    for at in all_indicators(plan):
        found.setdefault(at.indicator.id, at)
    return found


def leaf_indicators(plan: Plan, *, standards: bool = True) -> Iterator[IndicatorAt]:
    """The indicators that hold no sub-indicators: what is measured."""
    return (at for at in all_indicators(plan, standards=standards) if not at.indicator.indicators)
