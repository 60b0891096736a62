"""Shared by the diff tests: the real plan as data, and building plans from edited data."""

from __future__ import annotations

import copy
import functools
from typing import Any

from eduplan.diff import DiffOptions, DiffResult, diff_plans
from eduplan.load.loader import load_plan
from eduplan.model import Plan
from tests.conftest import REAL_PLAN


@functools.cache
def _real() -> Plan:
    result = load_plan(REAL_PLAN)
    assert result.plan is not None and not result.partial
    return result.plan


def real_data() -> dict[str, Any]:
    """The real plan as plain Python data (a fresh copy each time)."""
    return copy.deepcopy(_real().model_dump(exclude_none=True))


def plan(data: dict[str, Any]) -> Plan:
    return Plan.model_validate(data)


def diff(old: dict[str, Any], new: dict[str, Any], **options: Any) -> DiffResult:
    return diff_plans(plan(old), plan(new), options=DiffOptions(**options))


def kinds(result: DiffResult) -> list[tuple[str, str]]:
    """(kind, path) of every change, in report order."""
    return [(c.kind.value, c.path) for c in result.changes]


def indicator(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for policy in data["policies"]:
        for item in policy["indicators"]:
            if item["id"] == ident:
                return item
    raise KeyError(ident)
