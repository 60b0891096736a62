"""Matching list items between editions by key, in the new edition's order, and naming them."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from eduplan.findings import Path
from eduplan.model import (
    Acceptance,
    ActionPlan,
    Actual,
    AlignmentRef,
    Component,
    ComponentGroup,
    Indicator,
    Plan,
    Policy,
    PolicyNarrative,
    Project,
    ProjectResult,
    Quality,
    Report,
    Statement,
)
from eduplan.model.context import BudgetLine, Section
from eduplan.model.front import Committee, Member, Order, Part, Signed
from eduplan.model.walk import all_indicators, all_policies

__all__ = [
    "KEYS",
    "MOVABLE",
    "SINGULAR",
    "describe",
    "depth_of",
    "dump",
    "item_ref",
    "key_of",
    "keyed",
    "label_of",
    "indicators_under",
    "merged_order",
    "models_keyed",
    "movable_index",
    "out_of_order",
    "title_of",
]

KEYS: dict[type[BaseModel], Callable[[Any], str]] = {
    Policy: lambda m: m.id,
    Statement: lambda m: m.id,
    Indicator: lambda m: m.id,
    Project: lambda m: m.id,
    ActionPlan: lambda m: str(m.year),
    Report: lambda m: str(m.year),
    Actual: lambda m: m.indicator,
    ProjectResult: lambda m: m.project,
    PolicyNarrative: lambda m: m.policy,
    ComponentGroup: lambda m: m.name,
    Component: lambda m: m.code,
    Quality: lambda m: m.code,
    Acceptance: lambda m: f"{m.code}@{m.at}",
    AlignmentRef: lambda m: f"{m.scheme}:{m.code}",
    Section: lambda m: m.id,
    BudgetLine: lambda m: m.name,
    Committee: lambda m: m.id,
    Order: lambda m: m.id,
    Member: lambda m: m.name,
    Signed: lambda m: m.name,
    Part: lambda m: m.before,
}
"""How the items of each kind of list are matched between editions."""

MOVABLE = ("targets", "approaches", "indicators", "goals", "policies")
"""Lists whose items keep their id when they move to another policy (or indicator, for sub-indicators):
a policy's targets, approaches, indicators and stated goals, sub-indicators, and policies of every level."""

SINGULAR = {
    "missions": "mission",
    "goals": "goal",
    "policies": "policy",
    "targets": "target",
    "approaches": "approach",
    "indicators": "indicator",
    "groups": "group",
    "components": "component",
    "items": "quality",
    "accepted": "acceptance",
    "action_plans": "action plan",
    "projects": "project",
    "reports": "report",
    "actuals": "actual",
    "alignment": "alignment",
    "standards": "standard",
    "context": "section",
    "monitoring": "section",
    "sections": "section",
    "lines": "budget line",
    "committees": "committee",
    "orders": "order",
    "members": "member",
    "signatures": "signature",
    "parts": "part",
}
"""How list names read for one item."""


Index = dict[tuple[str, str], tuple[str, Path, Any]]
"""(list name, id) -> (id of the container, data path, item)."""


def movable_index(plan: Plan) -> Index:
    """(list name, id) -> (container id, data path, item) for every item that can move.

    The container is the policy that lists the item (``policies`` for a first-level policy, ``goals`` for a
    goal of the plan), or the indicator a sub-indicator is part of (``standards`` for a standard).
    """
    index: Index = {}
    for n, goal in enumerate(plan.goals):
        index.setdefault(("goals", goal.id), ("goals", ("goals", n), goal))
    for at in all_policies(plan):
        container = at.parents[-1].id if at.parents else "policies"
        index.setdefault(("policies", at.policy.id), (container, at.path, at.policy))
        for name in ("targets", "approaches"):
            for i, item in enumerate(getattr(at.policy, name)):
                index.setdefault((name, item.id), (at.policy.id, (*at.path, name, i), item))
        for i, stated in enumerate(at.policy.goals):
            if isinstance(stated, Statement):
                index.setdefault(("goals", stated.id), (at.policy.id, (*at.path, "goals", i), stated))
    for ind in all_indicators(plan):
        container = ind.parents[-1].id if ind.parents else ind.policy.id if ind.policy else "standards"
        name = "standards" if ind.is_standard and not ind.parents else "indicators"
        index.setdefault((name, ind.indicator.id), (container, ind.path, ind.indicator))
    return index


def depth_of(path: Path | None) -> int:
    """The level of the policy at a data path (1 for a first-level policy), from the ``policies`` steps in it."""
    return sum(1 for step in path or () if step == "policies")


def keyed(items: list[Any], positions: list[int] | None = None) -> dict[str, tuple[int, Any]]:
    """Items by key, with their index (or their ``positions`` in a longer list); a repeated key gets ``#2``, ``#3``."""
    out: dict[str, tuple[int, Any]] = {}
    last: dict[str, int] = {}  # the last number given to each key: 10,000 copies of one id cost no 10**8 look-ups
    for index, item in zip(positions or range(len(items)), items, strict=True):
        key = KEYS[type(item)](item) if type(item) in KEYS else str(index)
        unique, n = key, last.get(key, 1)
        while unique in out:
            n += 1
            unique = f"{key}#{n}"
        last[key] = n
        out[unique] = (index, item)
    return out


def merged_order(old: list[str], new: list[str]) -> list[str]:
    """New keys in new order; each removed key right after its nearest surviving old predecessor."""
    kept = set(new)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for key in old:
        if key in kept:
            anchor = key
        else:
            after.setdefault(anchor, []).append(key)
    merged = list(after.get(None, []))
    for key in new:
        merged.append(key)
        merged.extend(after.get(key, []))
    return merged


def out_of_order(old: list[str], new: list[str]) -> set[str]:
    """Keys outside the longest common subsequence of two orders of the same keys."""
    position = {key: n for n, key in enumerate(old)}
    return set(new) - _longest_rising(new, position)


def _longest_rising(keys: list[str], position: dict[str, int]) -> set[str]:
    """The keys of the longest run (not necessarily adjacent) whose old positions rise, in n log n.

    The keys of an order are unique, so this is their longest common subsequence with the old
    order: the items that kept their place. (difflib's matcher took quadratic time here.)
    """
    tails: list[int] = []  # tails[k]: the smallest old position that ends a rising run of k + 1 keys
    ends: list[int] = []  # ends[k]: the index in keys of that key
    before: list[int] = []  # the index of the key before each key in its best run, -1 for none
    for n, key in enumerate(keys):
        if key not in position:
            before.append(-1)
            continue
        at = bisect.bisect_left(tails, position[key])
        if at == len(tails):
            tails.append(position[key])
            ends.append(n)
        else:
            tails[at], ends[at] = position[key], n
        before.append(ends[at - 1] if at else -1)
    kept: set[str] = set()
    n = ends[-1] if ends else -1
    while n >= 0:
        kept.add(keys[n])
        n = before[n]
    return kept


def dump(value: Any) -> Any:
    """A value as JSON-ready data (models as dicts without empty keys, dates as ISO text)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [dump(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def title_of(value: Any) -> str:
    """An item's name, title or text, as published."""
    for attr in ("name", "title", "text", "definition"):
        text = getattr(value, attr, None)
        if isinstance(text, str):
            return text
    return ""


def item_ref(name: str, value: Any, key: str) -> tuple[str, str]:
    """What an item is and its number, for wording: ``("indicator", "19")``, ``("action_plan", "2567")``."""
    number = getattr(value, "number", None)
    noun = SINGULAR.get(name, name).replace(" ", "_")
    if isinstance(value, ActionPlan | Report) and value.year_kind == "academic":
        noun += "_academic"
    return noun, str(number or key)


def label_of(name: str, value: Any, key: str) -> str:
    """What an item is, with its number: ``indicator 19``, ``approach 3.2.5``, ``component A1``."""
    noun, number = item_ref(name, value, key)
    return f"{noun.replace('_', ' ')} {number}"


def key_of(value: Any) -> str:
    """The key the diff matches an item by ("" for lists matched by position)."""
    return KEYS[type(value)](value) if type(value) in KEYS else ""


def describe(name: str, value: Any) -> str:
    """:func:`label_of` an item of list ``name``, keyed as the diff keys it."""
    return label_of(name, value, key_of(value))


def models_keyed(items: list[Any]) -> dict[str, tuple[int, Any]]:
    """The items of a mixed list that are models, keyed, with their places in the whole list."""
    places = [n for n, item in enumerate(items) if isinstance(item, BaseModel)]
    return keyed([items[n] for n in places], places)


def indicators_under(value: Any) -> list[Indicator]:
    """The indicators of a policy and of every policy under it, with their sub-indicators; an indicator's parts."""
    found: list[Indicator] = []
    if isinstance(value, Policy):
        for indicator in value.indicators:
            found += [indicator, *indicators_under(indicator)]
        for policy in value.policies:
            found += indicators_under(policy)
    elif isinstance(value, Indicator):
        for part in value.indicators:
            found += [part, *indicators_under(part)]
    return found
