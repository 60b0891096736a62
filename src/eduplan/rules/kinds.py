"""What values an indicator's kind allows (shared by the TG rules on targets and AN03 on actuals).

Each check takes a ``label`` naming the value in the message ("target for 2567", "the actual of
p1-i1 for 2567") and returns what is wrong as ``(message, hint)``, or nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.i18n import _
from eduplan.model import Change, Range
from eduplan.rules.base import numeric, show

__all__ = ["WORD_KINDS", "count_problem", "kind_problem", "level_problem", "percent_problems"]

WORD_KINDS = ("level", "qualitative")
"""Kinds whose values are words (such as ดีมาก); the others take numbers or ranges."""


def percent_problems(label: str, value: object, *, plain: bool = False) -> Iterator[tuple[Path, str, str]]:
    """A percentage outside 0..100: ``(sub-path, message, hint)`` per offending number or range bound.

    ``plain``: the label already shows the value (a change and the value it names).
    """
    if plain:
        number = numeric(value)
        if number is not None and not 0 <= number <= 100:
            yield (
                (),
                _("{label} is not a percentage: it must lie between 0 and 100").format(label=label),
                _("a change counts from the baseline or the previous year's target"),
            )
        return
    hint = _("if the indicator counts things, set its kind to count and its unit accordingly")
    if isinstance(value, Range):
        for bound, message in (
            ("min", _("{label} (min {value}) is not a percentage: it must lie between 0 and 100")),
            ("max", _("{label} (max {value}) is not a percentage: it must lie between 0 and 100")),
        ):
            number = getattr(value, bound)
            if number is not None and not 0 <= number <= 100:
                yield (bound,), message.format(label=label, value=show(number)), hint
        return
    number = numeric(value)
    if number is not None and not 0 <= number <= 100:
        message = _("{label} ({value}) is not a percentage: it must lie between 0 and 100")
        yield (), message.format(label=label, value=show(value)), hint


def kind_problem(label: str, value: object, kind: str | None) -> tuple[str, str] | None:
    """A word for a numeric kind, or a number, range or change for a word kind (none for a group without a kind)."""
    if kind is None:
        return None
    wants_words = kind in WORD_KINDS
    if isinstance(value, Change):
        if not wants_words:
            return None
        return (
            _("{label} is a change ({change}), but the indicator is of kind {kind}").format(
                label=label, change=value.shown(), kind=kind
            ),
            _("a change counts an amount: give the level as a word, or set kind to percent, count or score"),
        )
    if isinstance(value, str) and not wants_words:
        return (
            _("{label} is the word {value!r}, but the indicator is of kind {kind}").format(
                label=label, value=value, kind=kind
            ),
            _("give a number, or set kind to level (with levels) or qualitative"),
        )
    if wants_words and not isinstance(value, str):
        if isinstance(value, Range | dict):
            message = _("{label} is a range, but the indicator is of kind {kind}").format(label=label, kind=kind)
        else:
            message = _("{label} is {value}, but the indicator is of kind {kind}").format(
                label=label, value=show(value), kind=kind
            )
        return message, _("give the level as a word, or set kind to percent, count or score")
    return None


def level_problem(value: object, levels: list[str] | None, label: str | None = None) -> tuple[str, str] | None:
    """A word that is not on the indicator's scale of ``levels`` (when it has one); ``label`` names the value."""
    if not levels or not isinstance(value, str) or value in levels:
        return None
    close = difflib.get_close_matches(value, levels, n=1)
    shown = ", ".join(levels)
    if label is None:
        message = _("{value!r} is not one of the indicator's levels ({levels})").format(value=value, levels=shown)
    else:
        message = _("{label}: {value!r} is not one of the indicator's levels ({levels})").format(
            label=label, value=value, levels=shown
        )
    hint = _("did you mean {close!r}?").format(close=close[0]) if close else _("add it to levels or use one of them")
    return message, hint


def count_problem(label: str, value: object, unit: str | None) -> tuple[str, str] | None:
    """A count that is negative or not a whole number."""
    number = numeric(value)
    if number is None or (number >= 0 and number.is_integer()):
        return None
    if unit:
        message = _("{label} ({value}) is not a whole number of {unit}").format(
            label=label, value=show(value), unit=unit
        )
    else:
        message = _("{label} ({value}) is not a whole number of things").format(label=label, value=show(value))
    return message, _("a count is 0, 1, 2, ...; if it is a share, set kind to percent")
