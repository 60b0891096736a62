"""Pydantic's errors in plain words: one message (and a hint) per kind of error a plan or a configuration meets.

Pydantic's own messages are English and show values as Python writes them
(``datetime.datetime(2024, 9, 20, 0, 0)``); the users of eduplan read Thai first, and wrote
``2024-09-20``. :func:`plain_error` gives every error type its own sentence in the run's
language, the value named as the user wrote it (:func:`~eduplan.model.common.describe`).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from eduplan.i18n import N_, _
from eduplan.model.common import PlanValueError, describe, shown_value

__all__ = ["plain_error"]


def plain_error(error: Any) -> tuple[str, str | None]:
    """A pydantic error in plain words, in the run's language: the message and a hint (or ``None``).

    Every error type a plan (or a configuration) meets has its own message, the value shown as
    the user wrote it (:func:`~eduplan.model.common.describe`): never pydantic's English, never a
    Python ``repr`` of a date or a list. The model's own refusals (:class:`PlanValueError`) bring
    their message and hint. Used for the findings of a plan and the error line of a configuration.
    """
    kind: str = error["type"]
    value = error.get("input")
    got = describe(value)
    raised = (error.get("ctx") or {}).get("error")
    if kind in ("value_error", "assertion_error"):
        if isinstance(raised, PlanValueError):
            return str(raised), raised.hint
        text = str(raised) if isinstance(raised, Exception) else error["msg"]
        return _("the value {value} is not valid here: {reason}").format(value=got, reason=f"`{text}`"), None
    at_key = "[key]" in tuple(error.get("loc", ()))
    if at_key and kind == "int_type":
        return (
            _("a key here must be a whole number (a year such as 2566), not {value}").format(value=got),
            _("write the year with digits and without quotes"),
        )
    if kind in _EXPECTED:
        return _(_EXPECTED[kind]).format(value=got), _type_hint(kind, value)
    if kind in ("literal_error", "enum"):
        allowed = ", ".join(f"`{word}`" for word in _choices(error))
        return _("{value} is not allowed here: use {allowed}").format(value=got, allowed=allowed), _close(error)
    if kind == "string_too_short":
        return _("the text is empty"), _("write the text, or remove the key")
    if kind == "string_too_long":
        most = (error.get("ctx") or {}).get("max_length")
        return (
            _("the text is longer than {most} characters").format(most=most),
            _("shorten it; an id is a short name such as p1-i2"),
        )
    if kind == "string_pattern_mismatch":
        return (
            _("{value} is not a valid id: use lowercase ASCII letters, digits, '.', '_' and '-'").format(value=got),
            _("write it as p1-i2 or goal-3, for example"),
        )
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return (
            _("{value} is not a date").format(value=got),
            _("write the date as YYYY-MM-DD in the Christian Era, such as 2024-09-20"),
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        limit = next(iter((error.get("ctx") or {}).values()), "")
        words = {
            "greater_than_equal": N_("{value} is too small: the least allowed is {limit}"),
            "greater_than": N_("{value} is too small: it must be more than {limit}"),
            "less_than_equal": N_("{value} is too large: the most allowed is {limit}"),
            "less_than": N_("{value} is too large: it must be less than {limit}"),
        }
        return _(words[kind]).format(value=got, limit=limit), None
    if kind in ("too_short", "too_long"):
        return _("the list {value} has too few or too many items").format(value=got), None
    return _("{value} is not valid here").format(value=got), None


_EXPECTED = {
    "string_type": N_("expected text, got {value}"),
    "int_type": N_("expected a whole number, got {value}"),
    "int_from_float": N_("expected a whole number, got {value}"),
    "float_type": N_("expected a number, got {value}"),
    "bool_type": N_("expected true or false, got {value}"),
    "dict_type": N_("expected a mapping, got {value}"),
    "model_type": N_("expected a mapping, got {value}"),
    "model_attributes_type": N_("expected a mapping, got {value}"),
    "list_type": N_("expected a list, got {value}"),
    "union_tag_invalid": N_("{value} is none of the forms allowed here"),
    "union_tag_not_found": N_("{value} is none of the forms allowed here"),
    "is_instance_of": N_("{value} is none of the forms allowed here"),
}
"""Error types that say which kind of value was expected (``{value}``: what was given)."""


def _type_hint(kind: str, value: Any) -> str | None:
    """What to do about a value of the wrong type, from what it is."""
    if value is None:
        return _("an empty value is null in YAML; give a value or remove the key")
    if kind in ("float_type", "int_type", "int_from_float") and isinstance(value, str):
        return _("write the number without quotes")
    if kind in ("int_type", "int_from_float") and isinstance(value, float):
        return _("write a whole number, without a decimal point")
    if kind == "string_type" and isinstance(value, dict):
        return _("a colon followed by a space makes a key: put the whole text in quotes")
    if kind == "string_type" and isinstance(value, list):
        return _("a dash or brackets make a list: write one text, or put it in quotes")
    if kind == "string_type" and isinstance(value, bool | int | float):
        return _("put the value in quotes to make it text: {example}").format(example=f'"{shown_value(value)}"')
    if kind == "bool_type":
        return _("write true or false, without quotes")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("write the keys of this item, each on its own line and indented under it")
    if kind == "list_type":
        return _("write each item on its own line, starting with a dash (- )")
    return None


def _choices(error: Any) -> list[str]:
    """The words a literal allows, as pydantic lists them (``'percent', 'count' or 'score'``)."""
    expected = (error.get("ctx") or {}).get("expected", "")
    return re.findall(r"'([^']*)'", str(expected)) or [w for w in re.split(r",\s*|\s+or\s+", str(expected)) if w]


def _close(error: Any) -> str | None:
    value = error.get("input")
    if isinstance(value, str):
        close = difflib.get_close_matches(value, _choices(error), n=1, cutoff=0.5)
        if close:
            return _("did you mean {word}?").format(word=repr(close[0]))
    return None
