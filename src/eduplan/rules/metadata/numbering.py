"""The numbered lists of a plan (shared by MD03 and MD04)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.model import Plan

__all__ = ["numbered_lists", "parse_number"]

_WELL_FORMED = re.compile(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*$")

NumberedList = tuple[tuple[str, ...], str | None, list[tuple[Path, str]]]


def numbered_lists(plan: Plan) -> Iterator[NumberedList]:
    """Each list of numbered items: (its shape, the number its items start with, [(path, number)])."""
    for name in ("missions", "goals", "policies"):
        yield (name,), None, [((name, n), item.number) for n, item in enumerate(getattr(plan, name))]
    for p, policy in enumerate(plan.policies):
        for name in ("targets", "approaches", "indicators"):
            items = getattr(policy, name)
            owner = policy.number if name != "indicators" else None
            yield ("policies", name), owner, [(("policies", p, name, n), s.number) for n, s in enumerate(items)]


def parse_number(number: str) -> tuple[int, ...] | None:
    """``"3.2.11"`` -> (3, 2, 11); None when malformed."""
    if not _WELL_FORMED.match(number):
        return None
    return tuple(int(part) for part in number.split("."))
