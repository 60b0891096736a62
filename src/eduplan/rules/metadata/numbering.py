"""The numbered lists of a plan (shared by MD03 and MD04)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Path
from ...model import Plan

__all__ = ["numbered_lists", "parse_number"]

_WELL_FORMED = re.compile(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*$")

NumberedList = tuple[str | None, list[tuple[Path, str]]]


def numbered_lists(plan: Plan) -> Iterator[NumberedList]:
    """Each list of numbered items: (the number its items start with, [(path, number)])."""
    yield None, [(("missions", n), m.number) for n, m in enumerate(plan.missions)]
    yield None, [(("goals", n), g.number) for n, g in enumerate(plan.goals)]
    yield None, [(("policies", n), p.number) for n, p in enumerate(plan.policies)]
    for p, policy in enumerate(plan.policies):
        for name in ("targets", "approaches"):
            items = getattr(policy, name)
            yield policy.number, [(("policies", p, name, n), s.number) for n, s in enumerate(items)]
        yield None, [(("policies", p, "indicators", n), i.number) for n, i in enumerate(policy.indicators)]


def parse_number(number: str) -> tuple[int, ...] | None:
    """``"3.2.11"`` -> (3, 2, 11); None when malformed."""
    if not _WELL_FORMED.match(number):
        return None
    return tuple(int(part) for part in number.split("."))
