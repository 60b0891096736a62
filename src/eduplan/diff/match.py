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
    Project,
    ProjectResult,
    Quality,
    Report,
    Statement,
)

__all__ = [
    "KEYS",
    "MOVABLE",
    "SINGULAR",
    "describe",
    "dump",
    "item_ref",
    "key_of",
    "keyed",
    "label_of",
    "merged_order",
    "movable_index",
    "out_of_order",
    "title_of",
]

KEYS: dict[type[BaseModel], Callable[[Any], str]] = {
    Policy: lambda m: m.id,
    Statement: lambda m: m.id,
    Indicator: lambda m: m.id,
    Project: lambda m: m.id,
    ActionPlan: lambda m: str(m.fiscal_year),
    Report: lambda m: str(m.fiscal_year),
    Actual: lambda m: m.indicator,
    ProjectResult: lambda m: m.project,
    ComponentGroup: lambda m: m.name,
    Component: lambda m: m.code,
    Quality: lambda m: m.code,
    Acceptance: lambda m: f"{m.code}@{m.at}",
    AlignmentRef: lambda m: f"{m.scheme}:{m.code}",
}
"""How the items of each kind of list are matched between editions."""

MOVABLE = ("targets", "approaches", "indicators")
"""Policy lists whose items keep their id when they move to another policy."""

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
}
"""How list names read for one item."""


def movable_index(plan: Plan) -> dict[tuple[str, str], tuple[str, Path, Any]]:
    """(list name, id) -> (policy id, data path, item) for every item that can move between policies."""
    index: dict[tuple[str, str], tuple[str, Path, Any]] = {}
    for p, policy in enumerate(plan.policies):
        for name in MOVABLE:
            for i, item in enumerate(getattr(policy, name)):
                index.setdefault((name, item.id), (policy.id, ("policies", p, name, i), item))
    return index


def keyed(items: list[Any]) -> dict[str, tuple[int, Any]]:
    """Items by key, with their index; a repeated key gets ``#2``, ``#3`` (the plan is invalid)."""
    out: dict[str, tuple[int, Any]] = {}
    last: dict[str, int] = {}  # the last number given to each key: 10,000 copies of one id cost no 10**8 look-ups
    for index, item in enumerate(items):
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
    return SINGULAR.get(name, name).replace(" ", "_"), str(number or key)


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
