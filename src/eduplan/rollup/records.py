"""What the roll-up engine consumes: each unit's answers to the questions of the office's indicators.

The returns reader (``eduplan collect``'s workbooks read back, or a school's own eduplan report) makes one
:class:`UnitReturn` per unit and year; the engine never reads files itself. A value is one of:

- a :class:`~decimal.Decimal` for a number (``0`` stays zero: a school with no student who failed);
- a ``str`` for a level (one of the question's scale) or for words;
- a ``bool`` for a yes/no question;
- ``None`` when the unit said explicitly that it has no data (ไม่มีข้อมูล): no data is never zero.

A question the unit left blank, or whose cell was wrong, has no :class:`Answer` at all: the reader reports the
wrong cell as a located finding and leaves the answer out, never guessing. For a ratio, a unit counts only when it
gave both the numerator and the denominator as numbers (the engine reports a unit that gave one of the two).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["Answer", "UnitReturn", "Value"]

Value = Decimal | str | bool | None
"""An answer's value: a number, a level or words, yes/no, or None for "no data" said explicitly."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One unit's answer to one question of one indicator.

    Attributes:
        key: The question's key in the indicator's ``rollup.collect``: ``numerator``, ``denominator``, ``value``
            (or the key a mean's weight names).
        value: The answer (see the module's text); ``None`` is "no data", said explicitly.
        where: Where it was read, for findings and provenance: ``returns/2567/1052140123.xlsx!C7`` or
            ``../schools/1052140123/reports/2567.yaml:12:5``.
    """

    key: str
    value: Value
    where: str


@dataclass(frozen=True, slots=True)
class UnitReturn:
    """Everything one unit returned for one year.

    Attributes:
        unit: The unit's code in the register (``1052140123``); a code the register does not hold is reported by
            the engine (RU03), never counted.
        year: The Buddhist-Era year it reports (fiscal or academic, as the office's plan counts years).
        source: The file it came from (``returns/2567/1052140123.xlsx``), shown in provenance.
        answers: Indicator id -> question key -> answer. An indicator the unit did not answer at all is absent;
            the unit is then not counted as reporting for it.
        received: When the return was made or received (B.E. date, from the workbook or the report), if known;
            ``latest`` orders by it.
    """

    unit: str
    year: int
    source: str
    answers: Mapping[str, Mapping[str, Answer]] = field(default_factory=dict)
    received: dt.date | None = None

    def answer(self, indicator: str, key: str) -> Answer | None:
        """The answer to one question of one indicator, or None when the unit did not give it."""
        return self.answers.get(indicator, {}).get(key)
