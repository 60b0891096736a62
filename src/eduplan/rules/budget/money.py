"""Amounts in baht: adding them up and writing them (shared by the BG rules)."""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["SATANG", "baht", "difference", "differs", "total"]

SATANG = 0.005
"""Half a satang: sums that differ by less are equal (floating-point rounding of 0.01 baht)."""


def total(amounts: Iterable[float]) -> float:
    """The sum, rounded to satang (so that 0.1 + 0.2 gives 0.3)."""
    return round(math.fsum(amounts), 2)


def differs(got: float, declared: float) -> bool:
    """Whether two amounts differ by half a satang or more."""
    return abs(got - declared) >= SATANG


def baht(amount: float) -> str:
    """An amount with thousands separators; satang only when it has them: 120,000 or 1,250.50."""
    amount = round(amount, 2)
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


def difference(got: float, declared: float) -> str:
    """How far a sum is from the declared amount, in words: "10,000 baht short" or "500 baht over"."""
    gap = round(got - declared, 2)
    return f"{baht(abs(gap))} baht {'over' if gap > 0 else 'short'}"
