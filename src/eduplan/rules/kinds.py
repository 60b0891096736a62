"""What values an indicator's kind allows (shared by the TG rules on targets and AN03 on actuals).

Each check takes a ``label`` naming the value in the message ("target for 2567", "the actual of
p1-i1 for 2567") and returns what is wrong as ``(message, hint)``, or nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.model import Change, Range
from eduplan.rules.base import numeric, show

__all__ = ["WORD_KINDS", "count_problem", "kind_problem", "level_problem", "percent_problems"]

WORD_KINDS = ("level", "qualitative")
"""Kinds whose values are words (such as ดีมาก); the others take numbers or ranges."""


def percent_problems(label: str, value: object, *, plain: bool = False) -> Iterator[tuple[Path, str, str]]:
    """A percentage outside 0..100: ``(sub-path, message, hint)`` per offending number or range bound.

    ``plain``: the label already shows the value (a change and the value it names).
    """
    hint = "if the indicator counts things, set its kind to count and its unit accordingly"
    if plain:
        number = numeric(value)
        if number is not None and not 0 <= number <= 100:
            yield (), f"{label} {_NOT_PERCENT}", "a change counts from the baseline or the previous year's target"
        return
    if isinstance(value, Range):
        for bound in ("min", "max"):
            number = getattr(value, bound)
            if number is not None and not 0 <= number <= 100:
                yield (bound,), f"{label} ({bound} {show(number)}) {_NOT_PERCENT}", hint
        return
    number = numeric(value)
    if number is not None and not 0 <= number <= 100:
        yield (), f"{label} ({show(value)}) {_NOT_PERCENT}", hint


_NOT_PERCENT = "is not a percentage: it must lie between 0 and 100"


def kind_problem(label: str, value: object, kind: str | None) -> tuple[str, str] | None:
    """A word for a numeric kind, or a number, range or change for a word kind (none for a group without a kind)."""
    if kind is None:
        return None
    wants_words = kind in WORD_KINDS
    if isinstance(value, Change):
        if not wants_words:
            return None
        return (
            f"{label} is a change ({value.shown()}), but the indicator is of kind {kind}",
            "a change counts an amount: give the level as a word, or set kind to percent, count or score",
        )
    if isinstance(value, str) and not wants_words:
        return (
            f"{label} is the word {value!r}, but the indicator is of kind {kind}",
            "give a number, or set kind to level (with levels) or qualitative",
        )
    if wants_words and not isinstance(value, str):
        what = "a range" if isinstance(value, Range | dict) else show(value)
        return (
            f"{label} is {what}, but the indicator is of kind {kind}",
            "give the level as a word, or set kind to percent, count or score",
        )
    return None


def level_problem(value: object, levels: list[str] | None) -> tuple[str, str] | None:
    """A word that is not on the indicator's scale of ``levels`` (when it has one)."""
    if not levels or not isinstance(value, str) or value in levels:
        return None
    close = difflib.get_close_matches(value, levels, n=1)
    return (
        f"{value!r} is not one of the indicator's levels ({', '.join(levels)})",
        f"did you mean {close[0]!r}?" if close else "add it to levels or use one of them",
    )


def count_problem(label: str, value: object, unit: str | None) -> tuple[str, str] | None:
    """A count that is negative or not a whole number."""
    number = numeric(value)
    if number is None or (number >= 0 and number.is_integer()):
        return None
    return (
        f"{label} ({show(value)}) is not a whole number of {unit or 'things'}",
        "a count is 0, 1, 2, ...; if it is a share, set kind to percent",
    )
