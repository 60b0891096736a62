"""Amounts in baht: adding them up and writing them (the BG rules, the documents, every output).

Sums are exact decimals, not floats: a plan may hold any finite amount (``1e308``, or an integer
of 400 digits), and adding two of them must give a finding, not an overflow that stops the run.
A float counts as the decimal it is written as (``0.1`` is one tenth), so ``0.1 + 0.2`` is ``0.3``.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal

from eduplan.i18n import _

__all__ = ["SATANG", "Amount", "baht", "difference", "differs", "exact", "total"]

Amount = float | Decimal
"""An amount of baht: as the plan gives it (a number) or as eduplan adds it up (exact)."""

SATANG = Decimal("0.005")
"""Half a satang: sums that differ by less are equal."""

_EXACT = decimal.Context(prec=10_000, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[decimal.InvalidOperation])
"""Enough digits for any amount YAML can give (Python reads integers of up to 4,300 digits)."""
_CENT = Decimal("0.01")
_HUGE = Decimal(10) ** 15
"""A thousand trillion baht: larger amounts are written in scientific notation."""


def exact(amount: float | Decimal) -> Decimal:
    """An amount as the decimal it is written as: ``0.1`` -> ``Decimal('0.1')``, ``1e308`` exactly."""
    if isinstance(amount, Decimal):
        return amount
    if isinstance(amount, float):
        return Decimal(repr(amount))  # the shortest decimal that reads back as this float
    return Decimal(amount)


def total(amounts: Iterable[float | Decimal]) -> Decimal:
    """The exact sum, rounded to satang."""
    result = Decimal(0)
    for amount in amounts:
        result = _EXACT.add(result, exact(amount))
    return result.quantize(_CENT, context=_EXACT)


def differs(got: float | Decimal, declared: float | Decimal) -> bool:
    """Whether two amounts differ by half a satang or more."""
    return abs(_EXACT.subtract(exact(got), exact(declared))) >= SATANG


def baht(amount: Amount) -> str:
    """An amount with thousands separators; satang only when it has them: 120,000 or 1,250.50."""
    value = exact(amount)
    if abs(value) >= _HUGE:
        return f"{value:.3E}"  # 1.000E+308: thousands of digits help nobody
    value = value.quantize(_CENT, context=_EXACT) + 0  # + 0: no "-0" for -0.0
    whole = value == value.to_integral_value(context=_EXACT)
    return f"{value:,.0f}" if whole else f"{value:,.2f}"


def difference(got: float | Decimal, declared: float | Decimal) -> str:
    """How far a sum is from the declared amount, in words: "10,000 baht short" or "500 baht over"."""
    gap = _EXACT.subtract(exact(got), exact(declared))
    message = _("{amount} baht over") if gap > 0 else _("{amount} baht short")
    return message.format(amount=baht(abs(gap)))
