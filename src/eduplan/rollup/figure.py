"""One figure made of units' answers: the methods of a roll-up, computed exactly, with what stands behind them.

:func:`compute` takes the units whose answers count (:class:`Part`, each with the values it gave and where they
were read) and returns a :class:`Figure`: the value, the two pooled numbers it is made of, and its coverage. Every
number is a :class:`~decimal.Decimal`, so a sum of 0.1s is exact and a figure is the same whatever the order of
the units. Nothing is rounded here: :func:`rounded` rounds for a document, half away from zero.

=========  ===================================================  ==========================================
method     value                                                numerator / denominator
=========  ===================================================  ==========================================
sum        Σ value                                              Σ value / -
ratio      Σ numerator / Σ denominator × per                    Σ numerator / Σ denominator
share      units meeting the condition / units reporting × 100  units meeting it / units reporting
mean       Σ weight × value / Σ weight (weight 1 without one)   Σ weight × value / Σ weight
count      units meeting the condition (all reporting without)  units meeting it / units reporting
latest     the value of the unit that reported last             -
list       what each unit said, in register order               -
=========  ===================================================  ==========================================

A figure of no unit is no data (``value`` None), never 0; a ratio whose denominators add up to 0 is no data too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from eduplan.model.register import Unit
from eduplan.model.rollup import Condition, Method, Question
from eduplan.rollup.records import Value

__all__ = ["HUNDRED", "Figure", "Part", "compute", "meets", "rounded"]

HUNDRED = Decimal(100)

FigureValue = Decimal | str | tuple[tuple[str, str], ...] | None
"""A figure's value: a number, a level or words (``latest``), what each unit said (``list``), or None: no data."""


@dataclass(frozen=True, slots=True)
class Part:
    """One unit's part in a figure: the values it gave that count, and where each was read.

    Attributes:
        unit: The unit (from the register).
        values: Question key -> the value counted (a number as Decimal, a level or words, a bool).
        where: Question key -> where the answer was read (``returns/2567/1052140123.xlsx!C7``).
        weight: The weight of a weighted mean (the register's students, or a collected number).
        received: When the unit's return was made, for ``latest``.
        meets: For a share or a count: whether the answer meets the condition.
    """

    unit: Unit
    values: Mapping[str, Value]
    where: Mapping[str, str] = field(default_factory=dict)
    weight: Decimal | None = None
    received: dt.date | None = None
    meets: bool | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of units, with what it is made of.

    Attributes:
        value: The figure (see the module's table); None: no data.
        numerator: The first pooled number behind it (see the table), when the method has one.
        denominator: The second one.
        expected: The units the register expects (within the scope, open on the day), in register order.
        parts: The expected units whose answers count, in register order.
        no_data: Expected units that said they have no data (ไม่มีข้อมูล).
        left_out: Expected units whose answers could not be counted (a finding says why).
    """

    value: FigureValue
    numerator: Decimal | None
    denominator: Decimal | None
    expected: tuple[Unit, ...]
    parts: tuple[Part, ...]
    no_data: tuple[Unit, ...] = ()
    left_out: tuple[Unit, ...] = ()

    @property
    def reported(self) -> int:
        """How many expected units' answers count."""
        return len(self.parts)

    @property
    def sent(self) -> int:
        """How many expected units answered at all: counted, no data, or left out."""
        return len(self.parts) + len(self.no_data) + len(self.left_out)

    @property
    def coverage(self) -> Decimal | None:
        """Counted units over expected units, in percent (never above 100); None when no unit is expected."""
        if not self.expected:
            return None
        return Decimal(self.reported) * HUNDRED / Decimal(len(self.expected))

    @property
    def missing(self) -> tuple[Unit, ...]:
        """The expected units that did not answer at all, in register order."""
        answered = {p.unit.code for p in self.parts} | {u.code for u in (*self.no_data, *self.left_out)}
        return tuple(u for u in self.expected if u.code not in answered)


def meets(condition: Condition, question: Question, value: Value) -> bool:
    """Whether an answer meets a share's or a count's condition (a threshold, a level at or above one, yes or no)."""
    if condition.yes is not None:
        return value is condition.yes
    if condition.level_at_least is not None:
        scale = question.levels or []
        return isinstance(value, str) and value in scale and scale.index(value) >= scale.index(condition.level_at_least)
    if not isinstance(value, Decimal):
        return False
    if condition.at_least is not None and value < Decimal(str(condition.at_least)):
        return False
    return condition.at_most is None or value <= Decimal(str(condition.at_most))


def compute(
    method: Method,
    parts: Sequence[Part],
    expected: Sequence[Unit],
    *,
    per: Decimal = HUNDRED,
    no_data: Sequence[Unit] = (),
    left_out: Sequence[Unit] = (),
) -> Figure:
    """The figure of ``parts`` (the units whose answers count, in register order) by ``method``.

    ``parts`` of a share or a count carry :attr:`Part.meets`; of a weighted mean, :attr:`Part.weight` (None:
    every unit weighs 1). ``per`` scales a ratio (100 for a percentage).
    """
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: FigureValue = None
    if method == "sum":
        numbers = [p.values["value"] for p in parts]
        numerator = sum((n for n in numbers if isinstance(n, Decimal)), Decimal(0))
        value = numerator if parts else None
    elif method == "ratio":
        numerator = sum((_number(p.values["numerator"]) for p in parts), Decimal(0))
        denominator = sum((_number(p.values["denominator"]) for p in parts), Decimal(0))
        value = numerator * per / denominator if parts and denominator else None
    elif method in ("share", "count"):
        numerator = Decimal(sum(1 for p in parts if p.meets))
        denominator = Decimal(len(parts))
        if method == "count":
            value = numerator if parts else None
        else:
            value = numerator * HUNDRED / denominator if parts else None
    elif method == "mean":
        weights = [p.weight if p.weight is not None else Decimal(1) for p in parts]
        numerator = sum((w * _number(p.values["value"]) for w, p in zip(weights, parts, strict=True)), Decimal(0))
        denominator = sum(weights, Decimal(0))
        value = numerator / denominator if parts and denominator else None
    elif method == "latest":
        value = _latest(parts)
    else:  # list
        value = tuple((p.unit.code, str(p.values["value"])) for p in parts) or None
    return Figure(value, numerator, denominator, tuple(expected), tuple(parts), tuple(no_data), tuple(left_out))


def _number(value: Value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)  # the engine passes numbers only


def _latest(parts: Sequence[Part]) -> Decimal | str | None:
    """The value of the part received last; of equals, the first in register order."""
    best: Part | None = None
    for part in parts:
        if best is None or (part.received or dt.date.min) > (best.received or dt.date.min):
            best = part
    if best is None:
        return None
    value = best.values["value"]
    return (
        value if isinstance(value, Decimal | str) else ("yes" if value else "no") if isinstance(value, bool) else None
    )


def rounded(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places (86.265 -> 86.27), trailing zeros dropped."""
    step = Decimal(1).scaleb(-decimals)
    result = value.quantize(step, rounding=ROUND_HALF_UP)
    return result.normalize() if result != result.to_integral_value() else result.quantize(Decimal(1))
